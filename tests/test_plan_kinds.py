"""Kinds of plan (spec section 6, plan rules added 2026-12; review defects D8, D13, D17, D19-D22, 3.3):
children, pregnancy, warning signs outside the muscles, emergencies, and the length limits."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backcare.core.models import Plan, RedFlagHit
from backcare.core.plan import build_plan, choose_exercises, effective_facts
from backcare.core.plan_common import kb_index, scope
from backcare.core.plan_pain_relief import LINE
from backcare.knowledge import KnowledgeBase, load_knowledge
from backcare.knowledge.schema import URGENCY, Disposition
from test_plan import NSAID_CONTRAINDICATIONS

KB: KnowledgeBase = load_knowledge()
START = dt.date(2025, 3, 3)
CONDITIONS = NSAID_CONTRAINDICATIONS
ADULT_ONLY = {
    "topical_nsaid",
    "oral_nsaid",
    "paracetamol",
    "stronger_medicines",
    "expectations",
    "cold",
    "heat",
    "exercise_general",
    "exercise_severe_pain",
    "sciatica_care",
}
ADULT_WORDS = ["naproxen", "diclofenac", "opioid", "codeine", "back at work", "paracetamol alone", "on its own"]
SPINAL = {"cauda_equina", "progressive_neuro_deficit", "metastatic_cord_compression", "major_trauma"}
KEEP_STILL = "keep still if moving makes numbness"
tri = st.sampled_from([True, False, None])
prop = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def hit(flag: str, disposition: Disposition | None = None) -> RedFlagHit:
    d = KB.red_flags[flag]
    level = disposition or max((t.disposition for t in d.triggers), key=URGENCY.__getitem__)
    action = next((t.action for t in d.triggers if t.disposition is level and t.action), None) or d.action
    return RedFlagHit(
        id=d.id,
        name=d.name,
        disposition=level,
        because=["x"],
        advice=action,
        explanation=d.explanation,
        sources=KB.citations(d.sources),
    )


def make(facts: dict[str, Any], disposition: Disposition, flags: list[RedFlagHit] | None = None) -> Plan:
    return build_plan({"back_pain": True, **facts}, disposition, flags or [], KB, start=START)


def ids(plan: Plan) -> set[str]:
    return {i.id for i in plan.items}


def texts(plan: Plan, leave_out: frozenset[str] = frozenset()) -> str:
    return " ".join(f"{i.title} {i.text} {i.caution or ''}" for i in plan.items if i.id not in leave_out).lower()


adults = st.fixed_dictionaries(
    {c: tri for c in CONDITIONS},
    optional={
        "age": st.integers(16, 100),
        "pain_score": st.integers(0, 10),
        "days_since_onset": st.integers(0, 120),
        "osteoporosis": tri,
        "leg_pain_below_knee": tri,
        "pregnancy_weeks": st.integers(4, 42),
        "medications": st.lists(st.sampled_from(["clopidogrel", "sertraline", "ramipril", "furosemide", "x"])),
    },
)


# --- Children under 16 ---------------------------------------------------------------------------------


@prop
@given(facts=adults, age=st.integers(0, 15), disposition=st.sampled_from([Disposition.urgent, Disposition.soon]))
def test_no_adult_only_item_for_anyone_under_16(facts: dict[str, Any], age: int, disposition: Disposition) -> None:
    facts = {**facts, "age": age}
    flags = [hit("young_age", disposition)]  # the flag every child gets, at the plan's urgency
    plan = make(facts, disposition, flags)
    assert not ids(plan) & ADULT_ONLY
    # Only the "do not take" lines may name adult tablets (the gate's, and the one for pregnancy).
    shown = texts(plan, leave_out=frozenset({LINE, "pregnancy_pain_relief"}))
    assert not [w for w in ADULT_WORDS if w in shown]
    assert plan.exercises == [] and plan.schedule == []
    child = next(i for i in plan.items if i.id == "child_pain_relief")
    assert "ask a pharmacist about children's paracetamol or ibuprofen for the child's age" in child.text
    net = next(i for i in plan.items if i.id == "child_safety_net").text
    assert all(word in net for word in ("limp", "fever", "night", "bladder or bowel"))
    assert {"child_movement", "child_warmth"} <= ids(plan)
    assert plan.headline == flags[0].advice


def test_the_child_plan_is_only_for_children() -> None:
    adult = make({"age": 16, "sex": "male", "medications": []}, Disposition.self_care)
    assert not {i for i in ids(adult) if i.startswith("child_")}
    assert {"oral_nsaid", "expectations"} <= ids(adult)


def test_a_child_with_a_contraindication_is_told_no_with_the_childrens_option() -> None:
    plan = make({"age": 12, "kidney_disease": True}, Disposition.soon, [hit("young_age", Disposition.soon)])
    line = next(i.text for i in plan.items if i.id == LINE)
    assert "kidney disease" in line and "children's painkiller" in line


# --- Pregnancy -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("weeks", [28, 34, 40, None])
def test_no_lying_on_the_back_sleep_position_from_28_weeks(weeks: int | None) -> None:
    facts: dict[str, Any] = {"sex": "female", "age": 30, "pregnant": True, "medications": []}
    if weeks is not None:
        facts["pregnancy_weeks"] = weeks
    plan = make(facts, Disposition.self_care)
    assert "sleep_position" not in ids(plan) and "sleep_position_pregnancy" in ids(plan)
    assert "on your back with a pillow" not in texts(plan)


def test_before_28_weeks_the_usual_sleep_advice_carries_the_pregnancy_caution() -> None:
    plan = make({"sex": "female", "age": 30, "pregnant": True, "pregnancy_weeks": 20}, Disposition.self_care)
    sleep = next(i for i in plan.items if i.id == "sleep_position")
    assert sleep.caution and "28 weeks" in sleep.caution


@pytest.mark.parametrize("weeks", [10, 24, 38])
def test_pregnancy_replaces_the_general_paracetamol_item_and_has_the_safety_line(weeks: int) -> None:
    plan = make({"sex": "female", "age": 30, "pregnant": True, "pregnancy_weeks": weeks}, Disposition.self_care)
    assert "paracetamol" not in ids(plan) and "pregnancy_pain_relief" in ids(plan)
    assert "paracetamol alone" not in texts(plan)
    line = (
        "bleeding or leaking fluid at any stage, regular tightenings before 37 weeks, or the baby moving less "
        "than usual: call your maternity unit now"
    )
    assert line in texts(plan)
    assert "pregnancy_pelvic_girdle" in ids(plan)
    pelvic = next(i.text for i in plan.items if i.id == "pregnancy_pelvic_girdle")
    assert "groin stretch" in pelvic and "clamshell" in pelvic


def test_pelvic_girdle_caution_sits_on_the_clamshell_and_groin_stretches() -> None:
    for exercise in ("clamshell", "groin_stretch", "chair_groin_stretch"):
        assert any("pelvic girdle pain" in cue for cue in KB.exercises[exercise].cues), exercise
    plan = make({"sex": "female", "age": 30, "pregnant": True, "pregnancy_weeks": 24}, Disposition.self_care)
    clamshell = next(e for e in plan.exercises if e.id == "clamshell")
    assert any("pelvic girdle pain" in cue for cue in clamshell.cues)


def test_labour_is_the_maternity_unit_with_no_back_care_schedule() -> None:
    facts = {"sex": "female", "age": 30, "pregnant": True, "pregnancy_weeks": 38, "regular_tightening": True}
    flag = hit("labour")
    plan = make(facts, Disposition.urgent, [flag])
    assert "maternity unit" in plan.headline and "GP" not in plan.headline
    assert "GP" not in " ".join(i.text for i in plan.items if i.category == "urgent_action")
    assert plan.schedule == [] and plan.exercises == []
    assert "labour__bring" in ids(plan)


# --- Warning signs outside the muscles -------------------------------------------------------------------

OUTSIDE_URGENT = ["kidney", "spinal_infection", "jaundice", "malignancy", "labour", "constitutional", "back_lump"]


def test_the_outside_the_muscles_list_is_data() -> None:
    outside = kb_index(KB).outside_muscles
    assert set(OUTSIDE_URGENT) | {"possible_sepsis", "pregnancy_warning"} <= outside
    assert not outside & {"fracture", "nerve_deficit", "uncontrolled_pain", "sciatica", "young_age"}
    assert outside == {s[0] for aid in KB.advice if (s := scope(aid)) and s[1] == "bring"}


def test_scoped_items_name_a_red_flag_or_the_pain_relief_gate() -> None:
    parts: Counter[str] = Counter()
    for aid in KB.advice:
        scoped = scope(aid)
        if scoped is None:
            continue
        head, part = scoped
        assert head in KB.red_flags or head == "nsaid", aid
        if head in KB.red_flags:
            assert part in ("bring", "wait"), aid
        parts[part.split("_")[0]] += head == "nsaid"
    assert parts["reason"] >= 9 and parts["caution"] >= 3 and parts["left"] == 5


@pytest.mark.parametrize("flag", OUTSIDE_URGENT)
def test_an_urgent_flag_outside_the_muscles_gets_action_bring_and_safety_net_only(flag: str) -> None:
    facts = {"sex": "female", "age": 45, "days_since_onset": 1, "pain_score": 5, "medications": []}
    if flag == "labour":
        facts.update(pregnant=True, pregnancy_weeks=39, regular_tightening=True)
    fired = hit(flag, Disposition.urgent)
    plan = make(facts, Disposition.urgent, [fired])
    assert plan.headline == fired.advice
    assert f"{flag}__bring" in ids(plan) and plan.items[0].id == f"red_flag_{flag}"
    assert {i.category for i in plan.items} <= {"urgent_action", "pain_relief", "medicines"}
    assert not ids(plan) & {"cold", "heat", "sitting_breaks", "urgent_meanwhile", "topical_nsaid", "paracetamol"}
    assert plan.exercises == [] and plan.schedule == []
    assert plan.safety_net


def test_a_musculoskeletal_urgent_flag_keeps_gentle_self_care() -> None:
    plan = make({"age": 75, "minor_trauma": True, "days_since_onset": 0}, Disposition.urgent, [hit("fracture")])
    assert {"urgent_meanwhile", "cold"} <= ids(plan) and plan.schedule and plan.exercises == []


# --- Emergencies ------------------------------------------------------------------------------------------

EMERGENCY_FLAGS = sorted(
    f.id for f in KB.red_flags.values() if any(t.disposition is Disposition.emergency for t in f.triggers)
)


@pytest.mark.parametrize("flag", EMERGENCY_FLAGS)
def test_emergency_plans_are_the_flags_own_action_and_waiting_words(flag: str) -> None:
    fired = hit(flag, Disposition.emergency)
    plan = make({"age": 40, "sex": "female", "pregnant": True}, Disposition.emergency, [fired])
    assert plan.headline == fired.advice
    assert plan.items[0].text == fired.advice
    assert {i.category for i in plan.items} == {"urgent_action"}
    assert plan.schedule == [] and plan.exercises == []
    shown = texts(plan)
    assert (KEEP_STILL in shown) == (flag in SPINAL)
    assert "beyond what the label allows" not in shown
    if flag == "medicine_overdose":
        assert "do not take any more paracetamol" in shown
    assert "see a doctor today" not in shown and "same-day gp" not in shown


# --- Length -------------------------------------------------------------------------------------------------


@prop
@given(facts=adults, disposition=st.sampled_from([Disposition.soon, Disposition.self_care]))
def test_week_one_has_at_most_four_exercises_and_a_day_at_most_four_sessions(
    facts: dict[str, Any], disposition: Disposition
) -> None:
    plan = make(facts, disposition)
    assert len(plan.exercises) <= 4
    per_day = Counter(s.day for s in plan.schedule)
    assert not per_day or max(per_day.values()) <= 4
    assert {s.activity for s in plan.schedule} <= {i.id for i in plan.items} | {e.id for e in plan.exercises}


def test_a_full_plan_still_has_exercises_and_a_routine() -> None:
    plan = make({"age": 40, "sex": "male", "days_since_onset": 3, "pain_score": 4}, Disposition.self_care)
    assert [e.id for e in plan.exercises] == ["walking", "knee_to_chest", "glute_bridge"]
    day1 = [s for s in plan.schedule if s.day == 1]
    assert [s.activity for s in day1] == ["heat", "knee_to_chest", "glute_bridge", "walking"]


def test_progression_in_the_schedule_is_only_while_pain_allows() -> None:
    plan = make({"age": 40, "sex": "male", "days_since_onset": 3, "pain_score": 4}, Disposition.self_care)
    first = [s for s in plan.schedule if s.activity == "glute_bridge" and s.day <= 7]
    later = [s for s in plan.schedule if s.activity == "glute_bridge" and s.day >= 8]
    assert first and later
    assert all("at or below its starting level" not in s.details for s in first)
    assert all("Only if your pain has stayed at or below its starting level" in s.details for s in later)
    assert all("previous week's amount" in s.details for s in later)


# --- Exercise alternatives (review 3.3) ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        ({"age": 70, "pain_score": 3, "days_since_onset": 20}, "chair_groin_stretch"),
        ({"age": 40, "pain_score": 7, "days_since_onset": 20}, "chair_groin_stretch"),
        ({"age": 40, "pain_score": 3, "days_since_onset": 2}, "chair_groin_stretch"),
        ({"age": 40, "pain_score": 3, "days_since_onset": 20}, "groin_stretch"),
    ],
)
def test_the_floor_groin_stretch_has_a_chair_version_for_older_people_or_acute_pain(
    facts: dict[str, Any], expected: str
) -> None:
    chosen = {c.exercise.id: c for c in choose_exercises(effective_facts(facts, KB), KB, severe=False)}
    assert expected in chosen
    if expected == "chair_groin_stretch":
        assert "groin_stretch" not in chosen and chosen[expected].replaces == "groin_stretch"
