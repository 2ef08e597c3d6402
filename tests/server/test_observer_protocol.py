"""Every rule of the observer protocol on a fake clock, without sockets: subscriptions, seq,
replay, throttling, final messages, heartbeats, slow observers and the wire frame itself."""

from __future__ import annotations

import json
import struct
from typing import Any

import pytest

from storyclip_gui.core.events import EventBus, EventKind
from storyclip_gui.core.ffmpeg.errors import ErrorCode, JobError
from storyclip_gui.core.jobs import Job, JobState
from storyclip_gui.server import observer_protocol
from storyclip_gui.server.observer_protocol import Observer, ObserverProtocol, text_frame
from tests.server.conftest import make_job

SERVER_TIME = 1_800_000_000.0  # the wall clock heartbeats carry (given, never read)


def unframe(frame: bytes) -> bytes:
    """An independent reading of RFC 6455 section 5.2: one final, unmasked text frame."""
    first, second = frame[0], frame[1]
    assert first == 0x81, "FIN + text opcode"
    assert second & 0x80 == 0, "a server never masks"
    length, offset = second & 0x7F, 2
    if length == 126:
        (length,), offset = struct.unpack_from(">H", frame, 2), 4
        assert length >= 126, "the shortest length form"
    elif length == 127:
        (length,), offset = struct.unpack_from(">Q", frame, 2), 10
        assert length >= 65536, "the shortest length form"
    assert len(frame) == offset + length, "exactly one frame"
    return frame[offset:]


def parse_frame(frame: bytes) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(unframe(frame).decode("utf-8"))
    return data


class Harness:
    """The protocol on a real bus with a fake clock; `inbox[observer]` is what it was sent."""

    def __init__(self, start_seq: int = 0, **settings: Any) -> None:
        self.now = 100.0
        self.bus = EventBus(start_seq)
        self.live: dict[str, Job] = {}
        self.kept: dict[str, Job] = {}  # in the history only
        self.protocol: ObserverProtocol[Observer] = ObserverProtocol(
            last_seq=self.bus.last_seq,
            lookup=lambda job_id: self.live.get(job_id) or self.kept.get(job_id),
            live_jobs=lambda: list(self.live.values()),
            **settings,
        )
        self.protocol.start(self.now)
        self.bus.subscribe(self._on_event)
        self.inbox: dict[Observer, list[dict[str, Any]]] = {}
        self.arrivals: dict[Observer, list[float]] = {}  # the clock when each message went out
        self.frames: list[tuple[bytes, list[Observer]]] = []  # as the protocol handed them out

    def _on_event(self, event: Any) -> None:
        self.protocol.receive_event(event, self.now)
        self.deliver()

    def deliver(self) -> None:
        for frame, to in self.protocol.data_to_send():
            self.frames.append((frame, list(to)))
            message = parse_frame(frame)
            for observer in to:
                self.inbox[observer].append(message)
                self.arrivals[observer].append(self.now)

    def job(self, job_id: str) -> Job:
        job = self.live[job_id] = make_job(job_id)
        return job

    def watch(self, job_id: str | None = None, since: int | None = None) -> Observer:
        observer = Observer(job_id)
        self.inbox[observer], self.arrivals[observer] = [], []
        self.protocol.attach(observer, since)
        self.deliver()
        return observer

    def take(self, observer: Observer) -> list[dict[str, Any]]:
        got, self.inbox[observer] = self.inbox[observer], []
        return got

    def tick(self, job: Job, progress: float) -> None:
        job.progress = progress
        job.updated_at = self.now
        self.bus.publish(EventKind.JOB_UPDATED, job.to_dict())

    def state(self, job: Job, kind: EventKind = EventKind.JOB_UPDATED) -> None:
        job.updated_at = self.now
        self.bus.publish(kind, job.to_dict(), state_changed=True)

    def run_until(self, until: float) -> None:
        """Time passes as a perfect timer would see it: `advance` at every deadline."""
        for _ in range(10_000):
            deadline = self.protocol.next_deadline()
            if deadline is None or deadline > until:
                self.now = until
                return
            self.now = deadline
            self.protocol.advance(deadline, SERVER_TIME + deadline)
            self.deliver()
        raise AssertionError(f"the deadline does not move on: {deadline}")


