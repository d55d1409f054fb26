"""The care plan (clinical spec section 6): a pure function of the facts, the triage and the knowledge.

What is advised is data (``advice.yaml``, ``exercises.yaml``); this module only decides which entries
apply and turns them into the public ``Plan``. No I/O and no clock: the calendar start date comes in
as an argument, so the same input always gives the same plan.

Decisions, so they can be reviewed in one place:

- Days count since the episode started (``days_since_onset``; 0 = the day it started). An advice
  item is in the plan when its day window overlaps the plan's 14 days, so someone on day 0 gets the
  cold advice and the heat advice (heat "from about day 3, or earlier if it helps more"), while
  someone on day 5 gets heat only. When the start is unknown the timing assumes it is today.
- Phase: acute below 6 weeks (0-41 days), subacute 6-12 weeks (42-83 days), persistent from 12
  weeks (84 days) or when ``pain_over_3_months``; unknown when neither is given.
- Rules are three-valued. ``when`` must be true. ``exclude_when`` true leaves the item out (a
  contraindication); unknown keeps it and adds its ``exclude_note`` so the condition is explicit.
  A caution is shown unless its rule is known false: unknown is not absent.
- A yes/no finding that does not apply to the person (its ``applies_when`` is false, e.g.
  ``pregnant`` for a man) counts as false; ``back_pain`` counts as present unless denied, as in the
  engine.
- Emergency: only the urgent action and what to do while waiting. Urgent: the urgent action, then
  gentle self-care for today; no exercise programme until seen. Soon and self-care: the full plan.
- Exercises: a contraindicated exercise is swapped for its alternative (or dropped); with pain at
  8/10 or more only ``severe_pain_ok`` ones stay. Dosage weeks count from the day the person starts
  each exercise, so "this week's dosage" is week 1 and the schedule steps up on its 8th day.
- Safety net: red flags not fired (or fired below their most urgent level) that matter for this
  person: every emergency-level flag that is still possible, plus any flag one new symptom away
  from firing, or that would fire within 6 weeks if nothing changes (e.g. pain not improving).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from operator import itemgetter
from typing import Literal, TypedDict

from pydantic import TypeAdapter

from backcare.knowledge import KnowledgeBase
from backcare.knowledge.schema import URGENCY, AdviceDef, Disposition, Dosage, ExerciseDef, RedFlagDef
from backcare.models import (
    DISPOSITION_TEXT,
    ExerciseItem,
    Plan,
    PlanItem,
    RedFlagHit,
    SafetyNetItem,
    Session,
)
from backcare.rules import Rule, Truth, Value

Phase = Literal["acute", "subacute", "persistent", "unknown"]

PLAN_DAYS = 14
ACUTE_DAYS = 42  # below this: acute (under 6 weeks)
PERSISTENT_DAYS = 84  # from this: persistent (12 weeks or more)
SEVERE_PAIN = 8
WATCH_HORIZON_DAYS = 42  # a flag that would fire within this many days is on the safety net
EXERCISE_BLOCK_START = dt.time(10, 30)
TIMED_BOUT_TIMES = (dt.time(12, 30), dt.time(17, 30), dt.time(9, 0))  # in order of preference
PROGRESSION_RULE = (
    "Move on to the next week's amount only while your pain stays at or below its starting level; "
    "if it rises, go back to the previous week's amount."
)

_CATEGORY_ORDER = [
    "urgent_action",
    "activity",
    "cold",
    "heat",
    "pain_relief",
    "exercise",
    "sciatica",
    "pregnancy",
    "medicines",
    "massage",
    "sleep",
    "expectations",
    "review",
    "prevention",
]


@dataclass(frozen=True)
class _KbIndex:
    """What the plan looks up in the knowledge base on every call, worked out once per knowledge base."""

    conditional: tuple[tuple[str, Rule], ...]
    """Yes/no findings asked only when their ``applies_when`` rule holds, in catalogue order."""
    top: dict[str, Disposition]
    """Each red flag's most urgent trigger disposition."""
    symptoms: dict[str, tuple[str, ...]]
    """For each red-flag trigger rule, the findings in it that could newly appear (see ``_symptoms``)."""


_INDEXES: dict[str, _KbIndex] = {}


