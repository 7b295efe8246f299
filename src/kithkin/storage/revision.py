"""The schema revision this version of kithkin expects (the newest migration's).

A module of its own, importing nothing: the lean reader checks it without loading SQLAlchemy.
"""

HEAD = "0015"
