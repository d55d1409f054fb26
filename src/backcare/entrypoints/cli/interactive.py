"""The interactive assessment in the terminal.

It opens with "Describe what is happening", shows what it understood and lets the person correct
it, then asks only what the engine still needs: the safety (screening) questions first, then the
ones that could change the urgency, then those that shape the plan, through the conversation
policy shared with the web app (``backcare.core.conversation``). Ctrl-C leaves cleanly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.markup import escape
from rich.prompt import Prompt
from rich.table import Table

from backcare.bootstrap import knowledge, read_text
from backcare.core.answers import AnswerError, answer_from_text, parse_answer
from backcare.knowledge import KnowledgeBase
from backcare.knowledge.schema import Disposition, FindingDef

if TYPE_CHECKING:
    from backcare.core import conversation
    from backcare.core.models import Assessment

Saver = Callable[["Assessment", dict[str, Any], dt.date], None]

SKIP_WORDS = {"", "s", "skip"}
DONE_WORDS = {"q", "quit", "done"}
NONE_WORDS = {"0", "none", "no", "n", "none of these"}
UNSURE_WORDS = {"?", "not sure", "unsure"}
EMERGENCY_NOTICE = (
    "If you have new problems peeing or controlling your bladder or bowels, numbness between your legs, "
    "chest pain, difficulty breathing, or you have had a serious accident: stop and call your emergency "
    "number (999 / 911 / 112) now."
)


PAGE = 8  # questions looked ahead at a time: enough to gather a checklist


class _Finished(Exception):
    """The person chose to finish early."""


def run_interactive(today: dt.date, console: Console | None = None, save: Saver | None = None) -> int:
    """Run the conversation; ``save`` (when given) keeps the final result in the diary database."""
    console = console or Console()
    kb = knowledge()
    console.rule("backcare: back pain and spasm check")
    console.print(EMERGENCY_NOTICE, style="bold red")
    console.print("Answer y(es), n(o) or ? (not sure); press Enter to skip a question; type q to finish.\n")
    try:
        return _session(kb, today, console, save)
    except (KeyboardInterrupt, EOFError):
        console.print("\nStopped. Nothing was saved. If you are worried, contact a clinician.")
        return 130


def _session(kb: KnowledgeBase, today: dt.date, console: Console, save: Saver | None) -> int:
    from backcare.adapters.report import print_assessment
    from backcare.core.conversation import evaluator, next_prompt, next_turn

    described = Prompt.ask("Describe what is happening (or press Enter to go straight to questions)", console=console)
    text = described.strip() or None
    evaluate = evaluator(text, today, kb, read_text)
    answers = _corrections(evaluate, kb, console) if text else {}

    asked: list[str] = []
    singly: list[str] = []
    turn = next_turn(answers, asked, evaluate, kb, limit=PAGE)
    try:
        while not turn.final:  # an emergency is final at once: the action comes first
            prompt = next_prompt(turn, kb)
            assert prompt is not None
            safety = [q for q in turn.result.unanswered_screening if q not in asked]
            if safety:
                console.print(f"[dim]{len(safety)} safety question(s) left[/dim]")
            if prompt.checklist:
                reply = _ask_checklist(prompt, kb, console)
                answers.update(reply.answers)
                asked.extend(reply.asked)
                singly.extend(reply.singly)
            else:
                asked.extend(prompt.ids)
                question = kb.findings[prompt.ids[0]]
                quoted = next((c.evidence for c in turn.result.to_confirm if c.id == question.id), None)
                if quoted:
                    console.print(f"You wrote “{quoted}”.", markup=False)
                value = _ask(question, console)
                if value is not None:
                    answers[question.id] = value
            turn = next_turn(answers, asked, evaluate, kb, limit=PAGE, singly=singly)
    except _Finished:
        turn = next_turn(answers, asked, evaluate, kb, limit=PAGE, singly=singly)
    result = turn.result
    console.print()
    print_assessment(result, kb, console)
    if save is not None:
        save(result, {"answers": answers, "text": text}, today)
    return 0


def _corrections(evaluate: Any, kb: KnowledgeBase, console: Console) -> dict[str, Any]:
    """Show what the text was read as and let the person strike what is wrong (asked again if it matters)."""
    from backcare.core.wording import finding_label

    answers: dict[str, Any] = {}
    understood = evaluate({})
    shown = [f for f in understood.findings if f.source == "text"]
    if shown:
        table = Table(title="This is what we understood")
        table.add_column("#", justify="right")
        table.add_column("Finding")
        for number, finding in enumerate(shown, start=1):
            table.add_row(str(number), finding_label(finding, kb))
        console.print(table)
    if understood.disposition == Disposition.emergency:
        return answers  # the emergency is shown at once; corrections can wait
    if not shown:
        console.print("We could not pick out specific details; the questions will cover them.")
        return answers
    wrong = Prompt.ask("Type the numbers of anything wrong (e.g. 2,5), or press Enter", console=console)
    for part in wrong.replace(" ", "").split(","):
        if part.isdigit() and 1 <= int(part) <= len(shown):
            answers[shown[int(part) - 1].id] = None  # None clears what the text said
    return answers


def _ask(finding: FindingDef, console: Console) -> Any:
    if finding.help:
        console.print(finding.help, style="dim", markup=False)
    while True:
        if finding.type == "int":
            raw = Prompt.ask(escape(f"{finding.question} [{finding.min}-{finding.max}]"), console=console).strip()
        elif finding.type == "enum":
            options = ", ".join(
                f"{v} ({finding.value_labels[v]})" if v in finding.value_labels else v for v in finding.values
            )
            raw = Prompt.ask(escape(f"{finding.question} ({options})"), console=console).strip().lower()
        elif finding.type == "list":
            raw = Prompt.ask(escape(finding.question), console=console).strip()
        else:
            raw = Prompt.ask(escape(f"{finding.question} [y/n/?]"), console=console).strip().lower()
        if raw.lower() in DONE_WORDS:
            raise _Finished
        if finding.type == "list" and raw == "":
            return []  # Enter on a list question: none
        if raw.lower() in SKIP_WORDS:
            return None
        value = _convert(finding, raw)
        if value is not None:
            return value
        console.print("[red]Sorry, that answer does not fit; try again, or press Enter to skip.[/red]")


def _ask_checklist(prompt: conversation.Prompt, kb: KnowledgeBase, console: Console) -> conversation.Reply:
    """Several yes/no questions at once: the numbers that apply, "none", or "not sure" (then each is
    asked on its own); Enter skips a plan checklist and counts as "not sure" for a safety one."""
    from backcare.core.conversation import checklist_reply

    console.print(f"{prompt.title}: do you have any of these?" if prompt.title else "Do any of these apply to you?")
    for number, fid in enumerate(prompt.ids, start=1):
        console.print(f"  {number}. {kb.findings[fid].question}", markup=False)
        if kb.findings[fid].help:
            console.print(f"     {kb.findings[fid].help}", style="dim", markup=False)
    while True:
        raw = Prompt.ask('Type the numbers that apply (e.g. 1,3), "none" (or 0), or "not sure" (?)', console=console)
        raw = raw.strip().lower()
        if raw in DONE_WORDS:
            raise _Finished
        if raw in NONE_WORDS:
            return checklist_reply(prompt, none=True)
        if raw in UNSURE_WORDS or raw in SKIP_WORDS:
            return checklist_reply(prompt, unsure=raw in UNSURE_WORDS)
        picked = {part for part in raw.replace(" ", "").split(",") if part}
        if picked <= {str(n) for n in range(1, len(prompt.ids) + 1)}:
            return checklist_reply(prompt, [fid for n, fid in enumerate(prompt.ids, start=1) if str(n) in picked])
        console.print("[red]Sorry, that answer does not fit; try again.[/red]")


def _convert(finding: FindingDef, raw: str) -> Any:
    """The reply as an answer (read as every front end reads typed answers), or None to ask again."""
    value = answer_from_text(raw, finding)
    try:
        return None if parse_answer(finding, value) is None else value
    except AnswerError:
        return None
