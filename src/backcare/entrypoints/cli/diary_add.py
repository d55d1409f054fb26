"""``backcare diary add``: record a day's entry, re-triaged at once, and say what it changes.

The options are checked against the entry model's own limits (``backcare.core.diary``) before
anything is written; saving and re-triage are ``backcare.services.diary.add_entry``, the step the
web app takes too. Exit codes: 0 only once the entry is committed, 1 the database cannot be used,
2 bad input (nothing was written).
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any

import typer

from backcare.entrypoints.cli.diary import diary_app
from backcare.entrypoints.cli.diary_support import (
    SHOW_DAYS,
    fail,
    open_store,
    parse_date,
    print_messages,
    today_in,
)

if TYPE_CHECKING:
    from backcare.core.diary import DiaryEntry, ExerciseDone, Trend
    from backcare.core.models import Assessment, PegResult, RmdqResult
    from backcare.knowledge import KnowledgeBase
    from backcare.services.diary import EntryAdded


class AddFormat(str, Enum):
    text = "text"
    json = "json"


@dataclass
class EntryOptions:
    """The entry as the options or the prompts gave it: not yet checked."""

    date: str | None
    pain: int | None
    spasms: int | None = None
    peg: str | None = None
    rmdq: str | None = None
    exercise: list[str] = field(default_factory=list)
    cold: int = 0
    heat: int = 0
    note: str | None = None
    finding: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class NewEntry:
    """A checked entry and the episode it starts, if any: what ``diary add`` saves."""

    day: dt.date
    pain: int
    spasms: int | None
    peg: PegResult | None
    rmdq: RmdqResult | None
    exercises: tuple[ExerciseDone, ...]
    cold: int
    heat: int
    note: str | None
    findings: dict[str, Any]
    onset: dt.date | None
    new_episode: bool


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
    from backcare.bootstrap import knowledge

    tz = user_timezone()
    today = today_in(tz)
    kb = knowledge()
    given = EntryOptions(date, pain, spasms, peg, rmdq, exercise, cold, heat, note, finding)
    if pain is None and (interactive or sys.stdin.isatty()):
        from backcare.entrypoints.cli.diary_prompts import ask_entry

        given = ask_entry(kb, today)
    _add(kb, tz, _checked(given, kb, today, onset, new_episode), output)


# --- Checking the options ------------------------------------------------------------------------


def _checked(given: EntryOptions, kb: KnowledgeBase, today: dt.date, onset: str | None, new_episode: bool) -> NewEntry:
    """The options checked against the entry model's limits; bad input exits 2 before anything is written."""
    from backcare.core.diary import NOTE_MAX, PAIN_MAX, PAIN_MIN, SESSIONS_MAX, SPASMS_MAX

    if given.pain is None:
        fail(f"give --pain ({PAIN_MIN}-{PAIN_MAX}), or run `backcare diary add -i` to be asked")
    day = parse_date(given.date, "date", today) if given.date else today
    _count(given.pain, "pain", PAIN_MAX)
    _count(given.spasms, "--spasms", SPASMS_MAX)
    _count(given.cold, "--cold", SESSIONS_MAX)
    _count(given.heat, "--heat", SESSIONS_MAX)
    if given.note is not None and len(given.note) > NOTE_MAX:
        fail(f"--note is longer than {NOTE_MAX:,} characters")
    onset_day = parse_date(onset, "onset", today) if onset else None
    if onset_day and onset_day > day:
        fail(f"bad onset {onset!r}: after the entry's date {day.isoformat()}")
    return NewEntry(
        day=day,
        pain=given.pain,
        spasms=given.spasms,
        peg=_peg(given.peg),
        rmdq=_rmdq(given.rmdq),
        exercises=_exercises(given.exercise, kb),
        cold=given.cold,
        heat=given.heat,
        note=given.note,
        findings=_findings(given.finding, kb),
        onset=onset_day,
        new_episode=new_episode,
    )


def _count(value: int | None, what: str, high: int) -> None:
    if value is not None and not 0 <= value <= high:
        fail(f"{what} must be a whole number from 0 to {high} (got {value})")


def _ints(text: str, what: str) -> list[int]:
    try:
        return [int(p) for p in text.replace(";", ",").split(",") if p.strip()]
    except ValueError:
        fail(f"{what}: give whole numbers separated by commas (got {text!r})")


def _peg(text: str | None) -> PegResult | None:
    if text is None:
        return None
    from backcare.core.instruments import InstrumentError, score_peg

    try:
        return score_peg(_ints(text, "--peg"))
    except InstrumentError as exc:
        fail(f"--peg: {exc}")


def _rmdq(text: str | None) -> RmdqResult | None:
    if text is None:
        return None
    from backcare.core.instruments import InstrumentError, score_rmdq

    ticked = [] if text.strip().lower() in ("", "none", "0") else _ints(text, "--rmdq")
    try:
        return score_rmdq(ticked)
    except InstrumentError as exc:
        fail(f"--rmdq: {exc}")


