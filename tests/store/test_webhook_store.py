"""The webhook outbox on a real SQLite file: due order, retries, giving up, unsubscribing."""

from __future__ import annotations

from storyclip_gui.core.webhooks import Delivery, new_subscription
from storyclip_gui.store import SqliteJobStore, open_store
from storyclip_gui.store.webhook_store import SqliteWebhookOutbox


def _delivery(sub_id: str, n: int, at: float) -> Delivery:
    return Delivery(f"{n:032x}", sub_id, "jobCompleted", f'{{"n":{n}}}', at, next_at=at)


def test_deliveries_come_due_in_order_retry_later_and_are_given_up(store: SqliteJobStore,
                                                                   db_path) -> None:  # fmt: skip
    outbox = SqliteWebhookOutbox(store.database)
    sub = new_subscription("http://127.0.0.1:9/h", ["*"], now=1.0)
    outbox.add_subscription(sub)
    outbox.enqueue([_delivery(sub.id, 1, 10.0), _delivery(sub.id, 2, 20.0)])
    assert outbox.next_due_at() == 10.0
    assert [d.id[-1] for d in outbox.due(now=15.0)] == ["1"]
    outbox.failed(_delivery(sub.id, 1, 0).id, attempts=1, next_at=40.0, error="HTTP 500")
    assert [d.id[-1] for d in outbox.due(now=30.0)] == ["2"]
    outbox.delivered(_delivery(sub.id, 2, 0).id, now=31.0)
    assert outbox.next_due_at() == 40.0
    again = outbox.due(now=40.0)
    assert [(d.attempts, d.last_error) for d in again] == [(1, "HTTP 500")]
    outbox.failed(again[0].id, attempts=12, next_at=None, error="HTTP 503")
    assert outbox.due(now=1e12) == [] and outbox.next_due_at() is None
    states = {d.id[-1]: (d.state, d.attempts) for d in outbox.deliveries(sub.id)}
    assert states == {"1": ("dead", 12), "2": ("delivered", 1)}
    store.close()
    reopened = open_store(db_path)  # what survives a restart: everything above
    outbox = SqliteWebhookOutbox(reopened.database)
    assert [s.id for s in outbox.subscriptions()] == [sub.id]
    assert outbox.subscriptions()[0].secret == sub.secret
    outbox.enqueue([_delivery(sub.id, 3, 50.0)])
    assert outbox.remove_subscription(sub.id)
    assert outbox.due(now=1e12) == [] and outbox.deliveries(sub.id) == []  # dropped with it
    assert not outbox.remove_subscription(sub.id)
    reopened.close()


def test_a_turned_off_webhook_holds_its_deliveries_and_summaries_say_how_it_stands(
    store: SqliteJobStore, db_path
) -> None:
    from dataclasses import replace

    from storyclip_gui.core.webhooks import DeliverySummary

    outbox = SqliteWebhookOutbox(store.database)
    on = new_subscription("http://127.0.0.1:9/on", ["*"], now=1.0)
    off = new_subscription("http://127.0.0.1:9/off", ["jobFailed"], now=2.0)
    for sub in (on, off):
        outbox.add_subscription(sub)
    outbox.enqueue([_delivery(on.id, 1, 10.0), _delivery(on.id, 2, 10.0),
                    _delivery(off.id, 3, 10.0)])  # fmt: skip
    assert outbox.update_subscription(replace(off, enabled=False, url="http://127.0.0.1:9/x"))
    assert [d.id[-1] for d in outbox.due(now=20.0)] == ["1", "2"]  # the off one waits
    assert outbox.pending_count() == 2
    outbox.delivered(_delivery(on.id, 1, 0).id, now=21.0)
    outbox.failed(_delivery(on.id, 2, 0).id, attempts=1, next_at=30.0, error="HTTP 500", at=22.0)
    summaries = outbox.summaries()
    assert summaries[on.id] == DeliverySummary(pending=1, dead=0, last_state="failed",
                                               last_at=22.0, last_error="HTTP 500")  # fmt: skip
    assert summaries[off.id] == DeliverySummary(pending=1)  # never tried
    store.close()
    reopened = SqliteWebhookOutbox(open_store(db_path).database)
    kept = {s.id: s for s in reopened.subscriptions()}
    assert not kept[off.id].enabled and kept[off.id].url == "http://127.0.0.1:9/x"
    assert kept[on.id].enabled
    assert reopened.update_subscription(replace(kept[off.id], enabled=True))
    assert [d.id[-1] for d in reopened.due(now=20.0)] == ["3"]  # on again: it goes out
    assert not reopened.update_subscription(replace(off, id="f" * 32))  # unknown: nothing
