"""Safety properties of the whole engine, checked with generated cases (hypothesis)."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backcare import assess
from backcare.knowledge import load_knowledge
from backcare.knowledge.schema import URGENCY

KB = load_knowledge()
BOOLS = sorted(fid for fid, f in KB.findings.items() if f.type == "bool" and not f.computed)
NON_REASSURING = [fid for fid in BOOLS if not KB.findings[fid].reassuring]
SCREENING = [fid for fid, f in KB.findings.items() if f.screening]
INTS = {fid: (f.min, min(f.max, 120)) for fid, f in KB.findings.items() if f.type == "int" and not f.computed}
ENUMS = {fid: f.values for fid, f in KB.findings.items() if f.type == "enum"}
MEDICINES = ["Lasix", "atorvastatin", "ibuprofen", "warfarin", "paracetamol", "salbutamol", "metformin"]

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


@SETTINGS
@given(answer_sets(), st.sampled_from(NON_REASSURING), st.sampled_from([False, None]))
def test_a_finding_turning_present_never_lowers_urgency(answers, finding, before):
    """Monotonic triage: absent (or unknown) -> present never lowers the disposition."""
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
    assert any("not complete" in m for m in result.messages)


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
    plan = assess(answers=answers).plan
    assert plan is not None
    assert all(item.sources for item in plan.items)
    assert all(exercise.sources for exercise in plan.exercises)


def test_reassuring_findings_are_exactly_the_catalogued_ones():
    assert [fid for fid in BOOLS if KB.findings[fid].reassuring] == ["improving"]
