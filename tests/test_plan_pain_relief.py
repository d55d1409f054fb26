"""The personal pain-relief gate (spec section 6, plan rules added 2026-12; review defects D1, D2, D25).

Properties generate medicine lists from the knowledge base's own medicine table (so the oracle knows
each medicine's classes without going through the plan's code) together with the named conditions,
and check that anti-inflammatory tablets are never advised when a contraindication or a dangerous
combination holds, and that leaving them out is always said out loud, with the reason.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from backcare import assess
from backcare.core.medicines import normalise_medicines
from backcare.core.models import Plan, RedFlagHit
from backcare.core.plan import build_plan, effective_facts
from backcare.core.plan_pain_relief import LINE, NO_REASON, UNRECOGNISED
from backcare.core.rules import Value
from backcare.knowledge import load_knowledge
from backcare.knowledge.schema import Disposition
from test_plan import NSAID_CONTRAINDICATIONS
from test_plan import hit as flag_hit

KB = load_knowledge()
CONDITIONS = NSAID_CONTRAINDICATIONS
CLASSES = ["anticoagulant", "antiplatelet", "ssri_snri", "acei_arb", "diuretic", "oral_steroid", "nsaid_raises_level"]
OTHER_TAGS = {"statin", "painkiller"}
# Single medicines (not combination products) by class, plus a few with no class that matters here.
POOL = sorted(
    m.generic
    for m in KB.medicines.values()
    if not m.contains
    and " " not in m.generic
    and (set(m.tags) & set(CLASSES) or set(m.tags) <= OTHER_TAGS)
    and "paracetamol" not in m.tags
    and "nsaid" not in m.tags
)
TAGS = {m.generic: set(m.tags) for m in KB.medicines.values()}
BY_CLASS = {c: [n for n in POOL if c in TAGS[n]] for c in CLASSES} | {
    "none": [n for n in POOL if not TAGS[n] & set(CLASSES)]
}
UNKNOWN_NAMES = ["frobnicillin", "zanthoprex"]
START = dt.date(2025, 3, 3)

tri = st.sampled_from([True, False, None])
prop = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def test_the_pool_covers_every_class_and_each_name_resolves_to_itself() -> None:
    """Guards the oracle: the generated lists reach every class, and a name means its own medicine."""
    covered = {tag for name in POOL for tag in TAGS[name]}
    assert set(CLASSES) <= covered
    for name in POOL:
        matched, unmatched = normalise_medicines([name], KB)
        assert [m.generic for m in matched] == [name] and not unmatched


@st.composite
def people(draw: st.DrawFn, *, ages: st.SearchStrategy[int] = st.integers(16, 100)) -> dict[str, Value]:
    facts: dict[str, Value] = {c: draw(tri) for c in CONDITIONS}
    facts["sex"] = "female" if facts["pregnant"] is True else draw(st.sampled_from(["female", "male"]))
    if facts["sex"] == "male":
        facts["pregnant"] = False
    if draw(st.booleans()):
        facts["age"] = draw(ages)
    if draw(st.booleans()):
        classes = draw(st.lists(st.sampled_from(sorted(BY_CLASS)), max_size=4))  # every class as likely
        meds = list(dict.fromkeys(draw(st.sampled_from(BY_CLASS[c])) for c in classes))
        meds += draw(st.lists(st.sampled_from(UNKNOWN_NAMES), unique=True, max_size=1))
        facts["medications"] = draw(st.permutations(meds))
    for tag in CLASSES[1:]:  # what a derivation may have said already (the plan also reads the list)
        if draw(st.booleans()):
            facts[tag] = draw(tri)
    facts.update(days_since_onset=draw(st.integers(0, 30)), pain_score=draw(st.integers(0, 10)))
    return facts


def classes_of(facts: dict[str, Any]) -> set[str]:
    """The medicine classes that hold for the person: said in the facts, or carried by a listed medicine."""
    held = {tag for tag in CLASSES if facts.get(tag) is True}
    for name in facts.get("medications") or []:
        held |= TAGS.get(name, set()) & set(CLASSES)
    return held


def dangerous(facts: dict[str, Any]) -> list[str]:
    """The oracle, written from the spec: every reason anti-inflammatory tablets must be left out."""
    held = classes_of(facts)
    age = facts.get("age")
    reasons = [c for c in CONDITIONS if facts.get(c) is True or (c == "anticoagulant" and "anticoagulant" in held)]
    if "nsaid_raises_level" in held:
        reasons.append("nsaid_raises_level")
    if "antiplatelet" in held and ((age is not None and age >= 65) or "ssri_snri" in held):
        reasons.append("antiplatelet_combination")
    if {"acei_arb", "diuretic"} <= held:
        reasons.append("triple_whammy")
    return reasons


def make(facts: dict[str, Value], disposition: Disposition, flags: list[RedFlagHit] | None = None) -> Plan:
    return build_plan({"back_pain": True, **facts}, disposition, flags or [], KB, start=START)


def line(plan: Plan) -> str | None:
    return next((i.text for i in plan.items if i.id == LINE), None)


def ids(plan: Plan) -> set[str]:
    return {i.id for i in plan.items}


def hit(flag: str, disposition: Disposition) -> RedFlagHit:
    return flag_hit(KB, flag, disposition)


# --- Safety properties ------------------------------------------------------------------------------


@prop
@given(facts=people(), disposition=st.sampled_from([Disposition.urgent, Disposition.soon, Disposition.self_care]))
def test_no_tablets_when_a_contraindication_or_dangerous_combination_holds_and_it_is_said(
    facts: dict[str, Any], disposition: Disposition
) -> None:
    plan = make(facts, disposition)
    reasons = dangerous(facts)
    if reasons:
        assert "oral_nsaid" not in ids(plan)
        assert "first-choice painkiller" not in " ".join(i.text for i in plan.items)
        text = line(plan)
        assert text is not None and text.startswith("Because ") and NO_REASON not in text
        assert "do not take ibuprofen, naproxen or aspirin tablets" in text
        assert "paracetamol" in text.lower() or "painkiller" in text.lower()  # what is left
        for name in facts.get("medications") or []:  # the person's own medicine is named
            if TAGS.get(name, set()) & {"anticoagulant", "nsaid_raises_level"}:
                assert name in text
        assert "paracetamol" not in ids(plan)  # no "paracetamol is not recommended" beside it
        return
    meds = facts.get("medications")
    everything_known = (
        all(facts[c] is False for c in CONDITIONS)
        and meds is not None
        and not set(meds) & set(UNKNOWN_NAMES)
        and facts.get("age") is not None
    )
    assert line(plan) is None
    if disposition is not Disposition.urgent and everything_known:
        assert "oral_nsaid" in ids(plan)  # not vacuous: offered when everything is known and fine


@prop
@given(facts=people(), disposition=st.sampled_from([Disposition.urgent, Disposition.soon, Disposition.self_care]))
def test_the_do_not_line_appears_exactly_when_tablets_are_left_out(
    facts: dict[str, Any], disposition: Disposition
) -> None:
    plan = make(facts, disposition)
    known = effective_facts({"back_pain": True, **facts}, KB)
    excluded = KB.rule(KB.advice["oral_nsaid"].exclude_when or "").evaluate(known) is True
    assert (line(plan) is not None) == excluded
    if disposition is not Disposition.urgent:  # tablets are offered in soon and self-care plans only
        assert ("oral_nsaid" in ids(plan)) != excluded


@prop
@given(facts=people())
@example(facts={"age": 50, "medications": ["clopidogrel"]})
@example(facts={"age": 50, "medications": ["sertraline"]})
@example(facts={"age": 50, "medications": ["ramipril"]})
@example(facts={"age": 50, "medications": ["furosemide"]})
@example(facts={"age": 70, "medications": ["prednisolone"]})
def test_every_reason_implies_the_exclusion_and_every_exclusion_has_a_reason(facts: dict[str, Any]) -> None:
    known = effective_facts({"back_pain": True, **facts}, KB)
    excluded = KB.rule(KB.advice["oral_nsaid"].exclude_when or "").evaluate(known) is True
    reasons = [a for aid, a in KB.advice.items() if aid.startswith("nsaid__reason_")]
    holding = [a.id for a in reasons if a.when and KB.rule(a.when).evaluate(known) is True]
    assert bool(holding) == excluded


@prop
@given(facts=people(), disposition=st.sampled_from(list(Disposition)))
def test_every_plan_item_keeps_its_sources(facts: dict[str, Any], disposition: Disposition) -> None:
    flags = {
        Disposition.emergency: [hit("medicine_overdose", Disposition.emergency)],
        Disposition.urgent: [hit("kidney", Disposition.urgent)],
    }.get(disposition, [])
    plan = make(facts, disposition, flags)
    labels = {s.label for s in KB.sources.values()}
    assert plan.items
    for item in plan.items:
        assert item.sources and set(item.sources) <= labels, item.id
    cited = [s for i in plan.items for s in i.sources] + [s for e in plan.exercises for s in e.sources]
    cited += [s for n in plan.safety_net for s in n.sources]
    assert plan.sources == list(dict.fromkeys(cited))


# --- Scenario S41 of the clinical review (copied as literal data) ------------------------------------------

S41 = {
    "confusion_or_drowsiness": False,
    "difficulty_breathing": False,
    "chest_pain": False,
    "major_trauma": False,
    "urinary_retention": False,
    "urinary_incontinence": False,
    "bowel_incontinence": False,
    "saddle_numbness": False,
    "leg_numbness_both_sides": False,
    "leg_pain_both_sides": False,
    "leg_weakness": False,
    "leg_weakness_worsening": False,
    "fever": False,
    "unexplained_weight_loss": False,
    "history_of_cancer": False,
    "stroke_signs": False,
    "collapse": False,
    "paracetamol_overuse": False,
    "yellow_skin_or_eyes": False,
    "age": 60,
    "sex": "male",
    "days_since_onset": 1,
    "pain_score": 6,
    "pain_region": "lower",
    "onset_sudden": True,
    "trigger_lifting": True,
    "medications": ["furosemide", "lisinopril", "sertraline", "clopidogrel"],
    "kidney_disease": False,
    "stomach_ulcer_history": False,
    "anticoagulant": False,
    "heart_failure": False,
    "nsaid_allergy_or_asthma_worse": False,
}


def _check_s41(plan: Plan) -> None:
    assert "oral_nsaid" not in ids(plan)
    text = line(plan)
    assert text is not None
    for medicine in ("clopidogrel", "sertraline", "lisinopril", "furosemide"):
        assert medicine in text
    assert "stomach bleeding" in text and "kidneys" in text  # both dangerous combinations, by name
    assert "gel" in text and "paracetamol" in text  # what is left


def test_scenario_s41_gives_no_tablets_and_names_both_combinations() -> None:
    plan = make(S41, Disposition.self_care)  # the plan reads the medicines list itself
    _check_s41(plan)
    derived = {**S41, "antiplatelet": True, "ssri_snri": True, "acei_arb": True, "diuretic": True}
    _check_s41(make(derived, Disposition.self_care))


def test_scenario_s41_end_to_end() -> None:
    result = assess(
        answers={**S41, "tearing_pain": False, "pulsating_abdomen": False, "fainting": False, "known_aaa": False},
        today=dt.date(2025, 3, 10),
    )
    assert result.plan is not None
    _check_s41(result.plan)


# --- Named cautions, unrecognised names, the gel -------------------------------------------------------


def person(**extra: Value) -> dict[str, Value]:
    facts: dict[str, Value] = {c: False for c in CONDITIONS}
    facts.update(sex="male", age=50, days_since_onset=2, pain_score=5, medications=[])
    facts.update(extra)
    return facts


@pytest.mark.parametrize(
    ("medicine", "age"),
    [("sertraline", 50), ("clopidogrel", 50), ("prednisolone", 50), ("venlafaxine", 40)],
)
def test_one_risk_alone_gives_a_named_caution_on_the_tablets(medicine: str, age: int) -> None:
    plan = make(person(age=age, medications=[medicine]), Disposition.self_care)
    tablets = next(i for i in plan.items if i.id == "oral_nsaid")
    assert tablets.caution and f"You take {medicine}: anti-inflammatory tablets raise the risk of stomach bleeding" in (
        tablets.caution
    )
    assert "ask a pharmacist first" in tablets.caution
    assert line(plan) is None
    plain = next(i for i in make(person(age=age), Disposition.self_care).items if i.id == "oral_nsaid")
    assert plain.caution is None  # the caution really comes from the medicine


def test_age_65_alone_gives_the_age_caution_not_an_exclusion() -> None:
    tablets = next(i for i in make(person(age=70), Disposition.self_care).items if i.id == "oral_nsaid")
    assert tablets.caution and "65 or over" in tablets.caution


@pytest.mark.parametrize(
    ("facts", "named"),
    [
        (person(medications=["Eliquis"]), "apixaban"),
        (person(medications=["warfarin"]), "warfarin"),
        (person(medications=["methotrexate"]), "methotrexate"),
        (person(medications=["lithium"]), "lithium"),
        (person(age=70, medications=["clopidogrel"]), "clopidogrel and are 65 or over"),
        (person(kidney_disease=True), "you have kidney disease"),
        (person(stomach_ulcer_history=True), "stomach ulcer"),
        (person(heart_failure=True), "heart failure"),
        (person(nsaid_allergy_or_asthma_worse=True), "asthma"),
        (person(anticoagulant=True), "a blood thinner"),
    ],
)
def test_each_reason_is_named_in_the_do_not_line(facts: dict[str, Value], named: str) -> None:
    plan = make(facts, Disposition.self_care)
    text = line(plan)
    assert text is not None and named in text
    assert "oral_nsaid" not in ids(plan)


def test_the_gel_never_implies_tablets_are_fine_once_they_are_out() -> None:
    plan = make(person(medications=["apixaban"]), Disposition.self_care)
    gel = next(i for i in plan.items if i.id == "topical_nsaid")
    assert "at the same time as anti-inflammatory tablets" not in gel.text
    assert "tablets" not in gel.text.replace("than from tablets", "")
    text = line(plan)
    assert text is not None and "gel may still be possible" in text
    assert [i.id for i in plan.items].index(LINE) < [i.id for i in plan.items].index("topical_nsaid")


def test_without_a_gel_the_line_offers_paracetamol_on_a_pharmacists_advice() -> None:
    text = line(make(person(nsaid_allergy_or_asthma_worse=True), Disposition.self_care))
    assert text is not None and "gel" not in text and "paracetamol can be used for comfort" in text.lower()


def test_unrecognised_medicine_names_are_listed_back() -> None:
    plan = make(person(medications=["frobnicillin", "clopidogrel", "zanthoprex"]), Disposition.self_care)
    item = next(i for i in plan.items if i.id == UNRECOGNISED)
    assert "frobnicillin" in item.text and "zanthoprex" in item.text and "clopidogrel" not in item.text
    assert "ask a pharmacist whether these interact with painkillers" in item.text.lower()
    assert UNRECOGNISED not in ids(make(person(medications=["clopidogrel"]), Disposition.self_care))


def test_an_unrecognised_name_leaves_the_classes_unknown_and_the_check_spelt_out() -> None:
    plan = make(person(medications=["frobnicillin"]), Disposition.self_care)
    tablets = next(i for i in plan.items if i.id == "oral_nsaid")
    note = KB.advice["oral_nsaid"].exclude_note
    assert note and tablets.caution and note in tablets.caution


def test_gel_citation_is_not_presented_as_nice_ng59() -> None:
    gel = KB.advice["topical_nsaid"]
    assert "nice_ng59" not in gel.sources and "our choice" in gel.text
    assert "best evidence" not in KB.advice["heat"].text


def test_urgent_kidney_plan_still_says_no_to_tablets_with_a_reason() -> None:
    plan = make(
        person(medications=["warfarin"], flank_pain=True, fever=True),
        Disposition.urgent,
        [hit("kidney", Disposition.urgent)],
    )
    text = line(plan)
    assert text is not None and "warfarin" in text and "Ask the doctor or pharmacist" in text
    assert "topical_nsaid" not in ids(plan)
