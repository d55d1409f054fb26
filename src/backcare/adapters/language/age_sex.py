"""Who the person is, from numbers and words: age ("67yo", "I'm 45", "in my forties"), sex ("44M",
"as a woman") and the age their back trouble began ("since I was 19").

An age is someone else's when a relative is named with it ("my dad is 81", "Mum, 79") or it is
a child's ("my 2 yr old"); the interpreter then decides whose report it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from backcare.adapters.language.kinship import FEMALE_RELATIVES, KIN_NAME_ANY_CASE, MALE_RELATIVES
from backcare.adapters.language.values import ONES as _ONES
from backcare.adapters.language.values import TEENS as _TEENS
from backcare.adapters.language.values import TENS as _TENS
from backcare.adapters.language.values import Subject, ValueMention, core_span

_DECADES = {"teens": 13, "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
            "seventies": 70, "eighties": 80, "nineties": 90}  # fmt: skip
_DECADE_WORDS = "|".join(_DECADES)

_NOT_AGE_AFTER = (
    r"(?!\d)(?![.,]\d)(?!\s*(?:weeks?|wks?|w\b|days?|months?|mths?|hours?|hrs?|minutes?|mins?|/|%|kg|kgs|kilos?|lbs?|pounds|"
    r"st\b|stone|out\s+of|outta|cm|mm|mph|miles?|km|am\b|pm\b|a\.m|p\.m|:|\.\d|'|\"|ft|feet|foot|inch|times|x\b|"
    r"\+|degrees|°|o'clock|th\b|nd\b|rd\b|st\b|-\d|to\s+\d|or\s+\d|percent|hours|(?:years?|yrs?)\s+ago|"
    r"and\s+a\s+half\s+(?:weeks?|days?|months?|hours?|stone|kg|miles?)))"
)

#: Words opening "... is 7," that name no one: "Pain is 7, worse at night", "Temp is 38".
_NOT_A_NAME = (
    "(?:pain|it|this|that|temp|temperature|score|weight|bp|hr|pulse|sats|rate|there|today|tonight|day|mine|"
    "severity|level|number|what|which|everything|glucose|sugar|time|now|ache)"
)

#: A relative named with an age ("my dad is 81"): whose age it is.
_REL = "(?:" + "|".join([*MALE_RELATIVES, "partner", *FEMALE_RELATIVES, "child", "kid", "toddler", "baby", "friend"])
_REL += "|boy|girl|lad|lass|grandson|granddaughter|teenager|teen|neighbou?r|colleague|player|pupil|little one"
_REL += "|eldest|youngest|oldest)"  # "my eldest is 13"
_SEX_WORDS = {
    "woman": "female", "female": "female", "f": "female", "lady": "female", "girl": "female", "mum": "female",
    "mom": "female", "mother": "female", "wife": "female", "grandmother": "female", "grandma": "female",
    "granny": "female", "gal": "female", "man": "male", "male": "male", "m": "male", "guy": "male",
    "bloke": "male", "gentleman": "male", "boy": "male", "lad": "male", "dad": "male", "father": "male",
    "husband": "male", "grandfather": "male", "grandad": "male", "grandpa": "male", "fella": "male",
    "chap": "male",
}  # fmt: skip
SEX_WORD = r"(?P<sex>woman|female|lady|girl|gal|mum|mom|mother|wife|grandmother|grandma|granny|man|male|guy|bloke|gentleman|boy|lad|dad|father|husband|grandfather|grandad|grandpa|fella|chap)"  # noqa: E501

I_AM = r"(?:i'?m|i\s+am|im|iam|ah'?m|mi\s+is)"  # Scots "Ah'm 79", Caribbean "Mi is 61"

#: An age of ten or more in words ("ninety one", "forty-five", "seventeen")
_AGE_WORDS = rf"(?:(?:{'|'.join(_TENS)})(?:[\s-]+(?:{'|'.join(_ONES)}))?|{'|'.join(_TEENS)})\b"
#: An age in digits, or in words ("a ninety one year old gentleman"; "I'm seventy-five")
_N = rf"(?:(?P<n>\d{{1,3}})|(?P<w>{_AGE_WORDS}))"
_YEARS_OLD = r"(?:-|\s)?\s*(?:years?|yrs?|yr|y)\s*(?:-|\s)?\s*(?:old|o\b|of\s+age|young)"  # "74 years young!"

#: An age told round about ("I'm pushing 80", "the wrong side of 60"): read as the number named.
_ABOUT = (
    r"(?:pushing|over|past|(?:on\s+)?the\s+(?:wrong|far)\s+side\s+of|knocking\s+on|getting\s+on\s+for"
    r"|coming\s+up\s+to)"
)

#: A relative named right before an age in brackets: "my son (3 years)", "my grandson (2 years old".
_RELATIVE_BEFORE = re.compile(rf"\b(?:my|our|his|her|their|your)\s+(?P<rel>{_REL})\s*[(,]?\s*$", re.I)
#: Words before "N years old" that make it someone else's age ("my 2 yr old", "a 6-year-old").
_OTHER_BEFORE = re.compile(r"\b(?:my|our|his|her|their|your|a|the|an)\s*$", re.I)
#: ... except an article that opens a sentence or follows "I'm"/"is": that introduces the person
#: the text is about ("A 45-year-old man reports...", "I'm a 52 year old", "Pt is a 60-year-old").
_SUBJECT_ARTICLE = re.compile(r"(?:^|[.!?:;]\s*|\b(?:i'?m|i am|im|is|was|patient|pt)\s+)(?:a|an|the)\s*$", re.I)
_CHILD_AFTER = re.compile(
    r"^\s*(?:son|daughter|boy|girl|kid|child|grandson|granddaughter|toddler|baby|nephew|niece|brother|sister|dog|cat)\b",
    re.I,
)

#: A child's age in a note, in years and months ("3y 7m M", "2yrs 4mths"); not after "for" or
#: "x", where it is how long something has lasted.
_YEARS_MONTHS = re.compile(
    r"(?<!\bfor\s)(?<!\bx\s)(?<!\bx)\b(?P<n>\d{1,2})\s*(?:y|yr|yrs)\s*,?\s*\d{1,2}\s*(?:m|mo|mos|mth|mths)\b"
    r"(?:\s*(?P<sex>m|f|boy|girl|male|female)\b)?",
    re.I,
)

_AGE_PATTERNS: list[tuple[re.Pattern[str], Subject]] = [
    (re.compile(rf"\b{_N}\s*{_YEARS_OLD}(?:\s+{SEX_WORD}\b)?", re.I), "unknown"),
    (re.compile(rf"\b(?P<n>\d{{1,3}})\s*(?:yo|y/o|y\.o\.?|yob)(?:\s*{SEX_WORD}\b)?", re.I), "unknown"),
    (
        re.compile(
            rf"\b{I_AM}\s+(?:a\s+|an\s+|just\s+|only\s+|now\s+|turning\s+|nearly\s+|almost\s+|{_ABOUT}\s+)?{_N}{_NOT_AGE_AFTER}",
            re.I,
        ),
        "self",
    ),
    (re.compile(rf"\b(?:age|aged|ages|age:)\s*{_N}{_NOT_AGE_AFTER}", re.I), "unknown"),
    (re.compile(r"(?<![\d.,])\b(?P<n>\d{1,3})\s*(?P<sex>m|f)\b(?!\s*(?:/|out|of|\d))", re.I), "unknown"),
    # "56, female", "Fifty-six, female"
    (re.compile(rf"\b{_N}\s*(?:,|\s)\s*(?P<sex>male|female|man|woman|guy|lady|bloke)\b", re.I), "unknown"),
    # ... and the other way round, opening a sentence: "Female 58, lower back pain", "M, 72."
    (
        re.compile(
            rf"(?:^|(?<=[.!?;:\n])|(?<=[.!?;:\n]\s))(?P<sex>female|male|woman|man|lady|gentleman|f|m)\s*,?\s*(?:aged\s+)?"
            rf"(?P<n>\d{{2}}){_NOT_AGE_AFTER}",
            re.I,
        ),
        "unknown",
    ),
    (
        re.compile(
            rf"\b(?P<rel>he|she)(?:'s|s|\s+is)\s+(?:only\s+|just\s+|now\s+|nearly\s+|almost\s+)?{_N}{_NOT_AGE_AFTER}",
            re.I,
        ),
        "other",
    ),
    (
        re.compile(
            # "my dad is 81", Scots "Ma grandson's 14", "our grandson Tomas is 10"
            rf"\b(?:my|our|me|mi|ma)\s+(?:\w+\s+)?(?P<rel>{_REL})s?(?:\s+(?-i:[A-Z])[a-z]+)?\s*(?:\(\s*|,\s*|\s+is\s+|'s\s+|\s+who\s+is\s+|\s+aged\s+|\s+age\s+|\s+-\s+|\s+){_N}{_NOT_AGE_AFTER}",
            re.I,
        ),
        "other",
    ),
    (
        re.compile(
            # ... named like a name: "Mum, 79", "Typing for Nan who is 78"
            rf"(?:(?<=^)|(?<=[.!?:;]\s)|(?<=[.!?]\s\s)|(?<=\bfor\s)|(?<=\babout\s))(?P<rel>{KIN_NAME_ANY_CASE})"
            rf"(?:\s+is|'s|,|\s+\(|\s+aged|\s+age|\s+-|\s+who\s+is|\s)\s*(?:only\s+|now\s+|nearly\s+|almost\s+)?{_N}{_NOT_AGE_AFTER}",
            re.I,
        ),
        "other",
    ),
    (
        re.compile(rf"\bin\s+(?:my|his|her)\s+(?P<mod>early\s+|mid\s+|mid-|late\s+)?(?P<dec>{_DECADE_WORDS})\b", re.I),
        "unknown",
    ),
    (re.compile(r"(?:^|[.!?]\s+)(?P<n>\d{2})\s*[.!?]?\s*$", re.I), "unknown"),
    # an age opening the text, its unit optional: "72, ...", "72 yrs, missed the bottom step" (not
    # "20 years, on and off")
    (
        re.compile(
            r"^\s*(?P<n>\d{2})\s*(?:(?:years?|yrs?|yr)\.?\s*)?(?:,|\s+and\b|\s*-)"
            r"(?!\s*(?:on\s+and\s+off|off\s+and\s+on|ago)\b)",
            re.I,
        ),
        "unknown",
    ),
    # years then a sex, opening a sentence or after a comma: "35 yrs female", "LBP, 62 yrs, male"
    (
        re.compile(
            r"(?:^\s*|(?<=[.!?,;:(\n])|(?<=[.!?,;:(\n]\s))(?P<n>\d{1,3})\s*(?:years?|yrs?|yr|y)\s*,?\s*"
            r"(?P<sex>male|female|man|woman|lady|gentleman|guy|bloke|m|f)\b",
            re.I,
        ),
        "unknown",
    ),
    # a note's resident named with a title and an age: "Mr J, 84, slid off his bed", "Mrs K (91)", "Mrs Edna Harris, 83"
    (
        re.compile(
            rf"\b(?-i:Mr|Mrs|Ms|Miss|Mx)\.?\s+(?-i:[A-Z])[\w'.-]*(?:\s+(?-i:[A-Z])[\w'.-]*)?\s*(?:,|\()\s*(?P<n>\d{{1,3}})"
            rf"{_NOT_AGE_AFTER}", re.I
        ),
        "unknown",
    ),
    # one of those one looks after, with an age: "One of our ladies, 78, slid", "one of my Year 9 girls (14)"
    (
        re.compile(
            r"\bone\s+of\s+(?:our|my|the)\s+(?:\w+\s+){0,2}?(?:ladies|gentlemen|gents|residents|clients|patients|u\d\ds|"
            r"service\s+users|men|women|fellas|lads|lasses|squad|team|crew|class|group|players|girls|boys|kids|pupils|"
            rf"swimmers|gymnasts|runners|athletes|dancers|juniors|riders)\s*(?:,|\(|-)\s*(?:aged\s+|age\s+)?(?P<n>\d{{1,3}}){_NOT_AGE_AFTER}",
            re.I,
        ),
        "unknown",
    ),
    # an age in brackets after a name: "Alfie (3 yrs)", "Mrs K (84 years)"
    (re.compile(r"\(\s*(?P<n>\d{1,3})\s*(?:yrs?|years?|yo|y/o|y\.o\.?)(?:\s*old)?\s*\)", re.I), "unknown"),
    # a note's subject named, then aged, opening the note or after its heading: "Carer note - Elsie, 88."
    (re.compile(r"(?:^|(?<=[-:]\s)|(?<=[-:]))(?-i:[A-Z])[a-z]+,\s*(?P<n>[1-9]\d)(?=\s*[.;])"), "unknown"),
    # the writer introduced, then aged: "Old lady here, 83.", "Retired plasterer here, 71, ..."
    (re.compile(r"(?:(?<=\bhere,\s)|(?<=\bhere,))(?P<n>[1-9]\d)(?=\s*[.!,;])", re.I), "self"),
    # an age alone as the first sentence: "56. Pain in the middle of my back..."
    (re.compile(r"^\s*(?P<n>1[6-9]|[2-9]\d)\s*(?:years?|yrs?|yr)?\s*\.\s+(?=[A-Za-z])"), "unknown"),
    # ... alone between words in the first sentence ("Upper back pain between the shoulder blades, 63, from"),
    # or ending a first sentence of a few words ("Bus driver, 57. Pain between my shoulder blades")
    (re.compile(r"\A(?=[^.!?\d]*[a-z],\s*\d+\s*,\s*[a-z]|\s*(?:[\w'-]+\s+){0,3}[\w'-]+,\s*\d+\s*\.\s)"
                r"[^.!?\d]*[a-z],\s*(?P<n>1[6-9]|[2-9]\d)\s*[,.]", re.I), "unknown"),
    (_YEARS_MONTHS, "unknown"),
    # a note's child named then aged: "Year 6 boy, 11", "girl, 13,"; at a sentence's start without
    # the comma: "daughter 13, back pain that wakes her at night", "son is 12, ..."
    (re.compile(rf"\b(?:boy|girl|lad|lass|child|son|daughter|pupil|student)\s*,\s*(?P<n>\d{{1,2}}){_NOT_AGE_AFTER}", re.I), "unknown"),  # noqa: E501
    (re.compile(rf"(?:\A|(?<=[.!?]\s))(?:boy|girl|child|son|daughter)(?:\s+is|'s)?\s+(?P<n>\d{{1,2}}){_NOT_AGE_AFTER}", re.I), "unknown"),  # noqa: E501
    # ... or by name: "Mum here. Ellie is 14, back pain since yesterday" (not "Pain is 7, worse at night")
    (re.compile(rf"(?:\A|(?<=[.!?]\s))(?!{_NOT_A_NAME}\b)(?-i:[A-Z])[a-z]+(?:\s+is|'s)\s+(?P<n>\d{{1,2}}){_NOT_AGE_AFTER}(?=\s*[,.;])", re.I), "unknown"),  # noqa: E501
    # ... in brackets, a note's and not a parent's ("my son (3 years)" is the writer's child; "Y10 pupil (15)")
    (re.compile(rf"(?<!\bmy\s)(?<!\bour\s)\b(?:boy|girl|lad|lass|pupil|student|player)\s*\(\s*(?P<n>\d{{1,2}}){_NOT_AGE_AFTER}", re.I), "unknown"),  # noqa: E501
    # the next birthday's age, a year more than now: "80 next birthday", "I'll be 75 at Easter"
    (
        re.compile(
            r"(?:(?:^|[.!?,]\s*)(?P<next>\d{2})\s+(?:next\s+birthday|on\s+my\s+next\s+birthday)\b"
            r"|\bi(?:'ll|\s+will)\s+be\s+(?P<next2>\d{2})\s+(?:next|this|in|at|on)\s+(?:birthday|week|month|year|[a-z]+day|"
            r"(?-i:[A-Z])[a-z]+))",
            re.I,
        ),
        "self",
    ),
    # "Turned 70 at Easter.", "I just turned 52 and..."
    (
        re.compile(rf"(?:^|[.!?]\s+|\bi\s+(?:have\s+|'ve\s+)?)(?:just\s+|only\s+)?turned\s+{_N}{_NOT_AGE_AFTER}", re.I),
        "unknown",
    ),
    # learners' English, an age "had" as in Spanish or French: "I have 58 years", "I am having 62 years"
    (
        re.compile(
            r"\bi\s+(?:have|am\s+having|'ve\s+got)\s+(?P<n>\d{2})\s+(?:years?|yrs?)\b(?:\s+old\b)?"
            r"(?!\s+(?:ago|of|since|with|experience|in|now|left|for|this|the|that|these|on|at|back)\b)",
            re.I,
        ),
        "self",
    ),
    # a free bus pass, at 60 or more: "I'm a year off my bus pass", "just got my free bus pass"
    (
        re.compile(
            r"\b(?P<bus>(?:a\s+year|months|weeks|a\s+month)\s+(?:off|from|short\s+of)|(?:i(?:'ve|\s+have)?\s+)?(?:just\s+)?got)"
            r"\s+(?:my|getting\s+my)\s+(?:free\s+)?bus\s+pass",
            re.I,
        ),
        "self",
    ),
    # "wrong side of 60." alone; "I turned three score years and ten last March"
    (re.compile(rf"(?:^|[.!?]\s+)(?:the\s+)?(?:wrong|far)\s+side\s+of\s+{_N}{_NOT_AGE_AFTER}", re.I), "unknown"),
    (re.compile(r"\b(?P<score>three|four)\s+score(?:\s+years)?(?:\s+and\s+(?P<plus>ten|five))?\b", re.I), "unknown"),
    # the writer's name, then an age: "Morning, it's Nerys, 74, from Ferndale", "I'm Dave, 58."
    (
        re.compile(
            r"\b(?:it'?s|it\s+is|this\s+is|i'?m|i\s+am|my\s+name\s+is|name'?s)\s+(?!(?i:mum|mom|dad|nan|gran)\b)"
            rf"(?-i:[A-Z])[a-z'-]+(?:\s+(?-i:[A-Z])[a-z'-]+)?\s*,\s*(?P<n>\d{{2}}){_NOT_AGE_AFTER}",
            re.I,
        ),
        "self",
    ),
    (
        re.compile(
            # a child's age in a word under ten: "my son is eight and complains ...", "our girl's six,"
            rf"\b(?:my|our)\s+(?:\w+\s+)?(?P<rel>son|daughter|boy|girl|kid|child|grandson|granddaughter|little\s+one"
            rf"|eldest|youngest)(?:\s+(?-i:[A-Z])[a-z]+)?(?:\s+is|'s|,)\s+(?:only\s+|just\s+)?(?P<w>{'|'.join(_ONES)})"
            r"(?=\s*(?:[,.;!?)]|and\b|but\b|$|(?:years?|yrs?)\b))",
            re.I,
        ),
        "other",
    ),
    # an age in words standing alone as a sentence: "Sixty-three. Lower back ache for 2 weeks."
    (re.compile(rf"(?:^|[.!?]\s+)(?P<w>{_AGE_WORDS})\s*[.!]", re.I), "unknown"),
]

_SEX_PATTERNS: list[tuple[re.Pattern[str], Subject]] = [
    (
        re.compile(rf"\b{I_AM}\s+(?:a|an)\s+(?:\d{{1,3}}\s*{_YEARS_OLD}\s+|[a-z-]+\s+){{0,2}}{SEX_WORD}\b", re.I),
        "self",
    ),
    (re.compile(rf"\b{I_AM}\s+(?P<sex>female|male|a\s+woman|a\s+man)\b", re.I), "self"),
    (re.compile(rf"\bas\s+a\s+(?:\w+\s+)?{SEX_WORD}\b", re.I), "self"),
    (re.compile(r"\b(?:and|,)\s*(?P<sex>female|male)\b", re.I), "unknown"),
    (re.compile(r"\b(?P<sex>female|male)\b", re.I), "unknown"),
]

_ONSET_AGE_PATTERNS = [
    re.compile(
        r"\b(?:start\w*|began|begun|first|since|had\s+it|had\s+this|back\s+trouble|back\s+pain)\b[^.!?]{0,40}?\bwhen\s+(?:i|he|she)\s+was\s+(?:about\s+|around\s+|only\s+)?(?P<n>\d{1,2})\b",
        re.I,
    ),
    re.compile(
        # a count of things is no age: "since my 2 children were born"
        r"\bsince\s+(?:i\s+was|my)\s+(?:about\s+|around\s+)?(?P<n>\d{1,2})\b(?!\s*(?:weeks?|days?|months?|children|[a-z]+s\b))",
        re.I,
    ),
    re.compile(
        r"\bsince\s+(?:i\s+was\s+)?(?:a\s+)?(?P<w>teenager|teen|kid|child|student|my\s+teens|my\s+twenties|my\s+thirties|school|college|uni|university)\b",
        re.I,
    ),
]


def _opens(text: str, start: int) -> bool:
    """Whether ``start`` opens the text or a sentence of it."""
    before = text[:start].rstrip()
    return not before or before.endswith((".", "!", "?", ":"))


def _in_words(words: str) -> int:
    """An age written in words: "ninety one" is 91, "seventeen" 17, a child's "eight" 8."""
    parts = re.split(r"[\s-]+", words.lower().strip())
    numbers = {w: n for n, w in enumerate(_ONES, 1)} | {w: n for n, w in enumerate(_TEENS, 10)}
    numbers |= {w: 10 * n for n, w in enumerate(_TENS, 2)}
    return numbers[parts[0]] + (_ONES.index(parts[1]) + 1 if len(parts) > 1 else 0)


