"""The window's smart-clip parts: the Cuts and loudness options, the preset's limit on the clip
length box, and each clip's QC badge and cut reason in the job detail."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from storyclip_gui.core.jobs import Clip, ClipState, Job, JobState
from storyclip_gui.core.options import StoryOptions
from storyclip_gui.core.presets import PRESETS
from storyclip_gui.core.qc import ClipMeasures, Loudness, evaluate
from storyclip_gui.ui.job_detail import JobDetail
from storyclip_gui.ui.options_panel import OptionsPanel


def test_cuts_and_loudnorm_options_round_trip(qtbot, tmp_path) -> None:
    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    panel = OptionsPanel(settings, str(tmp_path))
    qtbot.addWidget(panel)
    panel.cuts.setCurrentIndex(panel.cuts.findData("smart"))
    panel.loudnorm.setChecked(True)
    options = panel.options()
    assert options.cuts.value == "smart" and options.loudnorm
    again = OptionsPanel(settings, str(tmp_path))  # remembered
    qtbot.addWidget(again)
    assert again.options().cuts.value == "smart" and again.loudnorm.isChecked()


def test_the_clip_length_box_holds_the_presets_limit(qtbot, tmp_path) -> None:
    panel = OptionsPanel(QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat),
                         str(tmp_path))  # fmt: skip
    qtbot.addWidget(panel)
    panel.preset.setCurrentIndex(panel.preset.findData("instagram-stories"))
    assert panel.clip_seconds.maximum() == PRESETS["instagram-stories"].max_seconds == 60
    panel.clip_seconds.setValue(300)  # typed past the limit: held at 60 s
    assert panel.clip_seconds.value() == 60
    # no longer the preset's own length: the box says Custom, and the app's limit applies
    assert panel.preset.currentData() is None and panel.options().clip_seconds == 60
    panel.clip_seconds.setValue(300)
    assert panel.options().clip_seconds == 300


def test_each_clip_shows_its_qc_badge_and_why_it_was_cut_there(qtbot) -> None:
    detail = JobDetail(None)
    qtbot.addWidget(detail)
    loud = evaluate(PRESETS["tiktok"], ClipMeasures(9.3, 1080, 1920, 30.0, 10**6, True, True,
                                                    Loudness(-11.7)))  # fmt: skip
    fine = evaluate(PRESETS["tiktok"], ClipMeasures(8.0, 1080, 1920, 30.0, 10**6, True, True,
                                                    Loudness(-14.0)))  # fmt: skip
    cut = {"nominalStart": 0.0, "nominalEnd": 10.0, "startReason": None,
           "endReason": "silence at 9.3 s"}  # fmt: skip
    job = Job(id="j", source="/v/a.mp4", options=StoryOptions(cuts="smart"), output_root="/o",
              state=JobState.COMPLETED, progress=100.0)  # fmt: skip
    job.clips = [
        Clip(1, 0.0, 9.3, "/o/a_01.mp4", ClipState.VERIFIED, 9.3, 1080, 1920, 10**6, cut, loud),
        Clip(2, 9.3, 17.3, "/o/a_02.mp4", ClipState.VERIFIED, 8.0, 1080, 1920, 10**6, None,
             fine),
    ]  # fmt: skip
    detail.show_job(job.view())
    first, second = detail.clips.item(0), detail.clips.item(1)
    assert first.text().splitlines()[2:] == ["⚠ QC: loudness", "↦ silence at 9.3 s"]
    assert second.text().splitlines()[2:] == ["✓ QC passed"]
    tip = first.toolTip()
    assert "End: silence at 9.3 s (planned at 0:10)" in tip
    assert "Start: not moved" in tip and "⚠ loudness: -11.7 LUFS is 2.3 LU louder" in tip
