"""Webhook rules: signatures a receiver can check, the retry schedule, which events go out."""

from __future__ import annotations

import json
from collections.abc import Sequence

import pytest

from storyclip_gui.core.events import EventBus, EventKind
from storyclip_gui.core.webhooks import (
    MAX_ATTEMPTS,
    Delivery,
    Subscription,
    WebhookError,
    Webhooks,
    new_subscription,
    retry_delay,
    signature,
    verify_signature,
)


class ListOutbox:
    """Only what Webhooks.on_event and subscribe use; the SQLite outbox is tested in store/."""

    def __init__(self) -> None:
        self.subs: list[Subscription] = []
        self.queued: list[Delivery] = []
        self.reads = 0

    def add_subscription(self, subscription: Subscription) -> None:
        self.subs.append(subscription)

    def remove_subscription(self, subscription_id: str) -> bool:
        before = len(self.subs)
        self.subs = [s for s in self.subs if s.id != subscription_id]
        return len(self.subs) < before

    def update_subscription(self, subscription: Subscription) -> bool:
        found = [i for i, s in enumerate(self.subs) if s.id == subscription.id]
        for i in found:
            self.subs[i] = subscription
        return bool(found)

    def subscriptions(self) -> list[Subscription]:
        self.reads += 1
        return list(self.subs)

    def enqueue(self, deliveries: Sequence[Delivery]) -> None:
        self.queued.extend(deliveries)


def test_a_signature_verifies_only_with_its_secret_body_and_time() -> None:
    body = b'{"event":"jobCompleted"}'
    header = signature("s" * 32, 1_700_000_000, body)
    assert header.startswith("t=1700000000,v1=") and len(header.split("v1=")[1]) == 64
    assert verify_signature("s" * 32, header, body, now=1_700_000_100)
    assert not verify_signature("t" * 32, header, body, now=1_700_000_100)  # other secret
    assert not verify_signature("s" * 32, header, body + b" ", now=1_700_000_100)  # edited
    assert not verify_signature("s" * 32, header, body, now=1_700_000_301)  # replayed late
    assert not verify_signature("s" * 32, None, body, now=1_700_000_000)
    assert not verify_signature("s" * 32, "t=x,v1=00", body, now=1_700_000_000)


def test_retries_back_off_exponentially_up_to_a_cap_then_give_up() -> None:
    delays = [retry_delay(n) for n in range(1, MAX_ATTEMPTS + 1)]
    assert delays[:4] == [2.0, 4.0, 8.0, 16.0]
    assert all(d is not None and d <= 1800 for d in delays[:-1])
    assert delays[-1] is None  # the last attempt failed: given up
    assert sum(d for d in delays if d is not None) > 3600  # a receiver down an hour still gets it


@pytest.mark.parametrize(("url", "events", "secret", "problem"), [
    ("ftp://example.org/x", None, None, "http or https"),
    ("http://", None, None, "http or https"),
    (42, None, None, "http or https"),
    ("https://example.org/h", ["jobExploded"], None, "Unknown event 'jobExploded'"),
    ("https://example.org/h", "jobCompleted", None, "list of event names"),
    ("https://example.org/h", [], None, "list of event names"),
    ("https://example.org/h", None, "short", "16 to 256"),
    ("https://exa mple.org/h", None, None, "spaces"),
    ("http://example.org:99999/h", None, None, "not a valid URL"),
    ("example.org/hook", None, None, "http or https"),
    ("https://example.org/" + "x" * 2048, None, None, "longer than 2048"),
    ("https://example.org/h", None, None, None),
])  # fmt: skip
def test_a_bad_subscription_is_refused_with_a_reason(url, events, secret, problem) -> None:
    if problem is None:  # the control: a good one is taken
        assert new_subscription(url, events, secret).url == url
        return
    with pytest.raises(WebhookError, match=problem):
        new_subscription(url, events, secret)


