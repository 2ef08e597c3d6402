"""A real Dask LocalCluster (2 worker processes, 1 thread each) and an engine that uses it."""

from __future__ import annotations

import gc
import os
import warnings
from collections.abc import Iterator
from typing import Any

import pytest

from storyclip_gui.app import Engine, build_engine
from storyclip_gui.config import load_settings
from tests.ui.conftest import make_window, qloop  # noqa: F401 - the window fixtures, here too


@pytest.fixture(autouse=True)
def collect_on_the_qt_thread() -> Iterator[None]:
    """A test's closed event loop and Qt objects are collected here, on the Qt thread: left to
    the cyclic collector, they may be freed on one of distributed's threads, where Qt warns
    (timers stopped from another thread). A client whose scheduler was killed under it leaves
    its dead sockets to the collector: the test's doing (it kills the scheduler), not a leak."""
    _collect()
    yield
    _collect()


def _collect() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()


@pytest.fixture(scope="module")
def dask_cluster() -> Iterator[Any]:
    """Worker processes under nannies (a killed worker is restarted, like `dask worker`)."""
    from distributed import LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                           dashboard_address=":0", scheduler_port=0)  # fmt: skip
    try:
        yield cluster
    finally:
        cluster.close()


def dask_engine(address: str, **overrides: Any) -> Engine:
    """An engine whose clips render on the cluster at `address` (settings as the user sets
    them); one job at a time, so the cluster work is the job's own clips."""
    os.environ.pop("STORYCLIP_EXECUTOR", None)
    settings = load_settings(overrides={"executor": "dask", "dask_scheduler": address,
                                        "concurrency": 1, **overrides})  # fmt: skip
    return build_engine(settings)


def worker_pids(cluster: Any) -> dict[str, int]:
    """host:port of each live worker → its process id."""
    from distributed import Client

    with Client(cluster.scheduler_address, set_as_default=False) as client:
        pids = client.run(os.getpid)
    return {address.split("://", 1)[-1]: pid for address, pid in pids.items()}
