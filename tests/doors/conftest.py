"""The window's fixtures (a running qasync loop, an engine, make_window) for the door tests."""

from tests.ui.conftest import engine, make_window, qloop

__all__ = ["engine", "make_window", "qloop"]
