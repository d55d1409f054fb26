"""Tablets of paracetamol (500 mg) taken a day, however written: "two every four hours", "2
tablets 6 times a day", a sachet, or prescription shorthand ("30/500 2 tabs QDS", "1 g PRN")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from backcare.adapters.language.values import Kind, ValueMention, parse_number

_DOSE_QTY = r"(?P<n>\d{1,2}|one|two|three|four|five|six|a\s+couple(?:\s+of)?|couple\s+of)"
_DOSE_UNIT = r"(?:(?P<sachet>sachets?|satchets?|powders?|drinks?)|tablets?|tabs|pills?|caplets?|capsules?)"
#: A dose: how many, of what, in what form ("2 co-codamol", "two tablets", "a couple of Panadol").
_DOSE = rf"\b{_DOSE_QTY}\s+(?:x\s+)?(?:[a-z][\w/-]*\s+){{0,2}}?(?:{_DOSE_UNIT}\s+)?"
#: "two every four hours", "2 co-codamol every 4-6 hours", "2 tablets 6 times a day", "two at a time,
#: only I've been taking them every four hours": how many tablets (or sachets) a day someone takes.
_DOSES_EVERY = re.compile(
    rf"{_DOSE}(?:of\s+them\s+|at\s+a\s+time\b[^.!?]{{0,60}}?)?"
    r"every\s+(?:(?P<h1>\d{1,2}|two|three|four|five|six|eight)\s*(?:-|to|or)\s*)?(?P<h>\d{1,2}|two|three|four|five|six|eight|twelve)\s*(?:hours?|hrs?|h)\b",
    re.I,
)
_DOSES_TIMES = re.compile(
    _DOSE + r"(?P<m>\d{1,2}|two|three|four|five|six|seven|eight|ten|twelve)\s+times\s+(?:a|per|each|every)\s+day\b",
    re.I,
)
#: A dose taken once a day: "a couple of Panadol at bedtime", "2 paracetamol every night", "2 Lemsip
#: Max sachets in the evening".
_DOSES_ONCE = re.compile(
    r"(?<!\bat\s)"  # "2 at 8 this morning": a time, not a count
    + _DOSE
    + r"(?:at\s+(?:bedtime|night)|before\s+bed|every\s+(?:night|morning|evening)|once\s+a\s+day|once\s+daily"
    r"|in\s+the\s+(?:evening|morning|afternoon)|this\s+(?:morning|evening|afternoon)|last\s+night)\b",
    re.I,
)
#: A dose at each of the clock times listed: "2 tablets at 8am, 2pm and 10pm", "Doliprane 1000 at
#: 7h, 11h, 15h, 19h and 23h" (one tablet a time when no count is told).
_CLOCK = r"(?:\d{1,2}(?:[:.h]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|h(?!\w)|hrs?\b)|\d{1,2}:\d{2}|noon|midday|midnight)"
_DOSES_AT = re.compile(
    rf"(?:{_DOSE})?at\s+{_CLOCK}(?:\s*(?:,|and|,\s*and|&|then)\s+(?:again\s+)?(?:at\s+)?{_CLOCK})+",
    re.I,
)
_CLOCKS = re.compile(_CLOCK, re.I)
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
    r"|(?P<h>\d{1,2})\s*(?:-\s*\d{1,2}\s*)?-?\s*(?:hourly|hrly|h)\b|q\s*(?P<qh>\d{1,2})\s*h\b"
    # "1 g four times" with no "a day": a rate only within a day's window (see ``doses_per_day``)
    r"|(?P<mt>two|three|four|five|six|seven|eight|[2-8])\s+times\b(?!\s+(?:a|per|each|every|in\s+a)\s+(?:week|month)))?",
    re.I,
)
#: A form a count follows: a sachet (two tablets' worth) or a tablet.
_FORM = r"(?:(?P<sachet>sachets?|satchets?)|tablets?|tabs|pills?|caplets?|capsules?)"
#: A count after its form: "Lemsip Max sachets x3", "tabs x 4".
_FORM_COUNT = re.compile(
    rf"\b{_FORM}\s*x\s*(?P<n>[1-9])\b(?!\s*(?:a|per)\s)",
    re.I,
)
#: A count told after its form, of them: "the Lemsip Max sachets for my cold, I think three of them".
_FORM_THEN_COUNT = re.compile(
    rf"\b{_FORM}\b[^.!?\d]{{0,40}}?\b(?P<n>[1-9]|one|two|three|four|five|six)\s+of\s+them\b", re.I
)
#: A form taken a number of times: "Lemsip Max Strength sachet 3 times" (within a day's window).
_FORM_TIMES = re.compile(
    r"(?<!\d\s)(?<!\d)(?<!one\s)(?<!two\s)(?<!three\s)(?<!four\s)"  # "2 tablets 4 times" is a dose, read below
    rf"\b{_FORM}\s+"
    r"(?P<n>[1-9]|one|two|three|four|five|six)\s+times\b(?!\s+(?:a|per|each|every|in\s+a)\s+(?:day|week|month))",
    re.I,
)
#: A count of tablets guessed at: "she thinks about 14-16 tablets" (the lower figure counts).
_ABOUT_COUNT = re.compile(
    r"\b(?:about|around|roughly|approximately|approx\.?|maybe|probably|at\s+least|nearly|almost|over|some)\s+"
    r"(?P<n>\d{1,2})(?:\s*(?:-|to|or)\s*\d{1,2})?\s+(?:tablets?|tabs|pills?|caplets?)\b",
    re.I,
)
_TIMES_WORDS = {"once": 1, "twice": 2}
#: Tablets counted the prescriber's way: "ii qds".
_ROMAN = {"ii": 2.0, "iii": 3.0}


def _shorthand_dose(m: re.Match[str], total: bool) -> float | None:
    """Tablets (of 500 mg) a day for one shorthand match, or None when it is not a dose; a day's
    total the person states ("total 14 tablets in the day") may hold more than one dose's eight."""
    groups = m.groupdict()
    unit = (groups["unit"] or "").lower()
    freq = (groups["freq"] or "").lower()
    every = groups["h"] or groups["qh"]
    times_word = (groups["m"] or groups["mt"] or "").lower()
    times: float | None = (
        _FREQUENCIES[freq] if freq
        else 24 / int(every) if every and 1 <= int(every) <= 24
        else _TIMES_WORDS.get(times_word) or parse_number(times_word) if times_word
        else None
    )  # fmt: skip
    strength = groups["smg"] or groups["mg"]
    per_tablet = int(strength) / TABLET_MG if strength else 1.0
    n = _ROMAN.get((groups["n"] or "").lower()) or (parse_number(groups["n"]) if groups["n"] else None)
    if n is None:
        if times is None and re.search(r"mg\s*(?:tablets?|tabs?|caplets?|capsules?)", m.group(0), re.I):
            return None  # "paracetamol 500 mg tablets": what each tablet holds, not a dose taken
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
        if not 0 < n <= (40 if total else 8):
            return None
        per_dose = n * per_tablet * (SACHET_TABLETS if unit.startswith("sachet") else 1)
    else:
        return None
    return per_dose * (times or 1)


