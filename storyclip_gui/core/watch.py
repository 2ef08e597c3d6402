"""Watch folders: a video that appears and stops growing becomes a job, each file only once."""

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
    """The set of files already turned into jobs, kept in a JSON file so restarts remember it."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._seen: set[str] = set()
        try:
            data = json.loads(self.path.read_text("utf-8"))
            if isinstance(data, list):
                self._seen = {str(item) for item in data}
        except FileNotFoundError:
            pass
        except (OSError, ValueError) as exc:
            log.warning("Ignoring unreadable watch-folder record %s: %s", self.path, exc)

    def __contains__(self, path: object) -> bool:
        return str(path) in self._seen

    def __len__(self) -> int:
        return len(self._seen)

    def add(self, path: Path | str) -> None:
        self._seen.add(str(path))
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temp = self.path.with_suffix(self.path.suffix + ".part")
        temp.write_text(json.dumps(sorted(self._seen), indent=0), "utf-8")
        os.replace(temp, self.path)


@dataclass
class _Candidate:
    size: int
    mtime_ns: int
    stable_since: float


class FolderWatcher:
    """Polls folders for videos; `poll()` returns the files that have stopped growing.

    A file is ready once its size and modification time have not changed for `settle_seconds`
    across polls. Sans-I/O about time: the clock is injected, so tests need no sleeping.
    """

    def __init__(
        self,
        folders: Iterable[Path | str],
        seen: SeenFiles,
        *,
        settle_seconds: float = 2.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.folders = [Path(f).absolute() for f in folders]
        self.seen = seen
        self.settle_seconds = settle_seconds
        self._clock = clock
        self._candidates: dict[Path, _Candidate] = {}

    def poll(self) -> list[Path]:
        now = self._clock()
        ready: list[Path] = []
        present: set[Path] = set()
        for folder in self.folders:
            if not folder.is_dir():
                continue
            for path in find_videos(folder):
                path = path.absolute()
                if path in self.seen:
                    continue
                try:
                    st = path.stat()
                except OSError:
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
