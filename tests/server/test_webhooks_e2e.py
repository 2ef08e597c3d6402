"""Webhooks end to end: a real `storyclip serve`, a real receiver on a loopback port, a real
job; a receiver that fails, and the app killed mid-delivery: nothing lost, nothing unsigned."""

from __future__ import annotations

import json
import os
import signal
import threading
import time
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from storyclip_gui.core.webhooks import verify_signature
from tests.helpers.procs import serve_process, wait_for
from tests.server.conftest import TOKEN


class Receiver:
    """Records every request; can answer 500 to the first try of an event, or hold one."""

    def __init__(self, port: int = 0) -> None:
        self.requests: list[dict[str, Any]] = []
        self.fail_first: set[str] = set()
        self.hold: set[str] = set()  # events whose first request is held until released
        self.held = threading.Event()  # a request is being held now
        self.release = threading.Event()
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                event = self.headers.get("X-StoryClip-Event", "")
                with receiver.lock:
                    first = all(r["event"] != event for r in receiver.requests)
                    receiver.requests.append({"event": event, "body": body,
                                              "headers": dict(self.headers),
                                              "at": time.time()})  # fmt: skip
                if first and event in receiver.hold:
                    receiver.held.set()
                    receiver.release.wait(60)
                status = 500 if first and event in receiver.fail_first else 204
                try:
                    self.send_response(status)
                    self.end_headers()
                except OSError:
                    pass  # the app was killed while we held its request

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def events(self) -> list[str]:
        with self.lock:
            return [r["event"] for r in self.requests]


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.release.set()
    r.server.shutdown()
    r.server.server_close()


def call(url: str, body: dict[str, Any] | None = None) -> Any:
    request = urllib.request.Request(url, data=json.dumps(body).encode() if body else None,
                                     headers={"Authorization": f"Bearer {TOKEN}",
                                              "Content-Type": "application/json"})  # fmt: skip
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def check_signed(receiver: Receiver, secret: str) -> None:
    """Every request that reached the receiver was signed with the secret at send time, and
    its idempotency key is its body's id."""
    with receiver.lock:
        requests = list(receiver.requests)
    for r in requests:
        headers = r["headers"]
        assert verify_signature(secret, headers.get("X-StoryClip-Signature"), r["body"],
                                now=r["at"]), headers  # fmt: skip
        body = json.loads(r["body"])
        assert headers["Idempotency-Key"] == headers["X-StoryClip-Delivery"] == body["id"]
        assert body["event"] == r["event"]


@pytest.mark.slow
@pytest.mark.media
def test_a_job_is_told_signed_and_a_failed_try_is_retried(video, receiver: Receiver) -> None:
    source = video("hooked.mp4", seconds=3, size="320x240")
    env = {**os.environ, "STORYCLIP_TOKEN": TOKEN, "QT_QPA_PLATFORM": "offscreen"}
    receiver.fail_first = {"jobRegistered"}
    with serve_process(env) as (_, url):
        hook = call(f"{url}/api/v1/webhooks", {"url": receiver.url})
        listed = call(f"{url}/api/v1/webhooks")["webhooks"]
        assert [{k: v for k, v in w.items() if k != "deliveries"} for w in listed] == [
            {k: v for k, v in hook.items() if k != "secret"}]  # the secret is shown once
        assert listed[0]["deliveries"] == {"pending": 0, "dead": 0, "lastState": None,
                                           "lastAt": None, "lastError": None}  # fmt: skip
        call(f"{url}/api/v1/process/story", {"jobId": "hooked", "tempPath": str(source),
             "options": {"clipSeconds": 1, "size": "720x1280", "quality": "low"}})
        wait_for(lambda: "queueFinished" in receiver.events() and
                 receiver.events().count("jobRegistered") == 2, 60, "the job's webhooks")
        events = receiver.events()
        assert events[0] == "jobRegistered"  # answered 500, retried 2 s later (below)
        # not in order (a retry waits while later events go out): bodies carry the seq
        assert sorted(events) == sorted(["jobRegistered"] * 2 + ["clipVerified"] * 3
                                        + ["jobCompleted", "queueFinished"])
        check_signed(receiver, hook["secret"])
        with receiver.lock:
            first, retry = (r for r in receiver.requests if r["event"] == "jobRegistered")
        assert first["body"] == retry["body"]  # the same delivery, the same key
        assert retry["at"] - first["at"] >= 1.5  # after the first backoff (2 s), not at once
        deliveries = call(f"{url}/api/v1/webhooks/{hook['id']}/deliveries")["deliveries"]
        assert {d["state"] for d in deliveries} == {"delivered"}
        registered = next(d for d in deliveries if d["event"] == "jobRegistered")
        assert registered["attempts"] == 2


@pytest.mark.slow
@pytest.mark.media
def test_a_delivery_cut_short_by_a_crash_is_sent_after_restart(video, receiver) -> None:
    source = video("crash.mp4", seconds=2, size="320x240")
    env = {**os.environ, "STORYCLIP_TOKEN": TOKEN, "QT_QPA_PLATFORM": "offscreen"}
    receiver.hold = {"jobCompleted"}
    with serve_process(env) as (proc, url):
        hook = call(f"{url}/api/v1/webhooks", {"url": receiver.url,
                                                "events": ["jobCompleted", "queueFinished"]})
        call(f"{url}/api/v1/process/story", {"jobId": "crash", "tempPath": str(source),
             "options": {"clipSeconds": 1, "size": "720x1280", "quality": "low"}})
        assert receiver.held.wait(60), "the jobCompleted delivery never came"
        proc.send_signal(signal.SIGKILL)  # mid-delivery: the receiver has not answered
        proc.wait(10)
    receiver.release.set()
    with serve_process(env) as (_, url):
        wait_for(lambda: receiver.events().count("jobCompleted") >= 2
                 and "queueFinished" in receiver.events(), 60, "the deliveries after restart")
        check_signed(receiver, hook["secret"])
        with receiver.lock:
            completed = [json.loads(r["body"]) for r in receiver.requests
                         if r["event"] == "jobCompleted"]  # fmt: skip
        assert len({c["id"] for c in completed}) == 1  # at least once: the same key again
        assert completed[0]["data"]["job"]["jobId"] == "crash"
        assert completed[0]["data"]["job"]["status"] == "completed"
        deliveries = call(f"{url}/api/v1/webhooks/{hook['id']}/deliveries")["deliveries"]
        wait_for(lambda: {d["state"] for d in call(
            f"{url}/api/v1/webhooks/{hook['id']}/deliveries")["deliveries"]} == {"delivered"},
            20, "every delivery recorded as delivered")  # fmt: skip
        assert len(deliveries) == 2
