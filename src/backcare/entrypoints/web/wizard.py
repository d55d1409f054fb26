"""The assessment pages' form state: describe, check what was understood, answer what is still needed.

The whole state travels in the form itself (the text, the answers so far as JSON, which questions
were already put), so any worker can serve the next step and nothing is stored until the person
asks for the result. What to ask and when the result is final is the conversation policy shared
with the terminal (``backcare.core.conversation``); this module only turns it into form controls and
form fields back into answers.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from backcare.core.conversation import Prompt, Reply, checklist_reply
from backcare.core.models import Assessment, Finding
from backcare.knowledge import KnowledgeBase
from backcare.knowledge.schema import URGENCY, Disposition, FindingDef

BATCH = 5
PAGE = 8  # questions looked ahead for one step: enough to gather a safety checklist
MAX_STATE_IDS = 400
UNKNOWN = "unknown"
CHOICE = "checklist.choice"
CHECKLIST_CHOICES = (("none", "No"), ("unsure", "Not sure"))
BOOL_CHOICES = (("yes", "Yes"), ("no", "No"), ("possible", "Not sure"), (UNKNOWN, "Don't know / skip"))


@dataclass
class State:
    text: str | None = None
    answers: dict[str, Any] = field(default_factory=dict)
    asked: list[str] = field(default_factory=list)
    understood: list[str] = field(default_factory=list)
    singly: list[str] = field(default_factory=list)  # safety questions whose checklist was "not sure"

    def hidden(self) -> dict[str, str]:
        """The state as hidden form fields."""
        return {
            "text": self.text or "",
            "answers": json.dumps(self.answers, separators=(",", ":")),
            "asked": ",".join(self.asked),
            "understood": ",".join(self.understood),
            "singly": ",".join(self.singly),
        }


def _ids(raw: str | None, kb: KnowledgeBase) -> list[str]:
    items = [s for s in (raw or "").split(",") if s in kb.findings]
    return list(dict.fromkeys(items))[:MAX_STATE_IDS]


def read_state(form: Mapping[str, Any], kb: KnowledgeBase) -> State:
    """The state carried by a submitted form; anything malformed is dropped, never trusted."""
    text = form.get("text")
    text = text.strip() if isinstance(text, str) and text.strip() else None
    answers: dict[str, Any] = {}
    raw = form.get("answers")
    if isinstance(raw, str) and raw:
        try:
            loaded = json.loads(raw)
        except ValueError:
            loaded = {}
        if isinstance(loaded, dict):
            answers = {k: v for k, v in loaded.items() if isinstance(k, str) and k in kb.findings}
    asked = form.get("asked")
    understood = form.get("understood")
    singly = form.get("singly")
    return State(
        text=text,
        answers=answers,
        asked=_ids(asked if isinstance(asked, str) else None, kb),
        understood=_ids(understood if isinstance(understood, str) else None, kb),
        singly=_ids(singly if isinstance(singly, str) else None, kb),
    )


def encode_value(finding: Finding | None, definition: FindingDef) -> str:
    """A finding's current value as the form control shows it ("" when unknown)."""
    if finding is None:
        return ""
    if definition.type == "bool":
        return {"present": "yes", "absent": "no", "possible": "possible"}[finding.status]
    if isinstance(finding.value, list):
        return ", ".join(finding.value)
    return "" if finding.value is None else str(finding.value)


def decode_value(raw: str, definition: FindingDef) -> Any:
    """A form field's text as an answer value, read as every front end reads typed answers."""
    from backcare.core.answers import answer_from_text

    return answer_from_text(raw, definition)


def apply_form(state: State, form: Mapping[str, Any], kb: KnowledgeBase) -> State:
    """Fold the submitted controls into the answers.

    ``f.<id>`` is a control's value and ``orig.<id>`` what it showed; ``put`` lists the questions
    the page showed. A question that was put is remembered as asked (even if left unanswered);
    an understood finding becomes a structured answer only when the person changed it, so its
    quoted evidence is kept otherwise.
    """
    answers = dict(state.answers)
    asked = list(state.asked)
    singly = list(state.singly)
    listed = _checklist(form, kb)
    if listed:
        reply = _checklist_reply(listed, form)
        answers.update(reply.answers)
        asked.extend(q for q in reply.asked if q not in asked)
        singly.extend(q for q in reply.singly if q not in singly)
    put = form.get("put")
    for fid in _ids(put if isinstance(put, str) else None, kb):
        if fid not in asked and fid not in state.understood:
            asked.append(fid)
    for key, raw in form.items():
        if not (isinstance(key, str) and key.startswith("f.") and isinstance(raw, str)):
            continue
        fid = key[2:]
        definition = kb.findings.get(fid)
        if definition is None or definition.computed or fid in listed:
            continue
        original = form.get(f"orig.{fid}")
        if fid in state.understood and isinstance(original, str):
            if raw.strip() != original.strip():
                answers[fid] = decode_value(raw, definition)
            continue
        if fid not in asked:
            asked.append(fid)
        value = decode_value(raw, definition)
        if value is None:
            answers.pop(fid, None)
        else:
            answers[fid] = value
    return State(
        text=state.text,
        answers=answers,
        asked=asked[:MAX_STATE_IDS],
        understood=state.understood,
        singly=singly[:MAX_STATE_IDS],
    )


