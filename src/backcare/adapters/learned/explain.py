"""Why a text was read as it was: each sentence with what each reader found, then the merge.

Used by ``backcare explain``; a clinician can see which reader raised a finding, on which words,
and with what confidence, and what the safety policy made of it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from pydantic import BaseModel

from backcare.adapters.learned.model import STATUSES
from backcare.adapters.learned.reading import packaged_model, read_text

if TYPE_CHECKING:
    from backcare.knowledge import KnowledgeBase

SHOWN = 0.2  # a model reading is listed when its chance of "mentioned" reaches this


class Read(BaseModel):
    finding: str
    status: str
    detail: str


class SentenceExplained(BaseModel):
    text: str
    rules: list[Read]
    model: list[Read]


class Explanation(BaseModel):
    sentences: list[SentenceExplained]
    merged: list[Read]
    to_confirm: list[Read]
    messages: list[str]


def _rule(rule_id: str | None) -> str:
    """Who read a finding: the vocabulary rule by its id, or the rule reader's number reading."""
    return f"rule {rule_id}" if rule_id else "rule reader"


def explain(text: str, kb: KnowledgeBase, today: dt.date) -> Explanation:
    """Each sentence with what each reader found (the rule's id, the model's score), then the merge."""
    reading = read_text(text, kb, today)
    model = packaged_model()
    pairs = [(s.text, reading.sentences[n - 1].text if n else "") for n, s in enumerate(reading.sentences)]
    probs = model.probabilities(pairs)
    rows: list[SentenceExplained] = []
    ids = reading.rules.rules
    for n, sentence in enumerate(reading.sentences):
        lowered = sentence.text.lower()
        rules = [
            Read(finding=f.id, status=f.status, detail=f"{_rule(ids.get(f.id))}, on “{f.evidence}”")
            for f in reading.rules.findings
            if f.evidence and f.evidence.lower() in lowered
        ]
        found = []
        for column, fid in enumerate(model.findings):
            mentioned = 1.0 - float(probs[n, column, 0])
            if mentioned >= SHOWN:
                best = int(probs[n, column, 1:].argmax()) + 1
                found.append(
                    Read(finding=fid, status=STATUSES[best], detail=f"model, {float(probs[n, column, best]):.2f}")
                )
        rows.append(SentenceExplained(text=sentence.text, rules=rules, model=found))
    merged = [
        Read(finding=f.id, status=f.status, detail=f"from “{f.evidence}”" if f.evidence else "")
        for f in reading.understanding.findings
    ]
    confirm = [
        Read(finding=c.id, status="to confirm", detail=f"“{c.evidence}” (model {c.reader_score:.2f})")
        for c in reading.to_confirm
    ]
    return Explanation(sentences=rows, merged=merged, to_confirm=confirm, messages=reading.understanding.messages)
