"""The conversation: what to ask next and when the result is final, for every interface.

The web wizard and the terminal both ask through this one policy. It puts only questions whose
answer could still change the result people see (the disposition, the plan's advice or its
exercises): readings of the text to confirm first, then the safety questions, then the rest. It
finds them by looking ahead: the assessment is re-run with each possible answer, which is cheap
because ``assess`` is pure and the text is read once. An emergency ends the conversation at once,
and so does the moment nothing left could change the result.

Safety questions are put as a few checklists ("Do you have any of these?", grouped by the
catalogue's ``checklist`` title), each item still its own answer: "none of these" records each as
absent, ticked items present and the rest absent, and "not sure" leaves every item unknown and puts
each on its own afterwards (``singly``), since unknown is never taken as absent.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from backcare.core.models import Assessment
from backcare.knowledge import KnowledgeBase
from backcare.knowledge.schema import Disposition, FindingDef

if TYPE_CHECKING:
    from backcare.core.assessment import TextReader

Evaluate = Callable[[Mapping[str, Any]], Assessment]
"""The assessment of a set of answers (the text, date and knowledge base fixed by the caller)."""

SAMPLED_INT_VALUES = 8
ENTRY = frozenset({"back_pain"})  # why the person is here: not a cue for follow-up questions
FLAG_ITEM = "red_flag_"
FLAG_NOTES = ("__bring", "__wait")


@dataclass(frozen=True)
class Turn:
    """One turn of the conversation: the current result and the questions still worth asking."""

    result: Assessment
    questions: tuple[str, ...]
    checklists: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """The safety questions still to put, by checklist title (those to be asked singly left out)."""

    @property
    def final(self) -> bool:
        """Nothing left to ask can change the result (or it is an emergency)."""
        return not self.questions

    @property
    def emergency(self) -> bool:
        return self.result.disposition == Disposition.emergency


def evaluator(text: str | None, today: dt.date, kb: KnowledgeBase, reader: TextReader) -> Evaluate:
    """``assess`` for one description, reading the text once for the whole conversation."""
    from backcare.core.assessment import assess

    if text is None:
        return lambda answers: assess(answers=answers, today=today, kb=kb)
    reading = reader(text, kb, today)
    return lambda answers: assess(answers=answers, text=text, today=today, kb=kb, reader=lambda *_: reading)


def next_turn(
    answers: Mapping[str, Any],
    asked: Collection[str],
    evaluate: Evaluate,
    kb: KnowledgeBase,
    limit: int | None = None,
    singly: Collection[str] = (),
) -> Turn:
    """The result so far and what to ask now, most important first; ``asked`` are never put again.

    ``limit`` stops the look-ahead once that many questions are found (an interface that shows one
    question, or a page of five, needs no more); the turn is final exactly when none is found.
    ``singly`` are safety questions whose checklist was answered "not sure": each is put alone.
    """
    result = evaluate(answers)
    if result.disposition == Disposition.emergency:
        return Turn(result, ())
    done = set(asked) | {fid for fid, value in answers.items() if value is not None}
    confirm = [c.id for c in result.to_confirm if c.id not in done]
    # a safety question stays while the result claims self-care: an open one makes it unfinished
    keep_safety = result.disposition == Disposition.self_care
    safety = [q for q in result.unanswered_screening if q not in done and q not in confirm]
    rest = [q for q in result.next_questions if q not in done and q not in confirm and q not in safety]
    if not keep_safety:
        safety = [q for q in safety if _can_change(q, answers, result, evaluate, kb)]
    found = list(dict.fromkeys([*confirm, *safety]))
    changing: list[str] = []
    for q in rest:
        if limit is not None and len(found) + len(changing) >= limit:
            break
        if q in kb.findings and _can_change(q, answers, result, evaluate, kb):
            changing.append(q)
    gates = _gates(changing, {*done, *found}, result, kb)
    questions = tuple(dict.fromkeys([*found, *gates, *changing]))
    checklists = _checklists([q for q in safety if q not in singly], kb)
    return Turn(result, questions[:limit] if limit is not None else questions, checklists)


def _checklists(safety: list[str], kb: KnowledgeBase) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The open safety questions grouped by their checklist title, in the order they come."""
    groups: dict[str, list[str]] = {}
    for fid in safety:
        title = kb.findings[fid].checklist
        if title is not None:
            groups.setdefault(title, []).append(fid)
    return tuple((title, tuple(ids)) for title, ids in groups.items())


def _gates(questions: list[str], done: set[str], result: Assessment, kb: KnowledgeBase) -> list[str]:
    """Unknown facts that decide whether other questions apply (age, sex, pregnancy): asked before them,
    since one answer can take several questions away (no pregnancy questions for a man)."""
    known = {f.id for f in result.findings}
    out: list[str] = []
    for fid in questions:
        definition = kb.findings[fid]
        for text in (definition.screening_when, definition.applies_when):
            if text is None:
                continue
            for gate in sorted(kb.rule(text).findings, key=list(kb.findings).index):
                usable = gate in kb.findings and not kb.findings[gate].computed
                if usable and gate not in known and gate not in done and gate not in questions[: questions.index(fid)]:
                    out.append(gate)
    return list(dict.fromkeys(out))


def _outcome(result: Assessment) -> tuple[Any, ...]:
    """What people see of a result, for comparison: the disposition, the advice and the exercises.

    A warning sign's own plan items come with its disposition, so they are left out here: a sign
    below the result's urgency is only mentioned, and it does not make a question worth asking.
    """
    plan = result.plan
    if plan is None:
        return (result.disposition, (), ())
    items = tuple(i.id for i in plan.items if not i.id.startswith(FLAG_ITEM) and not i.id.endswith(FLAG_NOTES))
    return (result.disposition, items, tuple(e.id for e in plan.exercises))


