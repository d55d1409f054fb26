"""Likely contributors (clinical spec section 4), ranked, each with the findings that support it.

A contributor appears only when at least one of its supports is true; nothing is listed on priors
alone. The score combines independent supports as 1 - product(1 - weight).

Contributors are not shown where they could read as a harmless explanation of a warning sign
(spec section 6, 2026-12): never for an emergency, and for an urgent result only when every urgent
flag is one the catalogue marks ``keeps_contributors`` (a trapped nerve, pain nothing eases).
"""

from __future__ import annotations

from collections.abc import Mapping

from backcare.core.models import ContributorHit, RedFlagHit
from backcare.core.rules import Value
from backcare.knowledge import KnowledgeBase
from backcare.knowledge.schema import Disposition


def contributors_shown(disposition: Disposition, red_flags: list[RedFlagHit], kb: KnowledgeBase) -> bool:
    """Whether likely contributors belong in a result with this disposition and these flags."""
    if disposition == Disposition.emergency:
        return False
    if disposition == Disposition.urgent:
        urgent = [hit.id for hit in red_flags if hit.disposition == Disposition.urgent]
        return all(kb.red_flags[fid].keeps_contributors for fid in urgent)
    return True


def _named_medicines(facts: Mapping[str, Value], kb: KnowledgeBase) -> str:
    """The person's medicines that list cramps, by name and class, for the medication contributor."""
    from backcare.core.medicines import normalise_medicines

    listed = facts.get("medications")
    if not isinstance(listed, list):
        return ""
    matched, _ = normalise_medicines(listed, kb)
    names = [f"{m.generic} ({m.drug_class})" for m in matched if m.lists_cramps]
    return f" Yours: {', '.join(names)}." if names else ""


def rank_contributors(facts: Mapping[str, Value], kb: KnowledgeBase) -> list[ContributorHit]:
    hits: list[tuple[float, int, ContributorHit]] = []
    for order, contributor in enumerate(kb.contributors.values()):
        remaining = 1.0
        because: list[str] = []
        for support in contributor.supports:
            rule = kb.rule(support.when)
            if rule.evaluate(facts) is True:
                remaining *= 1 - support.weight
                because += [f for f in rule.supporting(facts) if f not in because]
        if because:
            score = round(1 - remaining, 3)
            explanation = contributor.explanation
            if "cramp_medicine" in because:
                explanation += _named_medicines(facts, kb)
            hit = ContributorHit(
                id=contributor.id,
                name=contributor.name,
                score=score,
                because=because,
                explanation=explanation,
                sources=kb.citations(contributor.sources),
            )
            hits.append((score, order, hit))
    hits.sort(key=lambda item: (-item[0], item[1]))
    return [hit for _, _, hit in hits]