#: An amount that is the label's limit, not what was taken: "under the 4 g on the box", "max 8 a day",
#: "label max is 4 g".
_LIMIT_BEFORE = re.compile(
    r"\b(?:under|below|within|less\s+than|max(?:imum)?|limit|up\s+to|no\s+more\s+than|not\s+more\s+than|not\s+over"
    r"|never\s+more\s+than|allowed|recommended)\s+(?:of\s+|is\s+|'s\s+)?(?:the\s+)?(?:daily\s+)?(?:dose\s+of\s+)?$",
    re.I,
)
_LIMIT_AFTER = re.compile(
    r"^\s*(?:on\s+the\s+(?:box|packet|pack|label|leaflet|bottle)|(?:a|per)\s+day\s+(?:max|maximum|limit)|max(?:imum)?\b|limit\b)",
    re.I,
)


#: After an amount: the person's own sum of the day, not one more dose ("3 g altogether", "13 500mg ones
#: worth in total").
_TOTAL_AFTER = re.compile(
    r"^\s*(?:(?:ones?|tablets?|tabs|pills?)\s+)?(?:worth\s+)?(?:altogether|all\s+together|in\s+total|total|in\s+all|all\s+told)\b",
    re.I,
)
#: Before it in its sentence, the same: "I added it all up and I've had 3 g", "it comes to 5 g", a
#: note's "Total paracetamol counted with her for the last 24 h: 2.5 g" or "Calculated paracetamol
#: last 24 h = 3 g" (not an amount added on: "total 14 tablets ..., and also 3 sachets"); or right
#: before it, the sum drawn from the doses just told ("four times a day, so 4 g a day", "that's 3 g").
_TOTAL_BEFORE = re.compile(
    r"\b(?:added\s+(?:it|them|everything)(?:\s+all)?\s+up|adds?\s+up\s+to|a\s+total\s+of|in\s+total|comes?\s+to"
    r"|came\s+to|total|totall?ed|calculated|worked\s+out)\b(?:(?!\b(?:and\s+also|plus|as\s+well\s+as|on\s+top)\b)[^.!?]){0,55}$"
    r"|\b(?:so|which\s+is|which\s+makes|that(?:'s|\s+is|\s+makes)|thats|making)\s+(?:about\s+|around\s+)?$",
    re.I,
)


