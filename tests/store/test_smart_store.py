"""Smart clips in the history: why each cut moved and the QC per clip survive a reload, the cut
analysis cache, and jobs stored before a preset's limit was enforced."""

from __future__ import annotations

import json
import sqlite3
import time

from storyclip_gui.core.jobs import Clip, ClipState, Job
from storyclip_gui.core.options import StoryOptions
from storyclip_gui.core.ports import AnalysisCache
from storyclip_gui.store import open_store


def test_clip_cut_reasons_and_qc_are_kept(db_path):
    store = open_store(db_path)
    job = Job(id="smart1", source="/v/a.mp4", options=StoryOptions(cuts="smart"),
              output_root="/out")  # fmt: skip
    cut = {"nominalStart": 0.0, "nominalEnd": 15.0, "startReason": None,
           "endReason": "silence at 14.6 s"}  # fmt: skip
    qc = {"status": "warn", "platform": "generic", "checks": [], "loudness": -18.0,
          "truePeak": -3.0}  # fmt: skip
    job.clips = [Clip(1, 0.0, 14.6, "/out/a_01.mp4", ClipState.VERIFIED, 14.6, 1080, 1920,
                      1000, cut, qc), Clip(2, 14.6, 30.0, "/out/a_02.mp4")]  # fmt: skip
    store.add(job)
    store.close()
    again = open_store(db_path).get("smart1")
    assert again is not None
    assert again.clips[0].cut == cut and again.clips[0].qc == qc
    assert again.clips[1].cut is None and again.clips[1].qc is None
    assert again.options.cuts.value == "smart"


def test_the_analysis_cache_round_trips_and_replaces(db_path):
    store = open_store(db_path)
    assert isinstance(store, AnalysisCache)
    assert store.get_analysis("fp", "v1") is None
    store.put_analysis("fp", "v1", "/v/a.mp4", {"silences": [[1, 2]], "scenes": []})
    store.put_analysis("fp", "v1", "/v/a.mp4", {"silences": [], "scenes": [[3, 40]]})
    store.put_analysis("fp", "v2", "/v/a.mp4", {"silences": [], "scenes": []})
    assert store.get_analysis("fp", "v1") == {"silences": [], "scenes": [[3, 40]]}
    assert store.get_analysis("other", "v1") is None
    store.close()
    with sqlite3.connect(db_path) as con:
        assert con.execute("SELECT count(*) FROM analysis_cache").fetchone()[0] == 2


def test_a_job_stored_before_the_preset_limit_still_loads(db_path):
    store = open_store(db_path)
    store.add(Job(id="old1", source="/v/a.mp4", options=StoryOptions(clip_seconds=300),
                  output_root="/out"))  # fmt: skip
    store.close()
    with sqlite3.connect(db_path) as con:  # what an older version could store
        options = {**StoryOptions(clip_seconds=300).to_dict(), "preset": "instagram-stories"}
        con.execute("UPDATE job SET options = ? WHERE id = 'old1'", (json.dumps(options),))
    job = open_store(db_path).get("old1")
    assert job is not None and job.options.clip_seconds == 300 and job.options.preset is None


def test_pruning_the_history_forgets_old_analyses(db_path):
    store = open_store(db_path)
    store.put_analysis("old", "v1", "/v/a.mp4", {"silences": [], "scenes": []})
    cutoff = time.time() + 1
    store.prune(cutoff)
    assert store.get_analysis("old", "v1") is None
    store.put_analysis("new", "v1", "/v/b.mp4", {"silences": [], "scenes": []})
    store.prune(cutoff - 3600)
    assert store.get_analysis("new", "v1") is not None
    store.close()
