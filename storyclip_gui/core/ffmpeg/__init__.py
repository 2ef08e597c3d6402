"""ffmpeg: locating the binaries, building argv, parsing progress, classifying failures."""
