"""examples/: the JS client and React hook under Node, and observe.py, against a real server."""

from __future__ import annotations

import asyncio
import functools
import json
import shutil
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest

from storyclip_gui.app import Engine, build_engine
from storyclip_gui.config import load_settings
from storyclip_gui.core.memory_store import MemoryJobStore
from storyclip_gui.server import ServerConfig, ServerHandle, start_web_server

ROOT = Path(__file__).parents[2]
EXAMPLES = ROOT / "examples"
TOKEN = "example-token-0123456789"


@pytest.fixture
def engine(run_async: Any) -> Engine:
    return build_engine(load_settings(), store=MemoryJobStore(), recover=False)


@asynccontextmanager
async def serving(engine: Engine) -> AsyncIterator[ServerHandle]:
    handle = await start_web_server(engine.facade, ServerConfig(token=TOKEN, port=0))
    try:
        yield handle
    finally:
        await engine.manager.shutdown()
        await handle.close()


async def _run(argv: list[str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    run = functools.partial(subprocess.run, argv, capture_output=True, text=True,
                            timeout=timeout)  # fmt: skip
    return await asyncio.get_running_loop().run_in_executor(None, run)


def _node() -> list[str] | None:
    node = shutil.which("node")
    if node is None:
        return None
    for flags in ([], ["--experimental-websocket"]):  # global WebSocket: Node 22+, or the flag
        check = "process.exit(typeof WebSocket==='function'&&typeof fetch==='function'?0:1)"
        if subprocess.run([node, *flags, "-e", check], capture_output=True).returncode == 0:
            return [node, *flags]
    return None


def test_the_js_client_resumes_with_since_and_the_hook_follows_a_job(
    run_async, engine, video
) -> None:
    node = _node()
    if node is None:
        pytest.skip("Node with built-in fetch and WebSocket is not available")
    source = video("js.mp4", seconds=3, size="160x120")
    driver = Path(__file__).with_name("drive_js_client.mjs")

    async def main() -> dict:
        async with serving(engine) as server:
            result = await _run([*node, str(driver), server.url, TOKEN, str(source),
                                 (EXAMPLES / "js").as_uri()])  # fmt: skip
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout.strip().splitlines()[-1])

    out = run_async(main(), timeout=150)
    assert out["final"] == "completed" and out["finalStatus"] == "completed"
    assert out["clips"] == 3
    urls = out["urls"]
    assert urls[0].startswith("connecting ") and "ticket=" not in urls[0]  # the token is used
    resumed = [u for u in urls if u.startswith("reconnecting ")]
    assert resumed and "since=" in resumed[0]
    seqs = [m["seq"] for m in out["seen"] if m["type"] != "snapshot"]
    assert seqs == sorted(set(seqs))  # no message twice, none out of order across the cut
    assert out["seen"][-1]["type"] == "completed"
    assert out["hook"]["status"] == "completed" and out["hook"]["done"] is True
    assert out["hook"]["progress"] == 100
    assert {"connecting", "open"} <= set(out["hook"]["connections"])
    assert out["refused"] and "4401" in out["refused"]


def test_observe_py_submits_and_prints_live_progress(run_async, engine, video) -> None:
    source = video("py.mp4", seconds=3, size="160x120")

    async def main() -> subprocess.CompletedProcess[str]:
        async with serving(engine) as server:
            return await _run([sys.executable, str(EXAMPLES / "python" / "observe.py"),
                               "--url", server.url, "--token", TOKEN, "--submit", str(source),
                               "--clip-seconds", "1", "--quality", "low",
                               "--size", "720x1280"])  # fmt: skip

    result = run_async(main(), timeout=150)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("submitted ") and "py.mp4" in lines[0]
    assert any("processing" in line and "%" in line for line in lines)
    assert any(": completed 100.0%" in line for line in lines)
    assert lines[-1].strip().startswith("3 clips in ")


def test_observe_py_exits_2_on_a_wrong_token(run_async, engine) -> None:
    async def main() -> subprocess.CompletedProcess[str]:
        async with serving(engine) as server:
            return await _run([sys.executable, str(EXAMPLES / "python" / "observe.py"),
                               "--url", server.url, "--token", "wrong", "--job", "x"])  # fmt: skip

    result = run_async(main(), timeout=60)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "refused" in result.stderr
