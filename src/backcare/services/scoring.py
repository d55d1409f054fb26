"""Scoring assessments against vignettes: per-case results and the metrics of spec section 9.

``score_case`` compares one assessment with what its vignette expects; ``summarise`` turns the
per-case results into the metrics, each kept as its counts (see ``evaluation`` for the definitions).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from backcare.knowledge.schema import URGENCY, Disposition
from backcare.services.vignettes import Vignette

if TYPE_CHECKING:
    from backcare.core.models import Assessment

Triage = Literal["correct", "under", "over", "error"]


class CaseResult(BaseModel):
    """What one case expected, what came out, and what the engine understood."""

    model_config = ConfigDict(frozen=True)

    id: str
    where: str
    note: str
    expected: Disposition
    acceptable: list[Disposition]
    got: Disposition | None
    triage: Triage
    error: str | None = None
    reported_flags: list[str] = Field(default_factory=list)
    missing_flags: list[str] = Field(default_factory=list)
    false_alarms: list[str] = Field(default_factory=list)
    required_flags: int = 0
    absent_flags_listed: int = 0
    expected_contributors: list[str] = Field(default_factory=list)
    top_contributors: list[str] = Field(default_factory=list)
    contributor_hit: bool | None = None
    in_scope_expected: bool | None = None
    in_scope_got: bool | None = None
    complete_expected: bool | None = None
    complete_got: bool | None = None
    understood: list[str] = Field(default_factory=list, description="findings as 'id=value [source]'")

    @property
    def disposition_ok(self) -> bool:
        return self.triage == "correct"

    @property
    def problems(self) -> list[str]:
        """Every way this case fails, in words; empty when it passes."""
        out: list[str] = []
        if self.error is not None:
            return [f"could not be assessed: {self.error}"]
        if not self.disposition_ok:
            also = f" (or {', '.join(self.acceptable)})" if self.acceptable else ""
            out.append(f"disposition: expected {self.expected}{also}, got {self.got} [{self.triage}-triage]")
        if self.missing_flags:
            out.append(f"red flags not reported: {', '.join(self.missing_flags)}")
        if self.false_alarms:
            out.append(f"red flags reported that must not be: {', '.join(self.false_alarms)}")
        if self.contributor_hit is False:
            out.append(
                f"contributors: expected one of {', '.join(self.expected_contributors)} in the top 3, "
                f"got {', '.join(self.top_contributors) or 'none'}"
            )
        if self.in_scope_expected is not None and self.in_scope_got != self.in_scope_expected:
            out.append(f"in_scope: expected {self.in_scope_expected}, got {self.in_scope_got}")
        if self.complete_expected is not None and self.complete_got != self.complete_expected:
            out.append(f"complete: expected {self.complete_expected}, got {self.complete_got}")
        return out

    @property
    def passed(self) -> bool:
        return not self.problems


def _understood(assessment: Assessment) -> list[str]:
    out = []
    for f in assessment.findings:
        if f.source == "default":
            continue
        value = f.status if f.value is None or isinstance(f.value, bool) or f.status == "absent" else f"{f.value}"
        shown = f"{f.id}={value}" + ("?" if f.status == "possible" else "")
        out.append(f"{shown} [{f.source}]")
    return out


def score_case(vignette: Vignette, assessment: Assessment) -> CaseResult:
    """Compare one assessment with what the vignette expects."""
    expect = vignette.expect
    got = assessment.disposition
    urgency = URGENCY[got]
    triage: Triage = "under" if urgency < expect.least_urgent else "over" if urgency > expect.most_urgent else "correct"
    reported = [hit.id for hit in assessment.red_flags]
    top = [hit.id for hit in assessment.contributors[:3]]
    return CaseResult(
        **_expected(vignette),
        got=got,
        triage=triage,
        reported_flags=reported,
        missing_flags=[f for f in expect.red_flags if f not in reported],
        false_alarms=[f for f in expect.absent_red_flags if f in reported],
        absent_flags_listed=len(expect.absent_red_flags),
        top_contributors=top,
        contributor_hit=bool(set(top) & set(expect.contributors)) if expect.contributors else None,
        in_scope_got=assessment.in_scope,
        complete_got=assessment.complete,
        understood=_understood(assessment),
    )


def error_case(vignette: Vignette, exc: Exception) -> CaseResult:
    expect = vignette.expect
    return CaseResult(
        **_expected(vignette),
        got=None,
        triage="error",
        error=f"{type(exc).__name__}: {exc}",
        missing_flags=list(expect.red_flags),
        absent_flags_listed=0,  # unknown whether a trap would have been raised; counted as an error
        contributor_hit=False if expect.contributors else None,
    )


def _expected(vignette: Vignette) -> dict[str, Any]:
    """The fields of a case result that come from the vignette alone, whatever the outcome."""
    expect = vignette.expect
    return {
        "id": vignette.id,
        "where": vignette.where,
        "note": vignette.note,
        "expected": expect.disposition,
        "acceptable": [d for d in expect.acceptable if d != expect.disposition],
        "required_flags": len(expect.red_flags),
        "expected_contributors": list(expect.contributors),
        "in_scope_expected": expect.in_scope,
        "complete_expected": expect.complete,
    }


class Metric(BaseModel):
    """A ratio kept as its counts, so a report shows 69/70 rather than a bare 0.986."""

    model_config = ConfigDict(frozen=True)

    name: str
    numerator: int
    denominator: int
    higher_is_better: bool = True

    @property
    def value(self) -> float | None:
        return self.numerator / self.denominator if self.denominator else None


class Thresholds(BaseModel):
    """Release bars; ``None`` means the metric is reported but not enforced."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    accuracy: float | None = 0.95
    emergency_recall: float | None = 1.0
    under_triage: float | None = Field(0.0, description="at most")
    over_triage: float | None = Field(None, description="at most")
    red_flag_recall: float | None = 0.98
    false_alarms: float | None = Field(0.02, description="at most")
    contributor_hits: float | None = 0.85
    in_scope_accuracy: float | None = None
    complete_accuracy: float | None = None