def _index(kb: KnowledgeBase) -> _KbIndex:
    """The plan's lookups for ``kb``, built on first use and kept per ``kb.version``.

    The plan is built on every assessment, and scanning the whole catalogue for these each time
    was a large share of its cost. ``kb.version`` fingerprints the data files, so two knowledge
    bases with the same version hold the same data and can share the index.
    """
    index = _INDEXES.get(kb.version)
    if index is None:
        triggers = [t for flag in kb.red_flags.values() for t in flag.triggers]
        index = _KbIndex(
            conditional=tuple(
                (fid, kb.rule(f.applies_when)) for fid, f in kb.findings.items() if f.type == "bool" and f.applies_when
            ),
            top={
                flag.id: max((t.disposition for t in flag.triggers), key=URGENCY.__getitem__)
                for flag in kb.red_flags.values()
            },
            symptoms={t.when: tuple(_symptoms(kb, sorted(kb.rule(t.when).findings))) for t in triggers},
        )
        _INDEXES[kb.version] = index
    return index


@dataclass(frozen=True)
class _Chosen:
    """An exercise picked for the person, with what it replaces and any cue about an unknown."""

    exercise: ExerciseDef
    replaces: str | None
    note: str | None


def build_plan(
    facts: Mapping[str, Value],
    disposition: Disposition,
    red_flags: Sequence[RedFlagHit],
    kb: KnowledgeBase,
    start: dt.date | None = None,
) -> Plan:
    """The personalised, cited care plan for the triaged ``disposition`` (see the module notes)."""
    known = effective_facts(facts, kb)
    onset = _int_fact(known, "days_since_onset")
    first_day = onset if onset is not None else 0
    phase = plan_phase(known)

    items = _items(known, disposition, red_flags, kb, first_day)
    if disposition is Disposition.emergency:
        chosen: list[_Chosen] = []
        safety: list[SafetyNetItem] = []
        schedule: list[Session] = []
    else:
        full = disposition in (Disposition.soon, Disposition.self_care)
        pain = _int_fact(known, "pain_score")
        chosen = choose_exercises(known, kb, severe=pain is not None and pain >= SEVERE_PAIN) if full else []
        safety = safety_net(known, red_flags, kb)
        schedule = _schedule(items, chosen, kb, first_day, PLAN_DAYS if full else 1, start)

    exercises = [_exercise_item(c, kb) for c in chosen]
    cited = [s for i in items for s in i.sources]
    cited += [s for e in exercises for s in e.sources]
    cited += [s for n in safety for s in n.sources]
    return Plan(
        phase=phase,
        day_of_episode=None if onset is None else onset + 1,
        headline=_headline(disposition, phase, onset),
        items=items,
        exercises=exercises,
        safety_net=safety,
        schedule=schedule,
        sources=list(dict.fromkeys(cited)),
    )


def effective_facts(facts: Mapping[str, Value], kb: KnowledgeBase) -> dict[str, Value]:
    """The facts as the plan reads them: not-applicable yes/no findings false, back pain assumed."""
    out = dict(facts)
    if out.get("back_pain") is None:
        out["back_pain"] = True
    # In catalogue order, so a finding set false here (pregnant) counts for the ones after it.
    for fid, applies_when in _index(kb).conditional:
        if out.get(fid) is None and applies_when.evaluate(out) is False:
            out[fid] = False
    return out


def plan_phase(facts: Mapping[str, Value]) -> Phase:
    """Acute under 6 weeks, subacute 6-12 weeks, persistent from 12 weeks; unknown without a date."""
    onset = _int_fact(facts, "days_since_onset")
    if facts.get("pain_over_3_months") is True or (onset is not None and onset >= PERSISTENT_DAYS):
        return "persistent"
    if onset is None:
        return "unknown"
    return "subacute" if onset >= ACUTE_DAYS else "acute"


# --- Advice -------------------------------------------------------------------------------------


def _items(
    facts: Mapping[str, Value],
    disposition: Disposition,
    red_flags: Sequence[RedFlagHit],
    kb: KnowledgeBase,
    first_day: int,
) -> list[PlanItem]:
    flag_urgent, flag_review = _flag_actions(disposition, red_flags, kb)
    advice = [item for a in kb.advice.values() if (item := _advice_item(a, facts, disposition, kb, first_day))]
    urgent = [i for i in advice if i.category == "urgent_action"]
    rest = sorted(
        (i for i in advice if i.category != "urgent_action"),
        key=lambda i: _CATEGORY_ORDER.index(i.category) if i.category in _CATEGORY_ORDER else len(_CATEGORY_ORDER),
    )
    return flag_urgent + urgent + flag_review + rest


