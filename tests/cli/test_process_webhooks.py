"""`storyclip process` sends its webhooks itself: a real subprocess on generated media, a real
receiver on a loopback port; a receiver that is down leaves the deliveries in SQLite."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from storyclip_gui.core.webhooks import Subscription, Webhooks
from storyclip_gui.store import open_store
from storyclip_gui.store.webhook_store import SqliteWebhookOutbox
from tests.helpers.procs import query
from tests.server.test_webhooks_e2e import Receiver, check_signed

pytestmark = [pytest.mark.slow, pytest.mark.media]
CLI = [sys.executable, "-m", "storyclip_gui"]


def subscribe(url: str) -> Subscription:
    """What Settings ▸ Webhooks or POST /api/v1/webhooks does, on the history file."""
    store = open_store(Path(os.environ["STORYCLIP_DATA_DIR"]) / "storyclip.db")
    try:
        return Webhooks(SqliteWebhookOutbox(store.database), lambda _: False).subscribe(url)
    finally:
        store.close()


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=180,
                          stdin=subprocess.DEVNULL, env=env)  # fmt: skip


def deliveries() -> list[tuple[str, str, int, str | None]]:
    db = Path(os.environ["STORYCLIP_DATA_DIR"]) / "storyclip.db"
    return [tuple(r) for r in query(db, "SELECT id, state, attempts, last_error "
                                        "FROM webhook_delivery ORDER BY created_at")]  # fmt: skip


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_process_sends_every_event_signed_before_it_exits(video) -> None:
    receiver = Receiver()
    try:
        hook = subscribe(receiver.url)
        result = run("process", str(video("told.mp4", seconds=2, size="320x240")),
                     "--clip-seconds", "1", "--size", "720x1280", "--quality", "low")  # fmt: skip
        assert result.returncode == 0, result.stderr
        # nothing waited for after the exit: the run itself delivered them
        events = receiver.events()
        assert sorted(events) == sorted(["jobRegistered", "clipVerified", "clipVerified",
                                         "jobCompleted", "queueFinished"])  # fmt: skip
        check_signed(receiver, hook.secret)
        assert {state for _, state, _, _ in deliveries()} == {"delivered"}
        assert "Webhooks:" not in result.stderr  # nothing left to report
    finally:
        receiver.server.shutdown()
        receiver.server.server_close()


def test_a_receiver_that_is_down_costs_at_most_the_wait_and_loses_nothing(video) -> None:
    port = free_port()  # nothing listens there yet: every try is refused
    hook = subscribe(f"http://127.0.0.1:{port}/hook")
    result = run("process", str(video("later.mp4", seconds=2, size="320x240")),
                 "--clip-seconds", "2", "--size", "720x1280", "--quality", "low",
                 "--webhook-wait", "3")  # fmt: skip
    assert result.returncode == 0, result.stderr  # the clips are made: webhooks do not fail it
    assert "Webhooks: 4 deliveries not sent within 3 s" in result.stderr, result.stderr
    assert f"4 pending for http://127.0.0.1:{port}/hook (last try: ClientConnectorError" \
        in result.stderr  # fmt: skip
    left = deliveries()
    assert [state for _, state, _, _ in left] == ["pending"] * 4
    assert all(attempts >= 1 and error for _, _, attempts, error in left)  # tried, kept
    # the receiver comes up; the next terminal run sends the same deliveries, signed
    receiver = Receiver(port)
    try:
        env = {**os.environ, "STORYCLIP_WEBHOOK_DRAIN": "60"}
        again = run("resume", env=env)
        assert again.returncode == 0, again.stderr
        check_signed(receiver, hook.secret)
        with receiver.lock:
            ids = sorted(json.loads(r["body"])["id"] for r in receiver.requests)
        assert ids == sorted(delivery_id for delivery_id, _, _, _ in left)
        assert {state for _, state, _, _ in deliveries()} == {"delivered"}
    finally:
        receiver.server.shutdown()
        receiver.server.server_close()
