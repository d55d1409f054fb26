"""The care plan: safety properties (hypothesis) and the behaviour clinical spec section 6 asks for."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from backcare.core.models import Plan, RedFlagHit
from backcare.core.plan import build_plan, choose_exercises, dosage_for_week, effective_facts, plan_phase
from backcare.core.rules import Value
from backcare.knowledge import KnowledgeBase, load_knowledge
from backcare.knowledge.schema import AdviceDef, AdviceSchedule, Disposition, ExerciseDef

NSAID_CONTRAINDICATIONS = [
    "kidney_disease",
    "pregnant",
    "stomach_ulcer_history",
    "anticoagulant",
    "heart_failure",
    "nsaid_allergy_or_asthma_worse",
]
NON_EMERGENCY = [Disposition.urgent, Disposition.soon, Disposition.self_care]
FULL = [Disposition.soon, Disposition.self_care]
START = dt.date(2025, 3, 3)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge()


def make(
    kb: KnowledgeBase,
    facts: dict[str, Value],
    disposition: Disposition = Disposition.self_care,
    red_flags: list[RedFlagHit] | None = None,
    start: dt.date | None = START,
) -> Plan:
    return build_plan({"back_pain": True, **facts}, disposition, red_flags or [], kb, start=start)


def all_clear(**extra: Value) -> dict[str, Value]:
    """A man of 40 with every NSAID contraindication and osteoporosis answered "no", on no medicines."""
    facts: dict[str, Value] = {c: False for c in NSAID_CONTRAINDICATIONS}
    facts.update(sex="male", age=40, osteoporosis=False, diabetes=False, pain_score=5, days_since_onset=1)
    facts["medications"] = []
    facts.update(extra)
    return facts


def ids(plan: Plan) -> list[str]:
    return [i.id for i in plan.items]


def hit(kb: KnowledgeBase, flag: str, disposition: Disposition) -> RedFlagHit:
    d = kb.red_flags[flag]
    return RedFlagHit(
        id=d.id,
        name=d.name,
        disposition=disposition,
        because=["x"],
        advice=d.action,
        explanation=d.explanation,
        sources=kb.citations(d.sources),
    )


tri = st.sampled_from([True, False, None])
facts_strategy = st.fixed_dictionaries(
    {c: tri for c in NSAID_CONTRAINDICATIONS},
    optional={
        "sex": st.sampled_from(["female", "male", "other"]),
        "age": st.integers(16, 100),
        "pregnancy_weeks": st.integers(0, 42),
        "pain_score": st.integers(0, 10),
        "days_since_onset": st.integers(0, 200),
        "pain_over_3_months": tri,
        "osteoporosis": tri,
        "diabetes": tri,
        "leg_pain_below_knee": tri,
        "cramp_medicine": tri,
    },
)
prop = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


# --- Safety properties --------------------------------------------------------------------------


@prop
@given(facts=facts_strategy, disposition=st.sampled_from(list(Disposition)))
def test_never_an_oral_nsaid_with_a_contraindication(
    kb: KnowledgeBase, facts: dict[str, Any], disposition: Disposition
) -> None:
    plan = make(kb, facts, disposition)
    present = [c for c in NSAID_CONTRAINDICATIONS if facts[c] is True]
    oral = [i for i in plan.items if i.id == "oral_nsaid"]
    if present or disposition in (Disposition.emergency, Disposition.urgent):
        assert not oral
        return
    assert oral  # none present: offered, so the property above is not vacuous
    if any(facts[c] is None for c in NSAID_CONTRAINDICATIONS if c != "pregnant"):
        # unknown is not absent: the item stays, but the contraindications are spelt out
        note = kb.advice["oral_nsaid"].exclude_note
        assert oral[0].caution and note and note in oral[0].caution


@prop
@given(facts=facts_strategy, disposition=st.sampled_from(FULL), weeks=st.one_of(st.none(), st.integers(20, 42)))
def test_no_lying_on_the_back_exercise_from_week_20(
    kb: KnowledgeBase, facts: dict[str, Any], disposition: Disposition, weeks: int | None
) -> None:
    facts = {**facts, "pregnant": True, "sex": "female"}
    facts.pop("pregnancy_weeks", None)
    if weeks is not None:
        facts["pregnancy_weeks"] = weeks  # unknown weeks in pregnancy count as "possibly 20 or more"
    plan = make(kb, facts, disposition)
    assert all(e.position != "lying_back" for e in plan.exercises)
    lying = {s.activity for s in plan.schedule} & {i for i, e in kb.exercises.items() if e.position == "lying_back"}
    assert not lying
    if facts.get("pain_score", 0) < 8:  # not vacuous: the side-lying or standing versions stand in
        assert any(e.replaces == "glute_bridge" for e in plan.exercises)


@prop
@given(facts=facts_strategy, disposition=st.sampled_from(list(Disposition)), onset_known=st.booleans())
def test_every_item_and_exercise_has_a_source(
    kb: KnowledgeBase, facts: dict[str, Any], disposition: Disposition, onset_known: bool
) -> None:
    if not onset_known:
        facts.pop("days_since_onset", None)
    plan = make(kb, facts, disposition, red_flags=[hit(kb, "sciatica", Disposition.soon)])
    labels = {s.label for s in kb.sources.values()}
    assert plan.items
    for sources in [*(i.sources for i in plan.items), *(e.sources for e in plan.exercises)]:
        assert sources and set(sources) <= labels
    cited = [s for i in plan.items for s in i.sources] + [s for e in plan.exercises for s in e.sources]
    cited += [s for n in plan.safety_net for s in n.sources]
    assert plan.sources == list(dict.fromkeys(cited))
    shown = {i.id for i in plan.items} | {e.id for e in plan.exercises}
    assert {s.activity for s in plan.schedule} <= shown  # every session is explained and cited


# --- Disposition ---------------------------------------------------------------------------------


def test_emergency_plan_is_only_the_urgent_action(kb: KnowledgeBase) -> None:
    flag = hit(kb, "cauda_equina", Disposition.emergency)
    plan = make(kb, all_clear(days_since_onset=0), Disposition.emergency, [flag])
    assert plan.exercises == [] and plan.schedule == [] and plan.safety_net == []
    assert {i.category for i in plan.items} == {"urgent_action"}
    assert plan.items[0].id == "red_flag_cauda_equina" and plan.items[0].text == flag.advice
    assert "emergency_while_waiting" in ids(plan)
    assert plan.headline.startswith("Call your emergency number")


def test_urgent_plan_puts_the_action_first_and_has_no_exercise_programme(kb: KnowledgeBase) -> None:
    flag = hit(kb, "fracture", Disposition.urgent)  # a musculoskeletal flag: gentle self-care meanwhile
    plan = make(kb, all_clear(days_since_onset=0, age=75, minor_trauma=True), Disposition.urgent, [flag])
    categories = [i.category for i in plan.items]
    first_other = next(n for n, c in enumerate(categories) if c != "urgent_action")
    assert set(categories[:first_other]) == {"urgent_action"} and "urgent_action" not in categories[first_other:]
    assert ids(plan)[0] == "red_flag_fracture"
    assert plan.headline.startswith(flag.advice)
    assert plan.exercises == []
    assert {"cold", "heat"} <= set(ids(plan))  # gentle self-care meanwhile
    assert plan.schedule and {s.day for s in plan.schedule} == {1}
    assert not {s.activity for s in plan.schedule} & set(kb.exercises)
    assert any(n.disposition is Disposition.emergency for n in plan.safety_net)


def test_soon_plan_lists_the_flag_action_and_the_full_plan(kb: KnowledgeBase) -> None:
    plan = make(
        kb,
        all_clear(leg_pain_below_knee=True, days_since_onset=30),
        Disposition.soon,
        [hit(kb, "sciatica", Disposition.soon)],
    )
    assert "red_flag_sciatica" in ids(plan) and "sciatica_care" in ids(plan)
    assert plan.exercises and len({s.day for s in plan.schedule}) == 14


# --- Phase, cold and heat ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("facts", "phase", "day"),
    [
        ({"days_since_onset": 0}, "acute", 1),
        ({"days_since_onset": 41}, "acute", 42),
        ({"days_since_onset": 42}, "subacute", 43),
        ({"days_since_onset": 84}, "persistent", 85),
        ({"pain_over_3_months": True}, "persistent", None),
        ({}, "unknown", None),
    ],
)
def test_phase_from_days_since_onset(kb: KnowledgeBase, facts: dict[str, Value], phase: str, day: int | None) -> None:
    assert plan_phase(facts) == phase
    plan = make(kb, facts)
    assert plan.phase == phase and plan.day_of_episode == day


def _by_day(plan: Plan, activity: str) -> Counter[int]:
    return Counter(s.day for s in plan.schedule if s.activity == activity)


def test_cold_first_three_days_then_heat(kb: KnowledgeBase) -> None:
    plan = make(kb, all_clear(days_since_onset=0))
    assert {"cold", "heat"} <= set(ids(plan))
    cold, heat = _by_day(plan, "cold"), _by_day(plan, "heat")
    assert set(cold) == {1, 2, 3} and set(cold.values()) == {1}  # one reminder; the text says "several a day"
    assert all("Repeat later in the day" in s.details for s in plan.schedule if s.activity == "cold")
    assert set(heat) == set(range(4, 15))
    assert all(s.duration_minutes <= 20 for s in plan.schedule if s.activity in ("cold", "heat"))


def test_someone_on_day_five_starts_with_heat(kb: KnowledgeBase) -> None:
    plan = make(kb, all_clear(days_since_onset=5))
    assert "cold" not in ids(plan) and "heat" in ids(plan)
    assert not _by_day(plan, "cold") and set(_by_day(plan, "heat")) == set(range(1, 15))


def test_day_three_of_the_episode_is_the_last_cold_day(kb: KnowledgeBase) -> None:
    plan = make(kb, all_clear(days_since_onset=2))
    assert set(_by_day(plan, "cold")) == {1} and min(_by_day(plan, "heat")) == 2


def test_cold_text_is_honest_about_the_evidence(kb: KnowledgeBase) -> None:
    cold = next(i for i in make(kb, all_clear(days_since_onset=0)).items if i.id == "cold")
    assert "heat has somewhat better evidence" in cold.text and "never more than" in cold.text
    assert any("CD004750" in s for s in cold.sources)


# --- Pain relief ----------------------------------------------------------------------------------


def test_age_65_or_over_gets_the_nsaid_caution(kb: KnowledgeBase) -> None:
    caution = kb.advice["oral_nsaid"].caution
    assert caution
    older = next(i for i in make(kb, all_clear(age=70)).items if i.id == "oral_nsaid")
    younger = next(i for i in make(kb, all_clear(age=40)).items if i.id == "oral_nsaid")
    assert older.caution == caution
    assert younger.caution is None  # everything known and fine: no note, no caution


def test_unknown_contraindication_keeps_the_item_with_the_condition_spelt_out(kb: KnowledgeBase) -> None:
    facts = all_clear()
    del facts["kidney_disease"]
    item = next(i for i in make(kb, facts).items if i.id == "oral_nsaid")
    assert item.caution and "kidney disease" in item.caution


@pytest.mark.parametrize("contraindication", NSAID_CONTRAINDICATIONS)
def test_each_contraindication_alone_removes_oral_nsaids(kb: KnowledgeBase, contraindication: str) -> None:
    sex = "female" if contraindication == "pregnant" else "male"
    assert "oral_nsaid" in ids(make(kb, all_clear(sex=sex)))
    assert "oral_nsaid" not in ids(make(kb, all_clear(sex=sex, **{contraindication: True})))


def test_pregnancy_gets_its_own_pain_relief_advice(kb: KnowledgeBase) -> None:
    plan = make(kb, all_clear(sex="female", age=30, pregnant=True, pregnancy_weeks=12))
    assert {"pregnancy_pain_relief", "pregnancy_back_care"} <= set(ids(plan))
    assert "topical_nsaid" not in ids(plan)
    assert "pregnancy_pain_relief" not in ids(make(kb, all_clear()))


def test_pregnancy_not_asked_of_men_is_not_a_contraindication(kb: KnowledgeBase) -> None:
    facts = all_clear()
    del facts["pregnant"]  # not asked of a man: not applicable, so nothing is unknown
    item = next(i for i in make(kb, facts).items if i.id == "oral_nsaid")
    assert item.caution is None
    facts["sex"] = "female"
    item = next(i for i in make(kb, {**facts, "age": 30}).items if i.id == "oral_nsaid")
    assert item.caution and "pregnant" in item.caution


def test_not_applicable_questions_count_as_no_and_that_carries_to_the_questions_after_them(kb: KnowledgeBase) -> None:
    man = effective_facts({"sex": "male", "age": 40}, kb)
    assert man["pregnant"] is False  # not asked of a man
    assert man["vaginal_bleeding"] is False and man["regular_tightening"] is False  # asked only when pregnant
    assert man["back_pain"] is True
    woman = effective_facts({"sex": "female", "age": 30}, kb)
    assert woman.get("pregnant") is None and woman.get("vaginal_bleeding") is None
    assert effective_facts({"sex": "female", "age": 30, "pregnant": False}, kb)["fluid_leak"] is False


# --- Conditional advice ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("finding", "item"),
    [
        ("leg_pain_below_knee", "sciatica_care"),
        ("leg_numbness_one_side", "sciatica_care"),
        ("cramp_medicine", "cramp_medicine_review"),
    ],
)
def test_conditional_advice_follows_its_finding(kb: KnowledgeBase, finding: str, item: str) -> None:
    assert item in ids(make(kb, all_clear(**{finding: True})))
    assert item not in ids(make(kb, all_clear(**{finding: False})))
    assert item not in ids(make(kb, all_clear()))


def test_persistent_pain_gets_review_not_acute_expectations(kb: KnowledgeBase) -> None:
    acute = ids(make(kb, all_clear(days_since_onset=3)))
    late = ids(make(kb, all_clear(days_since_onset=100, pain_over_3_months=True)))
    assert "expectations" in acute and "persistent_review" not in acute
    assert "persistent_review" in late and "expectations" not in late


def test_minimum_content_is_covered(kb: KnowledgeBase) -> None:
    plan = make(kb, all_clear(days_since_onset=0, cramp_medicine=True, leg_pain_below_knee=True))
    categories = {i.category for i in plan.items}
    assert {
        "activity",
        "cold",
        "heat",
        "pain_relief",
        "massage",
        "sleep",
        "exercise",
        "sciatica",
        "prevention",
        "medicines",
        "expectations",
    } <= categories
    assert any("14 days" in i.text for i in plan.items if i.category == "expectations")


# --- Exercises ------------------------------------------------------------------------------------


def test_severe_pain_keeps_only_gentle_movement_and_walking(kb: KnowledgeBase) -> None:
    severe = make(kb, all_clear(pain_score=8))
    assert severe.exercises and all(kb.exercises[e.id].severe_pain_ok for e in severe.exercises)
    assert "walking" in {e.id for e in severe.exercises}
    assert "exercise_severe_pain" in ids(severe) and "exercise_general" not in ids(severe)
    moderate = make(kb, all_clear(pain_score=7))
    assert any(not kb.exercises[e.id].severe_pain_ok for e in moderate.exercises)
    assert not {s.activity for s in severe.schedule} - {e.id for e in severe.exercises} - set(kb.advice)


def test_before_week_20_lying_exercises_stay(kb: KnowledgeBase) -> None:
    plan = make(kb, all_clear(sex="female", age=30, pregnant=True, pregnancy_weeks=14))
    assert "glute_bridge" in {e.id for e in plan.exercises}


def test_osteoporosis_swaps_the_curl_up(kb: KnowledgeBase) -> None:
    # The swap happens among all the exercises that suit the person, before the plan's cap.
    names = {c.exercise.id: c for c in choose_exercises(effective_facts(all_clear(osteoporosis=True), kb), kb, False)}
    assert "partial_curl_up" not in names and names["standing_core_brace"].replaces == "partial_curl_up"
    unknown = all_clear()
    del unknown["osteoporosis"]
    curl = next(
        c for c in choose_exercises(effective_facts(unknown, kb), kb, False) if c.exercise.id == "partial_curl_up"
    )
    assert curl.note == kb.exercises["partial_curl_up"].contraindication_note


def test_exercise_item_shows_week_one_and_the_progression(kb: KnowledgeBase) -> None:
    bridge = next(e for e in make(kb, all_clear()).exercises if e.id == "glute_bridge")
    week1 = kb.exercises["glute_bridge"].dosage[0]
    assert (bridge.sets, bridge.reps, bridge.hold_seconds) == (week1.sets, week1.reps, week1.hold_seconds)
    assert len(bridge.progression) == len(kb.exercises["glute_bridge"].dosage) + 1
    assert "at or below its starting level" in bridge.progression[-1]
    assert max(d.reps for d in kb.exercises["glute_bridge"].dosage) <= 15


# --- Schedule -------------------------------------------------------------------------------------


def test_schedule_covers_14_days_with_dates(kb: KnowledgeBase) -> None:
    plan = make(kb, all_clear(days_since_onset=0))
    assert sorted({s.day for s in plan.schedule}) == list(range(1, 15))
    assert all(s.date == START + dt.timedelta(days=s.day - 1) for s in plan.schedule)
    assert plan.schedule == sorted(plan.schedule, key=lambda s: (s.day, s.time))
    undated = make(kb, all_clear(days_since_onset=0), start=None)
    assert all(s.date is None for s in undated.schedule)
    assert max(Counter(s.day for s in plan.schedule).values()) <= 4  # at most four sessions a day


@pytest.mark.parametrize("onset", [0, 1, 5, 20])
def test_exercise_sessions_follow_start_day_and_weekly_dosage(kb: KnowledgeBase, onset: int) -> None:
    plan = make(kb, all_clear(days_since_onset=onset))
    sessions = defaultdict(list)
    for s in plan.schedule:
        if s.activity in kb.exercises:
            sessions[s.activity].append(s)
    assert set(sessions) == {e.id for e in plan.exercises}
    stepped_up = False
    for exercise_id, own in sessions.items():
        exercise = kb.exercises[exercise_id]
        first = min(s.day for s in own)
        assert first == max(1, exercise.start_day - onset + 1)
        for day in range(first, 15):
            dosage = dosage_for_week(exercise, (day - first) // 7 + 1)
            today = [s for s in own if s.day == day]
            assert len(today) == 1  # one session a day; walking says how many more walks to fit in
            if dosage.minutes:  # walking: that week's length, straight after the other exercises
                assert today[0].duration_minutes == dosage.minutes and today[0].repetitions is None
                assert f"about {dosage.minutes} minutes" in today[0].details
                others = [s for s in plan.schedule if s.day == day and s.activity in kb.exercises and s != today[0]]
                assert all(s.time < today[0].time for s in others)
            else:
                assert [s.repetitions for s in today] == [dosage.reps]
        stepped_up |= len({s.repetitions or s.duration_minutes for s in own}) > 1
    assert stepped_up  # the second week really progresses


def test_walks_increase_over_the_two_weeks(kb: KnowledgeBase) -> None:
    plan = make(kb, all_clear(days_since_onset=0))
    minutes = [
        sum(s.duration_minutes for s in plan.schedule if s.activity == "walking" and s.day == d) for d in (1, 14)
    ]
    assert minutes[1] > minutes[0]


# --- Safety net -------------------------------------------------------------------------------------


def test_safety_net_has_emergency_flags_and_not_the_fired_ones(kb: KnowledgeBase) -> None:
    plan = make(kb, all_clear(), Disposition.soon, [hit(kb, "recurrent", Disposition.soon)])
    net = {n.red_flag: n for n in plan.safety_net}
    emergency = {f.id for f in kb.red_flags.values() if any(t.disposition == "emergency" for t in f.triggers)}
    assert emergency - {"pregnancy_warning"} <= set(net)
    assert "pregnancy_warning" not in net  # a man of 40
    assert "recurrent" not in net
    urgency = [n.disposition for n in plan.safety_net]
    assert urgency == sorted(urgency, key=lambda d: -["self_care", "soon", "urgent", "emergency"].index(d))
    assert all(n.action == kb.red_flags[n.red_flag].action and n.sources for n in plan.safety_net)


def test_safety_net_is_personal(kb: KnowledgeBase) -> None:
    older = {n.red_flag for n in make(kb, all_clear(age=75)).safety_net}
    younger = {n.red_flag for n in make(kb, all_clear(age=30)).safety_net}
    assert "fracture" in older and "fracture" not in younger  # one small fall away at 75
    pregnant = {
        n.red_flag for n in make(kb, all_clear(sex="female", age=30, pregnant=True, pregnancy_weeks=38)).safety_net
    }
    assert {"pregnancy_warning", "labour"} <= pregnant
    assert "persistent" in younger  # not better in 6 weeks is worth watching for


def test_a_flag_fired_below_its_top_level_stays_on_watch(kb: KnowledgeBase) -> None:
    plan = make(
        kb, all_clear(leg_pain_below_knee=True), Disposition.self_care, [hit(kb, "sciatica", Disposition.self_care)]
    )
    sciatica = [n for n in plan.safety_net if n.red_flag == "sciatica"]
    assert sciatica and sciatica[0].disposition is Disposition.soon


# --- Schema extensions --------------------------------------------------------------------------------


def test_exclusion_needs_its_note_and_times_must_be_quoted() -> None:
    with pytest.raises(ValidationError):
        AdviceDef(id="x", category="heat", title="t", text="t", exclude_when="diabetes", sources=["nice_ng59"])
    with pytest.raises(ValidationError):
        AdviceSchedule.model_validate({"times": [720], "minutes": 5, "details": "abc"})
    with pytest.raises(ValidationError):
        ExerciseDef.model_validate(
            {
                "id": "x",
                "name": "x",
                "position": "standing",
                "purpose": "p",
                "steps": ["s"],
                "dosage": [{"reps": 1}],
                "contraindicated_when": "pregnant",
                "sources": ["nice_ng59"],
            }
        )