def _flag_actions(
    disposition: Disposition, red_flags: Sequence[RedFlagHit], kb: KnowledgeBase
) -> tuple[list[PlanItem], list[PlanItem]]:
    """The fired flags' own actions: the most specific "what to do now" there is."""
    lowest = URGENCY[Disposition.emergency] if disposition is Disposition.emergency else URGENCY[Disposition.soon]
    urgent: list[PlanItem] = []
    review: list[PlanItem] = []
    for hit in sorted(red_flags, key=lambda h: -URGENCY[h.disposition]):
        if URGENCY[hit.disposition] < lowest:
            continue
        sources = [kb.sources[s].label if s in kb.sources else s for s in hit.sources]
        if not sources and hit.id in kb.red_flags:
            sources = kb.citations(kb.red_flags[hit.id].sources)
        if not sources:
            continue
        is_urgent = URGENCY[hit.disposition] >= URGENCY[Disposition.urgent]
        item = PlanItem(
            id=f"red_flag_{hit.id}",
            category="urgent_action" if is_urgent else "review",
            title=hit.name,
            text=hit.advice,
            sources=sources,
        )
        (urgent if is_urgent else review).append(item)
    return urgent, review


def _advice_item(
    advice: AdviceDef, facts: Mapping[str, Value], disposition: Disposition, kb: KnowledgeBase, first_day: int
) -> PlanItem | None:
    if disposition not in advice.dispositions:
        return None
    if not _in_window(advice.from_day, advice.until_day, first_day, first_day + PLAN_DAYS - 1):
        return None
    if advice.when and _truth(advice.when, facts, kb) is not True:
        return None
    notes: list[str] = []
    if advice.exclude_when:
        excluded = _truth(advice.exclude_when, facts, kb)
        if excluded is True:
            return None
        if excluded is None and advice.exclude_note:
            notes.append(advice.exclude_note)
    if advice.caution_when and advice.caution and _truth(advice.caution_when, facts, kb) is not False:
        notes.append(advice.caution)
    return PlanItem(
        id=advice.id,
        category=advice.category,
        title=advice.title,
        text=advice.text,
        caution=" ".join(notes) or None,
        sources=kb.citations(advice.sources),
    )


# --- Exercises -------------------------------------------------------------------------------------


def choose_exercises(facts: Mapping[str, Value], kb: KnowledgeBase, severe: bool) -> list[_Chosen]:
    """Exercises for this person: contraindicated ones swapped or dropped, gentle ones only if severe."""
    chosen: dict[str, _Chosen] = {}
    for exercise in kb.exercises.values():
        if exercise.alternative_only:
            continue
        pick = _pick(exercise, facts, kb, replaces=None)
        if pick is None or (severe and not pick.exercise.severe_pain_ok):
            continue
        chosen.setdefault(pick.exercise.id, pick)
    return list(chosen.values())


def _pick(exercise: ExerciseDef, facts: Mapping[str, Value], kb: KnowledgeBase, replaces: str | None) -> _Chosen | None:
    if not exercise.contraindicated_when:
        return _Chosen(exercise, replaces, None)
    verdict = _truth(exercise.contraindicated_when, facts, kb)
    if verdict is False:
        return _Chosen(exercise, replaces, None)
    if verdict is None:
        return _Chosen(exercise, replaces, exercise.contraindication_note)
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


def _exercise_item(chosen: _Chosen, kb: KnowledgeBase) -> ExerciseItem:
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


def _session_minutes(dosage: Dosage) -> int:
    """Rough time for one session: each rep about 4 seconds plus its hold, rests, a minute to set up."""
    if dosage.minutes:
        return dosage.minutes
    per_rep = dosage.hold_seconds + 4
    seconds = dosage.sets * dosage.reps * per_rep * (2 if dosage.per_side else 1)
    seconds += (dosage.sets - 1) * dosage.rest_seconds + 60
    return max(2, math.ceil(seconds / 60))


# --- Schedule -----------------------------------------------------------------------------------------


