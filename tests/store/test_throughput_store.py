"""Clip throughput samples on a real SQLite file: kept in order across a reopen, bounded."""

from __future__ import annotations

from storyclip_gui.core.eta import Sample
from storyclip_gui.store import open_store, throughput_store
from storyclip_gui.store.throughput_store import SqliteThroughputLog


def test_samples_survive_a_restart_newest_last_and_old_ones_are_dropped(db_path,
                                                                         monkeypatch) -> None:
    monkeypatch.setattr(throughput_store, "KEEP_ROWS", 600)
    store = open_store(db_path)
    log = SqliteThroughputLog(store.database)
    for n in range(1000):
        log.append(Sample(float(n), "libx264", "low", "720x1280", "h264", 720, 2,
                          15.0, 5.0 + n, 1_000_000, 60.0))  # fmt: skip
    store.close()
    reopened = open_store(db_path)
    samples = SqliteThroughputLog(reopened.database).recent(3)
    assert [s.at for s in samples] == [997.0, 998.0, 999.0]
    assert samples[-1] == Sample(999.0, "libx264", "low", "720x1280", "h264", 720, 2,
                                 15.0, 1004.0, 1_000_000, 60.0)  # fmt: skip
    kept = SqliteThroughputLog(reopened.database).recent(10_000)
    assert 600 <= len(kept) < 1000  # pruned at the 500th append, keeping the newest 600
    reopened.close()


def test_a_fractional_concurrency_and_the_judged_estimates_survive_a_restart(db_path,
                                                                          monkeypatch) -> None:
    monkeypatch.setattr(throughput_store, "KEEP_JUDGEMENTS", 5)
    store = open_store(db_path)
    log = SqliteThroughputLog(store.database)
    log.append(Sample(1.0, "libx264", "low", "720x1280", "h264", 720, 1.5, 15.0, 5.0))
    for n in range(8):
        log.append_judgement([1.0 + n / 10, 0.9])
    store.close()
    reopened = SqliteThroughputLog(open_store(db_path).database)
    assert reopened.recent(1)[0].concurrency == 1.5  # an INTEGER column keeps the REAL
    assert reopened.recent_judgements(2) == [[1.6, 0.9], [1.7, 0.9]]
    assert len(reopened.recent_judgements(100)) == 5  # the newest KEEP_JUDGEMENTS
