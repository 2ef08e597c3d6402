"""The suite's xdist grouping: a module-scoped fixture is set up once per run (once per
parameter), and the cluster tests are the last work of their worker (tests/conftest.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests import conftest

pytest_plugins = ["pytester"]

PROBE = """
import os
import pytest

@pytest.fixture(scope="module", params=["bundled", "system"])
def build(request):
    with open(os.environ["PROBE_LOG"], "a") as log:
        log.write(f"{request.param} {os.environ['PYTEST_XDIST_WORKER']}\\n")
    return request.param

@pytest.mark.parametrize("n", range(6))
def test_uses_the_module_fixture(build, n):
    pass

@pytest.mark.parametrize("n", range(6))
def test_alone(n):
    pass
"""


def test_a_module_fixture_is_set_up_once_per_parameter_across_workers(
    pytester: pytest.Pytester, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytester.makeconftest(Path(conftest.__file__).read_text())
    pytester.makepyfile(test_probe=PROBE)
    log = tmp_path / "setups.log"
    monkeypatch.setenv("PROBE_LOG", str(log))
    # the copied conftest imports this project's `tests` package: the subprocess runs in a temp
    # folder, so the checkout must be on its path (a clean clone has no PYTHONPATH set)
    root = str(Path(__file__).resolve().parents[1])
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [root, os.environ.get(
        "PYTHONPATH")])))  # fmt: skip
    result = pytester.runpytest_subprocess(
        "-n", "2", "--dist", "loadgroup", "--no-loadscope-reorder", "-p", "no:cacheprovider"
    )
    result.assert_outcomes(passed=18)
    setups = log.read_text().split()
    assert sorted(setups[0::2]) == ["bundled", "system"], setups  # once each, not once a worker
