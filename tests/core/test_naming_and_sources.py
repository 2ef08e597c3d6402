"""Output names, collisions, temp names, and folder expansion."""

from __future__ import annotations

import os
from pathlib import Path

from storyclip_gui.core import naming
from storyclip_gui.core.intake import expand
from storyclip_gui.core.plan import ClipPlan
from storyclip_gui.core.sources import Refused, find_videos


def test_safe_stem_handles_hostile_names():
    assert naming.safe_stem("/x/My clip.mp4") == "My clip"
    assert naming.safe_stem("/x/-rf.mp4") == "rf"
    assert naming.safe_stem("/x/.hidden.mp4") == "hidden"
    assert naming.safe_stem("/x/line\nbreak.mp4") == "line_break"
    assert naming.safe_stem("/x/qu\"ote's.mp4") == "qu_ote's"
    assert naming.safe_stem("/x/ñandú 🎬.mov") == "ñandú 🎬"
    assert naming.safe_stem("/x/....mp4") == "video"


def test_clip_filename_and_unique_path(tmp_path):
    clip = ClipPlan(3, 30, 45)
    assert naming.clip_filename("{stem}_{index:02d}.mp4", "a", clip) == "a_03.mp4"
    assert (
        naming.clip_filename("{stem}-{start:.0f}-{end:.0f}-{index}.mp4", "a", clip)
        == "a-30-45-3.mp4"
    )
    (tmp_path / "a_03.mp4").write_bytes(b"x")
    assert naming.unique_path(tmp_path / "a_03.mp4").name == "a_03 (2).mp4"
    assert naming.unique_path(tmp_path / "b.mp4", {tmp_path / "b.mp4"}).name == "b (2).mp4"


def test_job_dirs_never_collide_and_temp_pattern_escapes_percent(tmp_path):
    first = naming.reserve_job_dir(tmp_path, "/v/talk.mp4")
    second = naming.reserve_job_dir(tmp_path, "/w/talk.mov")
    assert (first.name, second.name) == ("talk", "talk (2)")
    odd = tmp_path / "100% real"
    assert naming.temp_clip_pattern(odd, "j1") == f"{tmp_path}/100%% real/.j1.%03d.part"
    temp = naming.temp_clip_path(odd, "j1", 7)
    assert temp.name == ".j1.007.part" and naming.is_temp_of(temp, "j1")
    assert not naming.is_temp_of(temp, "j2")


def test_folders_are_searched_and_problems_reported(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    for name in ("a/one.MP4", "a/b/two.mkv", "a/notes.txt", "a/.hidden.mp4"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "empty").mkdir()
    os.symlink(tmp_path / "a", tmp_path / "a" / "b" / "loop")
    assert [p.name for p in find_videos(tmp_path / "a")] == ["one.MP4", "two.mkv"]
    sources, problems = expand(
        [str(tmp_path / "a"), str(tmp_path / "missing.mp4"), str(tmp_path / "empty")]
    )
    assert [Path(s).name for s in sources] == ["one.MP4", "two.mkv"]
    assert [p.why for p in problems] == [Refused.MISSING, Refused.NO_VIDEOS]
    assert problems[1].message == f"'{tmp_path / 'empty'}' holds no videos."


def test_a_folder_is_queued_in_natural_order(tmp_path):
    for name in ("v10.mp4", "v2.mp4", "V1.mp4", "v1b.mp4", "clip.mp4"):
        (tmp_path / name).write_bytes(b"x")
    names = [p.name for p in find_videos(tmp_path)]
    assert names == ["clip.mp4", "V1.mp4", "v1b.mp4", "v2.mp4", "v10.mp4"]
