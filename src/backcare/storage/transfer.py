"""Export and import documents: the JSON and CSV forms of a person's data, fully validated.

``parse_json`` and ``parse_csv`` turn a file's text into typed records or raise ``TransferError``
naming the line and column of the first problem, before any database is opened; the import then
runs in one transaction, so a malformed file never changes the database.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError

from backcare.diary import DiaryEntry, ExerciseDone, Retriage
from backcare.knowledge.schema import Disposition
from backcare.models import PegResult, RmdqResult

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
        return problems


# --- JSON -----------------------------------------------------------------------------------------


def to_json(doc: ExportDocument) -> str:
    return doc.model_dump_json(indent=2) + "\n"


def parse_json(text: str, checks: Checks) -> ExportDocument:
    """Parse and validate an export document; TransferError with line and column on any problem."""
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
        raw["exported_at"] = dt.datetime.now(dt.UTC).isoformat()
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


# --- CSV (diary entries only, for spreadsheets) ----------------------------------------------------

CSV_COLUMNS = (
    "id",
    "date",
    "recorded_at",
    "timezone",
    "pain",
    "spasms",
    "peg_1",
    "peg_2",
    "peg_3",
    "peg_score",
    "rmdq_ticked",
    "rmdq_score",
    "exercises",
    "cold_sessions",
    "heat_sessions",
    "note",
    "findings",
    "episode_id",
    "retriage_disposition",
    "retriage_red_flags",
    "retriage_assessment_id",
)
REQUIRED_CSV = ("date", "pain")


def to_csv(entries: Iterable[DiaryEntry]) -> str:
    """Entries as CSV: lists joined with ';', exercises as id:repetitions, findings as JSON."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for e in entries:
        peg = list(e.peg.items) if e.peg else [None, None, None]
        writer.writerow(
            [
                e.id,
                e.date.isoformat(),
                e.recorded_at.isoformat().replace("+00:00", "Z"),
                e.timezone,
                e.pain,
                _blank(e.spasms),
                *(_blank(p) for p in peg),
                _blank(e.peg.score if e.peg else None),
                ";".join(str(t) for t in e.rmdq.ticked) if e.rmdq else "",
                _blank(e.rmdq.score if e.rmdq else None),
                ";".join(f"{x.id}:{x.repetitions}" for x in e.exercises),
                e.cold_sessions,
                e.heat_sessions,
                e.note or "",
                json.dumps(e.findings, sort_keys=True) if e.findings else "",
                e.episode_id or "",
                e.retriage.disposition.value if e.retriage else "",
                ";".join(e.retriage.red_flags) if e.retriage else "",
                (e.retriage.assessment_id or "") if e.retriage else "",
            ]
        )
    return buf.getvalue()


def _blank(value: object) -> str:
    return "" if value is None else str(value)


def _ints(text: str, sep: str = ";") -> list[int]:
    return [int(p) for p in text.split(sep) if p.strip()]


