"""REST handlers that manage webhook subscriptions and show their deliveries (token only)."""

from __future__ import annotations

import re

from aiohttp import web

from storyclip_gui.core.ports import StoreError
from storyclip_gui.core.webhooks import DeliverySummary, WebhookError, Webhooks
from storyclip_gui.server.errors import ApiError
from storyclip_gui.server.routes import Handler, read_json_object, state_of

WEBHOOK_ID = re.compile(r"[0-9a-f]{32}")


def _webhooks(request: web.Request) -> Webhooks:
    webhooks = state_of(request).webhooks
    if webhooks is None:
        raise ApiError(503, "webhooks_unavailable",
                       "Webhooks need the job history, which is not available.")  # fmt: skip
    return webhooks


def _webhook_id(request: web.Request, webhooks: Webhooks) -> str:
    webhook_id = request.match_info["webhookId"]
    if not WEBHOOK_ID.fullmatch(webhook_id) or all(
        s.id != webhook_id for s in webhooks.subscriptions()
    ):
        raise ApiError(404, "webhook_not_found", "No webhook with that id.")
    return webhook_id


def _unavailable(exc: StoreError) -> ApiError:
    return ApiError(503, "store_unavailable", f"The job history cannot be used now: {exc}")


async def list_webhooks(request: web.Request) -> web.Response:
    webhooks = _webhooks(request)
    try:
        subs, summaries = webhooks.subscriptions(), webhooks.summaries()
    except StoreError as exc:
        raise _unavailable(exc) from None
    empty = DeliverySummary()
    return web.json_response({"webhooks": [
        {**s.to_dict(), "deliveries": summaries.get(s.id, empty).to_dict()} for s in subs]})


async def create_webhook(request: web.Request) -> web.Response:
    webhooks = _webhooks(request)
    body = await read_json_object(request)
    unknown = sorted(set(body) - {"url", "events", "secret", "enabled"})
    if unknown:
        raise ApiError(400, "invalid_webhook", f"Unknown field {unknown[0]!r}.")
    try:
        sub = webhooks.subscribe(body.get("url"), body.get("events"), body.get("secret"),
                                 body.get("enabled", True))  # fmt: skip
    except WebhookError as exc:
        raise ApiError(400, "invalid_webhook", str(exc)) from None
    except StoreError as exc:
        raise _unavailable(exc) from None
    # the secret is shown this once: the receiver needs it to check signatures
    return web.json_response(sub.to_dict(with_secret=True), status=201)


async def update_webhook(request: web.Request) -> web.Response:
    webhooks = _webhooks(request)
    webhook_id = _webhook_id(request, webhooks)
    body = await read_json_object(request)
    try:
        sub = webhooks.update(webhook_id, **body)
    except WebhookError as exc:
        raise ApiError(400, "invalid_webhook", str(exc)) from None
    except StoreError as exc:
        raise _unavailable(exc) from None
    return web.json_response(sub.to_dict())


async def roll_webhook_secret(request: web.Request) -> web.Response:
    webhooks = _webhooks(request)
    try:
        sub = webhooks.roll_secret(_webhook_id(request, webhooks))
    except StoreError as exc:
        raise _unavailable(exc) from None
    return web.json_response(sub.to_dict(with_secret=True))  # the new secret, this once


async def test_webhook(request: web.Request) -> web.Response:
    webhooks = _webhooks(request)
    try:
        delivery = webhooks.send_test(_webhook_id(request, webhooks))
    except WebhookError as exc:
        raise ApiError(409, "webhook_off", str(exc)) from None
    except StoreError as exc:
        raise _unavailable(exc) from None
    return web.json_response(delivery.to_dict(), status=202)


async def delete_webhook(request: web.Request) -> web.Response:
    webhooks = _webhooks(request)
    try:
        webhooks.unsubscribe(_webhook_id(request, webhooks))
    except StoreError as exc:
        raise _unavailable(exc) from None
    return web.json_response({"deleted": True})


async def webhook_deliveries(request: web.Request) -> web.Response:
    webhooks = _webhooks(request)
    try:
        deliveries = webhooks.deliveries(_webhook_id(request, webhooks))
    except StoreError as exc:
        raise _unavailable(exc) from None
    return web.json_response({"deliveries": [d.to_dict() for d in deliveries]})


WEBHOOK_HANDLERS: dict[str, Handler] = {
    "list_webhooks": list_webhooks,
    "create_webhook": create_webhook,
    "update_webhook": update_webhook,
    "delete_webhook": delete_webhook,
    "roll_webhook_secret": roll_webhook_secret,
    "test_webhook": test_webhook,
    "webhook_deliveries": webhook_deliveries,
}