def test_events_become_one_delivery_per_interested_subscription() -> None:
    outbox, running = ListOutbox(), {"a", "b"}
    hooks = Webhooks(outbox, lambda finished: running <= {finished}, clock=lambda: 1000.0)
    woken = []
    hooks.wake = lambda: woken.append(1)
    every = hooks.subscribe("http://127.0.0.1:9/all")
    done = hooks.subscribe("http://127.0.0.1:9/done", ["jobCompleted", "queueFinished"])
    assert len(every.secret) == 64 and every.events == ("*",)
    bus = EventBus()
    bus.subscribe(hooks.on_event)
    job = {"jobId": "a", "status": "queued"}
    bus.publish(EventKind.JOB_REGISTERED, job)
    bus.publish(EventKind.JOB_UPDATED, {**job, "status": "processing"})  # not a webhook event
    bus.publish(EventKind.CLIP_COMPLETED, {**job, "status": "processing"}, clip={"index": 1})
    bus.publish(EventKind.JOB_COMPLETED, {**job, "status": "completed"})  # b still runs
    running.discard("a")
    bus.publish(EventKind.JOB_COMPLETED, {"jobId": "b", "status": "failed"})  # the last one
    sent = [(d.subscription_id, d.event) for d in outbox.queued]
    assert sent == [
        (every.id, "jobRegistered"), (every.id, "clipVerified"),
        (every.id, "jobCompleted"), (done.id, "jobCompleted"),
        (every.id, "jobFailed"), (every.id, "queueFinished"), (done.id, "queueFinished"),
    ]  # fmt: skip
    assert len({d.id for d in outbox.queued}) == len(outbox.queued)  # one idempotency key each
    clip = json.loads(outbox.queued[1].body)
    assert clip["event"] == "clipVerified" and clip["id"] == outbox.queued[1].id
    assert clip["data"]["clip"] == {"index": 1} and clip["data"]["job"]["jobId"] == "a"
    assert len(woken) == 4  # once per event that made deliveries
    assert outbox.reads == 1  # subscriptions are read once, not per event
    hooks.unsubscribe(done.id)
    bus.publish(EventKind.JOB_REGISTERED, {"jobId": "c", "status": "queued"})
    assert [d.subscription_id for d in outbox.queued[7:]] == [every.id]


def test_a_subscription_is_edited_turned_off_re_keyed_and_tested_by_the_same_rules() -> None:
    outbox = ListOutbox()
    hooks = Webhooks(outbox, lambda finished: False, clock=lambda: 1000.0)
    woken = []
    hooks.wake = lambda: woken.append(1)
    sub = hooks.subscribe("http://127.0.0.1:9/a")
    edited = hooks.update(sub.id, url=" http://127.0.0.1:9/b ", events=["jobFailed"])
    assert (edited.url, edited.events, edited.secret) == ("http://127.0.0.1:9/b", ("jobFailed",),
                                                          sub.secret)  # fmt: skip
    assert hooks.subscriptions() == [edited]
    for bad in ({"url": "ftp://x"}, {"events": ["nope"]}, {"enabled": "yes"}, {"secret": "x"}):
        with pytest.raises(WebhookError):
            hooks.update(sub.id, **bad)
    assert hooks.subscriptions() == [edited]  # a refused change changes nothing
    with pytest.raises(WebhookError, match="No webhook"):
        hooks.update("0" * 32, enabled=False)
    rolled = hooks.roll_secret(sub.id)
    assert rolled.secret != sub.secret and len(rolled.secret) == 64
    test = hooks.send_test(sub.id)  # whatever events it asks for
    sent = json.loads(test.body)
    assert (test.event, sent["event"], sent["id"]) == ("webhookTest", "webhookTest", test.id)
    assert "secret" not in sent["data"]["webhook"]
    bus = EventBus()
    bus.subscribe(hooks.on_event)
    hooks.update(sub.id, enabled=False)
    bus.publish(EventKind.JOB_COMPLETED, {"jobId": "a", "status": "failed"})
    assert [d.event for d in outbox.queued] == ["webhookTest"]  # off: nothing new queued
    with pytest.raises(WebhookError, match="turn it on"):
        hooks.send_test(sub.id)
    hooks.update(sub.id, enabled=True)
    bus.publish(EventKind.JOB_COMPLETED, {"jobId": "a", "status": "failed"})
    assert [d.event for d in outbox.queued] == ["webhookTest", "jobFailed"]
    assert woken  # every change wakes the sender (a re-enabled hook's deliveries are due)
