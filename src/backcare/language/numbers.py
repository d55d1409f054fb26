"""Numbers people write about themselves: age, sex, weeks of pregnancy, time since onset, pain
scores, temperatures, episode counts.

Each reader is a regular expression over the cleaned text that yields ``ValueMention``s with
character offsets; the pipeline turns them into spans so that the context rules can still drop
"my wife is 34 weeks pregnant" (someone else) or "if it gets to 8/10" (hypothetical). Pure
functions: ``today`` is a parameter, never the clock.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

Kind = Literal[
    "age", "sex", "pregnancy_weeks", "duration", "pain_score", "pain_word", "temperature", "episodes", "onset_age",
    "doses_per_day",
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


def _core(m: re.Match[str], *groups: str) -> tuple[int, int] | None:
    for group in groups:
        if m.groupdict().get(group):
            return m.span(group)
    return None


_WORD_NUMBERS = {
    "zero": 0, "nil": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "couple": 2, "a couple": 2, "a couple of": 2, "couple of": 2,
    "few": 3, "a few": 3, "several": 4, "half a": 0.5, "half an": 0.5,
}  # fmt: skip
_ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5,
    "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7, "eighth": 8, "8th": 8, "ninth": 9, "9th": 9,
    "tenth": 10, "10th": 10,
}  # fmt: skip
_DECADES = {"teens": 13, "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
            "seventies": 70, "eighties": 80, "nineties": 90}  # fmt: skip
_WEEKDAYS = {"mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "weds": 2, "wednesday": 2,
             "thu": 3, "thur": 3, "thurs": 3, "thursday": 3, "fri": 4, "friday": 4, "sat": 5, "saturday": 5,
             "sun": 6, "sunday": 6}  # fmt: skip
_MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"])}  # fmt: skip
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_UNIT_DAYS = {"minute": 0, "min": 0, "hour": 0, "hr": 0, "day": 1, "night": 1, "week": 7, "wk": 7,
              "fortnight": 14, "month": 30, "mth": 30, "year": 365, "yr": 365}  # fmt: skip

_NUMWORD = "|".join(sorted((re.escape(w) for w in _WORD_NUMBERS), key=len, reverse=True))
_QTY = rf"(?P<q>\d+(?:\.\d+)?|{_NUMWORD})"
_UNIT = r"(?P<u>minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|wks?|fortnights?|months?|mths?|years?|yrs?)"
_NOT_AGE_AFTER = (
    r"(?!\d)(?![.,]\d)(?!\s*(?:weeks?|wks?|w\b|days?|months?|mths?|hours?|hrs?|minutes?|mins?|/|%|kg|kgs|kilos?|lbs?|pounds|"
    r"st\b|stone|out\s+of|outta|cm|mm|mph|miles?|km|am\b|pm\b|a\.m|p\.m|:|\.\d|'|\"|ft|feet|foot|inch|times|x\b|"
    r"\+|degrees|°|o'clock|th\b|nd\b|rd\b|st\b|-\d|to\s+\d|or\s+\d|percent|hours|and\s+a\s+half))"
)
_REL_MALE = r"dad|daddy|father|husband|son|brother|grandad|granddad|grandpa|grandfather|partner|boyfriend|uncle|nephew|stepdad|stepfather|stepson|fiance"  # noqa: E501
_REL_FEMALE = r"mum|mom|mam|mother|wife|daughter|sister|nan|nana|nanna|gran|granny|grandma|grandmother|girlfriend|aunt|auntie|aunty|niece|stepmum|stepmother|stepdaughter|fiancee"  # noqa: E501
_REL = rf"(?:{_REL_MALE}|{_REL_FEMALE}|child|kid|toddler|baby|friend|neighbou?r|colleague)"
_SEX_WORDS = {
    "woman": "female", "female": "female", "f": "female", "lady": "female", "girl": "female", "mum": "female",
    "mom": "female", "mother": "female", "wife": "female", "grandmother": "female", "grandma": "female",
    "granny": "female", "gal": "female", "man": "male", "male": "male", "m": "male", "guy": "male",
    "bloke": "male", "gentleman": "male", "boy": "male", "lad": "male", "dad": "male", "father": "male",
    "husband": "male", "grandfather": "male", "grandad": "male", "grandpa": "male", "fella": "male",
    "chap": "male",
}  # fmt: skip
_SEX_WORD = r"(?P<sex>woman|female|lady|girl|gal|mum|mom|mother|wife|grandmother|grandma|granny|man|male|guy|bloke|gentleman|boy|lad|dad|father|husband|grandfather|grandad|grandpa|fella|chap)"  # noqa: E501

_I_AM = r"(?:i'?m|i\s+am|im|iam)"
_YEARS_OLD = r"(?:-|\s)?\s*(?:years?|yrs?|yr|y)\s*(?:-|\s)?\s*(?:old|o\b|of\s+age)"

#: Kinship words used as names ("Mum is 79", "Dad takes..."), capitalised at a sentence start.
_KIN_NAME = r"(?-i:Mum|Mom|Mam|Mummy|Mommy|Dad|Daddy|Nan|Nana|Nanna|Gran|Granny|Grandma|Grandad|Granddad|Grandpa)"
#: Words before "N years old" that make it someone else's age ("my 2 yr old", "a 6-year-old").
_OTHER_BEFORE = re.compile(r"\b(?:my|our|his|her|their|your|a|the|an)\s*$", re.I)
_CHILD_AFTER = re.compile(
    r"^\s*(?:son|daughter|boy|girl|kid|child|grandson|granddaughter|toddler|baby|nephew|niece|brother|sister|dog|cat)\b",
    re.I,
)

_AGE_PATTERNS: list[tuple[re.Pattern[str], Subject]] = [
    (re.compile(rf"\b(?P<n>\d{{1,3}})\s*{_YEARS_OLD}(?:\s+{_SEX_WORD}\b)?", re.I), "unknown"),
    (re.compile(rf"\b(?P<n>\d{{1,3}})\s*(?:yo|y/o|y\.o\.?|yob)(?:\s*{_SEX_WORD}\b)?", re.I), "unknown"),
    (
        re.compile(
            rf"\b{_I_AM}\s+(?:a\s+|an\s+|just\s+|only\s+|now\s+|turning\s+|nearly\s+|almost\s+)?(?P<n>\d{{1,3}}){_NOT_AGE_AFTER}",
            re.I,
        ),
        "self",
    ),
    (re.compile(rf"\b(?:age|aged|ages|age:)\s*(?P<n>\d{{1,3}}){_NOT_AGE_AFTER}", re.I), "unknown"),
    (re.compile(r"\b(?P<n>\d{1,3})\s*(?P<sex>m|f)\b(?!\s*(?:/|out|of|\d))", re.I), "unknown"),
    (re.compile(r"\b(?P<n>\d{1,3})\s*(?:,|\s)\s*(?P<sex>male|female|man|woman|guy|lady|bloke)\b", re.I), "unknown"),
    (
        re.compile(
            rf"\b(?P<rel>he|she)(?:'s|\s+is)\s+(?:only\s+|just\s+|now\s+|nearly\s+|almost\s+)?(?P<n>\d{{1,3}}){_NOT_AGE_AFTER}",
            re.I,
        ),
        "other",
    ),
    (
        re.compile(
            rf"\b(?:my|our)\s+(?:\w+\s+)?(?P<rel>{_REL})\s*(?:\(\s*|,\s*|\s+is\s+|\s+who\s+is\s+|\s+aged\s+|\s+age\s+|\s+-\s+|\s+)(?P<n>\d{{1,3}}){_NOT_AGE_AFTER}",
            re.I,
        ),
        "other",
    ),
    (
        re.compile(
            rf"(?:(?<=^)|(?<=[.!?]\s)|(?<=[.!?]\s\s))(?P<rel>{_KIN_NAME})(?:\s+is|'s|,|\s+\(|\s+aged|\s+age|\s+-)\s*(?:only\s+|now\s+|nearly\s+|almost\s+)?(?P<n>\d{{1,3}}){_NOT_AGE_AFTER}",
            re.I,
        ),
        "other",
    ),
    (
        re.compile(
            r"\bin\s+(?:my|his|her)\s+(?P<mod>early\s+|mid\s+|mid-|late\s+)?(?P<dec>teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b",
            re.I,
        ),
        "unknown",
    ),
    (re.compile(r"(?:^|[.!?]\s+)(?P<n>\d{2})\s*[.!?]?\s*$", re.I), "unknown"),
    (re.compile(r"^\s*(?P<n>\d{2})\s*(?:,|\s+and\b|\s*-)", re.I), "unknown"),
]

_SEX_PATTERNS: list[tuple[re.Pattern[str], Subject]] = [
    (
        re.compile(rf"\b{_I_AM}\s+(?:a|an)\s+(?:\d{{1,3}}\s*{_YEARS_OLD}\s+|[a-z-]+\s+){{0,2}}{_SEX_WORD}\b", re.I),
        "self",
    ),
    (re.compile(rf"\b{_I_AM}\s+(?P<sex>female|male|a\s+woman|a\s+man)\b", re.I), "self"),
    (re.compile(rf"\bas\s+a\s+(?:\w+\s+)?{_SEX_WORD}\b", re.I), "self"),
    (re.compile(r"\b(?:and|,)\s*(?P<sex>female|male)\b", re.I), "unknown"),
    (re.compile(r"\b(?P<sex>female|male)\b", re.I), "unknown"),
]

_PREG_PATTERNS = [
    re.compile(
        r"\b(?P<n>\d{1,2})\s*(?:\+\s*\d\s*)?(?:weeks?|wks?|w)\b(?:\s*(?:and|\+)\s*\d\s*days?)?\s*(?:pregnant|preggo|preggers|gestation|along(?!\s+with\b)|gone|pg)\b",
        re.I,
    ),
    re.compile(r"\bpregnan(?:t|cy)\b[^.!?]{0,30}?\b(?P<n>\d{1,2})\s*(?:\+\s*\d\s*)?(?:weeks?|wks?)\b(?!\s*ago)", re.I),
    re.compile(
        r"\b(?P<m>\d|one|two|three|four|five|six|seven|eight|nine)\s*months?\s*(?:pregnant|gone|along(?!\s+with\b))\b",
        re.I,
    ),
    re.compile(
        r"\b(?P<n>\d{1,2})\s*(?:\+\s*\d\s*)?(?:weeks?|wks?)\s+(?:(?:pregnant\s+)?with|along\s+with|into)\s+(?:my|our|the|her)?\s*(?:first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th|baby|twins|triplets|bump|pregnancy|little\s+one|child)\b",
        re.I,
    ),
    re.compile(r"(?<![\d+])(?P<n>[1-4]\d)\+[0-6](?![\d+])(?!\s*(?:years?|months?|days?|hours?|kg|lbs?|%))", re.I),
    re.compile(
        r"(?:^|[.!?]\s+)(?P<n>[23]\d|4[0-2])\s*(?:\+\s*\d\s*)?(?:weeks?|wks?)\b(?!\s*(?:ago|now|since|of|later|in|old))",
        re.I,
    ),
    re.compile(
        rf"\b(?:{_I_AM}|at|now)\s+(?P<n>\d{{1,2}})\s*(?:\+\s*\d\s*)?(?:weeks?|wks?)\b(?!\s*(?:ago|now|since|of|later|in))",
        re.I,
    ),
]
_PREGNANCY_WORD = re.compile(
    r"\b(?:pregnan\w*|preggers|preggo|expecting|trimester|midwife|midwives|gestation|bump|maternity|antenatal|"
    r"contractions?|braxton|waters|due\s+date|overdue|labou?r|in\s+labou?r|baby\s+number|with\s+my\s+(?:first|second|third))\b",
    re.I,
)

_SCORE_PATTERNS = [
    re.compile(
        rf"\b(?:it'?s|it\s+is|it\s+was|its|gets\s+to|goes\s+up\s+to|shoots\s+up\s+to|hits|reaches|peaks\s+at|up\s+to)\s+(?:about\s+|around\s+|like\s+)?(?:a|an)\s+(?P<n>\d{{1,2}}|{_NUMWORD})\b(?!\s*(?:days?|weeks?|months?|years?|hours?|minutes?|%|am|pm|:|/|out|x\b|times|mile|mins))(?=\s+(?:when|at\s+(?:its\s+)?worst|most|on\s+(?:a\s+)?bad|if|first\s+thing|in\s+the|by|at\s+night|and\s+a|now)|\s*[,.;!]|$)",
        re.I,
    ),
    re.compile(
        rf"\b(?P<n>\d{{1,2}}|{_NUMWORD})(?:\s*(?:-|to|or)\s*(?P<n2>\d{{1,2}}|{_NUMWORD}))?\s*(?:/|out\s+of|outta|outside\s+of|over)\s*(?:10|ten)\b",
        re.I,
    ),
    re.compile(
        r"\bpain(?:\s+(?:score|level|rating|is|was|'s|of|at|about|around|rated|a))+\s+(?:a\s+)?(?P<n>\d{1,2})(?:\s*(?:-|or|to)\s*(?P<n2>\d{1,2}))?\b(?!\s*(?:days?|weeks?|months?|years?|hours?|minutes?|%|am|pm|:|/|out|\.\d|x))",
        re.I,
    ),
]

_TEMP_PATTERN = re.compile(
    r"\b(?:temperature|temp|fever|thermometer)\b[^.!?\d]{0,25}?(?P<t>\d{2,3}(?:[.,]\d{1,2})?)\s*(?:°|º|degrees?|deg)?\s*(?P<u>c|f|celsius|centigrade|fahrenheit)?\b",
    re.I,
)

#: A window that lies within the past year: "this year", "in the last 12 months", "since January",
#: "since Christmas", "in the past six months".
_WITHIN_YEAR = (
    r"(?:(?:this|in\s+the\s+(?:last|past)|in\s+a|per|a|within\s+a|over\s+the\s+(?:last|past))\s+(?:year|12\s+months|twelve\s+months)"
    r"|since\s+(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|"
    r"christmas|xmas|easter|new\s+year|the\s+new\s+year|the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+year|last\s+(?:summer|spring|autumn|fall|winter))\b"
    r"|(?:in|over|within)\s+the\s+(?:last|past)\s+(?:few|couple\s+of|\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|several)\s+months)"
)
_EPISODE_PATTERNS = [
    re.compile(
        rf"\b(?P<o>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|1st|2nd|3rd|4th|5th|6th|7th|8th|9th|10th)\s+(?:time|episode|bout|attack|flare|flare-up)\b[^.!?]{{0,40}}?\b{_WITHIN_YEAR}",
        re.I,
    ),
    re.compile(
        rf"\b(?P<n>\d+|{_NUMWORD})\s+(?:times|episodes|bouts|attacks|flare-ups|flares)\s+{_WITHIN_YEAR}",
        re.I,
    ),
    re.compile(r"\b(?:first|1st)\s+(?:time|episode)\s+(?:ever|in\s+(?:my\s+life|years))", re.I),
]

_ONSET_AGE_PATTERNS = [
    re.compile(
        r"\b(?:start\w*|began|begun|first|since|had\s+it|had\s+this|back\s+trouble|back\s+pain)\b[^.!?]{0,40}?\bwhen\s+(?:i|he|she)\s+was\s+(?:about\s+|around\s+|only\s+)?(?P<n>\d{1,2})\b",
        re.I,
    ),
    re.compile(
        r"\bsince\s+(?:i\s+was|my)\s+(?:about\s+|around\s+)?(?P<n>\d{1,2})\b(?!\s*(?:weeks?|days?|months?))", re.I
    ),
    re.compile(
        r"\bsince\s+(?:i\s+was\s+)?(?:a\s+)?(?P<w>teenager|teen|kid|child|student|my\s+teens|my\s+twenties|my\s+thirties|school|college|uni|university)\b",
        re.I,
    ),
]

_RELATIVE_DAYS = [
    (re.compile(r"\bthe\s+day\s+before\s+yesterday\b", re.I), 2),
    (re.compile(r"\byesterday\b", re.I), 1),
    (re.compile(r"\blast\s+(?:night|nite|evening)\b", re.I), 0),
    (
        re.compile(
            r"\b(?:this|since)\s+(?:morning|afternoon|evening|lunchtime)\b|\btonight\b|\bearlier\s+today\b|\btoday\b",
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
    (re.compile(r"\b(?:this|since)\s+week\b", re.I), -1),  # since Monday: worked out from today
    (re.compile(r"\b(?:since\s+)?last\s+month\b", re.I), 30),
    (
        re.compile(
            r"\b(?:since|from|for)\s+(?:about\s+)?(?:a|one)\s+fortnight\b|\ba\s+fortnight\b|\b(?:this|the)\s+(?:past|last)\s+fortnight\b",
            re.I,
        ),
        14,
    ),
]
_DURATION_FOR = re.compile(
    rf"\b(?:for|over|in|been|had\s+it|had\s+this|lasted|lasting)\s+(?:about\s+|around\s+|roughly\s+|approximately\s+|approx\.?\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+|at\s+least\s+|just\s+over\s+|just\s+under\s+|under\s+|the\s+(?:last|past)\s+|a\s+good\s+)*(?:{_QTY}\s*(?:-|\s)?\s*)?{_UNIT}(?!\s*(?:ago|back|before|earlier|old|pregnant|gone|along(?!\s+with\b)))\b",
    re.I,
)
_DURATION_AGO = re.compile(
    rf"\b(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|over\s+|just\s+over\s+|more\s+than\s+)?{_QTY}\s*(?:-|\s)?\s*{_UNIT}\s+(?:ago|back|in\s+the\s+past|before\s+now|now|previously|earlier)\b",
    re.I,
)
_DURATION_AFTER_PAIN = re.compile(
    rf"\b(?:pain|pains|spasm|spasms|spasming|ache|aching|hurting|sore|trouble|problems?|backache)\s+(?:for\s+)?(?:about\s+|around\s+|nearly\s+|almost\s+|over\s+)?{_QTY}\s*(?:-|\s)?\s*{_UNIT}\b(?!\s*(?:ago|back|before|earlier|old|pregnant|gone|along(?!\s+with\b)))",
    re.I,
)
#: "6+ months", "ten weeks of a sore back", "two weeks now": a length of time that stands alone.
#: "(like 5 months)": a duration on its own in brackets.
_DURATION_BRACKETED = re.compile(
    rf"(?<=\()\s*(?:so\s+|that'?s\s+|which\s+is\s+|i\.?e\.?\s+|like\s+|about\s+|around\s+|roughly\s+|maybe\s+|nearly\s+|almost\s+|over\s+)?{_QTY}\s*(?:-\s*)?{_UNIT}\s*(?=\))",
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
    rf"(?(plus)|(?:\s*(?:\+|plus)|(?=\s+(?:of|now|so\s+far|and\s+counting|solid|straight|running|since)\b)))",
    re.I,
)
_WEEKDAY = re.compile(
    r"\b(?:(?P<prep>since|on|last|from|this\s+past|over)\s+)?(?P<d>monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|weds|wed|thurs|thur|thu|fri|sat|sun)(?P<part>\s+(?:morning|afternoon|evening|night|nite))?\b",
    re.I,
)
_WEEKEND = re.compile(r"\b(?:since|at|over|on)\s+the\s+weekend\b|\blast\s+weekend\b", re.I)
_SINCE_MONTH = re.compile(
    r"\b(?:since|from|in\s+early|in\s+late|in)\s+(?:(?:about|around|roughly|approximately|maybe|early|late|mid|last)\s+)*(?P<m>january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b",
    re.I,
)


def _number(text: str) -> float | None:
    text = text.lower().strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    return float(_WORD_NUMBERS[text]) if text in _WORD_NUMBERS else None


def _unit_days(unit: str) -> int:
    unit = unit.lower().rstrip("s")
    return _UNIT_DAYS.get(unit, _UNIT_DAYS.get(unit[:3], 0))


def ages(text: str) -> Iterator[ValueMention]:
    for index, (pattern, subject) in enumerate(_AGE_PATTERNS):
        for m in pattern.finditer(text):
            groups = m.groupdict()
            if groups.get("dec"):
                base = _DECADES[groups["dec"].lower()]
                mod = (groups.get("mod") or "").strip().lower().rstrip("-")
                n = base + {"early": 0, "mid": 5, "late": 8}.get(mod, 0)
            else:
                n = int(groups["n"])
            bare = pattern.pattern.startswith("(?:^|") or pattern.pattern.startswith("^")
            if not (1 <= n <= 110) or (bare and not 16 <= n <= 100):
                continue
            if groups.get("sex") and len(groups["sex"]) == 1 and not 10 <= n <= 110:
                continue
            rel = groups.get("rel")
            core = _core(m, "n", "dec")
            if (
                subject == "unknown"
                and index < 2
                and (
                    _OTHER_BEFORE.search(text[max(0, m.start() - 12) : m.start()])
                    or _CHILD_AFTER.match(text[m.end() :])
                )
            ):
                yield ValueMention("age", n, m.start(), m.end(), "other", "child", core)  # "my 2 yr old"
                continue
            yield ValueMention("age", n, m.start(), m.end(), subject, rel.lower() if rel else None, core)


def sexes(text: str) -> Iterator[ValueMention]:
    for pattern, subject in [*_AGE_PATTERNS[:2], _AGE_PATTERNS[4], _AGE_PATTERNS[5], *_SEX_PATTERNS]:
        for m in pattern.finditer(text):
            word = (m.groupdict().get("sex") or "").lower().split()[-1:] or [""]
            sex = _SEX_WORDS.get(word[0])
            if sex:
                yield ValueMention("sex", sex, m.start(), m.end(), subject, core=_core(m, "sex"))


def pregnancy_weeks(text: str) -> Iterator[ValueMention]:
    mentions_pregnancy = _PREGNANCY_WORD.search(text) is not None
    numbers_read: set[int] = set()  # one reading per number, by the most specific pattern
    for index, pattern in enumerate(_PREG_PATTERNS):
        if index >= 4 and not mentions_pregnancy and index != len(_PREG_PATTERNS) - 1:
            continue
        for m in pattern.finditer(text):
            number = _core(m, "n", "m") or m.span()
            if number[0] in numbers_read:
                continue
            numbers_read.add(number[0])
            groups = m.groupdict()
            if groups.get("m"):
                months = _number(groups["m"]) or 0
                weeks = round(months * 4.35)
            else:
                weeks = int(groups["n"])
            # "I'm 30 weeks": a pregnancy at that stage even when the word is not used; "born at 28
            # weeks" is not one
            unsaid = index == len(_PREG_PATTERNS) - 1 and not mentions_pregnancy
            if unsaid and (not 20 <= weeks <= 42 or not re.match(_I_AM, m.group(0), re.I)):
                continue
            if 1 <= weeks <= 45:
                yield ValueMention("pregnancy_weeks", weeks, m.start(), m.end(), core=_core(m, "n", "m"))


#: Words for how bad the pain is, on the 0-10 scale where "severe" starts at 7: read only when no
#: number is given ("severe, about a 6" is a 6).
_SEVERITY = [
    (
        re.compile(
            r"\b(?:excruciating|unbearable|agoni[sz]ing|intolerable|off\s+the\s+(?:scale|charts)|worst\s+(?:pain|back\s+pain|i(?:'ve|\s+have)\s+ever|ever|of\s+my\s+life))\b",
            re.I,
        ),
        9,
    ),
    (re.compile(r"\b(?:severe|severely|really\s+bad|very\s+bad|so\s+bad|intense|horrendous|crippling)\b", re.I), 7),
]


_OUT_OF_TEN = re.compile(r"10|ten", re.I)
_EPISODE_COUNT = re.compile(r"times|episodes|bouts|attacks|flare", re.I)


def pain_words(text: str) -> Iterator[ValueMention]:
    """Pain described in words ("severe", "excruciating") as a 0-10 score."""
    for pattern, score in _SEVERITY:
        for m in pattern.finditer(text):
            yield ValueMention("pain_word", score, m.start(), m.end())


def pain_scores(text: str) -> Iterator[ValueMention]:
    out_of_ten = _OUT_OF_TEN.search(text) is not None
    for index, pattern in enumerate(_SCORE_PATTERNS):
        if index == 1 and not out_of_ten:
            continue  # "N/10", "N out of ten": not without a ten
        for m in pattern.finditer(text):
            values = [_number(v) for v in (m.group("n"), m.groupdict().get("n2")) if v]
            scores = [int(v) for v in values if v is not None and 0 <= v <= 10]
            if scores:
                yield ValueMention("pain_score", max(scores), m.start(), m.end())


def temperatures(text: str) -> Iterator[ValueMention]:
    """Temperature readings, in Celsius (Fahrenheit converted); implausible numbers are skipped."""
    for m in _TEMP_PATTERN.finditer(text):
        value = float(m.group("t").replace(",", "."))
        unit = (m.group("u") or "").lower()
        if unit.startswith("f") or (not unit.startswith("c") and 93 <= value <= 110):
            value = round((value - 32) * 5 / 9, 1)
        if 34 <= value <= 43:
            yield ValueMention("temperature", value, m.start(), m.end(), core=_core(m, "t"))


def episodes(text: str) -> Iterator[ValueMention]:
    counted = _EPISODE_COUNT.search(text) is not None
    for index, pattern in enumerate(_EPISODE_PATTERNS):
        if index == 1 and not counted:
            continue  # "N times this year": not without "times", "episodes"...
        for m in pattern.finditer(text):
            if index == 2:
                n: float | None = 1
            elif m.groupdict().get("o"):
                n = _ORDINALS[m.group("o").lower()]
            else:
                n = _number(m.group("n"))
            if n is not None and 0 < n <= 365:
                yield ValueMention("episodes", int(n), m.start(), m.end())


_DOSE_QTY = r"(?P<n>\d{1,2}|one|two|three|four|five|six|a\s+couple(?:\s+of)?|couple\s+of)"
_DOSE_UNIT = r"(?:(?P<sachet>sachets?|satchets?|powders?|drinks?)|tablets?|tabs|pills?|caplets?|capsules?)"
#: "two every four hours", "2 co-codamol every 4-6 hours", "2 tablets 6 times a day": how many
#: tablets (or sachets) a day someone takes, however written.
_DOSES_EVERY = re.compile(
    rf"\b{_DOSE_QTY}\s+(?:x\s+)?(?:[a-z][\w/-]*\s+){{0,2}}?(?:{_DOSE_UNIT}\s+)?(?:of\s+them\s+)?"
    r"every\s+(?:(?P<h1>\d{1,2}|two|three|four|five|six|eight)\s*(?:-|to|or)\s*)?(?P<h>\d{1,2}|two|three|four|five|six|eight|twelve)\s*(?:hours?|hrs?|h)\b",
    re.I,
)
_DOSES_TIMES = re.compile(
    rf"\b{_DOSE_QTY}\s+(?:x\s+)?(?:[a-z][\w/-]*\s+){{0,2}}?(?:{_DOSE_UNIT}\s+)?"
    r"(?P<m>\d{1,2}|two|three|four|five|six|seven|eight|ten|twelve)\s+times\s+(?:a|per|each|every)\s+day\b",
    re.I,
)
#: A sachet of a cold and flu remedy holds two tablets' worth of paracetamol (1 g).
SACHET_TABLETS = 2


def doses_per_day(text: str) -> Iterator[ValueMention]:
    """Tablets a day from "N every H hours" or "N, M times a day" (a sachet counts as two)."""
    for pattern in (_DOSES_EVERY, _DOSES_TIMES):
        for m in pattern.finditer(text):
            n = _number(re.sub(r"\s+of$", "", m.group("n").lower()))
            per = m.groupdict().get("h")
            times = 24 / (_number(per) or 24) if per else _number(m.groupdict().get("m") or "") or 0
            if n is None or not times:
                continue
            tablets = n * times * (SACHET_TABLETS if m.group("sachet") else 1)
            yield ValueMention("doses_per_day", round(tablets, 1), m.start(), m.end())


def onset_ages(text: str) -> Iterator[ValueMention]:
    for m in _ONSET_AGE_PATTERNS[0].finditer(text):
        yield ValueMention("onset_age", int(m.group("n")), m.start(), m.end(), core=_core(m, "n"))
    for m in _ONSET_AGE_PATTERNS[1].finditer(text):
        yield ValueMention("onset_age", int(m.group("n")), m.start(), m.end(), core=_core(m, "n"))
    for m in _ONSET_AGE_PATTERNS[2].finditer(text):
        word = m.group("w").lower()
        age = 35 if "thirties" in word else 25 if "twenties" in word else 18
        yield ValueMention("onset_age", age, m.start(), m.end(), core=_core(m, "w"))


#: A word each pattern of ``_RELATIVE_DAYS`` needs (in order): the others are not tried without it.
_RELATIVE_KEYS = ("yesterday", "yesterday", "last", "", "since", "ago", "", "week", "week", "month", "fortnight")
_UNIT_WORD = re.compile(r"minute|min|hour|hr|day|night|week|wk|fortnight|month|mth|year|yr", re.I)
_WEEKDAY_WORD = re.compile(r"\b(?:mon|tue|wed|thu|fri|sat|sun)", re.I)
_MONTH_WORD = re.compile(r"\b(?:jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)", re.I)


def durations(text: str, today: dt.date) -> Iterator[ValueMention]:
    """How many days ago something started, for every time expression found."""
    lowered = text.lower()
    for (pattern, days), key in zip(_RELATIVE_DAYS, _RELATIVE_KEYS, strict=True):
        if key and key not in lowered:
            continue
        for m in pattern.finditer(text):
            yield ValueMention("duration", today.weekday() if days < 0 else days, m.start(), m.end())
    units = _UNIT_WORD.search(text) is not None  # each of these patterns names a unit of time
    for pattern in (
        _DURATION_FOR,
        _DURATION_AGO,
        _DURATION_AFTER_PAIN,
        _DURATION_BARE,
        _DURATION_BRACKETED,
        _DURATION_SINCE_BIRTH,
    ):
        for m in pattern.finditer(text) if units else ():
            qty = _number(m.group("q")) if m.group("q") else 1.0
            if qty is None:
                continue
            days = round(qty * _unit_days(m.group("u")))
            if 0 <= days <= 36500:
                yield ValueMention("duration", days, m.start(), m.end())
    for m in _WEEKDAY.finditer(text) if _WEEKDAY_WORD.search(text) else ():
        word = m.group("d").lower()
        if word in {"sun", "sat", "wed", "mon"} and not m.group("prep"):
            continue  # "sat" (sitting), "wed", bare abbreviations are too ambiguous without "since"/"on"
        if not m.group("prep") and not m.group("part") and len(word) <= 3:
            continue
        back = (today.weekday() - _WEEKDAYS[word]) % 7 or 7
        yield ValueMention("duration", back, m.start(), m.end())
    for m in _WEEKEND.finditer(text) if "weekend" in lowered else ():
        back = (today.weekday() - 5) % 7 or 7
        yield ValueMention("duration", back, m.start(), m.end())
    for m in _SINCE_MONTH.finditer(text) if _MONTH_WORD.search(text) else ():
        if not m.group(0).lower().startswith("since") and not m.group(0).lower().startswith("from"):
            continue
        month = _MONTHS[m.group("m").lower()]
        year = today.year if month <= today.month else today.year - 1
        yield ValueMention("duration", (today - dt.date(year, month, 1)).days, m.start(), m.end())


#: Words without which a reader cannot find anything (checked once, to skip its patterns).
_DECADE_WORD = re.compile(r"teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties", re.I)
_SEX_ANY = re.compile(rf"\b{_SEX_WORD}\b|\b(?:female|male)\b", re.I)
_SCORE_WORD = re.compile(rf"\b(?:{_NUMWORD})\b", re.I)
_EPISODE_WORD = re.compile(r"time|episode|bout|attack|flare", re.I)
_TEMPERATURE_WORD = re.compile(r"temp|fever|thermometer", re.I)


def find_values(text: str, today: dt.date) -> list[ValueMention]:
    """Every value mention in ``text``, in order of position (a reader whose key words are all
    missing is skipped: the same result, for less work)."""
    digits = any(ch.isdigit() for ch in text)
    lowered = text.lower()
    found = [*durations(text, today)]
    if digits or _DECADE_WORD.search(text):
        found += ages(text)
    if digits or _SEX_ANY.search(text):
        found += sexes(text)
    if digits or "month" in lowered:
        found += pregnancy_weeks(text)
    if digits or _SCORE_WORD.search(text):
        found += pain_scores(text)
    found += pain_words(text)
    if digits and _TEMPERATURE_WORD.search(text):
        found += temperatures(text)
    if _EPISODE_WORD.search(text):
        found += episodes(text)
    if digits or "since" in lowered:
        found += onset_ages(text)
    if "every" in lowered or "times" in lowered:
        found += doses_per_day(text)
    return sorted(found, key=lambda v: (v.start, v.end))
