"""Numbers people write about themselves: age, sex, weeks of pregnancy, time since onset, pain
scores, temperatures, episode counts, doses; and what clinicians measure and write in shorthand:
"3/52" durations, "34+2/40" gestations, "NRS 8", "T 38.4", GCS, MRC power ("4/5 L EHL"), the urine
left after voiding ("PVR 650 ml"), how far someone fell, "2 tabs QDS".

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
    "doses_per_day", "gcs", "power", "residual_urine", "fall_height",
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
#: ... except an article that opens a sentence or follows "I'm"/"is": that introduces the person
#: the text is about ("A 45-year-old man reports...", "I'm a 52 year old", "Pt is a 60-year-old").
_SUBJECT_ARTICLE = re.compile(r"(?:^|[.!?:;]\s*|\b(?:i'?m|i am|im|is|was|patient|pt)\s+)(?:a|an|the)\s*$", re.I)
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
    (re.compile(r"(?<![\d.,])\b(?P<n>\d{1,3})\s*(?P<sex>m|f)\b(?!\s*(?:/|out|of|\d))", re.I), "unknown"),
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

#: Gestation as clinicians write it: "24/40", "34+2/40" (weeks of forty). Never a duration.
_GESTATION = re.compile(r"(?<![\w/.+])(?P<n>\d{1,2})(?:\s*\+\s*[0-6])?\s*/\s*40(?![\d/])(?!\s*(?:mg|ml|kg))", re.I)
#: Eye charts ("VA 20/40") are not pregnancies.
_NOT_GESTATION_BEFORE = re.compile(r"\b(?:va|vision|visual|acuity|snellen|eyes?|sight)\b[^.!?]{0,12}$", re.I)

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
    r"\bg\d{1,2}\s*p\d{1,2}\b|\b\d{1,2}(?:\s*\+\s*[0-6])?\s*/\s*40\b|\b(?:pregnan\w*|preggers|preggo|expecting|trimester|midwife|midwives|gestation|bump|maternity|antenatal|"
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

#: Scores in clinical shorthand: "NRS 8", "NRS 8/10", "VAS 7", "VAS 70mm", "pain score: 6", "score 6".
_SCALE_SCORE = re.compile(
    r"\b(?P<scale>nrs|nprs|vas|vrs|pain\s+(?:score|scale|rating|level)|score)\s*(?:of\s+|at\s+|is\s+|was\s+|now\s+|[:=]\s*|-\s*)?"
    r"(?P<n>\d{1,3}(?:\.\d)?)(?:\s*(?:-|to)\s*(?P<n2>\d{1,2})(?!\d))?(?:\s*(?:/|out\s+of)\s*(?P<d>10|100)\b|\s*(?P<mm>mm)\b)?"
    r"(?!\s*(?:days?|nights?|weeks?|months?|years?|hours?|hrs?|minutes?|mins?|%|am\b|pm\b|x\b|times|tabs?\b|tablets?|mg|g\b))(?![:/\d]|\.\d)",
    re.I,
)
#: "pain 9", "pain: 7": a bare number after "pain" only where it stands as a score (the clause
#: ends, or "/10", "at rest", "on movement" follows), never "pain 2 days", "pain 2 tablets".
_PAIN_NUMBER = re.compile(
    r"\bpain\s*(?:[:=-]\s*)?(?P<n>\d{1,2})(?:\s*/\s*10\b)?"
    r"(?=\s*(?:[,.;)]|$|and\b|at\s+(?:rest|worst|best|night|present|the\s+moment)|on\s+(?:movement|moving|walking|bending|sitting|standing|exertion)|when\b|with\b|now\b|today\b|currently\b|worst\b))",
    re.I,
)
#: A game's score is not a pain score ("the score was 2-1 at the match").
_GAME_WORDS = re.compile(
    r"\b(?:match|game|final|football|soccer|rugby|cricket|tennis|golf|darts|snooker|quiz|exam|test|goals?|points|half\s*time|league|team)\b",
    re.I,
)
#: Scores of other instruments that a bare "score 6" must not be read from.
_OTHER_SCORE_BEFORE = re.compile(
    r"\b(?:start\s*back|startback|peg|oswestry|odi|gcs|glasgow|phq|gad|bmi|news2?|wells|apgar|bishop|keele|rmdq|roland|"
    r"qrisk|frax|cha2ds2|hads|stratify|epworth|audit|total|risk|tampa|fabq|sbst)\b[^.!?\d]{0,20}$",
    re.I,
)

_TEMP_PATTERN = re.compile(
    r"\b(?:temperature|temp|fever|thermometer)\b[^.!?\d]{0,25}?(?P<t>\d{2,3}(?:[.,]\d{1,2})?)\s*(?:°|º|degrees?|deg)?\s*(?P<u>c|f|celsius|centigrade|fahrenheit)?\b",
    re.I,
)

#: Temperatures in clinical shorthand: "T 38.4", "T=39", "Tmax 38.9", "pyrexial to 38.5", "spiked 39".
_TEMP_SHORT = re.compile(
    r"(?<![\w'])(?:t|tmax|t\s+max|temp\.?|pyrexial\s+(?:to|at|of)|febrile\s+(?:to|at|of)|spik(?:ed|ing)(?:\s+(?:to|at))?)"
    r"\s*(?:[:=]\s*|of\s+)?(?P<t>\d{2,3}(?:[.,]\d{1,2})?)\s*(?:°|º|degrees?|deg)?\s*(?P<u>c|f)?(?![\w/])",
    re.I,
)
#: A number with its unit and no keyword: "38.6°C", "38.6 C", "101 F", "101.3°F".
_TEMP_UNIT = re.compile(
    r"(?<![\w/.])(?P<t>\d{2,3}(?:[.,]\d{1,2})?)\s*(?:(?P<deg>°|º|degrees?|deg)\s*)?(?P<u>c|f|celsius|centigrade|fahrenheit)(?![\w/])"
    r"|(?<![\w/.])(?P<t2>\d{2,3}[.,]\d)\s*(?P<deg2>degrees?)\b(?!\s*(?:c|f|celsius|centigrade|fahrenheit)\b)",
    re.I,
)
#: The weather is not a fever: "it was 38°C in the garden".
_WEATHER = re.compile(
    r"\b(?:weather|outside|outdoors|heat\s*wave|heatwave|sun|sunny|summer|hot\s+day|climate|holiday|air|room|water|bath|shower|oven|degrees\s+out)\b",
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
#: How long in clinical notation: "3/7" days, "3/52" weeks, "8/12" months, "2/24" hours ("24/7" is
#: "all the time", a date is "3/7/25" or "on 3/7").
_DURATION_CLINICAL = re.compile(
    r"(?:(?<=x)|(?<![\w/.+:-]))(?:\d{1,3}\s*-\s*)?(?P<q>\d{1,3}(?:\.\d)?)\s*/\s*(?P<u>7|52|12|24)"
    r"(?![\w/]|[.,]\d|\s*/\s*\d)",
    re.I,
)
#: Days per unit, and the largest count read in it.
_CLINICAL_UNITS = {"7": (1.0, 31), "52": (7.0, 156), "12": (30.0, 48), "24": (1 / 24, 96)}
_DATE_BEFORE = re.compile(r"\b(?:on|since|from|dated?|until|till|by|before|after|the|d\.?o\.?b|dob|born)\s*$", re.I)

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
                    (
                        _OTHER_BEFORE.search(text[max(0, m.start() - 12) : m.start()])
                        and not _SUBJECT_ARTICLE.search(text[max(0, m.start() - 16) : m.start()])
                    )
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
            if len(word[0]) == 1 and m.groupdict().get("n") and not 10 <= int(m.group("n")) <= 110:
                continue  # "5m" is a distance, not a man
            if sex:
                yield ValueMention("sex", sex, m.start(), m.end(), subject, core=_core(m, "sex"))


def pregnancy_weeks(text: str) -> Iterator[ValueMention]:
    mentions_pregnancy = _PREGNANCY_WORD.search(text) is not None
    numbers_read: set[int] = set()  # one reading per number, by the most specific pattern
    for m in _GESTATION.finditer(text) if "40" in text else ():
        weeks = int(m.group("n"))
        if 4 <= weeks <= 43 and not _NOT_GESTATION_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
            numbers_read.add(m.start("n"))
            yield ValueMention("pregnancy_weeks", weeks, m.start(), m.end(), core=_core(m, "n"))
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
    for m in _SCALE_SCORE.finditer(text):
        value = max(float(m.group("n")), float(m.group("n2") or 0))
        scale = m.group("scale").lower()
        if scale == "score" and (
            _OTHER_SCORE_BEFORE.search(text[max(0, m.start() - 30) : m.start()])
            or _GAME_WORDS.search(_sentence_around(text, m.start(), m.end()))
        ):
            continue
        if m.group("d") == "100" or m.group("mm") or (scale == "vas" and 10 < value <= 100):
            value = value / 10  # a 100 mm visual analogue scale
        if 0 <= value <= 10:
            yield ValueMention("pain_score", round(value), m.start(), m.end())
    for m in _PAIN_NUMBER.finditer(text):
        if 0 <= int(m.group("n")) <= 10:
            yield ValueMention("pain_score", int(m.group("n")), m.start(), m.end())
    out_of_ten = _OUT_OF_TEN.search(text) is not None
    for index, pattern in enumerate(_SCORE_PATTERNS):
        if index == 1 and not out_of_ten:
            continue  # "N/10", "N out of ten": not without a ten
        for m in pattern.finditer(text):
            values = [_number(v) for v in (m.group("n"), m.groupdict().get("n2")) if v]
            scores = [int(v) for v in values if v is not None and 0 <= v <= 10]
            if scores:
                yield ValueMention("pain_score", max(scores), m.start(), m.end())


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence that holds text[start:end] (a decimal point is not a sentence end)."""
    ends = [m.end() for m in re.finditer(r"[.!?](?!\d)", text[:start])]
    after = re.search(r"[.!?](?!\d)", text[end:])
    return text[ends[-1] if ends else 0 : end + after.start() if after else len(text)]


