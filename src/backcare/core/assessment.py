"""``assess``: findings plus the knowledge base in, an ``Assessment`` out. The functional core.

Free text (when given) is understood into findings first; structured answers win over text;
then the engine adds computed facts, triages, ranks contributors, scores the questionnaires and
builds the plan. No I/O happens here beyond reading the packaged knowledge base once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol

from backcare.core.answers import derived_findings, facts_from, is_unknown, parse_answers
from backcare.core.causes import contributors_shown, rank_contributors
from backcare.core.instruments import peg_if_complete, startback_if_complete
from backcare.core.models import DISPOSITION_TEXT, Assessment, Finding, Scores, ToConfirm
from backcare.core.questions import next_questions, unanswered_screening
from backcare.core.triage import headline, triage
from backcare.knowledge import KnowledgeBase, load_knowledge
from backcare.knowledge.schema import Disposition

if TYPE_CHECKING:
    from backcare.adapters.learned.reading import Reading


class TextReader(Protocol):
    def __call__(self, text: str, kb: KnowledgeBase, today: dt.date) -> Reading: ...


OUT_OF_SCOPE = (
    "backcare covers back pain and back spasms only. The emergency checks below still apply; for "
    "anything else, ask a pharmacist, your GP or your local health advice line."
)


def assess(
    answers: Mapping[str, Any] | None = None,
    text: str | None = None,
    today: dt.date | None = None,
    kb: KnowledgeBase | None = None,
    reader: TextReader | None = None,
    with_plan: bool = True,
) -> Assessment:
    """Assess structured ``answers`` (finding id -> value) and/or free ``text``.

    Raises ``backcare.core.answers.AnswerError`` for an unusable answer. ``today`` anchors relative
    dates in text ("since Tuesday") and the plan's calendar; it defaults to the current date.
    ``reader`` reads free text (both readers and their merge by default). ``with_plan=False``
    leaves the plan out (``plan`` is None) for callers that only want the triage: it is most of the cost.
    """
    kb = kb or load_knowledge()
    today = today or dt.date.today()
    messages: list[str] = []
    merged: dict[str, Finding] = {}
    text_in_scope = True
    to_confirm: list[ToConfirm] = []
    if text is not None:
        from backcare.adapters.learned.reading import read_text

        reading = (reader or read_text)(text, kb, today)
        merged.update({f.id: f for f in reading.understanding.findings})
        messages += reading.understanding.messages
        text_in_scope = reading.understanding.in_scope
        to_confirm = reading.to_confirm
    answer_findings = parse_answers(answers or {}, kb)
    for cleared in [k for k, v in (answers or {}).items() if is_unknown(v)]:
        merged.pop(cleared, None)
    merged.update({f.id: f for f in answer_findings})
    to_confirm = [c for c in to_confirm if c.id not in merged]
    if not text_in_scope and "back_pain" not in merged and not answer_findings:
        merged["back_pain"] = Finding(id="back_pain", status="absent", value=False, source="derived")

    facts = facts_from(merged.values(), kb)
    merged.update({f.id: f for f in derived_findings(facts, kb)})
    facts = facts_from(merged.values(), kb)
    in_scope = facts.get("back_pain") is not False

    result = triage(facts, kb)
    unanswered = unanswered_screening(facts, kb)
    if not in_scope:
        messages.append(OUT_OF_SCOPE)
    if unanswered and result.disposition != Disposition.emergency:
        messages.append(
            "Some safety questions are still unanswered, so this result is not complete and may become "
            "more urgent once they are answered."
        )

    plan = None
    if in_scope and with_plan:
        from backcare.core.plan import build_plan

        plan = build_plan(facts, result.disposition, result.red_flags, kb, start=today)

    pain = facts.get("pain_score")
    catalogue_order = {fid: n for n, fid in enumerate(kb.findings)}
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
        findings=sorted(merged.values(), key=lambda f: catalogue_order[f.id]),
        scores=Scores(
            nrs=pain if isinstance(pain, int) and not isinstance(pain, bool) else None,
            startback=startback_if_complete(facts),
            peg=peg_if_complete(facts),
        ),
        plan=plan,
        to_confirm=to_confirm,
        next_questions=_asked_back_first(to_confirm, next_questions(facts, result.open_findings, kb)),
        messages=messages,
        knowledge_version=kb.version,
    )


def _asked_back_first(to_confirm: list[ToConfirm], questions: list[str]) -> list[str]:
    """Readings to confirm are asked before anything else: they quote what the person wrote."""
    first = [c.id for c in to_confirm]
    return [*first, *(q for q in questions if q not in first)]
