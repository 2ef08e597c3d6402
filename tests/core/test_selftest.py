"""The ffmpeg self-test and the gate that falls back to the bundled build, on real builds."""

from __future__ import annotations

import asyncio
import os
import shutil
from pathlib import Path

import pytest

from storyclip_gui.core import selftest
from storyclip_gui.core.ffmpeg.locate import Toolchain, bundled_toolchain
from storyclip_gui.core.selftest import SubprocessRunner, ToolchainGate, self_test
from tests.helpers.builds import sloppy_build

BUNDLED = bundled_toolchain()
SYSTEM = shutil.which("ffmpeg", path="/usr/bin")


@pytest.mark.parametrize("build", [BUNDLED.ffmpeg if BUNDLED else None, SYSTEM],
                         ids=["bundled", "system"])  # fmt: skip
def test_real_builds_pass(build, tmp_path):
    if build is None:
        pytest.skip("this build is not installed (CI installs Debian's ffmpeg)")
    ffprobe = shutil.which("ffprobe", path=str(Path(build).parent))
    assert asyncio.run(self_test(SubprocessRunner(), Toolchain(build, ffprobe, "x"), tmp_path)) \
        is None  # fmt: skip
    assert os.listdir(tmp_path) == [], "the self-test cleans up after itself"


def test_a_build_that_cuts_late_fails_with_the_reason(tmp_path):
    assert BUNDLED
    problem = asyncio.run(self_test(SubprocessRunner(), sloppy_build(tmp_path, BUNDLED.ffmpeg)))
    assert problem and "came out 5 frames too long" in problem, problem


def test_gate_falls_back_once_says_so_once_and_remembers(tmp_path):
    assert BUNDLED
    sloppy = sloppy_build(tmp_path, BUNDLED.ffmpeg)
    said: list[str] = []
    runs: list[str] = []

    async def counted(runner, toolchain):
        runs.append(toolchain.ffmpeg)
        return await self_test(runner, toolchain)

    async def choose(gate: ToolchainGate) -> list[Toolchain]:
        return list(await asyncio.gather(*(gate.toolchain() for _ in range(3))))

    cache = tmp_path / "checks.json"
    gate = ToolchainGate(sloppy, BUNDLED, SubprocessRunner(), cache, said.append, counted)
    assert asyncio.run(choose(gate)) == [BUNDLED] * 3
    assert runs == [sloppy.ffmpeg] and len(said) == 1
    assert "failed the self-test" in said[0] and "bundled ffmpeg" in said[0]
    selftest._VERDICTS.clear()  # a new process: only the file remembers
    again = ToolchainGate(sloppy, BUNDLED, SubprocessRunner(), cache, said.append, counted)
    assert asyncio.run(choose(again)) == [BUNDLED] * 3
    assert runs == [sloppy.ffmpeg], "the verdict is remembered for the same binary"
    sloppy_path = Path(sloppy.ffmpeg)
    sloppy_path.write_text(sloppy_path.read_text() + "\n")  # replaced: tested again
    third = ToolchainGate(sloppy, BUNDLED, SubprocessRunner(), cache, said.append, counted)
    asyncio.run(choose(third))
    assert len(runs) == 2


def test_the_bundled_build_itself_is_not_tested(tmp_path):
    assert BUNDLED

    async def never(runner, toolchain):
        raise AssertionError("not called")

    gate = ToolchainGate(BUNDLED, BUNDLED, SubprocessRunner(), None, print, never)
    assert asyncio.run(gate.toolchain()) == BUNDLED
