"""The web interface: FastAPI + Jinja2 + htmx pages and a JSON API, over the same services."""
