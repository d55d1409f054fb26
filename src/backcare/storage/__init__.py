"""Persistent storage for the diary, assessments and plans (SQLAlchemy 2, Alembic migrations).

Use ``open_store()`` and a unit of work::

    store = open_store()                    # SQLite in the user's data dir, or BACKCARE_DATABASE_URL
    with store.unit_of_work() as uow:
        uow.diary.add_entry(entry)
        uow.commit()

``record_assessment`` is the one call an assessment front end needs to keep a snapshot (inputs,
outputs, knowledge-base version, time) and its plan.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path

from backcare.models import Assessment
from backcare.storage.engine import NoDatabase, StorageError, database_url, describe, sqlite_path
from backcare.storage.repository import (
    DiaryRepository,
    ImportConflict,
    ImportSummary,
    Store,
    UnitOfWork,
    open_store,
    utc_now,
)
from backcare.storage.transfer import AssessmentRecord, ExportDocument, PlanRecord, TransferError

__all__ = [
    "AssessmentRecord",
    "DiaryRepository",
    "ExportDocument",
    "ImportConflict",
    "ImportSummary",
    "NoDatabase",
    "PlanRecord",
    "StorageError",
    "Store",
    "TransferError",
    "UnitOfWork",
    "database_url",
    "describe",
    "open_store",
    "record_assessment",
    "sqlite_path",
    "user_timezone",
    "utc_now",
]


def user_timezone(env: Mapping[str, str] | None = None) -> str:
    """The person's IANA time zone: ``BACKCARE_TZ``, ``TZ``, the system zone, else UTC."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    env = os.environ if env is None else env
    candidates = [env.get("BACKCARE_TZ", ""), env.get("TZ", "").lstrip(":")]
    try:
        link = os.readlink("/etc/localtime")
        if "zoneinfo/" in link:
            candidates.append(link.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    with contextlib.suppress(OSError):
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    for name in candidates:
        if not name:
            continue
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            continue
        return name
    return "UTC"


def record_assessment(
    store: Store,
    assessment: Assessment,
    inputs: Mapping[str, object],
    timezone: str,
    today: dt.date,
    kind: str = "assessment",
) -> str:
    """Save an assessment snapshot (and its plan) in the person's current episode; returns its id.

    The episode is started if none is active, its onset taken from the assessment's
    ``days_since_onset`` finding (from answers or text) when known, else ``today``.
    """
    import json
    import uuid

    onset = today
    days = next((f.value for f in assessment.findings if f.id == "days_since_onset"), None)
    if isinstance(days, int) and not isinstance(days, bool) and days >= 0:
        onset = today - dt.timedelta(days=days)
    with store.unit_of_work() as uow:
        episode = uow.diary.ensure_episode(onset, timezone)
        now = store.now()
        record = AssessmentRecord(
            id=str(uuid.uuid4()),
            episode_id=episode.id,
            kind="retriage" if kind == "retriage" else "assessment",
            created_at=now,
            timezone=timezone,
            knowledge_version=assessment.knowledge_version[:64],
            disposition=assessment.disposition,
            inputs=json.loads(json.dumps(dict(inputs), default=str)),
            outputs=json.loads(assessment.to_json()),
        )
        uow.diary.add_assessment(record)
        if assessment.plan is not None and kind == "assessment":
            uow.diary.add_plan(
                PlanRecord(
                    id=str(uuid.uuid4()),
                    episode_id=episode.id,
                    assessment_id=record.id,
                    created_at=now,
                    timezone=timezone,
                    start_date=today,
                    knowledge_version=assessment.knowledge_version[:64],
                    content=json.loads(assessment.plan.model_dump_json()),
                )
            )
        uow.commit()
    return record.id
