"""Assessments kept in a person's records: save, read back, list and delete, shared by the command line and the web.

Every function works on one profile: ``profile_id`` (a web account's profile, or the local
profile the web app looked up), else the local person's profile named ``default``. A saved
assessment is a snapshot (what went in, what came out and which knowledge base said so), so it
reads back the same after the knowledge base changes. The web's step-by-step conversation is
here too: an answer the core cannot use is dropped and asked again rather than failing the page.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from backcare.adapters.storage import AssessmentRecord, PlanRecord, Store
from backcare.core import conversation
from backcare.core.answers import AnswerError
from backcare.core.models import Assessment
from backcare.knowledge import KnowledgeBase


def snapshot(
    assessment: Assessment,
    inputs: Mapping[str, object],
    episode_id: str,
    kind: Literal["assessment", "retriage"],
    timezone: str,
    now: dt.datetime,
) -> AssessmentRecord:
    """What went in, what came out and which knowledge base said so (JSON-safe)."""
    return AssessmentRecord(
        id=str(uuid.uuid4()),
        episode_id=episode_id,
        kind=kind,
        created_at=now,
        timezone=timezone,
        knowledge_version=assessment.knowledge_version[:64],
        disposition=assessment.disposition,
        inputs=json.loads(json.dumps(dict(inputs), default=str)),
        outputs=json.loads(assessment.to_json(indent=None)),
    )


def assessment_inputs(text: str | None, answers: Mapping[str, Any], today: dt.date) -> dict[str, Any]:
    """What a saved assessment keeps of its input: the answers, the date assessed as and any text."""
    inputs: dict[str, Any] = {"answers": dict(answers), "today": today.isoformat()}
    if text:
        inputs["text"] = text
    return inputs


def record_assessment(
    store: Store,
    assessment: Assessment,
    inputs: Mapping[str, object],
    timezone: str,
    today: dt.date,
    kind: Literal["assessment", "retriage"] = "assessment",
    profile_id: str | None = None,
) -> str:
    """Save an assessment snapshot (and its plan) in the profile's current episode; returns its id.

    The episode is started if none is active, its onset taken from the assessment's
    ``days_since_onset`` finding (from answers or text) when known, else ``today``.
    """
    onset = today
    days = next((f.value for f in assessment.findings if f.id == "days_since_onset"), None)
    if isinstance(days, int) and not isinstance(days, bool) and 0 <= days <= (today - dt.date.min).days:
        onset = today - dt.timedelta(days=days)
    with store.unit_of_work(profile_id=profile_id) as uow:
        episode = uow.diary.ensure_episode(onset, timezone)
        now = store.now()
        record = snapshot(assessment, inputs, episode.id, kind, timezone, now)
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


@dataclass(frozen=True)
class Saved:
    """A stored assessment with its plan, as the result page and the API show it."""

    record: AssessmentRecord
    assessment: Assessment
    plan: PlanRecord | None

    @property
    def start(self) -> dt.date:
        """Day 1 of the plan: the day it was made."""
        return self.plan.start_date if self.plan else self.record.created_at.date()


def load_assessment(store: Store, profile_id: str | None, assessment_id: str) -> Saved | None:
    """The profile's assessment of that id (never a re-triage snapshot), or None."""
    with store.unit_of_work(write=False, profile_id=profile_id) as uow:
        record = uow.diary.assessment(assessment_id)
        if record is None or record.kind != "assessment":
            return None
        plan = uow.diary.plan_for(assessment_id)
    return Saved(record=record, assessment=Assessment.model_validate(record.outputs), plan=plan)


def list_assessments(store: Store, profile_id: str | None, limit: int = 50) -> list[AssessmentRecord]:
    """The profile's latest assessments, newest first."""
    with store.unit_of_work(write=False, profile_id=profile_id) as uow:
        return uow.diary.assessments("assessment", limit)


def delete_assessment(store: Store, profile_id: str | None, assessment_id: str) -> bool:
    """Delete one of the profile's assessments (and its plan); False when there is none of that id."""
    with store.unit_of_work(profile_id=profile_id) as uow:
        found = uow.diary.delete_assessment(assessment_id)
        uow.commit()
    return found


def next_turn_or_ask_again(
    answers: dict[str, Any],
    asked: list[str],
    evaluate: conversation.Evaluate,
    kb: KnowledgeBase,
    limit: int | None = None,
    singly: Collection[str] = (),
) -> tuple[conversation.Turn, AnswerError | None]:
    """The conversation's next turn; an answer the core cannot use is dropped (from ``answers`` and
    ``asked``, which are updated in place) so its question is put again, with the error to show there.
    """
    try:
        return conversation.next_turn(answers, asked, evaluate, kb, limit, singly), None
    except AnswerError as exc:
        answers.pop(exc.field, None)
        if exc.field in asked:
            asked.remove(exc.field)
        return conversation.next_turn(answers, asked, evaluate, kb, limit, singly), exc
