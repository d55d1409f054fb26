"""The parts of the result and step pages: the banner, the schedule grid, references and the safety net.

Pure functions of the core's output; they arrange what the engine decided, never decide. The
words come from ``backcare.core.wording``, so the pages say what the terminal and the report say.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from backcare.core.models import Assessment, Finding, Plan, PlanItem, SafetyNetItem
from backcare.core.wording import DISPOSITIONS, UNFINISHED, people_headline, unfinished
from backcare.knowledge import KnowledgeBase
from backcare.knowledge.schema import URGENCY, Disposition


@dataclass(frozen=True)
class Banner:
    """The result's banner: colour class, icon, label and title, then the one action."""

    css: str
    icon: str
    label: str
    title: str
    action: str


#: The banner's colour class and icon (shape as well as colour) for each disposition.
LOOKS = {
    Disposition.emergency: ("emergency", "!"),
    Disposition.urgent: ("urgent", "!"),
    Disposition.soon: ("soon", "i"),
    Disposition.self_care: ("self-care", "✓"),
}


def banner(assessment: Assessment) -> Banner:
    """The result as a banner: a word and an icon as well as a colour, then the deciding flag's action.

    An unfinished check is never shown as self-care: it says so and asks (spec section 1).
    """
    if unfinished(assessment):
        _, action = people_headline(assessment)
        return Banner(css="soon", icon="?", label=UNFINISHED.label, title=UNFINISHED.title, action=action)
    css, icon = LOOKS[assessment.disposition]
    words = DISPOSITIONS[assessment.disposition]
    return Banner(css=css, icon=icon, label=words.label, title=words.title, action=assessment.headline)


def findings_by_id(assessment: Assessment) -> dict[str, Finding]:
    """The assessment's findings by id, for "because you said"."""
    return {f.id: f for f in assessment.findings}


@dataclass(frozen=True)
class GridRow:
    """One activity of the schedule: its times and a cell a day."""

    activity: str
    title: str
    times: str
    cells: list[str]


@dataclass(frozen=True)
class Grid:
    """The schedule as a printed page shows it: a column a day, a row an activity."""

    days: list[tuple[int, str]]
    rows: list[GridRow]


def schedule_grid(plan: Plan, start: dt.date) -> Grid:
    """The day-by-day schedule as one row per activity and one column per day (fits a printed page)."""
    last = max((s.day for s in plan.schedule), default=0)
    days = [(d, (start + dt.timedelta(days=d - 1)).strftime("%a %d")) for d in range(1, last + 1)]
    order: dict[str, str] = {}
    for s in plan.schedule:
        order.setdefault(s.activity, s.title)
    rows: list[GridRow] = []
    for activity, title in order.items():
        sessions = [s for s in plan.schedule if s.activity == activity]
        times = sorted({s.time.strftime("%H:%M") for s in sessions})
        cells: list[str] = []
        for day, _ in days:
            today = [s for s in sessions if s.day == day]
            if not today:
                cells.append("")
            else:
                amount = str(today[0].repetitions) if today[0].repetitions else f"{today[0].duration_minutes}′"
                cells.append(f"{len(today)}×{amount}" if len(today) > 1 else amount)
        rows.append(GridRow(activity=activity, title=title, times=", ".join(times[:4]), cells=cells))
    return Grid(days=days, rows=rows)


# --- Result page ---------------------------------------------------------------------------------

DO_NOW = 5
FLAG_NOTES = ("__bring", "__wait")
NET_GROUPS = (
    (Disposition.emergency, "Call {number} now if you notice"),
    (Disposition.urgent, "See a doctor today if you notice"),
    (Disposition.soon, "Book a GP appointment within 1 to 2 weeks if you notice"),
)


@dataclass(frozen=True)
class References:
    """A plan's sources as numbered references with readable names (never file names)."""

    names: list[str]
    numbers: dict[str, int]

    def cite(self, labels: list[str]) -> list[int]:
        return sorted({self.numbers[label] for label in labels if label in self.numbers})


def references(plan: Plan, kb: KnowledgeBase, pregnant: bool) -> References:
    """Numbered in order of first use; pregnancy sources only for someone pregnant (they apply to no one else)."""
    names: list[str] = []
    numbers: dict[str, int] = {}
    for label in plan.sources:
        name = kb.readable(label)
        if not pregnant and "pregnan" in name.lower():
            continue
        if name not in names:
            names.append(name)
        numbers[label] = names.index(name) + 1
    return References(names=names, numbers=numbers)


def is_pregnant(assessment: Assessment) -> bool:
    """Pregnancy sources and advice are shown only to someone who said so (or may be)."""
    return any(f.id == "pregnant" and f.status != "absent" for f in assessment.findings)


def do_now(plan: Plan) -> tuple[list[PlanItem], list[PlanItem]]:
    """The first few actions of the plan, and the rest (a warning sign's own items are shown with it)."""
    general = [i for i in plan.items if not i.id.startswith("red_flag_") and not i.id.endswith(FLAG_NOTES)]
    return general[:DO_NOW], general[DO_NOW:]


def flag_notes(plan: Plan | None) -> list[PlanItem]:
    """What to do while waiting for help: the emergency plan's own items."""
    if plan is None:
        return []
    return [i for i in plan.items if i.category == "urgent_action" and not i.id.startswith("red_flag_")]


def safety_groups(plan: Plan, number: str, now: Disposition) -> list[tuple[str, list[SafetyNetItem]]]:
    """The safety net grouped by what to do, most urgent first: a short list a phone shows whole.

    Only signs that call for more than the result already says (``now``) are listed up front; the
    full table with each sign's own action unfolds below.
    """
    out: list[tuple[str, list[SafetyNetItem]]] = []
    for disposition, heading in NET_GROUPS:
        if URGENCY[disposition] <= URGENCY[now]:
            continue
        items = [s for s in plan.safety_net if s.disposition == disposition]
        if items:
            out.append((heading.format(number=number), items))
    return out
