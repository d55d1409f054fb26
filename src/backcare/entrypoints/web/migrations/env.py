"""Alembic environment of the web layer's tables (accounts, sessions, login failures, secret).

A separate chain with its own version table, run after the storage migrations by
``backcare.entrypoints.web.db.migrate_web`` on a connection it hands over; no alembic.ini, no logging set-up.
"""

from __future__ import annotations

from alembic import context

from backcare.entrypoints.web.tables import VERSION_TABLE, metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("the backcare web migrations run only through backcare.entrypoints.web.db.migrate_web")
context.configure(
    connection=connection,
    target_metadata=metadata,
    version_table=VERSION_TABLE,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
