"""How bad the pain is, 0-10: "8/10", "about a 7", "NRS 8", "VAS 70mm", "pain 9", "pain in back
is 10", and in words ("severe", "excruciating") when no number is given. Game scores and other
instruments' scores ("the score was 2-1", "STarT Back score 6") are not pain."""

from __future__ import annotations

import re
from collections.abc import Iterator

from backcare.adapters.language.values import NUMWORD, ValueMention, parse_number, sentence_around

_SCORE_PATTERNS = [
    re.compile(
        rf"\b(?:it'?s|it\s+is|it\s+was|its|gets\s+to|goes\s+up\s+to|shoots\s+up\s+to|hits|reaches|peaks\s+at|up\s+to)\s+(?:about\s+|around\s+|like\s+)?(?:a|an)\s+(?P<n>\d{{1,2}}|{NUMWORD})(?:\s+or\s+(?:a\s+|an\s+)?(?P<n2>\d{{1,2}}|{NUMWORD}))?\b(?!\s*(?:days?|weeks?|months?|years?|hours?|minutes?|%|am|pm|:|/|out|x\b|times|mile|mins))(?=\s+(?:when|at\s+(?:its\s+)?worst|most|on\s+(?:a\s+)?bad|if|first\s+thing|in\s+the|by|at\s+night|and\s+a|now|maybe|probably|i\s+think|i\s+reckon|i\s+guess)|\s*[,.;!?]|$)",
        re.I,
    ),
    re.compile(
        rf"\b(?P<n>\d{{1,2}}|{NUMWORD})(?:\s*(?:-|to|or)\s*(?P<n2>\d{{1,2}}|{NUMWORD}))?\s*(?:/|out\s+of|outta|outside\s+of|over|from|oot\s+o[f']?|out\s+o'|of)\s*(?:10|ten)\b"
        # "pain 8 of 10", never "2 of 10 people"
        r"(?!\s*(?:people|persons|patients|times|days|nights|weeks|tablets|pills|doctors|cases|sessions|mg|%))",
        re.I,
    ),
    re.compile(
        r"\bpain(?:'s)?(?:\s+in\s+(?:(?:my|the)\s+)?(?:(?:lower|low|upper)\s+)?back)?(?:\s+(?:score|level|rating|is|was|'s|of|at|about|around|rated|a))+\s+(?:a\s+)?(?P<n>\d{1,2})(?:\s*(?:-|or|to)\s*(?P<n2>\d{1,2}))?\b(?!\s*(?:days?|weeks?|months?|years?|hours?|minutes?|%|am|pm|:|/|out|\.\d|x))",
        re.I,
    ),
]

#: Scores in clinical shorthand: "NRS 8", "NRS 8/10", "VAS 7", "VAS 70mm", "pain score: 6", "score 6".
_SCALE_SCORE = re.compile(
    r"\b(?P<scale>nrs|nprs|vas|vrs|pain\s+(?:score|scale|rating|level)|score)\s*"
    r"(?:\(?\s*0\s*(?:-|to)\s*10\s*\)?\s*)?"  # the scale named first: "Pain score 0-10: 7", "pain score (0-10) 6"
    r"(?:of\s+|at\s+|is\s+|was\s+|now\s+|[:=]\s*|-\s*)?"
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


def pain_words(text: str) -> Iterator[ValueMention]:
    """Pain described in words ("severe", "excruciating") as a 0-10 score."""
    for pattern, score in _SEVERITY:
        for m in pattern.finditer(text):
            yield ValueMention("pain_word", score, m.start(), m.end())


def pain_scores(text: str) -> Iterator[ValueMention]:
    """Pain scores 0-10, from a scale ("NRS 8", "VAS 70mm"), "pain 9", "8/10" or "about a 7"."""
    for m in _SCALE_SCORE.finditer(text):
        value = max(float(m.group("n")), float(m.group("n2") or 0))
        scale = m.group("scale").lower()
        if scale == "score" and (
            _OTHER_SCORE_BEFORE.search(text[max(0, m.start() - 30) : m.start()])
            or _GAME_WORDS.search(sentence_around(text, m.start(), m.end()))
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
            values = [parse_number(v) for v in (m.group("n"), m.groupdict().get("n2")) if v]
            scores = [int(v) for v in values if v is not None and 0 <= v <= 10]
            if scores:
                yield ValueMention("pain_score", max(scores), m.start(), m.end())
