"""What the diary and data commands share: failing with a message, the store, messages and dates.

Only Typer is imported at start-up; the store and the models load inside the functions, so
``backcare --help`` stays fast. The diary's output is short styled lines, printed with Typer's own
``secho`` (styles are dropped when the output is not a terminal), so the diary commands do not load
Rich.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, NoReturn

import typer

if TYPE_CHECKING:
    from backcare.adapters.storage import Store
    from backcare.core.diary import Trend
    from backcare.knowledge import KnowledgeBase

SHOW_DAYS = 90
"""Days ``diary show`` reads and shows by default: its cost is the window's, not the diary's."""


def fail(message: str, code: int = 2) -> NoReturn:
    """Print the message on standard error and exit (2: bad input, nothing written; 1: cannot act)."""
    typer.echo(f"backcare: error: {message}", err=True)
    raise typer.Exit(code)


def open_store(create: bool) -> Store | None:
    """The store, or None when nothing has been recorded yet (and ``create`` is False)."""
    from backcare.adapters.storage import NoDatabase, StorageError
    from backcare.adapters.storage import open_store as open_database

    try:
        return open_database(create=create)
    except NoDatabase:
        return None
    except StorageError as exc:
        fail(str(exc), code=1)


def today_in(tz: str) -> dt.date:
    """Today's date in the person's time zone."""
    from zoneinfo import ZoneInfo

    return dt.datetime.now(ZoneInfo(tz)).date()


def parse_date(value: str, what: str, today: dt.date) -> dt.date:
    """A YYYY-MM-DD option that is not in the future."""
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        fail(f"bad {what} {value!r}: use YYYY-MM-DD, e.g. {today.isoformat()}")
    if day > today:
        fail(f"bad {what} {value!r}: it is in the future (today is {today.isoformat()})")
    return day


def print_messages(trend: Trend, kb: KnowledgeBase) -> None:
    """The trend's rule messages, styled by level, each with the labels of its sources."""
    colour = {"alert": "red", "warning": "yellow"}
    for m in trend.messages:
        typer.secho(m.text, fg=colour.get(m.level), bold=m.level != "info")
        if m.sources:
            labels = [kb.sources[s].label if s in kb.sources else s for s in m.sources]
            typer.secho(f"  Sources: {'; '.join(labels)}", dim=True)
