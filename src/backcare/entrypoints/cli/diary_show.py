"""``backcare diary show`` and ``backcare diary chart``: the episode's trend as a table or a picture.

Both read the episode through ``backcare.services.diary.diary_view``, the view the web app shows,
and only render it. Exit codes: 0 done, 1 nothing to chart or the database cannot be used, 2 bad
input.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

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
    from backcare.core.diary import CoursePoint, Trend, TrendRow


class ShowFormat(str, Enum):
    table = "table"
    json = "json"


COLUMNS = ("date", "day", "pain", "vs start", "expected", "spasms", "PEG", "RMDQ", "exercises", "cold/heat", "flags")
CHANGE = COLUMNS.index("vs start")
LEFT = ("date", "flags")
"""Columns aligned left; the rest are numbers, aligned right."""
ARROWS = {"improved": "↓", "worse": "↑", "no_important_change": "→"}
COLOURS = {"improved": "green", "worse": "red"}
"""The "vs start" cell's colour on a terminal, by the change's verdict."""
MEASURES = {"nrs": "Pain (last 7 days)", "peg": "PEG", "rmdq": "RMDQ"}


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
    from backcare.bootstrap import knowledge
    from backcare.services.diary import Window, diary_view

    store = open_store(create=False)
    if store is None:
        if output is ShowFormat.json:
            typer.echo('{"entries": 0, "trend": null}')
        else:
            typer.echo("No diary yet: add an entry with `backcare diary add --pain N`.")
        return
    last = None if until is None else parse_date(until, "--until", today_in(user_timezone()))
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
    print_messages(trend, knowledge())


def _cells(r: TrendRow) -> tuple[str, ...]:
    """One entry's row of the table, in the order of ``COLUMNS``."""
    return (
        r.date.isoformat(),
        "" if r.day is None else str(r.day),
        str(r.pain),
        f"{r.change:+g} {ARROWS[r.verdict]}",
        "" if r.expected is None else f"{r.expected:.1f}",
        "" if r.spasms is None else str(r.spasms),
        "" if r.peg is None else f"{r.peg:g}",
        "" if r.rmdq is None else str(r.rmdq),
        str(r.exercises),
        str(r.thermal),
        ", ".join(r.red_flags),
    )


def _print_table(trend: Trend) -> None:
    """The rows as a plain, aligned table: each column as wide as its widest cell.

    The cells are short and fit on one line, so they are only padded. (Rich's table measures and
    wraps every cell: about 70 ms for the default 90 rows, a sixth of the whole command.)
    """
    rows = [_cells(r) for r in trend.rows]
    widths = [max(len(name), *(len(cells[i]) for cells in rows)) for i, name in enumerate(COLUMNS)]

    def line(cells: tuple[str, ...], colour: str | None = None) -> str:
        padded = [
            c.ljust(w) if name in LEFT else c.rjust(w) for c, w, name in zip(cells, widths, COLUMNS, strict=True)
        ]
        if colour:
            padded[CHANGE] = typer.style(padded[CHANGE], fg=colour)
        return "  ".join(padded).rstrip()

    lines = [f"Back pain diary (episode from {trend.onset})", line(COLUMNS), line(tuple("-" * w for w in widths))]
    lines += [line(cells, COLOURS.get(r.verdict)) for cells, r in zip(rows, trend.rows, strict=True)]
    typer.echo("\n".join(lines + _summary(trend)))


def _summary(trend: Trend) -> list[str]:
    """The lines under the table: baseline, change of each measure, adherence."""
    lines: list[str] = []
    if trend.baseline is not None:
        b = trend.baseline
        lines.append(f"Baseline: pain {b.pain}/10 on {b.date} (from the {b.source}).")
    for change in (trend.nrs, trend.peg, trend.rmdq):
        if change is not None:
            verdict = change.verdict.replace("_", " ")
            lines.append(
                f"{MEASURES[change.measure]}: {change.baseline:g} → {change.current:g} ({change.change:+g}; "
                f"important change {change.mic:g}{' or 30%' if change.measure == 'nrs' else ''}): {verdict}."
            )
    if trend.adherence is not None and trend.adherence.share is not None:
        a = trend.adherence
        lines.append(
            f"Plan sessions done on logged days: {a.done}/{a.scheduled} ({a.share:.0%}); "
            f"{a.days_unlogged} scheduled day(s) without an entry."
        )
    return lines


@diary_app.command("chart")
def chart(
    out: Path = typer.Option(..., "--out", "-o", help="Output file, .png or .svg."),
    days: int = typer.Option(90, "--days", min=1, max=3650, help="How many days to show, ending at the last entry."),
) -> None:
    """Draw pain over time with the expected-course band, the important-change line and adherence."""
    from backcare.adapters.chart import ChartError, chart_format, write_chart
    from backcare.core.recovery import expected_course
    from backcare.services.diary import diary_view

    try:
        chart_format(out)
    except ChartError as exc:
        fail(str(exc))
    store = open_store(create=False)
    if store is None:
        fail("no diary yet: add an entry with `backcare diary add --pain N`", code=1)
    with store:
        view = diary_view(store)
    entries, trend = view.entries, view.trend
    if not entries or trend.latest is None or trend.onset is None:
        fail("no diary entries in the current episode to chart", code=1)
    until = trend.latest
    since = max(until - dt.timedelta(days=days - 1), min(trend.onset, entries[0].date))
    course: list[CoursePoint] = expected_course(trend.baseline, trend.onset, until) if trend.baseline else []
    try:
        summary = write_chart(out, entries, trend, course, since, until)
    except OSError as exc:
        fail(f"cannot write {out}: {exc.strerror}", code=1)
    typer.echo(f"Chart written to {summary.path} ({summary.entries} entries, {since} to {until}).")
