"""What clinicians measure and write in shorthand: GCS, MRC power ("4/5 L EHL"), the urine left
after voiding ("PVR 650 ml"), blood potassium, magnesium and calcium ("K+ 3.3"); how far someone
fell ("fell 2 m", "a 10ft fall"); and a weight told before and after ("Wt 72 -> 65 kg")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from backcare.adapters.language.values import ValueMention, parse_number

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


def _grade(digit: str, sign: str | None) -> float:
    """An MRC grade with its sign: "4+" is 4.3, "5-" is 4.7."""
    return float(digit) + {"+": 0.3, "-": -0.3}.get(sign or "", 0.0)


def power_grades(text: str) -> Iterator[ValueMention]:
    """MRC grades of leg muscle power (0-5; "4+" is 4.3, "5-" is 4.7), where the clause names
    power, a leg muscle or a leg movement and no arm."""
    for m in _POWER.finditer(text):
        clause_start = max(text.rfind(c, 0, m.start()) for c in ".;!?\n")
        before = text[max(clause_start + 1, m.start() - 45) : m.start()]
        after = re.split(r"[.;!?,]", text[m.end() : m.end() + 30])[0]
        if not _POWER_CONTEXT.search(before + " " + after):
            continue
        # the nearest part only when it names something: "radicular pain, EHL 4-/5 L" is a grade;
        # "knee pain 3/5" and "leg pain, 3/5" are ratings
        near_before = re.split(r"[,]", before)[-1]
        if _RATING_CONTEXT.search(near_before if near_before.strip() else before) and not _POWER_WORD.search(before):
            continue
        if _ARM_CONTEXT.search(near_before + " " + after):
            continue
        yield ValueMention("power", _grade(m.group("g"), m.group("s")), m.start(), m.end())


#: Power that has fallen between two examinations: "dropped from 4/5 to 2/5", "4/5 -> 2/5",
#: "4/5 on Mon, now 2/5", "3/5 (was 5/5)", "4/5 on Tuesday, 2/5 today".
_GRADE = r"(?P<{0}>[0-5])\s*(?P<{0}s>[+-])?\s*/\s*5"
_POWER_DROP = re.compile(
    rf"\bfrom\s+{_GRADE.format('a')}\s+(?:\w+\s+){{0,3}}?to\s+{_GRADE.format('b')}"
    rf"|{_GRADE.format('c')}\s*(?:->|→|=>|>)\s*{_GRADE.format('d')}"
    rf"|{_GRADE.format('e')}\s+(?:[\w,]+\s+){{0,3}}?(?:now|today|down\s+to|dropped\s+to|reduced\s+to|fallen\s+to)\s+"
    rf"{_GRADE.format('f')}"
    rf"|{_GRADE.format('h')}\s*\(?\s*(?:was|previously|prev\.?|down\s+from|dropped\s+from|from)\s+{_GRADE.format('g')}"
    # "4/5 on Tuesday, 2/5 today"
    rf"|{_GRADE.format('i')}\s+(?:[\w,]+\s+){{1,3}}?{_GRADE.format('j')}\s*"
    r"(?:today|now|tonight|this\s+(?:am|pm|morning|afternoon|evening))\b",
    re.I,
)
#: Which groups hold the earlier and the later grade, by the form the drop was written in.
_DROP_FORMS = (("a", "b"), ("c", "d"), ("e", "f"), ("g", "h"), ("i", "j"))


def power_drops(text: str) -> Iterator[ValueMention]:
    """Leg muscle power that has fallen from one grade to a lower one (the fall, in grades)."""
    for m in _POWER_DROP.finditer(text):
        first, second = next(form for form in _DROP_FORMS if m.group(form[0]))
        before = text[max(0, m.start() - 45) : m.start()]
        if not _POWER_CONTEXT.search(before) or _ARM_CONTEXT.search(before):
            continue
        was, now = (_grade(m.group(g), m.group(f"{g}s")) for g in (first, second))
        if now < was:
            yield ValueMention("power_drop", round(was - now, 1), m.start(), m.end())


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
    """Millilitres of urine left after voiding (a bladder scan), up to 3 litres."""
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
#: Words between "fell" and how far: "fell about 2 m", "fell off a wall about 6 feet", "from a height of",
#: "came down from the top, about ten feet".
_HEIGHT_LEAD = (
    r"about|around|roughly|approximately|approx\.?|nearly|almost|over|more\s+than|at\s+least|just|maybe|probably|"
    r"perhaps|like|some|from|off|down|through|onto|a|an|the|my|his|her|height|of|good|full|whole|what|must|have|been|"
    r"felt|wall|roof|ladder|stepladder|scaffold|scaffolding|tree|balcony|bridge|platform|height|ledge|window|loft|"
    r"trailer|lorry|truck|stage|horse|cliff|building|drop|distance|high|up|backwards|head\s+first|straight|top"
)
#: How far someone fell: "fell 2 m", "fell about 6 feet", "from a height of 1.5 metres"; "a 10ft fall".
_FALL_HEIGHT = [
    re.compile(
        # (a comma may set the height apart: "I came down from the top, about ten feet")
        # (a climber's "decked out from about 6 metres": hit the ground)
        rf"\b(?:fell|fall|falls|falling|fallen|dropped|jumped|came\s+(?:off|down)|come\s+(?:off|down)|slipped|tumbled|height\s+of"
        rf"|decked(?:\s+out)?|lobbed|peeled\s+off)\b"
        rf"(?:,?\s+(?:{_HEIGHT_LEAD})\b){{0,6}},?\s*(?:[~≈>]\s*)?(?<![\d.])\b{_HEIGHT_QTY}\s*-?\s*{_HEIGHT_UNIT}(?![\w'])",
        re.I,
    ),
    re.compile(rf"(?<![\w.]){_HEIGHT_QTY}\s*-?\s*{_HEIGHT_UNIT}\s+(?:fall|drop|tumble)\b", re.I),
    # the height told after the place, set apart by a comma: "Fell off the top of the bale stack in
    # the shed yesterday, about 10 foot", "fell off the 2nd lift when a board tipped, bout 4 metre"
    re.compile(
        r"\b(?:fell|fallen|came\s+off|come\s+off|tumbled)\b[^.!?,;]{1,60},\s*(?:about|'?bout|abt|around|roughly|approximately"
        rf"|approx\.?|nearly|almost|over|maybe|probably|easily|at\s+least|a\s+good)\s+{_HEIGHT_QTY}\s*-?\s*{_HEIGHT_UNIT}(?![\w'])",
        re.I,
    ),
]
_FEET = frozenset({"ft", "feet", "foot", "'"})


def fall_heights(text: str) -> Iterator[ValueMention]:
    """Heights fallen from, in metres."""
    for pattern in _FALL_HEIGHT:
        for m in pattern.finditer(text):
            qty = parse_number(re.sub(r"\s+", " ", m.group("q")))
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


#: Blood levels in mmol/L, always with a decimal point ("K+ 3.3", "Mg 0.62", "adj Ca 2.05"): a bare
#: "Ca" is also a note's cancer and "mg" a dose, so only a decimal value is a level.
_MINERAL = re.compile(
    r"\b(?:(?P<k>k\+?|potassium|serum\s+k)|(?P<m>mg2?\+?|magnesium)"
    r"|(?P<c>(?:adj(?:usted)?\.?\s+|corr(?:ected)?\.?\s+)?ca2?\+?|calcium))"
    r"\s*(?:of\s+|is\s+|was\s+|level\s+|[:=]\s*)?(?P<v>\d\.\d{1,2})(?!\d|\s*(?:y|yrs?|years?|m|mths?|months?|w|wks?|weeks?|d|days?|cm|kg|mg|g)\b)",
    re.I,
)
#: Below these the level is low: potassium 3.5, magnesium 0.7, (adjusted) calcium 2.2 mmol/L.
_LOW_BELOW = {"k": 3.5, "m": 0.7, "c": 2.2}
_PLAUSIBLE = {"k": (1.5, 9.0), "m": (0.1, 3.0), "c": (1.0, 4.0)}


def mineral_levels(text: str) -> Iterator[ValueMention]:
    """Blood potassium, magnesium and calcium levels, as "low" or "normal" (high is not low)."""
    for m in _MINERAL.finditer(text):
        key = next(k for k in ("k", "m", "c") if m.group(k))
        value = float(m.group("v"))
        low, high = _PLAUSIBLE[key]
        if low <= value <= high:
            yield ValueMention("mineral_level", "low" if value < _LOW_BELOW[key] else "normal", m.start(), m.end())


_WEIGHT_UNIT = r"(?:kg|kgs|kilos?|lbs?|pounds|st|stone)"


def _weight(name: str) -> str:
    """One weight told, its number named ``name`` and its unit ``u`` + ``name``: "72", "65 kg"."""
    return rf"(?P<{name}>\d{{1,3}}(?:\.\d)?)\s*(?P<u{name}>{_WEIGHT_UNIT})?"


def _lead(words: str) -> str:
    """A word for weight and up to 20 characters before the first number ("weight down from")."""
    return rf"\b(?:{words})\b[^\d.;\n]{{0,20}}?"


#: A weight told before and after: "Wt 72 -> 65 kg", "weight down from 80kg to 72kg", "weighed 11
#: stone, now 10 stone".
_WEIGHT_CHANGE = re.compile(
    _lead("wt|weight|weighed|weighing|weighs") + _weight("a")
    + r"\s*(?:->|-->|=>|→|>|to|down to|now|,\s*now)\s*" + _weight("b") + r"\b",
    re.I,
)  # fmt: skip
#: The same told now first: "Weight 84 kg today vs 92 kg in June", "wt 65, down from 72", "Wt 71.2 kg
#: today (78.0 kg in 06/2026)".
_WEIGHT_NOW_THEN = re.compile(
    _lead("wt|weight|weighs|weighing") + _weight("b")
    + r"\s*(?:today|now|currently|this\s+week)?\s*,?\s*(?:vs\.?|versus|compared\s+(?:to|with)"
    + r"|(?:was|down|dropped)\s+from|from|\()\s*" + _weight("a") + r"\b",
    re.I,
)  # fmt: skip
#: Weight lost on purpose is no warning sign ("not dieting" still counts).
_ON_PURPOSE = re.compile(
    r"(?<!not )(?<!n't )(?<!no )\b(?:diet\w*|on purpose|deliberate\w*|intentional\w*|trying to lose|slimming"
    r"|weight watchers|ozempic|wegovy|mounjaro|fasting|calorie\w*)",
    re.I,
)


def weight_changes(text: str) -> Iterator[ValueMention]:
    """The share of body weight lost between two weights (0.1 for 80 to 72 kg; a gain is 0 or
    less), unless the same line says it was lost on purpose."""
    for m in [*_WEIGHT_CHANGE.finditer(text), *_WEIGHT_NOW_THEN.finditer(text)]:
        before, after = float(m.group("a")), float(m.group("b"))
        units = {(m.group(u) or "").lower()[:2] for u in ("ua", "ub")} - {""}
        line_end = re.search(r"[;\n]|\.(?!\d)", text[m.end() :])
        rest = text[m.end() : m.end() + line_end.start()] if line_end else text[m.end() :]
        if before <= 0 or len(units) > 1 or _ON_PURPOSE.search(rest):
            continue
        yield ValueMention("weight_change", round((before - after) / before, 3), m.start(), m.end())
