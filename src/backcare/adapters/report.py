"""Rendering an Assessment for people: Rich for the terminal, Markdown for files and sharing.

Presentation only: every word of clinical content comes from the Assessment (and so from the
knowledge base); nothing here decides anything.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from backcare.core.models import Assessment, Plan, RedFlagHit
from backcare.core.wording import because, people_headline, unfinished
from backcare.knowledge import KnowledgeBase
from backcare.knowledge.schema import Disposition

#: The terminal banner's colours; the words are ``backcare.core.wording``'s.
STYLE = {
    Disposition.emergency: "bold white on red",
    Disposition.urgent: "bold black on yellow",
    Disposition.soon: "bold black on cyan",
    Disposition.self_care: "bold black on green",
}


def still_to_answer(assessment: Assessment, kb: KnowledgeBase) -> list[str]:
    """The questions left, in words: readings to confirm first (quoting the person), then safety questions."""
    quoted = [f"You wrote “{c.evidence}”. {kb.findings[c.id].question}" for c in assessment.to_confirm]
    return [*quoted, *(kb.findings[f].question for f in assessment.unanswered_screening)]


def deciding_flags(assessment: Assessment) -> tuple[list[RedFlagHit], list[RedFlagHit]]:
    """The flags at the result's urgency (each with its action), and the lower ones to mention too."""
    top = [f for f in assessment.red_flags if f.disposition == assessment.disposition]
    return top, [f for f in assessment.red_flags if f.disposition != assessment.disposition]


def no_contributor_line(assessment: Assessment) -> str | None:
    """Said only in a self-care result: under a warning sign it would read as reassurance."""
    if assessment.contributors or assessment.disposition != Disposition.self_care or not assessment.in_scope:
        return None
    return "Nothing you told us points to a particular cause; that is common."


def cited(labels: Sequence[str], kb: KnowledgeBase) -> str:
    """Sources by their readable names (a seed article's title, never its file name)."""
    return "; ".join(dict.fromkeys(kb.readable(label) for label in labels))


