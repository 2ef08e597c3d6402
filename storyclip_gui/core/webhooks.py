"""Webhooks as pure rules: which events go out, their JSON, HMAC signatures, retry backoff.

Deliveries are written to an outbox (the WebhookOutbox port, SQLite in store/) in the same
call that sees the event, and sent later by an adapter (server/webhook_sender.py). So a
delivery survives a crash, goes out at least once, and carries an idempotency key (its id)
that a receiver uses to drop a repeat.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol
from urllib.parse import urlsplit

from storyclip_gui.core.events import Event, EventKind

# what a subscription can ask for; "*" is every one of them
WEBHOOK_EVENTS = (
    "jobRegistered",
    "jobCompleted",
    "jobFailed",
    "jobCancelled",
    "clipVerified",
    "queueFinished",
)
TEST_EVENT = "webhookTest"  # sent on request to one subscription, whatever it asks for
SIGNATURE_HEADER = "X-StoryClip-Signature"  # "t=<unix seconds>,v1=<hex HMAC-SHA256>"
SIGNATURE_TOLERANCE_S = 300  # a receiver refuses a signature older than this: no replays
MAX_ATTEMPTS = 12  # then the delivery is given up ("dead"): about 2 h 15 min of retries
FIRST_RETRY_S = 2.0
MAX_RETRY_S = 1800.0
MAX_URL_CHARS = 2048


class WebhookError(ValueError):
    """A subscription that cannot be made, said for a person; `code` names the rule broken
    (the window shows its own translated words for it)."""

    def __init__(self, message: str, code: str = "invalid") -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Subscription:
    id: str
    url: str
    events: tuple[str, ...]
    secret: str
    created_at: float
    enabled: bool = True  # off: no new deliveries, pending ones wait until it is on again

    def wants(self, event: str) -> bool:
        return self.enabled and ("*" in self.events or event in self.events)

    def to_dict(self, *, with_secret: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "url": self.url, "events": list(self.events),
                                "enabled": self.enabled, "createdAt": self.created_at}  # fmt: skip
        if with_secret:
            data["secret"] = self.secret
        return data


@dataclass(frozen=True)
class Delivery:
    id: str  # also the idempotency key the receiver sees
    subscription_id: str
    event: str
    body: str  # the exact JSON that is signed and sent
    created_at: float
    attempts: int = 0
    next_at: float = 0.0
    state: str = "pending"  # pending | delivered | dead
    last_error: str | None = None
    delivered_at: float | None = None
    last_attempt_at: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "webhookId": self.subscription_id, "event": self.event,
                "state": self.state, "attempts": self.attempts, "nextAt": self.next_at,
                "lastError": self.last_error, "createdAt": self.created_at,
                "deliveredAt": self.delivered_at,
                "lastAttemptAt": self.last_attempt_at}  # fmt: skip


@dataclass(frozen=True)
class DeliverySummary:
    """How a subscription's deliveries stand: for its row in a list."""

    pending: int = 0  # waiting for their first or next try
    dead: int = 0  # given up
    last_state: str | None = None  # the newest try: "delivered" | "failed" (None: no try yet)
    last_at: float | None = None
    last_error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"pending": self.pending, "dead": self.dead, "lastState": self.last_state,
                "lastAt": self.last_at, "lastError": self.last_error}  # fmt: skip


class WebhookOutbox(Protocol):
    """Subscriptions and their deliveries, kept where a crash cannot lose them."""

    def add_subscription(self, subscription: Subscription) -> None: ...
    def update_subscription(self, subscription: Subscription) -> bool:
        """Replace the subscription with this id (url, events, secret, enabled)."""
        ...
    def remove_subscription(self, subscription_id: str) -> bool: ...
    def subscriptions(self) -> list[Subscription]: ...
    def enqueue(self, deliveries: Sequence[Delivery]) -> None: ...
    def due(self, now: float, limit: int = 50) -> list[Delivery]: ...
    def next_due_at(self) -> float | None: ...
    def delivered(self, delivery_id: str, now: float) -> None: ...
    def failed(self, delivery_id: str, attempts: int, next_at: float | None, error: str,
               at: float | None = None) -> None:  # fmt: skip
        """Record a failed attempt (made at `at`); next_at None gives the delivery up."""
        ...
    def deliveries(self, subscription_id: str, limit: int = 100) -> list[Delivery]: ...
    def summaries(self) -> dict[str, DeliverySummary]:
        """Per subscription id (those with any delivery)."""
        ...
    def pending_count(self) -> int:
        """Deliveries of enabled subscriptions still to go out (now or at a later retry)."""
        ...


