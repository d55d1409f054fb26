"""Scoring triage against vignettes: the figures of clinical spec section 9.

A vignette is a case (free text and/or structured answers) with the answer a clinician expects.
``evaluate`` runs any assess function over the cases and computes the metrics; the plain-text
report is rendered here too. Keeping the assess function a parameter lets the tests score the
arithmetic with a fake engine, and lets the real engine be scored without this module knowing how
it works. The vignette files are read and checked in ``vignettes``, cases scored and metrics
computed in ``scoring``; their public names are importable from here as well.

Metric definitions (all shares of cases unless said otherwise):

- disposition accuracy: answered the expected disposition or one listed as ``acceptable``;
- emergency recall: of the cases expected ``emergency``, the share answered ``emergency``;
- under-triage: answered less urgently than the least urgent acceptable disposition (a case the
  engine failed on counts as under-triaged unless self-care was acceptable: it gave no advice);
  such a case also counts as wrong, as a missed emergency, with its flags and contributors missed,
  but is left out of the false-alarm figure, which it cannot inform, and always fails the run;
- over-triage: answered more urgently than the most urgent acceptable disposition;
- red-flag recall: required red flags reported / required red flags (counted per flag);
- trap false alarms: listed-absent red flags reported / listed-absent red flags (per flag);
- contributor hits: of the cases naming contributors, the share with one of them in the top 3;
- in-scope and completeness accuracy: over the cases that state them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from backcare.knowledge.schema import Disposition
from backcare.services.scoring import (
    METRIC_NAMES,
    CaseResult,
    EvalReport,
    Metric,
    Thresholds,
    Triage,
    error_case,
    score_case,
    summarise,
)
from backcare.services.vignettes import (
    DEFAULT_TODAY,
    AnswerValue,
    Catalogue,
    Expect,
    Ident,
    Vignette,
    VignetteError,
    check_references,
    load_vignettes,
    parse_vignettes,
)

if TYPE_CHECKING:
    from backcare.core.models import Assessment

__all__ = [
    "DEFAULT_TODAY",
    "METRIC_NAMES",
    "AnswerValue",
    "CaseResult",
    "Catalogue",
    "EvalReport",
    "Expect",
    "Ident",
    "Metric",
    "Thresholds",
    "Triage",
    "Vignette",
    "VignetteError",
    "assess_vignette",
    "check_references",
    "evaluate",
    "load_vignettes",
    "parse_vignettes",
    "render_case",
    "render_report",
    "score_case",
    "summarise",
]


def assess_vignette(vignette: Vignette) -> Assessment:
    """The default assess function: the engine on the case's answers and text, on a fixed date."""
    from backcare.bootstrap import assess

    return assess(
        answers=dict(vignette.answers) or None,
        text=vignette.text,
        today=vignette.today or DEFAULT_TODAY,
    )


def evaluate(
    vignettes: Iterable[Vignette], assess_fn: Callable[[Vignette], Assessment] = assess_vignette
) -> EvalReport:
    """Assess every case and score it; a case whose assessment raises is recorded, not fatal."""
    results: list[CaseResult] = []
    for v in vignettes:
        try:
            assessment = assess_fn(v)
        except Exception as exc:  # one bad case must not hide the figures for the others
            results.append(error_case(v, exc))
            continue
        results.append(score_case(v, assessment))
    return summarise(results)


# --- Rendering --------------------------------------------------------------------------------


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def render_case(case: CaseResult) -> str:
    """A failing (or passing) case in a few plain lines: expected, got, understood, why."""
    status = "PASS" if case.passed else "FAIL"
    got = case.got if case.got is not None else "error"
    lines = [f"{case.id} ({case.where}) {status}: expected {case.expected}, got {got}"]
    lines += [f"  - {p}" for p in case.problems]
    if case.error is None:
        lines.append(f"  reported red flags: {', '.join(case.reported_flags) or 'none'}")
        if case.expected_contributors:
            lines.append(f"  top contributors: {', '.join(case.top_contributors) or 'none'}")
        lines.append(f"  understood: {'; '.join(case.understood) or 'nothing'}")
    lines.append(f"  note: {case.note}")
    return "\n".join(lines)


def render_report(report: EvalReport, thresholds: Thresholds | None = None) -> str:
    """Plain text: the metrics table, expected-versus-answered counts, then each failing case."""
    bars = thresholds or Thresholds()
    failing = report.failing
    out = [f"backcare vignette evaluation: {len(report.cases)} cases, {len(failing)} failing", ""]
    out.append(f"{'metric':<28}{'value':>8}{'count':>12}  bar")
    for key in METRIC_NAMES:
        metric: Metric = getattr(report, key)
        bar = getattr(bars, key)
        bar_text = "" if bar is None else (">= " if metric.higher_is_better else "<= ") + f"{bar}"
        count = f"{metric.numerator}/{metric.denominator}"
        out.append(f"{metric.name:<28}{_fmt(metric.value):>8}{count:>12}  {bar_text}")
    columns = [*Disposition, "error"]
    out += ["", "expected \\ answered " + "".join(f"{c:>11}" for c in columns)]
    for expected in Disposition:
        row = [sum(c.expected == expected and (c.got or "error") == col for c in report.cases) for col in columns]
        out.append(f"{expected:<20}" + "".join(f"{n:>11}" for n in row))
    verdict = report.failures_against(bars)
    out += ["", "meets every bar" if not verdict else "misses: " + "; ".join(verdict)]
    if failing:
        out += ["", "Failing cases", "-------------"]
        out += [render_case(c) for c in failing]
    return "\n".join(out) + "\n"
