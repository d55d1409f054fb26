"""Which question to ask next: screening first, then what could still change the disposition, then
what shapes the plan. Questions that do not apply (pregnancy for a man, weeks when not pregnant) are
never asked.
"""

from __future__ import annotations

from collections.abc import Mapping

from backcare.core.rules import Value
from backcare.knowledge import KnowledgeBase
from backcare.knowledge.schema import URGENCY, Disposition


def _asked(facts: Mapping[str, Value], kb: KnowledgeBase) -> set[str]:
    """The findings a person with these facts may be asked: those whose ``applies_when`` rule is
    true (rules use possibly() for unknowns). The catalogue has a handful of distinct rules, so
    each is evaluated once here rather than once per question."""
    asked: set[str] = set()
    for rule, fids in kb.asked_groups:
        if rule is None or rule.evaluate(facts) is True:
            asked |= fids
    return asked


def unanswered_screening(facts: Mapping[str, Value], kb: KnowledgeBase) -> list[str]:
    """Screening questions for this person nobody has answered yet, in catalogue order: screening for
    everyone (``screening``) or for this person (``screening_when`` is true), and asked of them."""
    asked = _asked(facts, kb)
    return [
        fid
        for fid in kb.screening_candidates
        if facts.get(fid) is None and fid in asked and _is_screening(fid, facts, kb)
    ]


def _is_screening(finding_id: str, facts: Mapping[str, Value], kb: KnowledgeBase) -> bool:
    definition = kb.findings[finding_id]
    if definition.screening:
        return True
    return definition.screening_when is not None and kb.rule(definition.screening_when).evaluate(facts) is True


def next_questions(
    facts: Mapping[str, Value],
    open_findings: Mapping[str, Disposition],
    kb: KnowledgeBase,
    screening: list[str] | None = None,
) -> list[str]:
    """Finding ids worth asking, most important first.

    ``screening`` is ``unanswered_screening(facts, kb)`` when the caller has it already.
    """
    if screening is None:
        screening = unanswered_screening(facts, kb)
    asked = _asked(facts, kb)
    first = set(screening)
    raising = sorted((fid for fid in open_findings if fid not in first and fid in asked), key=kb.order.__getitem__)
    most_urgent_first = {fid: -URGENCY[disposition] for fid, disposition in open_findings.items()}
    raising.sort(key=most_urgent_first.__getitem__)  # a stable sort: catalogue order within an urgency
    first.update(raising)
    plan = [fid for fid in kb.plan_questions if facts.get(fid) is None and fid not in first and fid in asked]
    return [*screening, *raising, *plan]
