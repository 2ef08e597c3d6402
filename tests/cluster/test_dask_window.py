"""The window with clips rendering on a real LocalCluster: which worker renders which clip."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest

from storyclip_gui.app import Engine
from storyclip_gui.core.jobs import JobState
from storyclip_gui.ui.job_table_model import COL_WORKERS, JOB_ROLE
from tests.cluster.conftest import dask_engine, worker_pids

pytestmark = [pytest.mark.slow, pytest.mark.media]
SHOT = Path(os.environ.get("STORYCLIP_SHOT_DIR", "/tmp")) / "storyclip-dask-workers.png"


@pytest.fixture
def engine(qloop, dask_cluster) -> Engine:  # the window fixtures' engine, on the cluster
    return dask_engine(dask_cluster.scheduler_address)


def test_the_window_shows_which_worker_renders_each_clip(
    make_window, engine, video, qtbot, dask_cluster
) -> None:
    workers = set(worker_pids(dask_cluster))
    window = make_window()
    window.resize(1300, 860)
    panel = window.options_panel
    panel.clip_seconds.setValue(3.0)
    panel.size.setCurrentIndex(panel.size.findData("720x1280"))
    panel.quality.setCurrentIndex(panel.quality.findData("low"))
    [job] = window.add_paths([str(video("window.mp4", seconds=15, size="640x360"))])
    window.select_job(job.id)
    assert window.workers.isVisible()

    def shown_workers() -> set[str]:
        text = window.model.index(0, COL_WORKERS).data() or ""
        return set(filter(None, text.split(", ")))

    qtbot.waitUntil(lambda: shown_workers() == workers, timeout=120_000)
    qtbot.waitUntil(lambda: window.workers.tree.topLevelItemCount() == 2, timeout=5_000)
    rows = [window.workers.tree.topLevelItem(i) for i in range(2)]
    assert {r.text(0) for r in rows} == workers
    assert any("window.mp4 #" in r.text(1) for r in rows)
    window.grab().save(str(SHOT))
    qtbot.waitUntil(lambda: window.model.index(0, 0).data(JOB_ROLE).state is JobState.COMPLETED,
                    timeout=180_000)  # fmt: skip
    qtbot.waitUntil(lambda: window.detail.clips.count() == 5, timeout=5_000)
    texts = [window.detail.clips.item(i).text() for i in range(5)]
    # every clip says which worker rendered it, and both workers rendered some
    rendered_by = {t.rsplit("⚙ ", 1)[1] for t in texts if "⚙ " in t}
    assert len([t for t in texts if "⚙ " in t]) == 5 and rendered_by == workers, texts
    done = asyncio.ensure_future(engine.close_services())
    qtbot.waitUntil(done.done, timeout=30_000)