def no_heartbeats(**settings: Any) -> Harness:
    return Harness(heartbeat_interval=0, **settings)


# -- subscriptions --------------------------------------------------------------------------------
def test_all_jobs_and_one_job_observers_get_a_snapshot_then_what_they_watch() -> None:
    h = no_heartbeats()
    a, b = h.job("jobA"), h.job("jobB")
    everything, one = h.watch(), h.watch("jobA")
    snapshot = h.take(everything)[0]
    assert snapshot["type"] == "snapshot" and snapshot["resync"] is False
    assert snapshot["seq"] == 0 and snapshot["jobId"] is None
    assert [j["jobId"] for j in snapshot["jobs"]] == ["jobA", "jobB"]
    snapshot = h.take(one)[0]
    assert snapshot["type"] == "snapshot" and snapshot["jobId"] == "jobA"
    assert snapshot["status"] == "queued" and [j["jobId"] for j in snapshot["jobs"]] == ["jobA"]

    h.state(a, EventKind.JOB_REGISTERED)
    h.state(b, EventKind.JOB_REGISTERED)
    a.transition(JobState.PROCESSING)
    h.state(a)
    assert [(m["jobId"], m["event"]) for m in h.take(everything)] == [
        ("jobA", "jobRegistered"), ("jobB", "jobRegistered"), ("jobA", "jobUpdated")]
    got = h.take(one)
    assert [(m["jobId"], m["type"], m["event"]) for m in got] == [
        ("jobA", "status", "jobRegistered"), ("jobA", "status", "jobUpdated")]
    assert got[-1]["status"] == "processing"


def test_final_messages_are_completed_or_error_with_the_public_error() -> None:
    h = no_heartbeats()
    ok, bad, stopped = h.job("ok"), h.job("bad"), h.job("stopped")
    everything = h.watch()
    h.take(everything)
    for job in (ok, bad):
        job.transition(JobState.PROCESSING)
    ok.transition(JobState.COMPLETED)
    bad.transition(JobState.FAILED)
    bad.error = JobError(ErrorCode.DISK_FULL, "The disk is full.", "/secret/stderr tail")
    stopped.transition(JobState.CANCELLED)
    for job in (ok, bad, stopped):
        h.state(job, EventKind.JOB_COMPLETED)
    got = h.take(everything)
    assert [(m["jobId"], m["type"], m["event"]) for m in got] == [
        ("ok", "completed", "jobCompleted"), ("bad", "error", "jobCompleted"),
        ("stopped", "error", "jobCompleted")]
    assert got[0]["clips"] == []
    assert got[1]["error"] == {"code": "disk_full", "message": "The disk is full."}
    assert got[2]["error"]["code"] == "cancelled"
    for message in got:
        for key in ("seq", "jobId", "status", "progress", "phase", "message", "updatedAt"):
            assert key in message, key


def test_a_job_only_in_the_history_or_unknown_gets_a_snapshot_all_the_same() -> None:
    h = no_heartbeats()
    h.kept["old"] = make_job("old")
    kept = h.take(h.watch("old"))[0]
    assert kept["jobId"] == "old" and kept["status"] == "queued" and len(kept["jobs"]) == 1
    unknown = h.take(h.watch("nope"))[0]
    assert unknown["jobId"] == "nope" and unknown["status"] is None and unknown["jobs"] == []
    assert h.take(h.watch())[0]["jobs"] == []  # all jobs: the live ones only


def test_a_detached_observer_gets_nothing_more() -> None:
    h = no_heartbeats()
    job = h.job("job1")
    gone, stays = h.watch("job1"), h.watch("job1")
    h.protocol.detach(gone)
    h.protocol.detach(gone)  # twice: harmless
    h.state(job)
    assert len(h.inbox[gone]) == 1 and len(h.inbox[stays]) == 2  # the snapshot, then the event
    assert gone.closed and h.protocol.observers() == [stays] and h.protocol.observer_count == 1


