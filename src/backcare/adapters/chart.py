"""Recovery chart: pain over time against the expected course, and exercise adherence.

Built on a bare ``matplotlib.figure.Figure`` with the Agg/SVG backends (no pyplot, no display,
no global state), so it runs headless and in tests; matplotlib is imported only when a chart is
drawn. The figure is made by ``build_figure``, written to a file by ``write_chart`` (the command
line) or returned as inline SVG by ``trend_svg`` (the web diary page); the caller supplies the
trend computed by the core.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cachetools import LRUCache

from backcare.core.diary import CoursePoint, DiaryEntry, Trend
from backcare.core.recovery import NRS_MIC_POINTS, improvement_threshold
from backcare.core.trend_messages import RISE_POINTS

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

    from matplotlib.figure import Figure

#: An ``matplotlib.axes.Axes``: its type stubs take no dates, which it plots (through its date units).
Axes = Any

BAND_GID = "expected-course"
MIC_GID = "mic-line"
PAIN_GID = "pain"
POINTS_GID = "pain-points"
PAIN_COLOR = "#08306b"
ADHERENCE_GID = "adherence"
BAND_COLOR = "#6baed6"
FORMATS = {".png": "png", ".svg": "svg"}


class ChartError(ValueError):
    """The chart cannot be drawn as asked (e.g. an unsupported file type)."""


@dataclass(frozen=True)
class ChartSummary:
    """What was written, for the command line's one-line report."""

    path: Path
    format: str
    entries: int
    first: dt.date | None
    last: dt.date | None
    band: bool


def chart_format(path: Path) -> str:
    """The file type from the suffix, checked before anything is drawn."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ChartError(f"the chart file must end in .png or .svg, not {path.suffix or '(no suffix)'!r}")
    return fmt


def build_figure(
    entries: Sequence[DiaryEntry],
    trend: Trend,
    course: Sequence[CoursePoint],
    since: dt.date,
    until: dt.date,
) -> Figure:
    """Pain (top) with the expected-course band and the minimal-important-change line; adherence below."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(10, 6.5), dpi=100, layout="constrained")
    pain_ax, adh_ax = fig.subplots(2, 1, sharex=True, height_ratios=[3, 1])
    shown = [e for e in entries if since <= e.date <= until]
    _draw_band(pain_ax, [p for p in course if since <= p.date <= until])
    _draw_targets(pain_ax, trend)
    _draw_pain(pain_ax, shown)
    pain_ax.set_ylim(-0.3, 10.3)
    pain_ax.set_ylabel("pain (NRS 0-10)")
    pain_ax.set_title("Back pain diary")
    pain_ax.grid(True, alpha=0.3)
    pain_ax.legend(loc="best", fontsize=8, framealpha=0.9)
    _draw_adherence(adh_ax, trend, shown, since, until)
    _date_axis(adh_ax, since, until)
    return fig


def _draw_band(ax: Axes, band: Sequence[CoursePoint]) -> None:
    """The usual course of a new episode for the person's starting pain, with its spread."""
    if not band:
        return
    dates = [p.date for p in band]
    poly = ax.fill_between(
        dates,
        [p.low for p in band],
        [p.high for p in band],
        color=BAND_COLOR,
        alpha=0.35,
        linewidth=0,
        label=f"usual course of acute back pain ±{NRS_MIC_POINTS:g} (Costa 2012)",
    )
    poly.set_gid(BAND_GID)
    ax.plot(dates, [p.expected for p in band], color=BAND_COLOR, linestyle="--", linewidth=1)


def _draw_targets(ax: Axes, trend: Trend) -> None:
    """The important-improvement line and, when it fits, the line at which to re-assess."""
    if trend.baseline is None:
        return
    target = improvement_threshold(trend.baseline.pain)
    line = ax.axhline(
        target,
        color="#2ca25f",
        linestyle=":",
        linewidth=1.5,
        label=f"important improvement: {target:.1f} (2 points or 30% below {trend.baseline.pain})",
    )
    line.set_gid(MIC_GID)
    if trend.baseline.pain + RISE_POINTS <= 10:
        ax.axhline(
            trend.baseline.pain + RISE_POINTS,
            color="#de2d26",
            linestyle=":",
            linewidth=1,
            label="re-assess at or above this",
        )


def _draw_pain(ax: Axes, shown: Sequence[DiaryEntry]) -> None:
    """The person's pain: a line, a point per entry (its own artist for the web's labels), warning signs marked."""
    if not shown:
        return
    dates, pains = [e.date for e in shown], [e.pain for e in shown]
    (pain_line,) = ax.plot(dates, pains, color=PAIN_COLOR, linewidth=1.5, label="your pain (0-10)")
    pain_line.set_gid(PAIN_GID)
    (points,) = ax.plot(dates, pains, color=PAIN_COLOR, marker="o", markersize=4, linestyle="none")
    points.set_gid(POINTS_GID)
    flagged = [e for e in shown if _flags(e)]
    if flagged:
        ax.scatter(
            [e.date for e in flagged],
            [e.pain for e in flagged],
            marker="^",
            s=80,
            color="#de2d26",
            zorder=5,
            label="warning sign reported",
        )


