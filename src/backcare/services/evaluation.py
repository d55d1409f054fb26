"""Scoring triage against vignettes: the figures of clinical spec section 9.

A vignette is a case (free text and/or structured answers) with the answer a clinician expects.
``parse_vignettes`` validates a file's text, ``load_vignettes`` is the only function here that
touches the file system, and ``evaluate`` runs any assess function over the cases and computes the
metrics. Keeping the assess function a parameter lets the tests score the arithmetic with a fake
engine, and lets the real engine be scored without this module knowing how it works.

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

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator

from backcare.knowledge.schema import URGENCY, Disposition

if TYPE_CHECKING:
    from backcare.core.models import Assessment
    from backcare.knowledge.schema import FindingDef

#: The date used as "today" when a vignette gives none, so results never depend on the clock.
DEFAULT_TODAY = dt.date(2025, 6, 2)

Ident = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
AnswerValue = bool | int | str | list[str] | None
Triage = Literal["correct", "under", "over", "error"]


class VignetteError(ValueError):
    """A vignette file that cannot be used; the message names the file, the line and the case."""


# --- Vignette files ---------------------------------------------------------------------------


class Expect(BaseModel):
    """What a clinician expects for a case."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    disposition: Disposition
    acceptable: list[Disposition] = Field(default_factory=list)
    red_flags: list[Ident] = Field(default_factory=list, description="each must be reported")
    absent_red_flags: list[Ident] = Field(default_factory=list, description="none may be reported")
    contributors: list[Ident] = Field(default_factory=list, description="at least one must be in the top 3")
    in_scope: bool | None = None
    complete: bool | None = Field(None, description="whether every screening question is answered")

    @model_validator(mode="after")
    def _no_contradiction(self) -> Expect:
        both = sorted(set(self.red_flags) & set(self.absent_red_flags))
        if both:
            raise ValueError(f"red flags listed as both required and absent: {both}")
        return self

    @property
    def allowed(self) -> frozenset[Disposition]:
        return frozenset({self.disposition, *self.acceptable})

    @property
    def least_urgent(self) -> int:
        return min(URGENCY[d] for d in self.allowed)

    @property
    def most_urgent(self) -> int:
        return max(URGENCY[d] for d in self.allowed)


class Vignette(BaseModel):
    """One case of a vignette file (spec section 9); ``file`` and ``line`` are set by the parser."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1)
    text: str | None = None
    answers: dict[Ident, AnswerValue] = Field(default_factory=dict)
    today: dt.date | None = Field(None, description="the assessment date, for cases that give dates")
    expect: Expect
    note: str = Field(min_length=1, description="why this is the answer")
    file: str = ""
    line: int = 0

    @model_validator(mode="after")
    def _has_input(self) -> Vignette:
        if self.text is not None and not self.text.strip():
            raise ValueError("text is empty")
        if self.text is None and not self.answers:
            raise ValueError("a case needs text, answers or both")
        return self

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}" if self.file else "<vignette>"


def _describe(exc: ValidationError) -> str:
    return "; ".join(f"{'.'.join(str(p) for p in err['loc']) or 'case'}: {err['msg']}" for err in exc.errors())


def parse_vignettes(text: str, where: str = "<string>") -> list[Vignette]:
    """Validate the text of one vignette file; ``where`` names it in every error message."""
    import yaml

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise VignetteError(f"{where}: not valid YAML: {exc}") from None
    if not isinstance(data, list) or not isinstance(root, yaml.SequenceNode):
        raise VignetteError(f"{where}: a vignette file must be a YAML list of cases")
    lines = [node.start_mark.line + 1 for node in root.value]
    out: list[Vignette] = []
    seen: dict[str, int] = {}
    for index, (item, line) in enumerate(zip(data, lines, strict=True), start=1):
        if not isinstance(item, dict):
            raise VignetteError(f"{where}:{line}: case #{index}: each case must be a mapping")
        label = item.get("id", f"#{index}")
        try:
            case = Vignette.model_validate({**item, "file": where, "line": line})
        except ValidationError as exc:
            raise VignetteError(f"{where}:{line}: case {label!r}: {_describe(exc)}") from None
        if case.id in seen:
            raise VignetteError(f"{where}:{line}: case {case.id!r}: duplicate id (first on line {seen[case.id]})")
        seen[case.id] = line
        out.append(case)
    return out


def load_vignettes(paths: Sequence[Path]) -> list[Vignette]:
    """Read vignette files, or every ``*.yaml`` under the given folders (the only I/O here)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(path.rglob("*.yaml"))
            if not found:
                raise VignetteError(f"{path}: no *.yaml vignette files in this folder")
            files += found
        elif path.is_file():
            files.append(path)
        else:
            raise VignetteError(f"{path}: no such file or folder")
    out: list[Vignette] = []
    first_file: dict[str, str] = {}
    done: set[Path] = set()
    for file in files:
        if file.resolve() in done:
            continue
        done.add(file.resolve())
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise VignetteError(f"{file}: cannot read: {exc}") from None
        for case in parse_vignettes(text, str(file)):
            if case.id in first_file:
                raise VignetteError(f"{case.where}: case {case.id!r}: duplicate id (also in {first_file[case.id]})")
            first_file[case.id] = case.where
            out.append(case)
    return out


class Catalogue(Protocol):
    """The parts of the knowledge base that vignettes refer to (``KnowledgeBase`` fits)."""

    @property
    def findings(self) -> Mapping[str, FindingDef]: ...

    @property
    def red_flags(self) -> Mapping[str, Any]: ...

    @property
    def contributors(self) -> Mapping[str, Any]: ...


def check_references(vignettes: Iterable[Vignette], kb: Catalogue) -> list[str]:
    """Ids a vignette uses that the knowledge base does not know, one message per problem."""
    problems: list[str] = []
    for v in vignettes:
        head = f"{v.where}: case {v.id!r}"
        for fid in v.answers:
            finding = kb.findings.get(fid)
            if finding is None:
                problems.append(f"{head}: unknown finding {fid!r} in answers")
            elif finding.computed:
                problems.append(f"{head}: {fid!r} is computed by the engine and cannot be answered")
        for flag in [*v.expect.red_flags, *v.expect.absent_red_flags]:
            if flag not in kb.red_flags:
                problems.append(f"{head}: unknown red flag {flag!r}")
        problems += [f"{head}: unknown contributor {c!r}" for c in v.expect.contributors if c not in kb.contributors]
    return problems


# --- Scoring ----------------------------------------------------------------------------------


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


def _error_case(vignette: Vignette, exc: Exception) -> CaseResult:
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


def assess_vignette(vignette: Vignette) -> Assessment:
    """The default assess function: the engine on the case's answers and text, on a fixed date."""
    from backcare.core.assessment import assess

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
            results.append(_error_case(v, exc))
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
