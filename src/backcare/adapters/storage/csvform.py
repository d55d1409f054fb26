"""The CSV form of the diary (entries only, for spreadsheets), written so a spreadsheet never runs a cell.

Split from ``backcare.adapters.storage.transfer`` (which re-exports these names); the same ``Checks`` and
``TransferError`` apply, so a CSV file is validated exactly as strictly as a JSON export.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from pydantic import ValidationError

from backcare.adapters.storage.transfer import Checks, TransferError
from backcare.core.diary import DiaryEntry

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


#: A spreadsheet evaluates a cell that starts with one of these (OWASP "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: object) -> object:
    """Text that a spreadsheet would evaluate gets a leading ``'`` (shown as text, never run).

    A cell that already starts with ``'`` gets one more, so ``restore`` is its exact inverse.
    """
    if isinstance(cell, str) and cell.startswith((*FORMULA_START, "'")):
        return "'" + cell
    return cell


def restore(cell: str) -> str:
    return cell[1:] if cell.startswith("'") else cell


def to_csv(entries: Iterable[DiaryEntry]) -> str:
    """Entries as CSV (RFC 4180 line ends, so a carriage return inside a note is quoted): lists joined
    with ';', exercises as id:repetitions, findings as JSON, formula-like text neutralised."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for e in entries:
        writer.writerow([neutralise(cell) for cell in _csv_cells(e)])
    return buf.getvalue()


def _csv_cells(e: DiaryEntry) -> tuple[object, ...]:
    peg = list(e.peg.items) if e.peg else [None, None, None]
    return (
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
    )


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
        row = {k: restore(v) for k, v in row.items()}
        where = ["?"]
        try:
            data = _csv_row(row, checks, now, default_tz, where)
            entry = DiaryEntry.model_validate(data)
        except RecursionError:
            raise TransferError(f"{where[0]}: nested too deeply", line, _col_ref(header, where[0])) from None
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
