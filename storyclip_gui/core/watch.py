"""Watch folders: a video that appears and stops growing becomes a job, each version of a file
once (a file that changes after it was taken — a copy that paused — is taken again), never the
app's own clips."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from storyclip_gui.core.sources import find_videos

log = logging.getLogger(__name__)


class SeenFiles:
    """Files already turned into jobs, with the size and modification time each had then, kept
    in a JSON file so restarts remember them. A file that changed since is not "seen"."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._seen: dict[str, list[int] | None] = {}
        try:
            data = json.loads(self.path.read_text("utf-8"))
            if isinstance(data, list):  # the first format: names only, taken whatever changes
                self._seen = {str(item): None for item in data}
            elif isinstance(data, dict):
                self._seen = {str(k): v if isinstance(v, list) else None for k, v in data.items()}
        except FileNotFoundError:
            pass
        except (OSError, ValueError) as exc:
            log.warning("Ignoring unreadable watch-folder record %s: %s", self.path, exc)

    def __contains__(self, path: object) -> bool:
        return self.holds(Path(str(path)), _signature(Path(str(path))))

    def holds(self, path: Path, signature: list[int] | None) -> bool:
        """Was `path` taken as it is now (`signature`: its size and modification time)?"""
        key = str(path)
        return key in self._seen and self._seen[key] in (None, signature)

    def __len__(self) -> int:
        return len(self._seen)

    def add(self, path: Path | str) -> None:
        self._seen[str(path)] = _signature(Path(path))
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temp = self.path.with_suffix(self.path.suffix + ".part")
        temp.write_text(json.dumps(self._seen, indent=0, sort_keys=True), "utf-8")
        os.replace(temp, self.path)


def _signature(path: Path) -> list[int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return _of(st)


def _of(st: os.stat_result) -> list[int]:
    return [st.st_size, st.st_mtime_ns]


@dataclass
class _Candidate:
    size: int
    mtime_ns: int
    stable_since: float


class FolderWatcher:
    """Polls folders for videos; `poll()` returns the files that have stopped growing.

    A file is ready once its size and modification time have not changed for `settle_seconds`
    across polls. Files in the job folders of `exclude` (the output folder) and clips a
    `manifest.json` beside them names are never offered: a watched folder that holds the
    output must not loop. Sans-I/O about time: the clock is injected, so tests need no sleeping.
    """

    def __init__(
        self,
        folders: Iterable[Path | str],
        seen: SeenFiles,
        *,
        settle_seconds: float = 2.0,
        clock: Callable[[], float] = time.monotonic,
        exclude: Iterable[Path | str] = (),
    ) -> None:
        self.folders = [Path(f).absolute() for f in folders]
        self.exclude = [Path(e).absolute() for e in exclude]
        self.seen = seen
        self.settle_seconds = settle_seconds
        self._clock = clock
        self._candidates: dict[Path, _Candidate] = {}
        self._manifests: dict[Path, tuple[int, frozenset[str]]] = {}  # mtime_ns, clip names

    def poll(self) -> list[Path]:
        now = self._clock()
        ready: list[Path] = []
        present: set[Path] = set()
        for folder in self.folders:
            if not folder.is_dir():
                continue
            for path in find_videos(folder):
                path = path.absolute()
                try:
                    st = path.stat()
                except OSError:
                    continue
                if self.seen.holds(path, _of(st)) or self._ours(path):
                    continue
                present.add(path)
                old = self._candidates.get(path)
                if old is None or (old.size, old.mtime_ns) != (st.st_size, st.st_mtime_ns):
                    self._candidates[path] = _Candidate(st.st_size, st.st_mtime_ns, now)
                elif st.st_size > 0 and now - old.stable_since >= self.settle_seconds:
                    ready.append(path)
        for path in ready:
            self.seen.add(path)
            del self._candidates[path]
        for gone in set(self._candidates) - present:
            del self._candidates[gone]
        return ready

    def overlaps_output(self) -> list[Path]:
        """Watched folders that hold the output folder or sit inside it (worth a warning)."""
        return [f for f in self.folders for e in self.exclude
                if f == e or e.is_relative_to(f) or f.is_relative_to(e)]  # fmt: skip

    def _ours(self, path: Path) -> bool:
        """One of the app's own clips: in a job folder (a sub-folder) of the output folder, or
        named in a manifest. A video put straight into the output folder is a new video."""
        if any(path.parent != e and path.is_relative_to(e) for e in self.exclude):
            return True
        return path.name in self._manifest_names(path.parent / "manifest.json")

    def _manifest_names(self, manifest: Path) -> frozenset[str]:
        """The clip names a manifest lists, read again only when it changes (polls are often)."""
        try:
            mtime = manifest.stat().st_mtime_ns
        except OSError:
            return frozenset()
        cached = self._manifests.get(manifest)
        if cached and cached[0] == mtime:
            return cached[1]
        try:
            data = json.loads(manifest.read_text("utf-8"))
        except (OSError, ValueError):
            data = None
        clips = data.get("clips") if isinstance(data, dict) else None
        names = frozenset(c["path"] for c in clips or [] if isinstance(c, dict)
                          and isinstance(c.get("path"), str))  # fmt: skip
        self._manifests[manifest] = (mtime, names)
        return names


async def watch_folders(
    watcher: FolderWatcher, submit: Callable[[Path], None], interval: float = 1.0
) -> None:
    """Poll forever (until cancelled), handing each ready file to `submit` (one job each)."""
    while True:
        for path in watcher.poll():
            try:
                submit(path)
            except Exception:  # one bad file must not stop the watch
                log.exception("watch folder: could not submit %s", path)
        await asyncio.sleep(interval)
