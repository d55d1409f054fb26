"""The web flow's step builder: which questions come next and how they are marked."""

import datetime as dt

from backcare import assess
from backcare.knowledge import load_knowledge
from backcare.web import wizard

KB = load_knowledge()


def test_conditional_safety_questions_are_marked_as_safety_questions():
    answers = {fid: False for fid, f in KB.findings.items() if f.screening}
    answers |= {"age": 30, "sex": "female", "pregnant": True, "pregnancy_weeks": 30}
    result = assess(answers=answers, today=dt.date(2026, 11, 22))
    step = wizard.step(wizard.State(answers=answers), result, KB)
    shown = {c.id: c for c in step.questions}
    assert "reduced_fetal_movements" in shown and shown["reduced_fetal_movements"].screening
    assert not KB.findings["reduced_fetal_movements"].screening  # safety only because she is pregnant