def _schedule(
    items: Sequence[PlanItem],
    chosen: Sequence[_Chosen],
    kb: KnowledgeBase,
    first_day: int,
    days: int,
    start: dt.date | None,
) -> list[Session]:
    rows: list[_SessionRow] = []
    scheduled = [kb.advice[i.id] for i in items if i.id in kb.advice and kb.advice[i.id].schedule]
    slots: dict[tuple[str, int], list[_Slot]] = {}
    for day in range(1, days + 1):
        episode_day = first_day + day - 1
        date = start + dt.timedelta(days=day - 1) if start else None
        for advice in scheduled:
            spec = advice.schedule
            assert spec is not None
            if _in_window(spec.from_day, spec.until_day, episode_day, episode_day):
                rows += [
                    _SessionRow(
                        day=day,
                        date=date,
                        time=at,
                        activity=advice.id,
                        title=advice.title,
                        duration_minutes=spec.minutes,
                        repetitions=None,
                        details=spec.details,
                    )
                    for at in spec.times
                ]
        rows += _exercise_sessions(chosen, day, episode_day, first_day, date, slots)
    rows.sort(key=itemgetter("day", "time", "activity"))
    return _sessions_adapter().validate_python(rows)


class _SessionRow(TypedDict):
    """A ``Session`` as plain data, validated with the rest of the schedule in one call.

    A full plan has about 200 sessions; one validation call for all of them costs about half as
    much as making each model on its own, and the schedule was the largest part of a plan's cost.
    """

    day: int
    date: dt.date | None
    time: dt.time
    activity: str
    title: str
    duration_minutes: int
    repetitions: int | None
    details: str


@cache
def _sessions_adapter() -> TypeAdapter[list[Session]]:
    return TypeAdapter(list[Session])


@dataclass(frozen=True)
class _Slot:
    """One session of an exercise on a day of a given programme week, the day and the date aside."""

    time: dt.time | None  # None: in the day's exercise block, after the exercises before it
    minutes: int
    repetitions: int | None
    details: str


def _exercise_sessions(
    chosen: Sequence[_Chosen],
    day: int,
    episode_day: int,
    first_day: int,
    date: dt.date | None,
    slots: dict[tuple[str, int], list[_Slot]],
) -> list[_SessionRow]:
    """The day's exercise sessions; ``slots`` keeps each (exercise, week)'s slots across the days."""
    sessions: list[_SessionRow] = []
    block = dt.datetime.combine(dt.date.min, EXERCISE_BLOCK_START)
    for c in chosen:
        ex = c.exercise
        if episode_day < ex.start_day:
            continue
        start_day = max(1, ex.start_day - first_day + 1)
        week = (day - start_day) // 7 + 1
        if (ex.id, week) not in slots:  # the wording is the same on every day of a week: write it once
            slots[ex.id, week] = _exercise_slots(ex, week)
        for slot in slots[ex.id, week]:
            at = slot.time
            if at is None:
                at = block.time()
                block += dt.timedelta(minutes=slot.minutes)
            sessions.append(
                _SessionRow(
                    day=day,
                    date=date,
                    time=at,
                    activity=ex.id,
                    title=ex.name,
                    duration_minutes=slot.minutes,
                    repetitions=slot.repetitions,
                    details=slot.details,
                )
            )
    return sessions


def _exercise_slots(exercise: ExerciseDef, week: int) -> list[_Slot]:
    """An exercise's sessions on a day of programme week ``week``: timed bouts, or one set in the block."""
    dosage = dosage_for_week(exercise, week)
    if dosage.minutes:
        return [
            _Slot(
                time=at,
                minutes=dosage.minutes,
                repetitions=None,
                details=(
                    f"{exercise.name} {n} of {dosage.reps} today: about {dosage.minutes} minutes at an easy "
                    f"pace (week {week} of your programme). Stop if {exercise.stop_if}."
                ),
            )
            for n, at in enumerate(_bout_times(dosage.reps), start=1)
        ]
    return [
        _Slot(
            time=None,
            minutes=_session_minutes(dosage),
            repetitions=dosage.reps,
            details=f"{dosage_text(dosage)} (week {week} of your programme). Stop if {exercise.stop_if}.",
        )
    ]


