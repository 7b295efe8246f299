"""The web app: FastAPI, server-rendered Jinja2 and htmx."""
