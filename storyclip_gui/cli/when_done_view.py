"""The when-done action in the terminal: the countdown (now and then) and the result, as lines."""

from __future__ import annotations

from collections.abc import Callable

from storyclip_gui.core.events import EngineEvent, EventBus, WhenDoneChanged


class WhenDoneLines:
    """Says the countdown's start, every ten seconds, its last five, and how it ended."""

    def __init__(self, bus: EventBus, say: Callable[[str], None]) -> None:
        self.say = say
        self.unsubscribe = bus.subscribe_engine(self._on_engine_event)
        self._counting = False

    def _on_engine_event(self, event: EngineEvent) -> None:
        if not isinstance(event, WhenDoneChanged):
            return
        state = event.state
        verb = "Going to sleep" if state.action == "sleep" else "Shutting down"
        if state.phase == "countdown" and state.remaining is not None:
            if not self._counting:
                self.say(f"The queue is done. {verb} in {state.remaining} s: press Ctrl+C to "
                         "cancel.")  # fmt: skip
            elif state.remaining <= 5 or state.remaining % 10 == 0:
                self.say(f"{verb} in {state.remaining} s…")
            self._counting = True
            return
        self._counting = False
        if state.message and (state.phase == "idle" or state.action != "command"):
            self.say(state.message)