def _celsius(number: str, unit: str | None) -> float:
    value = float(number.replace(",", "."))
    unit = (unit or "").lower()
    if unit.startswith("f") or (not unit.startswith("c") and 93 <= value <= 110):
        value = round((value - 32) * 5 / 9, 1)
    return value


def temperatures(text: str) -> Iterator[ValueMention]:
    """Temperature readings, in Celsius (Fahrenheit converted); implausible numbers are skipped.

    With a keyword ("temp 39.1", "T 38.4") any plausible reading counts; a number with only its
    unit ("38.6°C", "101 F") counts when it is a fever-range reading that is not the weather, or
    a normal one written with a decimal ("36.8°C")."""
    seen: set[int] = set()
    for m in [*_TEMP_PATTERN.finditer(text), *_TEMP_SHORT.finditer(text)]:
        value = _celsius(m.group("t"), m.group("u"))
        if 34 <= value <= 43 and m.start("t") not in seen:
            if m.re is _TEMP_SHORT and value < 35:
                continue  # "T34" is more likely a typo for a vertebra than hypothermia
            seen.add(m.start("t"))
            yield ValueMention("temperature", value, m.start(), m.end(), core=_core(m, "t"))
    for m in _TEMP_UNIT.finditer(text):
        group = "t" if m.group("t") else "t2"  # "38.6°C", or "38.5 degrees" (a decimal: not the weather)
        if m.start(group) in seen:
            continue
        unit, number = (m.group("u") or "").lower(), m.group(group)
        bare_f = unit == "f" and not m.group("deg")
        if bare_f and ("." not in number and not 99 <= float(number) <= 107):
            continue  # "96F" is far likelier a 96-year-old woman than a temperature
        value = _celsius(number, unit)
        if not 34 <= value <= 43 or _WEATHER.search(_sentence_around(text, m.start(), m.end())):
            continue
        if value < 37.5 and not re.search(r"[.,]\d", number):
            continue
        seen.add(m.start(group))
        yield ValueMention("temperature", value, m.start(), m.end(), core=_core(m, group))


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
#: A standard tablet: 500 mg of paracetamol.
TABLET_MG = 500

