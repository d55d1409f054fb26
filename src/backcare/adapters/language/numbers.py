"""Numbers people write about themselves: age, sex, weeks of pregnancy, time since onset, pain
scores, temperatures, episode counts, doses; and what clinicians measure and write in shorthand:
"3/52" durations, "34+2/40" gestations, "NRS 8", "T 38.4", GCS, MRC power ("4/5 L EHL"), the urine
left after voiding ("PVR 650 ml"), "K+ 3.3", how far someone fell, "2 tabs QDS".

Each reader is a regular expression over the cleaned text that yields ``ValueMention``s with
character offsets; the pipeline turns them into spans so that the context rules can still drop
"my wife is 34 weeks pregnant" (someone else) or "if it gets to 8/10" (hypothetical). Pure
functions: ``today`` is a parameter, never the clock. The readers live by concept (``age_sex``,
``pregnancy``, ``durations``, ``scores``, ``temperatures``, ``episodes``, ``doses``,
``measurements``); this module runs them all and re-exports them.
"""

from __future__ import annotations

import datetime as dt
import re

from backcare.adapters.language.age_sex import SEX_WORD, ages, birth_year_ages, onset_ages, sexes
from backcare.adapters.language.doses import doses_per_day
from backcare.adapters.language.durations import durations
from backcare.adapters.language.episodes import episodes
from backcare.adapters.language.measurements import (
    fall_heights,
    gcs_scores,
    mineral_levels,
    power_drops,
    power_grades,
    residual_urine,
    weight_changes,
)
from backcare.adapters.language.pregnancy import pregnancy_weeks
from backcare.adapters.language.scores import pain_scores, pain_words
from backcare.adapters.language.temperatures import BARE_READING, RUNNING_AT, temperatures
from backcare.adapters.language.values import NUMWORD, Kind, Subject, ValueMention

__all__ = [
    "Kind", "Subject", "ValueMention", "ages", "doses_per_day", "durations", "episodes", "fall_heights", "find_values",
    "gcs_scores", "mineral_levels", "onset_ages", "pain_scores", "pain_words", "power_drops", "power_grades",
    "pregnancy_weeks", "residual_urine", "sexes", "temperatures", "weight_changes",
]  # fmt: skip


#: Words without which a reader cannot find anything (checked once, to skip its patterns).
#: an age or a decade in words ("seventy-five", "in my forties", "three score", "a year off my bus pass",
#: a child's "my son is eight")
_AGE_WORD = re.compile(
    r"\b(?:ten|eleven|twelve|\w*teens?|twent|thirt|fort[yi]|fift|sixt|sevent|eight[yi]|ninet|score|bus\s+pass)"
    r"|(?:'s|\bis|,)\s+(?:only\s+|just\s+)?(?:one|two|three|four|five|six|seven|eight|nine)\b",
    re.I,
)
_SEX_ANY = re.compile(rf"\b{SEX_WORD}\b|\b(?:female|male)\b", re.I)
_SCORE_WORD = re.compile(rf"\b(?:{NUMWORD})\b", re.I)
_EPISODE_WORD = re.compile(
    r"time|episode|bout|attack|flare|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\b",
    re.I,
)
_WEIGHT_WORD = re.compile(r"\b(?:wt|weigh\w*)\b", re.I)
_HEIGHT_WORD = re.compile(r"metre|meter|feet|foot|storey|stories|floors?\b", re.I)
_TEMPERATURE_WORD = re.compile(
    r"temp|fever|thermometer|pyrex|febrile|spik|tmax|(?<![\w'])t\b|\d\s*(?:°|º|deg|c\b|f\b|celsius|fahrenheit)"
    rf"|\b{BARE_READING}\s"  # a reading alone, then when: "38.2 this morning"
    rf"|{RUNNING_AT}(?:3[7-9]|4[01])\b",  # "running about 38"
    re.I,
)


def find_values(text: str, today: dt.date) -> list[ValueMention]:
    """Every value mention in ``text``, in order of position (a reader whose key words are all
    missing is skipped: the same result, for less work)."""
    digits = any(ch.isdigit() for ch in text)
    lowered = text.lower()
    found = [*durations(text, today)]
    if digits or _AGE_WORD.search(text):
        found += ages(text)
        found += birth_year_ages(text, today.year) if "b" in lowered else []
    if digits or _SEX_ANY.search(text):
        found += sexes(text)
    if digits or "month" in lowered or "week" in lowered:
        found += pregnancy_weeks(text)
    if digits or _SCORE_WORD.search(text):
        found += pain_scores(text)
    found += pain_words(text)
    if (digits or " point " in lowered) and _TEMPERATURE_WORD.search(text):  # "thirty-six point nine"
        found += temperatures(text)
    if _EPISODE_WORD.search(text):
        found += episodes(text)
    if digits or "since" in lowered:
        found += onset_ages(text)
    if digits or "every" in lowered or "times" in lowered:
        found += doses_per_day(text)
    if digits:
        found += gcs_scores(text) if "gcs" in lowered or re.search(r"\be\d\s*v\d", lowered) else []
        found += [*power_grades(text), *power_drops(text)] if "/5" in text.replace(" ", "") else []
        found += residual_urine(text)
        found += mineral_levels(text)
        found += weight_changes(text) if _WEIGHT_WORD.search(text) else []
    if digits or _HEIGHT_WORD.search(text):
        found += fall_heights(text)
    measured = [(v.start, v.end) for v in found if v.kind in {"temperature", "fall_height"}]
    if measured:  # "101 F" is a temperature, not a 101-year-old woman; "fell 12 m" is no man
        found = [
            v for v in found if v.kind not in {"age", "sex"} or not any(s < v.end and v.start < e for s, e in measured)
        ]
    aged = [(v.start, v.end) for v in found if v.kind == "age"]
    if aged:  # "Mrs K (84 years)": an age, not how long anything has lasted
        found = [v for v in found if v.kind != "duration" or not any(s <= v.start and v.end <= e for s, e in aged)]
    weeks = [v.span for v in found if v.kind == "pregnancy_weeks"]
    if weeks:  # "I'm 30 weeks now": a week of the pregnancy, not how long anything has lasted
        found = [v for v in found if v.kind != "duration" or not any(s < v.end and v.start < e for s, e in weeks)]
    return sorted(found, key=lambda v: (v.start, v.end))