def test_each_event_is_one_frame_written_to_every_watcher() -> None:
    h = no_heartbeats()
    job, other = h.job("job1"), h.job("job2")
    watchers = [h.watch("job1" if i % 2 else None) for i in range(40)]
    h.watch("job2")
    h.frames.clear()
    for _ in range(5):
        h.state(job)
    assert len(h.frames) == 5
    for _, to in h.frames:
        assert sorted(map(id, to)) == sorted(map(id, watchers))
        assert to[:20] == [w for w in to if w.job_id == "job1"]  # the job's own watchers first
    h.frames.clear()
    h.state(other)
    assert len(h.frames) == 1 and len(h.frames[0][1]) == 21


def test_each_event_is_serialized_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real_encode = observer_protocol.encode

    def counting(message: dict[str, Any]) -> bytes:
        calls.append(message["type"])
        return real_encode(message)

    monkeypatch.setattr(observer_protocol, "encode", counting)
    h = no_heartbeats()
    job = h.job("job1")
    for i in range(40):
        h.watch("job1" if i % 2 else None)
    calls.clear()
    for _ in range(5):
        h.state(job)
    assert calls == ["status"] * 5


# -- seq ------------------------------------------------------------------------------------------
def test_seq_is_the_bus_seq_and_only_grows() -> None:
    h = no_heartbeats(start_seq=41 + 1_000_000)  # a restarted bus
    job = h.job("job1")
    everything = h.watch()
    assert h.take(everything)[0]["seq"] == 1_000_041
    for kind in (EventKind.JOB_REGISTERED, EventKind.JOB_UPDATED, EventKind.JOB_UPDATED):
        h.state(job, kind)
    assert [m["seq"] for m in h.take(everything)] == [1_000_042, 1_000_043, 1_000_044]
    assert h.protocol.last_seq == h.bus.last_seq == 1_000_044


def test_a_held_tick_gets_a_fresh_higher_seq_and_keeps_order_across_jobs() -> None:
    h = no_heartbeats(progress_interval=0.2)
    a, b = h.job("jobA"), h.job("jobB")
    everything = h.watch()
    h.take(everything)
    h.tick(a, 1)  # seq 1, at once
    h.tick(a, 2)  # seq 2, held for half an interval
    h.state(b)  # seq 3, at once
    assert h.protocol.next_deadline() == pytest.approx(h.now + 0.1)
    h.run_until(h.now + 0.1)
    got = h.take(everything)
    assert [(m["jobId"], m["progress"], m["seq"]) for m in got] == [
        ("jobA", 1, 1), ("jobB", 0.0, 3), ("jobA", 2, 4)]
    replay = h.take(h.watch(since=3))  # replay sees the held tick at its own seq too
    assert [(m["jobId"], m["seq"]) for m in replay] == [("jobA", 4)]


# -- replay ---------------------------------------------------------------------------------------
def test_reconnect_with_since_replays_exactly_what_was_missed() -> None:
    h = no_heartbeats(replay_size=20)
    a, b = h.job("jobA"), h.job("jobB")
    first = h.watch()
    h.state(a, EventKind.JOB_REGISTERED)
    last = h.take(first)[-1]["seq"]
    h.protocol.detach(first)
    for i in range(3):  # missed while away: both jobs
        h.state(a if i % 2 else b)
    missed = h.protocol.last_seq
    again = h.watch(since=last)
    replay = h.take(again)
    assert [m["type"] for m in replay] == ["status"] * 3
    assert [m["seq"] for m in replay] == list(range(last + 1, missed + 1))
    h.state(a)  # then live, with no gap and no duplicate
    assert [m["seq"] for m in h.take(again)] == [missed + 1]
    # one job's socket replays that job's messages only
    replay = h.take(h.watch("jobA", since=last))
    assert [(m["jobId"], m["seq"]) for m in replay] == [("jobA", last + 2), ("jobA", missed + 1)]
    # up to date: nothing to replay, and no snapshot either
    assert h.take(h.watch(since=h.protocol.last_seq)) == []


