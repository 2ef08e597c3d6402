"""Webhook management over REST on a real server and SQLite history: the same rules and the
same effects as Settings ▸ Webhooks (edit, turn off, new secret, test event, status)."""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp

from storyclip_gui.app import build_engine
from storyclip_gui.config import load_settings
from storyclip_gui.core.webhooks import verify_signature
from storyclip_gui.server import ServerConfig, start_web_server
from tests.server.conftest import TOKEN, auth, wait_until
from tests.server.test_webhooks_e2e import Receiver


def test_webhooks_are_edited_turned_off_re_keyed_and_tested_over_rest(run_async) -> None:
    receiver = Receiver()
    engine = build_engine(load_settings(), recover=False)

    async def main() -> None:
        engine.start_deliveries()
        server = await start_web_server(engine.facade, ServerConfig(token=TOKEN, port=0),
                                         engine.webhooks)  # fmt: skip
        base = f"{server.url}/api/v1/webhooks"
        try:
            async with aiohttp.ClientSession(headers=auth()) as http:

                async def call(method: str, url: str, body: Any = None) -> tuple[int, Any]:
                    async with http.request(method, url, json=body) as r:
                        return r.status, await r.json()

                status, hook = await call("POST", base, {"url": receiver.url,
                                                         "events": ["jobFailed"],
                                                         "enabled": False})  # fmt: skip
                assert status == 201 and hook["enabled"] is False
                status, refused = await call("POST", f"{base}/{hook['id']}/test")
                assert status == 409 and refused["error"]["code"] == "webhook_off"
                for bad in ({"url": "ftp://x"}, {"events": []}, {"enabled": "yes"},
                            {"secret": "s" * 32}):  # fmt: skip
                    status, refused = await call("PATCH", f"{base}/{hook['id']}", bad)
                    assert status == 400 and refused["error"]["code"] == "invalid_webhook", bad
                status, edited = await call("PATCH", f"{base}/{hook['id']}",
                                            {"enabled": True, "events": ["*"]})  # fmt: skip
                assert status == 200 and edited["enabled"] and edited["events"] == ["*"]
                assert "secret" not in edited
                status, rolled = await call("POST", f"{base}/{hook['id']}/secret")
                assert status == 200 and rolled["secret"] != hook["secret"]
                status, queued = await call("POST", f"{base}/{hook['id']}/test")
                assert status == 202 and queued["event"] == "webhookTest"
                await wait_until(lambda: receiver.events() == ["webhookTest"], 15)
                [request] = receiver.requests
                assert verify_signature(rolled["secret"],
                                        request["headers"]["X-StoryClip-Signature"],
                                        request["body"], now=request["at"])  # fmt: skip

                async def summary() -> dict[str, Any]:
                    listed = (await call("GET", base))[1]["webhooks"]
                    return dict(listed[0]["deliveries"])

                for _ in range(200):
                    if (await summary())["lastState"] == "delivered":
                        break
                    await asyncio.sleep(0.05)
                assert (await summary())["pending"] == 0
                assert (await summary())["lastState"] == "delivered"
                status, _ = await call("PATCH", f"{base}/{'0' * 32}", {"enabled": False})
                assert status == 404
        finally:
            await server.close()
            await engine.stop_deliveries()
            engine.store.close()  # type: ignore[attr-defined]

    try:
        run_async(main())
    finally:
        receiver.server.shutdown()
        receiver.server.server_close()
