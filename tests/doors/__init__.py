"""Tests that drive every door (window, terminal, REST) against one table of cases."""