def test_a_since_the_buffer_cannot_serve_gets_a_snapshot_that_says_resync() -> None:
    h = no_heartbeats(replay_size=20)
    job = h.job("job1")
    h.state(job)
    last = h.protocol.last_seq
    for _ in range(30):
        h.state(job)
    assert h.protocol.oldest_replayable == h.protocol.last_seq - 20
    snapshot = h.take(h.watch(since=last))[0]
    assert snapshot["type"] == "snapshot" and snapshot["resync"] is True
    assert snapshot["seq"] == h.protocol.last_seq
    # the oldest `since` still served is replayed whole: the 20 newest messages
    oldest = h.protocol.oldest_replayable
    assert len(h.take(h.watch(since=oldest))) == 20
    # a seq from the future (another server's life): resync too
    future = h.take(h.watch(since=h.protocol.last_seq + 100))[0]
    assert future["type"] == "snapshot" and future["resync"] is True


# -- throttling -----------------------------------------------------------------------------------
def test_a_burst_of_ticks_sends_the_first_at_once_and_the_newest_half_an_interval_later() -> None:
    h = no_heartbeats(progress_interval=0.1)
    job = h.job("job1")
    one = h.watch("job1")
    h.take(one)
    job.transition(JobState.PROCESSING)
    h.state(job)
    start = h.now
    for i in range(1, 101):  # 100 ticks at once
        h.tick(job, i * 0.5)
    assert [m["progress"] for m in h.take(one)] == [0.0, 0.5]
    assert h.protocol.held_jobs() == ["job1"] and h.protocol.ticks_coalesced == 98
    assert h.protocol.next_deadline() == pytest.approx(start + 0.05)
    h.run_until(start + 0.049)
    assert h.take(one) == []  # not before its time
    h.run_until(start + 0.05)
    assert [m["progress"] for m in h.take(one)] == [50.0]
    assert h.protocol.held_jobs() == [] and h.protocol.next_deadline() is None


def test_the_final_message_is_never_held_and_replaces_a_held_tick() -> None:
    h = no_heartbeats(progress_interval=0.1)
    job = h.job("job1")
    one = h.watch("job1")
    job.transition(JobState.PROCESSING)
    h.state(job)
    for i in range(1, 101):  # a burst followed at once by the final message
        h.tick(job, i)
    job.transition(JobState.COMPLETED)
    h.state(job, EventKind.JOB_COMPLETED)
    got = h.take(one)
    assert [m["type"] for m in got] == ["snapshot", "status", "status", "completed"]
    assert got[-1]["progress"] == 100.0
    assert h.protocol.ticks_coalesced == 99  # 98 replaced by a newer tick, 1 by the final message
    assert h.protocol.next_deadline() is None  # nothing left to release later
    h.run_until(h.now + 5)
    assert h.take(one) == []
    seqs = [m["seq"] for m in got]
    assert seqs == sorted(set(seqs))


def test_state_changes_and_clips_are_never_held() -> None:
    h = no_heartbeats(progress_interval=0.1)
    job = h.job("job1")
    one = h.watch("job1")
    h.take(one)
    h.tick(job, 1)
    h.tick(job, 2)  # held
    h.bus.publish(EventKind.CLIP_COMPLETED, job.to_dict(), clip={"index": 0}, state_changed=True)
    h.state(job)
    assert [(m["event"], m["progress"]) for m in h.take(one)] == [
        ("jobUpdated", 1), ("clipCompleted", 2), ("jobUpdated", 2)]
    assert h.protocol.held_jobs() == []


def test_fifty_ticks_a_second_become_at_most_ten_in_any_second_and_the_newest_arrives() -> None:
    h = no_heartbeats(progress_interval=0.1)
    job = h.job("job1")
    one = h.watch("job1")
    h.take(one)
    h.arrivals[one].clear()
    start = h.now
    for i in range(75):  # a tick every 20 ms for 1.5 s
        h.run_until(start + i * 0.02)
        h.tick(job, i / 10)
    h.run_until(start + 3)
    arrivals = h.arrivals[one]
    assert h.take(one)[-1]["progress"] == 7.4  # the newest tick is never lost
    for i, first in enumerate(arrivals):
        assert sum(1 for t in arrivals[i:] if t - first < 0.95 - 1e-9) <= 10, arrivals
    assert len(arrivals) >= 14  # throttled, not starved: about ten a second
    assert h.protocol.ticks_coalesced == 75 - len(arrivals)


