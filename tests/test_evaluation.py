"""The vignette harness: file validation and the section 9 metrics, scored with a fake engine.

Every number asserted here is worked out by hand in the comment next to it, so a change in how a
metric is counted shows up as a failing test rather than a quietly different report.
"""

from __future__ import annotations

import datetime as dt
import sys
import types
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import SimpleNamespace

import pytest

from backcare.core.models import Assessment, ContributorHit, Finding, RedFlagHit, Scores
from backcare.knowledge.schema import Disposition, FindingDef
from backcare.services.evaluation import (
    DEFAULT_TODAY,
    EvalReport,
    Expect,
    Thresholds,
    Vignette,
    VignetteError,
    assess_vignette,
    check_references,
    evaluate,
    load_vignettes,
    parse_vignettes,
    render_case,
    render_report,
)


def assessment(
    disposition: str,
    flags: Sequence[str] = (),
    contributors: Sequence[str] = (),
    *,
    in_scope: bool = True,
    complete: bool = True,
    findings: Sequence[Finding] = (),
) -> Assessment:
    return Assessment(
        disposition=Disposition(disposition),
        disposition_text="text",
        headline="text",
        complete=complete,
        in_scope=in_scope,
        unanswered_screening=[],
        red_flags=[
            RedFlagHit(
                id=f,
                name=f,
                disposition=Disposition.soon,
                because=["x"],
                advice="advice",
                explanation="why",
                sources=["seed_000"],
            )
            for f in flags
        ],
        contributors=[
            ContributorHit(id=c, name=c, score=0.5, because=["x"], explanation="why", sources=["seed_000"])
            for c in contributors
        ],
        findings=list(findings),
        scores=Scores(),
        plan=None,
        next_questions=[],
        knowledge_version="test",
    )


def vignette(case_id: str, disposition: str, **expect: object) -> Vignette:
    return Vignette(
        id=case_id,
        text=f"case {case_id}",
        expect=Expect.model_validate({"disposition": disposition, **expect}),
        note=f"note for {case_id}",
        file="synthetic.yaml",
        line=1,
    )


def fake(results: Mapping[str, Assessment]) -> Callable[[Vignette], Assessment]:
    return lambda v: results[v.id]


# --- Metrics ---------------------------------------------------------------------------------


@pytest.fixture
def four_case_report() -> EvalReport:
    cases = [
        # A: right answer, its flag reported, its contributor ranked first.
        vignette("A", "emergency", red_flags=["cauda_equina"], contributors=["strain_injury"]),
        # B: under-triaged (urgent answered soon) and one of its two flags missed.
        vignette("B", "urgent", red_flags=["fracture", "malignancy"]),
        # C: over-triaged (self_care answered soon) and one of its two trap flags raised.
        vignette("C", "self_care", absent_red_flags=["cauda_equina", "sciatica"]),
        # D: acceptable disposition, but the expected contributor is only 4th.
        vignette("D", "soon", acceptable=["self_care"], contributors=["overexertion"]),
    ]
    results = {
        "A": assessment("emergency", ["cauda_equina"], ["strain_injury", "overexertion"]),
        "B": assessment("soon", ["malignancy"]),
        "C": assessment("soon", ["sciatica"]),
        "D": assessment("self_care", [], ["stress", "dehydration", "muscle_fatigue", "overexertion"]),
    }
    return evaluate(cases, fake(results))


def test_hand_checked_metrics(four_case_report: EvalReport) -> None:
    r = four_case_report
    assert (r.accuracy.numerator, r.accuracy.denominator) == (2, 4)  # A and D
    assert r.accuracy.value == 0.5
    assert r.under_triage.value == 0.25  # B
    assert r.over_triage.value == 0.25  # C
    assert (r.emergency_recall.numerator, r.emergency_recall.denominator) == (1, 1)
    assert (r.red_flag_recall.numerator, r.red_flag_recall.denominator) == (2, 3)  # A's 1 + B's 1 of 2
    assert (r.false_alarms.numerator, r.false_alarms.denominator) == (1, 2)  # C raised sciatica
    assert (r.contributor_hits.numerator, r.contributor_hits.denominator) == (1, 2)  # A hit, D missed
    assert r.in_scope_accuracy.value is None  # no case states in_scope
    assert [c.id for c in r.failing] == ["B", "C", "D"]


