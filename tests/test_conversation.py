"""The conversation policy shared by the web app and the terminal (``backcare.conversation``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from backcare.conversation import Turn, evaluator, next_turn
from backcare.knowledge import load_knowledge
from backcare.knowledge.schema import Disposition
from backcare.report import NOT_FINISHED, people_headline

KB = load_knowledge()
TODAY = dt.date(2026, 12, 2)
SCREENING = [fid for fid, f in KB.findings.items() if f.screening]
EVALUATE = evaluator(None, TODAY, KB)


def converse(answer: Callable[[str], Any], evaluate: Any = EVALUATE, limit: int = 80) -> tuple[list[str], Turn]:
    """Answer one question at a time until the conversation is final."""
    answers: dict[str, Any] = {}
    asked: list[str] = []
    for _ in range(limit):
        turn = next_turn(answers, asked, evaluate, KB, limit=1)
        if turn.final:
            return asked, turn
        asked.append(turn.questions[0])
        if (value := answer(turn.questions[0])) is not None:
            answers[turn.questions[0]] = value
    raise AssertionError("the conversation never ended")


def no_to_everything(fid: str) -> Any:
    return False if KB.findings[fid].type == "bool" else None


def test_safety_questions_come_first():
    turn = next_turn({}, [], EVALUATE, KB)
    assert set(turn.questions[: len(SCREENING)]) == set(SCREENING)


def test_an_emergency_ends_the_conversation_at_once():
    turn = next_turn({"urinary_retention": True}, [], EVALUATE, KB)
    assert turn.emergency and turn.final and turn.questions == ()
    asked, final = converse(lambda fid: fid == "saddle_numbness" or no_to_everything(fid))
    assert final.result.disposition == Disposition.emergency
    assert asked[-1] == "saddle_numbness"  # nothing was asked after the answer that made it an emergency


def test_it_stops_when_nothing_left_can_change_the_result():
    asked, final = converse(no_to_everything)
    assert final.result.disposition == Disposition.self_care and final.result.complete
    assert set(SCREENING) <= set(asked)
    left = [q for q in final.result.next_questions if q not in asked]
    assert left, "the engine still lists questions; the conversation stopped before them"
    assert len(asked) <= 30


def test_a_contributor_only_question_is_not_asked():
    answers = dict.fromkeys(SCREENING, False)
    turn = next_turn(answers, [], EVALUATE, KB)
    assert "trigger_lifting" not in turn.questions  # it changes the likely cause, not what to do


def test_a_man_is_not_asked_pregnancy_questions_and_sex_comes_before_pregnancy():
    asked, _ = converse(lambda fid: "male" if fid == "sex" else (40 if fid == "age" else no_to_everything(fid)))
    assert "pregnant" not in asked or asked.index("sex") < asked.index("pregnant")
    assert not {"regular_tightening", "vaginal_bleeding", "fluid_leak", "reduced_fetal_movements"} & set(asked)


def test_conditional_safety_questions_are_asked_when_they_apply():
    answers = {**dict.fromkeys(SCREENING, False), "age": 62, "onset_sudden": True}
    turn = next_turn(answers, [], EVALUATE, KB)
    assert {"pulsating_abdomen", "fainting", "known_aaa"} & set(turn.questions)


def test_skipped_safety_questions_never_end_as_self_care():
    asked, final = converse(lambda fid: None)
    assert set(SCREENING) <= set(asked)
    assert not final.result.complete
    title, action = people_headline(final.result)
    assert title == NOT_FINISHED and "safety" in action


@pytest.mark.parametrize("limit", [1, 3])
def test_a_limit_gives_the_first_questions_of_the_full_list(limit):
    answers = dict.fromkeys(SCREENING, False)
    full = next_turn(answers, [], EVALUATE, KB)
    short = next_turn(answers, [], EVALUATE, KB, limit=limit)
    assert short.questions == full.questions[:limit]


def test_the_text_is_read_once():
    calls: list[str] = []
    real = evaluator("my back went lifting a box", TODAY, KB)

    def reader(text: str, kb: Any, today: dt.date) -> Any:
        calls.append(text)
        from backcare.learned.reading import read_text

        return read_text(text, kb, today)

    evaluate = evaluator("my back went lifting a box", TODAY, KB, reader=reader)
    for answers in ({}, {"fever": False}, {"fever": False, "age": 40}):
        assert evaluate(answers).disposition == real(answers).disposition
    assert calls == ["my back went lifting a box"]


def test_a_soon_result_still_asks_the_safety_questions_that_could_make_it_an_emergency():
    answers = {"pain_over_3_months": False, "days_since_onset": 50, "improving": False}
    turn = next_turn(answers, [], EVALUATE, KB)
    assert turn.result.disposition != Disposition.self_care
    assert {"confusion_or_drowsiness", "saddle_numbness", "chest_pain"} <= set(turn.questions)


def test_a_safety_question_is_put_alone_and_the_plan_cautions_together():
    from backcare.conversation import next_prompt

    first = next_turn({}, [], EVALUATE, KB, limit=8)
    assert next_prompt(first, KB) == first.questions[:1] and first.questions[0] in SCREENING
    answers = {**dict.fromkeys(SCREENING, False), "age": 40, "sex": "male", "pain_score": 4, "days_since_onset": 2}
    asked: list[str] = []
    for _ in range(10):
        turn = next_turn(answers, asked, EVALUATE, KB, limit=8)
        prompt = next_prompt(turn, KB)
        if len(prompt) > 1:
            break
        asked.extend(prompt)
    assert len(prompt) > 1 and {KB.findings[q].group for q in prompt} == {"health"}
    assert not set(prompt) & set(SCREENING)
