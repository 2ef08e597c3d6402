"""The aiohttp application (guard, error and auth middlewares) and its start on the running loop."""

from __future__ import annotations

import errno
import logging
import time
from dataclasses import dataclass

from aiohttp import web

from storyclip_gui.core.facade import EngineFacade
from storyclip_gui.core.webhooks import Webhooks
from storyclip_gui.core.when_done import WhenDone
from storyclip_gui.server.errors import ApiError, error_response, from_http_exception, unauthorized
from storyclip_gui.server.hub import WebSocketHub
from storyclip_gui.server.routes import (
    ACCESS,
    HANDLERS,
    MAX_MESSAGE_BYTES,
    PRINCIPAL_KEY,
    ROUTES,
    STATE_KEY,
    Access,
    Handler,
    ServerState,
)
from storyclip_gui.server.security import (
    LOOPBACK_HOSTS,
    RequestGuard,
    TicketSigner,
    bearer_token,
)
from storyclip_gui.server.webhook_routes import WEBHOOK_HANDLERS
from storyclip_gui.server.when_done_routes import WHEN_DONE_HANDLERS

log = logging.getLogger(__name__)
GUARD_KEY = web.AppKey("storyclip_guard", dict)  # {"guard": RequestGuard} once the port is known


class ServerStartError(RuntimeError):
    """The server could not listen (port taken, address not on this machine); for a person."""


@dataclass(frozen=True)
class ServerConfig:
    token: str
    host: str = "127.0.0.1"
    port: int = 8765
    allowed_origins: tuple[str, ...] = ()  # cross-origin web apps, besides the dashboard
    allowed_hosts: tuple[str, ...] = ()  # Host names besides the loopback ones
    max_connections: int = 2000  # WebSocket connections, authenticated or not
    max_unauthenticated: int = 100  # of those, sockets still owing their first message
    max_queued_jobs: int = 10_000  # past it a submit or retry is answered 429 + Retry-After
    heartbeat_interval: float = 2.0  # MONITORING_INTERVAL
    auth_timeout: float = 5.0  # for the first-message authentication
    header_timeout: float = 30.0  # a connection without a complete request by then is closed
    body_timeout: float = 10.0  # for a request body, once its headers have arrived (408)
    ticket_ttl: float = 300.0
    replay_size: int = 4096  # messages kept for ?since=N
    progress_interval: float = 0.1  # at most 10 progress messages per second per job
    client_buffer_limit: int = 1 << 20  # bytes waiting for one client before it is dropped
    version: str = "0"


@dataclass
class ServerHandle:
    """A running server: where it listens, its hub, and how to stop it."""

    host: str
    port: int
    hub: WebSocketHub
    state: ServerState
    _runner: web.AppRunner

    @property
    def app(self) -> web.Application:
        return self._runner.app

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    async def close(self) -> None:
        """Close every socket (1001 going away; the hub records the last seq), stop listening."""
        await self.hub.close()
        await self._runner.cleanup()


def _cors_headers(origin: str) -> dict[str, str]:
    return {"Access-Control-Allow-Origin": origin, "Vary": "Origin"}


@web.middleware
async def guard_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Host and Origin first, for every route (the dashboard page and /api/health too)."""
    guard = request.app[GUARD_KEY].get("guard")
    if not isinstance(guard, RequestGuard):
        return error_response(ApiError(503, "starting", "The server is starting."))
    if not guard.host_allowed(request.headers.get("Host")):
        message = "This server only answers to its own host names."
        return error_response(ApiError(403, "forbidden_host", message))
    origin = request.headers.get("Origin")
    if not guard.origin_allowed(origin):
        message = "Requests from this web origin are not allowed."
        return error_response(ApiError(403, "forbidden_origin", message))
    cross = guard.is_cross_origin(origin)
    if request.method == "OPTIONS" and cross and origin is not None:
        return web.Response(status=204, headers={
            **_cors_headers(origin),
            "Access-Control-Allow-Methods": "GET, POST, PUT, PATCH, DELETE",
            "Access-Control-Allow-Headers": "Authorization, Content-Type",
            "Access-Control-Max-Age": "600",
        })  # fmt: skip
    response = await handler(request)
    if not response.prepared:
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Cache-Control", "no-store")
        if cross and origin is not None:
            response.headers.update(_cors_headers(origin))
    return response


@web.middleware
async def error_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Every failure becomes `{"error": {"code", "message"}}`: no traceback, no path."""
    try:
        return await handler(request)
    except ApiError as exc:
        return error_response(exc)
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        return error_response(from_http_exception(exc))
    except Exception:
        log.exception("error in %s %s", request.method, request.path)
        message = "Internal server error; details are in the app's log."
        return error_response(ApiError(500, "internal_error", message))