def _can_change(
    fid: str, answers: Mapping[str, Any], result: Assessment, evaluate: Evaluate, kb: KnowledgeBase
) -> bool:
    """Whether some answer to ``fid`` gives a different result from the one people would see now.

    A safety question is put whenever its answer could make the result more urgent. A warning sign
    that is not a safety question for this person is a follow-up: it is put only when what they
    already said is part of what would make it fire (fever, then "very unwell").
    """
    definition = kb.findings[fid]
    if definition.type == "list":
        return definition.plan_relevant
    now = _outcome(result)
    known = {f.id for f in result.findings if f.source in ("answers", "text")} - ENTRY
    safety = fid in result.unanswered_screening
    for value in candidate_values(definition, kb):
        after = evaluate({**answers, fid: value})
        if after.disposition != result.disposition:
            deciding = [hit for hit in after.red_flags if hit.disposition == after.disposition]
            if (
                safety
                or after.disposition == Disposition.self_care
                or any(set(hit.because) & (known - {fid}) for hit in deciding)
            ):
                return True
        elif _outcome(after) != now:
            return True
    return False


def candidate_values(definition: FindingDef, kb: KnowledgeBase) -> tuple[Any, ...]:
    """The answers worth trying: both for yes/no, every choice, and for numbers the rules' edges."""
    if definition.type == "bool":
        return (True, False)
    if definition.type == "enum":
        return tuple(definition.values)
    if definition.type == "int":
        return _int_values(definition.id, kb)
    return ()


def _int_values(fid: str, kb: KnowledgeBase) -> tuple[int, ...]:
    """Each edge a rule draws on this number (and its neighbours), plus an even spread of its range."""
    definition = kb.findings[fid]
    low = definition.min if definition.min is not None else 0
    high = definition.max if definition.max is not None else low + 100
    values = set(range(low, high + 1, max(1, (high - low) // SAMPLED_INT_VALUES)))
    values |= {low, high}
    for rule in kb.rules.values():
        if fid in rule.findings:
            values |= {edge + d for edge in _numbers(rule.source) for d in (-1, 0, 1)}
    return tuple(sorted(v for v in values if low <= v <= high))


def _numbers(source: str) -> set[int]:
    return {int(n) for n in re.findall(r"(?<![\w.])(\d+)(?![\w.])", source)}


@dataclass(frozen=True)
class Prompt:
    """What to put to the person at once: one question, or several yes/no ones as a checklist."""

    ids: tuple[str, ...]
    title: str | None = None
    safety: bool = False
    page: bool = False  # several single questions shown at once (``next_page``), not a checklist

    @property
    def checklist(self) -> bool:
        return len(self.ids) > 1 and not self.page


def next_prompt(turn: Turn, kb: KnowledgeBase) -> Prompt | None:
    """What to put now: a reading to confirm alone; a safety question with the rest of its checklist
    ("Do you have any of these?"), or alone when it has none or is left on its own; or every
    plan-shaping yes/no question of the same kind together (the medicine cautions).
    """
    if turn.final:
        return None
    first = turn.questions[0]
    for title, ids in turn.checklists:
        if first in ids:
            return Prompt(ids, title, True) if len(ids) > 1 else Prompt((first,), None, True)
    if not _listable(first, turn, kb):
        return Prompt((first,), None, first in turn.result.unanswered_screening)
    group = kb.findings[first].group
    return Prompt(tuple(q for q in turn.questions if _listable(q, turn, kb) and kb.findings[q].group == group))


def next_page(turn: Turn, kb: KnowledgeBase, size: int) -> Prompt | None:
    """For an interface that shows several questions at once (the web's pages): a safety checklist
    on its own, else the next single questions, up to ``size`` and stopping before a checklist."""
    prompt = next_prompt(turn, kb)
    if prompt is None or (prompt.checklist and prompt.safety):
        return prompt
    grouped = {q for _, ids in turn.checklists if len(ids) > 1 for q in ids}
    singles: list[str] = []
    for fid in turn.questions:
        if fid in grouped or len(singles) >= size:
            break
        singles.append(fid)
    return Prompt(tuple(singles), None, prompt.safety, page=True)


def _listable(fid: str, turn: Turn, kb: KnowledgeBase) -> bool:
    definition = kb.findings[fid]
    confirm = {c.id for c in turn.result.to_confirm}
    safety = set(turn.result.unanswered_screening)
    return definition.type == "bool" and not definition.screening and fid not in safety and fid not in confirm


@dataclass(frozen=True)
class Reply:
    """A checklist's answer folded into the conversation's state."""

    answers: dict[str, bool]
    asked: tuple[str, ...]
    singly: tuple[str, ...]


def checklist_reply(prompt: Prompt, ticked: Collection[str] = (), none: bool = False, unsure: bool = False) -> Reply:
    """Each item as its own answer: ticked ones present; the rest absent only on "none of these" or
    when some were ticked without doubt. "Not sure", a contradiction (ticks with "none"), or no answer
    at all leaves the rest unknown, to be asked one by one (safety); a plan checklist left so is
    skipped, as a single question would be.
    """
    present = [q for q in prompt.ids if q in ticked]
    rest = [q for q in prompt.ids if q not in ticked]
    answers = dict.fromkeys(present, True)
    if rest and (none != bool(present)) and not unsure:
        return Reply({**answers, **dict.fromkeys(rest, False)}, prompt.ids, ())
    if not rest or not prompt.safety:
        return Reply(answers, prompt.ids, ())
    return Reply(answers, tuple(present), tuple(rest))
