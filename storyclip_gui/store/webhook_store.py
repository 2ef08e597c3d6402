"""The webhook outbox in the history database: subscriptions and deliveries (core.webhooks)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import TypeVar

import peewee

from storyclip_gui.core.webhooks import Delivery, DeliverySummary, Subscription
from storyclip_gui.store.connection import environment_error, is_environment_error
from storyclip_gui.store.models import DeliveryRow, WebhookRow

T = TypeVar("T")
KEEP_DELIVERED = 1000  # delivered rows kept per subscription, for its delivery log


class SqliteWebhookOutbox:
    """Implements core.webhooks.WebhookOutbox on the job store's database (one thread)."""

    def __init__(self, database: peewee.SqliteDatabase) -> None:
        self.database = database

    def add_subscription(self, subscription: Subscription) -> None:
        self._run(lambda: WebhookRow.insert(
            id=subscription.id, url=subscription.url, events=json.dumps(subscription.events),
            secret=subscription.secret, created_at=subscription.created_at,
            enabled=subscription.enabled).execute())  # fmt: skip

    def update_subscription(self, subscription: Subscription) -> bool:
        return bool(self._run(lambda: WebhookRow.update(
            url=subscription.url, events=json.dumps(subscription.events),
            secret=subscription.secret, enabled=subscription.enabled,
        ).where(WebhookRow.id == subscription.id).execute()))  # fmt: skip

    def remove_subscription(self, subscription_id: str) -> bool:
        return bool(self._run(
            lambda: WebhookRow.delete().where(WebhookRow.id == subscription_id).execute()))

    def subscriptions(self) -> list[Subscription]:
        def read() -> list[Subscription]:
            rows = WebhookRow.select().order_by(WebhookRow.created_at)
            return [Subscription(r.id, r.url, tuple(json.loads(r.events)), r.secret,
                                 r.created_at, bool(r.enabled)) for r in rows]  # fmt: skip
        return self._run(read)

    def enqueue(self, deliveries: Sequence[Delivery]) -> None:
        rows = [{"id": d.id, "webhook_id": d.subscription_id, "event": d.event, "body": d.body,
                 "created_at": d.created_at, "attempts": d.attempts, "next_at": d.next_at,
                 "state": d.state} for d in deliveries]  # fmt: skip

        def write() -> None:
            with self.database.atomic():
                DeliveryRow.insert_many(rows).execute()
        self._run(write)

    def due(self, now: float, limit: int = 50) -> list[Delivery]:
        """Pending deliveries whose time has come, of subscriptions that are on."""
        return self._run(lambda: [_delivery(r) for r in _waiting().where(
            DeliveryRow.next_at <= now
        ).order_by(DeliveryRow.next_at, DeliveryRow.created_at).limit(limit)])

    def next_due_at(self) -> float | None:
        def read() -> float | None:
            value = _waiting().select(peewee.fn.MIN(DeliveryRow.next_at)).scalar()
            return None if value is None else float(value)
        return self._run(read)

    def pending_count(self) -> int:
        return int(self._run(lambda: _waiting().count()))

    def summaries(self) -> dict[str, DeliverySummary]:
        def read() -> dict[str, DeliverySummary]:
            counts: dict[str, dict[str, int]] = {}
            rows = (DeliveryRow.select(DeliveryRow.webhook, DeliveryRow.state,
                                       peewee.fn.COUNT(DeliveryRow.id))
                    .group_by(DeliveryRow.webhook, DeliveryRow.state).tuples())  # fmt: skip
            for webhook_id, state, count in rows.iterator():
                counts.setdefault(str(webhook_id), {})[str(state)] = int(count)
            out = {}
            for webhook_id, by_state in counts.items():
                last = (DeliveryRow.select().where((DeliveryRow.webhook == webhook_id)
                                                   & DeliveryRow.last_attempt_at.is_null(False))
                        .order_by(DeliveryRow.last_attempt_at.desc()).first())  # fmt: skip
                out[webhook_id] = DeliverySummary(
                    by_state.get("pending", 0), by_state.get("dead", 0),
                    None if last is None else
                    ("delivered" if last.state == "delivered" else "failed"),
                    None if last is None else last.last_attempt_at,
                    None if last is None else last.last_error)  # fmt: skip
            return out
        return self._run(read)

    def delivered(self, delivery_id: str, now: float) -> None:
        def write() -> None:
            with self.database.atomic():
                row = DeliveryRow.get_or_none(DeliveryRow.id == delivery_id)
                if row is None:  # its subscription was removed meanwhile
                    return
                DeliveryRow.update(state="delivered", delivered_at=now, last_error=None,
                                   last_attempt_at=now,
                                   attempts=DeliveryRow.attempts + 1).where(
                    DeliveryRow.id == delivery_id).execute()  # fmt: skip
                old = (DeliveryRow.select(DeliveryRow.id)
                       .where((DeliveryRow.webhook == row.webhook_id)
                              & (DeliveryRow.state == "delivered"))
                       .order_by(DeliveryRow.created_at.desc()).offset(KEEP_DELIVERED))  # fmt: skip
                DeliveryRow.delete().where(DeliveryRow.id.in_(old)).execute()
        self._run(write)

    def failed(self, delivery_id: str, attempts: int, next_at: float | None, error: str,
               at: float | None = None) -> None:  # fmt: skip
        changes: dict[str, object] = {"attempts": attempts, "last_error": error[:500],
                                      "last_attempt_at": at}  # fmt: skip
        if next_at is None:
            changes["state"] = "dead"
        else:
            changes["next_at"] = next_at
        self._run(lambda: DeliveryRow.update(**changes).where(
            DeliveryRow.id == delivery_id).execute())

    def deliveries(self, subscription_id: str, limit: int = 100) -> list[Delivery]:
        return self._run(lambda: [_delivery(r) for r in DeliveryRow.select().where(
            DeliveryRow.webhook == subscription_id
        ).order_by(DeliveryRow.created_at.desc()).limit(limit)])

    def _run(self, action: Callable[[], T]) -> T:
        try:
            return action()
        except peewee.DatabaseError as exc:
            if not is_environment_error(exc):
                raise
            raise environment_error(exc, None) from None


def _waiting() -> peewee.ModelSelect[DeliveryRow]:
    """Pending deliveries of enabled subscriptions (a turned-off one's wait for it)."""
    return (DeliveryRow.select().join(WebhookRow)
            .where((DeliveryRow.state == "pending") & (WebhookRow.enabled == True)))  # noqa: E712  # fmt: skip


def _delivery(row: DeliveryRow) -> Delivery:
    return Delivery(row.id, row.webhook_id, row.event, row.body, row.created_at, row.attempts,
                    row.next_at, row.state, row.last_error, row.delivered_at,
                    row.last_attempt_at)  # fmt: skip
