"""The engine against the vignette sets (clinical spec section 9).

(a) every structured vignette passes exactly, one test per case;
(b) every red flag of the knowledge base is the expected positive of a structured case;
(c) on the free-text sets (``vignettes/dev.yaml`` and ``vignettes/text/``) the report meets the
    default thresholds, one test per metric. These depend on free-text understanding
    (``backcare.adapters.language``): they are the ``TestFreeText*`` tests, selectable with ``-k FreeText``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from backcare.knowledge import load_knowledge
from backcare.services.evaluation import (
    CaseResult,
    EvalReport,
    Metric,
    Thresholds,
    Vignette,
    check_references,
    evaluate,
    load_vignettes,
    render_case,
)

ROOT = Path(__file__).resolve().parents[1] / "vignettes"
STRUCTURED = load_vignettes([ROOT / "structured"])
TEXT = load_vignettes([ROOT / "text"])
FREE_TEXT = [*load_vignettes([ROOT / "dev.yaml"]), *TEXT]
# Fresh sets, after their one untouched scoring: development data for calibration, not a CI gate.
FRESH = load_vignettes([ROOT / "fresh"])
BARS = Thresholds()


# --- The sets themselves -----------------------------------------------------------------------


def test_every_vignette_uses_known_ids() -> None:
    problems = check_references([*STRUCTURED, *FREE_TEXT, *FRESH], load_knowledge())
    assert problems == [], "\n".join(problems)


def test_structured_cases_are_structured_only() -> None:
    assert len(STRUCTURED) >= 45
    with_text = [v.id for v in STRUCTURED if v.text is not None]
    assert with_text == [], f"structured vignettes must not carry free text: {with_text}"


def test_free_text_set_size_and_spread() -> None:
    assert len(TEXT) >= 85
    assert all(v.text for v in TEXT)
    for disposition in ("emergency", "urgent", "soon", "self_care"):
        share = sum(v.expect.disposition == disposition for v in TEXT) / len(TEXT)
        assert share >= 0.15, f"only {share:.0%} of free-text cases expect {disposition}"


def test_every_red_flag_has_a_structured_positive() -> None:
    """(b) Each red flag id of the knowledge base is required by at least one structured case."""
    required = {flag for v in STRUCTURED for flag in v.expect.red_flags}
    missing = sorted(set(load_knowledge().red_flags) - required)
    assert missing == [], f"red flags with no structured positive case: {missing}"


# --- (a) Structured cases pass exactly -------------------------------------------------------


@pytest.mark.parametrize("case", STRUCTURED, ids=lambda v: v.id)
def test_structured_vignette(case: Vignette) -> None:
    result = evaluate([case]).cases[0]
    assert result.passed, "\n" + render_case(result)


# --- (c) Free text meets the default thresholds ----------------------------------------------


@pytest.fixture(scope="module")
def free_text_report() -> EvalReport:
    return evaluate(FREE_TEXT)


def _explain(metric: Metric, cases: list[CaseResult]) -> str:
    shown = "\n\n".join(render_case(c) for c in cases[:15])
    more = f"\n... and {len(cases) - 15} more" if len(cases) > 15 else ""
    return f"\n{metric.name} = {metric.numerator}/{metric.denominator}\n\n{shown}{more}"


def _at_least(metric: Metric, bar: float | None, culprits: Callable[[CaseResult], bool], r: EvalReport) -> None:
    assert bar is not None and metric.value is not None
    assert metric.value >= bar, _explain(metric, [c for c in r.cases if culprits(c)])


def _at_most(metric: Metric, bar: float | None, culprits: Callable[[CaseResult], bool], r: EvalReport) -> None:
    assert bar is not None and metric.value is not None
    assert metric.value <= bar, _explain(metric, [c for c in r.cases if culprits(c)])


class TestFreeTextVignettes:
    """Depends on free-text understanding: dev.yaml plus vignettes/text/ against the default bars."""

    def test_no_case_raises(self, free_text_report: EvalReport) -> None:
        errors = free_text_report.errors
        assert errors == [], "\n".join(f"{c.id} ({c.where}): {c.error}" for c in errors)

    def test_under_triage(self, free_text_report: EvalReport) -> None:
        r = free_text_report
        _at_most(r.under_triage, BARS.under_triage, lambda c: c.triage in ("under", "error"), r)

    def test_emergency_recall(self, free_text_report: EvalReport) -> None:
        r = free_text_report
        _at_least(r.emergency_recall, BARS.emergency_recall, lambda c: c.expected == "emergency" != c.got, r)

    def test_disposition_accuracy(self, free_text_report: EvalReport) -> None:
        r = free_text_report
        _at_least(r.accuracy, BARS.accuracy, lambda c: not c.disposition_ok, r)

    def test_red_flag_recall(self, free_text_report: EvalReport) -> None:
        r = free_text_report
        _at_least(r.red_flag_recall, BARS.red_flag_recall, lambda c: bool(c.missing_flags), r)

    def test_trap_false_alarms(self, free_text_report: EvalReport) -> None:
        r = free_text_report
        _at_most(r.false_alarms, BARS.false_alarms, lambda c: bool(c.false_alarms), r)

    def test_contributor_hits(self, free_text_report: EvalReport) -> None:
        r = free_text_report
        _at_least(r.contributor_hits, BARS.contributor_hits, lambda c: c.contributor_hit is False, r)

    def test_in_scope(self, free_text_report: EvalReport) -> None:
        """No default bar in the contract; every stated scope should be right (few, clear cases)."""
        r = free_text_report
        _at_least(r.in_scope_accuracy, 1.0, lambda c: c.in_scope_expected not in (None, c.in_scope_got), r)
