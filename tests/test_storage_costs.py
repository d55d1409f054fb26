"""Costs that stay flat: the latest assessment, the diary and the trend load only what they show."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from backcare.adapters.storage import AssessmentRecord, open_store
from backcare.knowledge.schema import Disposition
from backcare.services.diary import diary_view


def snapshot(episode_id: str, at: dt.datetime, kind: str = "assessment") -> AssessmentRecord:
    return AssessmentRecord(
        id=str(uuid.uuid4()),
        episode_id=episode_id,
        kind=kind,
        created_at=at,
        timezone="UTC",
        knowledge_version="test",
        disposition=Disposition.self_care,
        inputs={"answers": {}},
        outputs={"scores": {"nrs": 5}, "padding": "x" * 2_000},
    )


def test_reading_the_latest_assessment_loads_one_row(sqlite_url: str) -> None:
    loaded: Counter[str] = Counter()

    def count(session: Session, instance: object) -> None:
        loaded[type(instance).__name__] += 1

    start = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
    with open_store(sqlite_url) as store:
        with store.unit_of_work() as uow:
            episode = uow.diary.start_episode(dt.date(2026, 11, 1), "UTC")
            for i in range(200):
                uow.diary.add_assessment(snapshot(episode.id, start + dt.timedelta(minutes=i), kind="assessment"))
                uow.diary.add_assessment(snapshot(episode.id, start + dt.timedelta(minutes=i), kind="retriage"))
            uow.commit()
        event.listen(Session, "loaded_as_persistent", count)
        try:
            with store.unit_of_work(write=False) as uow:
                latest = uow.diary.latest_assessment("assessment", episode.id)
            assert latest is not None and latest.created_at == start + dt.timedelta(minutes=199)
            assert loaded["AssessmentRow"] == 1, loaded
            loaded.clear()
            view = diary_view(store)
            assert view.trend is not None
            assert loaded["AssessmentRow"] <= 1 and loaded["PlanRow"] <= 1, loaded
        finally:
            event.remove(Session, "loaded_as_persistent", count)
        with store.engine.connect() as conn:
            names = {ix["name"] for ix in inspect(conn).get_indexes("assessment")}
        assert {"ix_assessment_latest", "ix_assessment_episode_latest"} <= names
