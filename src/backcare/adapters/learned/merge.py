"""One reading from two readers: the safety policy that merges the rules and the sentence model.

The policy, for every yes/no finding the model reads (thresholds in ``model/calibration.json``,
chosen on development data only):

- The model's reading of a finding is taken from its sentences: "own" (present or hedged) when
  some sentence gives P(present) + P(possible) >= ``fire``; "unsure" when the best is >= ``ask``;
  otherwise "absent" when some sentence gives P(absent) >= ``deny``, "not_own" likewise, unless
  some sentence states it as own at least ``torn`` surely (then the model says nothing of it).
- Warning-sign findings (those any red flag reads):
  - named by the rules as not the person's (hypothetical, someone else's), or in a sentence whose
    look-alike words the rules set aside (a leak on sneezing in pregnancy), but read as the
    person's own by the model: asked back;
  - read as the person's own by the rules: counts, unless the model reads it, with confidence
    >= ``veto``, as denied or not the person's (a denial of past trouble, "no previous bladder
    problems", is no veto); then it is asked back (``to_confirm``);
  - denied by the rules: stays denied, unless the model reads it as the person's own (or a hedged
    denial, which the model reads as hedged): then it is asked back, never recorded as absent;
    a denial stated as a measure ("well under the daily maximum", a vocabulary entry that
    ``settles``) stands whatever the model reads;
  - missed by the rules: the model's confident reading as the person's own counts (the sentence
    as evidence), a hedged one as "possible" (clinical spec section 1: an uncertain warning sign
    counts as present), unless the rules read a hedged denial of it ("I don't think I'm numb"),
    which is asked back, never recorded; an unsure reading is asked back; a denial counts only
    with confidence >= ``deny_safety``.
- Other findings: the rules win where they read anything; otherwise the model's confident reading
  (own or denied) is added.

A finding asked back is left unknown, so it can still raise the disposition once answered, and
the assessment is not complete while it is open.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from backcare.adapters.learned.model import MODEL_DIR, STATUSES
from backcare.adapters.learned.sentences import Sentence
from backcare.core.models import Finding, ToConfirm

PRESENT, ABSENT, POSSIBLE, NOT_OWN = (STATUSES.index(s) for s in ("present", "absent", "possible", "not_own"))


@dataclass(frozen=True)
class Thresholds:
    fire: float = 0.5
    ask: float = 0.25
    deny: float = 0.6
    deny_safety: float = 0.9
    veto: float = 0.95
    torn: float = 0.5
    """A finding some sentence states as the person's own at least this surely (below ``ask``)
    is not denied by the model from another: "I can't get my breath right" held at 0.5 and "It's
    not my chest" read as no breathlessness at 0.9 leave breathlessness unknown, not absent."""

    @classmethod
    def packaged(cls, folder: Path = MODEL_DIR) -> Thresholds:
        path = folder / "calibration.json"
        if not path.exists():
            return cls()
        values = json.loads(path.read_text(encoding="utf-8"))["thresholds"]
        return cls(**{k: float(v) for k, v in values.items()})


@dataclass(frozen=True)
class ModelReading:
    """The model's reading of one finding over the whole text."""

    finding: str
    kind: str  # "own", "unsure", "absent", "not_own"
    status: str  # "present" or "possible" for own readings; the kind otherwise
    score: float
    sentence: str


def model_readings(
    sentences: Sequence[Sentence], probs: npt.NDArray[np.float32], findings: Sequence[str], limits: Thresholds
) -> dict[str, ModelReading]:
    """Each finding the model reads in any sentence, reduced to one reading by the policy above."""
    out: dict[str, ModelReading] = {}
    if not sentences:
        return out
    own = own_scores(probs)
    for column, fid in enumerate(findings):
        best = int(np.argmax(own[:, column]))
        score = float(own[best, column])
        if score >= limits.ask:
            hedged = probs[best, column, POSSIBLE] > probs[best, column, PRESENT]
            kind = "own" if score >= limits.fire else "unsure"
            status = ("possible" if hedged else "present") if kind == "own" else kind
            out[fid] = ModelReading(fid, kind, status, score, sentences[best].text)
            continue
        if score >= limits.torn:
            continue
        for kind, index in (("absent", ABSENT), ("not_own", NOT_OWN)):
            row = int(np.argmax(probs[:, column, index]))
            value = float(probs[row, column, index])
            if value >= limits.deny:
                out[fid] = ModelReading(fid, kind, kind, value, sentences[row].text)
                break
    return out


