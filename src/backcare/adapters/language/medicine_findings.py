"""Findings about medicines: the medicines taken, several paracetamol products, and paracetamol
taken at a rate over the label's daily maximum."""

from __future__ import annotations

import re
from collections.abc import Mapping

from backcare.adapters.language.doses import OF_EACH, TABLET_MG
from backcare.adapters.language.mentions import Analysis, Mention
from backcare.adapters.language.readings import Read, Status, record
from backcare.adapters.language.subjects import Proxy, counts_for_person
from backcare.adapters.language.value_findings import value_mentions


def _products_taken(analysis: Analysis, proxy: Proxy) -> dict[str, Mention]:
    """Each paracetamol-containing product the person takes, by name, at its first mention."""
    taken: dict[str, Mention] = {}
    for mention in analysis.mentions:
        if mention.label == "product" and not mention.negated and counts_for_person(mention, proxy):
            taken.setdefault(_product_key(mention), mention)
    return taken


def _product_key(product: Mention) -> str:
    return " ".join(product.norms).replace("-", " ").replace("  ", " ")


def read_products(analysis: Analysis, proxy: Proxy, out: dict[str, Read]) -> None:
    """Two or more different paracetamol-containing products taken: several products (whether
    that is more than the daily maximum is a question of amounts, asked separately)."""
    taken = _products_taken(analysis, proxy)
    if len(taken) >= 2:
        first = min(taken.values(), key=lambda m: m.start)
        evidence = ", ".join(m.text for m in sorted(taken.values(), key=lambda m: m.start))
        record(out, "paracetamol_several_products", "present", evidence, first.start, True)


#: The label's daily maximum of paracetamol, in 500 mg tablets (4 g).
MAX_TABLETS_A_DAY = 8
#: A dose that says what each tablet holds ("2 x 665 mg", "30/500"): its count is already in 500 mg tablets.
_STRENGTH_TOLD = re.compile(r"\d{3,4}\s*mg|\d\s*/\s*\d{3}|\b\d+(?:\.\d+)?\s*(?:g|gm|grams?)\b", re.I)


#: Words before a dose that make it a limit, not what was taken ("max 2 tabs QDS").
_LIMIT_BEFORE = re.compile(
    r"\b(?:max(?:imum)?|up\s+to|no\s+more\s+than|not\s+more\s+than|limit(?:\s+of)?|allowed|says|said|label)\W*(?:\w+\W+){0,2}$",
    re.I,
)


def _dose_product(analysis: Analysis, dose: Mention) -> Mention | None:
    """The medicine a dose belongs to: the medicine named nearest to it in its sentence (before
    it, or inside the dose's words), if that is a paracetamol product; None otherwise."""
    named = [
        m
        for m in analysis.mentions
        if m.label in {"product", "medicine"} and m.sentence == dose.sentence and not m.negated
    ]
    before = [m for m in named if m.start < dose.end]
    pool = before or named
    if not pool:
        return None
    nearest = min(pool, key=lambda m: (max(dose.start - m.end, m.start - dose.end, 0), m.label != "product"))
    products = [m for m in named if m.label == "product" and m.start < nearest.end and nearest.start < m.end]
    return products[0] if products else None


def _is_limit(analysis: Analysis, dose: Mention) -> bool:
    """Whether words just before a dose in its sentence make it a limit ("max 2 tabs QDS"); a
    product's own name is not one ("Lemsip Max 2 sachets every 4 hours")."""
    lo = max(analysis.sentence_spans[dose.sentence][0], dose.start - 40)
    limit = _LIMIT_BEFORE.search(analysis.text, lo, dose.start)
    return limit is not None and not any(
        m.label == "product" and m.start <= limit.start() < m.end for m in analysis.mentions
    )


def _told_alone(analysis: Analysis, total: Mention) -> bool:
    """Whether a total is the only amount in a sentence that names no medicine: "I added it all up
    and I'm at 3 g today" is the sum of the paracetamol products named before it."""
    amounts = {"product", "medicine", "doses_per_day", "dose_total"}
    return not any(m.sentence == total.sentence and m is not total and m.label in amounts for m in analysis.mentions)


