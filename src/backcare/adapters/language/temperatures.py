"""Temperatures in Celsius (Fahrenheit converted): "temp 39.1", "T 38.4", "38.6°C", "101 F", "38.4 on the
thermometer", "38.2 this morning"; the weather and vertebrae ("T34") are not fevers."""

from __future__ import annotations

import re
from collections.abc import Iterator

from backcare.adapters.language.values import DECIMAL_WORDS, ValueMention, core_span, parse_number, sentence_around

_TEMP_PATTERN = re.compile(
    # (a count of readings may come between: "checked my temperature 3 times today: 36.9, 37.0")
    r"\b(?:temperatures?|temps?|fever|thermometer)\b(?:[^.!?\d]|\b\d\s+times\b){0,25}?(?P<t>\d{2,3}(?:[.,]\d{1,2})?)\s*(?:°|º|degrees?|deg)?\s*(?P<u>c|f|celsius|centigrade|fahrenheit)?\b",
    re.I,
)

#: Temperatures in clinical shorthand: "T 38.4", "T=39", "Tmax 38.9", "pyrexial to 38.5", "spiked 39".
_TEMP_SHORT = re.compile(
    r"(?<![\w'])(?:t|tmax|t\s+max|temp\.?|pyrexial\s+(?:to|at|of)|febrile\s+(?:to|at|of)|spik(?:ed|ing)(?:\s+(?:to|at))?)"
    r"\s*(?:[:=]\s*|of\s+)?(?P<t>\d{2,3}(?:[.,]\d{1,2})?)\s*(?:°|º|degrees?|deg)?\s*(?P<u>c|f)?(?![\w/])"
    r"(?!\s*(?:m|male|female|man|woman|yo|y/o|yrs?|years?)\b)",  # "no temp. 41 m, gardener": an age
    re.I,
)
#: A number with its unit and no keyword: "38.6°C", "38.6 C", "101 F", "101.3°F".
_TEMP_UNIT = re.compile(
    r"(?<![\w/.])(?P<t>\d{2,3}(?:[.,]\d{1,2})?)\s*(?:(?P<deg>°|º|degrees?|deg)\s*)?(?P<u>c|f|celsius|centigrade|fahrenheit)(?![\w/])"
    r"|(?<![\w/.])(?P<t2>\d{2,3}[.,]\d)\s*(?P<deg2>degrees?)\b(?!\s*(?:c|f|celsius|centigrade|fahrenheit)\b)",
    re.I,
)
#: A reading told before what took it: "38.4 on the thermometer", "37.9 by the ear thermometer".
_TEMP_BEFORE = re.compile(
    r"(?<![\w/.])(?P<t>\d{2,3}(?:[.,]\d{1,2})?)\s*(?:°|º|degrees?|deg)?\s*(?P<u>c|f)?"
    r"\s+(?:on|by|with|according to|says|per)\s+"
    r"(?:the|my|our|his|her|a)?\s*(?:\w+\s+)?(?:thermometer|thermo)\b",
    re.I,
)
#: A temperature run, told without its word: "I've been running about 38 the last two evenings" (the
#: number reader's gate uses the words before the number too).
RUNNING_AT = r"\brunning\s+(?:at\s+)?(?:about\s+|around\s+|roughly\s+|nearly\s+|over\s+)?"
_TEMP_RUNNING = re.compile(
    rf"{RUNNING_AT}(?P<t>3[7-9](?:[.,]\d)?|4[01](?:[.,]\d)?)(?P<u>)"
    r"(?!\s*(?:km|k|kms|miles?|mins?|minutes?|hours?|hrs?|m|metres?|meters?|laps?|%|mph|kph|years?|yrs?)\b)(?![\d.,])",
    re.I,
)
#: A reading from 34.0 to 42.9, with its decimal.
_READING = r"(?P<t>3[4-9][.,]\d|4[0-2][.,]\d)"
#: A reading in brackets in a sentence about the temperature: "temperature went after 3 days and
#: none since (36.7 today)".
_TEMP_BRACKETED = re.compile(
    rf"\(\s*{_READING}\s*(?:°|º)?\s*(?P<u>c)?"
    r"\s*(?:today|now|this morning|tonight|last night|yesterday|at the moment)?\s*\)",
    re.I,
)
#: A reading right after taking it, in a text about the temperature: "I haven't got one, I checked,
#: 36.7", "but I measured, 36.7. So no fever."
_TEMP_TAKEN = re.compile(
    r"\b(?:measured|checked|took)(?:\s+(?:it|myself|again))?\s*[,:]?\s*(?:(?:it|it's|it\s+is|it\s+was|was)\s+)?"
    rf"{_READING}\b(?P<u>)",
    re.I,
)
#: A decimal in the range only a body temperature has, read without a word for it (the number
#: reader's gate uses it too).
BARE_READING = r"(?:3[6-9]|4[01])[.,]\d"
#: A reading alone at the head of a clause, then when it was taken: "38.2 this morning when I got in
#: from my night shift", "39.1 last night", "now 37.9 this evening".
_TEMP_TIMED = re.compile(
    rf"(?:^|(?<=[.!?,;:]\s)|(?<=\band\s)|(?<=\bbut\s)|(?<=\bnow\s))(?P<t>{BARE_READING})(?P<u>)"
    r"(?=\s+(?:this|last|yesterday|earlier|overnight|tonight|today|in\s+the\s+night|at\s+\d|when\s+i)\b)",
    re.I,
)
_WEIGHED = re.compile(r"\b(?:weigh\w*|kg|kgs|kilos?|stone|st|lbs?|pounds|scales?|bmi|wt)\b", re.I)
#: A reading in words, in a sentence about the temperature: "it's thirty-six point nine".
_TEMP_IN_WORDS = re.compile(rf"\b(?P<t>{DECIMAL_WORDS})\b(?P<u>)", re.I)
_TEMP_WORD = re.compile(r"\b(?:temperatures?|temps?|fever\w*|thermometer)\b", re.I)
#: More readings after the first in a list: "temps 36.9 and 38.9", "T 37.2, 38.1".
_TEMP_MORE = re.compile(
    r"\s*(?:,|and|then|to|or|/|-)\s*(?P<t>\d{2,3}(?:[.,]\d{1,2})?)\s*(?:°|º|degrees?|deg)?\s*(?P<u>c|f)?(?![\w/])", re.I
)
#: The weather is not a fever: "it was 38°C in the garden".
_WEATHER = re.compile(
    r"\b(?:weather|outside|outdoors|heat\s*wave|heatwave|sun|sunny|summer|hot\s+day|climate|holiday|air|room|water|bath|shower|oven|degrees\s+out)\b",
    re.I,
)


