"""The cut analysis: its argv, the sans-I/O parser of what scdet/silencedetect print, the
source fingerprint, and the pass itself on a source with known scene changes and silences."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from storyclip_gui.core.analysis import (
    AnalysisParser,
    SourceAnalysis,
    analysis_argv,
    source_fingerprint,
)
from tests.helpers.smart_media import FPS, SMART_TRUTH, make_smart_source

STDERR = b"""Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'x.mp4':
[Parsed_scdet_1 @ 0x7fcc0c0113c0] lavfi.scd.score: 28.740, lavfi.scd.time: 7
[Parsed_silencedetect_2 @ 0x7fcc0c011880] silence_start: 11.500136
[Parsed_silencedetect_2 @ 0x7fcc0c011880] silence_end: 12.300023 | silence_duration: 0.799887
[scdet @ 0x562d40c47600] lavfi.scd.score: 27.370, lavfi.scd.time: 13.033333
[silencedetect @ 0x562d40c47d80] silence_start: -0.0213
[silencedetect @ 0x562d40c47d80] silence_end: 0.5 | silence_duration: 0.52
[silencedetect @ 0x562d40c47d80] silence_start: 29.2
"""


def test_parser_reads_scenes_and_silences_fed_in_any_pieces() -> None:
    whole = AnalysisParser()
    whole.feed(STDERR)
    pieces = AnalysisParser()
    for i in range(0, len(STDERR), 7):
        pieces.feed(STDERR[i : i + 7])
    for parser in (whole, pieces):
        result = parser.finish(end=30.0)
        assert result.scenes == ((7.0, 28.74), (13.033333, 27.37))
        # a silence from before the start begins at 0; one still open at the end ends there
        assert result.silences == ((11.500136, 12.300023), (0.0, 0.5), (29.2, 30.0))


def test_an_open_silence_without_a_known_end_is_dropped() -> None:
    parser = AnalysisParser()
    parser.feed(b"silence_start: 3.0\n")
    assert parser.finish().silences == ()


def test_analysis_round_trips_and_shifts_to_the_first_frame() -> None:
    analysis = SourceAnalysis(((1.0, 2.0),), ((3.0, 40.0),))
    assert SourceAnalysis.from_dict(analysis.to_dict()) == analysis
    shifted = analysis.shifted(0.5)
    assert shifted.silences == ((0.5, 1.5),) and shifted.scenes == ((2.5, 40.0),)


def test_argv_maps_sound_only_when_there_is_some() -> None:
    with_sound = analysis_argv("ffmpeg", "in.mp4", has_audio=True)
    silent = analysis_argv("ffmpeg", "in.mp4", has_audio=False)
    assert "-progress" in with_sound and with_sound[-3:] == ["-f", "null", "-"]
    assert any("silencedetect" in a for a in with_sound)
    assert not any("silencedetect" in a for a in silent) and "[a]" not in silent


def test_fingerprint_changes_with_the_file(tmp_path: Path) -> None:
    path = tmp_path / "a.mp4"
    path.write_bytes(b"x" * 1000)
    first = source_fingerprint(str(path), 10.0)
    assert source_fingerprint(str(path), 10.0) == first
    assert source_fingerprint(str(path), 11.0) != first
    path.write_bytes(b"y" * 1000)
    assert source_fingerprint(str(path), 10.0) != first


@pytest.mark.media
def test_one_pass_finds_the_known_scene_changes_and_silences(ffmpeg, tmp_path) -> None:
    source = make_smart_source(ffmpeg, tmp_path / "known.mp4")
    out = subprocess.run(analysis_argv(ffmpeg, str(source), has_audio=True),
                         capture_output=True, check=True)  # fmt: skip
    parser = AnalysisParser()
    parser.feed(out.stderr)
    result = parser.finish(end=SMART_TRUTH.seconds)
    assert [t for t, _ in result.scenes] == pytest.approx(list(SMART_TRUTH.scenes), abs=1 / FPS)
    assert len(result.silences) == len(SMART_TRUTH.silences)
    for (a, b), (ta, tb) in zip(result.silences, SMART_TRUTH.silences, strict=True):
        assert a == pytest.approx(ta, abs=0.05) and b == pytest.approx(tb, abs=0.05)
    assert b"progress=end" in out.stdout  # progress is read from ffmpeg's -progress