def own_scores(probs: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """P(present) + P(possible): how surely each sentence states each finding as the person's own."""
    return probs[..., PRESENT] + probs[..., POSSIBLE]


def merge(
    rules: Sequence[Finding],
    readings: Mapping[str, ModelReading],
    warning_signs: frozenset[str],
    limits: Thresholds,
    rules_not_own: frozenset[str] = frozenset(),
    explained: Sequence[str] = (),
    doubted: frozenset[str] = frozenset(),
    settled: frozenset[str] = frozenset(),
) -> tuple[list[Finding], list[ToConfirm]]:
    """The merged findings and the readings to ask back, per the module's policy.

    ``rules_not_own``: findings the rules saw named but not as the person's own (hypothetical,
    someone else's); ``explained``: words the rules read as a look-alike and set aside. A warning
    sign the model reads as own against either is a disagreement, asked back. ``doubted``: findings
    the rules read as denied with a hedge (left unknown by them); ``settled``: findings the rules
    read as denied by a measure, which stand.
    """
    by_id = {f.id: f for f in rules}
    confirm: list[ToConfirm] = []
    set_aside = [words.lower() for words in explained if words]
    for fid, reading in readings.items():
        ruled = by_id.get(fid)
        disputed = fid in rules_not_own or any(words in reading.sentence.lower() for words in set_aside)
        if fid in warning_signs and disputed and ruled is None:
            decision = "ask" if reading.kind in ("own", "unsure") else "keep"
        elif fid in warning_signs:
            decision = _warning_sign(ruled, reading, limits, fid in doubted, fid in settled)
        else:
            decision = "keep" if ruled is not None else _other(reading)
        if decision == "ask":
            by_id.pop(fid, None)
            confirm.append(ToConfirm(id=fid, evidence=reading.sentence, reader_score=round(reading.score, 3)))
        elif decision == "model":
            by_id[fid] = _as_finding(reading)
    return list(by_id.values()), confirm


def _warning_sign(
    ruled: Finding | None, reading: ModelReading, limits: Thresholds, doubted: bool, settled: bool
) -> str:
    if ruled is not None and ruled.status in ("present", "possible"):
        vetoed = reading.kind in ("absent", "not_own") and reading.score >= limits.veto
        return "ask" if vetoed and not _PAST_DENIAL.search(reading.sentence) else "keep"
    if ruled is not None:  # denied by the rules; a denial stated as a measure stands
        return "ask" if reading.kind in ("own", "unsure") and not settled else "keep"
    if reading.kind == "own" and not doubted:
        return "model"  # present, or hedged ("I might have gone over"): an uncertain sign counts
    if reading.kind in ("own", "unsure"):
        return "ask"  # unsure, or the rules heard a hedged denial ("I don't think I'm numb"): ask it
    if reading.kind == "absent" and reading.score >= limits.deny_safety:
        return "model"
    return "keep"


#: A denial of past bladder or bowel trouble ("No previous bladder problems.") says nothing against
#: the incontinence told now ("two episodes today without warning").
_PAST_DENIAL = re.compile(
    r"\b(?:previous|previously|prior|past)\s+(?:history\s+of\s+)?(?:bladder|bowel|urinary|continence|waterworks)\b",
    re.I,
)


def _other(reading: ModelReading) -> str:
    return "model" if reading.kind in ("own", "absent") else "keep"


def _as_finding(reading: ModelReading) -> Finding:
    status = "absent" if reading.kind == "absent" else reading.status
    return Finding(
        id=reading.finding,
        status=status,
        value=status != "absent",
        evidence=reading.sentence,
        source="text",
    )
