"""What an unanswered question could still raise, worked out once per pattern of undecided triggers:
the kept answer is the one a plain walk through every trigger gives, and the store is bounded."""

from __future__ import annotations

import random

from backcare.core.triage import triage
from backcare.knowledge import STAKE_CACHE_SIZE, KnowledgeBase, load_knowledge
from backcare.knowledge.schema import URGENCY

KB = load_knowledge()


def _plain(facts: dict[str, object], floor: int, kb: KnowledgeBase) -> dict[str, int]:
    """Every undecided trigger above ``floor``, walked in full: each unknown finding it asks about,
    at the highest urgency, most urgent first and in catalogue order within one."""
    truths = kb.trigger_truths(facts)
    highest: dict[str, int] = {}
    for truth, (_, candidate) in zip(truths, kb.triggers, strict=True):
        if truth is None and candidate.urgency > floor:
            for fid in candidate.askable:
                if facts.get(fid) is None and highest.get(fid, floor) < candidate.urgency:
                    highest[fid] = candidate.urgency
    return dict(sorted(highest.items(), key=lambda item: (-item[1], kb.order[item[0]])))


def test_the_kept_answer_is_the_plain_one() -> None:
    yes_no = [fid for fid, f in KB.findings.items() if f.type == "bool" and not f.computed]
    rng = random.Random(7)
    for _ in range(300):
        facts: dict[str, object] = {fid: rng.random() < 0.15 for fid in rng.sample(yes_no, rng.randint(0, 40))}
        facts["age"] = rng.choice([None, 12, 40, 75])
        result = triage(facts, KB)
        expected = _plain(facts, URGENCY[result.disposition], KB)
        assert {fid: URGENCY[d] for fid, d in result.open_findings.items()} == expected
        assert list(result.open_findings) == list(expected)


def test_the_store_is_bounded() -> None:
    assert KB.askers_at_stake.cache_info().maxsize == STAKE_CACHE_SIZE  # type: ignore[attr-defined]
