"""``backcare diary add|show|chart``, ``export``, ``import``, ``backup`` and ``forget``.

A thin shell: it parses options and renders results. Adding an entry (with re-triage) and an
episode's trend are ``backcare.services.diary`` steps, the same ones the web app takes, on the local
person's profile ("default"); export, import and forget go through ``backcare.adapters.storage``. Heavy
libraries are imported inside the commands so ``backcare --help`` stays fast.

Exit codes: 0 done (for ``diary add``: only once the entry is committed), 1 the database cannot be
used or there is nothing to act on, 2 bad input (nothing was written).
"""

from __future__ import annotations

import datetime as dt
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer

from backcare.entrypoints.cli import app

if TYPE_CHECKING:
    from backcare.adapters.storage import Store, UnitOfWork
    from backcare.core.diary import CoursePoint, Trend
    from backcare.core.models import Assessment
    from backcare.knowledge import KnowledgeBase

diary_app = typer.Typer(
    help="Recovery diary: log pain, spasms, exercises and cold/heat; see the trend and a chart.",
    no_args_is_help=True,
)
app.add_typer(diary_app, name="diary")

MAX_IMPORT_BYTES = 200_000_000
DB_HELP = "Database: BACKCARE_DATABASE_URL, else BACKCARE_DATA_DIR/backcare.db, else the user data directory."


class ShowFormat(str, Enum):
    table = "table"
    json = "json"


class AddFormat(str, Enum):
    text = "text"
    json = "json"


class ExportFormat(str, Enum):
    json = "json"
    csv = "csv"
    ics = "ics"
    fhir = "fhir"


SHOW_DAYS = 90
"""Days ``diary show`` reads and shows by default: its cost is the window's, not the diary's."""


class ImportFormat(str, Enum):
    auto = "auto"
    json = "json"
    csv = "csv"
    fhir = "fhir"


def _fail(message: str, code: int = 2) -> NoReturn:
    typer.echo(f"backcare: error: {message}", err=True)
    raise typer.Exit(code)


def _open(create: bool) -> Store | None:
    """The store, or None when nothing has been recorded yet (and ``create`` is False)."""
    from backcare.adapters.storage import NoDatabase, StorageError, open_store

    try:
        return open_store(create=create)
    except NoDatabase:
        return None
    except StorageError as exc:
        _fail(str(exc), code=1)


def _console(table: bool = False) -> Any:
    """Rich console: messages are not hard-wrapped (pipes and scripts get whole lines)."""
    from rich.console import Console

    console = Console(soft_wrap=not table)
    if table and not console.is_terminal:
        console = Console(width=120)
    return console


def _today(tz: str) -> dt.date:
    from zoneinfo import ZoneInfo

    return dt.datetime.now(ZoneInfo(tz)).date()


def _parse_date(value: str, what: str, today: dt.date) -> dt.date:
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        _fail(f"bad {what} {value!r}: use YYYY-MM-DD, e.g. {today.isoformat()}")
    if day > today:
        _fail(f"bad {what} {value!r}: it is in the future (today is {today.isoformat()})")
    return day


def _count(value: int | None, what: str, high: int) -> int | None:
    if value is not None and not 0 <= value <= high:
        _fail(f"{what} must be a whole number from 0 to {high} (got {value})")
    return value


# --- Parsing the entry's options -----------------------------------------------------------------


def _ints(text: str, what: str) -> list[int]:
    try:
        return [int(p) for p in text.replace(";", ",").split(",") if p.strip()]
    except ValueError:
        _fail(f"{what}: give whole numbers separated by commas (got {text!r})")


def _peg(text: str | None) -> Any:
    if text is None:
        return None
    from backcare.core.instruments import InstrumentError, score_peg

    try:
        return score_peg(_ints(text, "--peg"))
    except InstrumentError as exc:
        _fail(f"--peg: {exc}")


def _rmdq(text: str | None) -> Any:
    if text is None:
        return None
    from backcare.core.instruments import InstrumentError, score_rmdq

    ticked = [] if text.strip().lower() in ("", "none", "0") else _ints(text, "--rmdq")
    try:
        return score_rmdq(ticked)
    except InstrumentError as exc:
        _fail(f"--rmdq: {exc}")


