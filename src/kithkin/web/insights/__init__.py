"""Insights, the connection experiment and the questionnaires (assess)."""