#: Prescription shorthand: "30/500 2 tabs QDS", "1 g PRN", "1g qds", "500mg 2 tds", "2 x 500 mg 4 times daily",
#: "2 tablets 6-hourly". A strength "30/500" gives the paracetamol in each tablet.
_FREQUENCIES = {"qds": 4, "qid": 4, "tds": 3, "tid": 3, "bd": 2, "bid": 2, "od": 1, "om": 1, "on": 1, "mane": 1,
                "nocte": 1, "prn": 1, "stat": 1}  # fmt: skip
_DOSES_SHORTHAND = re.compile(
    r"(?<![\w/.])(?:(?:(?P<sn>\d{1,2}(?:\.\d)?)\s*/\s*(?P<smg>\d{3,4})\s*(?:mg)?|(?P<mg>\d{3,4})\s*mg)\b\s*(?:tablets?|tabs?|caplets?)?,?\s*)?"
    r"(?:(?P<n>\d{1,4}(?:\.\d+)?|one|two|three|four|ii|iii)\s*(?:x\s*)?"
    r"(?:(?P<amount>\d{3,4})\s*mg\b\s*)?"
    r"(?P<unit>tablets?|tabs?|caplets?|capsules?|pills?|sachets?|grams?|gm|g|mg)?\b,?\s*)?"
    r"(?:(?P<freq>qds|qid|tds|tid|bd|bid|od|om|mane|nocte|prn|stat)\b"
    r"|(?P<m>\d|one|two|three|four|five|six|once|twice)\s*(?:x|times)?\s*(?:a\s+|per\s+|each\s+|/\s*)?(?:day|daily|d)\b"
    r"|(?P<h>\d{1,2})\s*(?:-\s*\d{1,2}\s*)?-?\s*(?:hourly|hrly|h)\b|q\s*(?P<qh>\d{1,2})\s*h\b)?",
    re.I,
)
_TIMES_WORDS = {"once": 1, "twice": 2}
#: Tablets counted the prescriber's way: "ii qds".
_ROMAN = {"ii": 2.0, "iii": 3.0}


