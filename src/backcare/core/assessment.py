"""``assess``: findings plus the knowledge base in, an ``Assessment`` out. The functional core.

Free text (when given) is understood into findings first; structured answers win over text;
then the engine adds computed facts, triages, ranks contributors, scores the questionnaires and
builds the plan. No I/O happens here: the knowledge base, the date and the text reader are arguments
(``backcare.bootstrap.assess`` wires the packaged ones).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from backcare.core.answers import derived_findings, facts_from, is_unknown, parse_answers
from backcare.core.causes import contributors_shown, rank_contributors
from backcare.core.instruments import peg_if_complete, startback_if_complete
from backcare.core.models import Assessment, Finding, Scores, ToConfirm, yes_no_finding
from backcare.core.questions import open_questions
from backcare.core.triage import headline, triage
from backcare.core.wording import DISPOSITION_TEXT
from backcare.knowledge import KnowledgeBase
from backcare.knowledge.schema import Disposition


class TextUnderstanding(Protocol):
    """What the core needs from a reader's understanding of a text (``adapters.language``)."""

    @property
    def findings(self) -> Sequence[Finding]: ...
    @property
    def messages(self) -> Sequence[str]: ...
    @property
    def in_scope(self) -> bool: ...


class TextReading(Protocol):
    """What a text reader hands the core: what it understood, and what it asks back."""

    @property
    def understanding(self) -> TextUnderstanding: ...
    @property
    def to_confirm(self) -> Sequence[ToConfirm]: ...


class TextReader(Protocol):
    """Reads free text into findings; the adapters provide one (``backcare.bootstrap.read_text``)."""

    def __call__(self, text: str, kb: KnowledgeBase, today: dt.date) -> TextReading: ...


OUT_OF_SCOPE = (
    "backcare covers back pain and back spasms only. The emergency checks below still apply; for "
    "anything else, ask a pharmacist, your GP or your local health advice line."
)


@dataclass(frozen=True)
class _Gathered:
    """What the text and the answers say, merged: the findings, and what the text left to confirm."""

    findings: dict[str, Finding]
    to_confirm: list[ToConfirm]
    messages: list[str]


def _gather(
    answers: Mapping[str, Any], text: str | None, today: dt.date, kb: KnowledgeBase, reader: TextReader | None
) -> _Gathered:
    """Read the text, then lay the structured answers over it: an answer always wins over the text."""
    if text is not None and reader is None:
        raise TypeError("assess: free text needs a reader (backcare.bootstrap.read_text)")
    merged: dict[str, Finding] = {}
    messages: list[str] = []
    to_confirm: list[ToConfirm] = []
    text_in_scope = True
    if text is not None and reader is not None:
        reading = reader(text, kb, today)
        merged.update({f.id: f for f in reading.understanding.findings})
        messages += reading.understanding.messages
        text_in_scope = reading.understanding.in_scope
        to_confirm = list(reading.to_confirm)
    answer_findings = parse_answers(answers, kb)
    if merged:  # an answer of "unknown" clears what the text said
        for cleared in [k for k, v in answers.items() if is_unknown(v)]:
            merged.pop(cleared, None)
    merged.update({f.id: f for f in answer_findings})
    to_confirm = [c for c in to_confirm if c.id not in merged]
    if not text_in_scope and "back_pain" not in merged and not answer_findings:
        merged["back_pain"] = yes_no_finding("back_pain", "absent", "derived")
    return _Gathered(merged, to_confirm, messages)


def assess(
    answers: Mapping[str, Any] | None = None,
    text: str | None = None,
    *,
    today: dt.date,
    kb: KnowledgeBase,
    reader: TextReader | None = None,
    with_plan: bool = True,
) -> Assessment:
    """Assess structured ``answers`` (finding id -> value) and/or free ``text``.

    Raises ``backcare.core.answers.AnswerError`` for an unusable answer. ``today`` anchors relative
    dates in text ("since Tuesday") and the plan's calendar. ``reader`` reads free text: it is
    required when ``text`` is given. ``with_plan=False`` leaves the plan out (``plan`` is None) for
    callers that only want the triage: it is most of the cost.
    """
    gathered = _gather(answers or {}, text, today, kb, reader)
    merged, to_confirm, messages = gathered.findings, gathered.to_confirm, gathered.messages
    facts = facts_from(merged.values(), kb)
    derived = derived_findings(facts, kb)
    merged.update({f.id: f for f in derived})
    facts.update(facts_from(derived, kb))
    in_scope = facts.get("back_pain") is not False

    result = triage(facts, kb)
    unanswered, questions = open_questions(facts, result.open_findings, kb)
    messages += _notes(in_scope, bool(unanswered) and result.disposition != Disposition.emergency)
    plan = None
    if in_scope and with_plan:
        from backcare.core.plan import build_plan

        plan = build_plan(facts, result.disposition, result.red_flags, kb, start=today)
    pain = facts.get("pain_score")
    return Assessment(
        disposition=result.disposition,
        disposition_text=DISPOSITION_TEXT[result.disposition],
        headline=headline(result.disposition, result.red_flags),
        complete=not unanswered and not to_confirm,
        in_scope=in_scope,
        unanswered_screening=unanswered,
        red_flags=result.red_flags,
        contributors=(
            rank_contributors(facts, kb)
            if in_scope and contributors_shown(result.disposition, result.red_flags, kb)
            else []
        ),
        findings=[merged[fid] for fid in sorted(merged, key=kb.order.__getitem__)],
        scores=Scores(
            nrs=pain if isinstance(pain, int) and not isinstance(pain, bool) else None,
            startback=startback_if_complete(facts),
            peg=peg_if_complete(facts),
        ),
        plan=plan,
        to_confirm=to_confirm,
        next_questions=_asked_back_first(to_confirm, questions),
        messages=messages,
        knowledge_version=kb.version,
    )


def _notes(in_scope: bool, unfinished: bool) -> list[str]:
    """The notes every reader of the result must see: out of scope, or not complete yet."""
    notes = [] if in_scope else [OUT_OF_SCOPE]
    if unfinished:
        notes.append(
            "Some safety questions are still unanswered, so this result is not complete and may become "
            "more urgent once they are answered."
        )
    return notes


def _asked_back_first(to_confirm: list[ToConfirm], questions: list[str]) -> list[str]:
    """Readings to confirm are asked before anything else: they quote what the person wrote."""
    if not to_confirm:
        return questions
    first = [c.id for c in to_confirm]
    return [*first, *(q for q in questions if q not in first)]