def test_a_job_that_ticks_ten_times_a_second_with_jitter_is_never_held() -> None:
    h = no_heartbeats(progress_interval=0.1)
    job = h.job("job1")
    one = h.watch("job1")
    h.take(one)
    start = h.now
    for i in range(50):  # the jitter repeats every 3 ticks: a tick is up to 3 ms early on
        h.run_until(start + i * 0.1 + (0.002 if i % 3 == 0 else -0.001))  # the one 10 before
        h.tick(job, i)
        assert [m["progress"] for m in h.take(one)] == [i]  # at once, every time
    assert h.protocol.ticks_coalesced == 0


def test_ticks_of_one_job_do_not_hold_another_and_held_ones_go_in_turn_order() -> None:
    h = no_heartbeats(progress_interval=0.1)
    a, b = h.job("jobA"), h.job("jobB")
    everything = h.watch()
    h.take(everything)
    start = h.now
    h.tick(a, 1)  # at once
    h.now = start + 0.01
    h.tick(b, 1)  # at once: another job
    h.now = start + 0.02
    h.tick(b, 2)  # held until +0.06
    h.now = start + 0.03
    h.tick(a, 2)  # held until +0.05: held later, released first
    assert [(m["jobId"], m["progress"]) for m in h.take(everything)] == [("jobA", 1), ("jobB", 1)]
    h.run_until(start + 0.2)
    assert [(m["jobId"], m["progress"]) for m in h.take(everything)] == [("jobA", 2), ("jobB", 2)]
    assert h.arrivals[everything][-2:] == [pytest.approx(start + 0.05), pytest.approx(start + 0.06)]
    # a late timer (a busy loop) finds both due: still in turn order, not in the order held
    for offset, job, progress in ((0.2, a, 3), (0.21, b, 3), (0.22, b, 4), (0.23, a, 4)):
        h.now = start + offset
        h.tick(job, progress)
    assert h.protocol.held_jobs() == ["jobB", "jobA"]
    h.protocol.advance(start + 1.0, SERVER_TIME)
    h.deliver()
    assert [(m["jobId"], m["progress"]) for m in h.take(everything)][-2:] == [
        ("jobA", 4), ("jobB", 4)]


def test_an_early_timer_releases_nothing_and_keeps_the_deadline() -> None:
    h = no_heartbeats(progress_interval=0.1)
    job = h.job("job1")
    one = h.watch("job1")
    h.take(one)
    h.tick(job, 1)
    h.tick(job, 2)
    deadline = h.protocol.next_deadline()
    assert deadline is not None
    h.protocol.advance(deadline - 0.001, SERVER_TIME)
    h.deliver()
    assert [m["progress"] for m in h.take(one)] == [1]
    assert h.protocol.next_deadline() == deadline


def test_a_finished_job_forgets_its_ticks_so_a_retry_reports_at_once() -> None:
    h = no_heartbeats(progress_interval=0.1)
    job = h.job("job1")
    one = h.watch("job1")
    h.take(one)
    for i in range(10):  # ten ticks in 0.9 s: the second's quota is used
        h.run_until(100.0 + i * 0.1)
        h.tick(job, i)
    job.transition(JobState.PROCESSING)
    job.transition(JobState.FAILED)
    h.state(job, EventKind.JOB_COMPLETED)
    job.transition(JobState.QUEUED)
    h.state(job)
    h.tick(job, 0.5)  # the retry's first tick, well inside the same second
    assert [m["progress"] for m in h.take(one)][-1] == 0.5
    assert h.protocol.held_jobs() == []


