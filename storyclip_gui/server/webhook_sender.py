"""Sends the webhook outbox: signed POSTs on the app's event loop, retried with backoff."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable

import aiohttp

from storyclip_gui.core.ports import StoreError
from storyclip_gui.core.webhooks import (
    SIGNATURE_HEADER,
    Delivery,
    Subscription,
    WebhookOutbox,
    retry_delay,
    signature,
)

log = logging.getLogger(__name__)
IDLE_POLL_S = 30.0  # look at the outbox at least this often (another process may add to it)
STORE_RETRY_S = 5.0  # after the database could not be read


class WebhookSender:
    """Delivers what is due, each delivery at most once at a time; wake() when there is more.

    Every request is signed (core.webhooks.signature) and carries the delivery id as its
    idempotency key. A 2xx answer delivers; anything else (an error status, a refused or
    timed-out connection, a redirect) is retried later, and given up after MAX_ATTEMPTS.
    """

    def __init__(
        self,
        outbox: WebhookOutbox,
        *,
        user_agent: str = "StoryClip-Studio",
        timeout: float = 10.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.outbox = outbox
        self.user_agent = user_agent
        self.timeout = timeout
        self.clock = clock
        self._wake = asyncio.Event()
        self._settled = asyncio.Event()  # a delivery finished (delivered, or failed a try)
        self._in_flight: dict[str, asyncio.Task[None]] = {}
        self._task: asyncio.Task[None] | None = None
        self._session: aiohttp.ClientSession | None = None

    def start(self) -> None:
        """Start sending, on the running loop."""
        self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self.timeout))
        self._task = asyncio.get_running_loop().create_task(self._run())

    def wake(self) -> None:
        self._wake.set()

    async def drain(self, timeout: float) -> int:
        """Wait up to `timeout` seconds for every pending delivery of an enabled webhook to
        go out (retries included); return how many are still pending (they stay in the
        outbox for the next start). Raises StoreError when the outbox cannot be read."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            pending = self.outbox.pending_count()
            left = deadline - loop.time()
            if pending == 0 or left <= 0:
                return pending
            self._settled.clear()
            self.wake()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._settled.wait(), min(left, 1.0))

    async def close(self) -> None:
        """Stop: deliveries cut short stay pending and go out at the next start."""
        tasks = [t for t in (self._task, *self._in_flight.values()) if t is not None]
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        if self._session is not None:
            await self._session.close()

    async def _run(self) -> None:
        while True:
            self._wake.clear()
            try:
                delay = self._send_due()
            except StoreError as exc:
                log.warning("webhook outbox unreadable: %s", exc)
                delay = STORE_RETRY_S
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), delay)

    def _send_due(self) -> float:
        """Start a task for each due delivery not already on its way; seconds to the next."""
        now = self.clock()
        due = [d for d in self.outbox.due(now) if d.id not in self._in_flight]
        if due:
            subscriptions = {s.id: s for s in self.outbox.subscriptions()}
            for delivery in due:
                sub = subscriptions.get(delivery.subscription_id)
                if sub is not None:
                    task = asyncio.get_running_loop().create_task(self._deliver(sub, delivery))
                    self._in_flight[delivery.id] = task
        next_at = self.outbox.next_due_at()
        if next_at is None:
            return IDLE_POLL_S
        return min(IDLE_POLL_S, max(0.05, next_at - now))

    async def _deliver(self, sub: Subscription, delivery: Delivery) -> None:
        try:
            error = await self._post(sub, delivery)
            if error is None:
                self.outbox.delivered(delivery.id, self.clock())
            else:
                attempts = delivery.attempts + 1
                delay = retry_delay(attempts)
                next_at = None if delay is None else self.clock() + delay
                self.outbox.failed(delivery.id, attempts, next_at, error, self.clock())
                if next_at is None:
                    log.warning("webhook %s gave up on %s after %d tries: %s", sub.url,
                                delivery.event, attempts, error)  # fmt: skip
        except StoreError as exc:
            log.warning("webhook delivery %s not recorded: %s", delivery.id, exc)
        finally:
            self._in_flight.pop(delivery.id, None)
            self._wake.set()
            self._settled.set()

    async def _post(self, sub: Subscription, delivery: Delivery) -> str | None:
        """None when the receiver took it, else what went wrong."""
        assert self._session is not None
        body = delivery.body.encode()
        headers = {
            "Content-Type": "application/json",
            "User-Agent": self.user_agent,
            "X-StoryClip-Event": delivery.event,
            "X-StoryClip-Delivery": delivery.id,
            "Idempotency-Key": delivery.id,
            SIGNATURE_HEADER: signature(sub.secret, int(self.clock()), body),
        }
        try:
            async with self._session.post(sub.url, data=body, headers=headers,
                                          allow_redirects=False) as response:  # fmt: skip
                await response.content.read(64 * 1024)
                if 200 <= response.status < 300:
                    return None
                return f"HTTP {response.status}"
        except TimeoutError:
            return f"no answer within {self.timeout:g} s"
        except aiohttp.ClientError as exc:
            return f"{type(exc).__name__}: {exc}"[:300]
