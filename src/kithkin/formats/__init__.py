"""Adapters between kithkin's records and other programs' files: text in, records out."""
