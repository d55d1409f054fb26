"""The web flow's step builder: which questions come next and how they are marked."""

import datetime as dt

from backcare import assess
from backcare.bootstrap import knowledge
from backcare.entrypoints.web import wizard

KB = knowledge()


def test_conditional_safety_questions_are_marked_as_safety_questions():
    answers = {fid: False for fid, f in KB.findings.items() if f.screening}
    answers |= {"age": 30, "sex": "female", "pregnant": True, "pregnancy_weeks": 30}
    result = assess(answers=answers, today=dt.date(2026, 11, 22))
    step = wizard.step(wizard.State(answers=answers), result, KB)
    shown = {c.id: c for c in step.questions}
    assert "reduced_fetal_movements" in shown and shown["reduced_fetal_movements"].screening
    assert not KB.findings["reduced_fetal_movements"].screening  # safety only because she is pregnant


BLADDER = ["urinary_retention", "urinary_incontinence", "bowel_incontinence", "saddle_numbness"]


def fold(form: dict[str, str], state: wizard.State | None = None) -> wizard.State:
    return wizard.apply_form(state or wizard.State(), {"checklist": ",".join(BLADDER), **form}, KB)


def test_a_checklist_none_records_each_item_absent():
    state = fold({"checklist.choice": "none"})
    assert state.answers == dict.fromkeys(BLADDER, False) and state.asked == BLADDER and not state.singly


def test_a_ticked_checklist_records_the_ticks_present_and_the_rest_absent():
    state = fold({"f.bowel_incontinence": "yes"})
    assert state.answers == {**dict.fromkeys(BLADDER, False), "bowel_incontinence": True}


def test_not_sure_or_nothing_chosen_leaves_every_item_unknown_and_asked_alone():
    for form in ({"checklist.choice": "unsure"}, {}, {"f.saddle_numbness": "no"}):
        state = fold(form)
        assert state.answers == {} and state.singly == BLADDER and state.asked == []
        assert wizard.read_state(state.hidden(), KB).singly == BLADDER  # it travels with the form


def test_ticks_with_none_of_these_keep_the_ticks_and_ask_the_rest_alone():
    state = fold({"f.saddle_numbness": "yes", "checklist.choice": "none"})
    assert state.answers == {"saddle_numbness": True} and state.singly == BLADDER[:3]


def test_a_checklist_drawn_again_records_nothing():
    assert fold({"action": "show"}).answers == {} and not fold({"action": "show"}).singly


def test_a_checklist_step_marks_its_items_as_safety_questions():
    result = assess(answers={}, today=dt.date(2026, 11, 22))
    step = wizard.step(wizard.State(), result, KB, None, BLADDER, "Bladder")
    assert step.checklist == "Bladder" and [c.id for c in step.questions] == BLADDER
    assert all(c.screening for c in step.questions)