def _shorthand_dose(m: re.Match[str]) -> float | None:
    """Tablets (of 500 mg) a day for one shorthand match, or None when it is not a dose."""
    groups = m.groupdict()
    unit = (groups["unit"] or "").lower()
    freq = (groups["freq"] or "").lower()
    every = groups["h"] or groups["qh"]
    times_word = (groups["m"] or "").lower()
    times: float | None = (
        _FREQUENCIES[freq] if freq
        else 24 / int(every) if every and 1 <= int(every) <= 24
        else _TIMES_WORDS.get(times_word) or _number(times_word) if times_word
        else None
    )  # fmt: skip
    strength = groups["smg"] or groups["mg"]
    per_tablet = int(strength) / TABLET_MG if strength else 1.0
    n = _ROMAN.get((groups["n"] or "").lower()) or (_number(groups["n"]) if groups["n"] else None)
    if n is None:
        if groups["mg"] and 100 <= int(groups["mg"]) <= 4000:
            return per_tablet * (times or 1)  # "1000mg", "500 mg PRN": the amount of one dose
        return per_tablet * times if strength and times else None  # "co-codamol 30/500 QDS": a tablet a time
    if groups["amount"]:  # "2 x 500 mg"
        per_dose = n * int(groups["amount"]) / TABLET_MG
    elif unit in {"g", "gm", "gram", "grams"}:
        per_dose = n * 1000 / TABLET_MG
    elif unit == "mg":
        if not 100 <= n <= 4000:
            return None
        per_dose = n / TABLET_MG
    elif unit or times:
        if not 0 < n <= 8:
            return None
        per_dose = n * per_tablet * (SACHET_TABLETS if unit.startswith("sachet") else 1)
    else:
        return None
    return per_dose * (times or 1)


def doses_per_day(text: str) -> Iterator[ValueMention]:
    """Tablets (of 500 mg) a day from "N every H hours", "N, M times a day", a sachet (two
    tablets' worth) or prescription shorthand ("2 tabs QDS", "1 g PRN"; one dose when no
    frequency is given)."""
    taken: list[tuple[int, int]] = []
    for pattern in (_DOSES_EVERY, _DOSES_TIMES):
        for m in pattern.finditer(text):
            n = _number(re.sub(r"\s+of$", "", m.group("n").lower()))
            per = m.groupdict().get("h")
            times = 24 / (_number(per) or 24) if per else _number(m.groupdict().get("m") or "") or 0
            if n is None or not times:
                continue
            tablets = n * times * (SACHET_TABLETS if m.group("sachet") else 1)
            taken.append((m.start(), m.end()))
            yield ValueMention("doses_per_day", round(tablets, 1), m.start(), m.end())
    for m in _DOSES_SHORTHAND.finditer(text):
        if m.end() == m.start() or any(s < m.end() and m.start() < e for s, e in taken):
            continue
        dose = _shorthand_dose(m)
        if dose:
            end = m.start() + len(m.group(0).rstrip(" ,"))
            yield ValueMention("doses_per_day", round(dose, 1), m.start(), end)


#: The Glasgow coma scale: "GCS 13", "GCS 14/15", "GCS E3V4M6".
_GCS = re.compile(
    r"\bgcs\s*(?:of\s+|is\s+|was\s+|now\s+|[:=]\s*)?(?:(?P<n>\d{1,2})(?:\s*/\s*15)?(?![\d/])|"
    r"\(?\s*e\s*(?P<e>[1-4])\s*,?\s*v\s*(?P<v>[1-5])\s*,?\s*m\s*(?P<m>[1-6])\b)"
    r"|\be(?P<e2>[1-4])\s*v(?P<v2>[1-5])\s*m(?P<m2>[1-6])\b",
    re.I,
)


