"""The storage adapter: SQLAlchemy Core tables, repositories, the unit of work, and Alembic."""
