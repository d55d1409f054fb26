"""Alembic environment of release 0.1's storage chain (version table ``alembic_version``), as shipped.

Only the connection hand-over is kept: the upgrade test runs the chain on a connection it opens.
"""

from __future__ import annotations

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None, render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
