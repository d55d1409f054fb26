"""The plan's safety net: the warning signs to watch for, each with the action it warrants.

Red flags not fired (or fired below their most urgent level) that matter for this person: every
emergency-level flag that is still possible, plus any flag one new symptom away from firing, or
that would fire within 6 weeks if nothing changes (e.g. pain not improving).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from backcare.core.models import RedFlagHit, SafetyNetItem
from backcare.core.plan_common import KbIndex, int_fact, kb_index
from backcare.core.rules import Value
from backcare.knowledge import KnowledgeBase
from backcare.knowledge.schema import URGENCY, Disposition, RedFlagDef

WATCH_HORIZON_DAYS = 42  # a flag that would fire within this many days is on the safety net


def safety_net(facts: Mapping[str, Value], red_flags: Sequence[RedFlagHit], kb: KnowledgeBase) -> list[SafetyNetItem]:
    """Warning signs to watch for, most urgent first, each with the action it warrants."""
    fired = {h.id: h.disposition for h in red_flags}
    index = kb_index(kb)
    picked: list[tuple[RedFlagDef, Disposition]] = []
    for flag in kb.red_flags.values():
        top = index.top[flag.id]
        if flag.id in fired:
            relevant = URGENCY[fired[flag.id]] < URGENCY[top]
        elif top is Disposition.emergency:
            relevant = _still_possible(flag, facts, kb, index)
        else:
            relevant = _close_to_firing(flag, facts, kb, index)
        if relevant:
            picked.append((flag, top))
    picked.sort(key=lambda p: -URGENCY[p[1]])
    return [
        SafetyNetItem(
            red_flag=flag.id,
            watch_for=flag.watch_for,
            action=flag.action,
            disposition=top,
            sources=kb.citations(flag.sources),
        )
        for flag, top in picked
    ]


def _still_possible(flag: RedFlagDef, facts: Mapping[str, Value], kb: KnowledgeBase, index: KbIndex) -> bool:
    """False only when known facts about the person rule every trigger out (e.g. not pregnant)."""
    for trigger in flag.triggers:
        worst = {**facts, **dict.fromkeys(index.symptoms[trigger.when], True)}
        if kb.rule(trigger.when).evaluate(worst) is not False:
            return True
    return False


def _close_to_firing(flag: RedFlagDef, facts: Mapping[str, Value], kb: KnowledgeBase, index: KbIndex) -> bool:
    """One new symptom away from a soon-or-worse trigger, or firing within the watch horizon."""
    onset = int_fact(facts, "days_since_onset") or 0
    for trigger in flag.triggers:
        if URGENCY[trigger.disposition] < URGENCY[Disposition.soon]:
            continue
        rule = kb.rule(trigger.when)
        if rule.evaluate(facts) is True:
            continue  # true but not reported: suppressed by a more urgent flag
        for name in index.symptoms[trigger.when]:
            if facts.get(name) is not True and rule.evaluate({**facts, name: True}) is True:
                return True
        if "days_since_onset" in rule.findings:
            later = {**facts, "days_since_onset": onset + WATCH_HORIZON_DAYS}
            if rule.evaluate(later) is True:
                return True
    return False