def _exercises(values: list[str], kb: KnowledgeBase) -> list[dict[str, Any]]:
    import difflib

    out: list[dict[str, Any]] = []
    for raw in values:
        name, sep, reps = raw.partition(":")
        name = name.strip()
        if name not in kb.exercises:
            close = difflib.get_close_matches(name, list(kb.exercises), n=3, cutoff=0.5)
            hint = f" Did you mean: {', '.join(close)}?" if close else f" Known: {', '.join(kb.exercises)}."
            _fail(f"--exercise {raw!r}: unknown exercise id.{hint}")
        try:
            count = int(reps) if sep else 1
        except ValueError:
            _fail(f"--exercise {raw!r}: repetitions must be a whole number (ID:REPS, e.g. glute_bridge:10)")
        if not 1 <= count <= 1000:
            _fail(f"--exercise {raw!r}: repetitions must be from 1 to 1000")
        out.append({"id": name, "repetitions": count})
    return out


def _finding_value(text: str) -> Any:
    low = text.strip().lower()
    if low in ("true", "yes", "y", "present", "1"):
        return True
    if low in ("false", "no", "n", "absent", "0"):
        return False
    try:
        return int(low)
    except ValueError:
        return text.strip()


def _findings(values: list[str], kb: KnowledgeBase) -> dict[str, Any]:
    from backcare.core.answers import AnswerError, parse_answers

    raw: dict[str, Any] = {}
    for item in values:
        key, sep, value = item.partition("=")
        key = key.strip()
        parsed: Any = _finding_value(value) if sep else True
        definition = kb.findings.get(key)
        if definition is not None and definition.type == "list" and isinstance(parsed, str):
            parsed = [p.strip() for p in parsed.split(",") if p.strip()]
        raw[key] = parsed
    try:
        parse_answers(raw, kb)
    except AnswerError as exc:
        _fail(f"--finding {exc}")
    return raw


# --- Re-triage and trend messages ------------------------------------------------------------


def _show_alert(assessment: Assessment, flags: list[str]) -> None:
    console = _console()
    hits = [h for h in assessment.red_flags if h.id in flags]
    console.print(f"[bold red]Warning sign reported — re-triage: {assessment.disposition.value.upper()}[/bold red]")
    console.print(f"[bold]{assessment.disposition_text}[/bold]")
    for hit in hits:
        console.print(f"  • [bold]{hit.name}[/bold] (because: {', '.join(hit.because)}): {hit.advice}")
        if hit.sources:
            console.print(f"    [dim]Sources: {'; '.join(hit.sources)}[/dim]")


def _print_messages(trend: Trend, kb: KnowledgeBase) -> None:
    console = _console()
    style = {"alert": "bold red", "warning": "bold yellow", "advice": "bold", "info": ""}
    for m in trend.messages:
        console.print(f"[{style[m.level]}]{m.text}[/{style[m.level]}]" if style[m.level] else m.text)
        if m.sources:
            labels = [kb.sources[s].label if s in kb.sources else s for s in m.sources]
            console.print(f"  [dim]Sources: {'; '.join(labels)}[/dim]")


# --- diary add -----------------------------------------------------------------------------------


