"""The CDS Hooks service's feedback on its cards joins the one schema and its one chain.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-09

Until this revision the table had a migration chain of its own (version table
``backcare_interop_version``), run only when the app started in multi-user mode. A database that
has the table keeps it and every row; one that lacks it gets it. The old chain's version table is
dropped. Spelled out in full, like every revision.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_T = sa.DateTime(timezone=True)
TABLE = "interop_cds_feedback"
INDEX = "ix_interop_cds_feedback_card"
OLD_VERSION_TABLE = "backcare_interop_version"


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    present = set(inspector.get_table_names())
    if TABLE not in present:
        op.create_table(
            TABLE,
            sa.Column("id", sa.String(36), primary_key=True),
            sa.Column("service_id", sa.String(64), nullable=False),
            sa.Column("card", sa.String(200), nullable=False),
            sa.Column("outcome", sa.String(16), nullable=False),
            sa.Column("accepted_suggestions", sa.Text(), nullable=False),
            sa.Column("override_reason", sa.Text(), nullable=True),
            sa.Column("outcome_timestamp", UTC_T, nullable=False),
            sa.Column("received_at", UTC_T, nullable=False),
        )
    if TABLE not in present or INDEX not in {ix["name"] for ix in inspector.get_indexes(TABLE)}:
        op.create_index(INDEX, TABLE, ["card"])
    if OLD_VERSION_TABLE in present:
        op.drop_table(OLD_VERSION_TABLE)


def downgrade() -> None:
    op.drop_index(INDEX, table_name=TABLE)
    op.drop_table(TABLE)
