"""The workers panel's figures, from the jobs' live clip views."""

from __future__ import annotations

from storyclip_gui.core.jobs import Clip, ClipState, Job, JobState
from storyclip_gui.core.options import StoryOptions
from storyclip_gui.ui.job_table_model import rendering_workers
from storyclip_gui.ui.workers_panel import WorkersPanel, worker_loads


def clip(index, state, worker, rendered=0.0, speed=None):
    return Clip(index, 2.0 * (index - 1), 2.0 * index, f"/out/c{index}.mp4", ClipState(state),
                worker=worker, rendered=rendered, speed=speed)  # fmt: skip


def job(job_id, source, state, clips):
    job = Job(job_id, source, StoryOptions(), "/out", state=state)
    job.clips = clips
    return job.view()


JOBS = [
    job("a", "/v/talk.mp4", JobState.PROCESSING, [
        clip(1, "verified", "w1"), clip(2, "planned", "w1", 1.0, 1.5),
        clip(3, "planned", "w2", 0.5, 0.5), clip(4, "planned", None)]),
    job("b", "/v/old.mp4", JobState.COMPLETED, [
        clip(1, "verified", "w2"), clip(2, "verified", "w2")]),
]  # fmt: skip


def test_each_worker_has_its_running_clips_speed_and_finished_clips() -> None:
    loads = worker_loads(JOBS)
    assert loads["w1"].rendering == ["talk.mp4 #2 (50 %)"] and loads["w1"].done == 1
    assert loads["w1"].speed == 1.5
    assert loads["w2"].rendering == ["talk.mp4 #3 (25 %)"] and loads["w2"].done == 2
    assert rendering_workers(JOBS[0]) == ["w1", "w2"]
    assert rendering_workers(JOBS[1]) == []


def test_the_panel_lists_one_row_per_worker(qtbot) -> None:
    panel = WorkersPanel()
    qtbot.addWidget(panel)
    panel.refresh(JOBS)
    rows = [[panel.tree.topLevelItem(i).text(c) for c in range(4)]
            for i in range(panel.tree.topLevelItemCount())]  # fmt: skip
    assert rows == [["w1", "talk.mp4 #2 (50 %)", "1.50×", "1"],
                    ["w2", "talk.mp4 #3 (25 %)", "0.50×", "2"]]  # fmt: skip
    assert panel.title.text() == "Workers (2)"
