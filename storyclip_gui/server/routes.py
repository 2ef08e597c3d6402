"""REST and WebSocket handlers: the seed's contract plus jobs, control, health and metrics."""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import json
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from aiohttp import WSMsgType, web

from storyclip_gui.core.facade import EngineFacade
from storyclip_gui.core.intake import IntakeError, IntakeRequest, Problem
from storyclip_gui.core.jobs import BAD_JOB_ID, Job, JobState, can_cancel, is_job_id
from storyclip_gui.core.ports import HistoryQuery, HistoryStats, StoreError
from storyclip_gui.core.webhooks import Webhooks
from storyclip_gui.core.when_done import WhenDone
from storyclip_gui.server.errors import ApiError
from storyclip_gui.server.hub import WebSocketHub
from storyclip_gui.server.messages import MESSAGE_TYPES, PROTOCOL_VERSION, job_view
from storyclip_gui.server.metrics import render_metrics
from storyclip_gui.server.openapi import openapi_document
from storyclip_gui.server.security import Principal, Scope, TicketSigner, same_secret

MAX_MESSAGE_BYTES = 64 * 1024
BODY_TIMEOUT = 10.0  # seconds for a request body to arrive once its headers have (408)
CLOSE_UNAUTHORIZED = 4401  # wrong or missing credentials in the first message
CLOSE_FORBIDDEN = 4403  # a ticket for another job
CLOSE_AUTH_TIMEOUT = 4408  # no credentials within the grace period
CLOSE_EVICTED = 4429  # still no credentials when the waiting sockets' cap was reached
RETRY_AFTER_S = 30  # told to a client whose job found the queue full
STATIC_DIR = Path(__file__).parent / "static"
log = logging.getLogger(__name__)
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class Access(StrEnum):
    PUBLIC = "public"  # Host/Origin checked, no credentials (health, contract, dashboard page)
    OBSERVE = "observe"
    CONTROL = "control"
    WEBSOCKET = "websocket"  # credentials in the header, a ticket, or the first message


@dataclass(frozen=True)
class RouteSpec:
    method: str
    path: str
    name: str
    access: Access


ROUTES: tuple[RouteSpec, ...] = (
    RouteSpec("GET", "/", "dashboard", Access.PUBLIC),
    RouteSpec("GET", "/api/health", "health", Access.PUBLIC),
    RouteSpec("GET", "/api/openapi.json", "openapi", Access.PUBLIC),
    RouteSpec("GET", "/metrics", "metrics", Access.OBSERVE),
    RouteSpec("POST", "/api/v1/process/story", "process_story", Access.CONTROL),
    RouteSpec("GET", "/api/v1/jobs", "list_jobs", Access.OBSERVE),
    RouteSpec("GET", "/api/v1/jobs/{jobId}", "get_job", Access.OBSERVE),
    RouteSpec("GET", "/api/v1/jobs/{jobId}/status", "job_status", Access.OBSERVE),
    RouteSpec("POST", "/api/v1/jobs/{jobId}/cancel", "cancel_job", Access.CONTROL),
    RouteSpec("POST", "/api/v1/jobs/{jobId}/retry", "retry_job", Access.CONTROL),
    RouteSpec("POST", "/api/v1/tickets", "create_ticket", Access.CONTROL),
    RouteSpec("GET", "/api/ws/info", "ws_info", Access.OBSERVE),
    RouteSpec("GET", "/api/ws/jobs/active", "ws_active_jobs", Access.OBSERVE),
    RouteSpec("GET", "/api/ws/stats", "ws_stats", Access.OBSERVE),
    RouteSpec("GET", "/ws", "websocket", Access.WEBSOCKET),
    RouteSpec("GET", "/api/v1/webhooks", "list_webhooks", Access.CONTROL),
    RouteSpec("POST", "/api/v1/webhooks", "create_webhook", Access.CONTROL),
    RouteSpec("PATCH", "/api/v1/webhooks/{webhookId}", "update_webhook", Access.CONTROL),
    RouteSpec("DELETE", "/api/v1/webhooks/{webhookId}", "delete_webhook", Access.CONTROL),
    RouteSpec("POST", "/api/v1/webhooks/{webhookId}/secret", "roll_webhook_secret",
              Access.CONTROL),
    RouteSpec("POST", "/api/v1/webhooks/{webhookId}/test", "test_webhook", Access.CONTROL),
    RouteSpec("GET", "/api/v1/webhooks/{webhookId}/deliveries", "webhook_deliveries",
              Access.CONTROL),
    RouteSpec("GET", "/api/v1/when-done", "get_when_done", Access.OBSERVE),
    RouteSpec("PUT", "/api/v1/when-done", "set_when_done", Access.CONTROL),
    RouteSpec("POST", "/api/v1/when-done/cancel", "cancel_when_done", Access.CONTROL),
)
ACCESS = {route.name: route.access for route in ROUTES}