def test_case_details(four_case_report: EvalReport) -> None:
    by_id = {c.id: c for c in four_case_report.cases}
    assert by_id["B"].triage == "under"
    assert by_id["B"].missing_flags == ["fracture"]
    assert by_id["C"].triage == "over"
    assert by_id["C"].false_alarms == ["sciatica"]
    assert by_id["D"].triage == "correct"
    assert by_id["D"].contributor_hit is False
    assert by_id["D"].top_contributors == ["stress", "dehydration", "muscle_fatigue"]
    assert by_id["A"].passed and not by_id["D"].passed


def test_failures_against_default_thresholds(four_case_report: EvalReport) -> None:
    messages = four_case_report.failures_against(Thresholds())
    text = "\n".join(messages)
    for name in ("disposition accuracy", "under-triage", "red-flag recall", "false-alarm", "contributor hits"):
        assert name in text
    assert "emergency recall" not in text  # 1/1 meets the bar of 1.0
    assert "0.250 (1/4) is above 0.0" in text


def test_failures_against_custom_thresholds(four_case_report: EvalReport) -> None:
    lenient = Thresholds(
        accuracy=0.5,
        under_triage=0.25,
        red_flag_recall=0.6,
        false_alarms=0.5,
        contributor_hits=0.5,
    )
    assert four_case_report.failures_against(lenient) == []
    strict_over = Thresholds(
        accuracy=None, under_triage=None, red_flag_recall=None, false_alarms=None,
        contributor_hits=None, over_triage=0.2,
    )  # fmt: skip
    assert four_case_report.failures_against(strict_over) == ["over-triage rate 0.250 (1/4) is above 0.2"]


def test_acceptable_sets_the_under_and_over_triage_bounds() -> None:
    cases = [
        vignette("u1", "urgent", acceptable=["soon"]),  # soon is acceptable: correct
        vignette("u2", "urgent", acceptable=["soon"]),  # self_care is below soon: under
        vignette("s1", "soon", acceptable=["urgent"]),  # urgent is acceptable: correct
        vignette("s2", "soon", acceptable=["urgent"]),  # emergency is above urgent: over
        vignette("e1", "emergency"),
        vignette("e2", "emergency"),  # urgent for an emergency: under, and a missed emergency
    ]
    got = {"u1": "soon", "u2": "self_care", "s1": "urgent", "s2": "emergency", "e1": "emergency", "e2": "urgent"}
    report = evaluate(cases, fake({k: assessment(v) for k, v in got.items()}))
    triage = {c.id: c.triage for c in report.cases}
    assert triage == {"u1": "correct", "u2": "under", "s1": "correct", "s2": "over", "e1": "correct", "e2": "under"}
    assert report.under_triage.value == pytest.approx(2 / 6)
    assert report.over_triage.value == pytest.approx(1 / 6)
    assert report.emergency_recall.value == 0.5
    assert "emergency recall 0.500 (1/2) is below 1.0" in report.failures_against()


def test_perfect_run_meets_every_default_bar() -> None:
    cases = [
        vignette("p1", "emergency", red_flags=["aortic"], absent_red_flags=["kidney"]),
        vignette("p2", "self_care", contributors=["stress"], in_scope=True, complete=True),
    ]
    results = {
        "p1": assessment("emergency", ["aortic"]),
        "p2": assessment("self_care", [], ["stress"], in_scope=True, complete=True),
    }
    report = evaluate(cases, fake(results))
    assert report.failures_against() == []
    assert report.failing == []
    assert "meets every bar" in render_report(report)


