"""Presentation helpers for the templates: banner wording, "because you said", the schedule grid, the chart.

Pure functions of the core's output; they arrange and word what the engine decided, never decide.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from backcare.adapters.report import people_headline, unfinished
from backcare.core.diary import Trend, improvement_threshold
from backcare.core.models import Assessment, Finding, Plan, PlanItem, SafetyNetItem
from backcare.knowledge import KnowledgeBase
from backcare.knowledge.schema import URGENCY, Disposition


@dataclass(frozen=True)
class Banner:
    css: str
    icon: str
    label: str
    title: str
    action: str


BANNERS = {
    Disposition.emergency: ("emergency", "!", "Emergency", "Get emergency help now"),
    Disposition.urgent: ("urgent", "!", "Urgent", "See a doctor today"),
    Disposition.soon: ("soon", "i", "Soon", "Book an appointment with a GP or physiotherapist within 1 to 2 weeks"),
    Disposition.self_care: ("self-care", "✓", "Self-care", "You can look after your back at home"),
}


def banner(assessment: Assessment) -> Banner:
    """The result as a banner: a word and an icon as well as a colour, then the deciding flag's action.

    An unfinished check is never shown as self-care: it says so and asks (spec section 1).
    """
    if unfinished(assessment):
        _, action = people_headline(assessment)
        return Banner(css="soon", icon="?", label="Not finished", title="Answer the safety questions", action=action)
    css, icon, label, title = BANNERS[assessment.disposition]
    return Banner(css=css, icon=icon, label=label, title=title, action=assessment.headline)


def findings_by_id(assessment: Assessment) -> dict[str, Finding]:
    return {f.id: f for f in assessment.findings}


@dataclass(frozen=True)
class GridRow:
    activity: str
    title: str
    times: str
    cells: list[str]


@dataclass(frozen=True)
class Grid:
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


# --- Chart ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    label: str
    flagged: bool = False


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    left: int
    top: int
    plot_w: int
    plot_h: int
    points: list[Point]
    pain_path: str
    expected_path: str
    threshold_y: float | None
    threshold_label: str
    y_ticks: list[tuple[float, str]]
    x_ticks: list[tuple[float, str]]
    summary: str


def chart(trend: Trend, width: int = 640, height: int = 260) -> Chart | None:
    """Pain entries, the usual course for the person's baseline and the important-improvement line."""
    rows = trend.rows
    if not rows:
        return None
    left, top, right, bottom = 40, 14, 12, 30
    plot_w, plot_h = width - left - right, height - top - bottom
    first, last = rows[0].date, rows[-1].date
    span = max((last - first).days, 1)

    def x(day: dt.date) -> float:
        return round(left + plot_w * ((day - first).days / span if last > first else 0.5), 1)

    def y(value: float) -> float:
        return round(top + plot_h * (1 - value / 10), 1)

    points = [
        Point(
            x=x(r.date),
            y=y(r.pain),
            label=f"{r.date.isoformat()}: pain {r.pain}/10"
            + (f", warning sign: {', '.join(r.red_flags)}" if r.red_flags else ""),
            flagged=bool(r.red_flags),
        )
        for r in rows
    ]
    pain_path = " ".join(f"{'M' if i == 0 else 'L'}{p.x},{p.y}" for i, p in enumerate(points))
    expected = [(x(r.date), y(r.expected)) for r in rows if r.expected is not None]
    expected_path = " ".join(f"{'M' if i == 0 else 'L'}{px},{py}" for i, (px, py) in enumerate(expected))
    threshold = improvement_threshold(trend.baseline.pain) if trend.baseline else None
    n_ticks = min(span, 6) if last > first else 1
    x_ticks = []
    for i in range(n_ticks + 1 if last > first else 1):
        day = first + dt.timedelta(days=round(span * i / max(n_ticks, 1))) if last > first else first
        x_ticks.append((x(day), day.strftime("%d %b")))
    latest = rows[-1]
    summary = f"{len(rows)} entries from {first.isoformat()} to {last.isoformat()}; latest pain {latest.pain}/10"
    if trend.baseline:
        summary += f"; baseline {trend.baseline.pain}/10"
    return Chart(
        width=width,
        height=height,
        left=left,
        top=top,
        plot_w=plot_w,
        plot_h=plot_h,
        points=points,
        pain_path=pain_path,
        expected_path=expected_path,
        threshold_y=y(threshold) if threshold is not None else None,
        threshold_label=f"important improvement at {threshold:.1f}" if threshold is not None else "",
        y_ticks=[(y(v), str(v)) for v in (0, 2, 4, 6, 8, 10)],
        x_ticks=list(dict.fromkeys(x_ticks)),
        summary=summary,
    )


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
    readable = {source.label: source.citation for source in kb.sources.values()}
    names: list[str] = []
    numbers: dict[str, int] = {}
    for label in plan.sources:
        name = readable.get(label, label)
        if not pregnant and "pregnan" in name.lower():
            continue
        if name not in names:
            names.append(name)
        numbers[label] = names.index(name) + 1
    return References(names=names, numbers=numbers)


def is_pregnant(assessment: Assessment) -> bool:
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
