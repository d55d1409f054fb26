"""How many episodes of back pain in the past year: "the third time this year", "my fourth bad back
this year", "my fourth go of it this year", "3rd lumbar strain episode in the past 12 months", "4
times in the last 12 months", "this year it has gone four times", "first time ever"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from backcare.adapters.language.values import NUMWORD, ValueMention, parse_number

_ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5,
    "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7, "eighth": 8, "8th": 8, "ninth": 9, "9th": 9,
    "tenth": 10, "10th": 10,
}  # fmt: skip


_ABOUT = r"(?:(?:about|around|roughly|nearly|almost|just\s+under|under|less\s+than)\s+)?"
_UP_TO_TWELVE = r"(?:[1-9]|1[0-2]|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
"""A count of months that stays within a year: "the last 18 months" is not "the past year"."""

#: A window that lies within the past year: "this year", "in the last 12 months", "since January",
#: "since (last) Christmas", "in the past six months", "in about 10 months", a note's "in 12/12" or "in 10/12",
#: "this calendar year".
_WITHIN_YEAR = (
    r"(?:(?:this|in\s+the\s+(?:last|past)|in\s+a|in(?=\s+(?:12|twelve)\s)|per|a|within\s+a|over\s+the\s+(?:last|past))\s+(?:year|yr|12\s+months|twelve\s+months)\b"
    r"|(?:in|over|within)\s+(?:the\s+)?(?:last|past)\s+(?:12\s*/\s*12|yr|12\s*m(?:ths?|onths)?)\b|this\s+calendar\s+year\b"
    r"|(?:in|over|within)\s+(?:the\s+(?:last|past)\s+)?(?:[1-9]|1[0-2])\s*/\s*12\b"
    r"|since\s+(?:last\s+)?(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|"
    r"christmas|xmas|easter|new\s+year|the\s+new\s+year|the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+year|last\s+(?:summer|spring|autumn|fall|winter))\b"
    r"|(?:in|over|within)\s+the\s+(?:last|past)\s+(?:few|couple\s+of|several)\s+months"
    rf"|(?:in|over|within)\s+(?:the\s+(?:last|past|space\s+of)\s+)?{_ABOUT}{_UP_TO_TWELVE}\s+months)"
)
_EPISODE_PATTERNS = [
    re.compile(
        rf"\b(?P<o>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|1st|2nd|3rd|4th|5th|6th|7th|8th|9th|10th)\s+(?:[a-z-]+\s+){{0,2}}?(?:time|episode|bout|go|attack|flare|flare-up|bad\s+back|back\s+(?:episode|attack|flare|flare-up|spasm)|spasm|one)\b[^.!?]{{0,40}}?\b{_WITHIN_YEAR}",
        re.I,
    ),
    re.compile(  # "4 times this year", "4 episodes of acute LBP in the past 12 months", and one more
        # told after it: "it's gone three times already this year and now it's gone again"
        rf"\b(?P<n>\d+|{NUMWORD})\s+(?:times|episodes|bouts|attacks|flare-ups|flares)"
        rf"(?:\s+of\s+[^.!?,;]{{1,30}}?)?(?:\s+(?:already|before|previously|so\s+far))?\s+{_WITHIN_YEAR}"
        r"(?P<again>\s+and\s+(?:now|today|this\s+week)\b[^.!?]{0,25}?\bagain\b)?",
        re.I,
    ),
    # a form's answer: "episodes this year: 3 (incl. this one)"
    re.compile(rf"\b(?:episodes|attacks|flare-?ups|times)\s+{_WITHIN_YEAR}\s*[:=-]\s*(?P<n>\d+|{NUMWORD})\b", re.I),
    re.compile(  # the window first: "This year my lower back has gone four times"
        rf"{_WITHIN_YEAR}[^.!?;]{{0,50}}?\b(?P<n>\d+|{NUMWORD})\s+(?:times|episodes|bouts|attacks|flare-ups|flares)\b"
        r"(?!\s+(?:a|an|per|each|every)\s+(?:day|night|week|hour|morning|evening))",
        re.I,
    ),
]
_FIRST_EVER = re.compile(r"\b(?:first|1st)\s+(?:time|episode)\s+(?:ever|in\s+(?:my\s+life|years))", re.I)

_EPISODE_COUNT = re.compile(r"times|episodes|bouts|attacks|flare", re.I)


def episodes(text: str) -> Iterator[ValueMention]:
    """Episodes of back pain within the past year, from an ordinal ("third time this year"), a count
    ("4 times in the last 12 months") or "first time ever"."""
    counted = _EPISODE_COUNT.search(text) is not None
    for index, pattern in enumerate(_EPISODE_PATTERNS):
        if index > 0 and not counted:
            continue  # "N times this year": not without "times", "episodes"...
        for m in pattern.finditer(text):
            n: float
            if m.groupdict().get("o"):
                n = _ORDINALS[m.group("o").lower()]
            else:
                n = (parse_number(m.group("n")) or 0) + (1 if m.groupdict().get("again") else 0)
            if 0 < n <= 365:
                yield ValueMention("episodes", int(n), m.start(), m.end())
    for m in _FIRST_EVER.finditer(text):
        yield ValueMention("episodes", 1, m.start(), m.end())