@web.middleware
async def auth_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """The route's access level decides: public, observe (token or ticket), control (token)."""
    access = ACCESS.get(request.match_info.route.name or "")
    if access is None or access is Access.PUBLIC:
        return await handler(request)
    state = request.app[STATE_KEY]
    credential = bearer_token(request.headers.get("Authorization"))
    if credential is None and access is Access.WEBSOCKET:
        credential = request.query.get("ticket") or None
        if credential is not None and state.is_token(credential):
            # URLs end up in logs, histories and Referer headers: tokens never go in them
            raise unauthorized("The token is not accepted in a URL: send it as "
                               "'Authorization: Bearer TOKEN' or in the first message, or "
                               "put a ticket from POST /api/v1/tickets in the URL.")  # fmt: skip
    if credential is None:
        if access is Access.WEBSOCKET:
            return await handler(request)  # authenticates with its first message
        raise unauthorized()
    principal = state.authenticate(credential)
    if principal is None:
        raise unauthorized("The token or ticket is not valid (or has expired).")
    if access is Access.CONTROL and not principal.may_control:
        raise ApiError(403, "forbidden_scope", "This credential may only observe.")
    if access is Access.OBSERVE and not principal.may_observe(request.match_info.get("jobId")):
        raise ApiError(403, "forbidden_scope", "This ticket is for another job.")
    request[PRINCIPAL_KEY] = principal
    return await handler(request)


def build_web_app(state: ServerState) -> web.Application:
    # the error middleware twice: inside the guard, so error answers carry its headers (CORS,
    # nosniff); outside it, so nothing the guard itself meets (a Host of `127.0.0.1:²`) can
    # become aiohttp's plain-text 500
    app = web.Application(
        middlewares=[error_middleware, guard_middleware, error_middleware, auth_middleware],
        client_max_size=MAX_MESSAGE_BYTES,
    )
    app[STATE_KEY] = state
    app[GUARD_KEY] = {}
    handlers = {**HANDLERS, **WEBHOOK_HANDLERS, **WHEN_DONE_HANDLERS}
    for route in ROUTES:
        app.router.add_route(route.method, route.path, handlers[route.name], name=route.name)
    return app


async def start_web_server(
    engine: EngineFacade,
    config: ServerConfig,
    webhooks: Webhooks | None = None,
    when_done: WhenDone | None = None,
) -> ServerHandle:
    """Listen on config.host:config.port (0: any free port) on the running event loop."""
    hub = WebSocketHub(
        engine.bus,
        lookup=engine.lookup,
        live_jobs=engine.jobs,
        record_seq=engine.remember_seq,
        heartbeat_interval=config.heartbeat_interval,
        replay_size=config.replay_size,
        progress_interval=config.progress_interval,
        client_buffer_limit=config.client_buffer_limit,
    )
    state = ServerState(
        engine=engine,
        hub=hub,
        token=config.token,
        tickets=TicketSigner(config.ticket_ttl),
        version=config.version,
        max_connections=config.max_connections,
        max_unauthenticated=config.max_unauthenticated,
        max_queued_jobs=config.max_queued_jobs,
        auth_timeout=config.auth_timeout,
        body_timeout=config.body_timeout,
        started_at=time.time(),
        webhooks=webhooks,
        when_done=when_done,
    )
    app = build_web_app(state)
    # aiohttp closes a connection that has sent no complete request within keepalive_timeout
    # of opening it (or of its last answer); its default, an hour, let partial requests
    # (slowloris) hold sockets that long
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=2.0,
                           keepalive_timeout=config.header_timeout)  # fmt: skip
    await runner.setup()
    site = web.TCPSite(runner, config.host, config.port, backlog=1024)
    try:
        await site.start()
    except OSError as exc:
        await runner.cleanup()
        where = f"{config.host}:{config.port}"
        if exc.errno == errno.EADDRINUSE:
            raise ServerStartError(
                f"Port {config.port} on {config.host} is already in use (another StoryClip or "
                f"another program). Choose another with --port, or --port 0 for any free port."
            ) from None
        if exc.errno == errno.EADDRNOTAVAIL:
            raise ServerStartError(f"{config.host} is not an address of this machine.") from None
        raise ServerStartError(f"Cannot listen on {where}: {exc.strerror}.") from None
    port = int(runner.addresses[0][1])
    app[GUARD_KEY]["guard"] = RequestGuard(port, config.host, config.allowed_hosts,
                                           config.allowed_origins)  # fmt: skip
    if config.host.strip("[]") not in {h.strip("[]") for h in LOOPBACK_HOSTS}:
        log.warning("the server listens on %s: other machines can reach it (token required)",
                    config.host)  # fmt: skip
    hub.start()
    return ServerHandle(config.host, port, hub, state, runner)