def check_url(url: Any) -> str:
    """An http(s) URL with a host; raises WebhookError saying what is wrong."""
    if not isinstance(url, str) or not url.strip():
        raise WebhookError("'url' must be an http or https URL.", "url_empty")
    text: str = url.strip()
    if len(text) > MAX_URL_CHARS:
        raise WebhookError(f"'url' is longer than {MAX_URL_CHARS} characters.", "url_long")
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError:
        raise WebhookError(f"'url' is not a valid URL: {text[:80]!r}.", "url_invalid") from None
    if parts.scheme not in ("http", "https"):
        raise WebhookError("'url' must be an http or https URL (starting http:// or https://).",
                           "url_scheme")  # fmt: skip
    if not parts.hostname:
        raise WebhookError("'url' must be an http or https URL with a host name, like "
                           "https://example.org/hook.", "url_host")
    if any(c.isspace() for c in text):
        raise WebhookError("'url' must not contain spaces.", "url_spaces")
    return text


def check_events(events: Any) -> tuple[str, ...]:
    """A non-empty list of WEBHOOK_EVENTS or "*" (None: "*"); raises WebhookError."""
    if events is None:
        events = ["*"]
    if (not isinstance(events, list) or not events
            or not all(isinstance(e, str) for e in events)):  # fmt: skip
        raise WebhookError("'events' must be a list of event names.", "events_empty")
    unknown = [e for e in events if e != "*" and e not in WEBHOOK_EVENTS]
    if unknown:
        raise WebhookError(f"Unknown event {unknown[0]!r}: use "
                           f"{', '.join(WEBHOOK_EVENTS)} or '*'.")  # fmt: skip
    return tuple(dict.fromkeys(events))


def check_secret(secret: Any) -> str:
    """A given secret, or a new random one (None); raises WebhookError."""
    if secret is None:
        return secrets.token_hex(32)
    if not isinstance(secret, str) or not 16 <= len(secret) <= 256:
        raise WebhookError("'secret' must be a string of 16 to 256 characters.")
    return secret


def check_enabled(enabled: Any) -> bool:
    if not isinstance(enabled, bool):
        raise WebhookError("'enabled' must be true or false.")
    return enabled


def new_subscription(url: Any, events: Any, secret: Any = None, now: float | None = None,
                     enabled: Any = True) -> Subscription:  # fmt: skip
    """Check what a person or a client asked for; raises WebhookError saying what is wrong."""
    return Subscription(uuid.uuid4().hex, check_url(url), check_events(events),
                        check_secret(secret), time.time() if now is None else now,
                        check_enabled(enabled))  # fmt: skip


def signature(secret: str, timestamp: int, body: bytes) -> str:
    """The signature header's value: HMAC-SHA256 over "<timestamp>.<body>"."""
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


def verify_signature(secret: str, header: str | None, body: bytes, now: float,
                     tolerance: float = SIGNATURE_TOLERANCE_S) -> bool:  # fmt: skip
    """What a receiver does: the signature matches and is recent (docs/webhooks.md)."""
    if not header:
        return False
    fields = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    try:
        timestamp = int(fields["t"])
    except (KeyError, ValueError):
        return False
    if abs(now - timestamp) > tolerance:
        return False
    return hmac.compare_digest(signature(secret, timestamp, body), header)


def retry_delay(attempts: int) -> float | None:
    """Seconds before the next try after `attempts` failed ones; None: give up."""
    if attempts >= MAX_ATTEMPTS:
        return None
    return float(min(MAX_RETRY_S, FIRST_RETRY_S * 2.0 ** (attempts - 1)))


def event_name(event: Event) -> str | None:
    """The webhook event an engine event is, if any (progress ticks are not sent)."""
    if event.kind is EventKind.JOB_REGISTERED:
        return "jobRegistered"
    if event.kind is EventKind.CLIP_COMPLETED:
        return "clipVerified"
    if event.kind is EventKind.JOB_COMPLETED:
        return {"completed": "jobCompleted", "failed": "jobFailed",
                "cancelled": "jobCancelled"}.get(str(event.job.get("status")))  # fmt: skip
    return None


def body(name: str, delivery_id: str, at: float, data: dict[str, Any]) -> str:
    return json.dumps({"id": delivery_id, "event": name, "createdAt": at, "data": data},
                      separators=(",", ":"), sort_keys=True)  # fmt: skip


