"""History queries (filters, search, keyset pages), statistics, pruning — checked against the
in-memory store, which must give the same answers."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from storyclip_gui.core.ffmpeg.errors import ErrorCode
from storyclip_gui.core.history import HistoryPager, JobIdError, resolve_job_id
from storyclip_gui.core.jobs import JobState
from storyclip_gui.core.memory_store import MemoryJobStore
from storyclip_gui.core.ports import HistoryQuery

STATES = [JobState.COMPLETED] * 6 + [JobState.FAILED, JobState.CANCELLED, JobState.QUEUED]
NAMES = ["Holiday", "Talk", "lecture", "HOLIDAY party", "ñandú 🎬", "50%_off"]


@pytest.fixture
def both(store, make_job, tmp_path):
    """~300 jobs, several sharing a creation time, in the SQLite and the memory store."""
    rng = random.Random(7)
    memory = MemoryJobStore()
    for n in range(300):
        state = rng.choice(STATES)
        error = rng.choice([ErrorCode.DISK_FULL, ErrorCode.STALLED]) if state is JobState.FAILED \
            else None  # fmt: skip
        clips = rng.randint(1, 4)
        job = make_job(state, clips=clips, verified=clips if state is JobState.COMPLETED else 0,
                       created=1_000_000.0 + n // 3, error=error, took=rng.uniform(1, 100),
                       source=str(tmp_path / f"{rng.choice(NAMES)} {n}.mp4"))  # fmt: skip
        store.add(job)
        memory.add(job)
    return store, memory


def pages(store, query):
    """All pages of a query, through the one pager every door uses."""
    return [[j.id for j in page] for page in HistoryPager(store, query).pages()]


@pytest.mark.parametrize("query", [
    HistoryQuery(limit=7),
    HistoryQuery(limit=50, states=frozenset({JobState.FAILED, JobState.CANCELLED})),
    HistoryQuery(limit=10, search="holiday"),
    HistoryQuery(limit=10, search="ÑANDÚ"),
    HistoryQuery(limit=10, search="50%_"),
    HistoryQuery(limit=10, search="%"),
    HistoryQuery(limit=5, since=1_000_020.0, until=1_000_050.0),
    HistoryQuery(limit=3, states=frozenset({JobState.COMPLETED}), search="talk",
                 since=1_000_010.0),
], ids=["all", "states", "search", "unicode", "wildcards-literal", "percent", "dates", "mixed"])
def test_keyset_pages_match_the_memory_store(both, query):
    sqlite, memory = both
    got, expected = pages(sqlite, query), pages(memory, query)
    assert got == expected
    flat = [i for page in got for i in page]
    assert len(flat) == len(set(flat)), "no job on two pages, even with equal creation times"
    assert all(len(page) <= query.limit for page in got)


def test_pages_are_newest_first_with_clips(both):
    sqlite, _ = both
    page = sqlite.history(HistoryQuery(limit=20))
    keys = [(j.created_at, j.id) for j in page.jobs]
    assert keys == sorted(keys, reverse=True)
    assert all(j.clips for j in page.jobs)


def test_statistics_match_the_memory_store(both):
    sqlite, memory = both
    got, expected = sqlite.stats(), memory.stats()
    assert got.counts == expected.counts
    assert got.clips_generated == expected.clips_generated
    assert got.media_seconds == pytest.approx(expected.media_seconds)
    assert got.mean_processing_seconds == pytest.approx(expected.mean_processing_seconds)
    assert got.p95_processing_seconds == pytest.approx(expected.p95_processing_seconds)
    assert got.mean_speed == pytest.approx(expected.mean_speed)
    assert got.failures_by_code == expected.failures_by_code
    assert got.failure_rate == pytest.approx(expected.failure_rate)
    since = sqlite.stats(since=1_000_050.0)
    assert since.counts == memory.stats(since=1_000_050.0).counts
    assert sum(since.counts.values()) < sum(got.counts.values())



@pytest.mark.parametrize("query", [
    HistoryQuery(states=frozenset({JobState.COMPLETED})),
    HistoryQuery(search="holiday", since=1_000_020.0),
    HistoryQuery(states=frozenset({JobState.FAILED, JobState.CANCELLED}), until=1_000_070.0),
])  # fmt: skip
def test_statistics_follow_the_history_filters(both, query):
    """The History tab's summary counts what its filters show (issue 16)."""
    sqlite, memory = both
    got, expected = sqlite.stats(query=query), memory.stats(query=query)
    assert got.counts == expected.counts and got.counts
    assert sum(got.counts.values()) == len(memory.history(
        HistoryQuery(**{**query.__dict__, "limit": 10_000})).jobs)  # fmt: skip
    assert got.clips_generated == expected.clips_generated
    assert got.failures_by_code == expected.failures_by_code
    assert got.mean_speed == pytest.approx(expected.mean_speed)
    assert got.p95_processing_seconds == pytest.approx(expected.p95_processing_seconds)


