"""kill -9 at random moments with 3 jobs running, a few times (bench/bench_crash_loop.py: 20)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from bench.bench_crash_loop import crash_loop


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="kill -9 and /proc")
def test_random_kills_lose_nothing(tmp_path: Path, ffmpeg: str) -> None:
    report = crash_loop(3, tmp_path, ffmpeg, seed=6, log=lambda _line: None)
    assert report.violations == [] and report.orphans == 0, report.summary()
    assert len(report.kills) == 3
    assert report.jobs == 3 * (report.cycles + 1)  # + the calibration run
    assert report.clips_checked == 4 * report.jobs
    print(report.summary())