def test_empty_denominators_are_not_applicable_and_not_failures() -> None:
    report = evaluate([vignette("x", "self_care")], fake({"x": assessment("self_care")}))
    for metric in (report.emergency_recall, report.red_flag_recall, report.false_alarms, report.contributor_hits):
        assert metric.value is None
    assert report.failures_against() == []
    assert "n/a" in render_report(report)


def test_scope_and_completeness_are_scored_where_stated() -> None:
    cases = [
        vignette("in", "self_care", in_scope=False),
        vignette("out", "emergency", in_scope=False, complete=False),
        vignette("unstated", "self_care"),
    ]
    results = {
        "in": assessment("self_care", in_scope=True),  # wrong scope
        "out": assessment("emergency", in_scope=False, complete=False),
        "unstated": assessment("self_care", in_scope=False, complete=False),  # not scored
    }
    report = evaluate(cases, fake(results))
    assert (report.in_scope_accuracy.numerator, report.in_scope_accuracy.denominator) == (1, 2)
    assert (report.complete_accuracy.numerator, report.complete_accuracy.denominator) == (1, 1)
    assert [c.id for c in report.failing] == ["in"]
    assert "in_scope: expected False, got True" in report.failing[0].problems
    assert Thresholds(in_scope_accuracy=1.0).in_scope_accuracy == 1.0
    assert report.failures_against(Thresholds(in_scope_accuracy=1.0))[-1].startswith("in-scope accuracy 0.500")


def test_a_case_the_engine_rejects_is_recorded_not_fatal() -> None:
    """An unknown finding id is reported by the assess layer; the harness names the case."""

    def engine(v: Vignette) -> Assessment:
        if "feverr" in v.answers:
            raise ValueError("unknown finding 'feverr'")
        return assessment(v.expect.disposition)

    bad = Vignette(
        id="typo",
        answers={"feverr": True},
        expect=Expect(disposition=Disposition.urgent, red_flags=["spinal_infection"], absent_red_flags=["kidney"]),
        note="typo in a finding id",
        file="cases.yaml",
        line=7,
    )
    report = evaluate([bad, vignette("fine", "self_care")], engine)
    assert [c.id for c in report.errors] == ["typo"]
    case = report.errors[0]
    assert case.got is None and case.triage == "error"
    assert "unknown finding 'feverr'" in (case.error or "")
    assert report.under_triage.numerator == 1  # an urgent case given no advice is under-triaged
    assert report.red_flag_recall.value == 0.0
    assert report.false_alarms.denominator == 0  # a case that raised cannot show a trap held
    assert any("could not be assessed: typo" in m for m in report.failures_against())
    text = render_report(report)
    assert "typo (cases.yaml:7)" in text and "unknown finding 'feverr'" in text


def test_render_report_shows_table_and_failing_cases(four_case_report: EvalReport) -> None:
    text = render_report(four_case_report)
    assert text.splitlines()[0] == "backcare vignette evaluation: 4 cases, 3 failing"
    for name in ("disposition accuracy", "emergency recall", "under-triage rate", "over-triage rate"):
        assert name in text
    failing_part = text.split("Failing cases", 1)[1]
    assert "B (synthetic.yaml:1) FAIL: expected urgent, got soon" in failing_part
    assert "red flags not reported: fracture" in failing_part
    assert "red flags reported that must not be: sciatica" in failing_part
    assert "A (synthetic.yaml:1)" not in failing_part


def test_render_case_lists_understood_findings() -> None:
    findings = [
        Finding(id="saddle_numbness", status="absent", source="text", evidence="no numbness"),
        Finding(id="age", status="present", value=44, source="text"),
        Finding(id="back_pain", status="present", value=True, source="default"),
    ]
    v = vignette("n", "emergency", red_flags=["cauda_equina"])
    report = evaluate([v], fake({"n": assessment("self_care", findings=findings)}))
    text = render_case(report.cases[0])
    assert "saddle_numbness=absent [text]" in text
    assert "age=44 [text]" in text
    assert "back_pain" not in text  # defaults are not something the engine understood
    assert "note: note for n" in text


