"""Which question to ask next: screening first, then what could still change the disposition, then
what shapes the plan. Questions that do not apply (pregnancy for a man, weeks when not pregnant) are
never asked.
"""

from __future__ import annotations

from collections.abc import Mapping

from backcare.core.rules import Value
from backcare.knowledge import KnowledgeBase
from backcare.knowledge.schema import Disposition


def _asked(facts: Mapping[str, Value], kb: KnowledgeBase) -> set[str]:
    """The findings a person with these facts may be asked: those whose ``applies_when`` rule is
    true (rules use possibly() for unknowns). The catalogue has a handful of distinct rules, so
    each is evaluated once here rather than once per question."""
    asked: set[str] = set()
    for rule, fids in kb.asked_groups:
        if rule is None or rule.evaluate(facts) is True:
            asked |= fids
    return asked


def _is_screening(finding_id: str, facts: Mapping[str, Value], kb: KnowledgeBase) -> bool:
    definition = kb.findings[finding_id]
    if definition.screening:
        return True
    return definition.screening_when is not None and kb.rule(definition.screening_when).evaluate(facts) is True


def open_questions(
    facts: Mapping[str, Value], open_findings: Mapping[str, Disposition], kb: KnowledgeBase
) -> tuple[list[str], list[str]]:
    """The screening questions nobody has answered yet, and every finding id worth asking, most
    important first: that screening, then what could still raise urgency, then what shapes the plan.

    Screening is for everyone (``screening``) or for this person (``screening_when`` is true), and
    only what may be asked of them. ``open_findings`` comes as triage gives it: most urgent first,
    catalogue order within an urgency.
    """
    asked = _asked(facts, kb)
    screening = [
        fid
        for fid in kb.screening_candidates
        if facts.get(fid) is None and fid in asked and _is_screening(fid, facts, kb)
    ]
    first = set(screening)
    raising = [fid for fid in open_findings if fid not in first and fid in asked]
    first.update(raising)
    plan = [fid for fid in kb.plan_questions if facts.get(fid) is None and fid not in first and fid in asked]
    return screening, [*screening, *raising, *plan]
