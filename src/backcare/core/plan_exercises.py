"""Exercises for the care plan: which ones suit the person, their dosage in words, the public item.

A contraindicated exercise is swapped for its alternative (or dropped); with pain at 8/10 or more
only ``severe_pain_ok`` ones stay. ``exercises.yaml`` is in priority order and the plan offers at
most ``MAX_EXERCISES`` of them (spec section 6, 2026-12: week 1 shows at most four exercises, and a
day has at most four scheduled sessions: one cold or heat, the exercises, and a walk straight
after). Dosage weeks count from the day the person starts each exercise, so "this week's dosage"
is week 1 and the schedule steps up on its 8th day, only while pain allows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from backcare.core.models import ExerciseItem
from backcare.core.plan_common import truth
from backcare.core.rules import Value
from backcare.knowledge import KnowledgeBase
from backcare.knowledge.schema import Dosage, ExerciseDef

MAX_EXERCISES = 3
"""At most this many exercises, walking included (the schedule's four sessions a day: see above)."""
SEVERE_PAIN = 8
PROGRESSION_RULE = (
    "Move on to the next week's amount only while your pain stays at or below its starting level; "
    "if it rises, go back to the previous week's amount."
)


@dataclass(frozen=True)
class Chosen:
    """An exercise picked for the person, with what it replaces and any cue about an unknown."""

    exercise: ExerciseDef
    replaces: str | None
    note: str | None


def choose_exercises(facts: Mapping[str, Value], kb: KnowledgeBase, severe: bool) -> list[Chosen]:
    """Every exercise that suits this person, in priority order (before the ``MAX_EXERCISES`` cap).

    Contraindicated ones are swapped for their alternative or dropped; gentle ones only if severe.
    """
    chosen: dict[str, Chosen] = {}
    for exercise in kb.exercises.values():
        if exercise.alternative_only:
            continue
        pick = _pick(exercise, facts, kb, replaces=None)
        if pick is None or (severe and not pick.exercise.severe_pain_ok):
            continue
        chosen.setdefault(pick.exercise.id, pick)
    return list(chosen.values())


def programme(facts: Mapping[str, Value], kb: KnowledgeBase, pain: int | None) -> list[Chosen]:
    """The exercises the plan offers: the first ``MAX_EXERCISES`` that suit the person."""
    severe = pain is not None and pain >= SEVERE_PAIN
    return choose_exercises(facts, kb, severe=severe)[:MAX_EXERCISES]


def _pick(exercise: ExerciseDef, facts: Mapping[str, Value], kb: KnowledgeBase, replaces: str | None) -> Chosen | None:
    if not exercise.contraindicated_when:
        return Chosen(exercise, replaces, None)
    verdict = truth(exercise.contraindicated_when, facts, kb)
    if verdict is False:
        return Chosen(exercise, replaces, None)
    if verdict is None:
        return Chosen(exercise, replaces, exercise.contraindication_note)
    if replaces is None and exercise.alternative and exercise.alternative in kb.exercises:
        return _pick(kb.exercises[exercise.alternative], facts, kb, replaces=exercise.id)
    return None


def dosage_for_week(exercise: ExerciseDef, week: int) -> Dosage:
    """The dosage for programme week ``week`` (1-based); the last one holds after the list ends."""
    return exercise.dosage[min(max(week, 1), len(exercise.dosage)) - 1]


def dosage_text(dosage: Dosage) -> str:
    """A dosage in words, e.g. "2 sets of 10, holding 3 seconds, 30 seconds' rest between sets"."""
    if dosage.minutes:
        bouts = "1 session" if dosage.reps == 1 else f"{dosage.reps} sessions"
        return f"{bouts} of about {dosage.minutes} minutes a day"
    sets = "1 set" if dosage.sets == 1 else f"{dosage.sets} sets"
    text = f"{sets} of {dosage.reps}" + (" on each side" if dosage.per_side else "")
    if dosage.hold_seconds:
        text += f", holding {dosage.hold_seconds} seconds each time"
    if dosage.sets > 1 and dosage.rest_seconds:
        text += f", {dosage.rest_seconds} seconds' rest between sets"
    return text + ", once a day"


def exercise_item(chosen: Chosen, kb: KnowledgeBase) -> ExerciseItem:
    ex = chosen.exercise
    week1 = dosage_for_week(ex, 1)
    weeks = [f"Week {n}: {dosage_text(d)}." for n, d in enumerate(ex.dosage, start=1)]
    if len(weeks) > 1:
        weeks[-1] = f"From week {len(weeks)} on: {dosage_text(ex.dosage[-1])}."
    return ExerciseItem(
        id=ex.id,
        name=ex.name,
        position=ex.position,
        purpose=ex.purpose,
        steps=list(ex.steps),
        cues=[*ex.cues, *([chosen.note] if chosen.note else [])],
        start_day=ex.start_day,
        dosage=dosage_text(week1),
        sets=week1.sets,
        reps=week1.reps,
        hold_seconds=week1.hold_seconds,
        per_side=week1.per_side,
        rest_seconds=week1.rest_seconds,
        progression=[*weeks, PROGRESSION_RULE],
        stop_if=ex.stop_if,
        replaces=chosen.replaces,
        sources=kb.citations(ex.sources),
    )