def gcs_scores(text: str) -> Iterator[ValueMention]:
    """Glasgow coma scale totals (3-15), from the total or its three parts."""
    for m in _GCS.finditer(text):
        if m.group("n"):
            total = int(m.group("n"))
        else:
            parts = [m.group(g) or m.group(f"{g}2") for g in ("e", "v", "m")]
            total = sum(int(x) for x in parts)
        if 3 <= total <= 15:
            yield ValueMention("gcs", total, m.start(), m.end())


#: Muscle power on the MRC scale: "power 4/5 L EHL", "ankle DF 3/5", "4+/5", "5/5 throughout".
_POWER = re.compile(r"(?<![\w/.])(?P<g>[0-5])\s*(?P<s>[+-])?\s*/\s*5(?![\d/]|\.\d)")
#: Words that make an "N/5" a grade of leg (or unspecified) muscle power.
_POWER_CONTEXT = re.compile(
    r"\b(?:power|strength|mrc|myotom\w*|ehl|fhl|extensor\s+hallucis|great\s+toe|big\s+toe|toe|toes|df|pf|dorsi\s*-?\s*flex\w*|"
    r"plantar\s*-?\s*flex\w*|ankle|knee|hip|quads?|quadriceps|hamstrings?|glut\w*|tib(?:ialis)?\s+ant\w*|"
    r"l[2-5]|s1|eversion|inversion|leg|legs|lower\s+limbs?|ll|weak\w*|flexion|extension|abduction)\b",
    re.I,
)
#: A rating out of five ("knee pain 3/5") is not a grade of power.
_RATING_CONTEXT = re.compile(
    r"\b(?:pain\w*|ache\w*|sore\w*|scor\w*|rat\w*|stiff\w*|severity|discomfort|stars?)\b", re.I
)
_POWER_WORD = re.compile(r"\b(?:power|strength|mrc|myotom\w*)\b", re.I)
#: An arm, hand or grip: not the legs' power.
_ARM_CONTEXT = re.compile(
    r"\b(?:arms?|hands?|grip|biceps|triceps|deltoids?|wrists?|fingers?|shoulders?|elbows?|upper\s+limbs?|ul|c[5-8]|t1)\b",
    re.I,
)


def power_grades(text: str) -> Iterator[ValueMention]:
    """MRC grades of leg muscle power (0-5; "4+" is 4.3, "5-" is 4.7), where the clause names
    power, a leg muscle or a leg movement and no arm."""
    for m in _POWER.finditer(text):
        clause_start = max(text.rfind(c, 0, m.start()) for c in ".;!?\n")
        before = text[max(clause_start + 1, m.start() - 45) : m.start()]
        after = re.split(r"[.;!?,]", text[m.end() : m.end() + 30])[0]
        if not _POWER_CONTEXT.search(before + " " + after):
            continue
        if _RATING_CONTEXT.search(before) and not _POWER_WORD.search(before):
            continue
        near_before = re.split(r"[,]", before)[-1]
        if _ARM_CONTEXT.search(near_before + " " + after):
            continue
        grade = float(m.group("g")) + {"+": 0.3, "-": -0.3}.get(m.group("s") or "", 0.0)
        yield ValueMention("power", grade, m.start(), m.end())


#: Urine left in the bladder after passing urine: "PVR 650 ml", "post-void residual of 400 mL",
#: "bladder scan 800ml", "residual 350 cc".
_RESIDUAL = re.compile(
    r"\b(?:pvr|post[\s-]*void(?:ing)?(?:\s+residual)?|post[\s-]*micturition(?:\s+residual)?|residual(?:\s+(?:urine|volume))?|"
    r"bladder\s+scan(?:ned)?|scanned|retained|in\s+retention\s+(?:of|with))\b[^.!?\d]{0,25}?"
    r"(?P<v>\d{1,4})\s*(?:ml|mls|millilit(?:re|er)s?|cc|cm3)\b"
    r"|\b(?:pvr|post[\s-]*void\s+residual)\s*(?:of\s+|was\s+|[:=]\s*)?(?P<bare>\d{2,4})\b(?!\s*(?:%|[a-z]))",
    re.I,
)


