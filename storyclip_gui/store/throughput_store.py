"""Clip throughput samples in the history database, for the learned ETA (core.eta)."""

from __future__ import annotations

import dataclasses
import json
import logging
import time
from collections.abc import Sequence

import peewee

from storyclip_gui.core.eta import Sample
from storyclip_gui.store.connection import is_environment_error
from storyclip_gui.store.models import EtaJudgementRow, ThroughputRow

log = logging.getLogger(__name__)
KEEP_ROWS = 20_000  # older samples are dropped: the machine and ffmpeg change over time
KEEP_JUDGEMENTS = 1_000  # finished jobs' judged estimates, likewise
FIELDS = tuple(f.name for f in dataclasses.fields(Sample))


class SqliteThroughputLog:
    """Implements core.eta.ThroughputLog. A sample or a judgement that cannot be written is
    only logged: the ETA is a forecast, never worth failing a job for."""

    def __init__(self, database: peewee.SqliteDatabase) -> None:
        self.database = database
        self._appended = 0

    def append(self, sample: Sample) -> None:
        try:
            ThroughputRow.insert(**dataclasses.asdict(sample)).execute()
            self._appended += 1
            if self._appended % 500 == 0:
                newest = ThroughputRow.select(peewee.fn.MAX(ThroughputRow.id)).scalar() or 0
                ThroughputRow.delete().where(ThroughputRow.id <= newest - KEEP_ROWS).execute()
        except peewee.DatabaseError as exc:
            if not is_environment_error(exc):
                raise
            log.warning("clip throughput not kept: %s", exc)

    def recent(self, limit: int) -> list[Sample]:
        try:
            rows = ThroughputRow.select().order_by(ThroughputRow.id.desc()).limit(limit)
            return [Sample(**{f: getattr(r, f) for f in FIELDS}) for r in reversed(list(rows))]
        except peewee.DatabaseError as exc:
            if not is_environment_error(exc):
                raise
            log.warning("clip throughput history unreadable: %s", exc)
            return []

    def append_judgement(self, ratios: Sequence[float]) -> None:
        try:
            row = EtaJudgementRow.create(at=time.time(), ratios=json.dumps(list(ratios)))
            EtaJudgementRow.delete().where(EtaJudgementRow.id <= row.id - KEEP_JUDGEMENTS).execute()
        except peewee.DatabaseError as exc:
            if not is_environment_error(exc):
                raise
            log.warning("ETA judgement not kept: %s", exc)

    def recent_judgements(self, limit: int) -> list[list[float]]:
        try:
            rows = EtaJudgementRow.select().order_by(EtaJudgementRow.id.desc()).limit(limit)
            found = [json.loads(r.ratios) for r in reversed(list(rows))]
        except (peewee.DatabaseError, ValueError) as exc:
            if isinstance(exc, peewee.DatabaseError) and not is_environment_error(exc):
                raise
            log.warning("ETA judgements unreadable: %s", exc)
            return []
        return [[float(x) for x in ratios] for ratios in found if isinstance(ratios, list)]
