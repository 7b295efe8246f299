"""The JSON shapes the CLI's ``--json`` and the web API both print, one module per area, so the
two cannot drift apart (records with an ``as_dict()`` of their own keep it there)."""
