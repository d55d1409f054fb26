"""Pure trend functions of the recovery diary (clinical spec section 7)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backcare.core import diary, recovery, trend_messages
from backcare.core.adherence import adherence, schedule_from_plan
from backcare.core.diary import Baseline, DiaryEntry, ExerciseDone, Retriage, ScheduledSession
from backcare.core.models import PegResult
from backcare.core.recovery import (
    baseline_from,
    expected_course,
    expected_fraction,
    expected_pain,
    improvement_threshold,
    nrs_change,
    peg_change,
    rmdq_change,
)
from backcare.core.trend import compute_trend as compute_with
from backcare.knowledge import DATA_DIR, load_knowledge
from backcare.knowledge.schema import Disposition

ONSET = dt.date(2026, 10, 1)
NOW = dt.datetime(2026, 10, 1, 9, 0, tzinfo=dt.UTC)


def entry(day: int, pain: int, **kw: object) -> DiaryEntry:
    return DiaryEntry(
        date=ONSET + dt.timedelta(days=day),
        recorded_at=NOW + dt.timedelta(days=day),
        timezone="Europe/London",
        pain=pain,
        **kw,
    )


KB = load_knowledge()


def compute_trend(entries: list[DiaryEntry], *args: Any, **kw: Any) -> diary.Trend:
    """The trend with the packaged knowledge base."""
    return compute_with(entries, *args, kb=kw.pop("kb", KB), **kw)


def ids(trend: diary.Trend) -> list[str]:
    return [m.id for m in trend.messages]


# --- minimal important change ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("baseline", "current", "verdict"),
    [
        (7, 5, "improved"),  # 2 points
        (7, 6, "no_important_change"),  # 1 point, 14 %
        (3, 2, "improved"),  # 1 point but 33 %
        (10, 8, "improved"),  # 2 points (20 %)
        (5, 7, "worse"),
        (6, 7, "no_important_change"),
        (0, 1, "no_important_change"),
        (0, 2, "worse"),
    ],
)
def test_nrs_minimal_important_change(baseline: int, current: int, verdict: str) -> None:
    change = nrs_change(baseline, current)
    assert change.verdict == verdict
    assert change.change == current - baseline
    assert change.sources == ["ostelo_2008"]


@given(st.integers(0, 10), st.floats(0, 10, allow_nan=False))
def test_nrs_improved_exactly_when_two_points_or_thirty_percent(baseline: int, current: float) -> None:
    drop = baseline - current
    expected = drop > 0 and (drop >= 2 - 1e-9 or (baseline > 0 and drop / baseline >= 0.3 - 1e-9))
    assert (nrs_change(baseline, current).verdict == "improved") == expected
    # The threshold line of the chart is the level at which the judgement flips.
    assert (current <= improvement_threshold(baseline) + 1e-9 and current < baseline) == expected


def test_peg_and_rmdq_thresholds() -> None:
    assert peg_change(6.0, 5.0).verdict == "improved"
    assert peg_change(6.0, 5.34).verdict == "no_important_change"
    assert peg_change(4.0, 5.0).verdict == "worse"
    assert rmdq_change(14, 9).verdict == "improved"
    assert rmdq_change(14, 10).verdict == "no_important_change"
    assert rmdq_change(8, 13).verdict == "worse"


# --- expected course --------------------------------------------------------------------------------


def test_expected_course_follows_costa_2012() -> None:
    assert expected_fraction(0) == 1.0
    assert expected_fraction(42) == pytest.approx(23 / 52)
    assert expected_fraction(182) == pytest.approx(12 / 52)
    assert expected_fraction(364) == pytest.approx(6 / 52)
    assert expected_fraction(1000) == pytest.approx(6 / 52)


@given(st.integers(0, 400), st.integers(1, 60))
def test_expected_course_never_rises(day: int, later: int) -> None:
    assert expected_fraction(day + later) <= expected_fraction(day) + 1e-12


def test_expected_pain_is_scaled_to_the_baseline_day() -> None:
    assert expected_pain(8, 10, 10) == pytest.approx(8)
    assert expected_pain(8, 0, 42) == pytest.approx(8 * 23 / 52)
    # Someone who starts the diary on day 10 is expected to improve less from then on.
    assert expected_pain(8, 10, 42) > expected_pain(8, 0, 42)


def test_expected_course_band_is_one_minimal_change_wide() -> None:
    base = Baseline(date=ONSET, pain=8)
    points = expected_course(base, ONSET, ONSET + dt.timedelta(days=42))
    assert [p.day for p in points] == list(range(43))
    assert points[0].expected == pytest.approx(8)
    for p in points:
        assert p.low == pytest.approx(max(0, p.expected - 2), abs=1e-3)
        assert p.high == pytest.approx(min(10, p.expected + 2), abs=1e-3)


# --- baseline ---------------------------------------------------------------------------------------


def test_baseline_prefers_an_earlier_assessment() -> None:
    entries = [entry(3, 6), entry(1, 7, peg=PegResult(score=6.0, items=(6, 6, 6)))]
    from_diary = baseline_from(entries)
    assert from_diary is not None
    assert (from_diary.pain, from_diary.date, from_diary.source, from_diary.peg) == (7, entries[1].date, "diary", 6.0)
    earlier = baseline_from(entries, assessment_pain=8, assessment_date=ONSET)
    assert earlier is not None and (earlier.pain, earlier.source) == (8, "assessment")
    later = baseline_from(entries, assessment_pain=8, assessment_date=ONSET + dt.timedelta(days=5))
    assert later is not None and later.source == "diary"
    assert baseline_from([]) is None


# --- rules -----------------------------------------------------------------------------------------


def test_not_improved_by_week_six_gives_the_persistent_advice() -> None:
    entries = [entry(0, 7), entry(14, 6), entry(43, 6)]
    trend = compute_trend(entries, onset=ONSET)
    persistent = [m for m in trend.messages if m.id == "persistent"]
    assert len(persistent) == 1
    assert persistent[0].disposition is Disposition.soon
    assert persistent[0].red_flags == ["persistent"]
    assert persistent[0].sources == KB.red_flags["persistent"].sources
    assert KB.red_flags["persistent"].action in persistent[0].text


def test_persistent_advice_waits_for_the_knowledge_bases_day_and_not_when_improved() -> None:
    # The red flag's rule: days_since_onset >= 42 and unless(improving).
    assert "persistent" not in ids(compute_trend([entry(0, 7), entry(41, 7)], onset=ONSET))
    assert "persistent" in ids(compute_trend([entry(0, 7), entry(42, 7)], onset=ONSET))
    assert "persistent" not in ids(compute_trend([entry(0, 7), entry(49, 5)], onset=ONSET))
    assert "improved" in ids(compute_trend([entry(0, 7), entry(49, 5)], onset=ONSET))
    # Pain gone is not "not improved", whatever the baseline was.
    assert "persistent" not in ids(compute_trend([entry(0, 1), entry(50, 0)], onset=ONSET))


def test_persistent_advice_follows_the_red_flag_in_the_data(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    flags = data / "red_flags.yaml"
    rule = "days_since_onset >= 42 and unless(improving)"
    assert rule in flags.read_text()
    flags.write_text(
        flags.read_text()
        .replace(rule, rule.replace("42", "28"))
        .replace("Book a GP or physiotherapist appointment", "See your physiotherapist")
    )
    edited = load_knowledge(data)
    trend = compute_trend([entry(0, 7), entry(29, 7)], onset=ONSET, kb=edited)
    review = next(m for m in trend.messages if m.id == "persistent")
    assert "See your physiotherapist" in review.text
    without = dataclasses.replace(KB, red_flags={k: v for k, v in KB.red_flags.items() if k != "persistent"})
    assert "persistent" not in ids(compute_trend([entry(0, 7), entry(60, 7)], onset=ONSET, kb=without))


def test_source_ids_held_in_code_are_in_the_knowledge_base() -> None:
    held = [
        *(s for sources in recovery.MIC_SOURCES.values() for s in sources),
        *recovery.COURSE_SOURCES,
        *trend_messages.ALERT_SOURCES,
    ]
    assert [s for s in held if s not in KB.sources] == []
    assert trend_messages.PERSISTENT_FLAG in KB.red_flags


def test_current_level_is_the_mean_of_the_last_seven_days() -> None:
    # One good day among bad ones is not an important improvement.
    entries = [entry(0, 7), entry(40, 7), entry(42, 7), entry(44, 4)]
    trend = compute_trend(entries, onset=ONSET)
    assert trend.nrs is not None and trend.nrs.current == pytest.approx(6.0)
    assert "persistent" in ids(trend)


def test_pain_two_above_baseline_prompts_reassessment() -> None:
    trend = compute_trend([entry(0, 5), entry(3, 7)], onset=ONSET)
    assert "reassess" in ids(trend)
    assert [m.level for m in trend.messages if m.id == "reassess"] == ["warning"]
    assert "reassess" not in ids(compute_trend([entry(0, 5), entry(3, 6)], onset=ONSET))
    # Only the latest entry counts: a past flare that settled needs no re-assessment now.
    assert "reassess" not in ids(compute_trend([entry(0, 5), entry(3, 8), entry(4, 5)], onset=ONSET))


@given(st.integers(0, 10), st.lists(st.integers(0, 10), min_size=1, max_size=10), st.integers(0, 10))
def test_a_higher_latest_pain_never_removes_the_reassess_prompt(base: int, middle: list[int], last: int) -> None:
    entries = [entry(0, base)] + [entry(i + 1, p) for i, p in enumerate(middle)]
    lower = compute_trend([*entries, entry(len(middle) + 1, last)], onset=ONSET)
    higher = compute_trend([*entries, entry(len(middle) + 1, min(10, last + 1))], onset=ONSET)
    if "reassess" in ids(lower):
        assert "reassess" in ids(higher)
    assert ("reassess" in ids(lower)) == (last - base >= 2)


def test_red_flag_in_an_entry_shows_an_alert_with_the_disposition() -> None:
    flagged = entry(5, 6, retriage=Retriage(disposition=Disposition.emergency, red_flags=["cauda_equina"]))
    trend = compute_trend([entry(0, 6), flagged, entry(6, 5)], onset=ONSET)
    alert = [m for m in trend.messages if m.id == "red_flag"]
    assert len(alert) == 1
    assert alert[0].disposition is Disposition.emergency
    assert alert[0].red_flags == ["cauda_equina"]
    assert alert[0].level == "alert"
    assert trend.rows[1].red_flags == ["cauda_equina"]


def test_red_flag_alert_takes_the_most_urgent_and_clears_after_a_full_assessment() -> None:
    urgent = entry(4, 6, retriage=Retriage(disposition=Disposition.urgent, red_flags=["spinal_infection"]))
    emergency = entry(5, 6, retriage=Retriage(disposition=Disposition.emergency, red_flags=["cauda_equina"]))
    trend = compute_trend([entry(0, 6), emergency, urgent], onset=ONSET)
    alert = next(m for m in trend.messages if m.id == "red_flag")
    assert alert.disposition is Disposition.emergency
    assert set(alert.red_flags) == {"cauda_equina", "spinal_infection"}
    after = compute_trend(
        [entry(0, 6), emergency, urgent], onset=ONSET, reassessed_at=emergency.recorded_at + dt.timedelta(hours=1)
    )
    assert "red_flag" not in ids(after)


def test_course_comparison() -> None:
    slow = compute_trend([entry(0, 8), entry(42, 8)], onset=ONSET)
    assert slow.course == "slower"
    assert slow.expected_now == pytest.approx(8 * 23 / 52, abs=0.01)
    assert "course_slower" in ids(slow)
    on_track = compute_trend([entry(0, 8), entry(42, 4)], onset=ONSET)
    assert on_track.course == "expected"
    assert compute_trend([entry(0, 8), entry(42, 0)], onset=ONSET).course == "ahead"
    assert compute_trend([entry(0, 8)], onset=ONSET).course is None


def test_empty_diary_has_no_trend() -> None:
    trend = compute_trend([])
    assert trend.rows == [] and trend.messages == [] and trend.nrs is None


def test_rows_carry_change_and_verdict_per_entry() -> None:
    trend = compute_trend([entry(0, 7), entry(1, 6), entry(2, 4), entry(3, 9)], onset=ONSET)
    assert [r.change for r in trend.rows] == [0, -1, -3, 2]
    assert [r.verdict for r in trend.rows] == ["no_important_change", "no_important_change", "improved", "worse"]
    assert [r.day for r in trend.rows] == [0, 1, 2, 3]


# --- adherence --------------------------------------------------------------------------------------


def _sessions(day: int, *kinds: tuple[str, str]) -> list[ScheduledSession]:
    return [ScheduledSession(date=ONSET + dt.timedelta(days=day), activity=a, kind=k) for a, k in kinds]


def test_adherence_counts_sessions_done_on_logged_days() -> None:
    schedule = [
        *_sessions(0, ("glute_bridge", "exercise"), ("glute_bridge", "exercise"), ("cold", "cold"), ("walk", "other")),
        *_sessions(1, ("glute_bridge", "exercise"), ("heat", "heat")),
        *_sessions(2, ("glute_bridge", "exercise")),  # no entry that day: unknown, not missed
    ]
    entries = [
        entry(0, 6, exercises=(ExerciseDone(id="glute_bridge", repetitions=10),), heat_sessions=1),
        entry(1, 5, exercises=(ExerciseDone(id="side_leg_raise", repetitions=5),)),
    ]
    result = adherence(entries, schedule)
    assert result is not None
    # Day 0: 1 of 2 bridges + heat instead of cold = 2 of 3. Day 1: 0 of 2.
    assert [(d.scheduled, d.done) for d in result.by_day] == [(3, 2), (2, 0)]
    assert (result.scheduled, result.done) == (5, 2)
    assert result.share == pytest.approx(0.4)
    assert result.days_unlogged == 1
    assert result.untracked == 1


def test_adherence_never_exceeds_the_schedule() -> None:
    schedule = _sessions(0, ("glute_bridge", "exercise"), ("cold", "cold"))
    many = entry(0, 6, exercises=(ExerciseDone(id="glute_bridge", repetitions=10),) * 3, cold_sessions=4)
    result = adherence([many], schedule)
    assert result is not None and result.share == 1.0
    assert adherence([many], []) is None


def test_schedule_from_a_real_plan() -> None:
    from backcare.bootstrap import assess

    result = assess(answers={"age": 35, "days_since_onset": 1, "pain_score": 6}, today=ONSET)
    assert result.plan is not None
    schedule = schedule_from_plan(result.plan, ONSET)
    assert len(schedule) == len(result.plan.schedule)
    exercise_ids = {e.id for e in result.plan.exercises}
    for session, original in zip(schedule, result.plan.schedule, strict=True):
        assert (session.kind == "exercise") == (original.activity in exercise_ids)
        assert session.date == ONSET + dt.timedelta(days=original.day - 1)
    kinds = {s.kind for s in schedule}
    assert {"exercise", "cold", "heat"} <= kinds


# --- re-triage --------------------------------------------------------------------------------------


def test_retriage_alert_only_for_red_flags_the_entry_brings() -> None:
    from backcare.bootstrap import assess

    answers = diary.retriage_answers({"saddle_numbness": True}, pain=5, days_since_onset=3, previous={"age": 40})
    assert answers["pain_score"] == 5 and answers["days_since_onset"] == 3 and answers["age"] == 40
    result = assess(answers=answers, today=ONSET)
    alert = diary.retriage_alert({"saddle_numbness": True}, result)
    assert alert is not None
    assert alert.disposition is Disposition.emergency
    assert "cauda_equina" in alert.red_flags

    # The same finding carried over from an earlier assessment is not news from this entry.
    carried = assess(answers=diary.retriage_answers({}, 5, 3, {"saddle_numbness": True}), today=ONSET)
    assert carried.red_flags
    assert diary.retriage_alert({}, carried) is None
    # A finding reported absent raises nothing.
    calm = assess(answers=diary.retriage_answers({"fever": False}, 5, 3, None), today=ONSET)
    assert diary.retriage_alert({"fever": False}, calm) is None


def test_entry_model_rejects_bad_values() -> None:
    with pytest.raises(ValueError, match="pain"):
        entry(0, 11)
    with pytest.raises(ValueError):
        DiaryEntry(date=ONSET, recorded_at=dt.datetime(2026, 10, 1, 9), timezone="UTC", pain=3)
    with pytest.raises(ValueError):
        ExerciseDone(id="Glute Bridge", repetitions=3)
    with pytest.raises(ValueError):
        ExerciseDone(id="glute_bridge", repetitions=0)
    aware = DiaryEntry(
        date=ONSET,
        recorded_at=dt.datetime(2026, 10, 1, 10, tzinfo=dt.timezone(dt.timedelta(hours=1))),
        timezone="X",
        pain=3,
    )
    assert aware.recorded_at == dt.datetime(2026, 10, 1, 9, tzinfo=dt.UTC)
    assert aware.recorded_at.tzinfo == dt.UTC
