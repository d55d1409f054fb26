"""How many days ago something started: "yesterday", "for 3 weeks", "two months ago", "since
Tuesday", "since March", and clinicians' "3/52". ``today`` is a parameter, never the clock."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from backcare.adapters.language.pregnancy import speaks_of_pregnancy
from backcare.adapters.language.start_dates import WEEKDAYS as _WEEKDAYS
from backcare.adapters.language.start_dates import since_dates
from backcare.adapters.language.values import NUMWORD, ValueMention, parse_number

_UNIT_DAYS = {"minute": 0, "min": 0, "hour": 0, "hr": 0, "day": 1, "night": 1, "week": 7, "wk": 7,
              "fortnight": 14, "month": 30, "mth": 30, "year": 365, "yr": 365}  # fmt: skip

_QTY = rf"(?P<q>\d+(?:\.\d+)?|{NUMWORD})(?P<half>\s+and\s+a\s+half)?"  # "6 and a half weeks"
_UNITS_UP_TO_MONTHS = r"minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|wks?|fortnights?|months?|mths?"
_UNIT = rf"(?P<u>{_UNITS_UP_TO_MONTHS}|years?|yrs?)"


#: Days worked out from today: since Monday ("this week"), since the new year ("since last year").
_SINCE_MONDAY, _SINCE_NEW_YEAR = -1, -2

_RELATIVE_DAYS = [
    (re.compile(r"\bthe\s+day\s+before\s+yesterday\b", re.I), 2),
    (re.compile(r"\byesterday\b", re.I), 1),
    (re.compile(r"\blast\s+(?:night|nite|evening)\b", re.I), 0),
    (
        re.compile(
            r"\b(?:this|since)\s+(?:morning|afternoon|evening|lunchtime|teatime|dinnertime|suppertime|breakfast|lunch)\b"
            r"|\btonight\b|\bearlier\s+today\b|\btoday\b",
            re.I,
        ),
        0,
    ),
    (
        re.compile(
            r"\bsince\s+(?:\d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.|o'?clock)|lunch(?:time)?|breakfast|dinner|tea|i\s+woke\s+up|i\s+got\s+up|this\s+\w+)\b",
            re.I,
        ),
        0,
    ),
    (
        re.compile(
            r"\b(?:an?|one|half\s+an?|\d+|few|a\s+few|couple\s+of|a\s+couple\s+of)\s+(?:hours?|hrs?|minutes?|mins?)\s+ago\b",
            re.I,
        ),
        0,
    ),
    (
        re.compile(
            r"\b(?:for|over|in)\s+the\s+(?:last|past)\s+(?:few\s+|couple\s+of\s+)?(?:hours?|hrs?|minutes?|mins?)\b|\b(?:for|over)\s+(?:an?|half\s+an?)\s+(?:hour|hr)\b",
            re.I,
        ),
        0,
    ),
    (re.compile(r"\b(?:since\s+)?last\s+week\b", re.I), 7),
    (re.compile(r"\b(?:this|since)\s+week\b", re.I), _SINCE_MONDAY),
    (re.compile(r"\b(?:since\s+)?last\s+month\b", re.I), 30),
    (re.compile(r"\b(?:since|from)\s+last\s+year\b", re.I), _SINCE_NEW_YEAR),  # at least the days of this year
    (
        re.compile(
            r"\b(?:since|from|for)\s+(?:about\s+)?(?:a|one)\s+fortnight\b|\ba\s+fortnight\b|\b(?:this|the)\s+(?:past|last)\s+fortnight\b",
            re.I,
        ),
        14,
    ),
]
_DURATION_FOR = re.compile(
    rf"\b(?:for|over|in|been(?:\s+there|\s+like\s+(?:this|that)|\s+this\s+way)?|had\s+it|had\s+this|lasted|lasting|since|from|(?:going|gone|went)\s+on(?:\s+for)?)\s+(?:about\s+|aboot\s+|around\s+|roughly\s+|approximately\s+|approx\.?\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+|at\s+least\s+|just\s+over\s+|just\s+under\s+|under\s+|the\s+(?:last|past)\s+|(?:last|past)\s+(?=\d)|a\s+good\s+)*(?:{_QTY}\s*(?:-|\s)?\s*)?{_UNIT}(?!\s*(?:ago|back|before|earlier|old|pregnant|gone|along(?!\s+with\b)))(?(q)|(?!\s+\d))\b",
    re.I,
)
_DURATION_AGO = re.compile(
    rf"\b(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|over\s+|just\s+over\s+|more\s+than\s+)?{_QTY}\s*(?:-|\s)?\s*{_UNIT}\s+(?:ago|back|in\s+the\s+past|before\s+now|now|previously|earlier|before(?=\s*(?:and\b|,|\.|;|$)))\b",
    re.I,
)
_DURATION_AFTER_PAIN = re.compile(
    rf"\b(?:pain|pains|spasm|spasms|spasming|ache|aching|hurting|sore|bad|stiff|agony|playing\s+up|killing\s+me|trouble"
    rf"|problems?|backache|lbp|sciatica|symptoms|sx)"
    rf"\s+(?:x\s+|for\s+|now\s+(?:for\s+)?)?(?:about\s+|around\s+|nearly\s+|almost\s+|over\s+|>\s*)?{_QTY}\s*(?:-|\s)?\s*{_UNIT}\b(?!\s*(?:ago|back|before|earlier|old|pregnant|gone|along(?!\s+with\b)))",
    re.I,
)
#: A note's "x 6 wks", "x3/7" written out: "radiating to the calf x 6 wks".
_DURATION_TIMES = re.compile(rf"(?<![\w/])x\s*{_QTY}\s*(?:-|\s)?\s*{_UNIT}\b", re.I)
#: "6+ months", "ten weeks of a sore back", "two weeks now", a note's "3 week history", "of 2 weeks'
#: duration": a length of time that stands alone.
#: "(like 5 months)": a duration on its own in brackets.
_DURATION_BRACKETED = re.compile(
    rf"(?<=\()\s*(?:so\s+|that'?s\s+|which\s+is\s+|i\.?e\.?\s+|like\s+|about\s+|around\s+|roughly\s+|maybe\s+|nearly\s+|almost\s+|over\s+)?{_QTY}\s*(?:-\s*)?{_UNIT}\s*(?=\))",
    re.I,
)
#: A note's "LBP approx 10 weeks", a learner's "already 5 weeks", "my pain is now 8 weeks", "it's
#: now nearly 8 weeks": how long, wherever it stands.
_DURATION_APPROX = re.compile(
    rf"\b(?:approx\.?|approximately|~|already|(?<=is\s)now|(?<='s\s)now)\s*(?:nearly\s+|almost\s+|about\s+|over\s+)?{_QTY}\s*(?:-\s*)?{_UNIT}\b"
    r"(?!\s+(?:ago|pregnant|gone|along|old|post))",
    re.I,
)
#: "The back ache is new, 2 days, lower back": a length of time alone between commas, as in a list
#: (not years: "I am from Poland, 42 years." is an age).
_DURATION_LISTED = re.compile(
    rf"(?<=,\s){_QTY}\s*(?:-\s*)?(?P<u>{_UNITS_UP_TO_MONTHS})(?=\s*(?:,|\.|;|$))",
    re.I,
)
#: A form's answer: "How long: 8 weeks", "Duration - about 10 days".
_DURATION_ANSWERED = re.compile(
    rf"\b(?:how\s+long(?:\s+for)?|duration|length\s+of\s+time|time\s+since\s+(?:it\s+)?started)\s*(?:\?\s*[:-]?|[:-])\s*"
    rf"(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|over\s+)?{_QTY}\s*(?:-\s*)?{_UNIT}\b",
    re.I,
)
#: "It's six weeks exactly today since I hurt my back": how long since the start, told first.
_DURATION_SINCE_TOLD_FIRST = re.compile(
    rf"\b(?:it's|it\s+is|its)\s+(?:now\s+|about\s+|almost\s+|nearly\s+|over\s+|exactly\s+|just\s+)*{_QTY}\s*{_UNIT}"
    r"(?:\s+(?:exactly|now|today|to\s+the\s+day))*\s+since\b",
    re.I,
)
#: "still grumbling after 7 weeks", "still aching most days ten months later": how long it has gone on.
_DURATION_STILL_AFTER = re.compile(
    rf"\bstill\b[^.!?,]{{0,30}}?\b(?P<after>after\s+(?:about\s+|nearly\s+|almost\s+|over\s+)?)?{_QTY}\s*{_UNIT}"
    r"(?(after)|\s+(?:later|on))\b",
    re.I,
)
#: "since I had my baby, and she's 5 months old now": the child's age is how long it has gone on.
_DURATION_SINCE_BIRTH = re.compile(
    r"\bsince\s+(?:i\s+had\s+(?:my|the|our)\s+|(?:my|the|our)\s+|the\s+birth\s+of\s+(?:my|our)\s+|giving\s+birth|i\s+gave\s+birth|(?:the\s+)?birth\b)"
    r"(?:baby|son|daughter|twins|little\s+one|boy|girl)?(?:\s+was\s+born|\s+were\s+born)?\b[^.!?]{0,40}?"
    rf"\b(?:he|she|they|it|baby|son|daughter|boy|girl|twins|one|he's|she's|they're)\s*(?:'s|is|are|'re)?\s*(?:now\s+|just\s+)?{_QTY}\s*(?:-\s*)?{_UNIT}\s*-?\s*old\b",
    re.I,
)
_DURATION_BARE = re.compile(
    rf"\b(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+|at\s+least\s+)?{_QTY}"
    rf"\s*(?P<plus>\+|plus)?\s*(?:-\s*)?{_UNIT}"
    rf"(?(plus)|(?:\s*(?:\+|plus)|(?='?\s+(?:of|now|so\s+far|and\s+counting|solid|straight|running|since|history|hx|duration)\b)"
    # a note's length before the complaint: "44F, 3 months mechanical LBP", "8 months lower back pain"
    r"|(?=\s+(?:(?!ago|off|post|after|before|since|later|back\b)[a-z-]+\s+){0,2}"
    r"(?:lbp|low(?:er)?\s+back|upper\s+back|back\s+pain|backache|lumbar\s+pain)\b)))",
    re.I,
)
#: How long in clinical notation: "3/7" days, "3/52" weeks, "8/12" months, "2/24" hours ("24/7" is
#: "all the time", a date is "3/7/25" or "on 3/7").
_DURATION_CLINICAL = re.compile(
    r"(?:(?<=x)|(?<![\w/.+:-]))(?:\d{1,3}\s*-\s*)?(?P<q>\d{1,3}(?:\.\d)?)\s*/\s*(?P<u>7|52|12|24)"
    r"(?![\w/]|[.,]\d|\s*/\s*\d)",
    re.I,
)
#: Days per unit, and the largest count read in it.
_CLINICAL_UNITS = {"7": (1.0, 31), "52": (7.0, 156), "12": (30.0, 48), "24": (1 / 24, 96)}
_DATE_BEFORE = re.compile(
    r"\b(?:on|since|from|dated?|until|till|by|before|after|the|d\.?o\.?b|dob|born|in|within"
    # a weekday names a date: "sprint session Thu 3/12" is the 3rd of December, not three months
    rf"|{'|'.join(_WEEKDAYS)})\.?\s*$",
    re.I,
)
"""Before a clinical "3/7", a date ("on 3/7") or a window that is not how long it has lasted ("3
episodes in 12/12", "review in 2/52")."""


def _a_date(quantity: str) -> bool:
    """A clinical-looking "03/12" that is a date ("Physio note 03/12:"): a count has no leading zero."""
    return quantity.startswith("0")


_WEEKDAY = re.compile(
    r"\b(?:(?P<prep>since|on|last|from|this\s+past|over)\s+)?(?P<d>monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|weds|wed|thurs|thur|thu|fri|sat|sun)(?P<part>\s+(?:morning|afternoon|evening|night|nite))?\b"
    # a weekday naming a dated day, as a message's heading does: "Monday 7 December, 08:05"
    r"(?!,?\s+\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))",
    re.I,
)
#: "Day 5 of a lower back strain", "Day 2, about 4/10": day 1 is the day it started.
_DAY_N = re.compile(
    r"\bday\s+(?P<q>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b"
    r"(?=\s*(?:of|since|with|after|now|today|,|\.|;|:|-|$))",
    re.I,
)
#: A note's "wk 7" of a review, "Week 3 of this": week 1 is the week it started (not a pregnancy's week,
#: nor one compared with: "pretty much the same as week two").
_WEEK_N = re.compile(
    r"(?<!since\s)(?<!from\s)(?<!as\s)(?<!than\s)(?<!like\s)\b(?:wk|week)\s+(?P<q>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\b"
    r"(?=\s*(?:of|since|with|after|now|today|:|,|\.|;|-|$))(?!\s*of\s+(?:my|the|her|this|our)?\s*(?:pregnancy|gestation))",
    re.I,
)
_WEEKEND = re.compile(r"\b(?:since|at|over|on)\s+the\s+weekend\b|\blast\s+weekend\b", re.I)

#: In pregnancy, "since about 20 weeks" is a week of the pregnancy, not a duration.
_GESTATION_POINT = re.compile(r"(?:since|from)\b[^\d]*\d+\s*(?:weeks?|wks?)$", re.I)


def _unit_days(unit: str) -> int:
    """Days in one unit of time ("weeks" is 7; hours and minutes are 0: today)."""
    unit = unit.lower().rstrip("s")
    return _UNIT_DAYS.get(unit, _UNIT_DAYS.get(unit[:3], 0))


#: A word each pattern of ``_RELATIVE_DAYS`` needs (in order): the others are not tried without it.
_RELATIVE_KEYS = (
    "yesterday", "yesterday", "last", "", "since", "ago", "", "week", "week", "month", "year", "fortnight",
)  # fmt: skip
_UNIT_WORD = re.compile(r"minute|min|hour|hr|day|night|week|wk|fortnight|month|mth|year|yr", re.I)
_WEEKDAY_WORD = re.compile(r"\b(?:mon|tue|wed|thu|fri|sat|sun)", re.I)


#: How long someone has been well, not how long it has hurt: "completely gone for years", "my back
#: has been fine for years since" (not "a good 3 months now", which is how long it has hurt).
_WELL_BEFORE = re.compile(
    r"\b(?:fine|gone|better|okay|ok|clear|(?<!\ba\s)good|well|healed|settled|sorted|pain[-\s]free|symptom[-\s]free"
    r"|no\s+(?:trouble|problems?|issues?|bother))\s*$",
    re.I,
)


#: How long an earlier bout took to clear, not how long this one has gone on: "the last time it
#: was gone in a fortnight".
_CLEARED_WITHIN = re.compile(
    r"\b(?:gone|better|fine|cleared(?:\s+up)?|settled|sorted|healed|over|okay|ok)\s+(?:with)?in\s*$", re.I
)


#: A count of episodes over a window ("second time in 12 months", "three attacks over the past
#: year") tells how often, not how long this one has gone on.
_A_WINDOW = re.compile(r"(?:in|over|within)\b", re.I)
#: "the second time in 12 months", "4th episode of acute LBP in the last year", "my first spin class
#: in years": how often, not how long
_COUNTED_BEFORE = re.compile(
    r"\b(?:times?|once|twice|episodes?|attacks?|bouts?|flare-?ups?)(?:\s+(?:of\s+)?(?:\w+\s+){0,3}?\w+)?\s*$"
    r"|\b(?:first|1st)\s+(?:\w+\s+){1,3}$",
    re.I,
)


def _numbered_days_and_weeks(text: str, lowered: str) -> Iterator[ValueMention]:
    """Numbered days and weeks: "Day 5 of it" is four days in, a note's "wk 7" six weeks in."""
    for pattern, words, days in ((_DAY_N, ("day",), 1), (_WEEK_N, ("wk", "week"), 7)):
        for m in pattern.finditer(text) if any(word in lowered for word in words) else ():
            qty = parse_number(m.group("q"))
            if qty is not None and qty >= 1:
                yield ValueMention("duration", (int(qty) - 1) * days, m.start(), m.end())


def durations(text: str, today: dt.date) -> Iterator[ValueMention]:
    """How many days ago something started, for every time expression found."""
    lowered = text.lower()
    for (pattern, days), key in zip(_RELATIVE_DAYS, _RELATIVE_KEYS, strict=True):
        if key and key not in lowered:
            continue
        for m in pattern.finditer(text):
            if _CLEARED_WITHIN.search(text[max(0, m.start() - 30) : m.start()]):
                continue
            worked_out = {_SINCE_MONDAY: today.weekday(), _SINCE_NEW_YEAR: today.timetuple().tm_yday}
            yield ValueMention("duration", worked_out.get(days, days), m.start(), m.end())
    units = _UNIT_WORD.search(text) is not None  # each of these patterns names a unit of time
    for pattern in (
        _DURATION_FOR,
        _DURATION_AGO,
        _DURATION_AFTER_PAIN,
        _DURATION_BARE,
        _DURATION_BRACKETED,
        _DURATION_LISTED,
        _DURATION_ANSWERED,
        _DURATION_APPROX,
        _DURATION_SINCE_BIRTH,
        _DURATION_SINCE_TOLD_FIRST,
        _DURATION_STILL_AFTER,
        _DURATION_TIMES,
    ):
        for m in pattern.finditer(text) if units else ():
            qty = parse_number(m.group("q")) if m.group("q") else 1.0
            qty = qty + 0.5 if qty is not None and m.groupdict().get("half") else qty
            if qty is None or _WELL_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
                continue
            if _A_WINDOW.match(m.group(0)) and _COUNTED_BEFORE.search(text[max(0, m.start() - 40) : m.start()]):
                continue  # "the second time in 12 months": how often, not how long
            if _GESTATION_POINT.match(m.group(0)) and speaks_of_pregnancy(text):
                continue
            days = round(qty * _unit_days(m.group("u")))
            if 0 <= days <= 36500:
                yield ValueMention("duration", days, m.start(), m.end())
    for m in _DURATION_CLINICAL.finditer(text) if "/" in text else ():
        per_unit, largest = _CLINICAL_UNITS[m.group("u")]
        qty = float(m.group("q"))
        if not 0 < qty <= largest or (m.group("u") == "7" and qty == 24):
            continue
        if _DATE_BEFORE.search(text[max(0, m.start() - 12) : m.start()]) or _a_date(m.group("q")):
            continue
        yield ValueMention("duration", int(qty * per_unit), m.start(), m.end())
    for m in _WEEKDAY.finditer(text) if _WEEKDAY_WORD.search(text) else ():
        word = m.group("d").lower()
        if word in {"sun", "sat", "wed", "mon"} and not m.group("prep"):
            continue  # "sat" (sitting), "wed", bare abbreviations are too ambiguous without "since"/"on"
        if not m.group("prep") and not m.group("part") and len(word) <= 3:
            continue
        back = (today.weekday() - _WEEKDAYS[word]) % 7 or 7
        yield ValueMention("duration", back, m.start(), m.end())
    yield from _numbered_days_and_weeks(text, lowered)
    for m in _WEEKEND.finditer(text) if "weekend" in lowered else ():
        back = (today.weekday() - 5) % 7 or 7
        yield ValueMention("duration", back, m.start(), m.end())
    yield from since_dates(text, today)
