"""The two ffmpeg builds the exactness tests run on, and one engine run per build.

`bundled` is imageio-ffmpeg's static build (what the app uses by default); `system` is the
distribution's /usr/bin/ffmpeg (with its ffprobe). A missing system build skips its cases,
unless STORYCLIP_REQUIRE_SYSTEM_FFMPEG=1, which makes it a failure (for CI machines that are
meant to have it).
"""

from __future__ import annotations

import asyncio
import os
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

SYSTEM_FFMPEG = "/usr/bin/ffmpeg"
BUILDS = ("bundled", "system")


def bundled_ffmpeg() -> str:
    import imageio_ffmpeg

    return str(imageio_ffmpeg.get_ffmpeg_exe())


def build_path(name: str) -> str:
    """The ffmpeg of build `name`; skips (or fails, when required) if it is not installed."""
    if name == "bundled":
        return bundled_ffmpeg()
    if os.path.isfile(SYSTEM_FFMPEG) and os.access(SYSTEM_FFMPEG, os.X_OK):
        return SYSTEM_FFMPEG
    reason = (f"{SYSTEM_FFMPEG} is not installed (Debian/Ubuntu: apt-get install ffmpeg), so the "
              "system-build cases cannot run")  # fmt: skip
    if os.environ.get("STORYCLIP_REQUIRE_SYSTEM_FFMPEG") == "1":
        pytest.fail(reason + "; STORYCLIP_REQUIRE_SYSTEM_FFMPEG=1 requires it")
    pytest.skip(reason)


def build_version(ffmpeg: str) -> str:
    out = subprocess.run([ffmpeg, "-version"], capture_output=True, text=True).stdout
    return out.split("\n", 1)[0].replace("ffmpeg version ", "").split(" Copyright")[0]


@pytest.fixture(scope="session")
def realworld_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Generated sources, shared by both builds' runs (always made with the bundled build)."""
    return tmp_path_factory.mktemp("realworld")


def run_engine(
    qapp: Any, ffmpeg: str, root: Path, specs: Mapping[str, Any], timeout: float = 600
) -> dict[str, Any]:
    """Run every JobSpec in `specs` through ONE engine on `ffmpeg` (2 jobs at a time) and
    return name → finished Job. The process environment is isolated for the run, so neither
    a developer's STORYCLIP_FFMPEG nor their settings can pick another build."""
    import qasync

    from storyclip_gui.app import build_engine
    from storyclip_gui.config import load_settings

    with pytest.MonkeyPatch.context() as mp:
        for name in ("STORYCLIP_FFMPEG", "STORYCLIP_CONCURRENCY", "STORYCLIP_TOKEN",
                     "MONITORING_INTERVAL", "OUTPUT_DIR", "TEMP_DIR"):  # fmt: skip
            mp.delenv(name, raising=False)
        mp.setenv("HOME", str(root / "home"))
        mp.setenv("STORYCLIP_DATA_DIR", str(root / "data"))
        for var, sub in (("XDG_CONFIG_HOME", ".config"), ("XDG_DATA_HOME", ".local/share"),
                         ("XDG_CACHE_HOME", ".cache")):  # fmt: skip
            mp.setenv(var, str(root / "home" / sub))
        settings = load_settings(overrides={"output_dir": root / "out", "temp_dir": root / "tmp",
                                            "data_dir": root / "data", "concurrency": 2,
                                            "ffmpeg": ffmpeg})  # fmt: skip
        engine = build_engine(settings)
        assert os.path.realpath(engine.toolchain.ffmpeg) == os.path.realpath(ffmpeg)
        loop = qasync.QEventLoop(qapp)
        asyncio.set_event_loop(loop)
        try:
            async def go() -> dict[str, Any]:
                jobs = {name: engine.manager.submit(spec) for name, spec in specs.items()}
                await engine.manager.wait_until_idle()
                return jobs

            jobs = loop.run_until_complete(asyncio.wait_for(go(), timeout))
            loop.run_until_complete(engine.manager.shutdown())
        finally:
            asyncio.set_event_loop(None)
            loop.close()
            store = getattr(engine, "store", None)
            close = getattr(store, "close", None)
            if callable(close):
                close()
    return jobs


def judge(build: str, version: str, source: Path, job: Any, **extra: Any) -> tuple[Any, Any, str]:
    """Apply the oracle to a finished job; fails (with the job's error) unless it completed.
    Returns (job, report, text): the text names the build and lists every clip's errors."""
    from storyclip_gui.core.jobs import JobState
    from tests.helpers.oracle import check_clips

    header = f"[{build}: ffmpeg {version}] {source.name}"
    if job.state is not JobState.COMPLETED:
        error = job.error
        why = f"{error.code.value}: {error.message}" if error is not None else "no error recorded"
        pytest.fail(f"{header}: the job ended {job.state.value}: {why}", pytrace=False)
    options = job.options
    report = check_clips(source, job.clips, min_tail_seconds=options.min_tail_seconds,
                         trim_start=options.trim_start, trim_end=options.trim_end,
                         layout=str(options.layout.value), size=(options.width, options.height),
                         audio=options.audio, **extra)  # fmt: skip
    text = f"{header}\n{report.table()}"
    print(text)
    return job, report, text
