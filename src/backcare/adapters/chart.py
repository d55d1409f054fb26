"""Recovery chart: pain over time against the expected course, and exercise adherence.

Built on a bare ``matplotlib.figure.Figure`` with the Agg/SVG backends (no pyplot, no display,
no global state), so it runs headless and in tests. The figure is made by ``build_figure`` and
written by ``write_chart``; the caller supplies the trend computed by ``backcare.core.diary``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from backcare.core.diary import (
    NRS_MIC_POINTS,
    RISE_POINTS,
    CoursePoint,
    DiaryEntry,
    Trend,
    improvement_threshold,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

BAND_GID = "expected-course"
MIC_GID = "mic-line"
PAIN_GID = "pain"
ADHERENCE_GID = "adherence"
BAND_COLOR = "#6baed6"
FORMATS = {".png": "png", ".svg": "svg"}


class ChartError(ValueError):
    """The chart cannot be drawn as asked (e.g. an unsupported file type)."""


@dataclass(frozen=True)
class ChartSummary:
    path: Path
    format: str
    entries: int
    first: dt.date | None
    last: dt.date | None
    band: bool


def chart_format(path: Path) -> str:
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
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure

    fig = Figure(figsize=(10, 6.5), dpi=100, layout="constrained")
    pain_ax, adh_ax = fig.subplots(2, 1, sharex=True, height_ratios=[3, 1])
    shown = [e for e in entries if since <= e.date <= until]
    band = [p for p in course if since <= p.date <= until]

    if band:
        dates = [p.date for p in band]
        poly = pain_ax.fill_between(
            dates,
            [p.low for p in band],
            [p.high for p in band],
            color=BAND_COLOR,
            alpha=0.35,
            linewidth=0,
            label=f"usual course of acute back pain ±{NRS_MIC_POINTS:g} (Costa 2012)",
        )
        poly.set_gid(BAND_GID)
        pain_ax.plot(dates, [p.expected for p in band], color=BAND_COLOR, linestyle="--", linewidth=1)

    if trend.baseline is not None:
        target = improvement_threshold(trend.baseline.pain)
        line = pain_ax.axhline(
            target,
            color="#2ca25f",
            linestyle=":",
            linewidth=1.5,
            label=f"important improvement: {target:.1f} (2 points or 30% below {trend.baseline.pain})",
        )
        line.set_gid(MIC_GID)
        if trend.baseline.pain + RISE_POINTS <= 10:
            pain_ax.axhline(
                trend.baseline.pain + RISE_POINTS,
                color="#de2d26",
                linestyle=":",
                linewidth=1,
                label="re-assess at or above this",
            )

    if shown:
        (pain_line,) = pain_ax.plot(
            [e.date for e in shown],
            [e.pain for e in shown],
            color="#08306b",
            marker="o",
            markersize=3,
            linewidth=1.5,
            label="your pain (0-10)",
        )
        pain_line.set_gid(PAIN_GID)
        flagged = [e for e in shown if e.retriage and e.retriage.red_flags]
        if flagged:
            pain_ax.scatter(
                [e.date for e in flagged],
                [e.pain for e in flagged],
                marker="^",
                s=80,
                color="#de2d26",
                zorder=5,
                label="warning sign reported",
            )
    pain_ax.set_ylim(-0.3, 10.3)
    pain_ax.set_ylabel("pain (NRS 0-10)")
    pain_ax.set_title("Back pain diary")
    pain_ax.grid(True, alpha=0.3)
    pain_ax.legend(loc="best", fontsize=8, framealpha=0.9)

    adh = trend.adherence
    if adh is not None and adh.by_day:
        days = [d for d in adh.by_day if since <= d.date <= until]
        adh_ax.bar(
            [d.date for d in days],
            [d.done / d.scheduled if d.scheduled else 0 for d in days],
            color="#74c476",
            width=0.8,
            label=ADHERENCE_GID,
        )
        adh_ax.set_ylim(0, 1.05)
        share = "" if adh.share is None else f" (overall {adh.share:.0%})"
        adh_ax.set_ylabel("sessions done")
        adh_ax.set_title(f"Plan sessions done on logged days{share}", fontsize=9)
    else:
        per_day = Counter[dt.date]()
        for e in shown:
            per_day[e.date] += len(e.exercises) + e.cold_sessions + e.heat_sessions
        adh_ax.bar(list(per_day), list(per_day.values()), color="#74c476", width=0.8, label=ADHERENCE_GID)
        adh_ax.set_ylabel("sessions")
        adh_ax.set_title("Exercise, cold and heat sessions logged (no plan schedule stored)", fontsize=9)
    adh_ax.grid(True, axis="y", alpha=0.3)
    half = dt.timedelta(hours=12)
    adh_ax.set_xlim(dt.datetime.combine(since, dt.time()) - half, dt.datetime.combine(until, dt.time()) + half)
    locator = mdates.AutoDateLocator(maxticks=10)  # type: ignore[no-untyped-call]
    adh_ax.xaxis.set_major_locator(locator)
    adh_ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    return fig


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