METRIC_NAMES: dict[str, str] = {
    "accuracy": "disposition accuracy",
    "emergency_recall": "emergency recall",
    "under_triage": "under-triage rate",
    "over_triage": "over-triage rate",
    "red_flag_recall": "red-flag recall",
    "false_alarms": "trap false-alarm rate",
    "contributor_hits": "contributor hits (top 3)",
    "in_scope_accuracy": "in-scope accuracy",
    "complete_accuracy": "completeness accuracy",
}


class EvalReport(BaseModel):
    """Every metric of spec section 9 plus the per-case results behind them."""

    model_config = ConfigDict(frozen=True)

    cases: list[CaseResult]
    accuracy: Metric
    emergency_recall: Metric
    under_triage: Metric
    over_triage: Metric
    red_flag_recall: Metric
    false_alarms: Metric
    contributor_hits: Metric
    in_scope_accuracy: Metric
    complete_accuracy: Metric

    @property
    def metrics(self) -> list[Metric]:
        return [getattr(self, key) for key in METRIC_NAMES]

    @property
    def failing(self) -> list[CaseResult]:
        return [c for c in self.cases if not c.passed]

    @property
    def errors(self) -> list[CaseResult]:
        return [c for c in self.cases if c.error is not None]

    def failures_against(self, thresholds: Thresholds | None = None) -> list[str]:
        """One message per metric that misses its bar; any case that raised is always a failure."""
        bars = thresholds or Thresholds()
        out: list[str] = []
        for key in METRIC_NAMES:
            bar = getattr(bars, key)
            metric: Metric = getattr(self, key)
            value = metric.value
            if bar is None or value is None:
                continue
            if metric.higher_is_better and value < bar:
                out.append(f"{metric.name} {value:.3f} ({metric.numerator}/{metric.denominator}) is below {bar}")
            if not metric.higher_is_better and value > bar:
                out.append(f"{metric.name} {value:.3f} ({metric.numerator}/{metric.denominator}) is above {bar}")
        if self.errors:
            ids = ", ".join(c.id for c in self.errors)
            out.append(f"{len(self.errors)} case(s) could not be assessed: {ids}")
        return out


def _ratio(key: str, numerator: int, denominator: int, higher_is_better: bool = True) -> Metric:
    return Metric(
        name=METRIC_NAMES[key],
        numerator=numerator,
        denominator=denominator,
        higher_is_better=higher_is_better,
    )


def summarise(cases: Sequence[CaseResult]) -> EvalReport:
    """Compute the metrics from per-case results."""
    n = len(cases)
    emergencies = [c for c in cases if c.expected == Disposition.emergency]
    with_contrib = [c for c in cases if c.contributor_hit is not None]
    with_scope = [c for c in cases if c.in_scope_expected is not None]
    with_complete = [c for c in cases if c.complete_expected is not None]
    # A case that raised gave no advice: under-triaged unless self-care was acceptable.
    under = sum(
        c.triage == "under" or (c.triage == "error" and Disposition.self_care not in {c.expected, *c.acceptable})
        for c in cases
    )
    return EvalReport(
        cases=list(cases),
        accuracy=_ratio("accuracy", sum(c.disposition_ok for c in cases), n),
        emergency_recall=_ratio(
            "emergency_recall", sum(c.got == Disposition.emergency for c in emergencies), len(emergencies)
        ),
        under_triage=_ratio("under_triage", under, n, higher_is_better=False),
        over_triage=_ratio("over_triage", sum(c.triage == "over" for c in cases), n, higher_is_better=False),
        red_flag_recall=_ratio(
            "red_flag_recall",
            sum(c.required_flags - len(c.missing_flags) for c in cases),
            sum(c.required_flags for c in cases),
        ),
        false_alarms=_ratio(
            "false_alarms",
            sum(len(c.false_alarms) for c in cases),
            sum(c.absent_flags_listed for c in cases),
            higher_is_better=False,
        ),
        contributor_hits=_ratio(
            "contributor_hits", sum(bool(c.contributor_hit) for c in with_contrib), len(with_contrib)
        ),
        in_scope_accuracy=_ratio(
            "in_scope_accuracy",
            sum(c.in_scope_got == c.in_scope_expected for c in with_scope),
            len(with_scope),
        ),
        complete_accuracy=_ratio(
            "complete_accuracy",
            sum(c.complete_got == c.complete_expected for c in with_complete),
            len(with_complete),
        ),
    )
