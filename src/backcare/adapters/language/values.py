"""The value a number reader found, and the helpers every reader shares.

Each reader (``age_sex``, ``pregnancy``, ``durations``, ``scores``...) yields ``ValueMention``s
with character offsets; the pipeline turns them into spans so that the context rules can still
drop "my wife is 34 weeks pregnant" (someone else) or "if it gets to 8/10" (hypothetical).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal[
    "age", "sex", "pregnancy_weeks", "duration", "pain_score", "pain_word", "temperature", "episodes", "onset_age",
    "doses_per_day", "dose_total", "gcs", "power", "residual_urine", "fall_height", "mineral_level", "power_drop",
    "weight_change",
]  # fmt: skip
Subject = Literal["self", "other", "unknown"]


@dataclass(frozen=True)
class ValueMention:
    """A value with where it was read: ``start``/``end`` cover the phrase (the evidence), ``core``
    only the number or word itself, which is what the context rules see (a span over "my wife"
    would hide the cue that says it is about someone else)."""

    kind: Kind
    value: int | float | str
    start: int
    end: int
    subject: Subject = "unknown"
    relation: str | None = None  # for subject "other": the relative named ("dad", "she")
    core: tuple[int, int] | None = None

    @property
    def span(self) -> tuple[int, int]:
        return self.core or (self.start, self.end)


def core_span(m: re.Match[str], *groups: str) -> tuple[int, int] | None:
    """The span of the first named group that matched: the number itself, not the phrase."""
    for group in groups:
        if m.groupdict().get(group):
            return m.span(group)
    return None


WORD_NUMBERS = {
    "zero": 0, "nil": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "couple": 2, "a couple": 2, "a couple of": 2, "couple of": 2,
    "few": 3, "a few": 3, "several": 4, "half a": 0.5, "half an": 0.5,
}  # fmt: skip

NUMWORD = "|".join(sorted((re.escape(w) for w in WORD_NUMBERS), key=len, reverse=True))
#: Numbers in words, for the readers that spell them out (ages, weeks, temperatures).
ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
#: A number from twenty to ninety-nine in words: "thirty-seven", "forty two".
TENS_AND_ONES = rf"(?:{'|'.join(TENS)})(?:[\s-](?:{'|'.join(ONES)}))?"
#: A decimal in words: "thirty-six point nine", "thirty eight point oh".
DECIMAL_WORDS = rf"{TENS_AND_ONES}\s+point\s+(?:oh|zero|{'|'.join(ONES)})"


def parse_number(text: str) -> float | None:
    """A number written in digits or words ("3", "three", "a couple", "thirty-seven", "thirty-six
    point nine"), or None."""
    text = text.lower().strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    if text in WORD_NUMBERS:
        return float(WORD_NUMBERS[text])
    whole, _, tenth = text.partition(" point ")
    words = re.split(r"[\s-]+", whole)
    if not re.fullmatch(TENS_AND_ONES, whole) or (tenth and tenth not in ("oh", "zero", *ONES)):
        return None
    number = 20 + 10 * TENS.index(words[0]) + (ONES.index(words[1]) + 1 if len(words) > 1 else 0)
    return number + ((ONES.index(tenth) + 1) / 10 if tenth in ONES else 0.0)


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence that holds text[start:end] (a decimal point is not a sentence end)."""
    ends = [m.end() for m in re.finditer(r"[.!?](?!\d)", text[:start])]
    after = re.search(r"[.!?](?!\d)", text[end:])
    return text[ends[-1] if ends else 0 : end + after.start() if after else len(text)]
