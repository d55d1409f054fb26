"""``backcare kb ...`` and ``backcare questionnaire``: the knowledge base and the instruments."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Any

import typer

from backcare.entrypoints.cli import app
from backcare.entrypoints.cli.assess import fail

kb_app = typer.Typer(help="Check and show the knowledge base: counts, sources, the seed-article audit.")
app.add_typer(kb_app, name="kb")


def _load(folder: Path | None = None) -> Any:
    from backcare.bootstrap import knowledge, knowledge_from
    from backcare.knowledge import KnowledgeError

    try:
        return knowledge() if folder is None else knowledge_from(folder)
    except KnowledgeError as exc:
        raise fail(f"knowledge base invalid: {exc}", code=1) from None


@kb_app.command("check")
def kb_check(
    folder: Path | None = typer.Option(None, "--data", help="Check another data folder (to try an edit)."),
) -> None:
    """Validate every data file and print the counts. Exit 1 naming file, line and entry on error."""
    from rich.console import Console
    from rich.table import Table

    kb = _load(folder)
    table = Table(title=f"Knowledge base {kb.version}: valid")
    table.add_column("Part")
    table.add_column("Count", justify="right")
    for name, count in kb.counts().items():
        table.add_row(name, str(count))
    Console().print(table)


@kb_app.command("sources")
def kb_sources() -> None:
    """Every advice item, exercise, red flag and contributor with its sources."""
    from rich.console import Console
    from rich.table import Table

    kb = _load()
    table = Table(title="What backcare says, and its sources", show_lines=True, expand=True)
    table.add_column("Kind")
    table.add_column("Item")
    table.add_column("Sources")
    groups: list[tuple[str, dict[str, Any]]] = [
        ("advice", kb.advice),
        ("exercise", kb.exercises),
        ("red flag", kb.red_flags),
        ("contributor", kb.contributors),
    ]
    for kind, entries in groups:
        for entry in entries.values():
            title = getattr(entry, "title", None) or getattr(entry, "name", entry.id)
            table.add_row(kind, f"{title} [dim]({entry.id})[/dim]", "\n".join(kb.citations(entry.sources)))
    Console().print(table)


@kb_app.command("seeds")
def kb_seeds() -> None:
    """The seed-article audit: every claim, what was done with it, and why."""
    from collections import Counter

    from rich.console import Console
    from rich.table import Table

    kb = _load()
    table = Table(title="Seed-article audit", show_lines=True, expand=True)
    for column in ("Seed", "Topic", "Claim", "Status", "Reason", "Evidence"):
        table.add_column(column)
    style = {"adopted": "green", "corrected": "yellow", "not_adopted": "red"}
    label = {"adopted": "adopted", "corrected": "adopted with a correction", "not_adopted": "not adopted"}
    for claim in kb.seed_claims.values():
        table.add_row(
            kb.sources[claim.seed].file or claim.seed,
            claim.topic,
            claim.claim,
            f"[{style[claim.status]}]{label[claim.status]}[/]",
            claim.reason,
            "\n".join(kb.citations(claim.evidence)),
        )
    console = Console()
    console.print(table)
    totals = Counter(c.status for c in kb.seed_claims.values())
    console.print(
        f"{len(kb.seed_claims)} claims: {totals['adopted']} adopted, {totals['corrected']} adopted with a "
        f"correction, {totals['not_adopted']} not adopted."
    )


class Instrument(str, Enum):
    startback = "startback"
    peg = "peg"
    rmdq = "rmdq"


@app.command()
def questionnaire(
    which: Instrument = typer.Argument(..., help="startback, peg or rmdq."),
    answers: Path | None = typer.Option(
        None, "--answers", "-a", help='JSON answers: startback_1..9 / peg_1..3, or {"ticked": [...]} for rmdq.'
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the score as JSON."),
) -> None:
    """Fill in a validated questionnaire (interactive, or --answers) and get its score."""
    from backcare.core.instruments import InstrumentError, score_peg, score_rmdq, score_startback
    from backcare.entrypoints.cli.inputs import InputError, read_answers

    kb = _load()
    instrument = kb.instruments[which.value]
    try:
        data = read_answers(answers) if answers else _ask_items(instrument, kb)
    except InputError as exc:
        raise fail(str(exc)) from None
    try:
        if which is Instrument.startback:
            result: Any = score_startback(data)
        elif which is Instrument.peg:
            result = score_peg([data.get(f"peg_{n}") for n in (1, 2, 3)])
        else:
            ticked = data.get("ticked")
            if not isinstance(ticked, list):
                raise InstrumentError('rmdq answers need "ticked": a list of item numbers (1-24)')
            result = score_rmdq(ticked)
    except InstrumentError as exc:
        raise fail(str(exc)) from None
    if as_json:
        typer.echo(result.model_dump_json())
    else:
        typer.echo(f"{instrument.name}: " + ", ".join(f"{k} {v}" for k, v in result.model_dump().items()))
    if instrument.copyright:
        typer.echo(instrument.copyright)
    typer.echo(f"Licence: {instrument.licence}")


def _ask_items(instrument: Any, kb: Any) -> dict[str, Any]:
    from rich.console import Console
    from rich.prompt import Confirm, IntPrompt, Prompt

    console = Console()
    console.print(f"[bold]{instrument.name}[/bold]\n{instrument.instructions}")
    data: dict[str, Any] = {}
    ticked: list[int] = []
    try:
        for item in instrument.items:
            if item.text is not None:
                if Confirm.ask(f"{item.number}. {item.text}", console=console):
                    ticked.append(item.number)
                continue
            finding = kb.findings[item.finding]
            prompt = f"{item.number}. {finding.question}"
            if finding.type == "bool":
                data[finding.id] = Confirm.ask(prompt + " (agree?)", console=console)
            elif finding.type == "enum":
                data[finding.id] = Prompt.ask(prompt, choices=finding.values, console=console)
            else:
                data[finding.id] = _int_in_range(IntPrompt, prompt, finding.min, finding.max, console)
    except (KeyboardInterrupt, EOFError):
        console.print("\nStopped; nothing was saved.")
        raise typer.Exit(130) from None
    if instrument.id == "rmdq":
        data["ticked"] = ticked
    return data


def _int_in_range(prompt_cls: Any, prompt: str, low: int, high: int, console: Any) -> int:
    while True:
        value = int(prompt_cls.ask(f"{prompt} [{low}-{high}]", console=console))
        if low <= value <= high:
            return value
        console.print(f"[red]Please enter a number from {low} to {high}.[/red]")
