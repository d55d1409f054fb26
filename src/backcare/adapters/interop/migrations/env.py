"""Alembic environment of the interop tables (CDS Hooks feedback).

A separate chain with its own version table, run by ``backcare.adapters.interop.store.migrate`` on a
connection it hands over; no alembic.ini, no logging set-up.
"""

from __future__ import annotations

from alembic import context

from backcare.adapters.interop.store import VERSION_TABLE, metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("the backcare interop migrations run only through backcare.adapters.interop.store.migrate")
context.configure(
    connection=connection,
    target_metadata=metadata,
    version_table=VERSION_TABLE,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
