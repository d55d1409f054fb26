"""Which question to ask next: screening first, then what could still change the disposition, then
what shapes the plan. Questions that do not apply (pregnancy for a man, weeks when not pregnant) are
never asked.
"""

from __future__ import annotations

from collections.abc import Mapping

from backcare.core.rules import Value
from backcare.knowledge import KnowledgeBase
from backcare.knowledge.schema import URGENCY, Disposition


def applies(finding_id: str, facts: Mapping[str, Value], kb: KnowledgeBase) -> bool:
    """A question applies when its ``applies_when`` rule is true (rules use possibly() for unknowns)."""
    if finding_id not in kb.asked_when:  # computed by the engine, never asked
        return False
    rule = kb.asked_when[finding_id]
    return rule is None or rule.evaluate(facts) is True


def is_screening(finding_id: str, facts: Mapping[str, Value], kb: KnowledgeBase) -> bool:
    """Screening for everyone (``screening``) or for this person (``screening_when`` is true)."""
    definition = kb.findings[finding_id]
    if definition.screening:
        return True
    return definition.screening_when is not None and kb.rule(definition.screening_when).evaluate(facts) is True


def unanswered_screening(facts: Mapping[str, Value], kb: KnowledgeBase) -> list[str]:
    """Screening questions for this person nobody has answered yet, in catalogue order."""
    return [
        fid
        for fid in kb.screening_candidates
        if facts.get(fid) is None and is_screening(fid, facts, kb) and applies(fid, facts, kb)
    ]


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
    first = set(screening)
    raising = sorted(
        (fid for fid in open_findings if fid not in first and applies(fid, facts, kb)),
        key=lambda fid: (-URGENCY[open_findings[fid]], kb.order[fid]),
    )
    first.update(raising)
    plan = [fid for fid in kb.plan_questions if facts.get(fid) is None and fid not in first and applies(fid, facts, kb)]
    return [*screening, *raising, *plan]