@dataclass
class ServerState:
    """What the handlers share; built by the app factory."""

    engine: EngineFacade
    hub: WebSocketHub
    token: str
    tickets: TicketSigner
    version: str
    max_connections: int
    auth_timeout: float
    body_timeout: float = BODY_TIMEOUT
    max_unauthenticated: int = 100  # sockets still owing their first message
    max_queued_jobs: int = 10_000
    stats_ttl: float = 5.0
    started_at: float = field(default_factory=time.time)
    webhooks: Webhooks | None = None  # None: no history to keep subscriptions in
    when_done: WhenDone | None = None  # the action when the queue is done
    _stats: tuple[float, HistoryStats] | None = None

    def authenticate(self, credential: str) -> Principal | None:
        """The token (control) or a ticket (observe, one job or all)."""
        if same_secret(credential, self.token):
            return Principal(Scope.CONTROL)
        return self.tickets.verify(credential)

    def is_token(self, credential: str) -> bool:
        return same_secret(credential, self.token)

    def queue_full(self) -> bool:
        queued = sum(1 for job in self.engine.jobs() if job.state is JobState.QUEUED)
        return queued >= self.max_queued_jobs

    def stats(self) -> HistoryStats:
        """History statistics, cached a few seconds: on a large history they scan the table on
        the one thread everything runs on, and scrapers ask often."""
        now = time.monotonic()
        if self._stats is None or now - self._stats[0] > self.stats_ttl:
            self._stats = (now, self.engine.stats())
        return self._stats[1]


STATE_KEY = web.AppKey("storyclip_state", ServerState)
WS_KEY = web.RequestKey("storyclip_ws", web.WebSocketResponse)
PRINCIPAL_KEY = web.RequestKey("storyclip_principal", Principal)


def state_of(request: web.Request) -> ServerState:
    return request.app[STATE_KEY]


def principal_of(request: web.Request) -> Principal | None:
    return request.get(PRINCIPAL_KEY)


def job_id_param(request: web.Request) -> str:
    job_id = request.match_info["jobId"]
    if not is_job_id(job_id):
        raise ApiError(400, "invalid_job_id", BAD_JOB_ID)
    return job_id


def find_job(state: ServerState, job_id: str) -> Job:
    try:
        job = state.engine.lookup(job_id)
    except StoreError:
        raise ApiError(503, "store_unavailable", "The job history cannot be read now.") from None
    if job is None:
        raise ApiError(404, "job_not_found", f"No job with id {job_id!r}.")
    return job


def base_url(request: web.Request, scheme: str = "http") -> str:
    """From the Host header, which the guard middleware checked against the allowed names;
    never from the request line (`POST http://elsewhere/...` names a host nobody checked)."""
    return f"{scheme}://{request.headers['Host'].strip()}"


def job_urls(request: web.Request, job_id: str) -> dict[str, Any]:
    state = state_of(request)
    ticket, expires = state.tickets.issue(job_id)
    return {
        "statusUrl": f"{base_url(request)}/api/v1/jobs/{job_id}/status",
        "websocketUrl": f"{base_url(request, 'ws')}/ws?jobId={job_id}&ticket={ticket}",
        "ticketExpiresAt": expires,
    }


