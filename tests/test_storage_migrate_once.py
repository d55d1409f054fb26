"""Alembic runs once per process: a database already at the newest revision is opened with one SELECT."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from backcare.adapters.storage import engine as storage_engine


def test_second_open_of_a_current_database_skips_alembic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'a.db'}"
    storage_engine.open_engine(url).dispose()  # the head revision is known from here on
    runs: list[object] = []
    real = storage_engine._upgrade
    monkeypatch.setattr(storage_engine, "_upgrade", lambda e: (runs.append(e), real(e)))
    storage_engine.open_engine(url).dispose()
    assert runs == []
    fresh = storage_engine.open_engine(f"sqlite:///{tmp_path / 'b.db'}")  # a new database still migrates
    with fresh.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == storage_engine._HEAD[0]
    fresh.dispose()
    assert len(runs) == 1


def test_the_file_naming_rule_names_alembics_own_head() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", "backcare.adapters.storage:migrations")
    scripts = ScriptDirectory.from_config(cfg)
    assert scripts.get_heads() == [storage_engine.shipped_head()]
    for script in scripts.walk_revisions():
        assert Path(script.path).name.startswith(f"{script.revision}_")


def test_a_database_at_the_shipped_head_opens_without_alembic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    storage_engine.open_engine(url).dispose()
    monkeypatch.setattr(storage_engine, "_HEAD", [])  # as in a new process
    monkeypatch.setattr(storage_engine, "_upgrade", lambda e: pytest.fail("alembic ran"))
    storage_engine.open_engine(url).dispose()
