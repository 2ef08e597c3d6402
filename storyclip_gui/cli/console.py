"""Rich consoles for the terminal front end: a pipe or a file gets whole lines, never 80 columns."""

from __future__ import annotations

from rich.console import Console

UNLIMITED = 100_000  # columns: wide enough that a table is never cut, as wide as it needs


def output_console(stderr: bool = False) -> Console:
    """A terminal gets tables fitted to its width. Written to a pipe or a file, where rich
    would assume 80 columns and cut or wrap ids, paths and messages, nothing is cut."""
    console = Console(stderr=stderr)
    if console.is_terminal:
        return console
    return Console(stderr=stderr, width=UNLIMITED, soft_wrap=True)
