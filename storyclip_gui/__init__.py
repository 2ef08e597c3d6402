"""StoryClip Studio: cut long videos into vertical story clips and watch every job live."""

__version__ = "0.1.0"
