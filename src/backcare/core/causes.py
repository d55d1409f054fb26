"""Likely contributors (clinical spec section 4), ranked, each with the findings that support it.

A contributor appears only when at least one of its supports is true; nothing is listed on priors
alone. The score combines independent supports as 1 - product(1 - weight).

Contributors are not shown where they could read as a harmless explanation of a warning sign
(spec section 6, 2026-12): never for an emergency, and for an urgent result only when every urgent
flag is one the catalogue marks ``keeps_contributors`` (a trapped nerve, pain nothing eases).
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import compress

from backcare.core.models import ContributorHit, RedFlagHit
from backcare.core.rules import Value
from backcare.knowledge import KnowledgeBase
from backcare.knowledge.schema import ContributorDef, Disposition


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
    """The contributors with a true support that names a finding, highest score first (catalogue order
    among equals): nothing is listed on priors alone."""
    found: dict[str, tuple[ContributorDef, list[float], list[str]]] = {}  # id -> contributor, weights, because
    for contributor, support in compress(kb.supports, kb.support_truths(facts)):  # only True is truthy
        _, weights, because = found.setdefault(contributor.id, (contributor, [], []))
        weights.append(support.weight)
        because += [f for f in kb.rule(support.when).supporting(facts) if f not in because]
    hits = [
        _hit(contributor, weights, because, facts, kb) for contributor, weights, because in found.values() if because
    ]
    hits.sort(key=lambda hit: -hit.score)  # stable: catalogue order among equal scores
    return hits


def _hit(
    contributor: ContributorDef, weights: list[float], because: list[str], facts: Mapping[str, Value], kb: KnowledgeBase
) -> ContributorHit:
    """Independent supports combine as 1 - product(1 - weight)."""
    remaining = 1.0
    for weight in weights:
        remaining *= 1 - weight
    explanation = contributor.explanation
    if "cramp_medicine" in because:
        explanation += _named_medicines(facts, kb)
    return ContributorHit(
        id=contributor.id,
        name=contributor.name,
        score=round(1 - remaining, 3),
        because=because,
        explanation=explanation,
        sources=kb.citations(contributor.sources),
    )
