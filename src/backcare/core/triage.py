"""Red flags and the overall disposition: a pure function of the facts and the knowledge base.

The overall disposition is the most urgent one among the red flags that fire (self-care when none
does). Alongside, the engine works out which flags *could* still fire if unknown findings were
answered, which is what the next-question selection uses.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from backcare.core.models import RedFlagHit
from backcare.core.rules import Value
from backcare.core.wording import DISPOSITION_TEXT
from backcare.knowledge import KnowledgeBase
from backcare.knowledge.schema import URGENCY, Disposition, RedFlagDef, Trigger


@dataclass(frozen=True)
class Triage:
    disposition: Disposition
    red_flags: list[RedFlagHit]
    open_findings: dict[str, Disposition]
    """Unknown findings that could still raise urgency, with the most urgent disposition at stake."""


_BY_URGENCY = {urgency: disposition for disposition, urgency in URGENCY.items()}


def most_urgent(dispositions: list[Disposition]) -> Disposition:
    return max(dispositions, key=URGENCY.__getitem__, default=Disposition.self_care)


def triage(facts: Mapping[str, Value], kb: KnowledgeBase) -> Triage:
    fired: list[tuple[RedFlagDef, Trigger, list[str]]] = []
    at_stake: dict[str, int] = {}  # unknown finding -> the highest urgency an unknown rule with it could give
    for flag in kb.red_flags.values():
        best: Trigger | None = None
        because: list[str] = []
        for trigger in flag.triggers:
            rule = kb.rule(trigger.when)
            result = rule.evaluate(facts)
            if result is True and (best is None or URGENCY[trigger.disposition] > URGENCY[best.disposition]):
                best = trigger
                because = rule.supporting(facts)
            elif result is None:
                urgency = URGENCY[trigger.disposition]
                for fid in kb.askable[trigger.when]:
                    if facts.get(fid) is None and at_stake.get(fid, -1) < urgency:
                        at_stake[fid] = urgency
        if best is not None:
            fired.append((flag, best, because))

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
    stake = {fid: _BY_URGENCY[u] for fid, u in at_stake.items() if u > URGENCY[top]}
    return Triage(disposition=top, red_flags=hits, open_findings=stake)


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
