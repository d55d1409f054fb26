"""Safety properties of the whole engine, checked with generated cases (hypothesis)."""

import ast

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backcare import assess
from backcare.core.wording import people_headline
from backcare.knowledge import load_knowledge
from backcare.knowledge.schema import URGENCY, Disposition

KB = load_knowledge()
BOOLS = sorted(fid for fid, f in KB.findings.items() if f.type == "bool" and not f.computed)
NON_REASSURING = [fid for fid in BOOLS if not KB.findings[fid].reassuring]
SCREENING = [fid for fid, f in KB.findings.items() if f.screening]
INTS = {fid: (f.min, min(f.max, 120)) for fid, f in KB.findings.items() if f.type == "int" and not f.computed}
ENUMS = {fid: f.values for fid, f in KB.findings.items() if f.type == "enum"}
MEDICINES = [
    "Lasix",
    "atorvastatin",
    "ibuprofen",
    "warfarin",
    "paracetamol",
    "co-codamol",
    "salbutamol",
    "metformin",
    "clopidogrel",
    "sertraline",
    "lisinopril",
    "prednisolone",
]

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def answer_sets(draw):
    answers = {}
    for fid in draw(st.lists(st.sampled_from(BOOLS), unique=True, max_size=25)):
        answers[fid] = draw(st.sampled_from([True, False, "possible"]))
    for fid in draw(st.lists(st.sampled_from(sorted(INTS)), unique=True, max_size=5)):
        low, high = INTS[fid]
        answers[fid] = draw(st.integers(low, high))
    for fid in draw(st.lists(st.sampled_from(sorted(ENUMS)), unique=True, max_size=3)):
        answers[fid] = draw(st.sampled_from(ENUMS[fid]))
    if draw(st.booleans()):
        answers["medications"] = draw(st.lists(st.sampled_from(MEDICINES), unique=True, max_size=3))
    return answers


TRIGGER_RULES = sorted({t.when for flag in KB.red_flags.values() for t in flag.triggers})


def thresholds(rule_text: str) -> dict[str, set[int]]:
    """Numbers each int finding is compared with in a rule, and their neighbours (boundary values)."""
    out: dict[str, set[int]] = {}
    for node in ast.walk(KB.rule(rule_text).tree):
        if isinstance(node, ast.Compare) and isinstance(node.comparators[0], ast.Constant):
            value = node.comparators[0].value
            if isinstance(value, int) and not isinstance(value, bool):
                out.setdefault(node.left.id, set()).update({value - 1, value, value + 1})
    return out


@st.composite
def rule_focused(draw):
    """Answers aimed at one red-flag trigger: its findings at boundary values, plus random context.

    Purely random answers rarely reach the combinations where a finding could lower urgency, so the
    search starts from each trigger rule in turn.
    """
    text = draw(st.sampled_from(TRIGGER_RULES))
    rule = KB.rule(text)
    answers = draw(answer_sets())
    bounds = thresholds(text)
    for fid in sorted(rule.findings - {f for f, d in KB.findings.items() if d.computed}):
        kind = KB.findings[fid]
        if kind.type == "bool":
            answers[fid] = draw(st.sampled_from([True, False, "possible", None]))
        elif kind.type == "int":
            low, high = INTS[fid]
            near = sorted(v for v in bounds.get(fid, set()) if low <= v <= high) or [low]
            answers[fid] = draw(st.one_of(st.sampled_from(near), st.integers(low, high), st.none()))
        elif kind.type == "enum":
            answers[fid] = draw(st.sampled_from([*ENUMS[fid], None]))
    candidates = sorted(f for f in rule.findings if f in NON_REASSURING)
    flipped = draw(st.sampled_from(candidates or NON_REASSURING))
    return answers, flipped


MONOTONIC_SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@MONOTONIC_SETTINGS
@given(rule_focused(), st.sampled_from([False, None]))
def test_a_finding_turning_present_never_lowers_urgency(case, before):
    """Monotonic triage: absent (or unknown) -> present never lowers the disposition."""
    answers, finding = case
    lower = {**answers, finding: before}
    higher = {**answers, finding: True}
    assert URGENCY[assess(answers=higher).disposition] >= URGENCY[assess(answers=lower).disposition]


@SETTINGS
@given(answer_sets(), st.sampled_from(SCREENING))
def test_an_unanswered_screening_question_is_never_a_silent_self_care(answers, missing):
    answers = {**{fid: False for fid in SCREENING}, **answers}
    del answers[missing]
    result = assess(answers=answers)
    assert not result.complete
    assert missing in result.unanswered_screening
    assert missing in result.next_questions[: len(result.unanswered_screening)]
    assert people_headline(result)[0] != "SELF-CARE"
    if result.disposition != Disposition.emergency:
        assert any("not complete" in m for m in result.messages)


# Conditional screening (spec section 1, revised 2026-12): who makes which questions screening.
CONDITIONS = {
    "pregnant": (
        {"pregnant": True, "pregnancy_weeks": 24, "sex": "female", "age": 30},
        ["regular_tightening", "vaginal_bleeding", "fluid_leak", "reduced_fetal_movements"],
    ),
    "aortic": ({"age": 60, "onset_sudden": True}, ["tearing_pain", "pulsating_abdomen", "known_aaa", "fainting"]),
    "severe": ({"age": 50, "pain_score": 7}, ["tearing_pain", "pulsating_abdomen", "known_aaa", "fainting"]),
    "paracetamol": ({"paracetamol_several_products": True}, ["paracetamol_overuse"]),
}


@SETTINGS
@given(st.sampled_from(sorted(CONDITIONS)), st.data())
def test_a_conditional_screening_question_left_open_is_never_a_silent_self_care(condition, data):
    context, questions = CONDITIONS[condition]
    missing = data.draw(st.sampled_from(questions))
    answers = {**{fid: False for fid in SCREENING}, **dict.fromkeys(questions, False), **context}
    del answers[missing]
    result = assess(answers=answers)
    assert not result.complete
    assert missing in result.unanswered_screening
    assert people_headline(result)[0] != "SELF-CARE"


def test_conditional_questions_are_not_screening_for_everyone():
    result = assess(answers={**{fid: False for fid in SCREENING}, "age": 40, "sex": "male", "pain_score": 5})
    assert result.complete


@SETTINGS
@given(answer_sets())
def test_an_incomplete_check_is_never_headlined_as_self_care(answers):
    result = assess(answers=answers)
    if not result.complete:
        assert people_headline(result)[0] != "SELF-CARE"


@SETTINGS
@given(rule_focused())
def test_no_contributor_is_shown_under_an_emergency(case):
    answers, _ = case
    result = assess(answers=answers)
    if result.disposition == Disposition.emergency:
        assert result.contributors == []


@SETTINGS
@given(answer_sets())
def test_every_contributor_and_flag_has_supporting_findings(answers):
    result = assess(answers=answers)
    present = {f.id for f in result.findings if f.status != "absent"}
    for contributor in result.contributors:
        assert contributor.because and set(contributor.because) <= present
        assert contributor.sources
    for flag in result.red_flags:
        assert flag.sources


@SETTINGS
@given(answer_sets())
def test_every_advice_item_shown_has_a_source(answers):
    result = assess(answers=answers)
    plan = result.plan
    if plan is None:  # only when the problem is not the back; the red flags still apply
        assert not result.in_scope
        return
    assert all(item.sources for item in plan.items)
    assert all(exercise.sources for exercise in plan.exercises)


def test_reassuring_findings_are_exactly_the_catalogued_ones():
    assert [fid for fid in BOOLS if KB.findings[fid].reassuring] == ["improving"]
