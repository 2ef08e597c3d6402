"""peewee models for the job history: jobs, their clips, a compact log of state changes, meta.

The tables themselves are created and changed only by migrations.py (literal SQL); these
models describe the current schema for queries.
"""

from __future__ import annotations

import peewee

from storyclip_gui.store.connection import db


class BaseModel(peewee.Model):
    class Meta:
        database = db
        legacy_table_names = False


class JobRow(BaseModel):
    id = peewee.TextField(primary_key=True)
    source = peewee.TextField()
    source_name = peewee.TextField()  # lower-cased file name: what search matches
    state = peewee.TextField()
    phase = peewee.TextField()
    progress = peewee.FloatField(default=0.0)
    message = peewee.TextField(default="")
    options = peewee.TextField()  # JSON of StoryOptions.to_dict()
    output_root = peewee.TextField()
    output_dir = peewee.TextField(null=True)
    error_code = peewee.TextField(null=True)
    error_message = peewee.TextField(null=True)
    error_detail = peewee.TextField(null=True)
    media = peewee.TextField(null=True)  # JSON of MediaInfo
    media_seconds = peewee.FloatField(null=True)
    commands = peewee.TextField(default="[]")
    pid = peewee.IntegerField(null=True)  # the ffmpeg running for this job, if any
    owner = peewee.TextField(null=True)  # "pid:starttime" of the engine process that runs it
    attempts = peewee.IntegerField(default=0)
    parent_id = peewee.TextField(null=True)
    clips_generated = peewee.IntegerField(default=0)
    clips_verified = peewee.IntegerField(default=0)
    clips_total = peewee.IntegerField(default=0)
    speed = peewee.FloatField(null=True)
    fps = peewee.FloatField(null=True)
    eta_seconds = peewee.FloatField(null=True)
    processing_seconds = peewee.FloatField(null=True)  # finished_at - started_at, once final
    created_at = peewee.FloatField()
    started_at = peewee.FloatField(null=True)
    finished_at = peewee.FloatField(null=True)
    updated_at = peewee.FloatField()

    class Meta:
        table_name = "job"


class ClipRow(BaseModel):
    id = peewee.AutoField()
    job = peewee.ForeignKeyField(JobRow, column_name="job_id", on_delete="CASCADE",
                                 backref="clip_rows")  # fmt: skip
    idx = peewee.IntegerField()
    start_s = peewee.FloatField()
    end_s = peewee.FloatField()
    path = peewee.TextField()
    state = peewee.TextField()
    duration = peewee.FloatField(null=True)
    width = peewee.IntegerField(null=True)
    height = peewee.IntegerField(null=True)
    size = peewee.IntegerField(null=True)
    cut = peewee.TextField(null=True)  # JSON: smart cuts' nominal boundaries and reasons
    qc = peewee.TextField(null=True)  # JSON: the platform checks (core/qc.py)

    class Meta:
        table_name = "clip"


class JobEventRow(BaseModel):
    """One row per state change: when, to what, on which attempt, and why it failed."""

    id = peewee.AutoField()
    job = peewee.ForeignKeyField(JobRow, column_name="job_id", on_delete="CASCADE")
    at = peewee.FloatField()
    state = peewee.TextField()
    attempt = peewee.IntegerField()
    error_code = peewee.TextField(null=True)

    class Meta:
        table_name = "job_event"


class MetaRow(BaseModel):
    key = peewee.TextField(primary_key=True)
    value = peewee.TextField()

    class Meta:
        table_name = "meta"


class WebhookRow(BaseModel):
    id = peewee.TextField(primary_key=True)
    url = peewee.TextField()
    events = peewee.TextField()  # JSON list of event names ("*": all)
    secret = peewee.TextField()
    created_at = peewee.FloatField()
    enabled = peewee.BooleanField(default=True)

    class Meta:
        table_name = "webhook"


class DeliveryRow(BaseModel):
    """One webhook delivery: pending until a 2xx answer, dead after its last retry."""

    id = peewee.TextField(primary_key=True)  # the idempotency key the receiver sees
    webhook = peewee.ForeignKeyField(WebhookRow, column_name="webhook_id", on_delete="CASCADE")
    webhook_id: str  # the raw key peewee adds for the foreign key (declared for mypy)
    event = peewee.TextField()
    body = peewee.TextField()
    created_at = peewee.FloatField()
    attempts = peewee.IntegerField(default=0)
    next_at = peewee.FloatField()
    state = peewee.TextField()
    last_error = peewee.TextField(null=True)
    delivered_at = peewee.FloatField(null=True)
    last_attempt_at = peewee.FloatField(null=True)

    class Meta:
        table_name = "webhook_delivery"


class ThroughputRow(BaseModel):
    """One verified clip's pace (core.eta.Sample)."""

    id = peewee.AutoField()
    at = peewee.FloatField()
    encoder = peewee.TextField()
    quality = peewee.TextField()
    size = peewee.TextField()
    source_codec = peewee.TextField()
    source_height = peewee.IntegerField()
    concurrency = peewee.FloatField()  # the mean over the clip (INTEGER column: SQLite keeps REAL)
    media_seconds = peewee.FloatField()
    wall_seconds = peewee.FloatField()
    source_bytes = peewee.IntegerField()
    source_seconds = peewee.FloatField()

    class Meta:
        table_name = "clip_throughput"


class EtaJudgementRow(BaseModel):
    """One finished job's judged ETA estimates: truth / estimate, as a JSON list."""

    id = peewee.AutoField()
    at = peewee.FloatField()
    ratios = peewee.TextField()

    class Meta:
        table_name = "eta_judgement"


class AnalysisRow(BaseModel):
    """A source's cut analysis (core/analysis.py), by fingerprint and analysis parameters."""

    fingerprint = peewee.TextField()
    params = peewee.TextField()
    source = peewee.TextField()  # the path it was analysed at (for people reading the table)
    data = peewee.TextField()  # JSON of SourceAnalysis.to_dict()
    created_at = peewee.FloatField()

    class Meta:
        table_name = "analysis_cache"
        primary_key = peewee.CompositeKey("fingerprint", "params")


MODELS = (JobRow, ClipRow, JobEventRow, MetaRow, WebhookRow, DeliveryRow, ThroughputRow,
          AnalysisRow)
