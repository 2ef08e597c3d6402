"""Clips rendered side by side are verified in any order: the clip list still shows each once."""

from __future__ import annotations

from storyclip_gui.ui.job_detail import JobDetail


def job(states: list[str]) -> dict:
    clips = [{"index": i + 1, "path": f"/out/c{i + 1}.mp4", "start": 2.0 * i, "end": 2.0 * i + 2,
              "state": state, "size": None, "duration": None, "worker": "w1"}
             for i, state in enumerate(states)]  # fmt: skip
    return {"jobId": "j", "source": "/v/a.mp4", "status": "processing", "message": "",
            "progress": 50, "options": {}, "clips": clips, "error": None}  # fmt: skip


def test_clips_verified_out_of_order_are_listed_once_in_order(qtbot) -> None:
    detail = JobDetail(None)
    qtbot.addWidget(detail)
    detail.show_job(job(["planned", "verified", "planned"]))
    detail.show_job(job(["verified", "verified", "planned"]))
    detail.show_job(job(["verified", "verified", "verified"]))
    texts = [detail.clips.item(i).text().split("\n") for i in range(detail.clips.count())]
    assert [t[0] for t in texts] == ["c1.mp4", "c2.mp4", "c3.mp4"]
    assert all(t[-1] == "⚙ w1" for t in texts)  # the worker that rendered it
