"""The learned ETA in the running engine: real jobs teach it, the API and the queue show it."""

from __future__ import annotations

import pytest

from storyclip_gui.app import build_engine
from storyclip_gui.config import load_settings
from storyclip_gui.core.manager import JobSpec
from storyclip_gui.core.options import StoryOptions

pytestmark = [pytest.mark.media, pytest.mark.slow]


def test_a_finished_job_teaches_the_eta_of_the_next_one_across_a_restart(run_async,
                                                                           video) -> None:
    source = video("eta.mp4", seconds=4, size="320x240")
    options = StoryOptions.from_dict({"clip_seconds": 1, "width": 720, "height": 1280,
                                      "quality": "low"})  # fmt: skip
    engine = build_engine(load_settings())
    seen = []
    engine.bus.subscribe(lambda e: seen.append(e.job.get("eta")))

    async def first() -> None:
        engine.manager.submit(JobSpec(str(source), options))
        await engine.manager.wait_until_idle()

    run_async(first(), timeout=120)
    assert any(e and e["basis"] == "live" for e in seen)  # before any history: ffmpeg's speed
    engine.store.close()

    again = build_engine(load_settings())  # a new run of the app, on the same history
    etas = []

    async def second() -> None:
        again.manager.pause()
        job = again.manager.submit(JobSpec(str(source), options))
        etas.append(again.manager.queue_eta())
        assert job.to_dict()["eta"] is not None
        again.manager.resume()
        await again.manager.wait_until_idle()

    run_async(second(), timeout=120)
    queue = etas[0]
    assert queue is not None and queue.unknown_jobs == 0 and queue.basis == "history"
    assert 0 < queue.p50_seconds <= queue.p90_seconds
    again.store.close()
