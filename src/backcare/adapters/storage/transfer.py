"""Export and import documents: the JSON and CSV forms of a person's data, fully validated.

``parse_json`` and ``parse_csv`` turn a file's text into typed records or raise ``TransferError``
naming the line and column of the first problem, before any database is opened; the import then
runs in one transaction, so a malformed file never changes the database.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError

from backcare.adapters.storage import safety
from backcare.adapters.storage.orm import utc_now
from backcare.core.diary import DiaryEntry, ExerciseDone, Retriage
from backcare.core.models import PegResult, RmdqResult
from backcare.knowledge.schema import Disposition

FORMAT: Literal["backcare-export"] = "backcare-export"
VERSION: Literal[1] = 1
Path_ = tuple[str | int, ...]


class TransferError(ValueError):
    """A file that cannot be imported; ``line`` and ``column`` are 1-based when known."""

    def __init__(self, message: str, line: int | None = None, column: int | str | None = None) -> None:
        self.line = line
        self.column = column
        where = ""
        if line is not None:
            where = f"line {line}" + (f", column {column}" if column is not None else "") + ": "
        super().__init__(where + message)


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ProfileRecord(_Record):
    id: str = Field(min_length=1, max_length=36)
    timezone: str = Field(min_length=1, max_length=64)
    created_at: AwareDatetime


class EpisodeRecord(_Record):
    id: str = Field(min_length=1, max_length=36)
    onset: dt.date
    status: Literal["active", "resolved"]
    created_at: AwareDatetime
    timezone: str = Field(min_length=1, max_length=64)
    closed_at: AwareDatetime | None = None


class AssessmentRecord(_Record):
    """A stored assessment: its inputs, its outputs and the knowledge-base version that produced them."""

    id: str = Field(min_length=1, max_length=36)
    episode_id: str | None = None
    kind: Literal["assessment", "retriage"]
    created_at: AwareDatetime
    timezone: str = Field(min_length=1, max_length=64)
    knowledge_version: str = Field(min_length=1, max_length=64)
    disposition: Disposition
    inputs: dict[str, Any]
    outputs: dict[str, Any]


class PlanRecord(_Record):
    id: str = Field(min_length=1, max_length=36)
    episode_id: str | None = None
    assessment_id: str | None = None
    created_at: AwareDatetime
    timezone: str = Field(min_length=1, max_length=64)
    start_date: dt.date
    knowledge_version: str = Field(min_length=1, max_length=64)
    content: dict[str, Any]


class ExportDocument(_Record):
    """Everything backcare holds about the person, as ``backcare export --format json`` prints it."""

    entries: list[DiaryEntry]
    format: Literal["backcare-export"] = FORMAT
    version: Literal[1] = VERSION
    exported_at: AwareDatetime
    profile: ProfileRecord | None = None
    episodes: list[EpisodeRecord] = Field(default_factory=list)
    assessments: list[AssessmentRecord] = Field(default_factory=list)
    plans: list[PlanRecord] = Field(default_factory=list)


# --- Locating a problem in the JSON text ----------------------------------------------------------


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _skip_ws(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t\r\n":
        i += 1
    return i


def locate(text: str, path: Sequence[str | int]) -> tuple[int, int]:
    """Line and column of the value at ``path`` in a JSON text (its closest existing ancestor)."""
    decoder = json.JSONDecoder()
    i = _skip_ws(text, 0)
    for step in path:
        if i >= len(text):
            break
        if text[i] == "{" and isinstance(step, str):
            j = _skip_ws(text, i + 1)
            found = None
            while j < len(text) and text[j] != "}":
                key, j = decoder.raw_decode(text, j)
                j = _skip_ws(text, j)
                j = _skip_ws(text, j + 1)  # past ':'
                if key == step:
                    found = j
                    break
                _, j = decoder.raw_decode(text, j)
                j = _skip_ws(text, j)
                if j < len(text) and text[j] == ",":
                    j = _skip_ws(text, j + 1)
            if found is None:
                break
            i = found
        elif text[i] == "[" and isinstance(step, int):
            j = _skip_ws(text, i + 1)
            n = 0
            while j < len(text) and text[j] != "]" and n < step:
                _, j = decoder.raw_decode(text, j)
                j = _skip_ws(text, j)
                if j < len(text) and text[j] == ",":
                    j = _skip_ws(text, j + 1)
                n += 1
            if n != step or j >= len(text) or text[j] == "]":
                break
            i = j
        else:
            break
    return _line_col(text, i)


def _format_loc(loc: Iterable[str | int]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


# --- Semantic checks shared by JSON and CSV -------------------------------------------------------

PegScorer = Callable[[Sequence[int]], PegResult]
RmdqScorer = Callable[[Iterable[int]], RmdqResult]


class Checks:
    """What a valid document must satisfy beyond its shape: known findings and honest scores."""

    def __init__(self, known_findings: Iterable[str], score_peg: PegScorer, score_rmdq: RmdqScorer) -> None:
        self.known_findings = frozenset(known_findings)
        self.score_peg = score_peg
        self.score_rmdq = score_rmdq

    def entry(self, entry: DiaryEntry) -> list[tuple[Path_, str]]:
        problems: list[tuple[Path_, str]] = []
        if not safety.valid_timezone(entry.timezone):
            problems.append((("timezone",), f"unknown time zone {entry.timezone!r}"))
        for key in entry.findings:
            if key not in self.known_findings:
                problems.append((("findings", key), f"unknown finding id {key!r}"))
        if entry.peg is not None:
            try:
                peg = self.score_peg(list(entry.peg.items))
            except ValueError as exc:
                problems.append((("peg", "items"), str(exc)))
            else:
                if abs(peg.score - entry.peg.score) > 0.01:
                    problems.append(
                        (("peg", "score"), f"PEG score {entry.peg.score} does not match its items ({peg.score})")
                    )
        if entry.rmdq is not None:
            try:
                rmdq = self.score_rmdq(entry.rmdq.ticked)
            except ValueError as exc:
                problems.append((("rmdq", "ticked"), str(exc)))
            else:
                if rmdq.score != entry.rmdq.score:
                    problems.append(
                        (("rmdq", "score"), f"RMDQ score {entry.rmdq.score} does not match its items ({rmdq.score})")
                    )
        return problems

    def document(self, doc: ExportDocument) -> list[tuple[Path_, str]]:
        problems: list[tuple[Path_, str]] = []
        for kind in ("episodes", "assessments", "plans", "entries"):
            seen: set[str] = set()
            for i, rec in enumerate(getattr(doc, kind)):
                if rec.id in seen:
                    problems.append(((kind, i, "id"), f"duplicate id {rec.id!r}"))
                seen.add(rec.id)
        episodes = {e.id for e in doc.episodes}
        assessments = {a.id for a in doc.assessments}
        if sum(e.status == "active" for e in doc.episodes) > 1:
            problems.append((("episodes",), "more than one active episode"))

        def ref(path: Path_, value: str | None, known: set[str], what: str) -> None:
            if value is not None and value not in known:
                problems.append((path, f"refers to {what} {value!r}, which is not in the file"))

        for i, a in enumerate(doc.assessments):
            ref(("assessments", i, "episode_id"), a.episode_id, episodes, "episode")
        for i, p in enumerate(doc.plans):
            ref(("plans", i, "episode_id"), p.episode_id, episodes, "episode")
            ref(("plans", i, "assessment_id"), p.assessment_id, assessments, "assessment")
        for i, e in enumerate(doc.entries):
            ref(("entries", i, "episode_id"), e.episode_id, episodes, "episode")
            if e.retriage is not None:
                ref(("entries", i, "retriage", "assessment_id"), e.retriage.assessment_id, assessments, "assessment")
            problems += [(("entries", i, *p), msg) for p, msg in self.entry(e)]
        # Then what the app renders later (outputs, plans, time zones), with the API's models.
        return problems or safety.document_problems(doc)


# --- JSON -----------------------------------------------------------------------------------------


def to_json(doc: ExportDocument) -> str:
    return doc.model_dump_json(indent=2) + "\n"


def parse_json(text: str, checks: Checks) -> ExportDocument:
    """Parse and validate an export document; TransferError with line and column on any problem."""
    deep = safety.too_deep(text)
    if deep is not None:
        raise TransferError(f"nested more than {safety.MAX_DEPTH} levels deep", *_line_col(text, deep))
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TransferError(f"not valid JSON: {exc.msg}", exc.lineno, exc.colno) from None
    if not isinstance(raw, dict):
        raise TransferError('expected a JSON object with an "entries" list', 1, 1)
    if raw.get("format", FORMAT) != FORMAT:
        line, col = locate(text, ["format"])
        raise TransferError(f"not a backcare export (format {raw.get('format')!r})", line, col)
    if "exported_at" not in raw:
        raw["exported_at"] = utc_now().isoformat()
    try:
        doc = ExportDocument.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(err["loc"])
        line, col = locate(text, loc)
        more = f" (and {len(exc.errors()) - 1} more problems)" if len(exc.errors()) > 1 else ""
        raise TransferError(f"{_format_loc(loc) or 'document'}: {err['msg']}{more}", line, col) from None
    problems = checks.document(doc)
    if problems:
        loc, msg = problems[0]
        line, col = locate(text, loc)
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        raise TransferError(f"{_format_loc(loc)}: {msg}{more}", line, col)
    return doc


# --- CSV: ``backcare.adapters.storage.csvform`` (re-exported here) ------------------------------------------

from backcare.adapters.storage.csvform import CSV_COLUMNS, FORMULA_START, parse_csv, restore, to_csv  # noqa: E402

__all__ = [
    "CSV_COLUMNS",
    "FORMULA_START",
    "AssessmentRecord",
    "Checks",
    "DiaryEntry",
    "EpisodeRecord",
    "ExerciseDone",
    "ExportDocument",
    "PlanRecord",
    "ProfileRecord",
    "Retriage",
    "TransferError",
    "locate",
    "parse_csv",
    "parse_json",
    "restore",
    "to_csv",
    "to_json",
]
