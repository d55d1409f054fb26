"""The CDS Hooks service's one table: feedback on its cards (``interop_cds_feedback``).

It lives beside the other tables in the same database, with its own Alembic chain (version
table ``backcare_interop_version``), so neither the storage schema nor the web tables change.
It holds no one's health records: only which card (by uuid) a clinician accepted or overrode.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import Column, Engine, MetaData, String, Table, Text, insert, text

from backcare.adapters.storage.orm import UTCDateTime

if TYPE_CHECKING:
    from backcare.adapters.interop.cds_feedback import Feedback

VERSION_TABLE = "backcare_interop_version"
metadata = MetaData()

feedback = Table(
    "interop_cds_feedback",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("service_id", String(64), nullable=False),
    Column("card", String(200), nullable=False, index=True),
    Column("outcome", String(16), nullable=False),
    Column("accepted_suggestions", Text(), nullable=False),
    Column("override_reason", Text(), nullable=True),
    Column("outcome_timestamp", UTCDateTime(), nullable=False),
    Column("received_at", UTCDateTime(), nullable=False),
)


def migrate(engine: Engine) -> None:
    """Bring the interop tables to the newest revision (run at app start, like the web tables)."""
    from alembic import command
    from alembic.config import Config

    from backcare.adapters.storage.engine import PG_LOCK_KEY

    cfg = Config()
    cfg.set_main_option("script_location", "backcare.adapters.interop:migrations")
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_LOCK_KEY})
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def store_feedback(engine: Engine, service_id: str, items: Sequence[Feedback]) -> int:
    now = dt.datetime.now(dt.UTC)
    rows = [
        {
            "id": str(uuid.uuid4()),
            "service_id": service_id,
            "card": f.card,
            "outcome": f.outcome,
            "accepted_suggestions": json.dumps(f.accepted_suggestions),
            "override_reason": json.dumps(f.override_reason) if f.override_reason is not None else None,
            "outcome_timestamp": f.outcome_timestamp,
            "received_at": now,
        }
        for f in items
    ]
    with engine.begin() as conn:
        conn.execute(insert(feedback), rows)
    return len(rows)
