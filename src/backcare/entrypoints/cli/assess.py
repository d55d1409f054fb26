"""``backcare assess``, ``backcare plan`` and ``backcare eval``: the assessment commands."""

from __future__ import annotations

import datetime as dt
import json
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from backcare.entrypoints.cli import app, long_running

if TYPE_CHECKING:
    from backcare.core.models import Assessment


class Format(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


ANSWERS_HELP = "JSON file mapping finding ids to values (see `backcare kb check` and the README)."
TEXT_HELP = "What is happening, in your own words ('-' reads standard input)."
TODAY_HELP = "Date to assess as (YYYY-MM-DD); anchors 'since Tuesday' and the schedule. Default: today."


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print a bad-input message on standard error and return the exit to raise."""
    typer.echo(f"backcare: error: {message}", err=True)
    return typer.Exit(code)


def _collect(answers: Path | None, text: str | None, text_file: Path | None) -> tuple[dict[str, Any], str | None]:
    from backcare.entrypoints.cli.inputs import read_answers, read_text

    data = read_answers(answers) if answers else {}
    if text is not None and text_file is not None:
        raise fail("give --text or --text-file, not both")
    if text == "-":
        text = read_text(Path("-"))
    elif text_file is not None:
        text = read_text(text_file)
    return data, text


def _run(data: dict[str, Any], text: str | None, today: dt.date | None) -> Assessment:
    from backcare.bootstrap import assess
    from backcare.core.answers import AnswerError

    try:
        return assess(answers=data, text=text, today=today)
    except AnswerError as exc:
        raise fail(str(exc)) from None


def _emit(result: Assessment, output: Format) -> None:
    from backcare.bootstrap import knowledge

    if output is Format.json:
        typer.echo(result.to_json())
    elif output is Format.markdown:
        from backcare.adapters.report import to_markdown

        typer.echo(to_markdown(result, knowledge()))
    else:
        from rich.console import Console

        from backcare.adapters.report import print_assessment

        print_assessment(result, knowledge(), Console())


def save_result(result: Assessment, inputs: dict[str, Any], today: dt.date) -> None:
    """Keep the assessment in the person's diary database (created on first use).

    The result has already been shown, so a storage problem is reported but loses nothing.
    """
    from backcare.adapters.storage import StorageError, open_store, user_timezone
    from backcare.services.assessments import record_assessment

    try:
        record_assessment(open_store(), result, inputs, user_timezone(), today)
    except (StorageError, OSError) as exc:
        typer.echo(f"backcare: warning: the assessment was shown but not saved: {exc}", err=True)


def _write_ics(result: Assessment, path: Path, today: dt.date) -> None:
    from backcare.adapters.calendar import plan_to_ics

    if result.plan is None or not result.plan.schedule:
        typer.echo("backcare: no schedule to export for this result (see the disposition).", err=True)
        return
    try:
        path.write_bytes(plan_to_ics(result.plan, start=today))
    except OSError as exc:
        raise fail(f"cannot write {path}: {exc.strerror}") from None
    typer.echo(f"Schedule written to {path} ({len(result.plan.schedule)} sessions with reminders).", err=True)


@app.command()
def assess(
    answers: Path | None = typer.Option(None, "--answers", "-a", help=ANSWERS_HELP),
    text: str | None = typer.Option(None, "--text", "-t", help=TEXT_HELP),
    text_file: Path | None = typer.Option(None, "--text-file", help="Read the description from a file."),
    jsonl: Path | None = typer.Option(
        None, "--jsonl", help="Batch: one JSON object per line ({id, text, answers}); one JSON result per line."
    ),
    output: Format = typer.Option(Format.text, "--format", "-f", help="Output format."),
    ics: Path | None = typer.Option(None, "--ics", help="Also write the 14-day schedule as an iCalendar file."),
    today: dt.datetime | None = typer.Option(None, "--today", formats=["%Y-%m-%d"], help=TODAY_HELP),
    save: bool = typer.Option(
        True, "--save/--no-save", help="Keep the result in your local diary database (not in --jsonl batches)."
    ),
) -> None:
    """Assess back pain or a back spasm: urgency, warning signs, likely causes and a care plan.

    With no input options it runs interactively, asking the safety questions first. Exit codes: 0 ok,
    2 bad input.
    """
    from backcare.entrypoints.cli.inputs import InputError

    day = today.date() if today else dt.date.today()
    if jsonl is not None:
        if answers or text or text_file:
            raise fail("--jsonl cannot be combined with --answers or --text")
        long_running()
        raise typer.Exit(_batch(jsonl, day))
    if answers is None and text is None and text_file is None:
        from backcare.entrypoints.cli.interactive import run_interactive

        long_running()
        raise typer.Exit(run_interactive(day, save=save_result if save else None))
    try:
        data, description = _collect(answers, text, text_file)
    except InputError as exc:
        raise fail(str(exc)) from None
    result = _run(data, description, day)
    _emit(result, output)
    if ics is not None:
        _write_ics(result, ics, day)
    if save:
        save_result(result, {"answers": data, "text": description}, day)


def _batch(path: Path, today: dt.date) -> int:
    """Stream a JSONL file: each line is assessed on its own; a bad line gives an error object."""
    from backcare.bootstrap import assess as run_assess
    from backcare.core.answers import AnswerError
    from backcare.entrypoints.cli.inputs import MAX_INPUT_BYTES, InputError, decode, parse_json

    try:
        handle = sys.stdin.buffer if str(path) == "-" else path.open("rb")
    except OSError as exc:
        raise fail(f"jsonl file {path}: {exc.strerror}") from None
    failures = 0
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            ident: Any = None
            try:
                if len(raw) > MAX_INPUT_BYTES:
                    raise InputError(f"line {number}: longer than {MAX_INPUT_BYTES // 1000} kB")
                item = parse_json(decode(raw, f"line {number}"), f"line {number}")
                if not isinstance(item, dict):
                    raise InputError(f"line {number}: expected a JSON object")
                ident = item.get("id")
                text = item.get("text")
                if text is not None and not isinstance(text, str):
                    raise InputError(f"line {number}: 'text' must be a string")
                answers = item.get("answers", {k: v for k, v in item.items() if k not in ("id", "text")})
                if not isinstance(answers, dict):
                    raise InputError(f"line {number}: 'answers' must be an object")
                result = run_assess(answers=answers, text=text, today=today)
                out = {"id": ident, **json.loads(result.to_json(indent=None))}
            except (InputError, AnswerError) as exc:
                failures += 1
                out = {"id": ident, "line": number, "error": str(exc)}
            sys.stdout.write(json.dumps(out) + "\n")
            sys.stdout.flush()
    if failures:
        typer.echo(f"backcare: {failures} line(s) could not be assessed; see their error objects.", err=True)
    return 2 if failures else 0


@app.command()
def plan(
    answers: Path | None = typer.Option(None, "--answers", "-a", help=ANSWERS_HELP),
    text: str | None = typer.Option(None, "--text", "-t", help=TEXT_HELP),
    output: Format = typer.Option(Format.text, "--format", "-f", help="Output format."),
    ics: Path | None = typer.Option(None, "--ics", help="Write the 14-day schedule as an iCalendar file."),
    today: dt.datetime | None = typer.Option(None, "--today", formats=["%Y-%m-%d"], help=TODAY_HELP),
) -> None:
    """Show only the care plan (and optionally write its schedule as .ics)."""
    from backcare.entrypoints.cli.inputs import InputError

    if answers is None and text is None:
        raise fail("give --answers FILE and/or --text")
    day = today.date() if today else dt.date.today()
    try:
        data, description = _collect(answers, text, None)
    except InputError as exc:
        raise fail(str(exc)) from None
    result = _run(data, description, day)
    if result.plan is None:
        raise fail("no plan: " + " ".join(result.messages), code=1)
    if output is Format.json:
        typer.echo(result.plan.model_dump_json(indent=2))
    elif output is Format.markdown:
        from backcare.adapters.report import plan_markdown
        from backcare.bootstrap import knowledge

        typer.echo("\n".join(plan_markdown(result.plan, knowledge())) + f"\n_{result.disclaimer}_")
    else:
        from rich.console import Console

        from backcare.adapters.report import print_plan
        from backcare.bootstrap import knowledge

        console = Console()
        console.print(f"[bold]{result.disposition_text}[/bold]")
        print_plan(result.plan, knowledge(), console)
        console.print(f"[dim]{result.disclaimer}[/dim]")
    if ics is not None:
        _write_ics(result, ics, day)


@app.command("eval")
def evaluate(
    files: list[Path] = typer.Argument(..., help="Vignette YAML files or folders."),
    min_accuracy: float = typer.Option(0.95, help="Minimum disposition accuracy."),
    min_emergency_recall: float = typer.Option(1.0, help="Minimum emergency recall."),
    max_under_triage: float = typer.Option(0.0, help="Maximum under-triage rate."),
    min_red_flag_recall: float = typer.Option(0.98, help="Minimum red-flag recall."),
    max_false_alarms: float = typer.Option(0.02, help="Maximum false-alarm rate on trap flags."),
    min_contributor_hits: float = typer.Option(0.85, help="Minimum contributor hits in the top 3."),
) -> None:
    """Score vignettes: accuracy, emergency recall, under/over-triage, red flags, traps, contributors.

    Exits 1 when a metric is below its threshold, 2 when a file is invalid.
    """
    from backcare.services.evaluation import Thresholds, VignetteError, load_vignettes, render_report
    from backcare.services.evaluation import evaluate as run_eval

    try:
        vignettes = load_vignettes(files)
    except VignetteError as exc:
        raise fail(str(exc)) from None
    long_running()
    report = run_eval(vignettes)
    typer.echo(render_report(report))
    thresholds = Thresholds(
        accuracy=min_accuracy,
        emergency_recall=min_emergency_recall,
        under_triage=max_under_triage,
        red_flag_recall=min_red_flag_recall,
        false_alarms=max_false_alarms,
        contributor_hits=min_contributor_hits,
    )
    problems = report.failures_against(thresholds)
    for problem in problems:
        typer.echo(f"below threshold: {problem}", err=True)
    raise typer.Exit(1 if problems else 0)
