"""Small helpers shared by the care-plan modules (``plan``, ``plan_pain_relief``, ``plan_exercises``,
``plan_schedule``, ``plan_safety_net``): rule evaluation, fact access, day windows, scoped advice ids
and the per-knowledge-base lookups the plan needs on every call.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from backcare.core.rules import Rule, Truth, Value
from backcare.knowledge import KnowledgeBase
from backcare.knowledge.schema import URGENCY, Disposition

SCOPE_SEPARATOR = "__"
"""Advice ids of the form ``SCOPE__PART`` are scoped (see the header of ``advice.yaml``)."""


def truth(text: str, facts: Mapping[str, Value], kb: KnowledgeBase) -> Truth:
    """A rule of the knowledge base evaluated on ``facts`` (three-valued)."""
    return kb.rule(text).evaluate(facts)


def int_fact(facts: Mapping[str, Value], name: str) -> int | None:
    value = facts.get(name)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def in_window(from_day: int, until_day: int | None, first: int, last: int) -> bool:
    """Whether the window [from_day, until_day] overlaps [first, last] (all inclusive)."""
    return from_day <= last and (until_day is None or until_day >= first)


def scope(advice_id: str) -> tuple[str, str] | None:
    """``("kidney", "bring")`` for ``kidney__bring``; None for an ordinary advice id."""
    head, sep, part = advice_id.partition(SCOPE_SEPARATOR)
    return (head, part) if sep else None


@dataclass(frozen=True)
class KbIndex:
    """What the plan looks up in the knowledge base on every call, worked out once per knowledge base."""

    conditional: tuple[tuple[str, Rule], ...]
    """Yes/no findings asked only when their ``applies_when`` rule holds, in catalogue order."""
    top: dict[str, Disposition]
    """Each red flag's most urgent trigger disposition."""
    symptoms: dict[str, tuple[str, ...]]
    """For each red-flag trigger rule, the findings in it that could newly appear and would push it
    towards firing (see ``_symptoms``): those under ``not`` or ``unless`` are left out, because
    their turning present can only stop the trigger."""
    outside_muscles: frozenset[str]
    """Red flags outside the muscles: those with a ``FLAG__bring`` advice item."""
    medicine_tags: tuple[str, ...]
    """Medicine tags that are yes/no findings too (``anticoagulant``, ``antiplatelet``, ...)."""


_INDEXES: dict[str, KbIndex] = {}


def kb_index(kb: KnowledgeBase) -> KbIndex:
    """The plan's lookups for ``kb``, built on first use and kept per ``kb.version``.

    The plan is built on every assessment, and scanning the whole catalogue for these each time
    was a large share of its cost. ``kb.version`` fingerprints the data files, so two knowledge
    bases with the same version hold the same data and can share the index.
    """
    index = _INDEXES.get(kb.version)
    if index is None:
        triggers = [t for flag in kb.red_flags.values() for t in flag.triggers]
        tags = sorted({tag for med in kb.medicines.values() for tag in med.tags})
        index = KbIndex(
            conditional=tuple(
                (fid, kb.rule(f.applies_when)) for fid, f in kb.findings.items() if f.type == "bool" and f.applies_when
            ),
            top={
                flag.id: max((t.disposition for t in flag.triggers), key=URGENCY.__getitem__)
                for flag in kb.red_flags.values()
            },
            symptoms={t.when: _symptoms(kb, kb.rule(t.when)) for t in triggers},
            outside_muscles=frozenset(
                head for aid in kb.advice if (s := scope(aid)) and s[1] == "bring" and (head := s[0]) in kb.red_flags
            ),
            medicine_tags=tuple(t for t in tags if (f := kb.findings.get(t)) is not None and f.type == "bool"),
        )
        _INDEXES[kb.version] = index
    return index


def _symptoms(kb: KnowledgeBase, rule: Rule) -> tuple[str, ...]:
    """Yes/no findings of ``rule`` that could newly appear and count for it, in a stable order.

    Not computed, not reassuring, not about who you are, and not under ``not`` or ``unless``.
    """
    candidates = _newly_possible(kb, sorted(rule.findings))
    positive = set(rule.supporting(dict.fromkeys(candidates, True)))
    return tuple(n for n in candidates if n in positive)


def _newly_possible(kb: KnowledgeBase, names: Iterable[str]) -> list[str]:
    return [
        n
        for n in names
        if (f := kb.findings.get(n)) is not None
        and f.type == "bool"
        and not f.computed
        and not f.reassuring
        and f.group != "person"
    ]
