"""``assess`` on what the prefetch says, memoised: an EHR calls the hook each time a chart opens.

The note is read once by the packaged text reader and that reading handed to ``assess`` (the
same as ``POST /api/v1/assess``), which also learns from it whether the note is about the back.
``assess`` is a pure function of the note, the structured answers and the day, so the result of
the last ``MEMO_SIZE`` distinct requests is kept; ``memo_stats`` says how often that helped. The
assessment is made without its plan: the cards never show it (their SMART link opens it in the app).
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from backcare.adapters.interop.cds_facts import Facts

if TYPE_CHECKING:
    from backcare.core.models import Assessment

MEMO_SIZE = 512
MemoKey = tuple[str | None, str, bool, dt.date]


@dataclass(frozen=True)
class Evaluation:
    assessment: Assessment
    back_pain_known: bool


@dataclass(frozen=True)
class MemoStats:
    """Lookups answered from the memo (``hits``) and evaluations computed (``misses``) since start."""

    hits: int
    misses: int
    size: int

    @property
    def hit_rate(self) -> float:
        total = self.hits + self.misses
        return self.hits / total if total else 0.0


_memo: OrderedDict[MemoKey, Evaluation] = OrderedDict()
_memo_lock = threading.Lock()
_counts = {"hits": 0, "misses": 0}


def _key(facts: Facts, today: dt.date) -> MemoKey:
    return (facts.note, json.dumps(facts.answers, sort_keys=True, separators=(",", ":")), facts.back_pain_known, today)


def remembered(facts: Facts, today: dt.date) -> Evaluation | None:
    """The memoised evaluation of these facts, if any (cheap: the route answers it without a thread)."""
    key = _key(facts, today)
    with _memo_lock:
        found = _memo.get(key)
        if found is not None:
            _memo.move_to_end(key)
            _counts["hits"] += 1
        return found


def memo_stats() -> MemoStats:
    with _memo_lock:
        return MemoStats(_counts["hits"], _counts["misses"], len(_memo))


def evaluate(facts: Facts, today: dt.date) -> Evaluation:
    """``assess`` on the note and the structured answers; memoised (it is a pure function of them)."""
    from backcare.bootstrap import knowledge, read_text
    from backcare.core.assessment import assess

    found = remembered(facts, today)
    if found is not None:
        return found
    kb = knowledge()
    note = facts.note
    reading = read_text(note, kb, today) if note else None
    known = facts.back_pain_known or bool(reading is not None and reading.understanding.in_scope)
    answers = dict(facts.answers)
    if not known:
        answers["back_pain"] = False  # nothing says back pain: only the general emergency checks apply
    reader = (lambda *_: reading) if reading is not None else None
    # the cards show the triage, never the plan (a link opens it in the app): the plan is not built
    result = assess(answers=answers, text=note, today=today, kb=kb, reader=reader, with_plan=False)
    ev = Evaluation(result, known)
    with _memo_lock:
        _counts["misses"] += 1
        _memo[_key(facts, today)] = ev
        while len(_memo) > MEMO_SIZE:
            _memo.popitem(last=False)
    return ev


def nothing_to_read(facts: Facts) -> bool:
    """No note, no back pain on record and no fever reading: no card can come of it."""
    return facts.note is None and not facts.back_pain_known and not facts.answers.get("fever")
