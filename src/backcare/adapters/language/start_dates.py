"""Starts told as dates: "since October", "started on 20 October", "the first week of November",
"since Bonfire Night", "since Labor Day", "since the summer", a note's "onset 25/10/26". Each gives
the days from that day to today (this year's, or last year's if it is still to come)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator

from backcare.adapters.language.values import ValueMention

#: A start told again, corrected: "no actually, it was", "sorry, it started on".
CORRECTED_TO = r"(?:actually|sorry|no\s+wait|i\s+mean)\s*,?\s+it\s+(?:was|started\s+on|began\s+on)"
_MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"])}  # fmt: skip
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
WEEKDAYS = {"mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "weds": 2, "wednesday": 2,
            "thu": 3, "thur": 3, "thurs": 3, "thursday": 3, "fri": 4, "friday": 4, "sat": 5, "saturday": 5,
            "sun": 6, "sunday": 6}  # fmt: skip
#: A weekday written before a date ("since tues 20 oct", "started Mon 26 October"): it adds nothing.
_WEEKDAY_BEFORE = rf"(?:{'|'.join(sorted(WEEKDAYS, key=len, reverse=True))})\.?,?"
_MONTH_NAME = (
    r"january|february|march|april|(?-i:May)|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
_SINCE_MONTH = re.compile(
    rf"\b(?:since|from|in\s+early|in\s+late|in)\s+(?:(?:about|around|roughly|approximately|maybe|last|{_WEEKDAY_BEFORE}"
    r"|(?P<part>early|late|mid|the\s+(?:beginning|start|end|middle)\s+of)"
    # "since the August bank holiday"
    rf"|the(?=\s+(?:{_MONTH_NAME})\s+(?:bank\s+holiday|holidays?|half[\s-]term)))(?:\s+|-))*(?:(?:the\s+)?(?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\s+(?:of\s+)?)?"
    rf"(?P<m>{_MONTH_NAME})\b"
    r"(?:\s+(?P<day2>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\b(?![:/.]?\d))?(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?",
    re.I,
)


#: "since the summer": from the first of the season's middle month (July for summer).
_SINCE_SEASON = re.compile(
    r"\b(?:since|from)\s+(?:the\s+|last\s+)?(?:(?:beginning|start|end|middle)\s+of\s+(?:the\s+)?)?"
    r"(?P<s>spring|summer|autumn|fall|winter)\b(?!\s+(?:of|break|holiday|term)\b)",
    re.I,
)
_SEASON_MONTH = {"spring": 4, "summer": 7, "autumn": 10, "fall": 10, "winter": 1}
#: "since Bonfire Night", "from Christmas": a day that falls on the same date every year; or a start
#: corrected to one ("since the end of November... no actually, it was Bonfire Night").
_SINCE_FEAST = re.compile(
    rf"\b(?:since|from|{CORRECTED_TO})\s+(?:just\s+(?:before|after)\s+)?(?P<f>bonfire\s+night|guy\s+fawkes(?:\s+night)?|hallowe'?en"
    r"|christmas(?:\s+day)?|xmas|boxing\s+day|new\s+year'?s\s+eve|new\s+year(?:'?s)?(?:\s+day)?|hogmanay"
    r"|valentine'?s(?:\s+day)?|st\.?\s+patrick'?s(?:\s+day)?|paddy'?s\s+day|burns\s+night|remembrance\s+day)\b",
    re.I,
)
_FEAST_DAY = {"bonfire": (11, 5), "guy": (11, 5), "hallowe": (10, 31), "christmas": (12, 25), "xmas": (12, 25),
              "boxing": (12, 26), "hogmanay": (12, 31), "valentine": (2, 14), "st": (3, 17), "paddy": (3, 17),
              "burns": (1, 25), "remembrance": (11, 11), "new": (1, 1)}  # fmt: skip
#: "since Labor Day weekend", "since Thanksgiving", "started on Remembrance Sunday", "started the
#: weekend the clocks went back": a day that falls on a set weekday of its month (month, weekday with
#: Monday 0, which one: -1 the last).
_SINCE_MOVEABLE = re.compile(
    r"\b(?:since|from|started|began|came\s+on|playing\s+up|went|around)\s+"
    r"(?:on\s+)?(?:just\s+(?:before|after)\s+|about\s+|around\s+)?"
    r"(?:the\s+)?(?:(?:weekend|week|day|sunday|monday)\s+(?:when\s+|that\s+)?)?(?:the\s+)?"
    r"(?P<f>labou?r\s+day|memorial\s+day|thanksgiving|remembrance\s+sunday|clocks\s+(?:went|go|changed)\s+(?:back|forward))\b",
    re.I,
)
_MOVEABLE_DAY = {"labor": (9, 0, 1), "labour": (9, 0, 1), "memorial": (5, 0, -1), "thanksgiving": (11, 3, 4),
                 "canadian": (10, 0, 2), "back": (10, 6, -1), "forward": (3, 6, -1),
                 "remembrance": (11, 6, 2)}  # fmt: skip
#: "since the kids went back to school in September": an event told by its month.
_SINCE_EVENT_MONTH = re.compile(
    r"\bsince\s+(?:[a-z']+\s+){1,7}?(?:in|at\s+the\s+(?P<at>start|beginning|end)\s+of)\s+(?:(?P<part>early|mid|late)(?:\s+|-\s*))?"
    r"(?P<m>january|february|march|april|(?-i:May)|june|july|august|september|october|november|december|sept)\b",
    re.I,
)
#: A start written as an ISO date, as forms do: "Date started: 2026-11-30", "onset 2026-11-02".
_ISO_START = re.compile(
    r"\b(?:since|from|started|start|began|onset|date\s+started|date\s+of\s+onset)\s*:?\s*(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b",
    re.I,
)

#: A date written with slashes: "25/10/26", "09/10/2026" (which is day and which month: ``_started_on``).
_WRITTEN_DATE = r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})\b"
#: A day of the month in words: "the twentieth of October".
_ORDINALS = {w: i + 1 for i, w in enumerate(
    ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
     "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
     "twentieth"])}  # fmt: skip
_ORDINALS.update({f"twenty-{w}": 20 + i for w, i in list(_ORDINALS.items())[:9]})
_ORDINALS.update({"thirtieth": 30, "thirty-first": 31})
_DAY = rf"[1-9]|[12]\d|3[01]|{'|'.join(sorted(_ORDINALS, key=len, reverse=True))}"
#: A start told as a date: "started on 20 October", "began November 8th", "started in my right
#: buttock on 2 November", "started hurting on the twentieth of October", a note's "LBP onset
#: 25/10/26" (day first, unless only the month-first reading is a date); a birth it has lasted
#: since ("My son was born on the 15th of October and my back's been sore every day since"); a back
#: that gave way on a day ("My back went on 19 October"); a day told roughly ("started around the 1st of
#: November").
_STARTED_ON = re.compile(
    r"\b(?:started|starting|began|begun|came\s+on|onset|date\s+of\s+onset|date\s+started"
    r"|(?:started|began)\s+(?:hurting|aching|playing\s+up)|(?:was|were)\s+born(?=\s+on\b[^.!?]{0,90}\bsince\b)"
    r"|(?:back|it)\s+(?:went|gave\s+(?:out|way)|locked(?:\s+up)?|seized(?:\s+up)?)(?=\s+on\b))\s*"
    r"(?:(?:in|across|down|around|at)\s+(?:my|the|his|her)\s+(?:[a-z]+\s+){0,3}?on\b|on\b|:|-)?\s*"
    rf"(?:(?:around|about|roughly|approximately)\s+)?(?:{_WEEKDAY_BEFORE}\s+)?(?:the\s+)?"
    rf"(?:(?P<day>{_DAY})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MONTH_NAME})\b"
    rf"|(?P<m2>{_MONTH_NAME})\s+(?:the\s+)?(?P<day2>{_DAY})(?:st|nd|rd|th)?\b(?![:/.]?\d)"
    rf"|{_WRITTEN_DATE})",
    re.I,
)
#: A start told by part of a month: "It started in the first week of November", "started middle of
#: October", "started aching in mid-October", "Mid-October I started getting ...", "at the beginning
#: of November ..., and since then", "Laid a patio in mid-October and it's been sore ever since",
#: "since about Labor Day (early September)" (the part's first day: the first week from the 1st, mid
#: from the 15th).
_PART = (
    r"early|late|mid|(?:the\s+)?(?:beginning|start|end|middle)\s+of"
    r"|the\s+(?:first|second|third|fourth|last)\s+week\s+of"
)
_STARTED_IN = re.compile(
    rf"\b(?:started|began|begun|came\s+on|kicked\s+off)\s+(?:back\s+|(?:hurting|aching|playing\s+up)\s+)?(?:(?:in|around)\s+)?"
    rf"(?:(?P<part>{_PART})(?:\s+|-))?(?P<m>{_MONTH_NAME})\b(?!\s+\d)"
    rf"|(?:^|(?<=[.!?]\s))(?P<part2>early|mid|late)(?:\s+|-)(?P<m2>{_MONTH_NAME})\b(?=[^.!?]{{0,30}}\b(?:started|began|came\s+on))"
    rf"|\b(?:at|in)\s+(?:(?P<part3>{_PART})(?:\s+|-))?(?P<m3>{_MONTH_NAME})\b"
    rf"(?=[^.!?]{{0,80}}\b(?:(?:ever\s+)?since\s+then|ever\s+since)\b)"
    # a day glossed with its month: "since about Labor Day (early September)", "Since about a week
    # after I got home (start of November)"
    rf"|\bsince\b[^.!?()]{{0,45}}\(\s*(?:(?P<part4>{_PART})(?:\s+|-))?(?P<m4>{_MONTH_NAME})\s*\)",
    re.I,
)
_PART_FIRST_DAY = {"second": 8, "mid": 15, "middle": 15, "third": 15, "fourth": 22, "last": 22, "late": 22, "end": 22}
#: A written date a problem has lasted since: a note's "mechanical LBP since 09/10/26".
_SINCE_WRITTEN = re.compile(rf"\b(?:since|from)\s+{_WRITTEN_DATE}", re.I)
_MONTH_WORD = re.compile(r"\b(?:jan|feb|mar|apr|(?-i:May)|jun|jul|aug|sep|oct|nov|dec)", re.I)


def since_dates(text: str, today: dt.date) -> Iterator[ValueMention]:
    """ "since October" (from its first), "since 20th October", "since March 2025", "since the summer",
    a form's "Date started: 2026-11-30"."""
    for m in _ISO_START.finditer(text):
        yield from _since_day(m, today, int(m.group("y")), int(m.group("m")), int(m.group("d")))
    for m in [*_STARTED_ON.finditer(text), *_SINCE_WRITTEN.finditer(text)]:
        yield from _started_on(m, today)
    for m in _SINCE_SEASON.finditer(text):
        month = _SEASON_MONTH[m.group("s").lower()]
        year = _year_last_passed(today, month, 1)
        yield ValueMention("duration", (today - dt.date(year, month, 1)).days, m.start(), m.end())
    for m in _SINCE_FEAST.finditer(text):
        name = m.group("f").lower()
        month, day = (12, 31) if name.endswith("eve") else next(d for k, d in _FEAST_DAY.items() if name.startswith(k))
        yield from _since_day(m, today, _year_last_passed(today, month, day), month, day)
    for m in _SINCE_MOVEABLE.finditer(text):
        if text[m.end() : m.end() + 3].lstrip().startswith("("):
            continue  # "since around Thanksgiving (late November)": the writer's gloss is read below
        name = m.group("f").lower().split()
        key = name[-1] if name[0] == "clocks" else name[0]
        if key == "thanksgiving" and re.match(r"[^.!?]{0,20}\boct", text[m.end() :], re.I):
            key = "canadian"  # "since Thanksgiving weekend in October": Canada's, in October
        month, weekday, which = _MOVEABLE_DAY[key]
        this_year = dt.date(today.year, month, _weekday_of(today.year, month, weekday, which))
        year = today.year if this_year <= today else today.year - 1
        yield from _since_day(m, today, year, month, _weekday_of(year, month, weekday, which))
    for m in _STARTED_IN.finditer(text):
        groups = m.groupdict()
        month = _MONTHS[next(v for k, v in groups.items() if k.startswith("m") and v).lower()]
        day = _part_first_day(next((v for k, v in groups.items() if k.startswith("part") and v), None))
        yield from _since_day(m, today, _year_last_passed(today, month, day), month, day)
    for m in _SINCE_EVENT_MONTH.finditer(text):
        month, day = _MONTHS[m.group("m").lower()], _part_first_day(m.group("part") or m.group("at"))
        yield from _since_day(m, today, _year_last_passed(today, month, day), month, day)
    for m in _SINCE_MONTH.finditer(text) if _MONTH_WORD.search(text) else ():
        if not m.group(0).lower().startswith(("since", "from")):
            continue
        month = _MONTHS[m.group("m").lower()]
        day = int(m.group("day") or m.group("day2") or _part_first_day(m.group("part")))
        year = _year_last_passed(today, month, day)
        year = int(m.group("y")) if m.group("y") and int(m.group("y")) <= today.year else year
        yield from _since_day(m, today, year, month, day)


