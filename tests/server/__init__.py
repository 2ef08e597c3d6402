"""Tests of the observer server (server/)."""