def _age_named(groups: dict[str, str | None]) -> int:
    """The age a match names: a decade, the next birthday's age (a year less), a bus pass, a score,
    words or digits."""
    if decade := groups.get("dec"):
        mod = (groups.get("mod") or "").strip().lower().rstrip("-")
        return _DECADES[decade.lower()] + {"early": 0, "mid": 5, "late": 8}.get(mod, 0)
    if coming := groups.get("next") or groups.get("next2"):
        return int(coming) - 1
    if bus := groups.get("bus"):
        return 60 if bus.lower().endswith("got") else 59
    if score := groups.get("score"):
        plus = {"ten": 10, "five": 5}.get((groups.get("plus") or "").lower(), 0)
        return 20 * (3 if score.lower() == "three" else 4) + plus
    if words := groups.get("w"):
        return _in_words(words)
    return int(groups["n"] or 0)


def ages(text: str) -> Iterator[ValueMention]:
    """Ages, each marked as the writer's ("self"), someone else's ("other", with the relative) or
    unknown: the interpreter needs to know whose age it is."""
    for index, (pattern, subject) in enumerate(_AGE_PATTERNS):
        for m in pattern.finditer(text):
            groups = m.groupdict()
            n = _age_named(groups)
            bare = pattern.pattern.startswith("(?:^|") or pattern.pattern.startswith("^")
            if not (1 <= n <= 110) or (bare and not 16 <= n <= 100):
                continue
            if groups.get("sex") and len(groups["sex"]) == 1 and not (10 <= n <= 110 or _opens(text, m.start())):
                continue  # "4m" is a height, but a note opening "4F brought by mum" names a child
            rel = groups.get("rel")
            core = core_span(m, "n", "w", "dec")
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
                # "my 2 yr old" is a child; "One of our residents, a 90 year old gentleman" is a he
                word = (groups.get("sex") or "boy").lower()
                grown = word not in ("boy", "girl")
                adult = {"male": "he", "female": "she"}.get(_SEX_WORDS.get(word, "")) if grown else None
                yield ValueMention("age", n, m.start(), m.end(), "other", adult or "child", core)
                continue
            named = _RELATIVE_BEFORE.search(text[max(0, m.start() - 30) : m.start()]) if subject == "unknown" else None
            if named:  # "I carry my son (3 years) all day": the son's age
                yield ValueMention("age", n, m.start(), m.end(), "other", named.group("rel").lower(), core)
                continue
            yield ValueMention("age", n, m.start(), m.end(), subject, rel.lower() if rel else None, core)