def read_doses(analysis: Analysis, proxy: Proxy, out: dict[str, Read], strengths: Mapping[str, int]) -> None:
    """Paracetamol taken at a rate over the daily maximum is paracetamol overuse: one product
    ("co-codamol, two every four hours") or several added up ("co-codamol 30/500 2 tabs QDS" is
    the maximum; "and paracetamol 1 g" on top is over it). Each dose counts for the paracetamol
    product named nearest to it in its sentence, and the same dose of the same product once; a
    tablet of a product in ``strengths`` (mg) for more than 500 mg, unless the dose says its
    strength. A total the person states ("3 g altogether") already holds the doses they listed:
    the larger of the two counts."""
    doses: dict[tuple[str, float], Mention] = {}
    for mention, value in value_mentions(analysis, "doses_per_day", proxy):
        if _is_limit(analysis, mention):
            continue
        if OF_EACH.search(mention.text):  # "about 12 of each": that count of every product taken
            for name in _products_taken(analysis, proxy):
                doses.setdefault((name, float(value.value)), mention)
            continue
        product = _dose_product(analysis, mention)
        if product is None:
            continue
        key = _product_key(product)
        mg = None if _STRENGTH_TOLD.search(mention.text) else strengths.get(key)
        doses.setdefault((key, float(value.value) * (mg or TABLET_MG) / TABLET_MG), mention)
    taken = _products_taken(analysis, proxy)
    stated = [
        (m, float(v.value))
        for m, v in value_mentions(analysis, "dose_total", proxy)
        if _dose_product(analysis, m) is not None or (taken and _told_alone(analysis, m))
    ]
    total = max([sum(tablets for _, tablets in doses), *(tablets for _, tablets in stated)])
    if total > MAX_TABLETS_A_DAY:
        deciding = [m for m, tablets in stated if tablets == total]  # a stated total that decides is evidence too
        counted = sorted({m.start: m for m in [*doses.values(), *deciding]}.values(), key=lambda m: m.start)
        status: Status = "possible" if any(m.uncertain for m in counted) else "present"
        evidence = "; ".join(m.text for m in counted)
        record(out, "paracetamol_overuse", status, evidence, counted[0].start, True)
    elif stated and not any(m.uncertain for m, _ in stated):
        # the person's own sum, under the maximum ("I added it all up and I've had 3 g"): not over
        record(out, "paracetamol_overuse", "absent", stated[0][0].text, stated[0][0].start, False)


#: Just before a medicine's name: it is no longer taken ("so I stopped the Lemsip straight away"; not
#: a question, "Should I stop Atorva myself?").
_STOPPED = re.compile(
    r"(?<!not\s)(?<!n't\s)(?<!never\s)(?<!should\si\s)(?<!shall\si\s)(?<!can\si\s)(?<!do\si\s)(?<!must\si\s)"
    r"\b(?:stopped|stop|quit|came\s+off|come\s+off|gave\s+up|given\s+up"
    r"|no\s+longer\s+(?:take|taking|on))"
    r"\s+(?:taking\s+|using\s+)?(?:the\s+|my\s+|all\s+the\s+)?$",
    re.I,
)


#: Before a medicine's name in its sentence: one of the things not taken ("not taking any
#: medication at all, prescribed or over the counter, including painkillers", "not even paracetamol").
_NONE_INCLUDING = re.compile(
    r"(?:\b(?:not|never|no)\b|n't\b)[^.!?;]{0,80}\b(?:any|anything|no)\b[^.!?;]{0,80}"
    r"\b(?:including|incl\.?|not\s+even|even|such\s+as|like)\s+(?:any\s+|the\s+|my\s+)?$"
    r"|\bnot\s+even\s+(?:any\s+|a\s+|the\s+)?$"
    # "co-codamol, nothing else with paracetamol in"
    r"|\b(?:nothing|not\s+anything)\s+else\s+(?:with|containing|that\s+(?:has|contains)"
    r"|which\s+(?:has|contains))\s+(?:any\s+)?$",
    re.I,
)


def read_medicines(analysis: Analysis, proxy: Proxy, generic: Mapping[str, str], out: dict[str, Read]) -> None:
    """The medicines the person takes, by generic name, in the order first named (not one they
    say they have stopped, unless they name it again)."""
    names: list[str] = []
    evidence: list[str] = []
    first = None
    stopped = {  # each medicine stopped, and where: a mention before that is the past
        str(m.payload): m.start
        for m in analysis.mentions
        if m.label == "medicine" and _STOPPED.search(analysis.text[max(0, m.start - 40) : m.start])
    }
    for mention in analysis.mentions:
        if mention.label != "medicine" or mention.negated or not counts_for_person(mention, proxy):
            continue
        if mention.start <= stopped.get(str(mention.payload), -1) or _NONE_INCLUDING.search(
            analysis.text[analysis.sentence_spans[mention.sentence][0] : mention.start]
        ):
            continue
        name = generic.get(str(mention.payload))
        if name and name not in names:
            names.append(name)
            evidence.append(mention.text)
            first = mention.start if first is None else first
    if names:
        record(out, "medications", "present", ", ".join(evidence), first or 0, names)