def test_no_throttle_when_the_interval_is_zero() -> None:
    h = no_heartbeats(progress_interval=0)
    job = h.job("job1")
    one = h.watch("job1")
    h.take(one)
    for i in range(100):
        h.tick(job, i)
    assert len(h.take(one)) == 100 and h.protocol.ticks_coalesced == 0


# -- heartbeat ------------------------------------------------------------------------------------
def test_heartbeats_every_interval_with_each_watched_jobs_state() -> None:
    h = Harness(heartbeat_interval=2.0)
    job, done = h.job("job1"), h.job("done")
    done.transition(JobState.CANCELLED)
    everything, one = h.watch(), h.watch("job1")
    h.take(everything), h.take(one)
    start = h.now
    assert h.protocol.next_deadline() == start + 2.0
    h.run_until(start + 1.999)
    assert h.take(everything) == []
    h.state(job)
    h.run_until(start + 2.0)
    beat = h.take(everything)[-1]
    assert beat["type"] == "heartbeat" and beat["jobId"] is None and beat["status"] is None
    assert beat["seq"] == h.protocol.last_seq == 1 and beat["activeJobs"] == 1
    assert beat["serverTime"] == SERVER_TIME + start + 2.0
    beat = h.take(one)[-1]
    assert beat["type"] == "heartbeat" and beat["jobId"] == "job1" and beat["status"] == "queued"
    assert "updatedAt" in beat
    h.run_until(start + 6.0)  # one a interval, no more
    assert [m["type"] for m in h.take(everything)] == ["heartbeat", "heartbeat"]


def test_heartbeats_stop_with_the_protocol_or_a_zero_interval() -> None:
    h = Harness(heartbeat_interval=2.0)
    h.watch()
    h.protocol.stop()
    assert h.protocol.next_deadline() is None
    assert no_heartbeats().protocol.next_deadline() is None


def test_a_failing_heartbeat_is_not_retried_at_once() -> None:
    h = Harness(heartbeat_interval=2.0)
    h.job("job1")
    h.watch("job1")

    def broken(job_id: str) -> Job | None:
        raise RuntimeError("history unreadable")

    h.protocol._lookup = broken  # the history failing between two beats
    start = h.now
    with pytest.raises(RuntimeError):
        h.protocol.advance(start + 2.0, SERVER_TIME)
    assert h.protocol.next_deadline() == start + 4.0


# -- slow observers -------------------------------------------------------------------------------
def test_an_observer_that_does_not_read_is_dropped_past_the_limit_and_counted_once() -> None:
    h = no_heartbeats(client_buffer_limit=1000)
    job = h.job("job1")
    slow, fine = h.watch(), h.watch()
    assert h.protocol.backlog(slow, 1000) is False  # at the limit: kept
    assert h.protocol.backlog(slow, 1001) is True
    assert h.protocol.backlog(slow, 5000) is False  # already gone: not counted twice
    assert slow.closed and h.protocol.clients_dropped == 1
    assert h.protocol.observers() == [fine]
    h.state(job)
    assert [m["type"] for m in h.inbox[slow]] == ["snapshot"]
    assert [m["type"] for m in h.inbox[fine]] == ["snapshot", "status"]


def test_an_observer_dropped_during_its_replay_is_not_kept() -> None:
    h = no_heartbeats(client_buffer_limit=1000)
    job = h.job("job1")
    for _ in range(5):
        h.state(job)
    late = Observer(None)
    h.protocol.attach(late, since=0)
    out = h.protocol.data_to_send()
    assert len(out) == 5 and all(to == (late,) for _, to in out)
    assert h.protocol.backlog(late, 4000) is True  # as the adapter writes the second frame
    assert h.protocol.observer_count == 0


# -- the frame ------------------------------------------------------------------------------------
@pytest.mark.parametrize("size", [0, 125, 126, 65535, 65536, 200_000])
def test_text_frames_of_every_length_class_parse_as_one_unmasked_frame(size: int) -> None:
    payload = bytes(range(97, 123)) * (size // 26) + b"a" * (size % 26)
    assert unframe(text_frame(payload)) == payload
