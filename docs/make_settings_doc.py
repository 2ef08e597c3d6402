"""Generate docs/settings.md from config.SETTINGS: `python docs/make_settings_doc.py`."""

# ruff: noqa: E501  (markdown table rows are one line each)
from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from storyclip_gui.config import SETTINGS, SettingSpec, default_data_dir

OUTPUT = Path(__file__).with_name("settings.md")
EXAMPLE_HOME = "/home/you"
# defaults that depend on the machine rather than on a file or the environment
MACHINE_DEFAULTS = {"concurrency": "half the CPU cores, from 1 to 4"}
KINDS = {
    "_path": "folder",
    "_positive_int": "whole number ≥ 1",
    "_positive_float": "number > 0",
    "_non_negative_float": "number ≥ 0",
    "_non_negative_int": "whole number ≥ 0",
    "_when_done": "nothing, command, sleep or shutdown",
    "_optional_str": "path or empty",
    "_bool": "true/false",
    "_port": "port 0–65535",
    "_comma_list": "comma-separated list",
    "str": "text",
}

HEADER = """\
# Settings reference

<!-- Generated from storyclip_gui/config.py (SETTINGS) by docs/make_settings_doc.py; do not
edit by hand: tests/packaging/test_docs.py fails when this file is out of date. -->

Every setting is resolved in this order, the later winning:
**default < `settings.json` in the data folder < environment variable < command line**.
The window's *Settings…* dialog edits the same list and saves to `settings.json` only what
you changed in it (a value that came from the environment or the command line is never
written); the story options panel on the left of the window (clip length, layout, size,
quality, output folder) is remembered separately, per window.

The dialog applies these at once: `output_dir`, `temp_dir`, `monitoring_interval_ms`,
`concurrency`, `stall_timeout_s`, `finished_display_s` (a running job keeps the working folder
and stall timeout it started with), and the when-done and keep-awake settings (`when_done`,
`when_done_command`, `when_done_countdown_s`, `when_done_command_timeout_s`, `keep_awake`;
changing `when_done` during a countdown cancels it). The others, marked `*` in the dialog,
apply at the next start. `when_done` and `when_done_countdown_s` can also be chosen over REST
(`PUT /api/v1/when-done`, docs/api.md), which saves them here; `when_done_command` is set on
this computer only (the dialog or this file): no client can choose what runs here. A history retention (`history_retention_days` above 0) deletes history: the dialog
says how many jobs it will delete and from when, and asks first; at start-up the app says what
it forgot (log, window notice, `serve`'s output).

Paths are shown for Linux; `~` is your home folder. On macOS and Windows the folders follow the
platform's conventions (`platformdirs`).

"""

FOOTER = """
## Other environment variables

| Environment | Meaning |
|---|---|
| `STORYCLIP_DATA_DIR` | The data folder (default `{data_dir}`): the job history `storyclip.db`, `settings.json`, the server token `server-token`, `window.ini`, thumbnails. `--data-dir` on the command line wins. |
| `STORYCLIP_TOKEN` | The observer server's token, instead of the one stored in `server-token` (see docs/api.md). |
| `STORYCLIP_POWER_DRY_RUN` | `1`: when the queue is done, the sleep or shutdown countdown runs as usual but the command that would sleep or shut down is only named (window, terminal, API), not run. The tests set it. |
| `QT_QPA_PLATFORM` | Qt's display plugin; `offscreen` runs the window without a screen (tests, screenshots). |
| `IMAGEIO_FFMPEG_EXE` | Used by imageio-ffmpeg when it looks for its own ffmpeg (prefer `STORYCLIP_FFMPEG`). |

## Example `settings.json`

```json
{{
  "output_dir": "{home}/Stories",
  "concurrency": 2,
  "default_quality": "high",
  "server_port": 9000
}}
```
"""


@contextmanager
def _example_home() -> Iterator[None]:
    """platformdirs answers from $HOME and $XDG_*: compute the defaults for a plain account."""
    saved = dict(os.environ)
    try:
        for name in list(os.environ):
            if name.startswith("XDG_") or name in ("STORYCLIP_DATA_DIR",):
                del os.environ[name]
        os.environ["HOME"] = EXAMPLE_HOME
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def _shown(value: Any) -> str:
    text = str(value)
    if text.startswith(EXAMPLE_HOME):
        text = "~" + text[len(EXAMPLE_HOME) :]
    if value is None or text == "":
        return "(empty)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return text


def _default(spec: SettingSpec, data_dir: Path) -> str:
    if spec.name in MACHINE_DEFAULTS:
        return MACHINE_DEFAULTS[spec.name]
    shown = _shown(spec.default(data_dir))
    return shown if shown == "(empty)" else f"`{shown}`"


def render() -> str:
    """The whole of docs/settings.md (the same on every machine)."""
    with _example_home():
        data_dir = default_data_dir({})
        rows = [
            "| Setting (`settings.json` key) | Environment | Type | Default | Meaning |",
            "|---|---|---|---|---|",
        ]
        for spec in SETTINGS:
            kind = KINDS.get(getattr(spec.kind, "__name__", ""), "text")
            env = f"`{spec.env}`" if spec.env else "—"
            meaning = spec.description.replace("|", "\\|")
            rows.append(
                f"| `{spec.name}` | {env} | {kind} | {_default(spec, data_dir)} | {meaning} |"
            )
        footer = FOOTER.format(data_dir=_shown(data_dir), home=EXAMPLE_HOME)
    return HEADER + "## Settings\n\n" + "\n".join(rows) + "\n" + footer


def main() -> int:
    OUTPUT.write_text(render(), "utf-8")
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
