"""The sentence corpus as training examples, shared by the check and the trainer.

Each corpus entry is a sentence (with, optionally, the sentence before it) and the statuses of the
catalogue findings it speaks of. Findings it does not name are "none" for that sentence; that is
what teaches the reader which sentences do not raise a finding (the near misses).
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "training" / "corpus"
FINDINGS = ROOT / "src" / "backcare" / "knowledge" / "data" / "findings.yaml"
STATUSES = ("none", "present", "absent", "possible", "not_own")
# Not learned: back pain is assumed unless denied, and whether a text is about the back at all is
# the rule reader's call; the corpus writers labelled it unevenly.
NOT_LEARNED = frozenset({"back_pain"})


@dataclass(frozen=True)
class Example:
    text: str
    context: str
    labels: dict[str, str]
    where: str


def readable_ids() -> list[str]:
    """Yes/no findings a sentence can state: not computed, not questionnaire items, catalogue order."""
    entries = yaml.safe_load(FINDINGS.read_text(encoding="utf-8"))
    return [
        e["id"]
        for e in entries
        if e.get("type") == "bool"
        and not e.get("computed")
        and not e["id"].startswith("startback_")
        and e["id"] not in NOT_LEARNED
    ]


def load_examples() -> list[Example]:
    out: list[Example] = []
    for path in sorted(CORPUS.glob("*.yaml")):
        for n, entry in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")) or []):
            out.append(
                Example(
                    text=entry["text"].strip(),
                    context=(entry.get("context") or "").strip(),
                    labels={k: v for k, v in (entry.get("labels") or {}).items() if k not in NOT_LEARNED},
                    where=f"{path.name}[{n}]",
                )
            )
    return out


def corpus_digest() -> str:
    """A fingerprint of the corpus files, recorded with the model it trained."""
    digest = hashlib.sha256()
    for path in sorted(CORPUS.glob("*.yaml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def with_borrowed_context(examples: list[Example], share: float, seed: int) -> list[Example]:
    """Add copies whose context is another entry's sentence, labels unchanged.

    At run time the sentence before is always there; these copies teach the reader that what the
    previous sentence says is not a finding of this one.
    """
    rng = random.Random(seed)
    lonely = [e for e in examples if not e.context]
    extra = [
        Example(e.text, rng.choice(examples).text, e.labels, e.where + "+context")
        for e in rng.sample(lonely, int(len(lonely) * share))
    ]
    return examples + extra
