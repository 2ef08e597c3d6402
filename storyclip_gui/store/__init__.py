"""The job history in SQLite (peewee): models, migrations, the JobStore, recovery, retention."""

from storyclip_gui.core.ports import StoreError
from storyclip_gui.store.job_store import SqliteJobStore, open_store
from storyclip_gui.store.recovery import RecoveryReport, recover

__all__ = ["RecoveryReport", "SqliteJobStore", "StoreError", "open_store", "recover"]
