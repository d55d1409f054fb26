"""Vignette files: the cases clinicians write, with the answer they expect (clinical spec section 9).

A vignette is a case (free text and/or structured answers) with the answer a clinician expects.
``parse_vignettes`` validates a file's text and ``load_vignettes`` is the only function here that
touches the file system; every error names the file, the line and the case, so a data editor can
fix it without reading code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Protocol

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator

from backcare.knowledge.schema import URGENCY, Disposition

if TYPE_CHECKING:
    from backcare.knowledge.schema import FindingDef

#: The date used as "today" when a vignette gives none, so results never depend on the clock.
DEFAULT_TODAY = dt.date(2025, 6, 2)

Ident = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
AnswerValue = bool | int | str | list[str] | None


class VignetteError(ValueError):
    """A vignette file that cannot be used; the message names the file, the line and the case."""


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
