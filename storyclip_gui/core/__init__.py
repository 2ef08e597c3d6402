"""The engine's pure-Python core: jobs, options, planning, ffmpeg commands, events, scheduling."""
