"""Property-based fuzzing of the whole REST surface from the server's own OpenAPI document
(schemathesis), against a real `storyclip serve` on 127.0.0.1, port 0, with the token:
no 5xx, every answer's status code, content type and body match the document."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from tests.helpers.procs import serving

TOKEN = "Zp3u1Cq5m1bH2Vw0Xr7-T4s9_kLfYjN8aQeGdRcUvBo"  # strong: `serve` refuses weak ones
EXAMPLES = int(os.environ.get("STORYCLIP_FUZZ_EXAMPLES", "60"))  # per operation
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]  # fmt: skip
RUN: dict[str, int] = {}
STATUSES: dict[int, int] = {}
VIDEO: list[str] = []


@pytest.fixture(scope="module")
def serve(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`storyclip serve --port 0` in its own process; its URL."""
    root = tmp_path_factory.mktemp("serve")
    VIDEO.append(str(root / "video.mp4"))
    Path(VIDEO[0]).write_bytes(b"\0" * 4096)  # a regular file: submits pass the path check
    env = {**os.environ, "STORYCLIP_DATA_DIR": str(root / "data"), "STORYCLIP_TOKEN": TOKEN,
           "OUTPUT_DIR": str(root / "out"), "TEMP_DIR": str(root / "tmp"),
           "HOME": str(root), "QT_QPA_PLATFORM": "offscreen"}  # fmt: skip
    with serving(env, grace=20) as url:
        yield url


def _operations(url: str) -> list[Any]:
    schema = schemathesis.openapi.from_url(f"{url}/api/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    # the WebSocket upgrade is not REST: tests/server/test_hostile.py and the hub tests fuzz it
    return [op for op in operations if op.path != "/ws"]


def test_openapi_fuzzing_finds_no_5xx_and_no_answer_outside_the_document(serve: str) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}"}
    failures: list[str] = []
    operations = _operations(serve)
    assert len(operations) >= 13
    for operation in operations:
        try:
            _fuzz(operation, serve, headers)
        except (Exception, BaseExceptionGroup) as exc:  # every operation's failure, then all
            failures.append(f"{operation.label}: {exc}"[:3000])
    print(f"schemathesis: {sum(RUN.values())} requests over {len(RUN)} operations: {RUN}; "
          f"statuses: {dict(sorted(STATUSES.items()))}")
    assert not failures, "\n\n".join(failures)


def _fuzz(operation: Any, serve: str, headers: dict[str, str]) -> None:
    label = operation.label

    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(case=operation.as_strategy())
    def run(case: Any) -> None:
        RUN[label] = RUN.get(label, 0) + 1
        body = case.body
        if isinstance(body, dict) and isinstance(body.get("tempPath"), str) \
                and len(body["tempPath"]) % 2 == 0:  # fmt: skip
            body["tempPath"] = VIDEO[0]  # half the submits name a real file: 202
        response = case.call(base_url=serve, headers=headers, timeout=30)
        STATUSES[response.status_code] = STATUSES.get(response.status_code, 0) + 1
        case.validate_response(response, checks=CHECKS)

    run()


def test_fuzzing_reaches_every_documented_rest_operation(serve: str) -> None:
    labels = {op.label for op in _operations(serve)}
    assert {"POST /api/v1/process/story", "GET /api/v1/jobs", "GET /api/v1/jobs/{jobId}/status",
            "POST /api/v1/tickets", "GET /metrics"} <= labels  # fmt: skip


