"""A window of the diary: the last days only, the baseline still the episode's start, and paging back."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backcare.adapters.storage import open_store
from backcare.adapters.storage.orm import EntryRow
from backcare.adapters.storage.row_conversion import entry_values
from backcare.core.diary import DiaryEntry, ExerciseDone
from backcare.core.models import PegResult, RmdqResult
from backcare.entrypoints.cli import app
from backcare.services.diary import Window, diary_view

TZ = "UTC"
FIRST = dt.date(2026, 1, 1)
DAYS = 200


def entries(episode_id: str) -> list[DiaryEntry]:
    """One entry a day for ``DAYS`` days, pain easing; a PEG on day 3 and an RMDQ on day 5 only."""
    return [
        DiaryEntry(
            date=FIRST + dt.timedelta(days=n),
            recorded_at=dt.datetime(2026, 1, 1, 9, tzinfo=dt.UTC) + dt.timedelta(days=n),
            timezone=TZ,
            pain=max(1, 8 - n // 30),
            peg=PegResult(score=6.0, items=(6, 6, 6)) if n == 2 else None,
            rmdq=RmdqResult(score=9, ticked=list(range(1, 10))) if n == 4 else None,
            exercises=(ExerciseDone(id="walking", repetitions=1),),
            episode_id=episode_id,
        )
        for n in range(DAYS)
    ]


@pytest.fixture
def diary(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'backcare.db'}"
    with open_store(url) as store:
        with store.unit_of_work() as uow:
            episode = uow.diary.start_episode(FIRST, TZ)
            uow.commit()
        with store.unit_of_work() as uow:
            uow.diary.add_entries(entries(episode.id), TZ)
            uow.commit()
    return url


def test_a_window_reads_its_days_with_the_episodes_own_baseline(diary: str) -> None:
    with open_store(diary) as store:
        whole = diary_view(store)
        last90 = diary_view(store, window=Window(90))
    assert len(whole.entries) == DAYS and len(last90.entries) == 90
    assert last90.entries[-1].date == whole.entries[-1].date
    assert last90.trend.baseline == whole.trend.baseline  # from the first days, outside the window
    assert last90.trend.baseline is not None and last90.trend.baseline.peg == 6.0
    assert last90.trend.baseline.rmdq == 9 and last90.trend.baseline.date == FIRST
    assert [r.date for r in last90.trend.rows] == [r.date for r in whole.trend.rows][-90:]


def test_paging_back_with_until(diary: str) -> None:
    until = FIRST + dt.timedelta(days=59)
    with open_store(diary) as store:
        page = diary_view(store, window=Window(30, until))
    assert [e.date for e in page.entries] == [FIRST + dt.timedelta(days=n) for n in range(30, 60)]


def test_an_empty_diary_has_an_empty_window(tmp_path: Path) -> None:
    with open_store(f"sqlite:///{tmp_path / 'empty.db'}") as store:
        view = diary_view(store, window=Window(90))
    assert view.entries == [] and view.trend.rows == []


def test_inserted_values_cover_every_column() -> None:
    values = entry_values(entries("e" * 36)[2], "p")
    assert set(values) == {c.key for c in EntryRow.__table__.columns}


def test_diary_show_defaults_to_90_days_and_pages(diary: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BACKCARE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("BACKCARE_DATABASE_URL", raising=False)
    runner = CliRunner()

    def rows(*args: str) -> list[str]:
        result = runner.invoke(app, ["diary", "show", "--format", "json", *args])
        assert result.exit_code == 0, result.output
        return [r["date"] for r in json.loads(result.stdout)["rows"]]

    assert len(rows()) == 90
    assert len(rows("--all")) == DAYS
    assert rows("--days", "7", "--until", "2026-01-10") == [f"2026-01-{d:02d}" for d in range(4, 11)]
    table = runner.invoke(app, ["diary", "show", "--days", "3"])
    assert table.exit_code == 0 and table.stdout.count("2026-07-") == 3