def _part_first_day(part: str | None) -> int:
    """The first day of the part of a month named ("late": the 22nd; none: the 1st)."""
    told = (part or "").lower()
    return next((day for word, day in _PART_FIRST_DAY.items() if word in told), 1)


def _weekday_of(year: int, month: int, weekday: int, which: int) -> int:
    """The day of the month of its ``which``-th ``weekday`` (-1: the last one)."""
    length = calendar.monthrange(year, month)[1]
    days = [d for d in range(1, length + 1) if dt.date(year, month, d).weekday() == weekday]
    return days[which - 1] if which > 0 else days[which]


def _year_last_passed(today: dt.date, month: int, day: int) -> int:
    """The year in which a day of the year last came: this year, or last year if it is still to come."""
    return today.year if (month, day) <= (today.month, today.day) else today.year - 1


def _started_on(m: re.Match[str], today: dt.date) -> Iterator[ValueMention]:
    """Days since a start told as a date: a named month's day this year (last year if it is still to
    come), or a written date, read day first ("25/10/26") unless only month first makes a date."""
    if m.group("a"):
        a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("y"))
        year += 2000 if year < 100 else 0
        day, month = (b, a) if b > 12 >= a else (a, b)
        if year <= today.year:
            yield from _since_day(m, today, year, month, day)
        return
    month = _MONTHS[(m.group("m") or m.group("m2")).lower()]
    told = (m.group("day") or m.group("day2")).lower()
    day = _ORDINALS[told] if told in _ORDINALS else int(told)
    yield from _since_day(m, today, _year_last_passed(today, month, day), month, day)


def _since_day(m: re.Match[str], today: dt.date, year: int, month: int, day: int) -> Iterator[ValueMention]:
    """Days from a named day to today; nothing for a day that does not exist ("the 31st of June") or
    is still to come."""
    try:
        days = (today - dt.date(year, month, day)).days
    except ValueError:
        return
    if days >= 0:
        yield ValueMention("duration", days, m.start(), m.end())
