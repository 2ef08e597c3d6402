"""The layer rules (import-linter contracts in pyproject.toml) and lint run with the suite."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]


def test_import_contracts_hold():
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


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


def test_mypy_strict_on_core_and_runner():
    result = subprocess.run(
        [sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
