"""Test-wide setup: offscreen Qt, isolated folders and settings, ffmpeg, generated media."""

from __future__ import annotations

import asyncio
import fcntl
import hashlib
import os
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["QT_API"] = "pyside6"

import pytest

from storyclip_gui.core.ffmpeg.locate import bundled_toolchain, locate
from tests.helpers.media import make_audio_only, make_video

T = TypeVar("T")
FAKE_FFMPEG = Path(__file__).parent / "helpers" / "fake_ffmpeg.py"


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data, output and temp folders; nothing touches the user's."""
    home = tmp_path / "home"
    for name, sub in (
        ("STORYCLIP_DATA_DIR", "data"),
        ("OUTPUT_DIR", "output"),
        ("TEMP_DIR", "temp"),
        ("XDG_CONFIG_HOME", "home/.config"),
        ("XDG_DATA_HOME", "home/.local/share"),
        ("XDG_CACHE_HOME", "home/.cache"),
    ):
        monkeypatch.setenv(name, str(tmp_path / sub))
    monkeypatch.setenv("HOME", str(home))
    # engines built in tests hold no sleep inhibitor (tests/core/test_keep_awake.py does)
    monkeypatch.setenv("STORYCLIP_KEEP_AWAKE", "0")
    # and none sleeps or powers off this machine, in this process or a `storyclip` it starts
    monkeypatch.setenv("STORYCLIP_POWER_DRY_RUN", "1")
    # STORYCLIP_FFMPEG is kept: it runs the whole suite on another ffmpeg build
    for name in (
        "MONITORING_INTERVAL",
        "STORYCLIP_CONCURRENCY",
        "STORYCLIP_ENCODER",
        "STORYCLIP_TOKEN",
        "STORYCLIP_WHEN_DONE",
        "STORYCLIP_WHEN_DONE_COMMAND",
        "STORYCLIP_WHEN_DONE_COUNTDOWN",
    ):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


@pytest.fixture(autouse=True)
def never_power_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may really sleep or power off this machine: besides $STORYCLIP_POWER_DRY_RUN
    (above), the real power seam refuses to run its command on a real process runner (fake
    runners that record, and dry runs, still work)."""
    from storyclip_gui.core import power

    real = power.RunnerPower.perform

    async def guarded(self: power.RunnerPower, action: str) -> str | None:
        real_runner = type(self.runner).__name__ in ("QProcessRunner", "SubprocessRunner")
        if real_runner and not self.dry_run:
            raise AssertionError(f"a test tried to really {action} this machine")
        return await real(self, action)

    monkeypatch.setattr(power.RunnerPower, "perform", guarded)


@pytest.fixture(scope="session")
def ffmpeg() -> str:
    """The ffmpeg the engine uses (STORYCLIP_FFMPEG picks another build for the whole suite)."""
    return locate().ffmpeg


@pytest.fixture(scope="session")
def media_ffmpeg() -> str:
    """The bundled build makes the test media, whichever build the engine is tested with."""
    bundled = bundled_toolchain()
    assert bundled, "imageio-ffmpeg is a dependency"
    return bundled.ffmpeg


@pytest.fixture(scope="session")
def media_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("media")


@pytest.fixture(scope="session")
def run_media_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Media shared by every pytest-xdist worker of this run (each worker's own temp folder
    is below the run's): a file is made once, under a lock (`made_once`), not once a worker."""
    base = tmp_path_factory.getbasetemp()
    folder = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "shared-media"
    folder.mkdir(exist_ok=True)
    return folder


@contextmanager
def made_once(folder: Path, key: str) -> Iterator[None]:
    """Hold `key`'s lock (beside the media, not among them): another worker making the same
    file waits, then finds it made."""
    locks = folder / "locks"
    locks.mkdir(exist_ok=True)
    with open(locks / key, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        yield


@pytest.fixture(scope="session")
def video(media_ffmpeg: str, run_media_dir: Path) -> Callable[..., Path]:
    """video("name.mp4", seconds=3, size="320x240", audio=True, rotation=None, ...) → Path."""

    def make(name: str, **kwargs: Any) -> Path:
        # one folder per set of parameters: the same name with other parameters is another file
        key = hashlib.sha1(repr(sorted(kwargs.items())).encode()).hexdigest()[:10]
        with made_once(run_media_dir, key):
            return make_video(media_ffmpeg, run_media_dir / "files" / key / name, **kwargs)

    return make


@pytest.fixture(scope="session")
def audio_only(media_ffmpeg: str, run_media_dir: Path) -> Path:
    with made_once(run_media_dir, "audio"):
        return make_audio_only(media_ffmpeg, run_media_dir / "files" / "audio" / "tone.m4a")


@pytest.fixture
def run_async(qapp: Any) -> Iterator[Callable[..., Any]]:
    """Run a coroutine to the end on a qasync loop over the Qt application (real Qt events)."""
    import qasync

    loop = qasync.QEventLoop(qapp, already_running=False)
    asyncio.set_event_loop(loop)

    def run(awaitable: Awaitable[T], timeout: float = 120) -> T:
        return loop.run_until_complete(asyncio.wait_for(awaitable, timeout))

    yield run
    pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
    for task in pending:
        task.cancel()
    if pending:
        loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
    asyncio.set_event_loop(None)
    loop.close()


SHARED_SCOPES = ("class", "module", "package")


@pytest.hookimpl(tryfirst=True)  # before xdist's worker reads the groups
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The cluster tests run last. Dask distributed keeps its event-loop thread for the rest
    of the process; the cyclic garbage collector can then run on that thread and free a later
    test's Qt objects there (a Qt warning, or a crash, seen in a full run). The app itself
    collects on the Qt thread when it uses Dask (runner/gc_guard.py).

    Under pytest-xdist (`--dist loadgroup --no-loadscope-reorder`, pyproject's addopts) each
    test is its own unit of work, handed out in this order, except tests that share a
    module-scoped fixture: they are one group, run by one worker, so the fixture (an engine
    run over many sources, a Dask cluster) is set up once, not once per worker. A cluster
    module is such a group and, last in the order, is the last work its worker gets."""
    items.sort(key=lambda item: item.nodeid.startswith("tests/cluster/"))
    if not config.pluginmanager.hasplugin("xdist"):
        return
    for item in items:
        group = shared_setup_group(item)
        if group:
            item.add_marker(pytest.mark.xdist_group(group))


def shared_setup_group(item: pytest.Item) -> str | None:
    """The module (and the module fixture's parameters: one group per ffmpeg build) when the
    test uses a module-scoped fixture of this suite (not a plugin's), else None."""
    info = getattr(item, "_fixtureinfo", None)
    if info is None:
        return None
    params = getattr(getattr(item, "callspec", None), "params", {})
    shared = sorted(
        name for name in info.names_closure
        if (defs := info.name2fixturedefs.get(name))
        and defs[-1].scope in SHARED_SCOPES and defs[-1].baseid  # baseid "": a plugin's
    )  # fmt: skip
    if not shared:
        return None
    module = item.nodeid.split("::", 1)[0]
    variant = ",".join(f"{name}={params[name]}" for name in shared if name in params)
    # no "[" or "]": xdist ignores a group name after the last "]" of a test id
    return f"{module}({variant})" if variant else module