@diary_app.command("add")
def add(
    date: str | None = typer.Option(None, "--date", "-d", help="Day of the entry, YYYY-MM-DD (default: today)."),
    pain: int | None = typer.Option(None, "--pain", "-p", help="Pain now, 0 (none) to 10 (worst imaginable)."),
    spasms: int | None = typer.Option(None, "--spasms", help="Number of spasms today."),
    peg: str | None = typer.Option(None, "--peg", help="The three PEG answers, 0-10 each: e.g. 6,5,7."),
    rmdq: str | None = typer.Option(
        None, "--rmdq", help="Roland-Morris statements that apply today, by number: e.g. 2,5,9 (or 'none')."
    ),
    exercise: list[str] = typer.Option([], "--exercise", "-e", help="Exercise done as ID:REPS; repeatable."),
    cold: int = typer.Option(0, "--cold", help="Cold-pack sessions today."),
    heat: int = typer.Option(0, "--heat", help="Heat sessions today."),
    note: str | None = typer.Option(None, "--note", "-n", help="Free-text note (checked for warning signs)."),
    finding: list[str] = typer.Option(
        [], "--finding", "-f", help="A new finding, ID or ID=VALUE (e.g. saddle_numbness); repeatable."
    ),
    onset: str | None = typer.Option(None, "--onset", help="Start of this episode (when starting a new one)."),
    new_episode: bool = typer.Option(False, "--new-episode", help="Close the current episode and start a new one."),
    interactive: bool = typer.Option(False, "--interactive", "-i", help="Ask for each value."),
    output: AddFormat = typer.Option(AddFormat.text, "--format", help="Output format."),
) -> None:
    """Record a diary entry. Exit 0 only once the entry is committed; 2 on bad input (nothing saved)."""
    from backcare.adapters.storage import user_timezone
    from backcare.knowledge import load_knowledge

    tz = user_timezone()
    today = _today(tz)
    kb = load_knowledge()
    if pain is None and (interactive or sys.stdin.isatty()):
        values = _ask(kb, today)
        date, pain, spasms, peg, rmdq = values["date"], values["pain"], values["spasms"], values["peg"], values["rmdq"]
        exercise, cold, heat = values["exercise"], values["cold"], values["heat"]
        note, finding = values["note"], values["finding"]
    if pain is None:
        _fail("give --pain (0-10), or run `backcare diary add -i` to be asked")
    day = _parse_date(date, "date", today) if date else today
    _count(pain, "pain", 10)
    _count(spasms, "--spasms", 1000)
    _count(cold, "--cold", 48)
    _count(heat, "--heat", 48)
    if note is not None and len(note) > 10_000:
        _fail("--note is longer than 10,000 characters")
    onset_day = _parse_date(onset, "onset", today) if onset else None
    if onset_day and onset_day > day:
        _fail(f"bad onset {onset!r}: after the entry's date {day.isoformat()}")
    peg_result, rmdq_result = _peg(peg), _rmdq(rmdq)
    done = _exercises(exercise, kb)
    found = _findings(finding, kb)
    _add(
        kb,
        tz,
        today,
        day,
        pain,
        spasms,
        peg_result,
        rmdq_result,
        done,
        cold,
        heat,
        note,
        found,
        onset_day,
        new_episode,
        output,
    )


def _add(
    kb: KnowledgeBase,
    tz: str,
    today: dt.date,
    day: dt.date,
    pain: int,
    spasms: int | None,
    peg: Any,
    rmdq: Any,
    done: list[dict[str, Any]],
    cold: int,
    heat: int,
    note: str | None,
    found: dict[str, Any],
    onset: dt.date | None,
    new_episode: bool,
    output: AddFormat,
) -> None:
    import json

    from pydantic import ValidationError
    from sqlalchemy.exc import SQLAlchemyError

    from backcare.adapters.storage import StorageError
    from backcare.core.diary import DiaryEntry
    from backcare.services.diary import OnsetConflict, Window, add_entry, diary_view

    store = _open(create=True)
    assert store is not None
    with store:
        try:
            entry = DiaryEntry(
                date=day,
                recorded_at=store.now(),
                timezone=tz,
                pain=pain,
                spasms=spasms,
                peg=peg,
                rmdq=rmdq,
                exercises=tuple(done),
                cold_sessions=cold,
                heat_sessions=heat,
                note=note,
                findings=found,
            )
        except ValidationError as exc:
            err = exc.errors()[0]
            _fail(f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}")
        try:
            added = add_entry(store, entry, onset=onset, new_episode=new_episode)
            trend = diary_view(store, episode_id=added.episode.id, window=Window(SHOW_DAYS)).trend
        except OnsetConflict as exc:
            _fail(f"--onset {onset}: {exc}; add --new-episode to start another")
        except (StorageError, SQLAlchemyError) as exc:
            _fail(f"the entry was not saved: {str(exc).splitlines()[0]}", code=1)
    entry, assessment, warning = added.entry, added.retriage, added.warning

    if output is AddFormat.json:
        out = {
            "entry": json.loads(entry.model_dump_json()),
            "retriage": None
            if assessment is None
            else {
                "disposition": assessment.disposition.value,
                "red_flags": added.alert,
                "alert": bool(added.alert),
            },
            "messages": [json.loads(m.model_dump_json()) for m in trend.messages],
            "warnings": [warning] if warning else [],
        }
        typer.echo(json.dumps(out, indent=2))
        return
    typer.echo(f"Saved: {day.isoformat()}, pain {pain}/10 (episode day {(day - added.episode.onset).days}).")
    if warning:
        typer.echo(f"backcare: warning: {warning}", err=True)
    if assessment is not None and added.alert:
        _show_alert(assessment, added.alert)
    _print_messages(trend.model_copy(update={"messages": [m for m in trend.messages if m.id != "red_flag"]}), kb)


