"""Numbers people write, read by pure functions (no pipeline): ages, weeks, days, scores."""

from __future__ import annotations

import datetime as dt

import pytest

from backcare.adapters.language.numbers import (
    ages,
    durations,
    episodes,
    mineral_levels,
    pain_scores,
    power_drops,
    pregnancy_weeks,
    sexes,
    temperatures,
)

THURSDAY = dt.date(2025, 6, 5)


def values(found: object) -> list[object]:
    return [v.value for v in found]


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("I'm 67", 67),
        ("67yo", 67),
        ("a 67-year-old", 67),
        ("67M", 67),
        ("36f", 36),
        ("I am 50 years of age", 50),
        ("in my seventies", 70),
        ("in my late sixties", 68),
        ("Hi, 58 year old guy", 58),
        ("wee and poo fine. 49", 49),
    ],
)
def test_ages(text: str, age: int) -> None:
    assert age in values(ages(text))


@pytest.mark.parametrize("text", ["I'm 34 weeks pregnant", "I'm 5 days in", "pain 8/10", "I'm 6'2\"", "38.9"])
def test_things_that_are_not_ages(text: str) -> None:
    assert values(ages(text)) == []


def test_someone_elses_age_is_marked_as_theirs() -> None:
    found = list(ages("My husband (63) and I"))
    assert found[0].value == 63 and found[0].subject == "other" and found[0].relation == "husband"


@pytest.mark.parametrize(
    ("text", "sex"),
    [("36f", "female"), ("44M", "male"), ("I'm a 58-year-old woman", "female"), ("29 female", "female"),
     ("55 yo man", "male"), ("I'm 34 and female", "female")],
)  # fmt: skip
def test_sex(text: str, sex: str) -> None:
    assert sex in values(sexes(text))


@pytest.mark.parametrize(
    ("text", "weeks"),
    [("28 weeks pregnant", 28), ("27 wks pregnant", 27), ("38+2 weeks pregnant", 38), ("7 months pregnant", 30),
     ("pregnant with my first, 32 weeks", 32)],
)  # fmt: skip
def test_pregnancy_weeks(text: str, weeks: int) -> None:
    assert values(pregnancy_weeks(text)) == [weeks]


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("since yesterday", 1),
        ("since Tuesday", 2),
        ("on Monday morning", 3),
        ("since Thursday", 7),
        ("3 days ago", 3),
        ("a fortnight ago", 14),
        ("7 weeks ago", 49),
        ("for about 8 months", 240),
        ("six weeks in the past", 42),
        ("last night", 0),
        ("this morning", 0),
        ("since 3am", 0),
        ("about 20 minutes ago", 0),
        ("for the last three weeks", 21),
        ("Day 5 of a lower back strain", 4),
        ("Day 2, about 4/10", 1),
    ],
)
def test_durations(text: str, days: int) -> None:
    assert days in values(durations(text, THURSDAY))


@pytest.mark.parametrize(
    ("text", "score"),
    [("8/10", 8), ("eight out of ten", 8), ("7 out of 10", 7), ("5 outside of 10", 5), ("6-7/10", 7),
     ("pain is 6", 6), ("9 oot o 10", 9), ("4 out o' 10", 4)],
)  # fmt: skip
def test_pain_scores(text: str, score: int) -> None:
    assert values(pain_scores(text)) == [score]


def test_scores_above_ten_are_ignored() -> None:
    assert values(pain_scores("12/10")) == []


@pytest.mark.parametrize(
    ("text", "celsius"),
    [("temperature of 38.9", 38.9), ("my temp is 36.8", 36.8), ("a fever of 101F", 38.3), ("temp 102", 38.9)],
)
def test_temperatures(text: str, celsius: float) -> None:
    assert values(temperatures(text)) == [celsius]


def test_the_weather_is_not_a_temperature() -> None:
    assert values(temperatures("it was 95 degrees out")) == []


@pytest.mark.parametrize(
    ("text", "count"),
    [("the 4th time this year", 4), ("for the 2nd time this year", 2), ("three times in the last year", 3)],
)
def test_episodes(text: str, count: int) -> None:
    assert values(episodes(text)) == [count]


@pytest.mark.parametrize(
    ("text", "levels"),
    [
        ("K+ 3.3, Na 138", ["low"]),
        ("potassium 4.2 mmol/L", ["normal"]),
        ("Mg 0.55 and adjusted Ca 2.05", ["low", "low"]),
        ("Hx Ca 2.1 years ago", []),  # a note's cancer, and a time
        ("ibuprofen 400 mg 3 times a day", []),  # a dose
        ("Ca 2 years ago", []),
    ],
)
def test_mineral_levels(text: str, levels: list[str]) -> None:
    assert [m.value for m in mineral_levels(text)] == levels


@pytest.mark.parametrize(
    ("text", "drops"),
    [
        ("R ankle dorsiflexion has dropped from 4/5 to 2/5", [2.0]),
        ("EHL power 4/5 -> 3/5 since Monday", [1.0]),
        ("EHL power improved from 3/5 to 4/5", []),
        ("Grip strength from 4/5 to 3/5", []),  # an arm
    ],
)
def test_power_drops(text: str, drops: list[float]) -> None:
    assert [m.value for m in power_drops(text)] == drops