def _draw_adherence(ax: Axes, trend: Trend, shown: Sequence[DiaryEntry], since: dt.date, until: dt.date) -> None:
    """Plan sessions done on logged days; without a stored schedule, the sessions logged."""
    adh = trend.adherence
    if adh is not None and adh.by_day:
        days = [d for d in adh.by_day if since <= d.date <= until]
        ax.bar(
            [d.date for d in days],
            [d.done / d.scheduled if d.scheduled else 0 for d in days],
            color="#74c476",
            width=0.8,
            label=ADHERENCE_GID,
        )
        ax.set_ylim(0, 1.05)
        share = "" if adh.share is None else f" (overall {adh.share:.0%})"
        ax.set_ylabel("sessions done")
        ax.set_title(f"Plan sessions done on logged days{share}", fontsize=9)
    else:
        per_day = Counter[dt.date]()
        for e in shown:
            per_day[e.date] += len(e.exercises) + e.cold_sessions + e.heat_sessions
        ax.bar(list(per_day), list(per_day.values()), color="#74c476", width=0.8, label=ADHERENCE_GID)
        ax.set_ylabel("sessions")
        ax.set_title("Exercise, cold and heat sessions logged (no plan schedule stored)", fontsize=9)
    ax.grid(True, axis="y", alpha=0.3)


def _date_axis(ax: Axes, since: dt.date, until: dt.date) -> None:
    """Half a day of margin either side, and concise date ticks."""
    import matplotlib.dates as mdates

    half = dt.timedelta(hours=12)
    ax.set_xlim(dt.datetime.combine(since, dt.time()) - half, dt.datetime.combine(until, dt.time()) + half)
    locator = mdates.AutoDateLocator(maxticks=10)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]


def _flags(entry: DiaryEntry) -> list[str]:
    return list(entry.retriage.red_flags) if entry.retriage else []


def write_chart(
    out: Path,
    entries: Sequence[DiaryEntry],
    trend: Trend,
    course: Sequence[CoursePoint],
    since: dt.date,
    until: dt.date,
) -> ChartSummary:
    """Draw the chart into ``out`` (.png or .svg), writing a temporary file first then renaming it."""
    import os
    import tempfile

    fmt = chart_format(out)
    fig = build_figure(entries, trend, course, since, until)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".chart-", suffix=out.suffix, dir=out.parent)
    os.close(fd)
    try:
        fig.savefig(tmp, format=fmt, metadata={"Title": "backcare diary"} if fmt == "svg" else None)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    shown = [e for e in entries if since <= e.date <= until]
    return ChartSummary(
        path=out,
        format=fmt,
        entries=len(shown),
        first=shown[0].date if shown else None,
        last=shown[-1].date if shown else None,
        band=any(since <= p.date <= until for p in course),
    )


# --- Inline SVG for the web page ------------------------------------------------------------------

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
#: The styles matplotlib writes as CSS are written as presentation attributes instead: a page whose
#: Content-Security-Policy allows no inline style still draws them.
_SHORTHAND_FONT = "font"


@dataclass(frozen=True)
class ChartSpan:
    """The days a chart shows and the expected course over them."""

    since: dt.date
    until: dt.date
    course: list[CoursePoint]


def chart_span(entries: Sequence[DiaryEntry], trend: Trend, days: int) -> ChartSpan | None:
    """The last ``days`` up to the latest entry (from the onset when that is later); None with nothing to draw."""
    from backcare.core.recovery import expected_course

    if not entries or trend.latest is None or trend.onset is None:
        return None
    until = trend.latest
    since = max(until - dt.timedelta(days=days - 1), min(trend.onset, entries[0].date))
    course = expected_course(trend.baseline, trend.onset, until) if trend.baseline else []
    return ChartSpan(since=since, until=until, course=course)


def chart_summary(entries: Sequence[DiaryEntry], trend: Trend) -> str:
    """The chart in one sentence, for people who cannot see it."""
    if not entries:
        return "No entries yet."
    first, last = entries[0], entries[-1]
    words = (
        f"{len(entries)} entries from {first.date.isoformat()} to {last.date.isoformat()}; latest pain {last.pain}/10"
    )
    if trend.baseline:
        words += f"; baseline {trend.baseline.pain}/10"
    return words


def point_label(entry: DiaryEntry) -> str:
    """What a point of the chart says when pointed at (and to a screen reader)."""
    flags = _flags(entry)
    return f"{entry.date.isoformat()}: pain {entry.pain}/10" + (f", warning sign: {', '.join(flags)}" if flags else "")


