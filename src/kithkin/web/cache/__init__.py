"""Pages kept in the web process (``store``) and answered before routing (``fast_path``)."""
