"""The when-done action over REST and the WebSocket: read it, choose it, watch a countdown
start when a real queue finishes, cancel it; nothing is powered off."""

from __future__ import annotations

import json
from typing import Any

import aiohttp

from storyclip_gui.app import build_engine
from storyclip_gui.config import load_settings
from storyclip_gui.core.manager import JobSpec
from storyclip_gui.core.memory_store import MemoryJobStore
from tests.helpers.power import RecordingPower
from tests.server.conftest import auth, next_json, receive_until, running


def _when_done(message: dict[str, Any], phase: str) -> bool:
    return message["type"] == "whenDone" and message["whenDone"]["phase"] == phase


def test_choose_watch_and_cancel_a_countdown(run_async, tmp_path) -> None:
    power = RecordingPower()
    settings = load_settings(overrides={"when_done": "shutdown", "when_done_countdown_s": 120})
    engine = build_engine(settings, store=MemoryJobStore(), recover=False, power=power)

    async def main() -> None:
        async with running(engine) as server, aiohttp.ClientSession() as http:
            url = f"{server.url}/api/v1/when-done"
            ws = await http.ws_connect(f"{server.url}/ws", headers=auth())
            assert (await next_json(ws))["type"] == "snapshot"
            async with http.get(url, headers=auth()) as r:
                assert r.status == 200
                view = await r.json()
            assert view["action"] == "shutdown" and view["state"]["phase"] == "idle"
            assert view["commandSet"] is False
            for body, words in (({"command": "rm -rf ~"}, "set on this computer only"),
                                ({"action": "command"}, "No command is set"),
                                ({"action": "reboot"}, "Unknown action"),
                                ({"countdownSeconds": -1}, "whole number")):  # fmt: skip
                async with http.put(url, headers=auth(), json=body) as r:
                    assert r.status == 400, body
                    assert words in (await r.json())["error"]["message"]
            async with http.put(url, json={"action": "sleep"}) as r:
                assert r.status == 401  # choosing needs the token
            async with http.put(url, headers=auth(),
                                json={"action": "sleep", "countdownSeconds": 90}) as r:
                assert r.status == 200 and (await r.json())["action"] == "sleep"
            # kept in the settings file, as the window's Settings would keep it
            saved = json.loads(engine.settings.settings_file.read_text())
            assert saved["when_done"] == "sleep" and saved["when_done_countdown_s"] == 90
            # a real queue: one job whose source is gone fails, and the queue is done
            engine.facade.submit(JobSpec(str(tmp_path / "gone.mp4"), job_id="gone"))
            seen = await receive_until(ws, lambda m: _when_done(m, "countdown"))
            assert any(m["type"] == "error" and m["jobId"] == "gone" for m in seen)
            assert seen[-1]["whenDone"]["remaining"] == 90
            async with http.get(url, headers=auth()) as r:
                assert (await r.json())["state"]["phase"] == "countdown"
            async with http.post(f"{url}/cancel", headers=auth()) as r:
                assert r.status == 200
                answer = await r.json()
            assert answer["cancelled"] is True and answer["state"]["phase"] == "idle"
            cancelled = await receive_until(ws, lambda m: _when_done(m, "idle"))
            assert cancelled[-1]["whenDone"]["message"] == "Sleep cancelled."
            async with http.post(f"{url}/cancel", headers=auth()) as r:
                assert (await r.json())["cancelled"] is False
            await ws.close()
        assert power.calls == []

    run_async(main())
