"""Terminal front end: live progress for `process`, the `doctor` report."""
