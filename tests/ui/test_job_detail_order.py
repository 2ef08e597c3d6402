"""Clips rendered side by side are verified in any order: the clip list still shows each once."""

from __future__ import annotations

from storyclip_gui.core.jobs import Clip, ClipState, Job, JobState, JobView
from storyclip_gui.core.options import StoryOptions
from storyclip_gui.ui.job_detail import JobDetail


def job(states: list[str]) -> JobView:
    job = Job("j", "/v/a.mp4", StoryOptions(), "/out", state=JobState.PROCESSING)
    job.clips = [Clip(i + 1, 2.0 * i, 2.0 * i + 2, f"/out/c{i + 1}.mp4", ClipState(state),
                      worker="w1") for i, state in enumerate(states)]  # fmt: skip
    return job.view()


def test_clips_verified_out_of_order_are_listed_once_in_order(qtbot) -> None:
    detail = JobDetail(None)
    qtbot.addWidget(detail)
    detail.show_job(job(["planned", "verified", "planned"]))
    detail.show_job(job(["verified", "verified", "planned"]))
    detail.show_job(job(["verified", "verified", "verified"]))
    texts = [detail.clips.item(i).text().split("\n") for i in range(detail.clips.count())]
    assert [t[0] for t in texts] == ["c1.mp4", "c2.mp4", "c3.mp4"]
    assert all(t[-1] == "⚙ w1" for t in texts)  # the worker that rendered it