async def read_json_object(request: web.Request) -> dict[str, Any]:
    """The request body as a JSON object (aiohttp refuses bodies over the 64 KiB limit: 413;
    a body that trickles in slower than `body_timeout`: 408)."""
    try:
        raw = await asyncio.wait_for(request.read(), state_of(request).body_timeout)
    except TimeoutError:
        raise ApiError(408, "request_timeout", "The request body did not arrive in time.") from None
    except ConnectionResetError:  # the client went away mid-body: nobody to answer, no traceback
        raise ApiError(400, "incomplete_body", "The request body ended early.") from None
    if not raw.strip():
        return {}
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: [[[[…
        raise ApiError(400, "invalid_json", "The request body is not valid JSON.") from None
    if not isinstance(body, dict):
        raise ApiError(400, "invalid_json", "The request body must be a JSON object.")
    return body


def full_job(job: Job) -> dict[str, Any]:
    """The whole job, as observers may see it: the error's code and message (cleaned of paths
    and exception names), not ffmpeg's stderr tail."""
    data = job.to_dict()
    view = job_view(data)
    data["sourceName"] = view["sourceName"]
    data["message"] = view["message"]
    data["error"] = view["error"]
    return data


# -- seed contract ------------------------------------------------------------------------------
async def process_story(request: web.Request) -> web.Response:
    """The seed's submit: one file by absolute path (never a folder), through the intake."""
    state = state_of(request)
    body = await read_json_object(request)
    temp_path = body.get("tempPath")
    if not isinstance(temp_path, str) or not temp_path.strip():
        raise ApiError(400, "invalid_temp_path", "tempPath is required: the video file to cut.")
    given = body.get("options")
    intake = IntakeRequest([temp_path], {} if given is None else given, job_id=body.get("jobId"),
                           search_folders=False, relative_to=None)  # fmt: skip
    if state.queue_full():
        raise queue_full_error()
    try:
        result = state.engine.intake.submit(intake)
    except IntakeError as exc:
        raise intake_error(exc) from None
    except StoreError:
        raise ApiError(503, "store_unavailable",
                       "The job could not be stored (the history database refused the "
                       "write); nothing was started.") from None  # fmt: skip
    if result.refused:  # the reason, never the path: it may name where the client keeps files
        raise ApiError(400, "invalid_temp_path", f"tempPath {result.refused[0].reason}.")
    job = result.jobs[0]
    return web.json_response(
        {"jobId": job.id, "status": job.state.value, **job_urls(request, job.id)}, status=202
    )


INTAKE_ERRORS: dict[Problem, tuple[int, str]] = {
    Problem.JOB_ID: (400, "invalid_job_id"),
    Problem.OPTIONS: (400, "invalid_options"),
    Problem.SOURCE: (409, "not_retryable"),  # its source is gone or unreadable now
    Problem.DUPLICATE: (409, "duplicate_job_id"),
    Problem.UNKNOWN_JOB: (404, "job_not_found"),
    Problem.NOT_RETRYABLE: (409, "not_retryable"),
}


def intake_error(exc: IntakeError) -> ApiError:
    status, code = INTAKE_ERRORS[exc.problem]
    return ApiError(status, code, str(exc))


def queue_full_error() -> ApiError:
    return ApiError(429, "queue_full",
                    "The queue holds as many jobs as it accepts; try again later.",
                    {"Retry-After": str(RETRY_AFTER_S)})  # fmt: skip


async def job_status(request: web.Request) -> web.Response:
    job = find_job(state_of(request), job_id_param(request))
    return web.json_response(job_view(job.to_dict()))


async def ws_info(request: web.Request) -> web.Response:
    state = state_of(request)
    hub = state.hub
    return web.json_response({
        "websocketUrl": f"{base_url(request, 'ws')}/ws",
        "protocolVersion": PROTOCOL_VERSION,
        "messageTypes": list(MESSAGE_TYPES),
        "connectedClients": hub.client_count,
        "heartbeatSeconds": hub.heartbeat_interval,
        "lastSeq": hub.last_seq,
        "oldestReplayableSeq": hub.oldest_replayable,
        "replayBufferSize": hub.replay_size,
        "maxProgressMessagesPerSecond": round(1 / hub.progress_interval, 3),
        "notices": state.engine.notices,  # setup problems a person must know about
    })  # fmt: skip


async def ws_active_jobs(request: web.Request) -> web.Response:
    jobs = [job_view(j.to_dict()) for j in state_of(request).engine.jobs() if not j.is_final]
    return web.json_response({"jobs": jobs, "count": len(jobs)})


def live_counts(state: ServerState) -> dict[str, Any]:
    jobs = state.engine.jobs()
    eta = state.engine.queue_eta()
    return {
        "eta": eta.to_dict() if eta is not None else None,  # the whole queue's
        "queued": sum(1 for j in jobs if j.state is JobState.QUEUED),
        "processing": sum(1 for j in jobs if j.state is JobState.PROCESSING),
        "connectedClients": state.hub.client_count,
        "messagesSent": state.hub.messages_sent,
        "clientsDropped": state.hub.clients_dropped,
    }


async def ws_stats(request: web.Request) -> web.Response:
    state = state_of(request)
    try:
        history = state.stats().to_dict()
    except StoreError:
        raise ApiError(503, "store_unavailable", "The job history cannot be read now.") from None
    return web.json_response({**history, "live": live_counts(state)})


# -- jobs and control ---------------------------------------------------------------------------
def _float_param(query: Mapping[str, str], name: str) -> float | None:
    if not query.get(name):
        return None
    try:
        return float(query[name])
    except ValueError:
        raise ApiError(400, "invalid_query", f"{name} must be a number (epoch seconds).") from None


def encode_cursor(cursor: tuple[float, str] | None) -> str | None:
    if cursor is None:
        return None
    return base64.urlsafe_b64encode(f"{cursor[0]!r}|{cursor[1]}".encode()).decode().rstrip("=")


def decode_cursor(text: str) -> tuple[float, str]:
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)).decode()
        created, _, job_id = raw.partition("|")
        if not is_job_id(job_id):
            raise ValueError(job_id)
        return float(created), job_id
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise ApiError(400, "invalid_query", "cursor is not one this server handed out.") from None


async def list_jobs(request: web.Request) -> web.Response:
    query = request.query
    states: set[JobState] = set()
    for part in ",".join(query.getall("status", [])).split(","):
        if part.strip():
            try:
                states.add(JobState(part.strip().lower()))
            except ValueError:
                choices = ", ".join(s.value for s in JobState)
                raise ApiError(400, "invalid_query",
                               f"status must be one of: {choices}.") from None  # fmt: skip
    try:
        limit = int(query.get("limit", "50"))
    except ValueError:
        limit = 0
    if not 1 <= limit <= 500:
        raise ApiError(400, "invalid_query", "limit must be a whole number from 1 to 500.")
    if len(query.get("search", "")) > 200:
        raise ApiError(400, "invalid_query", "search is longer than 200 characters.")
    history = HistoryQuery(
        states=frozenset(states),
        since=_float_param(query, "since"),
        until=_float_param(query, "until"),
        search=query.get("search") or None,
        limit=limit,
        before=decode_cursor(query["cursor"]) if query.get("cursor") else None,
    )
    try:
        page = state_of(request).engine.history(history)
    except StoreError:
        raise ApiError(503, "store_unavailable", "The job history cannot be read now.") from None
    jobs = []
    for job in page.jobs:
        data = full_job(job)
        data.pop("clips")
        jobs.append(data)
    return web.json_response({"jobs": jobs, "nextCursor": encode_cursor(page.next_cursor)})


async def get_job(request: web.Request) -> web.Response:
    return web.json_response(full_job(find_job(state_of(request), job_id_param(request))))


async def cancel_job(request: web.Request) -> web.Response:
    state = state_of(request)
    job_id = job_id_param(request)
    job = find_job(state, job_id)
    if state.engine.get(job_id) is None or not can_cancel(job.state):
        raise ApiError(409, "not_cancellable", f"The job is already {job.state.value}.")
    state.engine.cancel(job_id)
    return web.json_response({"jobId": job_id, "status": job.state.value, "cancelling": True},
                             status=202)  # fmt: skip


async def retry_job(request: web.Request) -> web.Response:
    state = state_of(request)
    job_id = job_id_param(request)
    find_job(state, job_id)
    if state.queue_full():
        raise queue_full_error()
    try:
        job = state.engine.intake.retry(job_id)
    except IntakeError as exc:
        raise intake_error(exc) from None
    return web.json_response(
        {"jobId": job.id, "status": job.state.value, **job_urls(request, job.id)}, status=202
    )


async def create_ticket(request: web.Request) -> web.Response:
    state = state_of(request)
    body = await read_json_object(request)
    job_id = body.get("jobId")
    if job_id is not None:
        if not is_job_id(job_id):
            raise ApiError(400, "invalid_job_id", BAD_JOB_ID)
        find_job(state, job_id)
    ticket, expires = state.tickets.issue(job_id)
    where = f"jobId={job_id}&" if job_id else ""
    return web.json_response({
        "ticket": ticket,
        "scope": Scope.OBSERVE.value,
        "jobId": job_id,
        "expiresAt": expires,
        "websocketUrl": f"{base_url(request, 'ws')}/ws?{where}ticket={ticket}",
    }, status=201)  # fmt: skip


# -- service ------------------------------------------------------------------------------------
async def health(request: web.Request) -> web.Response:
    state = state_of(request)
    uptime = round(time.time() - state.started_at, 3)
    problem = state.engine.store_health()
    body: dict[str, Any] = {"status": "ok" if problem is None else "degraded",
                            "version": state.version, "uptimeSeconds": uptime}  # fmt: skip
    if problem is not None:  # still 200: the server answers and jobs run; the history is not
        body["reasons"] = [{"code": problem.code, "message": problem.summary}]  # no local paths
    return web.json_response(body)


async def openapi(request: web.Request) -> web.Response:
    return web.json_response(openapi_document(state_of(request).version))


async def metrics(request: web.Request) -> web.Response:
    state = state_of(request)
    try:
        history = state.stats()
    except StoreError:
        history = None
    text = render_metrics(history, state.engine.jobs(), state.hub)
    return web.Response(text=text, content_type="text/plain",
                        headers={"X-Content-Type-Options": "nosniff"},
                        charset="utf-8")  # fmt: skip


async def dashboard(request: web.Request) -> web.Response:
    page = (STATIC_DIR / "dashboard.html").read_bytes()
    return web.Response(body=page, content_type="text/html", charset="utf-8", headers={
        "Content-Security-Policy": "default-src 'none'; script-src 'unsafe-inline'; "
        "style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; "
        "frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Cache-Control": "no-store",
    })  # fmt: skip


# -- WebSocket ----------------------------------------------------------------------------------
async def _websocket(request: web.Request) -> web.StreamResponse:
    state = state_of(request)
    query = request.query
    job_id = query.get("jobId") or None
    if job_id is not None and not is_job_id(job_id):
        raise ApiError(400, "invalid_job_id", BAD_JOB_ID)
    since: int | None = None
    if query.get("since", "") != "":
        try:
            since = int(query["since"])
        except ValueError:
            since = -1
        if since < 0:
            raise ApiError(400, "invalid_query", "since must be a whole number (a seq) >= 0.")
    if job_id is not None:
        find_job(state, job_id)
    principal = principal_of(request)
    if principal is not None and not principal.may_observe(job_id):
        raise ApiError(403, "forbidden", "This ticket is for another job.")
    _make_room(state, principal)
    ws = web.WebSocketResponse(max_msg_size=MAX_MESSAGE_BYTES, compress=False, autoping=True)
    request[WS_KEY] = ws
    await ws.prepare(request)
    transport = request.transport
    if transport is None:  # the peer went away during the handshake
        return ws
    if principal is None:
        principal = await _first_message_auth(ws, state)
        if principal is None:
            return ws
        if not principal.may_observe(job_id):
            await ws.close(code=CLOSE_FORBIDDEN, message=b"ticket is for another job")
            return ws
    client = state.hub.attach(ws, transport, job_id, since)
    try:
        async for message in ws:
            # the socket is for watching; a client may send pings or nothing at all.
            # too-large messages make aiohttp close with 1009; binary frames are refused.
            if message.type is WSMsgType.BINARY:
                await ws.close(code=1003, message=b"binary messages are not accepted")
    finally:
        state.hub.detach(client)
    return ws


async def websocket(request: web.Request) -> web.StreamResponse:
    """Once the upgrade is answered an error cannot become an HTTP answer (it would be
    written into the open socket): a failure after it closes the socket with 1011."""
    try:
        return await _websocket(request)
    except ApiError:
        raise
    except Exception:
        response: web.WebSocketResponse | None = request.get(WS_KEY)
        if response is None or not response.prepared:
            raise
        log.exception("error on a WebSocket")
        with contextlib.suppress(Exception):
            await response.close(code=1011, message=b"internal error")
        return response


def _make_room(state: ServerState, principal: Principal | None) -> None:
    """Sockets that still owe their first message have a small cap of their own, and when it
    (or the cap on all sockets) is reached the one that has waited longest is closed (4429)
    for the new one: silent sockets, however many and however fast they come, cannot lock out
    an observer that authenticates at once. Only a server full of authenticated observers
    answers 503."""
    hub = state.hub
    while hub.connection_count >= state.max_connections or (
        principal is None and hub.authenticating >= state.max_unauthenticated
    ):
        if not hub.evict_oldest_waiting(CLOSE_EVICTED, b"too many sockets waiting to "
                                        b"authenticate: the oldest is closed"):  # fmt: skip
            raise ApiError(503, "too_many_connections",
                           "The server has as many WebSocket connections as it accepts; "
                           "try again later.")  # fmt: skip


async def _first_message_auth(ws: web.WebSocketResponse, state: ServerState) -> Principal | None:
    """No credentials with the handshake: the first message must be
    `{"type": "auth", "token": ...}` (or `"ticket"`) within the grace period; until then the
    socket may be closed to make room for a newer one (_make_room)."""
    state.hub.waiting(ws)
    try:
        message = await asyncio.wait_for(ws.receive(), state.auth_timeout)
    except TimeoutError:
        await ws.close(code=CLOSE_AUTH_TIMEOUT, message=b"authentication timeout")
        return None
    finally:
        state.hub.done_waiting(ws)
    if message.type is not WSMsgType.TEXT:
        if not ws.closed:
            await ws.close(code=CLOSE_UNAUTHORIZED, message=b"authenticate first")
        return None
    credential = parse_auth_message(message.data)
    principal = state.authenticate(credential) if credential is not None else None
    if principal is None:
        await ws.close(code=CLOSE_UNAUTHORIZED, message=b"invalid credentials")
    return principal


MAX_CREDENTIAL_CHARS = 512


def parse_auth_message(text: Any) -> str | None:
    """The credential in a first message `{"type": "auth", "token"|"ticket": "..."}`, or None
    for anything else: not JSON, nested a thousand deep, lone surrogates, a huge string.
    Never raises."""
    if not isinstance(text, str) or len(text) > MAX_MESSAGE_BYTES:
        return None
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or data.get("type") != "auth":
        return None
    credential = data.get("token") or data.get("ticket")
    if not isinstance(credential, str) or not 0 < len(credential) <= MAX_CREDENTIAL_CHARS:
        return None
    try:
        credential.encode("utf-8")
    except UnicodeEncodeError:
        return None
    return credential


HANDLERS: dict[str, Handler] = {
    "dashboard": dashboard,
    "health": health,
    "openapi": openapi,
    "metrics": metrics,
    "process_story": process_story,
    "list_jobs": list_jobs,
    "get_job": get_job,
    "job_status": job_status,
    "cancel_job": cancel_job,
    "retry_job": retry_job,
    "create_ticket": create_ticket,
    "ws_info": ws_info,
    "ws_active_jobs": ws_active_jobs,
    "ws_stats": ws_stats,
    "websocket": websocket,
}
