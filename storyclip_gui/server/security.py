"""Who may talk to the server: the token file, read-only tickets, Host and Origin checks."""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
import secrets
import stat
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

log = logging.getLogger(__name__)

TOKEN_FILE_NAME = "server-token"
LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "[::1]"})
# a server bound to all addresses answers to loopback names only, unless hosts are allowed
WILDCARD_HOSTS = frozenset({"", "0.0.0.0", "::", "[::]"})


class Scope(StrEnum):
    OBSERVE = "observe"  # read jobs, status, statistics; watch the WebSocket
    CONTROL = "control"  # also submit, cancel, retry, mint tickets


@dataclass(frozen=True)
class Principal:
    """An authenticated caller: what it may do, and for which job (None: every job)."""

    scope: Scope
    job_id: str | None = None

    def may_observe(self, job_id: str | None) -> bool:
        """job_id None asks for every job (the all-jobs WebSocket, lists, statistics)."""
        return self.job_id is None or self.job_id == job_id

    @property
    def may_control(self) -> bool:
        return self.scope is Scope.CONTROL


def load_or_create_token(path: Path) -> str:
    """The server token kept in `path` (mode 0600), made on first use."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            log.warning("server token file %s was readable by others: mode set to 0600", path)
            path.chmod(0o600)
        token = path.read_text("utf-8").strip()
        if token:
            return token
        path.unlink()  # an empty file (a crash between create and write): make a new one
        return load_or_create_token(path)
    token = secrets.token_urlsafe(32)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(token + "\n")
    return token


def bearer_token(header: str | None) -> str | None:
    """The credential in an `Authorization: Bearer X` header, or None."""
    if not header:
        return None
    scheme, _, value = header.strip().partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


def _bytes(text: str) -> bytes:
    # a header may carry any byte and JSON any code point, lone surrogates included:
    # "surrogatepass" encodes them all, so a hostile credential compares unequal, never raises
    return text.encode("utf-8", "surrogatepass")


def same_secret(given: str, expected: str) -> bool:
    return hmac.compare_digest(_bytes(given), _bytes(expected))


class TicketSigner:
    """Short-lived, read-only WebSocket tickets: `JOB.EXPIRY.SIGNATURE` (JOB `*`: every job).

    Signed with a secret that lives as long as the server process: a restart voids them all.
    """

    def __init__(
        self, ttl: float, secret: bytes | None = None, clock: Callable[[], float] = time.time
    ) -> None:
        self.ttl = ttl
        self._secret = secret or secrets.token_bytes(32)
        self._clock = clock

    def issue(self, job_id: str | None) -> tuple[str, float]:
        expires = int(self._clock() + self.ttl) + 1
        body = f"{job_id or '*'}.{expires}"
        return f"{body}.{self._sign(body)}", float(expires)

    def verify(self, ticket: str) -> Principal | None:
        job, sep, rest = ticket.partition(".")
        expires, sep2, signature = rest.partition(".")
        if not (sep and sep2 and expires.isascii() and expires.isdigit() and len(expires) < 16):
            return None
        if not same_secret(signature, self._sign(f"{job}.{expires}")):
            return None
        if int(expires) < self._clock():
            return None
        return Principal(Scope.OBSERVE, None if job == "*" else job)

    def _sign(self, body: str) -> str:
        digest = hmac.new(self._secret, _bytes(body), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def split_host(host: str) -> tuple[str, int | None] | None:
    """`name[:port]` or `[v6][:port]` → (lower-case name, port or None); None when malformed."""
    host = host.strip().lower()
    if host.startswith("["):
        end = host.find("]")
        if end < 0:
            return None
        name, rest = host[: end + 1], host[end + 1 :]
    else:
        name, colon, port = host.partition(":")
        rest = colon + port
    if not name:
        return None
    if not rest:
        return name, None
    digits = rest[1:]
    if not rest.startswith(":") or not (digits.isascii() and digits.isdigit()) or len(rest) > 6:
        return None
    return name, int(rest[1:])


class RequestGuard:
    """Host (DNS rebinding) and Origin (cross-site requests, WebSocket hijacking) checks.

    Only the exact loopback spellings pass: `127.1`, `0x7f.1`, `localhost6` or `2130706433`
    reach the same address but no browser needs them, and allowing them widens what a
    rebinding page could use.
    """

    def __init__(
        self,
        port: int,
        bind_host: str = "127.0.0.1",
        extra_hosts: Iterable[str] = (),
        extra_origins: Iterable[str] = (),
    ) -> None:
        names = set(LOOPBACK_HOSTS)
        bind = bind_host.strip().lower()
        if bind not in WILDCARD_HOSTS:
            names.add(f"[{bind}]" if ":" in bind else bind)
        names.update(h.strip().lower() for h in extra_hosts if h.strip())
        self.port = port
        self.host_names = frozenset(names)
        self.own_origins = frozenset(f"http://{name}:{port}" for name in names)
        self.cross_origins = frozenset(o.strip().lower().rstrip("/") for o in extra_origins
                                       if o.strip())  # fmt: skip

    def host_allowed(self, host: str | None) -> bool:
        if not host:
            return False
        parsed = split_host(host)
        if parsed is None:
            return False
        name, port = parsed
        return name in self.host_names and (port if port is not None else 80) == self.port

    def origin_allowed(self, origin: str | None) -> bool:
        """True when there is no Origin (not a browser's cross-site call) or it is allowed."""
        if origin is None:
            return True
        value = origin.strip().lower()
        return value in self.own_origins or value in self.cross_origins

    def is_cross_origin(self, origin: str | None) -> bool:
        return origin is not None and origin.strip().lower() in self.cross_origins
