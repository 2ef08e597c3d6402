"""Secure by default: token, tickets, scopes, Host and Origin, limits, JSON errors."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import aiohttp
import pytest

from storyclip_gui.server.security import (
    RequestGuard,
    Scope,
    TicketSigner,
    load_or_create_token,
    split_host,
)
from tests.server.conftest import TOKEN, auth, make_job, next_json, running, wait_until

FOREIGN_HOSTS = [
    "evil.example:{port}",
    "127.1:{port}",
    "0x7f.1:{port}",
    "0x7f000001:{port}",
    "2130706433:{port}",
    "localhost6:{port}",
    "localhost.:{port}",
    "[::ffff:127.0.0.1]:{port}",
    "127.0.0.1:{other}",
    "127.0.0.1",
    "localhost:{port}:{port}",
    "",
]
FOREIGN_ORIGINS = [
    "null",
    "http://evil.example",
    "http://127.1:{port}",
    "http://0x7f.1:{port}",
    "http://localhost6:{port}",
    "https://127.0.0.1:{port}",
    "http://127.0.0.1:{other}",
    "http://127.0.0.1:{port}.evil.example",
]


# -- units -------------------------------------------------------------------------------------
def test_token_file_is_made_once_with_mode_0600(tmp_path: Path) -> None:
    path = tmp_path / "data" / "server-token"
    token = load_or_create_token(path)
    assert len(token) >= 32
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_or_create_token(path) == token
    path.chmod(0o644)  # someone loosened it: tightened again, same token
    assert load_or_create_token(path) == token
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_tickets_are_signed_scoped_and_expire() -> None:
    now = [1000.0]
    signer = TicketSigner(60, secret=b"k" * 32, clock=lambda: now[0])
    ticket, expires = signer.issue("job1")
    principal = signer.verify(ticket)
    assert principal is not None and principal.scope is Scope.OBSERVE
    assert principal.may_observe("job1") and not principal.may_observe("job2")
    assert not principal.may_observe(None) and not principal.may_control
    assert signer.verify(ticket.replace("job1", "job2")) is None
    assert signer.verify(ticket[:-2] + "AA") is None
    assert TicketSigner(60, secret=b"x" * 32, clock=lambda: now[0]).verify(ticket) is None
    assert signer.verify("garbage") is None and signer.verify("a.b.c") is None
    now[0] = expires + 1
    assert signer.verify(ticket) is None


def test_host_and_origin_rules_are_exact() -> None:
    guard = RequestGuard(8765, extra_origins=["http://localhost:3000/"])
    for good in ("127.0.0.1:8765", "localhost:8765", "LOCALHOST:8765", "[::1]:8765"):
        assert guard.host_allowed(good), good
    for bad in FOREIGN_HOSTS:
        assert not guard.host_allowed(bad.format(port=8765, other=8766)), bad
    assert guard.origin_allowed(None) and guard.origin_allowed("http://127.0.0.1:8765")
    assert guard.origin_allowed("http://localhost:3000")
    assert guard.is_cross_origin("http://localhost:3000")
    for bad in FOREIGN_ORIGINS:
        assert not guard.origin_allowed(bad.format(port=8765, other=8766)), bad
    assert split_host("[::1]") == ("[::1]", None) and split_host("[::1") is None
    assert RequestGuard(80).host_allowed("localhost")  # no port in Host means 80


# -- over HTTP ---------------------------------------------------------------------------------
def test_rest_needs_the_token_and_answers_json(run_async, engine) -> None:
    async def main() -> None:
        async with running(engine) as server, aiohttp.ClientSession() as http:
            url = f"{server.url}/api/ws/info"
            async with http.get(url) as r:
                assert r.status == 401 and r.headers["WWW-Authenticate"].startswith("Bearer")
                assert (await r.json())["error"]["code"] == "unauthorized"
            for header in ("Bearer wrong", f"Basic {TOKEN}", "Bearer", TOKEN):
                async with http.get(url, headers={"Authorization": header}) as r:
                    assert r.status == 401, header
            async with http.get(url, headers=auth()) as r:
                assert r.status == 200
                assert r.headers["X-Content-Type-Options"] == "nosniff"
            async with http.get(f"{server.url}/api/health") as r:  # public
                assert r.status == 200 and (await r.json())["status"] == "ok"
            async with http.get(f"{server.url}/no/such/route", headers=auth()) as r:
                assert r.status == 404 and (await r.json())["error"]["code"] == "not_found"
            async with http.delete(f"{server.url}/api/health") as r:
                assert r.status == 405 and "error" in await r.json()

    run_async(main())


def test_foreign_host_is_refused_even_for_public_routes(run_async, engine) -> None:
    async def main() -> None:
        async with running(engine) as server, aiohttp.ClientSession() as http:
            for template in FOREIGN_HOSTS:
                host = template.format(port=server.port, other=server.port + 1)
                for path in ("/api/health", "/", "/api/ws/info", "/ws"):
                    async with http.get(f"{server.url}{path}",
                                        headers={"Host": host, **auth()}) as r:  # fmt: skip
                        assert r.status == 403, (host, path)
                        assert (await r.json())["error"]["code"] == "forbidden_host"
            for host in (f"localhost:{server.port}", f"127.0.0.1:{server.port}"):
                async with http.get(f"{server.url}/api/health", headers={"Host": host}) as r:
                    assert r.status == 200, host

    run_async(main())


def test_foreign_origin_is_refused_and_no_wildcard_cors(run_async, engine) -> None:
    async def main() -> None:
        origins = ("http://localhost:3000",)
        async with running(engine, allowed_origins=origins) as server, \
                aiohttp.ClientSession() as http:  # fmt: skip
            for template in FOREIGN_ORIGINS:
                origin = template.format(port=server.port, other=server.port + 1)
                async with http.get(f"{server.url}/api/ws/info",
                                    headers={"Origin": origin, **auth()}) as r:  # fmt: skip
                    assert r.status == 403, origin
                    assert (await r.json())["error"]["code"] == "forbidden_origin"
                    assert "Access-Control-Allow-Origin" not in r.headers
                with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                    await http.ws_connect(f"{server.url}/ws", origin=origin, headers=auth())
                assert refused.value.status == 403
            own = f"http://127.0.0.1:{server.port}"
            async with http.get(f"{server.url}/api/ws/info",
                                headers={"Origin": own, **auth()}) as r:  # fmt: skip
                assert r.status == 200 and "Access-Control-Allow-Origin" not in r.headers
            async with http.options(f"{server.url}/api/v1/process/story", headers={
                "Origin": origins[0], "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "authorization, content-type",
            }) as r:  # fmt: skip
                assert r.status == 204
                assert r.headers["Access-Control-Allow-Origin"] == origins[0]
                assert "Authorization" in r.headers["Access-Control-Allow-Headers"]
            async with http.get(f"{server.url}/api/ws/info",
                                headers={"Origin": origins[0], **auth()}) as r:  # fmt: skip
                assert r.status == 200 and r.headers["Access-Control-Allow-Origin"] == origins[0]
            ws = await http.ws_connect(f"{server.url}/ws", origin=own, headers=auth())
            assert (await next_json(ws))["type"] == "snapshot"
            await ws.close()

    run_async(main())


def test_websocket_authentication_paths(run_async, engine) -> None:
    async def main() -> None:
        engine.store.add(make_job("jobA"))
        engine.store.add(make_job("jobB"))
        async with running(engine, auth_timeout=0.3) as server, aiohttp.ClientSession() as http:
            ws_url = f"{server.url}/ws"
            # 1. the header
            ws = await http.ws_connect(ws_url, headers=auth())
            assert (await next_json(ws))["type"] == "snapshot"
            await ws.close()
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await http.ws_connect(ws_url, headers=auth("wrong"))
            assert refused.value.status == 401
            # 2. the first message
            ws = await http.ws_connect(ws_url)
            await ws.send_json({"type": "auth", "token": TOKEN})
            assert (await next_json(ws))["type"] == "snapshot"
            await ws.close()
            ws = await http.ws_connect(ws_url)
            await ws.send_json({"type": "auth", "token": "wrong"})
            message = await ws.receive(timeout=5)
            assert message.type is aiohttp.WSMsgType.CLOSE and ws.close_code == 4401
            ws = await http.ws_connect(ws_url)  # says nothing: closed after the grace period
            started = time.monotonic()
            message = await ws.receive(timeout=5)
            assert message.type is aiohttp.WSMsgType.CLOSE and ws.close_code == 4408
            assert 0.25 < time.monotonic() - started < 3
            await wait_until(lambda: server.hub.connection_count == 0)
            # 3. a ticket for one job, read-only
            async with http.post(f"{server.url}/api/v1/tickets", json={"jobId": "jobA"},
                                 headers=auth()) as r:  # fmt: skip
                assert r.status == 201
                ticket = (await r.json())["ticket"]
            ws = await http.ws_connect(f"{ws_url}?jobId=jobA&ticket={ticket}")
            snapshot = await next_json(ws)
            assert snapshot["type"] == "snapshot" and snapshot["jobId"] == "jobA"
            await ws.close()
            for query in ("jobId=jobB&", ""):  # another job, or every job
                with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                    await http.ws_connect(f"{ws_url}?{query}ticket={ticket}")
                assert refused.value.status == 403
            ws = await http.ws_connect(f"{ws_url}?jobId=jobB")
            await ws.send_json({"type": "auth", "ticket": ticket})
            await ws.receive(timeout=5)
            assert ws.close_code == 4403
            for bad in (ticket[:-3] + "abc", "jobA.1.x"):
                with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                    await http.ws_connect(f"{ws_url}?jobId=jobA&ticket={bad}")
                assert refused.value.status == 401
            expired, _ = TicketSigner(10, secret=b"s" * 32, clock=lambda: time.time() - 60).issue(
                "jobA"
            )
            server.state.tickets = TicketSigner(10, secret=b"s" * 32)
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await http.ws_connect(f"{ws_url}?jobId=jobA&ticket={expired}")
            assert refused.value.status == 401
            # a ticket is observe-only over REST too
            fresh, _ = server.state.tickets.issue("jobA")
            async with http.get(f"{server.url}/api/v1/jobs/jobA/status",
                                headers=auth(fresh)) as r:  # fmt: skip
                assert r.status == 200
            async with http.get(f"{server.url}/api/v1/jobs/jobB/status",
                                headers=auth(fresh)) as r:  # fmt: skip
                assert r.status == 403
            async with http.post(f"{server.url}/api/v1/jobs/jobA/cancel",
                                 headers=auth(fresh)) as r:  # fmt: skip
                assert r.status == 403 and (await r.json())["error"]["code"] == "forbidden_scope"
            async with http.post(f"{server.url}/api/v1/tickets", headers=auth(fresh)) as r:
                assert r.status == 403

    run_async(main())


def test_size_limits_and_connection_cap(run_async, engine) -> None:
    async def main() -> None:
        async with running(engine, max_connections=2) as server, aiohttp.ClientSession() as http:
            ws = await http.ws_connect(f"{server.url}/ws", headers=auth())
            assert (await next_json(ws))["type"] == "snapshot"
            await ws.send_str("x" * (128 * 1024))
            message = await ws.receive(timeout=5)
            assert message.type is aiohttp.WSMsgType.CLOSE and ws.close_code == 1009
            await wait_until(lambda: server.hub.connection_count == 0)
            async with http.post(f"{server.url}/api/v1/process/story", headers=auth(),
                                 data=b"{" + b" " * (128 * 1024) + b"}") as r:  # fmt: skip
                assert r.status == 413
                assert (await r.json())["error"]["code"] == "body_too_large"
            first = await http.ws_connect(f"{server.url}/ws", headers=auth())
            second = await http.ws_connect(f"{server.url}/ws")  # not yet authenticated: counts
            await wait_until(lambda: server.hub.connection_count == 2)
            third = await http.ws_connect(f"{server.url}/ws", headers=auth())  # closes `second`
            assert (await next_json(third))["type"] == "snapshot"
            message = await second.receive(timeout=5)
            assert message.type is aiohttp.WSMsgType.CLOSE and message.data == 4429
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:  # all authenticated
                await http.ws_connect(f"{server.url}/ws", headers=auth())
            assert refused.value.status == 503
            for ws in (first, second, third):
                await ws.close()

    run_async(main())


def test_path_traversal_job_ids_are_refused(run_async, engine, tmp_path) -> None:
    async def main() -> None:
        async with running(engine) as server, aiohttp.ClientSession() as http:
            for job_id in ("..%2F..%2Fetc%2Fpasswd", "%2e%2e", "..", "a" * 65, "x%3Brm",
                           "job%00", "%2Fetc%2Fpasswd"):  # fmt: skip
                for suffix in ("", "/status"):
                    url = f"{server.url}/api/v1/jobs/{job_id}{suffix}"
                    async with http.get(url, headers=auth()) as r:
                        assert r.status in (400, 404), url
                        body = await r.text()
                        assert "Traceback" not in body and "/etc" not in body, body
                async with http.post(f"{server.url}/api/v1/jobs/{job_id}/cancel",
                                     headers=auth()) as r:  # fmt: skip
                    assert r.status in (400, 404)
            for job_id in ("../x", "a/b", "a" * 65, "", " "):
                body = {"jobId": job_id, "tempPath": __file__}
                async with http.post(f"{server.url}/api/v1/process/story", headers=auth(),
                                     json=body) as r:  # fmt: skip
                    assert r.status == 400, job_id
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await http.ws_connect(f"{server.url}/ws?jobId=..%2Fx", headers=auth())
            assert refused.value.status == 400
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await http.ws_connect(f"{server.url}/ws?jobId=nosuchjob", headers=auth())
            assert refused.value.status == 404

    run_async(main())


def test_internal_errors_have_no_traceback_or_path(run_async, engine, monkeypatch) -> None:
    def broken() -> list:
        raise RuntimeError(f"boom in {os.getcwd()}")

    async def main() -> None:
        async with running(engine) as server, aiohttp.ClientSession() as http:
            monkeypatch.setattr(engine.manager, "jobs", broken)
            async with http.get(f"{server.url}/api/ws/jobs/active", headers=auth()) as r:
                assert r.status == 500
                body = await r.text()
                assert (await r.json())["error"]["code"] == "internal_error"
                assert "Traceback" not in body and "boom" not in body and os.getcwd() not in body
            monkeypatch.undo()

    run_async(main())


def test_app_start_server_uses_token_file_or_env(run_async, engine, monkeypatch) -> None:
    from storyclip_gui.app import server_token_location, start_server
    from storyclip_gui.config import load_settings

    async def main(expected: str) -> None:
        handle = await start_server(engine, settings)
        try:
            assert handle.host == "127.0.0.1" and handle.port > 0
            assert handle.url == f"http://127.0.0.1:{handle.port}"
            async with aiohttp.ClientSession() as http, \
                    http.get(f"{handle.url}/api/ws/info", headers=auth(expected)) as r:  # fmt: skip
                assert r.status == 200
        finally:
            await handle.close()

    monkeypatch.setenv("STORYCLIP_SERVER_PORT", "0")
    settings = load_settings()
    assert settings.server_host == "127.0.0.1"
    run_async(main(load_or_create_token(settings.data_dir / "server-token")))
    assert server_token_location(settings).endswith("server-token")
    strong = "Zp3u1Cq5m1bH2Vw0Xr7-T4s9_kLfYjN8aQeGdRcUvBo"
    monkeypatch.setenv("STORYCLIP_TOKEN", strong)
    settings = load_settings()  # a strong token passes the check at load
    run_async(main(strong))
    assert server_token_location(settings) == "$STORYCLIP_TOKEN"