def _ask(kb: KnowledgeBase, today: dt.date) -> dict[str, Any]:
    """Interactive entry: ask each value with the published wording; blank answers skip optional ones."""

    def number(prompt: str, low: int, high: int, default: int | None = None) -> int | None:
        while True:
            raw = typer.prompt(
                prompt, default="" if default is None else str(default), show_default=default is not None
            )
            if raw.strip() == "" and default is None:
                return None
            try:
                value = int(raw)
            except ValueError:
                typer.echo(f"  please type a whole number from {low} to {high}")
                continue
            if low <= value <= high:
                return value
            typer.echo(f"  please type a whole number from {low} to {high}")

    values: dict[str, Any] = {}
    values["date"] = typer.prompt("Date (YYYY-MM-DD)", default=today.isoformat())
    values["pain"] = number("Pain now, 0 (none) to 10 (worst imaginable)", 0, 10)
    while values["pain"] is None:
        values["pain"] = number("Pain is needed: 0 to 10", 0, 10)
    values["spasms"] = number("How many spasms today? (blank to skip)", 0, 1000)
    values["peg"] = None
    if typer.confirm("Answer the three PEG questions (past week)?", default=False):
        items = []
        for fid in ("peg_1", "peg_2", "peg_3"):
            question = kb.findings[fid].question if fid in kb.findings else fid
            answer = None
            while answer is None:
                answer = number(f"{question} (0-10)", 0, 10)
            items.append(str(answer))
        values["peg"] = ",".join(items)
    values["rmdq"] = None
    rmdq = getattr(kb, "instruments", {}).get("rmdq")
    if rmdq is not None and typer.confirm("Tick the Roland-Morris statements that describe you today?", default=False):
        typer.echo(rmdq.instructions)
        for item in rmdq.items:
            typer.echo(f"  {item.number:>2}. {item.text}")
        values["rmdq"] = typer.prompt("Numbers that apply, separated by commas (or 'none')", default="none")
    ex = typer.prompt("Exercises done as ID:REPS separated by commas (blank for none)", default="", show_default=False)
    values["exercise"] = [p.strip() for p in ex.split(",") if p.strip()]
    values["cold"] = number("Cold-pack sessions today", 0, 48, default=0)
    values["heat"] = number("Heat sessions today", 0, 48, default=0)
    values["finding"] = []
    if typer.confirm(
        "Anything new such as numbness between the legs, bladder or bowel changes, leg weakness, fever or chest pain?",
        default=False,
    ):
        for fid, definition in kb.findings.items():
            asked = definition.screening and definition.type == "bool"
            if asked and typer.confirm(f"  {definition.question}", default=False):
                values["finding"].append(fid)
    note = typer.prompt("Note (blank for none)", default="", show_default=False)
    values["note"] = note or None
    return values


# --- diary show ----------------------------------------------------------------------------------


@diary_app.command("show")
def show(
    days: int = typer.Option(
        SHOW_DAYS, "--days", min=1, max=36_600, help="How many days to show, ending at --until (or the latest entry)."
    ),
    until: str | None = typer.Option(
        None, "--until", help="Last day shown (YYYY-MM-DD): page back through the diary with --days."
    ),
    show_all: bool = typer.Option(False, "--all", help="Every entry of the episode (slow for a long diary)."),
    output: ShowFormat = typer.Option(ShowFormat.table, "--format", help="Output format."),
) -> None:
    """The current episode's diary with change from baseline, the expected course and adherence.

    Shows the last 90 days by default; the baseline is always the episode's start.
    """
    from backcare.adapters.storage import user_timezone
    from backcare.knowledge import load_knowledge
    from backcare.services.diary import Window, diary_view

    store = _open(create=False)
    if store is None:
        if output is ShowFormat.json:
            typer.echo('{"entries": 0, "trend": null}')
        else:
            typer.echo("No diary yet: add an entry with `backcare diary add --pain N`.")
        return
    last = None if until is None else _parse_date(until, "--until", _today(user_timezone()))
    with store:
        view = diary_view(store, window=None if show_all else Window(days, last))
    entries, trend = view.entries, view.trend
    if output is ShowFormat.json:
        typer.echo(trend.model_dump_json(indent=2))
        return
    if not entries:
        typer.echo("No diary entries in these days." if until else "No diary entries in the current episode yet.")
        return
    _print_table(trend)
    _print_messages(trend, load_knowledge())