@dataclass(frozen=True)
class InlineChart:
    """The chart as a web page shows it: SVG markup and the sentence that says it in words."""

    svg: str
    summary: str


def inline_chart(entries: Sequence[DiaryEntry], trend: Trend, days: int, title: str) -> InlineChart | None:
    """The last ``days`` of the diary as inline SVG (see ``trend_svg``); None when there is nothing to draw."""
    span = chart_span(entries, trend, days)
    if span is None:
        return None
    shown = [e for e in entries if span.since <= e.date <= span.until]
    summary = chart_summary(shown, trend)
    key = hashlib.sha256(
        "\n".join([title, repr(span), trend.model_dump_json(), *(e.model_dump_json() for e in shown)]).encode()
    ).hexdigest()
    svg = _DRAWN.get(key)
    if svg is None:
        svg = _DRAWN[key] = trend_svg(entries, trend, span, title, summary)
    return InlineChart(svg=svg, summary=summary)


#: Charts already drawn, by what they show: drawing takes matplotlib about 150 ms, and a diary page
#: is shown far more often than it changes. Bounded: at most 64 charts of some 50 KB each.
_DRAWN: LRUCache[str, str] = LRUCache(maxsize=64)


def trend_svg(entries: Sequence[DiaryEntry], trend: Trend, span: ChartSpan, title: str, summary: str) -> str:
    """The chart as inline SVG for a web page: ``role="img"`` with a title and a description, each pain
    point labelled (``data-pain-point``, class ``point``, ``point flagged`` for a warning sign), and no
    inline CSS, so a strict Content-Security-Policy draws it as it is.
    """
    import io

    import matplotlib

    fig = build_figure(entries, trend, span.course, span.since, span.until)
    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "backcare"}):
        fig.savefig(buffer, format="svg")
    shown = [e for e in entries if span.since <= e.date <= span.until]
    labels = [(point_label(e), bool(_flags(e))) for e in shown]
    return _accessible(buffer.getvalue(), title, summary, labels)


def _accessible(raw: bytes, title: str, summary: str, points: Sequence[tuple[str, bool]]) -> str:
    """matplotlib's SVG made fit to inline: labelled, sized by the page, styles as attributes."""
    import xml.etree.ElementTree as ET

    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    root = ET.fromstring(raw)  # our own drawing, not outside input
    parents = {child: parent for parent in root.iter() for child in parent}
    for element in list(parents):
        if element.tag in (f"{{{SVG_NS}}}metadata", f"{{{SVG_NS}}}style"):
            parents[element].remove(element)
        elif "style" in element.attrib:
            _style_to_attributes(element)
    for name in ("width", "height"):
        root.attrib.pop(name, None)
    root.attrib |= {
        "id": "trend-chart",
        "role": "img",
        "aria-labelledby": "chart-title chart-desc",
        "preserveAspectRatio": "xMidYMid meet",
        "stroke-linejoin": "round",
        "stroke-linecap": "butt",
    }
    described = [ET.Element(f"{{{SVG_NS}}}title", id="chart-title"), ET.Element(f"{{{SVG_NS}}}desc", id="chart-desc")]
    described[0].text, described[1].text = title, summary
    root[:0] = described
    _label_points(root, parents, points)
    return ET.tostring(root, encoding="unicode")


def _style_to_attributes(element: ET.Element) -> None:
    for declaration in element.attrib.pop("style").split(";"):
        name, _, value = (part.strip() for part in declaration.partition(":"))
        if not name or not value:
            continue
        if name == _SHORTHAND_FONT:  # "10px 'DejaVu Sans'"
            size, _, family = value.partition(" ")
            element.attrib.setdefault("font-size", size)
            element.attrib.setdefault("font-family", family)
        else:
            element.attrib.setdefault(name, value)


def _label_points(root: ET.Element, parents: dict[ET.Element, ET.Element], points: Sequence[tuple[str, bool]]) -> None:
    """Each pain point wrapped in a group with its ``<title>``, in the order the entries were drawn."""
    import xml.etree.ElementTree as ET

    group = next((g for g in root.iter(f"{{{SVG_NS}}}g") if g.get("id") == POINTS_GID), None)
    marks = list(group.iter(f"{{{SVG_NS}}}use")) if group is not None else []
    if len(marks) != len(points):
        return  # never label a point with another entry's words
    for mark, (label, flagged) in zip(marks, points, strict=True):
        holder = parents[mark]
        wrapper = ET.Element(
            f"{{{SVG_NS}}}g", {"class": "point flagged" if flagged else "point", "data-pain-point": ""}
        )
        ET.SubElement(wrapper, f"{{{SVG_NS}}}title").text = label
        holder[list(holder).index(mark)] = wrapper
        wrapper.append(mark)
