"""Which question to ask next: screening first, then what could still change the disposition, then
what shapes the plan. Questions that do not apply (pregnancy for a man, weeks when not pregnant) are
never asked.
"""

from __future__ import annotations

from collections.abc import Mapping

from backcare.core.rules import Value
from backcare.knowledge import KnowledgeBase
from backcare.knowledge.schema import Disposition


def _not_asked(facts: Mapping[str, Value], kb: KnowledgeBase) -> frozenset[str]:
    """The askable findings a person with these facts is not asked: those whose ``applies_when`` rule
    is not true (rules use possibly() for unknowns). The catalogue has a handful of distinct rules,
    so each is evaluated once here rather than once per question; most findings have none, so the
    few left out make the smaller set."""
    left_out: frozenset[str] = frozenset()
    for rule, fids in kb.asked_groups:
        if rule is not None and rule.evaluate(facts) is not True:
            left_out |= fids
    return left_out


def open_questions(
    facts: Mapping[str, Value], open_findings: Mapping[str, Disposition], kb: KnowledgeBase
) -> tuple[list[str], list[str]]:
    """The screening questions nobody has answered yet, and every finding id worth asking, most
    important first: that screening, then what could still raise urgency, then what shapes the plan.

    Screening is for everyone (``screening``) or for this person (``screening_when`` is true), and
    only what may be asked of them. ``open_findings`` comes as triage gives it: most urgent first,
    catalogue order within an urgency.
    """
    not_asked = _not_asked(facts, kb)  # every candidate below is askable: none is computed
    get = facts.get
    screening = [
        fid
        for fid, when in kb.screening_candidates
        if get(fid) is None and fid not in not_asked and (when is None or when.evaluate(facts) is True)
    ]
    first = set(screening)
    raising = [fid for fid in open_findings if fid not in first and fid not in not_asked]
    first.update(raising)
    plan = [fid for fid in kb.plan_questions if get(fid) is None and fid not in first and fid not in not_asked]
    return screening, [*screening, *raising, *plan]