def _print_table(trend: Trend) -> None:
    from rich.table import Table

    arrows = {"improved": "[green]↓[/green]", "worse": "[red]↑[/red]", "no_important_change": "→"}
    rows = trend.rows
    table = Table(title=f"Back pain diary (episode from {trend.onset})", title_justify="left")
    columns = (
        "date",
        "day",
        "pain",
        "vs start",
        "expected",
        "spasms",
        "PEG",
        "RMDQ",
        "exercises",
        "cold/heat",
        "flags",
    )
    for name in columns:
        table.add_column(name, justify="right" if name not in ("date", "flags") else "left")
    for r in rows:
        table.add_row(
            r.date.isoformat(),
            "" if r.day is None else str(r.day),
            str(r.pain),
            f"{r.change:+g} {arrows[r.verdict]}",
            "" if r.expected is None else f"{r.expected:.1f}",
            "" if r.spasms is None else str(r.spasms),
            "" if r.peg is None else f"{r.peg:g}",
            "" if r.rmdq is None else str(r.rmdq),
            str(r.exercises),
            str(r.thermal),
            ", ".join(r.red_flags),
        )
    console = _console(table=True)
    console.print(table)
    if trend.baseline is not None:
        console.print(
            f"Baseline: pain {trend.baseline.pain}/10 on {trend.baseline.date} (from the {trend.baseline.source})."
        )
    for change in (trend.nrs, trend.peg, trend.rmdq):
        if change is not None:
            label = {"nrs": "Pain (last 7 days)", "peg": "PEG", "rmdq": "RMDQ"}[change.measure]
            verdict = change.verdict.replace("_", " ")
            console.print(
                f"{label}: {change.baseline:g} → {change.current:g} ({change.change:+g}; "
                f"important change {change.mic:g}{' or 30%' if change.measure == 'nrs' else ''}): {verdict}."
            )
    if trend.adherence is not None and trend.adherence.share is not None:
        a = trend.adherence
        console.print(
            f"Plan sessions done on logged days: {a.done}/{a.scheduled} ({a.share:.0%}); "
            f"{a.days_unlogged} scheduled day(s) without an entry."
        )


# --- diary chart ---------------------------------------------------------------------------------


@diary_app.command("chart")
def chart(
    out: Path = typer.Option(..., "--out", "-o", help="Output file, .png or .svg."),
    days: int = typer.Option(90, "--days", min=1, max=3650, help="How many days to show, ending at the last entry."),
) -> None:
    """Draw pain over time with the expected-course band, the important-change line and adherence."""
    from backcare.adapters.chart import ChartError, chart_format, write_chart
    from backcare.core.diary import expected_course
    from backcare.services.diary import diary_view

    try:
        chart_format(out)
    except ChartError as exc:
        _fail(str(exc))
    store = _open(create=False)
    if store is None:
        _fail("no diary yet: add an entry with `backcare diary add --pain N`", code=1)
    with store:
        view = diary_view(store)
    entries, trend = view.entries, view.trend
    if not entries or trend.latest is None or trend.onset is None:
        _fail("no diary entries in the current episode to chart", code=1)
    until = trend.latest
    since = max(until - dt.timedelta(days=days - 1), min(trend.onset, entries[0].date))
    course: list[CoursePoint] = expected_course(trend.baseline, trend.onset, until) if trend.baseline else []
    try:
        summary = write_chart(out, entries, trend, course, since, until)
    except OSError as exc:
        _fail(f"cannot write {out}: {exc.strerror}", code=1)
    typer.echo(f"Chart written to {summary.path} ({summary.entries} entries, {since} to {until}).")


# --- export / import / backup / forget -----------------------------------------------------------


