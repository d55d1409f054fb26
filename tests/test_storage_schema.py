"""The one migration chain creates exactly the tables the ORM declares (no drift between the two)."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from backcare.adapters.storage import open_store
from backcare.adapters.storage.orm import Base


def test_the_migrations_match_the_models(db_url: str) -> None:
    open_store(db_url).close()
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()
