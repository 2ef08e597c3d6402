"""The /metrics page in Prometheus text format: jobs, clips, failures, speed, connected clients."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from storyclip_gui.core.jobs import Job, JobState
from storyclip_gui.core.ports import HistoryStats


class HubCounters(Protocol):
    @property
    def client_count(self) -> int: ...
    @property
    def messages_sent(self) -> int: ...
    @property
    def clients_dropped(self) -> int: ...
    @property
    def ticks_coalesced(self) -> int: ...


def _label(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _number(value: float | int | None) -> str:
    if value is None:
        return "NaN"
    return repr(float(value)) if isinstance(value, float) else str(value)


def render_metrics(stats: HistoryStats | None, live: Iterable[Job], hub: HubCounters) -> str:
    """Counts come from the history (every job ever kept) and the live view (running now)."""
    lines: list[str] = []

    def metric(
        name: str, kind: str, help_text: str, samples: list[tuple[str, float | None]]
    ) -> None:
        lines.append(f"# HELP {name} {help_text}")
        lines.append(f"# TYPE {name} {kind}")
        for labels, value in samples:
            lines.append(f"{name}{labels} {_number(value)}")

    jobs = list(live)
    if stats is not None:
        counts = {state.value: stats.counts.get(state.value, 0) for state in JobState}
        metric("storyclip_jobs", "gauge", "Jobs in the history by state.",
               [(f'{{state="{_label(s)}"}}', n) for s, n in sorted(counts.items())])
        metric("storyclip_clips_generated_total", "counter", "Verified clips written.",
               [("", stats.clips_generated)])
        metric("storyclip_media_seconds_total", "counter",
               "Seconds of source video cut by completed jobs.", [("", stats.media_seconds)])
        metric("storyclip_job_failures_total", "counter", "Failed jobs by error code.",
               [(f'{{code="{_label(c)}"}}', n) for c, n in sorted(stats.failures_by_code.items())])
        metric("storyclip_mean_encode_speed", "gauge",
               "Mean speed of completed jobs (media seconds per processing second).",
               [("", stats.mean_speed)])
        metric("storyclip_processing_seconds_p95", "gauge",
               "95th percentile of the processing time of completed jobs.",
               [("", stats.p95_processing_seconds)])
    running = [j for j in jobs if j.state is JobState.PROCESSING]
    speeds = [j.speed for j in running if j.speed is not None]
    metric("storyclip_live_jobs", "gauge", "Jobs in the live view by state.",
           [(f'{{state="{s.value}"}}', sum(1 for j in jobs if j.state is s))
            for s in (JobState.QUEUED, JobState.PROCESSING, JobState.INTERRUPTED)])
    metric("storyclip_encode_speed", "gauge",
           "Current ffmpeg speed summed over running jobs (x realtime).",
           [("", round(sum(speeds), 3) if speeds else 0.0)])
    metric("storyclip_websocket_clients", "gauge", "Connected WebSocket clients.",
           [("", hub.client_count)])
    metric("storyclip_websocket_messages_sent_total", "counter",
           "WebSocket messages written to clients.", [("", hub.messages_sent)])
    metric("storyclip_websocket_clients_dropped_total", "counter",
           "WebSocket clients disconnected for not reading.", [("", hub.clients_dropped)])
    metric("storyclip_websocket_ticks_coalesced_total", "counter",
           "Progress ticks replaced by a newer one (at most 10 messages/s per job).",
           [("", hub.ticks_coalesced)])
    return "\n".join(lines) + "\n"