@app.command("export")
def export(
    output: ExportFormat = typer.Option(
        ExportFormat.json, "--format", "-f", help="json (everything), csv, ics, fhir (a FHIR R4 Bundle)."
    ),
    out: Path | None = typer.Option(None, "--out", "-o", help="Write to this file instead of standard output."),
    name: str | None = typer.Option(None, "--name", help="fhir: put this name in the Patient (default: none)."),
) -> None:
    """Export your data: JSON (everything, re-importable), CSV (diary entries), the plan as .ics, or FHIR."""
    from backcare.adapters.storage import utc_now
    from backcare.adapters.storage.transfer import ExportDocument, to_csv, to_json

    store = _open(create=False)
    if output is ExportFormat.fhir:  # backcare.adapters.interop: a FHIR R4 Bundle of everything
        from backcare.adapters.interop.transfer import export_fhir

        if store is None:
            data = export_fhir(None, name=name).encode()
        else:
            with store:
                data = export_fhir(store, name=name).encode()
    elif store is None:
        doc = ExportDocument(entries=[], exported_at=utc_now())
        data = to_json(doc).encode() if output is ExportFormat.json else to_csv([]).encode()
        if output is ExportFormat.ics:
            _fail("no stored plan to export: run `backcare assess` first", code=1)
    else:
        with store, store.unit_of_work(write=False) as uow:
            if output is ExportFormat.ics:
                data = _plan_ics(uow)
            else:
                doc = uow.diary.export()
                data = (to_json(doc) if output is ExportFormat.json else to_csv(doc.entries)).encode()
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    _write_file(out, data)
    typer.echo(f"Exported to {out}.", err=True)


def _plan_ics(uow: UnitOfWork) -> bytes:
    from backcare.adapters.calendar import plan_to_ics
    from backcare.core.models import Plan

    record = uow.diary.latest_plan()
    if record is None:
        _fail("no stored plan to export: run `backcare assess` first", code=1)
    return plan_to_ics(Plan.model_validate(record.content), start=record.start_date, tz=record.timezone)


def _write_file(path: Path, data: bytes) -> None:
    import os
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".backcare-", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except OSError as exc:
        _fail(f"cannot write {path}: {exc.strerror}", code=1)


def _checks(kb: KnowledgeBase) -> Any:
    from backcare.adapters.storage.transfer import Checks
    from backcare.core.instruments import score_peg, score_rmdq

    askable = [fid for fid, f in kb.findings.items() if not f.computed]
    return Checks(askable, score_peg, score_rmdq)


@app.command("import")
def import_(
    file: Path = typer.Argument(
        ..., help="A file made by `backcare export` (JSON, CSV or a FHIR Bundle); '-' for standard input."
    ),
    fmt: ImportFormat = typer.Option(ImportFormat.auto, "--format", "-f", help="File format (auto: by content)."),
    replace: bool = typer.Option(False, "--replace", help="Delete your current data first (one transaction)."),
) -> None:
    """Import an export: validated completely first; a malformed file changes nothing (exit 2)."""
    from backcare.adapters.storage import ImportConflict, StorageError, user_timezone, utc_now
    from backcare.adapters.storage.safety import TooLarge, read_bounded
    from backcare.adapters.storage.transfer import TransferError, parse_csv, parse_json
    from backcare.knowledge import load_knowledge

    try:  # a file's size is checked before it is read; a stream is read no further than the limit
        raw = sys.stdin.buffer.read(MAX_IMPORT_BYTES + 1) if str(file) == "-" else read_bounded(file, MAX_IMPORT_BYTES)
    except OSError as exc:
        _fail(f"cannot read {file}: {exc.strerror}")
    except TooLarge as exc:
        _fail(f"{file}: {exc}; nothing was imported")
    if len(raw) > MAX_IMPORT_BYTES:
        _fail(f"{file}: larger than {MAX_IMPORT_BYTES // 1_000_000} MB")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        _fail(f"{file}: not UTF-8 text (byte {exc.start})")
    kind = fmt.value
    if kind == "auto":
        kind = "json" if text.lstrip().startswith(("{", "[")) or file.suffix.lower() == ".json" else "csv"
        if kind == "json":
            from backcare.adapters.interop.transfer import looks_like_bundle

            kind = "fhir" if looks_like_bundle(text) else "json"
    kb = load_knowledge()
    tz = user_timezone()
    if kind == "fhir":
        _import_fhir(file, text, tz, replace)
        return
    try:
        if kind == "json":
            doc = parse_json(text, _checks(kb))
            entries = None
        else:
            entries = parse_csv(text, _checks(kb), utc_now, tz)
    except TransferError as exc:
        _fail(f"{file}: {exc}; nothing was imported")
    store = _open(create=True)
    assert store is not None
    try:
        with store, store.unit_of_work() as uow:
            if entries is None:
                summary = uow.diary.import_document(doc, replace=replace)
            else:
                if replace:
                    uow.diary.forget(keep_profile=True)
                summary = uow.diary.import_entries(entries, tz)
            uow.commit()
    except ImportConflict as exc:
        _fail(str(exc))
    except StorageError as exc:
        _fail(f"nothing was imported: {exc}", code=1)
    _imported(summary)


