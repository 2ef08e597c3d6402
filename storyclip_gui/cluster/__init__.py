"""Dask distributed adapter: renders clips on a cluster's workers (core's ClipExecutor port)."""
