"""``backcare explain``: how a text was read, sentence by sentence, by each reader and merged."""

from __future__ import annotations

import datetime as dt

import typer

from backcare.entrypoints.cli import app
from backcare.entrypoints.cli.assess import TEXT_HELP, TODAY_HELP, Format, fail


@app.command()
def explain(
    text: str = typer.Option(..., "--text", help=TEXT_HELP),
    today: str | None = typer.Option(None, "--today", help=TODAY_HELP),
    output: Format = typer.Option(Format.text, "--format", help="text or json"),
) -> None:
    """Show what each reader found in each sentence (rule or model score) and the merged reading."""
    from rich.console import Console
    from rich.table import Table

    from backcare.adapters.learned.explain import explain as run
    from backcare.bootstrap import knowledge
    from backcare.entrypoints.cli.inputs import read_text

    if text == "-":
        from pathlib import Path

        text = read_text(Path("-"))
    try:
        day = dt.date.fromisoformat(today) if today else dt.date.today()
    except ValueError:
        raise fail(f"--today must be a date as YYYY-MM-DD, got {today!r}") from None
    kb = knowledge()
    result = run(text, kb, day)
    if output == Format.json:
        typer.echo(result.model_dump_json(indent=2))
        return
    console = Console()
    for n, sentence in enumerate(result.sentences, 1):
        table = Table(title=f"{n}. {sentence.text}", title_justify="left", expand=True)
        for column in ("reader", "finding", "status", "why"):
            table.add_column(column)
        for read in sentence.rules:
            table.add_row("rules", kb.findings[read.finding].question, read.status, read.detail)
        for read in sentence.model:
            table.add_row("model", kb.findings[read.finding].question, read.status, read.detail)
        if not sentence.rules and not sentence.model:
            table.add_row("-", "nothing read", "", "")
        console.print(table)
    merged = Table(title="Merged reading", title_justify="left", expand=True)
    for column in ("finding", "status", "from"):
        merged.add_column(column)
    for read in [*result.merged, *result.to_confirm]:
        merged.add_row(kb.findings[read.finding].question, read.status, read.detail)
    console.print(merged)
    for message in result.messages:
        console.print(message, style="italic")
