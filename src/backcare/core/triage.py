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
from backcare.knowledge import FlagTrigger, KnowledgeBase
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
    known = facts.get
    for flag, triggers in kb.flag_triggers:
        best: FlagTrigger | None = None
        for candidate in triggers:
            result = candidate.rule.evaluate(facts)
            if result is None:
                for fid in candidate.askable:
                    if known(fid) is None and at_stake.get(fid, -1) < candidate.urgency:
                        at_stake[fid] = candidate.urgency
            elif result and (best is None or candidate.urgency > best.urgency):
                best = candidate
        if best is not None:
            fired.append((flag, best.trigger, best.rule.supporting(facts)))

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
