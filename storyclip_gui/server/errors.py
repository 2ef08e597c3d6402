"""ApiError and the JSON error body every failure is answered with (no tracebacks, no paths)."""

from __future__ import annotations

from typing import Any

from aiohttp import web

# aiohttp's own HTTP errors (unknown route, wrong method, body too large) → our codes
_CODES = {
    400: ("bad_request", "The request is malformed."),
    401: ("unauthorized", "A valid token is required."),
    403: ("forbidden", "This request is not allowed."),
    404: ("not_found", "There is nothing at this address."),
    405: ("method_not_allowed", "This address does not accept that method."),
    408: ("request_timeout", "The request did not arrive in time."),
    413: ("body_too_large", "The request body is larger than 64 KiB."),
    503: ("unavailable", "The server cannot take this request now."),
}


class ApiError(Exception):
    """An error answered to the client as JSON; the message is written for its user."""

    def __init__(self, status: int, code: str, message: str,
                 headers: dict[str, str] | None = None) -> None:  # fmt: skip
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}


def error_body(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


def error_response(error: ApiError) -> web.Response:
    return web.json_response(error_body(error.code, error.message), status=error.status,
                             headers=error.headers)  # fmt: skip


def from_http_exception(exc: web.HTTPException) -> ApiError:
    code, message = _CODES.get(exc.status, ("http_error", exc.reason))
    headers = {k: v for k, v in exc.headers.items() if k.lower() in ("allow", "www-authenticate")}
    return ApiError(exc.status, code, message, headers)


def unauthorized(message: str = "A valid token is required: Authorization: Bearer TOKEN.") -> (
    ApiError
):
    return ApiError(401, "unauthorized", message, {"WWW-Authenticate": 'Bearer realm="storyclip"'})
