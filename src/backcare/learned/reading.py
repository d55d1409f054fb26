"""Free text to findings with both readers: the rules, the sentence model, and their merge.

``read_text`` is what ``assess`` calls for free text; ``explain`` returns the same work sentence by
sentence for ``backcare explain``. The model loads once per process, on first use.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from backcare.learned.merge import ModelReading, Thresholds, merge, model_readings
from backcare.learned.model import SentenceModel
from backcare.learned.sentences import Sentence, split
from backcare.models import ToConfirm

if TYPE_CHECKING:
    from backcare.knowledge import KnowledgeBase
    from backcare.language import Understanding

MODEL_UNAVAILABLE = "The learned reader could not run, so only the rule reader read the text."


@dataclass(frozen=True)
class Reading:
    understanding: Understanding
    to_confirm: list[ToConfirm]
    rules: Understanding
    model: dict[str, ModelReading]
    sentences: list[Sentence]


@cache
def packaged_model() -> SentenceModel:
    return SentenceModel.load()


@cache
def _warning_signs(kb: KnowledgeBase) -> frozenset[str]:
    return frozenset(f for flag in kb.red_flags.values() for t in flag.triggers for f in kb.rule(t.when).findings)


def strict() -> bool:
    """Tests set BACKCARE_STRICT_READING=1 so that a reader crash fails them instead of degrading."""
    return os.environ.get("BACKCARE_STRICT_READING") == "1"


def read_text(text: str, kb: KnowledgeBase, today: dt.date, limits: Thresholds | None = None) -> Reading:
    """Both readers over ``text`` and their merge (see ``backcare.learned.merge`` for the policy)."""
    from backcare.language import Understanding, understand

    rules = understand(text, kb, today)
    sentences = split(text[:100_000]) if isinstance(text, str) else []
    try:
        model = packaged_model()
        probs = model.probabilities([(s.text, sentences[n - 1].text if n else "") for n, s in enumerate(sentences)])
        readable = [fid for fid in model.findings if fid in kb.findings]
        columns = [model.findings.index(fid) for fid in readable]
        readings = model_readings(sentences, probs[:, columns, :], readable, limits or Thresholds.packaged())
    except Exception:  # a reading bug must not stop the triage: the rules' reading and the questions remain
        if strict():
            raise
        fallback = rules.model_copy(update={"messages": [*rules.messages, MODEL_UNAVAILABLE]})
        return Reading(fallback, [], rules, {}, sentences)
    if not rules.in_scope:
        readings = {fid: r for fid, r in readings.items() if fid in _warning_signs(kb)}
    findings, confirm = merge(rules.findings, readings, _warning_signs(kb), limits or Thresholds.packaged())
    merged = Understanding(findings=findings, in_scope=rules.in_scope, messages=rules.messages)
    return Reading(merged, confirm, rules, readings, sentences)
