"""Weeks of pregnancy: "34 weeks pregnant", "7 months gone", "24/40", "34+2" or "T+4" (when pregnancy
is mentioned), "I'm 30 weeks" (a stage only a pregnancy has)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from backcare.adapters.language.age_sex import I_AM
from backcare.adapters.language.values import TEENS, TENS_AND_ONES, ValueMention, core_span, parse_number

#: Gestation as clinicians write it: "24/40", "34+2/40" (weeks of forty). Never a duration.
_GESTATION = re.compile(r"(?<![\w/.+])(?P<n>\d{1,2})(?:\s*\+\s*[0-6])?\s*/\s*40(?![\d/])(?!\s*(?:mg|ml|kg))", re.I)
#: Eye charts ("VA 20/40") are not pregnancies.
_NOT_GESTATION_BEFORE = re.compile(r"\b(?:va|vision|visual|acuity|snellen|eyes?|sight)\b[^.!?]{0,12}$", re.I)

#: A woman told of by someone else: "my wife is 39 weeks".
_SHE_IS = r"(?:she'?s|she\s+is|(?:wife|partner|girlfriend|missus|daughter)(?:'s|\s+is))"

#: Weeks in digits or words: "34", "thirty-seven".
_N_WEEKS = rf"(?P<n>\d{{1,2}}|{TENS_AND_ONES}|{'|'.join(TEENS)})"

#: A word before a stage told on its own: "exactly 37 weeks.", "nearly 30 weeks".
_ROUGHLY = r"(?:(?:exactly|just|nearly|almost|now)\s+)?"

_PREG_PATTERNS = [
    re.compile(
        rf"\b{_N_WEEKS}\s*(?:\+\s*\d\s*)?(?:weeks?|wks?|w)\b"
        r"(?:\s*(?:and|\+)\s*\d\s*days?)?\s*(?:pregnant|preggo|preggers|gestation|along(?!\s+with\b)|gone|pg)\b",
        re.I,
    ),
    # "pregnant, 24 weeks" (not "pregnant, back pain for 5 weeks": how long, not how far on)
    re.compile(
        r"\bpregnan(?:t|cy)\b[^.!?]{0,30}?\b(?<!for\s)(?<!over\s)(?<!past\s)(?<!last\s)(?<!since\s)"
        r"(?P<n>\d{1,2})\s*(?:\+\s*\d\s*)?(?:weeks?|wks?)\b(?!\s*ago)",
        re.I,
    ),
    re.compile(
        r"\b(?P<m>\d|one|two|three|four|five|six|seven|eight|nine)\s*months?\s*(?:pregnant|gone|along(?!\s+with\b))\b",
        re.I,
    ),
    re.compile(
        r"\b(?P<n>\d{1,2})\s*(?:\+\s*\d\s*)?(?:weeks?|wks?)\s+(?:(?:pregnant\s+)?with|along\s+with|into)\s+(?:my|our|the|her)?\s*(?:first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th|baby|twins|triplets|bump|pregnancy|little\s+one|child|number\s+(?:two|three|four|five|[2-9]))\b",
        re.I,
    ),
    re.compile(r"(?<![\d+])(?P<n>[1-4]\d)\+[0-6](?![\d+])(?!\s*(?:years?|months?|days?|hours?|kg|lbs?|%))", re.I),
    re.compile(
        rf"(?:^|[.!?]\s+){_ROUGHLY}(?P<n>[23]\d|4[0-2])\s*(?:\+\s*\d\s*)?(?:weeks?|wks?)\b(?!\s*(?:ago|now|since|of|later|in|old))",
        re.I,
    ),
    # past the due date as a midwife writes it: "G2P1 at T+4" (term, 40 weeks, and 4 days)
    re.compile(
        r"(?<![\w+])(?:(?-i:T)|term)\s*\+\s*(?P<t>1[0-4]|[0-9])\b"
        r"(?!\s*(?:weeks?|months?|years?|kg|%|after|post|from|since)\b)",
        re.I,
    ),
    # "I'm 30 weeks now" where the text speaks of pregnancy (elsewhere "now" makes it how long)
    re.compile(rf"\b(?:{I_AM}|{_SHE_IS})\s+{_N_WEEKS}\s*(?:\+\s*\d\s*)?(?:weeks?|wks?)\s+now\b", re.I),
    re.compile(
        rf"\b(?:{I_AM}|{_SHE_IS}|at|now)\s+{_N_WEEKS}\s*(?:\+\s*\d\s*)?(?:weeks?|wks?)\b"
        r"(?!\s*(?:ago|now|since|of|later|in|old|post|into|out|after|off|sober|clean|free)\b)",
        re.I,
    ),
]
_PREGNANCY_WORD = re.compile(
    r"\bg\d{1,2}\s*p\d{1,2}\b|\b\d{1,2}(?:\s*\+\s*[0-6])?\s*/\s*40\b|\b(?:pregnan\w*|preggers|preggo|expecting|trimester|midwife|midwives|gestation|bump|maternity|antenatal|"
    r"contractions?|tightenings?|braxton|waters|due\s+date|baby(?:'s)?\s+(?:is\s+)?(?:moving|kicking|movements?|kicks)|overdue|labou?r|in\s+labou?r|baby\s+number|with\s+my\s+(?:first|second|third))\b",
    re.I,
)


#: A text that opens with a stage only a pregnancy has, as its own sentence: "35 weeks. My lower back
#: has ached all day" (not "3 weeks." of back pain), or in a midwife's notation: "24+3 and my back".
_OPENS_WITH_WEEKS = re.compile(
    rf"\A\s*{_ROUGHLY}(?:2[4-9]|3\d|4[0-2])\s*(?:\+\s*[0-6]\s*)?(?:weeks?|wks?)\s*[.,:;]"
    r"|\A\s*(?:1[2-9]|[23]\d|4[0-2])\+[0-6](?![\d+])(?!\s*(?:years?|months?|days?|hours?|kg|lbs?|%))",
    re.I,
)


def speaks_of_pregnancy(text: str) -> bool:
    """Whether the text names a pregnancy, its care or its signs, other than to deny it ("not pregnant")."""
    return any(
        not re.search(r"\b(?:not|n't|nt)\s*$", text[max(0, m.start() - 5) : m.start()], re.I)
        for m in _PREGNANCY_WORD.finditer(text)
    )


def pregnancy_weeks(text: str) -> Iterator[ValueMention]:
    """Weeks of pregnancy, one reading per number (the most specific pattern wins); the looser
    patterns count only when the text speaks of pregnancy."""
    mentions_pregnancy = _PREGNANCY_WORD.search(text) is not None or _OPENS_WITH_WEEKS.match(text) is not None
    numbers_read: set[int] = set()  # one reading per number, by the most specific pattern
    for m in _GESTATION.finditer(text) if "40" in text else ():
        weeks = int(m.group("n"))
        if 4 <= weeks <= 43 and not _NOT_GESTATION_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
            numbers_read.add(m.start("n"))
            yield ValueMention("pregnancy_weeks", weeks, m.start(), m.end(), core=core_span(m, "n"))
    for index, pattern in enumerate(_PREG_PATTERNS):
        if index >= 4 and not mentions_pregnancy and index != len(_PREG_PATTERNS) - 1:
            continue
        for m in pattern.finditer(text):
            number = core_span(m, "n", "m") or m.span()
            if number[0] in numbers_read:
                continue
            numbers_read.add(number[0])
            groups = m.groupdict()
            if groups.get("m"):
                months = parse_number(groups["m"]) or 0
                weeks = round(months * 4.35)
            elif groups.get("t"):
                weeks = 40 + int(groups["t"]) // 7
            else:
                weeks = int(parse_number(groups["n"]) or 0)
            # "I'm 30 weeks", "I'm 19 weeks", "my wife is 39 weeks": a pregnancy at that stage even
            # when the word is not used; "born at 28 weeks" and "I'm 16 weeks into physio" are not one
            unsaid = index == len(_PREG_PATTERNS) - 1 and not mentions_pregnancy
            if unsaid and (not 12 <= weeks <= 42 or not re.match(rf"{I_AM}|{_SHE_IS}", m.group(0), re.I)):
                continue
            if 1 <= weeks <= 45:
                yield ValueMention("pregnancy_weeks", weeks, m.start(), m.end(), core=core_span(m, "n", "m"))