def _is_total(text: str, start: int, end: int) -> bool:
    """Whether the amount at ``start:end`` is the person's own sum rather than one dose."""
    return bool(_TOTAL_AFTER.match(text[end : end + 20]) or _TOTAL_BEFORE.search(text[max(0, start - 60) : start]))


def _is_limit(text: str, start: int, end: int) -> bool:
    """Whether the amount at ``start:end`` is a limit someone quotes rather than a dose they took."""
    return bool(_LIMIT_BEFORE.search(text[max(0, start - 40) : start]) or _LIMIT_AFTER.match(text[end : end + 30]))


#: One product's count ("8 co-codamol"), taken that many times ("2 co-codamol 4 times" today, "two
#: co-codamol 30/500 four times"); a count of a unit ("3 g") is no product's (the shorthand reads it
#: as an amount).
_TAKEN_ITEM = re.compile(
    rf"{_DOSE_QTY}\s+(?:x\s*)?(?!(?:g|gm|grams?|mg|mcg|ml|kg|hours?|hrs?|days?|weeks?|times)\b)[a-z][\w/-]*"
    r"(?:\s+(?:\d{1,2}\s*/\s*)?\d{3,4}(?:\s*mg)?(?=\s+(?:\d|two|three|four|five|six)\s+times\b))?"  # "30/500"
    r"(?:\s+(?P<m>\d|two|three|four|five|six)\s+times\b)?",
    re.I,
)
_ITEM = re.sub(r"\?P<\w+>", "?:", _TAKEN_ITEM.pattern)  # the same without its groups, to repeat in a list
#: Tablets counted as taken within a day: "since yesterday morning I've had 8 co-codamol and 6
#: paracetamol", "took 5 paracetamol and 4 co-codamol today", a note's "Reports 10 x paracetamol 500 mg
#: ... in the last 24 h", "I think it's about 12 Panado in the last day". Each is a count of its own product.
_TAKEN = re.compile(
    rf"\b(?:had|taken|took|swallowed|necked|downed|popped|reports|reported|admits(?:\s+to)?|ingested|consumed"
    rf"|last\s+night|this\s+morning|tonight|today|it's|it\s+is|it\s+was|that's|that\s+was)\s+"
    rf"(?:(?:about|around|roughly|maybe|nearly|almost|at\s+least|over)\s+)?(?P<list>{_ITEM}"
    rf"(?:(?:\s*(?:,|and|&|plus|\+))+\s*{_ITEM}){{0,3}})",
    re.I,
)
#: The window a count is in: a day ("today", "since yesterday", "in 24 hours"), not a week.
_A_DAY = re.compile(
    r"\b(?:today|tonight|last night|this morning|since (?:yesterday|this morning|last night)|yesterday|"
    r"(?:in|over|within) (?:the )?(?:last |past )?(?:24|twenty[- ]four) ?(?:hours|hrs|h)"
    r"|(?:in|over) the (?:last|past) day|so far|overnight)\b",
    re.I,
)
_LONGER = re.compile(
    r"\b(?:week|weeks|month|months|fortnight|since (?:mon|tues|wednes|thurs|fri|satur|sun)day)\b", re.I
)


#: A count taken of each of the products named: "had about 12 of each today", "took 4 of both".
#: It is one product's count here; the reader adds it once for every paracetamol product taken.
_OF_EACH = re.compile(
    r"\b(?:had|taken|took|swallowed|necked|downed|popped)\s+(?:about\s+|around\s+|roughly\s+|maybe\s+|at\s+least\s+)?"
    r"(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|ten|twelve)\s+(?:tablets?\s+|tabs\s+|pills?\s+)?"
    r"of\s+(?:each|both|them\s+each)\b",
    re.I,
)
#: Whether a dose is a count of each product ("of each"), as ``_OF_EACH`` reads it.
OF_EACH = re.compile(r"\bof\s+(?:each|both|them\s+each)$", re.I)


#: A strength right after a counted product ("10 x paracetamol 500 mg"): not one more dose.
_STRENGTH = re.compile(r"\s*(?:\d{1,2}\s*/\s*)?\d{3,4}\s*mg\b", re.I)


def _quantity(m: re.Match[str]) -> float | None:
    """The number of tablets a dose pattern's ``n`` group names ("2", "two", "a couple of")."""
    return parse_number(re.sub(r"\s+of$", "", m.group("n").lower()))


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    """Whether ``start:end`` overlaps a dose already read (so it is not counted twice)."""
    return any(s < end and start < e for s, e in taken)


