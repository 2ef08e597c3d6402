"""REST handlers for the when-the-queue-is-done action: read it, choose it, cancel a countdown."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from storyclip_gui.core.when_done import WhenDone, WhenDoneError
from storyclip_gui.server.errors import ApiError
from storyclip_gui.server.routes import Handler, read_json_object, state_of


def _when_done(request: web.Request) -> WhenDone:
    when_done = state_of(request).when_done
    if when_done is None:
        raise ApiError(503, "when_done_unavailable", "This engine has no when-done action.")
    return when_done


def when_done_view(when_done: WhenDone) -> dict[str, Any]:
    policy = when_done.policy
    return {"action": policy.action, "countdownSeconds": policy.countdown_s,
            "commandSet": bool(policy.command.strip()),
            "state": when_done.state.to_dict()}  # fmt: skip


async def get_when_done(request: web.Request) -> web.Response:
    return web.json_response(when_done_view(_when_done(request)))


async def set_when_done(request: web.Request) -> web.Response:
    when_done = _when_done(request)
    body = await read_json_object(request)
    if "command" in body:
        raise ApiError(400, "invalid_when_done", "The command is set on this computer only "
                       "(Settings or settings.json): a client cannot choose what runs there.")
    unknown = sorted(set(body) - {"action", "countdownSeconds"})
    if unknown:
        raise ApiError(400, "invalid_when_done", f"Unknown field {unknown[0]!r}.")
    try:
        when_done.choose(body.get("action", when_done.policy.action),
                         body.get("countdownSeconds"))  # fmt: skip
    except WhenDoneError as exc:
        raise ApiError(400, "invalid_when_done", str(exc)) from None
    return web.json_response(when_done_view(when_done))


async def cancel_when_done(request: web.Request) -> web.Response:
    when_done = _when_done(request)
    cancelled = when_done.cancel()
    return web.json_response({"cancelled": cancelled, **when_done_view(when_done)})


WHEN_DONE_HANDLERS: dict[str, Handler] = {
    "get_when_done": get_when_done,
    "set_when_done": set_when_done,
    "cancel_when_done": cancel_when_done,
}