def _celsius(number: str, unit: str | None) -> float:
    """A reading in Celsius: Fahrenheit is converted when marked "F", or unmarked and 93-110."""
    value = float(number.replace(",", "."))
    unit = (unit or "").lower()
    if unit.startswith("f") or (not unit.startswith("c") and 93 <= value <= 110):
        value = round((value - 32) * 5 / 9, 1)
    return value


#: Between the word and its number, a place whose temperature it is: "the temperature in the room
#: was about 38 degrees" (hot yoga), not the person's.
_OF_A_PLACE = re.compile(
    r"\b(?:in|of|inside|outside)\s+(?:the|my|our)\s+(?:room|studio|class|gym|pool|sauna|water|car|house|office|garden"
    r"|bath|shower|kitchen|hall|flat|bedroom|classroom|greenhouse|tent|van)\b",
    re.I,
)


def temperatures(text: str) -> Iterator[ValueMention]:
    """Temperature readings, in Celsius (Fahrenheit converted); implausible numbers are skipped.

    With a keyword ("temp 39.1", "T 38.4") any plausible reading counts; a number with only its
    unit ("38.6°C", "101 F") counts when it is a fever-range reading that is not the weather, or
    a normal one written with a decimal ("36.8°C")."""
    seen: set[int] = set()
    worded = (_TEMP_PATTERN, _TEMP_SHORT, _TEMP_BEFORE, _TEMP_RUNNING)
    for first in [m for pattern in worded for m in pattern.finditer(text)]:
        for m in _with_list(first, text):
            value = _celsius(m.group("t"), m.group("u"))
            if _OF_A_PLACE.search(text, first.start(), m.start("t")):
                continue
            if 34 <= value <= 43 and m.start("t") not in seen:
                if first.re is _TEMP_SHORT and value < 35:
                    continue  # "T34" is more likely a typo for a vertebra than hypothermia
                seen.add(m.start("t"))
                yield ValueMention("temperature", value, first.start(), m.end(), core=core_span(m, "t"))
    taken = [*_TEMP_TAKEN.finditer(text)] if _TEMP_WORD.search(text) else []
    timed = [*_TEMP_TIMED.finditer(text)]
    for m in [*_TEMP_BRACKETED.finditer(text), *taken, *timed, *_TEMP_IN_WORDS.finditer(text)]:
        sentence = sentence_around(text, m.start(), m.end())
        if m.re is _TEMP_TIMED and _WEIGHED.search(sentence):
            continue  # "weighed myself, 38.2 this morning"
        told = m.re in (_TEMP_TAKEN, _TEMP_TIMED) or _TEMP_WORD.search(sentence)
        if m.start("t") not in seen and told:
            seen.add(m.start("t"))
            words = m.re is _TEMP_IN_WORDS
            value = (parse_number(m.group("t")) or 0.0) if words else _celsius(m.group("t"), m.group("u"))
            if words and not 34 <= value <= 43:
                continue
            yield ValueMention("temperature", value, m.start(), m.end(), core=core_span(m, "t"))
    for m in _TEMP_UNIT.finditer(text):
        group = "t" if m.group("t") else "t2"  # "38.6°C", or "38.5 degrees" (a decimal: not the weather)
        if m.start(group) in seen:
            continue
        unit, number = (m.group("u") or "").lower(), m.group(group)
        bare_f = unit == "f" and not m.group("deg")
        if bare_f and ("." not in number and not 99 <= float(number) <= 107):
            continue  # "96F" is far likelier a 96-year-old woman than a temperature
        value = _celsius(number, unit)
        if not 34 <= value <= 43 or _WEATHER.search(sentence_around(text, m.start(), m.end())):
            continue
        if value < 37.5 and not re.search(r"[.,]\d", number):
            continue
        seen.add(m.start(group))
        yield ValueMention("temperature", value, m.start(), m.end(), core=core_span(m, group))


def _with_list(first: re.Match[str], text: str) -> Iterator[re.Match[str]]:
    """A keyword's reading and the readings listed after it ("temps 36.9 and 38.9")."""
    yield first
    end = first.end()
    while (more := _TEMP_MORE.match(text, end)) is not None:
        yield more
        end = more.end()


#: A number of degrees: the weather's as well as a fever's ("38 degree heat", "35°C outside").
_DEGREES = re.compile(r"(?<![\w/.])\d{2,3}(?:[.,]\d)?\s*(?:°|º|-?degrees?|deg)\s*(?:c|f|celsius|fahrenheit)?\b", re.I)


#: "38 degree heat", "35 degrees in the shade".
_IN_THE_HEAT = re.compile(r"\s*(?:heat|in the (?:heat|shade|sun))\b", re.I)


def weather(text: str) -> list[str]:
    """Temperatures the reader sets aside as the weather ("38 degree heat"): look-alikes of a fever
    that the sentence model, which does not read numbers, may still take for one."""
    return [
        m.group(0).strip()
        for m in _DEGREES.finditer(text)
        if _WEATHER.search(sentence_around(text, m.start(), m.end())) or _IN_THE_HEAT.match(text, m.end())
    ]
