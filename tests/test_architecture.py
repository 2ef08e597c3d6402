"""The layer rules (import-linter contracts in pyproject.toml) and lint run with the suite."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(tree: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=tree, env=env,
                          capture_output=True, text=True)  # fmt: skip


def test_import_contracts_hold():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "BROKEN" not in result.stdout


@pytest.mark.parametrize(
    ("module", "bad_import", "contract"),
    [
        ("core/plan.py", "storyclip_gui.store.job_store", "layers"),  # core reaches up
        ("store/recovery.py", "storyclip_gui.server.hub", "layers"),  # adapter → adapter
        ("runner/bridge.py", "storyclip_gui.ui.main_window", "layers"),  # runner → window
        # indirect: the window imports config, which (wrongly) imports the server
        ("config.py", "storyclip_gui.server.security", "layers"),
        ("ui/tray.py", "storyclip_gui.runner.qprocess_runner", "Qt bridge only"),
        ("core/jobs.py", "PySide6", "core is pure Python"),
        ("core/pipeline.py", "distributed", "core is pure Python"),  # the cluster is an adapter
        ("cluster/task.py", "storyclip_gui.store.job_store", "layers"),
        ("cluster/executor.py", "PySide6", "cluster: distributed and core"),
    ],
)
def test_contracts_break_on_a_bad_import(tmp_path, module, bad_import, contract):
    """Each rule can fail: a copy of the package with one bad import breaks the contract."""
    shutil.copytree(ROOT / "storyclip_gui", tmp_path / "storyclip_gui",
                    ignore=shutil.ignore_patterns("__pycache__"))  # fmt: skip
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    target = tmp_path / "storyclip_gui" / module
    target.write_text(target.read_text() + f"\nimport {bad_import}  # noqa: E402, F401\n")
    result = lint_imports(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    broken = [line for line in result.stdout.splitlines() if " BROKEN" in line]
    assert any(contract in line for line in broken), result.stdout
    assert bad_import in result.stdout, "the report names the offending import"


def test_ruff_is_clean():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "."],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_module_has_a_docstring():
    missing = []
    for path in (ROOT / "storyclip_gui").rglob("*.py"):
        text = path.read_text().lstrip()
        if not text.startswith(('"""', "'''")):
            missing.append(str(path.relative_to(ROOT)))
    assert not missing, missing


def test_runner_uses_qtcore_only():
    """import-linter cannot forbid sub-packages of PySide6, so the runner is checked here."""
    import ast

    offenders = []
    for path in (ROOT / "storyclip_gui" / "runner").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [
                f"{path.name}: {n}"
                for n in names
                if n.startswith("PySide6") and n not in ("PySide6", "PySide6.QtCore")
            ]
    assert not offenders, offenders


def test_mypy_strict_on_core_runner_server_and_store():
    result = subprocess.run(
        [sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
