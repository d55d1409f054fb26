"""Red flags and the overall disposition: a pure function of the facts and the knowledge base.

The overall disposition is the most urgent one among the red flags that fire (self-care when none
does). Alongside, the engine works out which flags *could* still fire if unknown findings were
answered, which is what the next-question selection uses.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import compress

from backcare.core.models import RedFlagHit
from backcare.core.rules import Truth, Value
from backcare.core.wording import DISPOSITION_TEXT
from backcare.knowledge import FlagTrigger, KnowledgeBase
from backcare.knowledge.schema import URGENCY, Disposition, RedFlagDef, Trigger


@dataclass(frozen=True)
class Triage:
    disposition: Disposition
    red_flags: list[RedFlagHit]
    open_findings: dict[str, Disposition]
    """Unknown findings that could still raise urgency, with the most urgent disposition at stake:
    the most urgent first, in catalogue order within an urgency."""


def most_urgent(dispositions: list[Disposition]) -> Disposition:
    return max(dispositions, key=URGENCY.__getitem__, default=Disposition.self_care)


def triage(facts: Mapping[str, Value], kb: KnowledgeBase) -> Triage:
    truths = kb.trigger_truths(facts)
    best: dict[str, tuple[RedFlagDef, FlagTrigger]] = {}  # flag id -> its most urgent trigger that fires
    for flag, candidate in compress(kb.triggers, truths):  # only True is truthy: the triggers that fire
        if flag.id not in best or candidate.urgency > best[flag.id][1].urgency:
            best[flag.id] = (flag, candidate)
    fired = [(flag, c.trigger, c.rule.supporting(facts)) for flag, c in best.values()]
    top = most_urgent([t.disposition for _, t, _ in fired])
    hits = [
        RedFlagHit(
            id=flag.id,
            name=flag.name,
            disposition=trigger.disposition,
            because=because,
            advice=trigger.action or flag.action,
            explanation=flag.explanation,
            sources=kb.citations(flag.sources),
        )
        for flag, trigger, because in fired
        if not _suppressed(flag, fired)
    ]
    hits.sort(key=lambda h: -URGENCY[h.disposition])
    return Triage(disposition=top, red_flags=hits, open_findings=_at_stake(truths, facts, URGENCY[top], kb))


def _at_stake(
    truths: Sequence[Truth], facts: Mapping[str, Value], floor: int, kb: KnowledgeBase
) -> dict[str, Disposition]:
    """Each unknown finding that could still raise urgency above ``floor``: those an undecided trigger
    (truth None) asks about, with the most urgent disposition such a trigger could give. The most
    urgent come first, in catalogue order within an urgency (the order questions are asked in)."""
    get = facts.get
    return {fid: disposition for fid, disposition in kb.askers_at_stake(tuple(truths), floor) if get(fid) is None}


def headline(disposition: Disposition, red_flags: list[RedFlagHit]) -> str:
    """The one action people see first: the deciding red flag's own action (spec section 1).

    The deciding flag is the most urgent one, the first in catalogue order among equals (the
    hits come sorted that way). Self-care has no deciding flag: it gets the disposition's words.
    """
    deciding = next((hit for hit in red_flags if hit.disposition == disposition), None)
    if deciding is None or disposition == Disposition.self_care:
        return DISPOSITION_TEXT[disposition]
    return deciding.advice


def _suppressed(flag: RedFlagDef, fired: list[tuple[RedFlagDef, Trigger, list[str]]]) -> bool:
    if flag.suppressed_at is None:
        return False
    limit = URGENCY[flag.suppressed_at]
    return any(other.id != flag.id and URGENCY[t.disposition] >= limit for other, t, _ in fired)