def _bullets(lines: Iterable[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)


def to_markdown(assessment: Assessment, kb: KnowledgeBase) -> str:
    """The whole assessment as Markdown (used by --format markdown and for saving or printing)."""
    a = assessment
    said = {f.id: f for f in a.findings}
    title, action = people_headline(a)
    parts = [f"# backcare assessment: {title}", "", f"**{action}**", ""]
    parts += [f"> {m}" for m in a.messages] + ([""] if a.messages else [])
    if left := still_to_answer(a, kb):
        parts += ["## Still to answer", "", _bullets(left), ""]
    deciding, mentions = deciding_flags(a)
    if deciding:
        parts += ["## Warning signs found", ""]
        for flag in deciding:
            parts += [
                f"### {flag.name}",
                "",
                flag.explanation,
                "",
                f"**What to do:** {flag.advice}",
                "",
                f"Because you said: {'; '.join(because(flag.because, said, kb))}. Sources: {cited(flag.sources, kb)}.",
                "",
            ]
    if mentions:
        parts += ["## Mention this too", "", _bullets(f"{f.name}: {f.explanation}" for f in mentions), ""]
    if a.contributors:
        parts += ["## Likely contributors", ""]
        for c in a.contributors:
            reasons = "; ".join(because(c.because, said, kb))
            parts.append(
                f"- **{c.name}**: {c.explanation} Because you said: {reasons}. Sources: {cited(c.sources, kb)}."
            )
        parts.append("")
    elif line := no_contributor_line(a):
        parts += ["## Likely contributors", "", f"- {line}", ""]
    if a.plan is not None and not unfinished(a):
        parts += plan_markdown(a.plan, kb)
    parts += [f"_{a.disclaimer}_", ""]
    return "\n".join(parts)


def plan_markdown(plan: Plan, kb: KnowledgeBase) -> list[str]:
    parts = ["## Your care plan", "", plan.headline, ""]
    for item in plan.items:
        parts += [f"### {item.title}", "", item.text]
        if item.caution:
            parts += ["", f"**Caution:** {item.caution}"]
        parts += ["", f"Sources: {cited(item.sources, kb)}.", ""]
    if plan.exercises:
        parts += ["## Exercises", ""]
        for ex in plan.exercises:
            parts += [f"### {ex.name}: {ex.dosage}", "", ex.purpose, "", _bullets(ex.steps)]
            if ex.cues:
                parts += ["", "Tips: " + " ".join(ex.cues)]
            parts += ["", "Progression: " + " ".join(ex.progression), "", f"Stop if {ex.stop_if}.", ""]
            parts += [f"Sources: {cited(ex.sources, kb)}.", ""]
    if plan.safety_net:
        parts += ["## Get help if", ""]
        parts += [f"- {s.watch_for}: {s.action}" for s in plan.safety_net]
        parts.append("")
    if plan.schedule:
        parts += ["## Day by day", "", "| Day | Date | Time | Activity | Minutes | Reps |", "|---|---|---|---|---|---|"]
        for s in plan.schedule:
            date = s.date.isoformat() if s.date else ""
            reps = str(s.repetitions) if s.repetitions else ""
            parts.append(f"| {s.day} | {date} | {s.time:%H:%M} | {s.title} | {s.duration_minutes} | {reps} |")
        parts.append("")
    return parts


def print_assessment(assessment: Assessment, kb: KnowledgeBase, console: Console) -> None:
    """Terminal rendering: the one action first and prominent, then flags, causes and the plan."""
    a = assessment
    said = {f.id: f for f in a.findings}
    title, action = people_headline(a)
    style = "bold black on white" if unfinished(a) else STYLE[a.disposition]
    console.print(Panel(Text(action, style="bold"), title=Text(f" {title} ", style=style)))
    for message in a.messages:
        console.print(Text(message, style="italic"))
    if left := still_to_answer(a, kb):
        console.print(Text("Still to answer:", style="yellow"))
        for question in left:
            console.print(Text(f"  - {question}", style="yellow"))
    deciding, mentions = deciding_flags(a)
    for flag in deciding:
        body: list[RenderableType] = [
            Text(flag.explanation),
            Text(f"What to do: {flag.advice}", style="bold"),
            Text(f"Because you said: {'; '.join(because(flag.because, said, kb))}", style="dim"),
            Text(f"Sources: {cited(flag.sources, kb)}", style="dim"),
        ]
        console.print(Panel(Group(*body), title=flag.name, border_style="red"))
    if mentions:
        console.print(Text("Mention this too: " + "; ".join(f.name for f in mentions), style="bold"))
    if a.contributors:
        table = Table(title="Likely contributors", show_lines=False, expand=True)
        table.add_column("Contributor")
        table.add_column("Because you said")
        table.add_column("Sources", style="dim")
        for c in a.contributors:
            table.add_row(c.name, "; ".join(because(c.because, said, kb)), cited(c.sources, kb))
        console.print(table)
    elif line := no_contributor_line(a):
        console.print(Text(line))
    if a.plan is not None and not unfinished(a):
        print_plan(a.plan, kb, console)
    console.print(Text(a.disclaimer, style="dim italic"))


def print_plan(plan: Plan, kb: KnowledgeBase, console: Console) -> None:
    console.rule("Your care plan")
    console.print(plan.headline)
    for item in plan.items:
        lines: list[RenderableType] = [Text(item.text)]
        if item.caution:
            lines.append(Text(f"Caution: {item.caution}", style="yellow"))
        lines.append(Text("Sources: " + cited(item.sources, kb), style="dim"))
        console.print(Panel(Group(*lines), title=item.title, title_align="left"))
    if plan.exercises:
        table = Table(title="Exercises (this week)", expand=True)
        for column in ("Exercise", "Dose", "How", "Sources"):
            table.add_column(column)
        for ex in plan.exercises:
            table.add_row(ex.name, ex.dosage, " ".join(ex.steps), cited(ex.sources, kb))
        console.print(table)
    if plan.safety_net:
        net = Table(title="Get help if", expand=True)
        net.add_column("You notice")
        net.add_column("Then")
        for net_item in plan.safety_net:
            net.add_row(net_item.watch_for, net_item.action)
        console.print(net)
    if plan.schedule:
        sched = Table(title="Day by day (first days)", expand=True)
        for column in ("Day", "Time", "Activity", "Min", "Reps"):
            sched.add_column(column)
        for s in [s for s in plan.schedule if s.day <= 3]:
            sched.add_row(str(s.day), f"{s.time:%H:%M}", s.title, str(s.duration_minutes), str(s.repetitions or ""))
        console.print(sched)
        console.print(Text("The full 14-day schedule is in --format markdown or json, or --ics FILE.", style="dim"))
