"""The desktop window (QtWidgets): imports core and the runner's Qt bridge, nothing else."""