def sexes(text: str) -> Iterator[ValueMention]:
    """Sex, from "44M", "45 yo female", "I'm a woman", "as a man"; "5m" (a distance) is no man."""
    told_with_age = [*_AGE_PATTERNS[:2], _AGE_PATTERNS[4], _AGE_PATTERNS[5], (_YEARS_MONTHS, "unknown")]
    for pattern, subject in [*told_with_age, *_SEX_PATTERNS]:
        for m in pattern.finditer(text):
            word = (m.groupdict().get("sex") or "").lower().split()[-1:] or [""]
            sex = _SEX_WORDS.get(word[0])
            a_person = pattern is _YEARS_MONTHS or not m.groupdict().get("n") or 10 <= int(m.group("n")) <= 110
            if len(word[0]) == 1 and not a_person:
                continue  # "5m" is a distance, not a man (a child's "3y 7m M" is a boy)
            if sex:
                yield ValueMention("sex", sex, m.start(), m.end(), subject, core=core_span(m, "sex"))


def onset_ages(text: str) -> Iterator[ValueMention]:
    """The age back trouble began at ("since I was 19", "since my teens"): before 45 is a feature
    of inflammatory back pain."""
    for m in _ONSET_AGE_PATTERNS[0].finditer(text):
        yield ValueMention("onset_age", int(m.group("n")), m.start(), m.end(), core=core_span(m, "n"))
    for m in _ONSET_AGE_PATTERNS[1].finditer(text):
        yield ValueMention("onset_age", int(m.group("n")), m.start(), m.end(), core=core_span(m, "n"))
    for m in _ONSET_AGE_PATTERNS[2].finditer(text):
        word = m.group("w").lower()
        age = 35 if "thirties" in word else 25 if "twenties" in word else 18
        yield ValueMention("onset_age", age, m.start(), m.end(), core=core_span(m, "w"))


