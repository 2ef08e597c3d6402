"""The history as people reach it: a query walked page by page, a job named by an id prefix."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from storyclip_gui.core.jobs import Job
from storyclip_gui.core.ports import HistoryQuery, JobStore


class HistoryPager:
    """Pages of `store.history(query)`, following the cursor each page hands back.

    The window's lazy table asks for one page at a time (`next_page`), exports walk them all
    (`pages()` or iterating the pager job by job). Store errors (StoreError) propagate; the
    pager stays where it was, so the same page can be asked for again.
    """

    def __init__(self, store: JobStore, query: HistoryQuery, page_size: int | None = None) -> None:
        self._store = store
        self.query = query if page_size is None else replace(query, limit=page_size)
        self._cursor = query.before
        self.exhausted = False

    @property
    def cursor(self) -> tuple[float, str] | None:
        """Where the next page starts (the keyset cursor the last page handed back)."""
        return self._cursor

    def next_page(self) -> list[Job]:
        if self.exhausted:
            return []
        page = self._store.history(replace(self.query, before=self._cursor))
        self._cursor = page.next_cursor
        self.exhausted = page.next_cursor is None
        return page.jobs

    def pages(self) -> Iterator[list[Job]]:
        while not self.exhausted:
            yield self.next_page()

    def __iter__(self) -> Iterator[Job]:
        for page in self.pages():
            yield from page


class JobIdError(ValueError):
    """No job, or more than one, has an id starting with what the user typed."""


def resolve_job_id(store: JobStore, text: str, shown: int = 8) -> str:
    """The one job id `text` names: the whole id, or a prefix only one id starts with (the
    history table may cut ids short). Raises JobIdError naming the candidates otherwise."""
    prefix = text.strip()
    if not prefix:
        raise JobIdError("Give a job id (or its first characters).")
    if store.get(prefix) is not None:
        return prefix
    matches = store.ids_starting_with(prefix, shown + 1)
    if not matches:
        raise JobIdError(f"No job with id {prefix!r} (or starting with it) in the history.")
    if len(matches) > 1:
        more = ", …" if len(matches) > shown else ""
        raise JobIdError(f"{prefix!r} is the start of several job ids: "
                         f"{', '.join(matches[:shown])}{more}. Type more of the id.")  # fmt: skip
    return matches[0]