def _within_a_day(text: str, start: int, end: int) -> bool:
    """Whether the sentence around ``start:end`` counts within a day ("in the last 24 h"), not a week."""
    first = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    last = min((i for i in (text.find(c, end) for c in ".!?\n") if i >= 0), default=len(text))
    sentence = text[first:last]
    return bool(_A_DAY.search(sentence)) and not _LONGER.search(sentence)


def _counted_in_a_day(text: str, taken: list[tuple[int, int]]) -> Iterator[ValueMention]:
    """Tablets counted as taken in a day, each product's count on its own (the doses told as a rate
    are read above and are not counted twice)."""
    for m in _TAKEN.finditer(text):
        if not _within_a_day(text, m.start(), m.end()):
            continue
        for item in _TAKEN_ITEM.finditer(m.group("list")):
            at = m.start("list") + item.start()
            span = (at, at + len(item.group(0)))
            n = _quantity(item)
            if n and not _overlaps(*span, taken):
                strength = _STRENGTH.match(text, span[1])  # "10 x paracetamol 500 mg": what each holds
                taken.append((span[0], strength.end() if strength else span[1]))
                yield ValueMention("doses_per_day", float(n) * (parse_number(item.group("m") or "1") or 1), *span)


def doses_per_day(text: str) -> Iterator[ValueMention]:
    """Tablets (of 500 mg) a day from "N every H hours", "N, M times a day", a sachet (two
    tablets' worth) or prescription shorthand ("2 tabs QDS", "1 g PRN"; one dose when no
    frequency is given). An amount the person says is their total ("3 g altogether") is a
    ``dose_total``: the doses they listed are already in it."""
    taken: list[tuple[int, int]] = []
    for pattern in (_DOSES_EVERY, _DOSES_TIMES):
        for m in pattern.finditer(text):
            n = _quantity(m)
            per = m.groupdict().get("h")
            times = 24 / (parse_number(per) or 24) if per else parse_number(m.groupdict().get("m") or "") or 0
            if n is None or not times:
                continue
            tablets = n * times * (SACHET_TABLETS if m.group("sachet") else 1)
            taken.append((m.start(), m.end()))
            yield ValueMention("doses_per_day", round(tablets, 1), m.start(), m.end())
    for m in _DOSES_AT.finditer(text):
        if not _overlaps(m.start(), m.end(), taken):
            n = _quantity(m) if m.group("n") else 1
            times = len(_CLOCKS.findall(text, m.end("n") if m.group("n") else m.start(), m.end()))
            taken.append((m.start(), m.end()))
            tablets = (n or 0) * times * (SACHET_TABLETS if m.group("sachet") else 1)
            yield ValueMention("doses_per_day", float(tablets), m.start(), m.end())
    for m in _DOSES_ONCE.finditer(text):
        n = _quantity(m)
        if n and not _overlaps(m.start(), m.end(), taken):
            taken.append((m.start(), m.end()))
            yield ValueMention(
                "doses_per_day", float(n) * (SACHET_TABLETS if m.group("sachet") else 1), m.start(), m.end()
            )
    for m in _OF_EACH.finditer(text):
        if _within_a_day(text, m.start(), m.end()) and not _overlaps(m.start("n"), m.end(), taken):
            taken.append((m.start("n"), m.end()))
            yield ValueMention("doses_per_day", float(parse_number(m.group("n")) or 0), m.start("n"), m.end())
    yield from _counted_in_a_day(text, taken)
    counts = (_FORM_COUNT, _FORM_THEN_COUNT, _FORM_TIMES, _ABOUT_COUNT)
    for m in [found for pattern in counts for found in pattern.finditer(text)]:
        if _within_a_day(text, m.start(), m.end()) and not _overlaps(m.start(), m.end(), taken):
            taken.append((m.start(), m.end()))
            n = (parse_number(m.group("n")) or 0) * (SACHET_TABLETS if m.groupdict().get("sachet") else 1)
            yield ValueMention("doses_per_day", float(n), m.start(), m.end())
    for m in _DOSES_SHORTHAND.finditer(text):
        if m.end() == m.start() or _overlaps(m.start(), m.end(), taken):
            continue
        if m.group("mt") and not _within_a_day(text, m.start(), m.end()):
            continue  # "four times" over a week is no daily rate
        end = m.start() + len(m.group(0).rstrip(" ,"))
        total = _is_total(text, m.start(), end)
        dose = _shorthand_dose(m, total)
        if dose and not _is_limit(text, m.start(), m.end()):
            kind: Kind = "dose_total" if total else "doses_per_day"
            yield ValueMention(kind, round(dose, 1), m.start(), end)
