"""The diary's rule messages: alert, re-assess, review, improvement, course and baseline.

Clinical spec section 7. The review advice for pain that is not improving is the knowledge base's
``persistent`` red flag: its rule decides from which day of the episode the advice is due, and its
action, disposition and sources are what the message says, so a clinician changes them in the data,
not here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from backcare.core.diary import Baseline, Course, DiaryEntry, MeasureChange, TrendMessage
from backcare.core.recovery import COURSE_SOURCES, MIC_SOURCES, NRS_MIC_POINTS, NRS_MIC_RELATIVE
from backcare.core.rules import Value
from backcare.knowledge import KnowledgeBase
from backcare.knowledge.schema import URGENCY

#: Latest pain this many points above baseline prompts a new assessment.
RISE_POINTS = 2
#: Red-flag alerts from diary entries stay on screen this long unless a full assessment follows.
ALERT_DAYS = 14
ALERT_SOURCES = ["nice_ng59"]
#: The knowledge base's red flag for pain that is not improving as expected.
PERSISTENT_FLAG = "persistent"


@dataclass(frozen=True)
class Standing:
    """Where an episode stands at its latest entry: what the messages judge."""

    ordered: Sequence[DiaryEntry]
    baseline: Baseline
    nrs: MeasureChange
    day: int
    course: Course | None
    expected_now: float | None


def trend_messages(standing: Standing, kb: KnowledgeBase, reassessed_at: dt.datetime | None) -> list[TrendMessage]:
    """Every message that applies, most pressing first."""
    review = persistent_review(standing, kb)
    candidates = [
        red_flag_alert(standing.ordered, reassessed_at),
        _reassess(standing),
        review if review is not None else _improved(standing),
        _course(standing),
        _baseline(standing),
    ]
    return [m for m in candidates if m is not None]


def red_flag_alert(ordered: Sequence[DiaryEntry], reassessed_at: dt.datetime | None) -> TrendMessage | None:
    """Warning signs reported in recent entries since the last full assessment, at the worst disposition."""
    latest = ordered[-1]
    alerts = [
        e
        for e in ordered
        if e.retriage
        and e.retriage.red_flags
        and (latest.date - e.date).days <= ALERT_DAYS
        and (reassessed_at is None or e.recorded_at > reassessed_at)
    ]
    if not alerts:
        return None
    worst = max(alerts, key=lambda e: (URGENCY[e.retriage.disposition] if e.retriage else 0, e.date))
    assert worst.retriage is not None
    flags = list(dict.fromkeys(f for e in alerts if e.retriage for f in e.retriage.red_flags))
    return TrendMessage(
        id="red_flag",
        level="alert",
        text=(
            f"Your diary entry of {worst.date.isoformat()} reported a warning sign "
            f"({', '.join(flags)}). Re-triage: {worst.retriage.disposition.value}. "
            "Act on it now, then take a new assessment to update your plan."
        ),
        disposition=worst.retriage.disposition,
        red_flags=flags,
        sources=ALERT_SOURCES,
    )


def persistent_review(standing: Standing, kb: KnowledgeBase) -> TrendMessage | None:
    """The knowledge base's ``persistent`` red flag, evaluated on the diary: review advice when it fires.

    Pain gone (0/10) counts as improving, whatever the baseline; so does the minimal important change.
    """
    flag = kb.red_flags.get(PERSISTENT_FLAG)
    nrs, baseline = standing.nrs, standing.baseline
    if flag is None or standing.ordered[-1].date <= baseline.date:
        return None
    facts: dict[str, Value] = {
        "days_since_onset": standing.day,
        "improving": nrs.verdict == "improved" or nrs.current <= 0,
    }
    fired = [t for t in flag.triggers if kb.rule(t.when).evaluate(facts) is True]
    if not fired:
        return None
    trigger = max(fired, key=lambda t: URGENCY[t.disposition])
    return TrendMessage(
        id="persistent",
        level="advice",
        text=(
            f"{flag.name}: it is week {standing.day // 7 + 1} and your pain ({nrs.current:g}/10 over the last "
            f"week) has not improved by {NRS_MIC_POINTS:g} points or {NRS_MIC_RELATIVE:.0%} from "
            f"{baseline.pain}/10. {trigger.action or flag.action}"
        ),
        disposition=trigger.disposition,
        red_flags=[flag.id],
        sources=list(flag.sources),
    )


def _reassess(standing: Standing) -> TrendMessage | None:
    latest, baseline = standing.ordered[-1], standing.baseline
    if latest.pain - baseline.pain < RISE_POINTS:
        return None
    return TrendMessage(
        id="reassess",
        level="warning",
        text=(
            f"Your pain today ({latest.pain}/10) is {latest.pain - baseline.pain} points above where it "
            f"started ({baseline.pain}/10). Please re-assess: take a new assessment so your plan fits "
            "how you are now."
        ),
        sources=MIC_SOURCES["nrs"],
    )


def _improved(standing: Standing) -> TrendMessage | None:
    nrs = standing.nrs
    if nrs.verdict != "improved":
        return None
    return TrendMessage(
        id="improved",
        level="info",
        text=(
            f"Your pain has improved by an important amount: {standing.baseline.pain}/10 at the start, "
            f"{nrs.current:g}/10 over the last week."
        ),
        sources=MIC_SOURCES["nrs"],
    )


def _course(standing: Standing) -> TrendMessage | None:
    if standing.course == "slower" and standing.expected_now is not None:
        return TrendMessage(
            id="course_slower",
            level="info",
            text=(
                f"Your pain is above the usual course for a new episode (about {standing.expected_now:.1f}/10 "
                f"by day {standing.day} for someone who started at {standing.baseline.pain}/10); pain typically "
                "more than halves by six weeks."
            ),
            sources=COURSE_SOURCES,
        )
    if standing.course is None:
        return None
    return TrendMessage(
        id="course_expected",
        level="info",
        text="Your pain is following or beating the usual course of a new episode of back pain.",
        sources=COURSE_SOURCES,
    )


def _baseline(standing: Standing) -> TrendMessage | None:
    ordered, baseline = standing.ordered, standing.baseline
    if len(ordered) > 1 and ordered[-1].date != baseline.date:
        return None
    return TrendMessage(
        id="baseline",
        level="info",
        text=f"Baseline recorded: pain {baseline.pain}/10 on {baseline.date.isoformat()}.",
    )
