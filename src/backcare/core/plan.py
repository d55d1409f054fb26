"""The care plan (clinical spec section 6): a pure function of the facts, the triage and the knowledge.

What is advised is data (``advice.yaml``, ``exercises.yaml``); this module and its siblings only
decide which entries apply and turn them into the public ``Plan``. No I/O and no clock: the
calendar start date comes in as an argument, so the same input always gives the same plan.

- ``plan_pain_relief``: the personal pain-relief gate (tablets left out out loud, named cautions).
- ``plan_exercises``: which exercises suit the person, and their dosage.
- ``plan_schedule``: the day-by-day schedule (at most four sessions a day).
- ``plan_safety_net``: the warning signs to watch for.

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
  engine; medicine classes also come from the recognised medicines (see ``plan_pain_relief``).
- The headline is the deciding red flag's own action (``triage.headline``), never a generic one.
- Kinds of plan, in order of precedence:
  - emergency: the flag's action, what to do while waiting (``FLAG__wait``, e.g. "no more
    paracetamol" for an overdose, "keep still" only for spinal flags) and what to bring;
  - a warning sign outside the muscles at urgent level (a flag with a ``FLAG__bring`` item:
    kidney, infection, sepsis, jaundice, cancer, labour, ...): the action, what to bring and the
    safety net; no cold or heat, no exercises, no sitting reminders, no schedule;
  - a child under 16: the short child plan (the data's ``age < 16`` items), no exercise programme;
  - urgent (a musculoskeletal flag): the action, then gentle self-care for today; no exercises;
  - soon and self-care: the full plan.
- Scoped items (``SCOPE__PART`` ids) are never shown on their own merits: a red flag's are shown
  only when it fires, the ``nsaid`` ones only through the pain-relief gate.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Literal

from backcare.core.models import Plan, PlanItem, RedFlagHit, SafetyNetItem, Session
from backcare.core.plan_common import in_window, int_fact, kb_index, scope, truth
from backcare.core.plan_exercises import (
    PROGRESSION_RULE,
    Chosen,
    choose_exercises,
    dosage_for_week,
    dosage_text,
    exercise_item,
    programme,
)
from backcare.core.plan_pain_relief import GATE, GEL, TABLETS, medicine_facts, pain_relief_gate
from backcare.core.plan_safety_net import safety_net
from backcare.core.plan_schedule import build_schedule
from backcare.core.rules import Value
from backcare.core.triage import headline as flag_headline
from backcare.knowledge import KnowledgeBase
from backcare.knowledge.schema import URGENCY, AdviceDef, Disposition

__all__ = [
    "PROGRESSION_RULE",
    "build_plan",
    "choose_exercises",
    "dosage_for_week",
    "dosage_text",
    "effective_facts",
    "plan_kind",
    "plan_phase",
    "safety_net",
]

Phase = Literal["acute", "subacute", "persistent", "unknown"]
Kind = Literal["emergency", "outside_muscles", "child", "urgent", "full"]

PLAN_DAYS = 14
ACUTE_DAYS = 42  # below this: acute (under 6 weeks)
PERSISTENT_DAYS = 84  # from this: persistent (12 weeks or more)
CHILD_AGE = 16  # under this: the child plan (NICE NG59 covers 16 and over; the young_age flag)

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


def build_plan(
    facts: Mapping[str, Value],
    disposition: Disposition,
    red_flags: Sequence[RedFlagHit],
    kb: KnowledgeBase,
    start: dt.date | None = None,
) -> Plan:
    """The personalised, cited care plan for the triaged ``disposition`` (see the module notes)."""
    known = effective_facts(facts, kb)
    onset = int_fact(known, "days_since_onset")
    first_day = onset if onset is not None else 0
    phase = plan_phase(known)
    kind = plan_kind(known, disposition, red_flags, kb)

    items = _items(known, disposition, red_flags, kb, first_day, kind)
    chosen: list[Chosen] = []
    safety: list[SafetyNetItem] = []
    schedule: list[Session] = []
    if kind != "emergency":
        safety = safety_net(known, red_flags, kb)
    if kind == "full":
        chosen = programme(known, kb, int_fact(known, "pain_score"))
    if kind in ("full", "urgent"):
        schedule = build_schedule(items, chosen, kb, first_day, PLAN_DAYS if kind == "full" else 1, start)

    exercises = [exercise_item(c, kb) for c in chosen]
    cited = [s for i in items for s in i.sources]
    cited += [s for e in exercises for s in e.sources]
    cited += [s for n in safety for s in n.sources]
    return Plan(
        phase=phase,
        day_of_episode=None if onset is None else onset + 1,
        headline=_headline(disposition, red_flags, kind, phase, onset),
        items=items,
        exercises=exercises,
        safety_net=safety,
        schedule=schedule,
        sources=list(dict.fromkeys(cited)),
    )


def effective_facts(facts: Mapping[str, Value], kb: KnowledgeBase) -> dict[str, Value]:
    """The facts as the plan reads them: not-applicable yes/no findings false, back pain assumed,
    medicine classes from the recognised medicines."""
    out = dict(facts)
    if out.get("back_pain") is None:
        out["back_pain"] = True
    for tag, present in medicine_facts(out, kb).items():
        if present or out.get(tag) is None:
            out[tag] = present
    # In catalogue order, so a finding set false here (pregnant) counts for the ones after it.
    for fid, applies_when in kb_index(kb).conditional:
        if out.get(fid) is None and applies_when.evaluate(out) is False:
            out[fid] = False
    return out


def plan_phase(facts: Mapping[str, Value]) -> Phase:
    """Acute under 6 weeks, subacute 6-12 weeks, persistent from 12 weeks; unknown without a date."""
    onset = int_fact(facts, "days_since_onset")
    if facts.get("pain_over_3_months") is True or (onset is not None and onset >= PERSISTENT_DAYS):
        return "persistent"
    if onset is None:
        return "unknown"
    return "subacute" if onset >= ACUTE_DAYS else "acute"


def plan_kind(
    facts: Mapping[str, Value], disposition: Disposition, red_flags: Sequence[RedFlagHit], kb: KnowledgeBase
) -> Kind:
    """Which kind of plan this is (see the module notes), most restrictive first."""
    if disposition is Disposition.emergency:
        return "emergency"
    outside = kb_index(kb).outside_muscles
    if disposition is Disposition.urgent and any(
        h.id in outside and URGENCY[h.disposition] >= URGENCY[Disposition.urgent] for h in red_flags
    ):
        return "outside_muscles"
    age = int_fact(facts, "age")
    if age is not None and age < CHILD_AGE:
        return "child"
    return "urgent" if disposition is Disposition.urgent else "full"


# --- Advice -------------------------------------------------------------------------------------


def _items(
    facts: Mapping[str, Value],
    disposition: Disposition,
    red_flags: Sequence[RedFlagHit],
    kb: KnowledgeBase,
    first_day: int,
    kind: Kind,
) -> list[PlanItem]:
    flag_urgent, flag_review = _flag_actions(disposition, red_flags, kb)
    fired = {h.id for h in red_flags}
    advice: list[PlanItem] = []
    for a in kb.advice.values():
        scoped = scope(a.id)
        if scoped is not None and scoped[0] not in fired:
            continue  # a flag's own items when it fires; the gate's parts are added below
        item = _advice_item(a, facts, disposition, kb, first_day)
        if item is not None and (kind != "outside_muscles" or item.category == "urgent_action"):
            advice.append(item)
    if kind == "outside_muscles":
        flag_review = []  # the action, what to bring and the safety net; lower flags are mentioned
    if kind != "emergency":
        advice = _apply_gate(advice, facts, kb, kind)
    urgent = [i for i in advice if i.category == "urgent_action"]
    rest = sorted(
        (i for i in advice if i.category != "urgent_action"),
        key=lambda i: _CATEGORY_ORDER.index(i.category) if i.category in _CATEGORY_ORDER else len(_CATEGORY_ORDER),
    )
    return flag_urgent + urgent + flag_review + rest


def _apply_gate(advice: list[PlanItem], facts: Mapping[str, Value], kb: KnowledgeBase, kind: Kind) -> list[PlanItem]:
    """Tablets out loud or with named cautions, what is left, and unrecognised medicines listed back."""
    gate = pain_relief_gate(
        facts,
        kb,
        child=kind == "child",
        outside_muscles=kind == "outside_muscles",
        gel_shown=any(i.id == GEL for i in advice),
    )
    out: list[PlanItem] = []
    if gate.line is not None:
        out.append(gate.line)  # first of the pain relief items (the sort keeps this order)
    for item in advice:
        if gate.excluded and item.id in (TABLETS, "paracetamol"):
            continue  # the line says what is left, paracetamol included, without mixed messages
        if item.id == TABLETS and gate.cautions:
            caution = " ".join(filter(None, [*gate.cautions, item.caution]))
            sources = list(dict.fromkeys([*item.sources, *gate.caution_sources]))
            item = item.model_copy(update={"caution": caution, "sources": sources})
        out.append(item)
    if gate.unrecognised is not None:
        out.append(gate.unrecognised)
    return out


def _flag_actions(
    disposition: Disposition, red_flags: Sequence[RedFlagHit], kb: KnowledgeBase
) -> tuple[list[PlanItem], list[PlanItem]]:
    """The fired flags' own actions: the most specific "what to do now" there is.

    Flags below the result's urgency are folded in by the report as "mention this too"; their own
    actions ("book a GP appointment within one to two weeks") would contradict a same-day one, so
    they appear here only in soon and self-care plans.
    """
    if disposition is Disposition.emergency:
        lowest = URGENCY[Disposition.emergency]
    elif disposition is Disposition.urgent:
        lowest = URGENCY[Disposition.urgent]
    else:
        lowest = URGENCY[Disposition.soon]
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
    scoped = scope(advice.id)
    if scoped is not None and scoped[0] == GATE:
        return None
    if disposition not in advice.dispositions:
        return None
    if not in_window(advice.from_day, advice.until_day, first_day, first_day + PLAN_DAYS - 1):
        return None
    if advice.when and truth(advice.when, facts, kb) is not True:
        return None
    notes: list[str] = []
    if advice.exclude_when:
        excluded = truth(advice.exclude_when, facts, kb)
        if excluded is True:
            return None
        if excluded is None and advice.exclude_note:
            notes.append(advice.exclude_note)
    if advice.caution_when and advice.caution and truth(advice.caution_when, facts, kb) is not False:
        notes.append(advice.caution)
    return PlanItem(
        id=advice.id,
        category=advice.category,
        title=advice.title,
        text=advice.text,
        caution=" ".join(notes) or None,
        sources=kb.citations(advice.sources),
    )


# --- Headline -------------------------------------------------------------------------------------


def _headline(
    disposition: Disposition, red_flags: Sequence[RedFlagHit], kind: Kind, phase: Phase, onset: int | None
) -> str:
    action = flag_headline(disposition, list(red_flags))
    if kind in ("emergency", "outside_muscles", "child"):
        return action
    if kind == "urgent":
        return f"{action} Until you are seen: gentle self-care only, no exercise programme."
    when = {
        "acute": f"day {(onset or 0) + 1} of a recent (acute) episode, under 6 weeks",
        "subacute": f"day {(onset or 0) + 1}: pain for 6 to 12 weeks (subacute), so a review is due",
        "persistent": "pain lasting 12 weeks or more (persistent)",
        "unknown": "an episode whose start we do not know; the timing assumes it started today",
    }[phase]
    return f"{action} This plan is for {when}."