class Webhooks:
    """Subscriptions, and engine events turned into outbox deliveries (one per subscriber).

    Subscribe `on_event` to the EventBus. `queue_idle(job_id)` says whether nothing but that
    (just finished) job is queued or running (a `queueFinished` follows the job that emptied
    the queue); `wake` tells the sender there is something to send.
    """

    def __init__(self, outbox: WebhookOutbox, queue_idle: Callable[[str], bool],
                 clock: Callable[[], float] = time.time) -> None:  # fmt: skip
        self.outbox = outbox
        self.queue_idle = queue_idle
        self.clock = clock
        self.wake: Callable[[], None] = lambda: None
        self._subscriptions: list[Subscription] | None = None

    def subscribe(self, url: Any, events: Any = None, secret: Any = None,
                  enabled: Any = True) -> Subscription:  # fmt: skip
        """Raises WebhookError for a bad request, StoreError when it cannot be kept."""
        subscription = new_subscription(url, events, secret, self.clock(), enabled)
        self.outbox.add_subscription(subscription)
        self._subscriptions = None
        return subscription

    def unsubscribe(self, subscription_id: str) -> bool:
        self._subscriptions = None
        return self.outbox.remove_subscription(subscription_id)

    def update(self, subscription_id: str, **changes: Any) -> Subscription:
        """Change `url`, `events` and/or `enabled` (checked as for a new one). Raises
        WebhookError (also for an unknown id or field), StoreError."""
        unknown = sorted(set(changes) - {"url", "events", "enabled"})
        if unknown:
            raise WebhookError(f"Unknown field {unknown[0]!r}.")
        checked: dict[str, Any] = {}
        if "url" in changes:
            checked["url"] = check_url(changes["url"])
        if "events" in changes:
            checked["events"] = check_events(changes["events"])
        if "enabled" in changes:
            checked["enabled"] = check_enabled(changes["enabled"])
        return self._replace(subscription_id, checked)

    def roll_secret(self, subscription_id: str) -> Subscription:
        """A new random secret (the old one no longer signs anything); shown this once."""
        return self._replace(subscription_id, {"secret": check_secret(None)})

    def _replace(self, subscription_id: str, changes: dict[str, Any]) -> Subscription:
        current = self.get(subscription_id)
        if current is None:
            raise WebhookError("No webhook with that id.", "not_found")
        updated = replace(current, **changes)
        self._subscriptions = None
        if not self.outbox.update_subscription(updated):
            raise WebhookError("No webhook with that id.", "not_found")
        self.wake()  # re-enabled: its waiting deliveries are due
        return updated

    def get(self, subscription_id: str) -> Subscription | None:
        return next((s for s in self.subscriptions() if s.id == subscription_id), None)

    def subscriptions(self) -> list[Subscription]:
        if self._subscriptions is None:
            self._subscriptions = self.outbox.subscriptions()
        return list(self._subscriptions)

    def deliveries(self, subscription_id: str, limit: int = 100) -> list[Delivery]:
        return self.outbox.deliveries(subscription_id, limit)

    def summaries(self) -> dict[str, DeliverySummary]:
        return self.outbox.summaries()

    def pending_count(self) -> int:
        return self.outbox.pending_count()

    def send_test(self, subscription_id: str) -> Delivery:
        """Queue a `webhookTest` delivery to one subscription, whatever events it asks for;
        sent, signed and retried like any other. Raises WebhookError, StoreError."""
        sub = self.get(subscription_id)
        if sub is None:
            raise WebhookError("No webhook with that id.", "not_found")
        if not sub.enabled:
            raise WebhookError("This webhook is off: turn it on to send a test event.", "off")
        now = self.clock()
        delivery_id = uuid.uuid4().hex
        data = {"webhook": sub.to_dict(), "message": "A test event sent on request."}
        delivery = Delivery(delivery_id, sub.id, TEST_EVENT,
                            body(TEST_EVENT, delivery_id, now, data), now, next_at=now)  # fmt: skip
        self.outbox.enqueue([delivery])
        self.wake()
        return delivery

    def on_event(self, event: Event) -> None:
        name = event_name(event)
        if name is None:
            return
        data: dict[str, Any] = {"job": event.job, "seq": event.seq}
        if event.clip is not None:
            data["clip"] = event.clip
        out = [(name, data)]
        if event.kind is EventKind.JOB_COMPLETED and self.queue_idle(event.job_id):
            out.append(("queueFinished", {"seq": event.seq}))
        now = self.clock()
        deliveries = []
        for sub in self.subscriptions():
            for wanted, payload in out:
                if sub.wants(wanted):
                    delivery_id = uuid.uuid4().hex
                    deliveries.append(Delivery(delivery_id, sub.id, wanted,
                                               body(wanted, delivery_id, now, payload), now,
                                               next_at=now))  # fmt: skip
        if deliveries:
            self.outbox.enqueue(deliveries)  # a StoreError is logged by the bus: not sent
            self.wake()
