"""Scoring of the validated questionnaires (clinical spec section 7), from raw answers only.

Scores are never entered by hand: each function takes the item answers and either returns the
published score or raises ``InstrumentError`` saying which answer is missing or invalid.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from backcare.core.models import PegResult, RmdqResult, StartBackResult

STARTBACK_ITEMS = tuple(f"startback_{n}" for n in range(1, 10))
PEG_ITEMS = ("peg_1", "peg_2", "peg_3")
BOTHERSOME_SCORING = {"not_at_all": 0, "slightly": 0, "moderately": 0, "very_much": 1, "extremely": 1}
RMDQ_ITEM_COUNT = 24


class InstrumentError(ValueError):
    """Missing or invalid questionnaire answers; the message names the item."""


def score_startback(answers: Mapping[str, object]) -> StartBackResult:
    """STarT Back (Hill 2008): items 1-8 agree = 1, item 9 'very much'/'extremely' = 1.

    Psychosocial subscale = items 5-9; subscale >= 4 is high risk, otherwise total <= 3 low and
    total >= 4 medium.
    """
    points: list[int] = []
    for item in STARTBACK_ITEMS[:8]:
        value = answers.get(item)
        if not isinstance(value, bool):
            raise InstrumentError(f"{item}: answer agree (true) or disagree (false)")
        points.append(int(value))
    bother = answers.get("startback_9")
    if bother not in BOTHERSOME_SCORING:
        raise InstrumentError(f"startback_9: answer one of {', '.join(BOTHERSOME_SCORING)}")
    points.append(BOTHERSOME_SCORING[str(bother)])
    total, psychosocial = sum(points), sum(points[4:])
    risk = "high" if psychosocial >= 4 else ("low" if total <= 3 else "medium")
    return StartBackResult(total=total, psychosocial=psychosocial, risk=risk)


def score_peg(items: Sequence[object]) -> PegResult:
    """PEG (Krebs 2009): the mean of three 0-10 items; a change of about 1 point matters."""
    if len(items) != 3:
        raise InstrumentError("PEG needs exactly three answers")
    checked: list[int] = []
    for number, value in enumerate(items, start=1):
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 10:
            raise InstrumentError(f"peg_{number}: answer a whole number from 0 to 10")
        checked.append(value)
    return PegResult(score=round(sum(checked) / 3, 2), items=(checked[0], checked[1], checked[2]))


def score_rmdq(ticked: Iterable[object]) -> RmdqResult:
    """Roland-Morris (1983): the number of the 24 statements ticked; a change of about 5 matters."""
    numbers: set[int] = set()
    for value in ticked:
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= RMDQ_ITEM_COUNT:
            raise InstrumentError(f"RMDQ item {value!r}: items are numbered 1 to {RMDQ_ITEM_COUNT}")
        numbers.add(value)
    return RmdqResult(score=len(numbers), ticked=sorted(numbers))


def startback_if_complete(answers: Mapping[str, object]) -> StartBackResult | None:
    """The STarT Back result when all nine items are answered, else None (partial is not scored)."""
    if any(answers.get(item) is None for item in STARTBACK_ITEMS):
        return None
    return score_startback(answers)


def startback_high_risk(answers: Mapping[str, object]) -> bool | None:
    """High risk depends only on the psychosocial items 5-9 (4 or more positive), so it can be
    settled before all nine items are answered; None while it still depends on unanswered items."""
    positive = unknown = 0
    for item in STARTBACK_ITEMS[4:]:
        value = answers.get(item)
        if value is None:
            unknown += 1
        elif item == "startback_9":
            positive += BOTHERSOME_SCORING.get(str(value), 0)
        else:
            positive += value is True
    if positive >= 4:
        return True
    return None if positive + unknown >= 4 else False


def peg_if_complete(answers: Mapping[str, object]) -> PegResult | None:
    values = [answers.get(item) for item in PEG_ITEMS]
    if any(v is None for v in values):
        return None
    return score_peg(values)
