"""Hosted mode's accounts in the web (#16): log in and out, sign-up, Settings > Account."""