# --- The default assess function ---------------------------------------------------------------


def test_default_assess_passes_answers_text_and_a_fixed_date(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, object]] = []

    def assess(**kwargs: object) -> Assessment:
        calls.append(kwargs)
        return assessment("self_care")

    module = types.ModuleType("backcare.bootstrap")
    module.assess = assess
    monkeypatch.setitem(sys.modules, "backcare.bootstrap", module)
    dated = Vignette(
        id="d", answers={"age": 40}, today=dt.date(2024, 2, 29), expect=Expect(disposition="self_care"), note="n"
    )
    undated = Vignette(id="u", text="sore back", expect=Expect(disposition="self_care"), note="n")
    assess_vignette(dated)
    assess_vignette(undated)
    assert calls == [
        {"answers": {"age": 40}, "text": None, "today": dt.date(2024, 2, 29)},
        {"answers": None, "text": "sore back", "today": DEFAULT_TODAY},
    ]


# --- Files -----------------------------------------------------------------------------------

GOOD = """\
- id: G1
  text: |
    back spasm after lifting
  answers: {age: 30, fever: false, medications: [Lasix]}
  today: 2025-01-15
  expect:
    disposition: self_care
    acceptable: [soon]
    absent_red_flags: [cauda_equina]
    contributors: [overexertion]
    in_scope: true
  note: a plain strain
- id: G2
  answers: {urinary_retention: true}
  expect: {disposition: emergency, red_flags: [cauda_equina]}
  note: retention
"""


def test_parse_valid_file() -> None:
    cases = parse_vignettes(GOOD, "good.yaml")
    assert [c.id for c in cases] == ["G1", "G2"]
    first = cases[0]
    assert first.answers == {"age": 30, "fever": False, "medications": ["Lasix"]}
    assert first.today == dt.date(2025, 1, 15)
    assert first.expect.allowed == {Disposition.self_care, Disposition.soon}
    assert (first.file, first.line, cases[1].line) == ("good.yaml", 1, 13)


def test_yaml_merge_keys_work_for_shared_answers() -> None:
    text = """\
- id: M1
  answers:
    <<: &neg {fever: false, chest_pain: false}
    age: 40
  expect: {disposition: self_care}
  note: n
- id: M2
  answers:
    <<: *neg
    fever: true
  expect: {disposition: urgent}
  note: n
"""
    first, second = parse_vignettes(text, "m.yaml")
    assert first.answers == {"fever": False, "chest_pain": False, "age": 40}
    assert second.answers == {"fever": True, "chest_pain": False}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- id: X\n  text: [unclosed\n", "bad.yaml: not valid YAML"),
        ("id: X\ntext: hi\n", "bad.yaml: a vignette file must be a YAML list"),
        ("", "bad.yaml: a vignette file must be a YAML list"),
        ("- just a string\n", "bad.yaml:1: case #1: each case must be a mapping"),
        ("- id: X1\n  text: hi\n  note: n\n", "bad.yaml:1: case 'X1': expect: Field required"),
        (
            "- id: X2\n  text: hi\n  note: n\n  expect: {disposition: later}\n",
            "bad.yaml:1: case 'X2': expect.disposition: Input should be",
        ),
        (
            "- id: X3\n  text: hi\n  note: n\n  expect: {disposition: soon, red_flag: [x]}\n",
            "case 'X3': expect.red_flag: Extra inputs are not permitted",
        ),
        (
            "- id: X4\n  note: n\n  expect: {disposition: soon}\n",
            "case 'X4': case: Value error, a case needs text, answers or both",
        ),
        (
            "- id: X5\n  text: hi\n  note: n\n  expect: {disposition: soon, red_flags: [kidney],"
            " absent_red_flags: [kidney]}\n",
            "both required and absent: ['kidney']",
        ),
        ("- id: X6\n  text: hi\n  expect: {disposition: soon}\n", "case 'X6': note: Field required"),
        (
            "- id: X7\n  text: hi\n  note: n\n  expect: {disposition: soon}\n"
            "- id: X7\n  text: again\n  note: n\n  expect: {disposition: soon}\n",
            "bad.yaml:5: case 'X7': duplicate id (first on line 1)",
        ),
        (
            "- id: X8\n  answers: {Fever: true}\n  note: n\n  expect: {disposition: soon}\n",
            "case 'X8': answers.Fever.[key]",
        ),
    ],
)
def test_parse_errors_name_file_line_and_case(text: str, expected: str) -> None:
    with pytest.raises(VignetteError) as info:
        parse_vignettes(text, "bad.yaml")
    assert expected in str(info.value)