#: A year of birth: "67 (born 1959)", "DOB 1948", "b. 12/03/1951", "date of birth 3rd of May 1979". The
#: age is the years since then (a year more than the true age until the birthday: the safer side of 50 or 70).
_BIRTH_YEAR = re.compile(
    r"\b(?:born|b\.|dob|d\.o\.b\.?|yob|date\s+of\s+birth)\s*[:-]?\s*(?:in\s+|on\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[a-z]{3,9}\.?\s+"
    r"|[a-z]{3,9}\.?\s+|\d{1,2}[/.-]\d{1,2}[/.-])?(?P<y>(?:19|20)\d\d|'\d\d)\b(?!\s*(?:-|to)\s*\d)",
    re.I,
)
#: Someone else's birth ("my son was born in 2019", "the twins, born 2015"): no age of the writer's.
_BORN_OTHER = re.compile(rf"\b(?:{_REL}s?|twins|kids|children|he|she|they|we)\b[^.!?]{{0,25}}$", re.I)


def birth_year_ages(text: str, today_year: int) -> Iterator[ValueMention]:
    """Ages told as a year of birth, when the birth is not said to be someone else's."""
    for m in _BIRTH_YEAR.finditer(text):
        year = m.group("y")
        if year.startswith("'"):
            short = int(year[1:])
            year = str((1900 if short > today_year % 100 else 2000) + short)
        n = today_year - int(year)
        if 1 <= n <= 110 and not _BORN_OTHER.search(text[max(0, m.start() - 40) : m.start()]):
            yield ValueMention("age", n, m.start(), m.end(), "unknown", None, m.span("y"))