def _exercises(values: list[str], kb: KnowledgeBase) -> tuple[ExerciseDone, ...]:
    import difflib

    from backcare.core.diary import REPETITIONS_MAX, ExerciseDone

    out: list[ExerciseDone] = []
    for raw in values:
        name, sep, reps = raw.partition(":")
        name = name.strip()
        if name not in kb.exercises:
            close = difflib.get_close_matches(name, list(kb.exercises), n=3, cutoff=0.5)
            hint = f" Did you mean: {', '.join(close)}?" if close else f" Known: {', '.join(kb.exercises)}."
            fail(f"--exercise {raw!r}: unknown exercise id.{hint}")
        try:
            count = int(reps) if sep else 1
        except ValueError:
            fail(f"--exercise {raw!r}: repetitions must be a whole number (ID:REPS, e.g. glute_bridge:10)")
        if not 1 <= count <= REPETITIONS_MAX:
            fail(f"--exercise {raw!r}: repetitions must be from 1 to {REPETITIONS_MAX}")
        out.append(ExerciseDone(id=name, repetitions=count))
    return tuple(out)


def _findings(values: list[str], kb: KnowledgeBase) -> dict[str, Any]:
    """``ID`` (present) or ``ID=VALUE``, read as every front end reads typed answers, then checked."""
    from backcare.core.answers import AnswerError, answer_from_text, parse_answers

    raw: dict[str, Any] = {}
    for item in values:
        key, sep, text = item.partition("=")
        key = key.strip()
        definition = kb.findings.get(key)
        value = answer_from_text(text, definition) if sep and definition is not None else True
        # "unknown" (or an unknown id's value) is kept as written: it clears an earlier answer.
        raw[key] = text.strip() if sep and (value is None or definition is None) else value
    try:
        parse_answers(raw, kb)
    except AnswerError as exc:
        fail(f"--finding {exc}")
    return raw


# --- Saving and reporting ------------------------------------------------------------------------


def _entry(new: NewEntry, tz: str, recorded_at: dt.datetime) -> DiaryEntry:
    """The entry model; its own validation is the last check (exit 2)."""
    from pydantic import ValidationError

    from backcare.core.diary import DiaryEntry

    try:
        return DiaryEntry(
            date=new.day,
            recorded_at=recorded_at,
            timezone=tz,
            pain=new.pain,
            spasms=new.spasms,
            peg=new.peg,
            rmdq=new.rmdq,
            exercises=new.exercises,
            cold_sessions=new.cold,
            heat_sessions=new.heat,
            note=new.note,
            findings=new.findings,
        )
    except ValidationError as exc:
        err = exc.errors()[0]
        fail(f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}")


def _add(kb: KnowledgeBase, tz: str, new: NewEntry, output: AddFormat) -> None:
    """Save the entry through the diary service (re-triage included), then show what it changed."""
    from sqlalchemy.exc import SQLAlchemyError

    from backcare.adapters.storage import StorageError
    from backcare.services.diary import OnsetConflict, Window, add_entry, diary_view

    store = open_store(create=True)
    assert store is not None
    with store:
        entry = _entry(new, tz, store.now())
        try:
            added = add_entry(store, entry, kb=kb, onset=new.onset, new_episode=new.new_episode)
            trend = diary_view(store, episode_id=added.episode.id, window=Window(SHOW_DAYS)).trend
        except OnsetConflict as exc:
            fail(f"--onset {new.onset}: {exc}; add --new-episode to start another")
        except (StorageError, SQLAlchemyError) as exc:
            fail(f"the entry was not saved: {str(exc).splitlines()[0]}", code=1)
    if output is AddFormat.json:
        typer.echo(_as_json(added, trend))
    else:
        _print_added(added, trend, kb)


def _as_json(added: EntryAdded, trend: Trend) -> str:
    import json

    assessment = added.retriage
    out = {
        "entry": json.loads(added.entry.model_dump_json()),
        "retriage": None
        if assessment is None
        else {"disposition": assessment.disposition.value, "red_flags": added.alert, "alert": bool(added.alert)},
        "messages": [json.loads(m.model_dump_json()) for m in trend.messages],
    }
    return json.dumps(out, indent=2)


def _print_added(added: EntryAdded, trend: Trend, kb: KnowledgeBase) -> None:
    entry = added.entry
    day = (entry.date - added.episode.onset).days
    typer.echo(f"Saved: {entry.date.isoformat()}, pain {entry.pain}/10 (episode day {day}).")
    if added.retriage is not None and added.alert:
        _show_alert(added.retriage, added.alert)
    print_messages(trend.model_copy(update={"messages": [m for m in trend.messages if m.id != "red_flag"]}), kb)


def _show_alert(assessment: Assessment, flags: list[str]) -> None:
    hits = [h for h in assessment.red_flags if h.id in flags]
    typer.secho(f"Warning sign reported — re-triage: {assessment.disposition.value.upper()}", fg="red", bold=True)
    typer.secho(assessment.disposition_text, bold=True)
    for hit in hits:
        typer.echo(f"  • {typer.style(hit.name, bold=True)} (because: {', '.join(hit.because)}): {hit.advice}")
        if hit.sources:
            typer.secho(f"    Sources: {'; '.join(hit.sources)}", dim=True)
