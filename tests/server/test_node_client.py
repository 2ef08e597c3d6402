"""The server driven from Node's built-in fetch and WebSocket (skipped when Node is absent)."""

from __future__ import annotations

import asyncio
import functools
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.server.conftest import TOKEN, running

SCRIPT = Path(__file__).with_name("node_client.mjs")


def _node_with_websocket() -> list[str] | None:
    node = shutil.which("node")
    if node is None:
        return None
    for flags in ([], ["--experimental-websocket"]):  # global WebSocket: Node 22+, or a flag
        check = "process.exit(typeof WebSocket==='function'&&typeof fetch==='function'?0:1)"
        probe = subprocess.run([node, *flags, "-e", check], capture_output=True)
        if probe.returncode == 0:
            return [node, *flags]
    return None


def test_node_fetch_and_websocket_follow_the_seed_flow(run_async, engine, video) -> None:
    node = _node_with_websocket()
    if node is None:
        pytest.skip("Node with built-in fetch and WebSocket is not available")
    source = video("node.mp4", seconds=2, size="160x120")

    async def main() -> dict:
        async with running(engine) as server:
            run = functools.partial(subprocess.run, [*node, str(SCRIPT), server.url, TOKEN,
                                                     str(source)],
                                    capture_output=True, text=True, timeout=90)  # fmt: skip
            result = await asyncio.get_running_loop().run_in_executor(None, run)
            assert result.returncode == 0, result.stderr
            return json.loads(result.stdout.strip().splitlines()[-1])

    outcome = run_async(main(), timeout=120)
    assert outcome["health"] == "ok" and outcome["refused"] == 401
    assert outcome["accepted"] == 202
    assert outcome["types"][0] == "snapshot" and outcome["final"] == "completed"
    assert outcome["clips"] == 2 and outcome["status"] == "completed"
    assert outcome["allTypes"][0] == "snapshot" and "completed" in outcome["allTypes"]