def _imported(summary: Any, skipped: str = "") -> None:
    """One line on what an import added and what was already there."""
    added = ", ".join(f"{n} {k}(s)" for k, n in summary.added.items()) or "nothing new"
    same = sum(summary.unchanged.values())
    typer.echo(f"Imported {added}" + (f"; {same} already present and unchanged." if same else ".") + skipped)


def _import_fhir(file: Path, text: str, tz: str, replace: bool) -> None:
    """A FHIR Bundle (backcare.adapters.interop): validated whole first; a bad bundle changes nothing (exit 2)."""
    from backcare.adapters.interop.fhir_import import FhirImportError
    from backcare.adapters.interop.transfer import read_bundle, write_import
    from backcare.adapters.storage import ImportConflict, StorageError

    try:
        parsed = read_bundle(text, tz)
    except FhirImportError as exc:
        _fail(f"{file}: {exc}; nothing was imported")
    store = _open(create=True)
    assert store is not None
    try:
        with store:
            summary = write_import(store, parsed, tz, replace=replace)
    except ImportConflict as exc:
        _fail(str(exc))
    except StorageError as exc:
        _fail(f"nothing was imported: {exc}", code=1)
    _imported(summary, f" {parsed.ignored} resource(s) of other kinds were not imported." if parsed.ignored else "")


@app.command("backup")
def backup(
    file: Path = typer.Argument(..., help="Where to write the backup."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
) -> None:
    """Copy the database: a consistent SQLite copy, or (for PostgreSQL) a JSON export."""
    from backcare.adapters.storage import sqlite_path
    from backcare.adapters.storage.transfer import to_json

    if file.exists() and not force:
        _fail(f"{file} exists; use --force to overwrite it", code=1)
    store = _open(create=False)
    if store is None:
        _fail("nothing to back up yet", code=1)
    with store:
        source = sqlite_path(store.engine.url)
        if source is not None:
            if file.resolve() == source.resolve():
                _fail("the backup file cannot be the database itself", code=1)
            try:
                file.parent.mkdir(parents=True, exist_ok=True)
                store.backup_sqlite(file)
            except OSError as exc:
                _fail(f"cannot write {file}: {exc.strerror}", code=1)
            typer.echo(f"Backed up {source} to {file} (SQLite copy).")
            return
        with store.unit_of_work(write=False) as uow:
            data = to_json(uow.diary.export()).encode()
    _write_file(file, data)
    typer.echo(f"Backed up {store.location} to {file} (JSON export; restore with `backcare import`).")


@app.command("forget")
def forget(
    yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask for confirmation (for scripts)."),
) -> None:
    """Delete all of your data (diary, assessments, plans) after confirmation.

    Only the local person's profile is deleted: web accounts kept in the same database keep theirs.
    """
    store = _open(create=False)
    if store is None:
        typer.echo("Nothing stored: there is nothing to forget.")
        return
    with store:
        with store.unit_of_work(write=False) as uow:
            count = uow.diary.count_entries()
        if not yes:
            typer.echo(
                f"This permanently deletes your {count} diary entries and all of your stored assessments and "
                f"plans in {store.location}."
            )
            if not typer.confirm("Delete everything?", default=False):
                typer.echo("Nothing was deleted.")
                raise typer.Exit(1)
        with store.unit_of_work() as uow:
            counts = uow.diary.forget()
            uow.commit()
        store.compact()
    typer.echo(f"Deleted {sum(counts.values())} rows ({counts.get('entries', 0)} diary entries).")
