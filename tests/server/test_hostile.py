"""Issue 11: what a hostile local client found, each case against a real server and client."""

from __future__ import annotations

import asyncio
import json
import os
import stat
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from storyclip_gui.config import SettingsError, load_settings
from storyclip_gui.core.ffmpeg.errors import ErrorCode, JobError
from storyclip_gui.core.jobs import JobState
from storyclip_gui.store.connection import open_database
from tests.server.conftest import (
    TOKEN,
    auth,
    make_job,
    next_json,
    publish_state,
    running,
    wait_until,
)

STRONG = "Zp3u1Cq5m1bH2Vw0Xr7-T4s9_kLfYjN8aQeGdRcUvBo"  # 43 base64url characters, 258 bits


async def raw_http(port: int, request: bytes) -> tuple[int, dict[str, str], bytes]:
    """One request as bytes on a fresh connection (what aiohttp's client would not send)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(request)
        await writer.drain()
        head = await reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {}
        for line in lines[1:]:
            if ":" in line:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
        body = await reader.readexactly(int(headers.get("content-length", "0")))
        return status, headers, body
    finally:
        writer.close()


def post_raw(port: int, path: str, body: bytes, *, host: bytes | None = None,
             authorization: bytes | None = None, target: bytes | None = None) -> bytes:  # fmt: skip
    host = host if host is not None else f"127.0.0.1:{port}".encode()
    authorization = authorization if authorization is not None else f"Bearer {TOKEN}".encode()
    return (b"POST " + (target or path.encode()) + b" HTTP/1.1\r\nHost: " + host
            + b"\r\nAuthorization: " + authorization
            + b"\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
            + str(len(body)).encode() + b"\r\n\r\n" + body)  # fmt: skip


def assert_json_error(status: int, body: bytes, expected: int, code: str | None = None) -> None:
    assert status == expected, (status, body[:300])
    assert b"Traceback" not in body and b"File \"" not in body
    error = json.loads(body)["error"]
    assert set(error) == {"code", "message"} and len(body) < 2048
    if code is not None:
        assert error["code"] == code, error


# -- 1. name templates --------------------------------------------------------------------------
INJECTIONS = [
    "{index:010000000}.mp4",
    "{index:0999999999999}.mp4",
    "{stem.__class__.__mro__}_{index}.mp4",
    "{stem.__doc__}_{index}.mp4",
    "{stem[0]}_{index}.mp4",
    "{index!r}.mp4",
    "{index:5d}.mp4",
    "{start:.9f}_{index}.mp4",
    "{0}_{index}.mp4",
    "{}_{index}.mp4",
    "{stem}" * 30 + "{index}.mp4",
    "x" * 200 + "{index}.mp4",
]


def test_name_template_injection_is_refused_at_submit(run_async, engine, tmp_path) -> None:
    source = tmp_path / "video.mp4"
    source.write_bytes(b"\0" * 1024)

    async def main() -> None:
        async with running(engine, port=0) as server:
            for template in INJECTIONS:
                body = json.dumps({"tempPath": str(source), "options": {"nameTemplate": template}})
                status, _, answer = await raw_http(
                    server.port, post_raw(server.port, "/api/v1/process/story", body.encode()))
                assert_json_error(status, answer, 400, "invalid_options")
            assert engine.manager.jobs() == []
            ok = json.dumps({"tempPath": str(source),
                             "options": {"nameTemplate": "{stem}-{index:03d}-{start:.1f}.mp4"}})
            status, _, answer = await raw_http(
                server.port, post_raw(server.port, "/api/v1/process/story", ok.encode()))
            assert status == 202, answer

    run_async(main())


# -- 2. no 500, no traceback --------------------------------------------------------------------
def test_hostile_requests_get_json_4xx_never_a_traceback(run_async, engine, tmp_path) -> None:
    source = tmp_path / "video.mp4"
    source.write_bytes(b"\0" * 1024)
    path = "/api/v1/process/story"

    async def main() -> None:
        async with running(engine) as server:
            port = server.port
            cases = [
                (post_raw(port, path, b"[" * 60_000), 400, "invalid_json"),
                (post_raw(port, path, b'{"tempPath": "\\ud800"}'), 400, "invalid_temp_path"),
                (post_raw(port, path, b'{"tempPath": "/tmp/\\udcff.mp4"}'), 400,
                 "invalid_temp_path"),
                (post_raw(port, path, json.dumps({"tempPath": "/" + "a" * 5000}).encode()), 400,
                 "invalid_temp_path"),
                (post_raw(port, path, json.dumps({"tempPath": str(source),
                                                  "options": {"maxClips": "1e400"}}).encode()),
                 400, "invalid_options"),
                (post_raw(port, path, b'{"tempPath": "%s", "options": {"maxClips": 1e400}}'
                          % str(source).encode()), 400, "invalid_options"),
                (post_raw(port, path, b'{"tempPath": "%s", "options": {"width": 1e400}}'
                          % str(source).encode()), 400, "invalid_options"),
                (post_raw(port, path, b'{"tempPath": "%s", "options": {"preset": "\\ud800"}}'
                          % str(source).encode()), 400, "invalid_options"),
                (post_raw(port, path, b"{}", authorization=b"Bearer \xff\xfe"), 401,
                 "unauthorized"),
                (post_raw(port, path, b"{}", host=b"127.0.0.1:\xc2\xb2"), 403, "forbidden_host"),
                (post_raw(port, path, b"{}", host=b"127.0.0.1:%d\xc2\xb2" % port), 403,
                 "forbidden_host"),
            ]  # fmt: skip
            for request, expected, code in cases:
                status, _, body = await raw_http(port, request)
                assert_json_error(status, body, expected, code)
            # a ticket whose expiry is not ASCII digits
            async with aiohttp.ClientSession() as http, \
                    http.get(f"{server.url}/api/ws/info",
                             headers={"Authorization": "Bearer *.²³.abc"}) as r:  # fmt: skip
                assert r.status == 401

    run_async(main())


@pytest.mark.parametrize("first", [
    "[" * 100_000 + "]" * 100_000,  # over the 64 KiB message limit: 1009
    "[" * 30_000 + "]" * 30_000,  # 60 KB, nested deeper than the parser's recursion limit
    '{"type": "auth", "token": "\\ud800"}',
    '{"type": "auth", "ticket": "\\udcff.1.x"}',
    '{"type": "auth", "token": ["x"]}',
    '{"type": "auth", "ticket": "*.²³.abc"}',
])  # fmt: skip
def test_hostile_first_websocket_message_closes_never_an_http_500(run_async, engine,
                                                                    first) -> None:  # fmt: skip
    async def main() -> None:
        async with running(engine) as server, aiohttp.ClientSession() as http:
            ws = await http.ws_connect(f"{server.url}/ws", max_msg_size=0)
            await ws.send_str(first)
            message = await ws.receive(timeout=10)
            assert message.type is aiohttp.WSMsgType.CLOSE, message
            assert ws.close_code in (4401, 1009)
            # the server is still whole: a well-behaved observer is served
            ok = await http.ws_connect(f"{server.url}/ws", headers=auth())
            assert (await next_json(ok))["type"] == "snapshot"
            await ok.close()

    run_async(main())


# -- 3. ids are matched whole ---------------------------------------------------------------------
def test_job_ids_are_matched_whole(run_async, engine, tmp_path) -> None:
    source = tmp_path / "video.mp4"
    source.write_bytes(b"\0" * 1024)

    async def main() -> None:
        async with running(engine) as server, aiohttp.ClientSession() as http:
            for job_id in ("abc\n", "abc\r\n", "a" * 65, "abc\x00"):
                async with http.post(f"{server.url}/api/v1/process/story", headers=auth(),
                                     json={"jobId": job_id, "tempPath": str(source)}) as r:
                    assert r.status == 400 and (await r.json())["error"]["code"] == \
                        "invalid_job_id"  # fmt: skip
                async with http.post(f"{server.url}/api/v1/tickets", headers=auth(),
                                     json={"jobId": job_id}) as r:
                    assert r.status == 400
            async with http.get(f"{server.url}/api/v1/jobs/abc%0A", headers=auth()) as r:
                assert r.status == 400
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await http.ws_connect(f"{server.url}/ws?jobId=abc%0A", headers=auth())
            assert refused.value.status == 400
            assert engine.manager.jobs() == []

    run_async(main())


# -- 4. URLs from the validated Host ---------------------------------------------------------------
def test_returned_urls_come_from_the_checked_host_not_the_request_line(
    run_async, engine, tmp_path
) -> None:
    source = tmp_path / "video.mp4"
    source.write_bytes(b"\0" * 1024)

    async def main() -> None:
        engine.manager.pause()
        async with running(engine) as server:
            port = server.port
            body = json.dumps({"tempPath": str(source)}).encode()
            target = b"http://attacker.example:8080/api/v1/process/story"
            status, _, answer = await raw_http(port, post_raw(port, "", body, target=target))
            assert status == 202, answer
            accepted = json.loads(answer)
            assert accepted["statusUrl"].startswith(f"http://127.0.0.1:{port}/")
            assert accepted["websocketUrl"].startswith(f"ws://127.0.0.1:{port}/ws?")
            assert b"attacker" not in answer
            target = b"http://attacker.example:8080/api/v1/tickets"
            status, _, answer = await raw_http(port, post_raw(port, "", b"{}", target=target))
            assert status == 201 and b"attacker" not in answer, answer

    run_async(main())


# -- 5. exposure ----------------------------------------------------------------------------------
SECRET_PATH = "/home/someone/private/very-secret-folder/clip.mp4"


def test_observers_get_error_code_and_message_without_paths_or_exceptions(
    run_async, engine
) -> None:
    async def main() -> None:
        internal = make_job("crashed")
        internal.state = JobState.FAILED
        internal.error = JobError(
            ErrorCode.INTERNAL_ERROR,
            f"Internal error: OSError: [Errno 36] File name too long: '{SECRET_PATH}'",
            "stderr tail " + SECRET_PATH)  # fmt: skip
        internal.message = internal.error.message
        ffmpeg = make_job("ffmpegfail")
        ffmpeg.state = JobState.FAILED
        ffmpeg.error = JobError(ErrorCode.FFMPEG_ERROR,
                                f"ffmpeg could not write {SECRET_PATH}: PermissionError: denied",
                                "tail " + SECRET_PATH)  # fmt: skip
        ffmpeg.message = ffmpeg.error.message
        engine.store.add(internal)
        engine.store.add(ffmpeg)
        async with running(engine) as server, aiohttp.ClientSession() as http:
            for job_id in ("crashed", "ffmpegfail"):
                for suffix in ("", "/status"):
                    async with http.get(f"{server.url}/api/v1/jobs/{job_id}{suffix}",
                                        headers=auth()) as r:  # fmt: skip
                        assert r.status == 200
                        text = await r.text()
                        data = json.loads(text)
                    assert "very-secret-folder" not in text and "Error:" not in text, text
                    assert "Errno" not in text and set(data["error"]) == {"code", "message"}
                ws = await http.ws_connect(f"{server.url}/ws?jobId={job_id}", headers=auth())
                snapshot = await ws.receive_str(timeout=10)
                assert "very-secret-folder" not in snapshot and "Error:" not in snapshot
                await ws.close()
            async with http.get(f"{server.url}/api/v1/jobs/crashed/status",
                                headers=auth()) as r:  # fmt: skip
                error = (await r.json())["error"]
            assert error["code"] == "internal_error" and "log" in error["message"]

    run_async(main())


def test_history_folder_and_database_files_are_private(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    database = open_database(folder / "storyclip.db")
    try:
        database.execute_sql("CREATE TABLE probe (x)")
        database.execute_sql("INSERT INTO probe VALUES (1)")
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        files = [p for p in folder.iterdir() if p.name.startswith("storyclip.db")]
        assert {p.name for p in files} >= {"storyclip.db", "storyclip.db-wal"}
        for path in files:
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    finally:
        database.close()
    (folder / "storyclip.db").chmod(0o644)  # an older install's file is tightened at open
    open_database(folder / "storyclip.db").close()
    assert stat.S_IMODE((folder / "storyclip.db").stat().st_mode) == 0o600


@pytest.mark.parametrize("token", ["x", "test-token-0123456789", "a" * 200, "Password1" * 3,
                                   "0123456789abcdef" * 3])  # fmt: skip
def test_a_weak_storyclip_token_is_refused_with_a_clear_message(tmp_path, token) -> None:
    env = {"STORYCLIP_DATA_DIR": str(tmp_path), "STORYCLIP_TOKEN": token}
    with pytest.raises(SettingsError, match="STORYCLIP_TOKEN is too weak"):
        load_settings(env=env)
    from storyclip_gui.core.tokens import weak_token_message

    assert weak_token_message(token) is not None


def test_strong_tokens_are_accepted(tmp_path) -> None:
    import secrets

    from storyclip_gui.core.tokens import token_bits

    for token in (STRONG, secrets.token_urlsafe(32), secrets.token_hex(32)):
        assert token_bits(token) >= 256
        load_settings(env={"STORYCLIP_DATA_DIR": str(tmp_path), "STORYCLIP_TOKEN": token})


def test_the_main_token_is_refused_as_a_url_ticket(run_async, engine) -> None:
    async def main() -> None:
        async with running(engine) as server, aiohttp.ClientSession() as http:
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await http.ws_connect(f"{server.url}/ws?ticket={TOKEN}")
            assert refused.value.status == 401
            async with http.post(f"{server.url}/api/v1/tickets", headers=auth(),
                                 json={}) as r:  # fmt: skip
                url = (await r.json())["websocketUrl"]
            ws = await http.ws_connect(url)  # a real ticket still works
            assert (await next_json(ws))["type"] == "snapshot"
            await ws.close()

    run_async(main())


# -- 6. starvation --------------------------------------------------------------------------------
def test_silent_sockets_holding_every_pre_auth_slot_cannot_starve_a_real_client(
    run_async, engine
) -> None:
    """An attacker fills the waiting-to-authenticate slots and keeps opening more; a client
    that authenticates with its first message still gets in and is told about jobs."""

    async def main() -> None:
        async with running(engine, max_unauthenticated=3, auth_timeout=60) as server, \
                aiohttp.ClientSession() as http:  # fmt: skip
            silent = [await http.ws_connect(f"{server.url}/ws") for _ in range(3)]
            await wait_until(lambda: server.hub.authenticating == 3)
            # the attacker goes on: each new silent socket closes the oldest waiting one
            silent += [await http.ws_connect(f"{server.url}/ws") for _ in range(3)]
            for evicted in silent[:3]:
                message = await evicted.receive(timeout=10)
                assert message.type is aiohttp.WSMsgType.CLOSE
                assert message.data == 4429 and "oldest" in message.extra
            await wait_until(lambda: server.hub.authenticating == 3)  # the cap holds
            # the slots are all taken by silent sockets; a real client comes
            client = await http.ws_connect(f"{server.url}/ws")
            await client.send_json({"type": "auth", "token": TOKEN})
            assert (await next_json(client))["type"] == "snapshot"
            job = make_job("watched")
            engine.manager.pause()
            engine.manager.adopt(job)
            publish_state(engine, job)
            status = await next_json(client)
            assert (status["type"], status["jobId"]) == ("status", "watched")
            message = await silent[3].receive(timeout=10)  # it made room by closing the oldest
            assert message.type is aiohttp.WSMsgType.CLOSE and message.data == 4429
            header = await http.ws_connect(f"{server.url}/ws", headers=auth())  # no slot needed
            assert (await next_json(header))["type"] == "snapshot"
            for socket in [*silent, client, header]:
                await socket.close()

    run_async(main())


def test_a_server_full_of_authenticated_observers_still_answers_503(run_async, engine) -> None:
    async def main() -> None:
        async with running(engine, max_connections=2, auth_timeout=60) as server, \
                aiohttp.ClientSession() as http:  # fmt: skip
            watching = [await http.ws_connect(f"{server.url}/ws", headers=auth())
                        for _ in range(2)]  # fmt: skip
            for ws in watching:
                assert (await next_json(ws))["type"] == "snapshot"
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await http.ws_connect(f"{server.url}/ws")
            assert refused.value.status == 503
            for ws in watching:  # nobody was closed for it
                assert not ws.closed
                await ws.close()

    run_async(main())


def test_a_full_queue_answers_429_with_retry_after(run_async, engine, tmp_path) -> None:
    source = tmp_path / "video.mp4"
    source.write_bytes(b"\0" * 1024)

    async def main() -> None:
        engine.manager.pause()
        async with running(engine, max_queued_jobs=2) as server, aiohttp.ClientSession() as http:
            url = f"{server.url}/api/v1/process/story"
            statuses: list[int] = []
            for _ in range(3):
                async with http.post(url, headers=auth(), json={"tempPath": str(source)}) as r:
                    statuses.append(r.status)
                    last: Any = (r.headers.get("Retry-After"), await r.json())
            assert statuses == [202, 202, 429]
            retry_after, body = last
            assert retry_after is not None and int(retry_after) > 0
            assert body["error"]["code"] == "queue_full"
            assert len([j for j in engine.manager.jobs() if j.state is JobState.QUEUED]) == 2

    run_async(main())


def test_max_queued_jobs_is_a_documented_setting(tmp_path) -> None:
    env = {"STORYCLIP_DATA_DIR": str(tmp_path)}
    assert load_settings(env=env).max_queued_jobs == 10_000
    env["STORYCLIP_MAX_QUEUED_JOBS"] = "25"
    assert load_settings(env=env).max_queued_jobs == 25
    docs = (Path(__file__).parents[2] / "docs" / "settings.md").read_text("utf-8")
    assert "STORYCLIP_MAX_QUEUED_JOBS" in docs
    assert os.environ.get("STORYCLIP_TOKEN") is None  # tests/conftest.py keeps it unset
