"""The conversation policy shared by the web app and the terminal (``backcare.core.conversation``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backcare.bootstrap import read_text
from backcare.core.conversation import Prompt, Turn, checklist_reply, evaluator, next_prompt, next_turn
from backcare.core.wording import NOT_FINISHED, people_headline
from backcare.knowledge import load_knowledge
from backcare.knowledge.schema import Disposition, FindingDef

KB = load_knowledge()
TODAY = dt.date(2026, 12, 2)
SCREENING = [fid for fid, f in KB.findings.items() if f.screening]
EVALUATE = evaluator(None, TODAY, KB, read_text)


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
    real = evaluator("my back went lifting a box", TODAY, KB, read_text)

    def reader(text: str, kb: Any, today: dt.date) -> Any:
        calls.append(text)
        from backcare.adapters.learned.reading import read_text

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


def test_the_safety_questions_come_as_checklists_and_the_plan_cautions_together():
    first = next_turn({}, [], EVALUATE, KB, limit=8)
    prompt = next_prompt(first, KB)
    assert prompt is not None and prompt.checklist and prompt.safety and prompt.title
    assert prompt.ids[0] == first.questions[0] and set(prompt.ids) <= set(SCREENING)
    assert {KB.findings[q].checklist for q in prompt.ids} == {prompt.title}
    answers = {**dict.fromkeys(SCREENING, False), "age": 40, "sex": "male", "pain_score": 4, "days_since_onset": 2}
    asked: list[str] = []
    for _ in range(10):
        turn = next_turn(answers, asked, EVALUATE, KB, limit=8)
        prompt = next_prompt(turn, KB)
        assert prompt is not None
        if prompt.checklist:
            break
        asked.extend(prompt.ids)
    assert prompt.checklist and not prompt.safety and {KB.findings[q].group for q in prompt.ids} == {"health"}
    assert not set(prompt.ids) & set(SCREENING)


# --- Safety checklists ----------------------------------------------------------------------------

CHECKLISTS: dict[str, list[str]] = {}
for _fid, _f in KB.findings.items():
    if _f.checklist:
        CHECKLISTS.setdefault(_f.checklist, []).append(_fid)


def by_checklist(answer: Callable[[str], Any], reply_of: Callable[[Prompt], Any], limit: int = 60) -> Any:
    """Converse prompt by prompt: single questions from ``answer``, checklists from ``reply_of``."""
    answers: dict[str, Any] = {}
    asked: list[str] = []
    singly: list[str] = []
    prompts: list[Prompt] = []
    for _ in range(limit):
        turn = next_turn(answers, asked, EVALUATE, KB, limit=8, singly=singly)
        prompt = next_prompt(turn, KB)
        if prompt is None:
            return prompts, answers, turn
        prompts.append(prompt)
        if prompt.checklist:
            reply = reply_of(prompt)
            answers.update(reply.answers)
            asked.extend(reply.asked)
            singly.extend(reply.singly)
        else:
            asked.extend(prompt.ids)
            if (value := answer(prompt.ids[0])) is not None:
                answers[prompt.ids[0]] = value
    raise AssertionError("the conversation never ended")


def test_every_screening_question_belongs_to_a_checklist_of_several():
    assert len(CHECKLISTS) >= 4
    assert all(len(ids) >= 2 for ids in CHECKLISTS.values())
    assert {fid for fid in SCREENING} <= {fid for ids in CHECKLISTS.values() for fid in ids}
    assert KB.findings["paracetamol_overuse"].checklist is None  # "if not sure, answer yes": asked alone


def test_a_checklist_title_is_only_for_yes_no_safety_questions():
    with pytest.raises(ValueError, match="safety question"):
        FindingDef(id="x", group="episode", question="?", type="bool", checklist="Anything")
    with pytest.raises(ValueError, match="safety question"):
        FindingDef(id="x", group="person", question="?", type="int", min=0, max=3, screening=True, checklist="Age")


def test_none_of_these_records_each_item_absent_and_ticks_present_and_the_rest_absent():
    prompt = Prompt(("urinary_retention", "bowel_incontinence", "saddle_numbness"), "Bladder", True)
    none = checklist_reply(prompt, none=True)
    assert none.answers == dict.fromkeys(prompt.ids, False) and none.asked == prompt.ids and not none.singly
    ticked = checklist_reply(prompt, ["saddle_numbness"])
    assert ticked.answers == {"urinary_retention": False, "bowel_incontinence": False, "saddle_numbness": True}
    assert ticked.asked == prompt.ids and not ticked.singly


@pytest.mark.parametrize(
    ("ticked", "none", "unsure"), [((), False, True), ((), False, False), (("saddle_numbness",), True, False)]
)
def test_not_sure_no_answer_or_a_contradiction_leaves_the_rest_unknown_to_ask_singly(ticked, none, unsure):
    prompt = Prompt(("urinary_retention", "bowel_incontinence", "saddle_numbness"), "Bladder", True)
    reply = checklist_reply(prompt, ticked, none=none, unsure=unsure)
    assert not any(v is False for v in reply.answers.values())  # unknown is never taken as absent
    assert set(reply.singly) == set(prompt.ids) - set(ticked) and not set(reply.asked) & set(reply.singly)


def test_not_sure_puts_each_item_alone_and_the_result_is_never_self_care_while_one_is_open():
    title = KB.findings["urinary_retention"].checklist

    def reply_of(prompt: Prompt) -> Any:
        return checklist_reply(prompt, unsure=prompt.title == title, none=prompt.title != title)

    prompts, answers, final = by_checklist(lambda fid: None, reply_of)
    alone = [p.ids[0] for p in prompts if not p.checklist]
    assert set(CHECKLISTS[title]) <= set(alone)  # each was then asked on its own
    assert not any(fid in answers for fid in CHECKLISTS[title])
    assert not final.result.complete  # the engine's disposition is only a floor while one is open
    assert people_headline(final.result)[0] == NOT_FINISHED


def test_the_whole_safety_screen_takes_a_few_checklists():
    prompts, answers, final = by_checklist(no_to_everything, lambda p: checklist_reply(p, none=True))
    safety = [p for p in prompts if p.safety]
    assert len(safety) <= 5 and all(p.checklist for p in safety)
    assert all(answers[fid] is False for fid in SCREENING)  # each is its own answer
    assert final.result.disposition == Disposition.self_care and final.result.complete


def test_a_ticked_emergency_sign_ends_the_conversation_at_once():
    def reply_of(prompt: Prompt) -> Any:
        ticked = [q for q in prompt.ids if q == "saddle_numbness"]
        return checklist_reply(prompt, ticked, none=not ticked)

    prompts, answers, final = by_checklist(no_to_everything, reply_of)
    assert final.emergency and final.final and "saddle_numbness" in prompts[-1].ids
    assert answers["saddle_numbness"] is True and answers["urinary_retention"] is False


def test_answered_or_read_items_are_not_shown_again_and_a_reading_to_confirm_comes_first_alone():
    turn = next_turn({"fever": False, "urinary_retention": False}, ["leg_weakness"], EVALUATE, KB, limit=8)
    shown = {q for _, ids in turn.checklists for q in ids}
    assert not {"fever", "urinary_retention", "leg_weakness"} & shown

    def unsure_reader(text: str, kb: Any, today: dt.date) -> Any:
        from backcare.adapters.language import understand
        from backcare.adapters.learned.reading import Reading
        from backcare.core.models import ToConfirm

        rules = understand(text, kb, today)
        return Reading(
            rules, [ToConfirm(id="saddle_numbness", evidence="numb down there", reader_score=0.5)], rules, {}, []
        )

    evaluate = evaluator("my back hurts", TODAY, KB, reader=unsure_reader)
    read = next_turn({}, [], evaluate, KB, limit=8)
    assert read.result.to_confirm, "the reading of this text no longer asks to confirm"
    prompt = next_prompt(read, KB)
    assert prompt is not None and prompt.ids == ("saddle_numbness",) and not prompt.checklist
    after = next_prompt(next_turn({}, ["saddle_numbness"], evaluate, KB, limit=8), KB)
    assert after is not None and after.checklist and "saddle_numbness" not in after.ids


def test_conditional_safety_questions_come_as_their_own_checklists():
    answers = {**dict.fromkeys(SCREENING, False), "age": 62, "onset_sudden": True}
    prompt = next_prompt(next_turn(answers, [], EVALUATE, KB, limit=8), KB)
    assert prompt is not None and prompt.checklist
    assert set(prompt.ids) == {"tearing_pain", "pulsating_abdomen", "fainting", "known_aaa"}
    pregnant = {**dict.fromkeys(SCREENING, False), "age": 30, "sex": "female", "pregnant": True, "pregnancy_weeks": 30}
    prompt = next_prompt(next_turn(pregnant, [], EVALUATE, KB, limit=8), KB)
    assert prompt is not None and "reduced_fetal_movements" in prompt.ids and prompt.safety
    paracetamol = {**dict.fromkeys(SCREENING, False), "paracetamol_several_products": True}
    turn = next_turn(paracetamol, [], EVALUATE, KB, limit=8)
    prompt = next_prompt(turn, KB)
    assert prompt is not None and prompt.ids == ("paracetamol_overuse",) and prompt.safety


def test_the_last_open_item_of_a_checklist_is_asked_alone():
    left = CHECKLISTS[KB.findings["fever"].checklist]
    answers = {**dict.fromkeys(SCREENING, False)} | {left[-1]: None}
    answers = {k: v for k, v in answers.items() if v is not None}
    prompt = next_prompt(next_turn(answers, [], EVALUATE, KB, limit=8), KB)
    assert prompt is not None and prompt.ids == (left[-1],) and not prompt.checklist


def _titles() -> list[str]:
    return sorted({KB.findings[fid].checklist or "" for fid in SCREENING})


SELF_CARE_TITLE = people_headline(
    EVALUATE({**dict.fromkeys(SCREENING, False), "age": 40, "sex": "male", "days_since_onset": 2})
)[0]


@settings(max_examples=12, deadline=None)
@given(st.data())
def test_a_not_sure_never_yields_a_self_care_headline(data):
    """A checklist answered "not sure" (with or without some ticks) whose open items are then
    skipped one by one never ends on the self-care headline, whatever else is answered."""
    unsure = data.draw(st.sampled_from(_titles()))

    def reply_of(prompt: Prompt) -> Any:
        if prompt.title == unsure:
            ticked = data.draw(st.lists(st.sampled_from(prompt.ids), unique=True, max_size=len(prompt.ids) - 1))
            return checklist_reply(prompt, ticked, unsure=True)
        return checklist_reply(prompt, none=True)

    def answer(fid: str) -> Any:
        if KB.findings[fid].checklist == unsure or KB.findings[fid].type != "bool":
            return None
        return data.draw(st.sampled_from([None, False]))

    _, _, final = by_checklist(answer, reply_of)
    assert not final.result.complete or final.result.disposition != Disposition.self_care
    assert people_headline(final.result)[0] != SELF_CARE_TITLE


def test_a_checklist_on_a_question_that_is_not_safety_fails_at_load_with_file_and_line(tmp_path):
    import shutil
    from pathlib import Path

    from backcare.knowledge import KnowledgeError, load_knowledge

    data = Path(__file__).resolve().parents[1] / "src" / "backcare" / "knowledge" / "data"
    folder = tmp_path / "data"
    shutil.copytree(data, folder)
    path = folder / "findings.yaml"
    text = path.read_text()
    path.write_text(
        text.replace("- id: improving\n  group: episode\n", "- id: improving\n  group: episode\n  checklist: Oops\n")
    )
    line = text[: text.index("- id: improving")].count("\n") + 1
    with pytest.raises(KnowledgeError, match=rf"findings.yaml:{line}: entry 'improving'.*safety question"):
        load_knowledge(folder)


def test_a_page_of_single_questions_is_not_a_checklist():
    from backcare.core.conversation import next_page

    answers = {**dict.fromkeys(SCREENING, False), "age": 40, "sex": "male"}
    turn = next_turn(answers, [], EVALUATE, KB, limit=8, singly=["fever"])
    page = next_page(turn, KB, 5)
    assert page is not None and not page.checklist
    unsure = next_turn({}, [], EVALUATE, KB, limit=8, singly=SCREENING)
    page = next_page(unsure, KB, 5)
    assert page is not None and len(page.ids) > 1 and not page.checklist and set(page.ids) <= set(SCREENING)