def residual_urine(text: str) -> Iterator[ValueMention]:
    for m in _RESIDUAL.finditer(text):
        volume = int(m.group("v") or m.group("bare"))
        if volume <= 3000:
            yield ValueMention("residual_urine", volume, m.start(), m.end())


_HEIGHT_QTY = (
    r"(?P<q>\d{1,2}(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|a|half\s+a)"
)
_HEIGHT_UNIT = (
    r"(?P<u>(?-i:m)|metres?|meters?|mtrs?|ft|feet|foot|'|cm|centimet(?:re|er)s?|storeys?|stories|storey|floors?)"
)
#: Words between "fell" and how far: "fell about 2 m", "fell off a wall about 6 feet", "from a height of".
_HEIGHT_LEAD = (
    r"about|around|roughly|approximately|approx\.?|nearly|almost|over|more\s+than|at\s+least|just|maybe|probably|"
    r"perhaps|like|some|from|off|down|through|onto|a|an|the|my|his|her|height|of|good|full|whole|what|must|have|been|"
    r"felt|wall|roof|ladder|stepladder|scaffold|scaffolding|tree|balcony|bridge|platform|height|ledge|window|loft|"
    r"trailer|lorry|truck|stage|horse|cliff|building|drop|distance|high|up|backwards|head\s+first|straight"
)
#: How far someone fell: "fell 2 m", "fell about 6 feet", "from a height of 1.5 metres"; "a 10ft fall".
_FALL_HEIGHT = [
    re.compile(
        rf"\b(?:fell|fall|falls|falling|fallen|dropped|jumped|came\s+off|come\s+off|slipped|tumbled|height\s+of)\b"
        rf"(?:\s+(?:{_HEIGHT_LEAD})\b){{0,6}}\s*(?<![\d.])\b{_HEIGHT_QTY}\s*-?\s*{_HEIGHT_UNIT}(?![\w'])",
        re.I,
    ),
    re.compile(rf"(?<![\w.]){_HEIGHT_QTY}\s*-?\s*{_HEIGHT_UNIT}\s+(?:fall|drop|tumble)\b", re.I),
]
_FEET = frozenset({"ft", "feet", "foot", "'"})


def fall_heights(text: str) -> Iterator[ValueMention]:
    """Heights fallen from, in metres."""
    for pattern in _FALL_HEIGHT:
        for m in pattern.finditer(text):
            qty = _number(re.sub(r"\s+", " ", m.group("q")))
            if qty is None:
                continue
            unit = m.group("u").lower()
            if unit == "m" and qty > 20:
                continue  # "45 m" is more likely a man's age
            scale = (
                0.3048 if unit in _FEET
                else 0.01 if unit.startswith(("cm", "centi"))
                else 3.0 if unit.startswith(("stor", "floor"))
                else 1.0
            )  # fmt: skip
            metres = qty * scale
            if 0 < metres <= 100:
                yield ValueMention("fall_height", round(metres, 2), m.start(), m.end())


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
    for m in _DURATION_CLINICAL.finditer(text) if "/" in text else ():
        per_unit, largest = _CLINICAL_UNITS[m.group("u")]
        qty = float(m.group("q"))
        if not 0 < qty <= largest or (m.group("u") == "7" and qty == 24):
            continue
        if _DATE_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
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
_HEIGHT_WORD = re.compile(r"metre|meter|feet|foot|storey|stories|floors?\b", re.I)
_TEMPERATURE_WORD = re.compile(
    r"temp|fever|thermometer|pyrex|febrile|spik|tmax|(?<![\w'])t\b|\d\s*(?:°|º|deg|c\b|f\b|celsius|fahrenheit)", re.I
)


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
    if digits or "every" in lowered or "times" in lowered:
        found += doses_per_day(text)
    if digits:
        found += gcs_scores(text) if "gcs" in lowered or re.search(r"\be\d\s*v\d", lowered) else []
        found += power_grades(text) if "/5" in text.replace(" ", "") else []
        found += residual_urine(text)
    if digits or _HEIGHT_WORD.search(text):
        found += fall_heights(text)
    measured = [(v.start, v.end) for v in found if v.kind in {"temperature", "fall_height"}]
    if measured:  # "101 F" is a temperature, not a 101-year-old woman; "fell 12 m" is no man
        found = [
            v for v in found if v.kind not in {"age", "sex"} or not any(s < v.end and v.start < e for s, e in measured)
        ]
    return sorted(found, key=lambda v: (v.start, v.end))
