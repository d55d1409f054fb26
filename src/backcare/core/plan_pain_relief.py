"""The personal pain-relief gate (clinical spec section 6, "Pain relief is personal and says no out loud").

All wording is data: the ``nsaid__*`` items of ``advice.yaml`` (see its header). This module decides
which of them apply and fills in the person's own medicines:

- Anti-inflammatory tablets are left out when the ``oral_nsaid`` item's ``exclude_when`` is true.
  Then one explicit line says so, with every reason that holds (each a ``nsaid__reason_*`` item whose
  rule is true, naming the medicine or condition) and what is left (``nsaid__left_*``: a gel where it
  is allowed, paracetamol for comfort on a pharmacist's advice, the pregnancy or children's option,
  or "ask the doctor" while a warning sign outside the muscles is checked).
- When tablets stay, each ``nsaid__caution_*`` whose rule is true adds a named caution to them.
- Medicine names that are not recognised are listed back (``nsaid__unrecognised``), never dropped.

Medicine classes (``anticoagulant``, ``antiplatelet``, ``ssri_snri``, ...) come from the facts, and
also from the person's recognised medicines: a listed medicine that carries a class counts even if
the derived finding is missing, and when every listed name was recognised a class none of them
carries counts as absent.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from backcare.core.medicines import normalise_medicines
from backcare.core.models import PlanItem
from backcare.core.plan_common import kb_index, scope, truth
from backcare.core.rules import Value
from backcare.knowledge import KnowledgeBase
from backcare.knowledge.schema import AdviceDef

GATE = "nsaid"
TABLETS = "oral_nsaid"
GEL = "topical_nsaid"
LINE = f"{GATE}__tablets_excluded"
UNRECOGNISED = f"{GATE}__unrecognised"
NO_REASON = "of your health conditions or medicines"
"""Used only if no reason item explains an exclusion (tests keep the reasons complete)."""

_PLACEHOLDER = re.compile(r"\{([a-z_+]+)(?:\|([^}]*))?\}")


@dataclass(frozen=True)
class Medicines:
    """The person's medicines as the plan reads them: generic names by class, and unknown names."""

    by_tag: dict[str, list[str]] = field(default_factory=dict)
    unrecognised: list[str] = field(default_factory=list)
    all_recognised: bool = False


def read_medicines(facts: Mapping[str, Value], kb: KnowledgeBase) -> Medicines:
    meds = facts.get("medications")
    if not isinstance(meds, list):
        return Medicines()
    matched, unmatched = normalise_medicines(meds, kb)
    by_tag: dict[str, list[str]] = {}
    for med in matched:
        for tag in med.tags:
            by_tag.setdefault(tag, []).append(med.generic)
    return Medicines(by_tag=by_tag, unrecognised=unmatched, all_recognised=not unmatched)


def medicine_facts(facts: Mapping[str, Value], kb: KnowledgeBase) -> dict[str, bool]:
    """Medicine-class findings implied by the medicines list (see the module notes)."""
    meds = read_medicines(facts, kb)
    if not isinstance(facts.get("medications"), list):
        return {}
    out: dict[str, bool] = {}
    for tag in kb_index(kb).medicine_tags:
        if meds.by_tag.get(tag):
            out[tag] = True
        elif meds.all_recognised and kb.findings[tag].computed and facts.get(tag) is None:
            out[tag] = False
    return out


@dataclass(frozen=True)
class Gate:
    """What the gate adds to the plan."""

    excluded: bool
    """Anti-inflammatory tablets are left out for a contraindication or a dangerous combination."""
    line: PlanItem | None
    """The explicit "do not take" line (present exactly when ``excluded``)."""
    cautions: list[str]
    """Named cautions for the tablets item (only when they are not excluded)."""
    caution_sources: list[str]
    unrecognised: PlanItem | None


def pain_relief_gate(
    facts: Mapping[str, Value], kb: KnowledgeBase, *, child: bool, outside_muscles: bool, gel_shown: bool
) -> Gate:
    """The gate for this person. ``facts`` are the plan's effective facts (``plan.effective_facts``)."""
    meds = read_medicines(facts, kb)
    parts = {s[1]: a for aid, a in kb.advice.items() if (s := scope(aid)) and s[0] == GATE}
    tablets = kb.advice[TABLETS]
    excluded = bool(tablets.exclude_when) and truth(tablets.exclude_when or "", facts, kb) is True

    line: PlanItem | None = None
    cautions: list[str] = []
    caution_sources: list[str] = []
    if excluded:
        reasons = [a for part, a in parts.items() if part.startswith("reason_") and _holds(a, facts, kb)]
        option = parts[_option(facts, child=child, outside_muscles=outside_muscles, gel_shown=gel_shown)]
        template = parts[LINE.partition("__")[2]]
        text = fill(
            template.text,
            meds,
            reasons=join([fill(r.text, meds) for r in reasons], serial=True) if reasons else NO_REASON,
            options=fill(option.text, meds),
        )
        sources = [s for a in (template, *reasons, option) for s in a.sources]
        line = PlanItem(
            id=LINE,
            category=template.category,
            title=template.title,
            text=text,
            sources=kb.citations(dict.fromkeys(sources)),
        )
    else:
        for part, a in parts.items():
            if part.startswith("caution_") and _holds(a, facts, kb):
                cautions.append(fill(a.text, meds))
                caution_sources += kb.citations(a.sources)

    unrecognised: PlanItem | None = None
    if meds.unrecognised:
        a = kb.advice[UNRECOGNISED]
        unrecognised = PlanItem(
            id=a.id,
            category=a.category,
            title=a.title,
            text=fill(a.text, meds, names=join(meds.unrecognised)),
            sources=kb.citations(a.sources),
        )
    return Gate(excluded, line, cautions, list(dict.fromkeys(caution_sources)), unrecognised)


def _holds(advice: AdviceDef, facts: Mapping[str, Value], kb: KnowledgeBase) -> bool:
    return advice.when is not None and truth(advice.when, facts, kb) is True


def _option(facts: Mapping[str, Value], *, child: bool, outside_muscles: bool, gel_shown: bool) -> str:
    """Which ``nsaid__left_*`` part says what is left."""
    if child:
        return "left_child"
    if facts.get("pregnant") is True:
        return "left_pregnancy"
    if outside_muscles:
        return "left_ask"
    return "left_gel" if gel_shown else "left_paracetamol"


def fill(text: str, meds: Medicines, **values: str) -> str:
    """Replace ``{name}`` with ``values[name]`` and ``{TAG|fallback}`` with the person's medicines.

    ``{TAG1+TAG2|fallback}`` names the medicines of both classes once each (a combination product
    carries both), and falls back unless each class has a recognised medicine.
    """

    def replace(match: re.Match[str]) -> str:
        name, fallback = match.group(1), match.group(2)
        if name in values:
            return values[name]
        tags = name.split("+")
        if all(meds.by_tag.get(tag) for tag in tags):
            return join(list(dict.fromkeys(n for tag in tags for n in meds.by_tag[tag])))
        if fallback is None:
            raise KeyError(f"no value for placeholder {name!r} in {text!r}")
        return fallback

    return " ".join(_PLACEHOLDER.sub(replace, text).split())


def join(words: Sequence[str], serial: bool = False) -> str:
    """ "a", "a and b", "a, b and c"; with ``serial`` (clauses), "a, and b" and "a, b, and c"."""
    if len(words) <= 1:
        return "".join(words)
    comma = "," if serial else ""
    return f"{', '.join(words[:-1])}{comma} and {words[-1]}"
