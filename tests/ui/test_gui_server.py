"""The window starts the observer server beside it: status bar URL, a real client, clean close."""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp

from storyclip_gui import app
from storyclip_gui.config import load_settings


def test_window_serves_observers_and_closes_cleanly(qapp: Any, monkeypatch: Any) -> None:
    monkeypatch.setenv("STORYCLIP_SERVER_PORT", "0")
    monkeypatch.setenv("STORYCLIP_TOKEN", "Zp3u1Cq5m1bH2Vw0Xr7-T4s9_kLfYjN8aQeGdRcUvBo")
    import storyclip_gui.ui.application as application

    seen: dict[str, Any] = {}
    real_open = application.open_window

    def open_and_probe(*args: Any, **kwargs: Any) -> Any:
        window = real_open(*args, **kwargs)

        async def probe() -> None:
            try:
                for _ in range(400):
                    if window.server_url:
                        break
                    await asyncio.sleep(0.025)
                seen["url"] = window.server_url
                seen["label"] = window.server_label.text()
                headers = {"Authorization": "Bearer Zp3u1Cq5m1bH2Vw0Xr7-T4s9_kLfYjN8aQeGdRcUvBo"}
                async with aiohttp.ClientSession() as session:
                    async with session.get(f"{window.server_url}/api/health",
                                           headers=headers) as response:  # fmt: skip
                        seen["health"] = response.status
                    ws_url = window.job_ws_url("anyjob")
                    seen["ws_url"] = ws_url
            finally:
                window.quit()

        seen["task"] = asyncio.ensure_future(probe())
        return window

    monkeypatch.setattr(application, "open_window", open_and_probe)
    assert app.run_gui(load_settings(), []) == 0
    assert seen["url"].startswith("http://127.0.0.1:") and not seen["url"].endswith(":0")
    assert seen["url"] in seen["label"]
    assert seen["health"] == 200
    assert seen["ws_url"].startswith(seen["url"].replace("http", "ws") + "/ws?jobId=anyjob&ticket=")
