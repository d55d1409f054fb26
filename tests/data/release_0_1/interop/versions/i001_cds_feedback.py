"""CDS Hooks feedback on cards.

Revision ID: i001
Revises:
Create Date: 2026-12-02

Spelled out in full (no import of ``interop.store``) so later changes there cannot change what
this revision creates.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "i001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_T = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "interop_cds_feedback",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("service_id", sa.String(64), nullable=False),
        sa.Column("card", sa.String(200), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("accepted_suggestions", sa.Text(), nullable=False),
        sa.Column("override_reason", sa.Text(), nullable=True),
        sa.Column("outcome_timestamp", UTC_T, nullable=False),
        sa.Column("received_at", UTC_T, nullable=False),
    )
    op.create_index("ix_interop_cds_feedback_card", "interop_cds_feedback", ["card"])


def downgrade() -> None:
    op.drop_index("ix_interop_cds_feedback_card", table_name="interop_cds_feedback")
    op.drop_table("interop_cds_feedback")
