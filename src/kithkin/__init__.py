"""kithkin: a daily coach for the relationships that protect your mental health."""

__version__ = "0.1.0"
