"""What the terminal prints for the when-done action (process and serve share it)."""

from __future__ import annotations

from storyclip_gui.cli.when_done_view import WhenDoneLines
from storyclip_gui.core.events import EventBus, WhenDoneChanged, WhenDoneState


def test_the_countdown_is_said_at_start_every_ten_seconds_and_at_the_end() -> None:
    bus, lines = EventBus(), []
    WhenDoneLines(bus, lines.append)
    for remaining in range(30, 0, -1):
        bus.announce(WhenDoneChanged(WhenDoneState("shutdown", "countdown", remaining)))
    bus.announce(WhenDoneChanged(WhenDoneState("shutdown", message="Shutdown cancelled.",
                                               ok=True)))  # fmt: skip
    assert lines == [
        "The queue is done. Shutting down in 30 s: press Ctrl+C to cancel.",
        "Shutting down in 20 s…", "Shutting down in 10 s…",
        *(f"Shutting down in {n} s…" for n in range(5, 0, -1)),
        "Shutdown cancelled.",
    ]  # fmt: skip


def test_a_command_says_its_result_once() -> None:
    bus, lines = EventBus(), []
    WhenDoneLines(bus, lines.append)
    bus.announce(WhenDoneChanged(WhenDoneState("command", "running", message="Running x…")))
    bus.announce(WhenDoneChanged(WhenDoneState("command", message="The command x exited with "
                                               "status 3.", ok=False)))  # fmt: skip
    assert lines == ["The command x exited with status 3."]