def _csv_row(
    row: Mapping[str, str], checks: Checks, now: Callable[[], dt.datetime], default_tz: str, where: list[str]
) -> dict[str, Any]:
    """Build the entry mapping from one row; ``where`` names the column being read, for errors.

    A blank score column is computed from the items (a spreadsheet user may type only the items).
    """
    out: dict[str, Any] = {}
    if row.get("id"):
        out["id"] = row["id"]
    where[0] = "date"
    out["date"] = row["date"]
    where[0] = "recorded_at"
    out["recorded_at"] = row.get("recorded_at") or now().isoformat()
    out["timezone"] = row.get("timezone") or default_tz
    where[0] = "pain"
    out["pain"] = row["pain"]
    for name in ("spasms", "cold_sessions", "heat_sessions"):
        where[0] = name
        if row.get(name):
            out[name] = row[name]
    where[0] = "peg_1"
    pegs = [row.get(f"peg_{i}", "") for i in (1, 2, 3)]
    if any(pegs):
        items = [int(p) for p in pegs]
        where[0] = "peg_score"
        score = float(row["peg_score"]) if row.get("peg_score") else checks.score_peg(items).score
        out["peg"] = {"items": items, "score": score}
    where[0] = "rmdq_ticked"
    if row.get("rmdq_ticked") or row.get("rmdq_score"):
        ticked = _ints(row.get("rmdq_ticked", ""))
        where[0] = "rmdq_score"
        rmdq = int(row["rmdq_score"]) if row.get("rmdq_score") else checks.score_rmdq(ticked).score
        out["rmdq"] = {"ticked": ticked, "score": rmdq}
    where[0] = "exercises"
    if row.get("exercises"):
        done: list[dict[str, Any]] = []
        for part in row["exercises"].split(";"):
            name, _, reps = part.strip().partition(":")
            done.append({"id": name.strip(), "repetitions": int(reps)})
        out["exercises"] = done
    where[0] = "note"
    if row.get("note"):
        out["note"] = row["note"]
    where[0] = "findings"
    if row.get("findings"):
        out["findings"] = json.loads(row["findings"])
    where[0] = "episode_id"
    if row.get("episode_id"):
        out["episode_id"] = row["episode_id"]
    where[0] = "retriage_disposition"
    if row.get("retriage_disposition"):
        out["retriage"] = {
            "disposition": row["retriage_disposition"],
            "red_flags": [f for f in row.get("retriage_red_flags", "").split(";") if f],
            "assessment_id": row.get("retriage_assessment_id") or None,
        }
    return out


def parse_csv(text: str, checks: Checks, now: Callable[[], dt.datetime], default_tz: str = "UTC") -> list[DiaryEntry]:
    """Parse diary entries from CSV; TransferError naming the line and the column on any problem."""
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    try:
        header = reader.fieldnames or []
    except csv.Error as exc:
        raise TransferError(f"not valid CSV: {exc}", 1) from None
    unknown = [h for h in header if h not in CSV_COLUMNS]
    if unknown:
        raise TransferError(f"unknown column {unknown[0]!r}", 1, header.index(unknown[0]) + 1)
    missing = [c for c in REQUIRED_CSV if c not in header]
    if missing:
        raise TransferError(f"missing column {missing[0]!r}", 1)
    entries: list[DiaryEntry] = []
    seen: set[str] = set()
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise TransferError(f"not valid CSV: {exc}", reader.line_num) from None
        line = reader.line_num
        if None in row:
            raise TransferError("more fields than columns", line)
        if any(v is None for v in row.values()):
            raise TransferError("fewer fields than columns", line)
        where = ["?"]
        try:
            data = _csv_row(row, checks, now, default_tz, where)
            entry = DiaryEntry.model_validate(data)
        except (ValueError, KeyError, json.JSONDecodeError) as exc:
            if isinstance(exc, ValidationError):
                err = exc.errors()[0]
                name = _csv_column(tuple(err["loc"]))
                raise TransferError(f"{name}: {err['msg']}", line, _col_ref(header, name)) from None
            raise TransferError(f"{where[0]}: {exc}", line, _col_ref(header, where[0])) from None
        problems = checks.entry(entry)
        if problems:
            loc, msg = problems[0]
            name = _csv_column(loc)
            raise TransferError(msg, line, _col_ref(header, name))
        if entry.id in seen:
            raise TransferError(f"duplicate id {entry.id!r}", line, _col_ref(header, "id"))
        seen.add(entry.id)
        entries.append(entry)
    return entries


def _csv_column(loc: Sequence[str | int]) -> str:
    first = str(loc[0]) if loc else "?"
    if first == "peg":
        return "peg_score" if "score" in loc else "peg_1"
    if first == "rmdq":
        return "rmdq_score" if "score" in loc else "rmdq_ticked"
    if first == "retriage":
        return "retriage_disposition"
    return first


def _col_ref(header: Sequence[str], name: str) -> str:
    return f"{header.index(name) + 1} ({name})" if name in header else name


__all__ = [
    "CSV_COLUMNS",
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
    "to_csv",
    "to_json",
]
