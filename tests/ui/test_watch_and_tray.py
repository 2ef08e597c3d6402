"""Watch folders (each file once, across restarts) and the tray's notifications."""

from __future__ import annotations

import shutil
from pathlib import Path

from storyclip_gui.core.watch import FolderWatcher, SeenFiles
from storyclip_gui.ui.settings_dialog import WindowPrefs


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_file_is_ready_once_it_stops_growing_and_only_once(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    record = tmp_path / "data" / "watched.json"
    clock = Clock()
    watcher = FolderWatcher([inbox], SeenFiles(record), settle_seconds=2, clock=clock)
    video = inbox / "new.mp4"
    video.write_bytes(b"x" * 10)
    (inbox / "notes.txt").write_text("ignored")
    assert watcher.poll() == []  # first sight
    clock.now = 1
    with video.open("ab") as fh:
        fh.write(b"more")  # still growing
    assert watcher.poll() == []
    clock.now = 2.5
    assert watcher.poll() == []  # unchanged for only 1.5 s
    clock.now = 3.5
    assert watcher.poll() == [video.absolute()]
    clock.now = 10
    assert watcher.poll() == []
    # a restart: a new watcher reading the same record never offers the file again
    again = FolderWatcher([inbox], SeenFiles(record), settle_seconds=0, clock=clock)
    assert again.poll() == [] and again.poll() == []


def test_a_copy_that_pauses_is_taken_again_once_it_changes(tmp_path):
    """A copy paused longer than the settle time is taken half-written (its job fails as
    incomplete); when the copy goes on, the changed file is taken again, once."""
    import os

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    record = tmp_path / "watched.json"
    clock = Clock()
    watcher = FolderWatcher([inbox], SeenFiles(record), settle_seconds=2, clock=clock)
    video = inbox / "big.mp4"
    video.write_bytes(b"x" * 10)
    watcher.poll()
    clock.now = 3
    assert watcher.poll() == [video.absolute()]  # the pause looked like the end
    with video.open("ab") as fh:
        fh.write(b"the rest")
    os.utime(video, ns=(10**18, 10**18))
    clock.now = 4
    assert watcher.poll() == []  # seen changing: settles again
    clock.now = 7
    assert watcher.poll() == [video.absolute()]
    clock.now = 20
    assert watcher.poll() == []
    again = FolderWatcher([inbox], SeenFiles(record), settle_seconds=0, clock=clock)
    assert again.poll() == [] and again.poll() == []  # remembered with its new size


def test_the_apps_own_clips_are_never_taken(tmp_path):
    """`serve --watch loop --output-dir loop` re-processed its own clips forever."""
    import json

    inbox = tmp_path / "loop"
    (inbox / "talk").mkdir(parents=True)
    (inbox / "talk" / "talk_01.mp4").write_bytes(b"clip")
    (inbox / "talk" / "manifest.json").write_text(json.dumps({"clips": [{"path": "talk_01.mp4"}]}))
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "v").mkdir(parents=True)
    (elsewhere / "v" / "v_01.mp4").write_bytes(b"clip")
    (elsewhere / "v" / "manifest.json").write_text(json.dumps({"clips": [{"path": "v_01.mp4"}]}))
    (elsewhere / "v" / "new.mp4").write_bytes(b"a new video beside old clips")
    (inbox / "talk" / "talk_02.mp4").write_bytes(b"a clip renamed in before its manifest")
    (inbox / "dropped.mp4").write_bytes(b"a video put straight into the output folder")
    clock = Clock()
    watcher = FolderWatcher([inbox, elsewhere], SeenFiles(tmp_path / "w.json"),
                            settle_seconds=0, clock=clock, exclude=[inbox])  # fmt: skip
    assert watcher.overlaps_output() == [inbox.absolute()]
    watcher.poll()
    clock.now = 1
    assert sorted(watcher.poll()) == sorted([(inbox / "dropped.mp4").absolute(),
                                             (elsewhere / "v" / "new.mp4").absolute()])  # fmt: skip


def test_a_record_in_the_first_format_still_counts(tmp_path):
    import json

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "old.mp4").write_bytes(b"x")
    record = tmp_path / "w.json"
    record.write_text(json.dumps([str((inbox / "old.mp4").absolute())]))
    clock = Clock()
    watcher = FolderWatcher([inbox], SeenFiles(record), settle_seconds=0, clock=clock)
    assert watcher.poll() == [] and watcher.poll() == []


def test_the_window_queues_videos_saved_into_a_watched_folder(make_window, engine, video,
                                                              qtbot, tmp_path):  # fmt: skip
    engine.manager.pause()
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    window = make_window(watch_interval=0.05, watch_settle=0.1)
    prefs = WindowPrefs(watch_folders=[str(inbox)])
    prefs.save(window.qsettings)
    window.prefs = prefs
    window.restart_watching()
    shutil.copy(video("w.mp4", seconds=2), inbox / "arrived.mp4")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=5_000)
    assert Path(engine.manager.jobs()[0].source).name == "arrived.mp4"
    assert "arrived.mp4" in (engine.settings.data_dir / "watched-files.json").read_text()


def test_the_tray_tells_of_failures_and_of_the_queue_being_done(make_window, engine, qtbot,
                                                                tmp_path):  # fmt: skip
    window = make_window()
    notes: list[tuple[str, str]] = []
    window.tray.notified.connect(lambda title, text: notes.append((title, text)))
    broken = tmp_path / "bad.mp4"
    broken.write_bytes(b"nope" * 100)
    window.add_paths([str(broken)])
    qtbot.waitUntil(lambda: len(notes) == 2, timeout=60_000)
    assert notes[0][0] == "A job failed" and notes[0][1].startswith("bad.mp4: ")
    assert notes[1] == ("The queue is done", "0 completed, 1 failed")