def test_exact_statistics_on_a_small_history(store, make_job):
    for took in (10.0, 20.0, 30.0, 40.0):
        store.add(make_job(JobState.COMPLETED, clips=2, verified=2, took=took))
    store.add(make_job(JobState.FAILED, error=ErrorCode.STALLED))
    store.add(make_job(JobState.FAILED, error=ErrorCode.STALLED))
    store.add(make_job(JobState.QUEUED))
    stats = store.stats()
    assert stats.counts == {"completed": 4, "failed": 2, "queued": 1}
    assert stats.clips_generated == 8
    assert stats.media_seconds == 40.0  # 4 jobs x 2 clips x 5 s
    assert stats.mean_processing_seconds == 25.0
    assert stats.p95_processing_seconds == 40.0
    assert stats.mean_speed == pytest.approx(40.0 / 100.0)
    assert stats.failures_by_code == {"stalled": 2}
    assert stats.failure_rate == pytest.approx(2 / 6)
    assert stats.to_dict()["failuresByCode"] == {"stalled": 2}


def test_prune_forgets_old_finished_jobs_but_never_files(store, make_job, tmp_path):
    old = make_job(JobState.COMPLETED, clips=2, verified=2, created=1000.0)
    for clip in old.clips:
        Path(clip.path).parent.mkdir(parents=True, exist_ok=True)
        Path(clip.path).write_bytes(b"clip")
    running_old = make_job(JobState.PROCESSING, created=1000.0)
    recent = make_job(JobState.COMPLETED, created=5000.0)
    for job in (old, running_old, recent):
        store.add(job)
    assert store.prune(finished_before=3000.0) == 1
    assert store.get(old.id) is None
    assert store.get(running_old.id) is not None and store.get(recent.id) is not None
    assert all(Path(c.path).read_bytes() == b"clip" for c in old.clips)
    orphans = store.database.execute_sql(
        "SELECT count(*) FROM clip WHERE job_id = ?", (old.id,)).fetchone()[0]  # fmt: skip
    assert orphans == 0 and store.state_log(old.id) == []
    memory = MemoryJobStore()
    for job in (old, running_old, recent):
        memory.add(job)
    assert memory.prune(finished_before=3000.0) == 1


def test_a_job_is_named_by_its_whole_id_or_a_unique_prefix(store, make_job):
    """`history rerun` takes what the table shows: the whole id or its first characters."""
    memory = MemoryJobStore()
    for job_id in ("3fa09c", "3fa0ffee", "3fb1", "abc", "abcd", "zz%_"):
        job = make_job(JobState.COMPLETED)
        job.id = job_id
        store.add(job)
        memory.add(job)
    for each in (store, memory):
        assert store.ids_starting_with("3fa", 10) == memory.ids_starting_with("3fa", 10)
        assert resolve_job_id(each, "3fb") == "3fb1"
        assert resolve_job_id(each, " 3fa0f ") == "3fa0ffee"
        assert resolve_job_id(each, "abc") == "abc", "a whole id wins over longer ids"
        assert resolve_job_id(each, "zz%") == "zz%_", "no wildcard in a prefix"
        with pytest.raises(JobIdError, match=r"several job ids: 3fa09c, 3fa0ffee\. Type more"):
            resolve_job_id(each, "3fa0")
        with pytest.raises(JobIdError, match=r"No job with id '%' \(or starting"):
            resolve_job_id(each, "%")
        with pytest.raises(JobIdError, match="Give a job id"):
            resolve_job_id(each, "  ")
    with pytest.raises(JobIdError, match=r"several job ids: 3fa09c, 3fa0ffee, …. Type more"):
        resolve_job_id(store, "3", shown=2)
