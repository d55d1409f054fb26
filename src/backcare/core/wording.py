"""The words a result is shown in: one place, so the terminal, the report and the web pages say the same.

Each disposition has a sentence (the assessment's ``disposition_text``), a shouted banner word for
the terminal and Markdown, a short label and a one-line title for the web banner. "Because you
said" turns finding ids into the person's own words or the question with its answer: people never
see finding ids (spec section 6, 2026-12). An unfinished check is never headlined as self-care
(spec section 1).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from backcare.core.models import Assessment, Finding
from backcare.knowledge import KnowledgeBase
from backcare.knowledge.schema import Disposition


@dataclass(frozen=True)
class Wording:
    """How one disposition is said, from a whole sentence down to a one-word label."""

    text: str
    banner: str
    label: str
    title: str


DISPOSITIONS: dict[Disposition, Wording] = {
    Disposition.emergency: Wording(
        text=(
            "Call your emergency number (999 / 911 / 112) or go to an emergency department now "
            "(for pregnancy warning signs: call your maternity unit now)."
        ),
        banner="EMERGENCY",
        label="Emergency",
        title="Get emergency help now",
    ),
    Disposition.urgent: Wording(
        text="See a doctor today: a same-day GP appointment, urgent care or an out-of-hours service.",
        banner="SEE A DOCTOR TODAY",
        label="Urgent",
        title="See a doctor today",
    ),
    Disposition.soon: Wording(
        text=(
            "Book an appointment with a GP or physiotherapist within one to two weeks; "
            "meanwhile follow the self-care plan."
        ),
        banner="BOOK AN APPOINTMENT SOON",
        label="Soon",
        title="Book an appointment with a GP or physiotherapist within 1 to 2 weeks",
    ),
    Disposition.self_care: Wording(
        text="Manage at home with the plan below; it says exactly what should make you seek help.",
        banner="SELF-CARE",
        label="Self-care",
        title="You can look after your back at home",
    ),
}

DISPOSITION_TEXT: dict[Disposition, str] = {d: w.text for d, w in DISPOSITIONS.items()}
"""The assessment's ``disposition_text`` for each disposition."""

NOT_FINISHED = "CHECK NOT FINISHED"
"""The banner word of an unfinished check, in place of the disposition's."""

#: An unfinished check, in place of the disposition's words.
UNFINISHED = Wording(
    text="Answer the safety questions before relying on this result.",
    banner=NOT_FINISHED,
    label="Not finished",
    title="Answer the safety questions",
)

#: A yes/no finding's status as an answer.
ANSWER_WORDS = {"present": "yes", "absent": "no", "possible": "possibly"}


def unfinished(assessment: Assessment) -> bool:
    """A self-care result with safety questions unanswered: never headlined as self-care (spec section 1)."""
    return not assessment.complete and assessment.disposition == Disposition.self_care


def people_headline(assessment: Assessment) -> tuple[str, str]:
    """The banner word and the one action people see first.

    The action is the deciding flag's own (the maternity unit for labour, an emergency department for
    an overdose); an unfinished check says so and asks instead of saying "self-care".
    """
    if unfinished(assessment):
        count = len(assessment.unanswered_screening) + len(assessment.to_confirm)
        noun = "question" if count == 1 else "questions"
        return NOT_FINISHED, f"Answer the {count} safety {noun} below before relying on this result."
    return DISPOSITIONS[assessment.disposition].banner, assessment.headline


def because(ids: Sequence[str], findings: dict[str, Finding], kb: KnowledgeBase) -> list[str]:
    """Each reason in the person's words when they were typed, else the question with the answer."""
    out: list[str] = []
    for fid in ids:
        finding = findings.get(fid)
        definition = kb.findings.get(fid)
        if finding is not None and finding.evidence:
            out.append(f"“{finding.evidence}”")
        elif definition is None:
            out.append(fid.replace("_", " "))
        elif finding is None:
            out.append(definition.question)
        else:
            out.append(finding_label(finding, kb).strip())
    return out


def finding_label(finding: Finding, kb: KnowledgeBase) -> str:
    """A readable line for a finding: the catalogue question with the answer."""
    definition = kb.findings[finding.id]
    if definition.type == "bool":
        answer = ANSWER_WORDS.get(finding.status, "")
    elif isinstance(finding.value, list):
        answer = ", ".join(finding.value) or "none"
    else:
        answer = str(finding.value)
    return f"{definition.question} {answer}"