def _bout_times(count: int) -> list[dt.time]:
    """Times for ``count`` timed bouts in a day, spread out from morning to evening."""
    if count <= len(TIMED_BOUT_TIMES):
        return sorted(TIMED_BOUT_TIMES[:count])
    step = (19 - 9) * 60 // (count - 1)
    return [dt.time(9 + (n * step) // 60, (n * step) % 60) for n in range(count)]


# --- Safety net ---------------------------------------------------------------------------------------


def safety_net(facts: Mapping[str, Value], red_flags: Sequence[RedFlagHit], kb: KnowledgeBase) -> list[SafetyNetItem]:
    """Warning signs to watch for, most urgent first, each with the action it warrants."""
    fired = {h.id: h.disposition for h in red_flags}
    index = _index(kb)
    picked: list[tuple[RedFlagDef, Disposition]] = []
    for flag in kb.red_flags.values():
        top = index.top[flag.id]
        if flag.id in fired:
            relevant = URGENCY[fired[flag.id]] < URGENCY[top]
        elif top is Disposition.emergency:
            relevant = _still_possible(flag, facts, kb, index)
        else:
            relevant = _close_to_firing(flag, facts, kb, index)
        if relevant:
            picked.append((flag, top))
    picked.sort(key=lambda p: -URGENCY[p[1]])
    return [
        SafetyNetItem(
            red_flag=flag.id,
            watch_for=flag.watch_for,
            action=flag.action,
            disposition=top,
            sources=kb.citations(flag.sources),
        )
        for flag, top in picked
    ]


def _symptoms(kb: KnowledgeBase, names: Iterable[str]) -> list[str]:
    """Yes/no findings that could newly appear: not computed, not reassuring, not about who you are."""
    return [
        n
        for n in names
        if (f := kb.findings.get(n)) is not None
        and f.type == "bool"
        and not f.computed
        and not f.reassuring
        and f.group != "person"
    ]


def _still_possible(flag: RedFlagDef, facts: Mapping[str, Value], kb: KnowledgeBase, index: _KbIndex) -> bool:
    """False only when known facts about the person rule every trigger out (e.g. not pregnant)."""
    for trigger in flag.triggers:
        worst = {**facts, **dict.fromkeys(index.symptoms[trigger.when], True)}
        if kb.rule(trigger.when).evaluate(worst) is not False:
            return True
    return False


def _close_to_firing(flag: RedFlagDef, facts: Mapping[str, Value], kb: KnowledgeBase, index: _KbIndex) -> bool:
    """One new symptom away from a soon-or-worse trigger, or firing within the watch horizon."""
    onset = _int_fact(facts, "days_since_onset") or 0
    for trigger in flag.triggers:
        if URGENCY[trigger.disposition] < URGENCY[Disposition.soon]:
            continue
        rule = kb.rule(trigger.when)
        if rule.evaluate(facts) is True:
            continue  # true but not reported: suppressed by a more urgent flag
        for name in index.symptoms[trigger.when]:
            if facts.get(name) is not True and rule.evaluate({**facts, name: True}) is True:
                return True
        if "days_since_onset" in rule.findings:
            later = {**facts, "days_since_onset": onset + WATCH_HORIZON_DAYS}
            if rule.evaluate(later) is True:
                return True
    return False


# --- Helpers -------------------------------------------------------------------------------------------


def _headline(disposition: Disposition, phase: Phase, onset: int | None) -> str:
    action = DISPOSITION_TEXT[disposition]
    if disposition is Disposition.emergency:
        return action
    if disposition is Disposition.urgent:
        return f"{action} Until you are seen: gentle self-care only, no exercise programme."
    when = {
        "acute": f"day {(onset or 0) + 1} of a recent (acute) episode, under 6 weeks",
        "subacute": f"day {(onset or 0) + 1}: pain for 6 to 12 weeks (subacute), so a review is due",
        "persistent": "pain lasting 12 weeks or more (persistent)",
        "unknown": "an episode whose start we do not know; the timing assumes it started today",
    }[phase]
    return f"{action} This plan is for {when}."


def _truth(text: str, facts: Mapping[str, Value], kb: KnowledgeBase) -> Truth:
    return kb.rule(text).evaluate(facts)


def _in_window(from_day: int, until_day: int | None, first: int, last: int) -> bool:
    """Whether the window [from_day, until_day] overlaps [first, last] (all inclusive)."""
    return from_day <= last and (until_day is None or until_day >= first)


def _int_fact(facts: Mapping[str, Value], name: str) -> int | None:
    value = facts.get(name)
    return value if isinstance(value, int) and not isinstance(value, bool) else None
