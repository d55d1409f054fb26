"""Likely contributors (clinical spec section 4), ranked, each with the findings that support it.

A contributor appears only when at least one of its supports is true; nothing is listed on priors
alone. The score combines independent supports as 1 - product(1 - weight).
"""

from __future__ import annotations

from collections.abc import Mapping

from backcare.knowledge import KnowledgeBase
from backcare.models import ContributorHit
from backcare.rules import Value


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
            hit = ContributorHit(
                id=contributor.id,
                name=contributor.name,
                score=score,
                because=because,
                explanation=contributor.explanation,
                sources=kb.citations(contributor.sources),
            )
            hits.append((score, order, hit))
    hits.sort(key=lambda item: (-item[0], item[1]))
    return [hit for _, _, hit in hits]
