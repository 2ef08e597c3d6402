"""Settings precedence: defaults < settings.json < environment < command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyclip_gui.config import SETTINGS, SettingsError, load_settings


def test_defaults_file_env_cli_in_that_order(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    env = {"STORYCLIP_DATA_DIR": str(data)}
    base = load_settings(env=env)
    assert base.monitoring_interval_ms == 2000 and base.data_dir == data
    (data / "settings.json").write_text(
        json.dumps({"monitoring_interval_ms": 500, "output_dir": str(tmp_path / "file-out")})
    )
    from_file = load_settings(env=env)
    assert from_file.monitoring_interval_ms == 500
    assert from_file.output_dir == tmp_path / "file-out"
    env["MONITORING_INTERVAL"] = "750"
    env["OUTPUT_DIR"] = str(tmp_path / "env-out")
    from_env = load_settings(env=env)
    assert from_env.monitoring_interval_ms == 750 and from_env.output_dir == tmp_path / "env-out"
    cli = load_settings(
        env=env, overrides={"output_dir": tmp_path / "cli-out", "concurrency": None}
    )
    assert cli.output_dir == tmp_path / "cli-out" and cli.monitoring_interval == 0.75


def test_bad_values_name_the_setting_and_its_origin(tmp_path):
    with pytest.raises(SettingsError, match=r"monitoring_interval_ms from \$MONITORING_INTERVAL"):
        load_settings(env={"STORYCLIP_DATA_DIR": str(tmp_path), "MONITORING_INTERVAL": "soon"})
    with pytest.raises(SettingsError, match="concurrency from command line"):
        load_settings(env={"STORYCLIP_DATA_DIR": str(tmp_path)}, overrides={"concurrency": 0})


def test_unreadable_settings_file_is_ignored_not_fatal(tmp_path, caplog):
    (tmp_path / "settings.json").write_text("{not json")
    settings = load_settings(env={"STORYCLIP_DATA_DIR": str(tmp_path)})
    assert settings.monitoring_interval_ms == 2000 and "Ignoring" in caplog.text


def test_save_changes_writes_only_what_a_person_changed(tmp_path):
    from storyclip_gui.config import save_changes, with_overrides

    env = {"STORYCLIP_DATA_DIR": str(tmp_path), "OUTPUT_DIR": str(tmp_path / "env")}
    (tmp_path / "settings.json").write_text('{"concurrency": 2}')
    before = load_settings(env=env)
    assert save_changes(before, before) == []
    assert json.loads((tmp_path / "settings.json").read_text()) == {"concurrency": 2}
    assert save_changes(before, with_overrides(before, stall_timeout_s=5)) == ["stall_timeout_s"]
    assert json.loads((tmp_path / "settings.json").read_text()) == {
        "concurrency": 2, "stall_timeout_s": 5.0}  # not the environment's output_dir
    assert load_settings(env={"STORYCLIP_DATA_DIR": str(tmp_path)}).stall_timeout_s == 5


def test_tests_never_see_the_users_folders():
    settings = load_settings()
    home = Path.home()
    for path in (settings.data_dir, settings.output_dir, settings.temp_dir):
        assert "pytest" in str(path) or str(path).startswith(str(home)), path


def test_every_setting_is_documented():
    assert all(spec.description and spec.name for spec in SETTINGS)


def test_sequence_numbers_jump_past_the_stored_one_after_a_restart(tmp_path):
    """After a crash, progress ticks newer than the stored seq were seen by observers: a new
    run must not hand those numbers out again."""
    from storyclip_gui.app import build_engine
    from storyclip_gui.core.events import RESTART_SEQ_GAP
    from storyclip_gui.core.memory_store import MemoryJobStore

    store = MemoryJobStore()
    settings = load_settings()
    assert build_engine(settings, store=store, recover=False).bus.last_seq == 0
    store.record_seq(41)
    assert build_engine(settings, store=store, recover=False).bus.last_seq == 41 + RESTART_SEQ_GAP
