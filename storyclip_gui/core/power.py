"""Sleep and shut down this computer, per platform, through the Runner (the one real seam)."""

from __future__ import annotations

import shlex
import sys

from storyclip_gui.core.ports import Runner

# logind does the work on Linux; systemctl asks it (polkit lets the seat's user do it)
_ARGV: dict[tuple[str, str], list[str]] = {
    ("linux", "sleep"): ["systemctl", "suspend"],
    ("linux", "shutdown"): ["systemctl", "poweroff"],
    ("darwin", "sleep"): ["pmset", "sleepnow"],
    ("darwin", "shutdown"): ["osascript", "-e", 'tell app "System Events" to shut down'],
    ("win32", "sleep"): ["rundll32.exe", "powrprof.dll,SetSuspendState", "0,1,0"],
    ("win32", "shutdown"): ["shutdown", "/s", "/t", "0"],
}


def platform_key(platform: str = sys.platform) -> str:
    return "linux" if platform.startswith("linux") else platform


def power_argv(action: str, platform: str = sys.platform) -> list[str] | None:
    """The command that sleeps or shuts down on `platform`, or None where there is none."""
    argv = _ARGV.get((platform_key(platform), action))
    return list(argv) if argv is not None else None


class RunnerPower:
    """The real Power: runs the platform's command (tests use a recording Power instead)."""

    def __init__(self, runner: Runner, platform: str = sys.platform,
                 dry_run: bool = False) -> None:  # fmt: skip
        self.runner = runner
        self.platform = platform
        self.dry_run = dry_run  # $STORYCLIP_POWER_DRY_RUN: say the command, do not run it

    async def perform(self, action: str) -> str | None:
        argv = power_argv(action, self.platform)
        if argv is None:
            return f"no way to do it on this system ({self.platform})"
        if self.dry_run:
            return f"dry run ($STORYCLIP_POWER_DRY_RUN): {shlex.join(argv)} was not run"
        outcome = await self.runner.run(argv)
        if outcome.ok:
            return None
        detail = outcome.stderr_tail.strip().splitlines()[-1:] or [""]
        return f"{argv[0]} {outcome}" + (f": {detail[0]}" if detail[0] else "")
