"""Typed settings: defaults < settings.json in the data dir < environment < command line.

One declared list (SETTINGS) names every setting, its type, default, environment variable and
meaning; docs and the settings dialog are generated from it. Paths come from platformdirs,
computed when settings are loaded, never at import time.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

from storyclip_gui.core.options import EncoderChoice
from storyclip_gui.core.scheduler import default_concurrency

log = logging.getLogger(__name__)
APP_NAME = "storyclip-studio"
EXECUTORS = ("local", "dask")
ENCODERS = tuple(choice.value for choice in EncoderChoice)


class SettingsError(ValueError):
    """A setting has a value of the wrong type or range; the message names the setting."""


@dataclass(frozen=True)
class SettingSpec:
    name: str
    env: str | None
    kind: Callable[[Any], Any]
    default: Callable[[Path], Any]  # given the data dir
    description: str


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off", ""):
        return False
    raise ValueError(f"{value!r} is not true or false")


def _path(value: Any) -> Path:
    return Path(os.path.expanduser(str(value))).absolute()


def _positive_int(value: Any) -> int:
    number = int(value)
    if number < 1:
        raise ValueError(f"{value!r} is not a positive whole number")
    return number


def _positive_float(value: Any) -> float:
    number = float(value)
    if not number > 0:
        raise ValueError(f"{value!r} is not a positive number")
    return number


def _non_negative_float(value: Any) -> float:
    number = float(value)
    if not number >= 0:
        raise ValueError(f"{value!r} is not zero or a positive number")
    return number


def _optional_str(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


def _encoder(value: Any) -> str:
    text = str(value).strip().lower()
    if text not in ENCODERS:
        raise ValueError(f"{value!r} is not one of {', '.join(ENCODERS)}")
    return text


def _port(value: Any) -> int:
    number = int(value)
    if not 0 <= number <= 65535:
        raise ValueError(f"{value!r} is not a port number (0-65535; 0: any free port)")
    return number


def _executor(value: Any) -> str:
    text = str(value).strip().lower()
    if text not in EXECUTORS:
        raise ValueError(f"{value!r} is not one of {', '.join(EXECUTORS)}")
    return text


def _scheduler_address(value: Any) -> str:
    text = str(value).strip()
    if "://" not in text:
        text = f"tcp://{text}"  # host:port, as `dask worker` accepts it too
    if not text.split("://", 1)[1]:
        raise ValueError(f"{value!r} is not a scheduler address like tcp://host:8786")
    return text


def _when_done(value: Any) -> str:
    from storyclip_gui.core.when_done import ACTIONS

    text = str(value).strip().lower()
    if text not in ACTIONS:
        raise ValueError(f"{value!r} is not one of {', '.join(ACTIONS)}")
    return text


def _non_negative_int(value: Any) -> int:
    number = int(value)
    if number < 0:
        raise ValueError(f"{value!r} is not zero or a positive whole number")
    return number


def _comma_list(value: Any) -> str:
    """A list kept as one comma-separated string (so the settings file and dialog stay flat)."""
    items = value if isinstance(value, (list, tuple)) else str(value or "").split(",")
    return ",".join(item.strip() for item in items if str(item).strip())


SETTINGS: tuple[SettingSpec, ...] = (
    SettingSpec("output_dir", "OUTPUT_DIR", _path,
                lambda d: Path(platformdirs.user_videos_dir()) / "StoryClip",
                "Folder where each job's clips are written (one sub-folder per job)."),
    SettingSpec("temp_dir", "TEMP_DIR", _path,
                lambda d: Path(platformdirs.user_cache_dir(APP_NAME)) / "tmp",
                "Folder for working files (segment lists); safe to empty when no job runs."),
    SettingSpec("monitoring_interval_ms", "MONITORING_INTERVAL", _positive_int, lambda d: 2000,
                "Milliseconds between progress writes to the database and WebSocket heartbeats."),
    SettingSpec("ffmpeg", "STORYCLIP_FFMPEG", _optional_str, lambda d: None,
                "Path of ffmpeg, or \"system\" for the one on PATH; empty: the bundled build."),
    SettingSpec("concurrency", "STORYCLIP_CONCURRENCY", _positive_int,
                lambda d: default_concurrency(), "How many jobs run at the same time."),
    SettingSpec("stall_timeout_s", "STORYCLIP_STALL_TIMEOUT", _positive_float, lambda d: 60.0,
                "Seconds without any output from ffmpeg before the job is stopped as stalled."),
    SettingSpec("default_quality", "STORYCLIP_QUALITY", str, lambda d: "medium",
                "Quality used when a job does not say: low, medium or high."),
    SettingSpec("default_encoder", "STORYCLIP_ENCODER", _encoder, lambda d: "auto",
                "H.264 encoder used when a job does not say: auto (the first hardware encoder "
                "that really works here, else x264), x264, nvenc, vaapi, qsv or videotoolbox. "
                "A hardware encoder that fails falls back to x264 (docs/encoders.md)."),
    SettingSpec("default_clip_seconds", "STORYCLIP_CLIP_SECONDS", _positive_float, lambda d: 15.0,
                "Clip length used when a job does not say."),
    SettingSpec("auto_resume", "STORYCLIP_AUTO_RESUME", _bool, lambda d: True,
                "Re-queue interrupted jobs at start-up (clips already verified are kept)."),
    SettingSpec("history_retention_days", "STORYCLIP_HISTORY_RETENTION_DAYS", _non_negative_float,
                lambda d: 0.0, "Forget finished jobs older than this many days at start-up "
                "(0: keep the whole history). Output clips are never deleted."),
    SettingSpec("finished_display_s", "STORYCLIP_FINISHED_DISPLAY", _non_negative_float,
                lambda d: 3600.0, "Seconds a finished job stays in the active job list before "
                "it is only in the history (0: leave at once)."),
    SettingSpec("server_host", "STORYCLIP_SERVER_HOST", str, lambda d: "127.0.0.1",
                "Address the observer server binds to. Anything but loopback exposes the API to "
                "the network (a warning is logged)."),
    SettingSpec("server_port", "STORYCLIP_SERVER_PORT", _port, lambda d: 8765,
                "Port of the observer server (REST, WebSocket, dashboard); 0: any free port."),
    SettingSpec("server_allowed_origins", "STORYCLIP_ALLOWED_ORIGINS", _comma_list, lambda d: "",
                "Comma-separated web origins (e.g. http://localhost:3000) allowed to call the "
                "server from a browser, besides the server's own dashboard."),
    SettingSpec("server_allowed_hosts", "STORYCLIP_ALLOWED_HOSTS", _comma_list, lambda d: "",
                "Comma-separated extra Host names the server answers to (loopback names always)."),
    SettingSpec("server_max_connections", "STORYCLIP_MAX_CONNECTIONS", _positive_int,
                lambda d: 2000, "Most WebSocket connections the server accepts at once."),
    SettingSpec("max_queued_jobs", "STORYCLIP_MAX_QUEUED_JOBS", _positive_int, lambda d: 10000,
                "Most jobs waiting in the queue; the server answers further submissions with "
                "429 and Retry-After."),
    SettingSpec("executor", "STORYCLIP_EXECUTOR", _executor, lambda d: "local",
                "Where clips are rendered: local (this machine) or dask (every clip is a task "
                "on a Dask cluster; see docs/scale-out.md)."),
    SettingSpec("dask_scheduler", "STORYCLIP_DASK_SCHEDULER", _scheduler_address,
                lambda d: "tcp://127.0.0.1:8786",
                "Address of the Dask scheduler the dask executor sends clips to."),
    SettingSpec("dask_fallback_local", "STORYCLIP_DASK_FALLBACK_LOCAL", _bool, lambda d: False,
                "When the Dask scheduler cannot be reached, render on this machine instead of "
                "waiting for it."),
    SettingSpec("when_done", "STORYCLIP_WHEN_DONE", _when_done, lambda d: "nothing",
                "When the queue is done: nothing, command (run the command below), sleep or "
                "shutdown (after a countdown that can be cancelled)."),
    SettingSpec("when_done_command", "STORYCLIP_WHEN_DONE_COMMAND", str, lambda d: "",
                "The command run when the queue is done (split like a shell does, no shell); "
                "it reads the queue's results as JSON on its standard input."),
    SettingSpec("when_done_countdown_s", "STORYCLIP_WHEN_DONE_COUNTDOWN", _non_negative_int,
                lambda d: 60, "Seconds to cancel before sleeping or shutting down."),
    SettingSpec("when_done_command_timeout_s", "STORYCLIP_WHEN_DONE_TIMEOUT", _positive_float,
                lambda d: 600.0, "Seconds the when-done command may run before it is stopped."),
    SettingSpec("keep_awake", "STORYCLIP_KEEP_AWAKE", _bool, lambda d: True,
                "Keep the computer awake (no sleep, no idle suspend) while jobs run."),
    SettingSpec("webhook_drain_s", "STORYCLIP_WEBHOOK_DRAIN", _non_negative_float,
                lambda d: 10.0, "Seconds a terminal run (storyclip process, resume) waits at its "
                "end for webhook deliveries to go out (0: do not wait); what is left goes out at "
                "the next start."),
)  # fmt: skip


# applied while the app runs (app.Engine.apply_settings); the others apply at the next start
LIVE_SETTINGS = frozenset({
    "output_dir", "temp_dir", "monitoring_interval_ms", "concurrency", "stall_timeout_s",
    "finished_display_s", "when_done", "when_done_command", "when_done_countdown_s",
    "when_done_command_timeout_s", "keep_awake",
    "webhook_drain_s",  # read by each terminal run as it ends: the next one takes it
})  # fmt: skip


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    output_dir: Path
    temp_dir: Path
    monitoring_interval_ms: int
    ffmpeg: str | None
    concurrency: int
    stall_timeout_s: float
    default_quality: str
    default_encoder: str
    default_clip_seconds: float
    auto_resume: bool
    history_retention_days: float
    finished_display_s: float
    server_host: str
    server_port: int
    server_allowed_origins: str
    server_allowed_hosts: str
    server_max_connections: int
    max_queued_jobs: int
    executor: str
    dask_scheduler: str
    dask_fallback_local: bool
    when_done: str
    when_done_command: str
    when_done_countdown_s: int
    when_done_command_timeout_s: float
    keep_awake: bool
    webhook_drain_s: float

    @property
    def settings_file(self) -> Path:
        return self.data_dir / "settings.json"

    @property
    def monitoring_interval(self) -> float:
        return self.monitoring_interval_ms / 1000.0

    def to_dict(self) -> dict[str, Any]:
        return {f.name: (str(v) if isinstance(v := getattr(self, f.name), Path) else v)
                for f in fields(self)}  # fmt: skip


def save_changes(before: Settings, after: Settings) -> list[str]:
    """Write to settings.json only the settings a person changed from `before` (what the
    window showed), keeping the file's other entries: values that came from the environment
    or the command line are never written, and a round trip with no change writes nothing.
    Returns the names written."""
    old, new = before.to_dict(), after.to_dict()
    changed = [k for k in new if k != "data_dir" and new[k] != old.get(k)]
    if not changed:
        return []
    path = after.settings_file
    data = _read_settings_file(path)
    data.update({k: new[k] for k in changed})
    after.data_dir.mkdir(parents=True, exist_ok=True)
    temp = path.with_suffix(".json.part")
    temp.write_text(json.dumps(data, indent=2), "utf-8")
    os.replace(temp, path)
    return changed


def default_data_dir(env: Mapping[str, str]) -> Path:
    if env.get("STORYCLIP_DATA_DIR"):
        return _path(env["STORYCLIP_DATA_DIR"])
    return Path(platformdirs.user_data_dir(APP_NAME))


def load_settings(
    env: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
    data_dir: Path | None = None,
) -> Settings:
    """Resolve every setting: defaults < settings file < environment < overrides (CLI)."""
    env = os.environ if env is None else env
    overrides = {k: v for k, v in (overrides or {}).items() if v is not None}
    data_dir = _path(overrides.pop("data_dir", None) or data_dir or default_data_dir(env))
    from_file = _read_settings_file(data_dir / "settings.json")
    values: dict[str, Any] = {"data_dir": data_dir}
    for spec in SETTINGS:
        value, origin = spec.default(data_dir), "default"
        if spec.name in from_file:
            value, origin = from_file[spec.name], "settings.json"
        if spec.env and env.get(spec.env, "") != "":
            value, origin = env[spec.env], f"${spec.env}"
        if spec.name in overrides:
            value, origin = overrides[spec.name], "command line"
        try:
            values[spec.name] = spec.kind(value) if value is not None else None
        except (TypeError, ValueError) as exc:
            raise SettingsError(f"Setting {spec.name} from {origin}: {exc}") from None
    check_token(env)
    return Settings(**values)


def check_token(env: Mapping[str, str]) -> None:
    """$STORYCLIP_TOKEN, when set, must be as strong as the generated token (32 random bytes):
    a weak one is refused with a message, never accepted silently. It is not a setting (it is
    never written to settings.json or shown in the settings dialog)."""
    token = env.get("STORYCLIP_TOKEN", "").strip()
    if not token:
        return
    from storyclip_gui.core.tokens import weak_token_message

    message = weak_token_message(token)
    if message is not None:
        raise SettingsError(message)


def _read_settings_file(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("Ignoring unreadable settings file %s: %s", path, exc)
        return {}
    if not isinstance(data, dict):
        log.warning("Ignoring settings file %s: not a JSON object", path)
        return {}
    return data


def with_overrides(settings: Settings, **changes: Any) -> Settings:
    return replace(settings, **changes)
