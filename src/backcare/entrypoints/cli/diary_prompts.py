"""``backcare diary add -i``: the entry asked value by value, in the published wording.

Blank answers skip the optional values. The answers come back as the same ``EntryOptions`` the
command-line options give, so they go through the same checks.
"""

from __future__ import annotations

import datetime as dt

import typer

from backcare.core.diary import PAIN_MAX, PAIN_MIN, SESSIONS_MAX, SPASMS_MAX
from backcare.core.instruments import PEG_ITEMS
from backcare.entrypoints.cli.diary_add import EntryOptions
from backcare.knowledge import KnowledgeBase

PEG_ITEM_MAX = 10
"""Each PEG item is scored 0-10 (Krebs 2009)."""


def ask_entry(kb: KnowledgeBase, today: dt.date) -> EntryOptions:
    """Ask each value of an entry; pain is required, the rest may be skipped."""
    date = typer.prompt("Date (YYYY-MM-DD)", default=today.isoformat())
    pain = _number(f"Pain now, {PAIN_MIN} (none) to {PAIN_MAX} (worst imaginable)", PAIN_MIN, PAIN_MAX)
    while pain is None:
        pain = _number(f"Pain is needed: {PAIN_MIN} to {PAIN_MAX}", PAIN_MIN, PAIN_MAX)
    spasms = _number("How many spasms today? (blank to skip)", 0, SPASMS_MAX)
    peg = _ask_peg(kb)
    rmdq = _ask_rmdq(kb)
    ex = typer.prompt("Exercises done as ID:REPS separated by commas (blank for none)", default="", show_default=False)
    cold = _number("Cold-pack sessions today", 0, SESSIONS_MAX, default=0)
    heat = _number("Heat sessions today", 0, SESSIONS_MAX, default=0)
    finding = _ask_findings(kb)
    note = typer.prompt("Note (blank for none)", default="", show_default=False)
    return EntryOptions(
        date=date,
        pain=pain,
        spasms=spasms,
        peg=peg,
        rmdq=rmdq,
        exercise=[p.strip() for p in ex.split(",") if p.strip()],
        cold=cold or 0,
        heat=heat or 0,
        note=note or None,
        finding=finding,
    )


def _number(prompt: str, low: int, high: int, default: int | None = None) -> int | None:
    """A whole number in range, asked until one is given; blank is None when there is no default."""
    while True:
        raw = typer.prompt(prompt, default="" if default is None else str(default), show_default=default is not None)
        if raw.strip() == "" and default is None:
            return None
        try:
            value = int(raw)
        except ValueError:
            value = None
        if value is not None and low <= value <= high:
            return value
        typer.echo(f"  please type a whole number from {low} to {high}")


def _ask_peg(kb: KnowledgeBase) -> str | None:
    """The three PEG questions (past week), when the person wants to answer them."""
    if not typer.confirm("Answer the three PEG questions (past week)?", default=False):
        return None
    items = []
    for fid in PEG_ITEMS:
        question = kb.findings[fid].question if fid in kb.findings else fid
        answer = None
        while answer is None:
            answer = _number(f"{question} (0-{PEG_ITEM_MAX})", 0, PEG_ITEM_MAX)
        items.append(str(answer))
    return ",".join(items)


def _ask_rmdq(kb: KnowledgeBase) -> str | None:
    """The Roland-Morris statements that apply today, when the person wants to tick them."""
    rmdq = kb.instruments.get("rmdq")
    if rmdq is None or not typer.confirm("Tick the Roland-Morris statements that describe you today?", default=False):
        return None
    typer.echo(rmdq.instructions)
    for item in rmdq.items:
        typer.echo(f"  {item.number:>2}. {item.text}")
    answer: str = typer.prompt("Numbers that apply, separated by commas (or 'none')", default="none")
    return answer


def _ask_findings(kb: KnowledgeBase) -> list[str]:
    """New warning signs: each screening question, only when the person says something is new."""
    if not typer.confirm(
        "Anything new such as numbness between the legs, bladder or bowel changes, leg weakness, fever or chest pain?",
        default=False,
    ):
        return []
    return [
        fid
        for fid, definition in kb.findings.items()
        if definition.screening
        and definition.type == "bool"
        and typer.confirm(f"  {definition.question}", default=False)
    ]