def _checklist(form: Mapping[str, Any], kb: KnowledgeBase) -> list[str]:
    """The safety checklist the page showed (its yes/no items), unless the page is only drawn again."""
    raw = form.get("checklist")
    if form.get("action") == "show" or not isinstance(raw, str):
        return []
    return [fid for fid in _ids(raw, kb) if kb.findings[fid].type == "bool" and not kb.findings[fid].computed]


def _checklist_reply(ids: list[str], form: Mapping[str, Any]) -> Reply:
    """Ticked boxes, "None of these" or "Not sure", folded by the shared policy (nothing chosen is
    "not sure": each item is then asked on its own)."""
    ticked = [fid for fid in ids if form.get(f"f.{fid}") == "yes"]
    choice = form.get(CHOICE)
    return checklist_reply(Prompt(tuple(ids), None, True), ticked, none=choice == "none", unsure=choice == "unsure")


@dataclass(frozen=True)
class Control:
    """One question as a form control."""

    id: str
    question: str
    help: str
    type: str
    value: str
    choices: list[tuple[str, str]]
    min: int | None
    max: int | None
    screening: bool
    evidence: str | None = None
    corrected: bool = False
    error: str | None = None


def control(definition: FindingDef, finding: Finding | None, error: str | None = None) -> Control:
    if definition.type == "bool":
        choices = list(BOOL_CHOICES)
    elif definition.type == "enum":
        choices = [(v, definition.value_labels.get(v, v.replace("_", " "))) for v in definition.values]
        choices.append((UNKNOWN, "Don't know / skip"))
    else:
        choices = []
    return Control(
        id=definition.id,
        question=definition.question,
        help=definition.help,
        type=definition.type,
        value=encode_value(finding, definition),
        choices=choices,
        min=definition.min,
        max=definition.max,
        screening=definition.screening,
        evidence=finding.evidence if finding else None,
        corrected=bool(finding and finding.source == "answers"),
        error=error,
    )


@dataclass(frozen=True)
class Step:
    understood: list[Control]
    questions: list[Control]
    done: int
    total: int
    screening_left: int
    can_finish: bool
    urgent: bool
    checklist: str | None = None  # the title when the questions are one safety checklist


def step(
    state: State,
    result: Assessment,
    kb: KnowledgeBase,
    error: tuple[str, str] | None = None,
    ask: Sequence[str] | None = None,
    checklist: str | None = None,
) -> Step:
    """What the next page shows: the understood findings, the next questions and the progress.

    ``ask`` are the conversation's (``backcare.core.conversation.next_page``); the engine's full
    list when not given. With ``checklist`` (its title) they are one safety checklist, put together.
    """
    findings = {f.id: f for f in result.findings}
    understood = [
        control(kb.findings[fid], findings.get(fid), error[1] if error and error[0] == fid else None)
        for fid in state.understood
        if fid in kb.findings and not kb.findings[fid].computed
    ]
    pending = [
        q
        for q in (result.next_questions if ask is None else ask)
        if q not in state.asked and q not in state.answers and q in kb.findings and q not in state.understood
    ]
    quoted = {c.id: c.evidence for c in result.to_confirm}
    questions = [
        replace(
            control(kb.findings[fid], None, error[1] if error and error[0] == fid else None),
            evidence=quoted.get(fid),
            screening=fid in result.unanswered_screening or kb.findings[fid].screening,  # conditional ones too
        )
        for fid in (pending if checklist else pending[:BATCH])
    ]
    if error and error[0] in kb.findings and all(c.id != error[0] for c in [*understood, *questions]):
        questions.insert(0, control(kb.findings[error[0]], None, error[1]))
    answered = len([k for k, v in state.answers.items() if v is not None]) + len(
        [f for f in result.findings if f.source == "text" and f.id not in state.answers]
    )
    done = answered + len([q for q in state.asked if q not in state.answers])
    urgent = URGENCY[result.disposition] >= URGENCY[Disposition.urgent]
    screening_skipped = all(q in state.asked for q in result.unanswered_screening)
    return Step(
        understood=understood,
        questions=questions,
        done=done,
        total=done + len(pending),
        screening_left=len([q for q in result.unanswered_screening if q not in state.asked]),
        can_finish=not pending or screening_skipped or urgent,
        urgent=urgent,
        checklist=checklist if checklist and len(questions) > 1 and error is None else None,
    )


def understood_ids(result: Assessment) -> list[str]:
    """The findings read from the free text, in catalogue order."""
    return [f.id for f in result.findings if f.source == "text"]