def test_load_files_and_folders(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "sub" / "b.yaml").write_text(
        "- id: B1\n  text: hi\n  note: n\n  expect: {disposition: soon}\n", encoding="utf-8"
    )
    (tmp_path / "sub" / "ignored.txt").write_text("not a vignette", encoding="utf-8")
    from_folder = load_vignettes([tmp_path])
    assert sorted(v.id for v in from_folder) == ["B1", "G1", "G2"]
    assert {v.file for v in from_folder} == {str(tmp_path / "a.yaml"), str(tmp_path / "sub" / "b.yaml")}
    # the same file named twice (directly and through its folder) is read once
    assert len(load_vignettes([tmp_path / "a.yaml", tmp_path])) == 3


def test_load_errors(tmp_path: Path) -> None:
    with pytest.raises(VignetteError, match="no such file or folder"):
        load_vignettes([tmp_path / "missing.yaml"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(VignetteError, match=r"no \*\.yaml vignette files"):
        load_vignettes([tmp_path / "empty"])
    (tmp_path / "one.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "two.yaml").write_text(GOOD.replace("G1", "G9"), encoding="utf-8")
    with pytest.raises(VignetteError) as info:
        load_vignettes([tmp_path / "one.yaml", tmp_path / "two.yaml"])
    assert "two.yaml:13: case 'G2': duplicate id (also in" in str(info.value)
    assert "one.yaml:13" in str(info.value)
    (tmp_path / "broken.yaml").write_text("- id: [\n", encoding="utf-8")
    with pytest.raises(VignetteError, match=r"broken\.yaml: not valid YAML"):
        load_vignettes([tmp_path / "broken.yaml"])


def test_check_references_reports_unknown_and_computed_ids() -> None:
    def finding(fid: str, computed: bool = False) -> FindingDef:
        return FindingDef(id=fid, group="g", question="q?", type="bool", computed=computed)

    catalogue = SimpleNamespace(
        findings={"fever": finding("fever"), "cramp_medicine": finding("cramp_medicine", computed=True)},
        red_flags={"spinal_infection": object()},
        contributors={"overexertion": object()},
    )
    cases = parse_vignettes(
        """\
- id: R1
  answers: {fever: true, feverr: true, cramp_medicine: true}
  expect:
    disposition: urgent
    red_flags: [spinal_infection, spinal_infektion]
    absent_red_flags: [kidny]
    contributors: [overexertion, over_exertion]
  note: n
""",
        "refs.yaml",
    )
    problems = check_references(cases, catalogue)
    assert problems == [
        "refs.yaml:1: case 'R1': unknown finding 'feverr' in answers",
        "refs.yaml:1: case 'R1': 'cramp_medicine' is computed by the engine and cannot be answered",
        "refs.yaml:1: case 'R1': unknown red flag 'spinal_infektion'",
        "refs.yaml:1: case 'R1': unknown red flag 'kidny'",
        "refs.yaml:1: case 'R1': unknown contributor 'over_exertion'",
    ]
