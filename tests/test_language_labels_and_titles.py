"""Round 86 of the reading (from R106): a form's "Q:" and "A:" labels are no words of the question
or the answer, and "None of those." answers a question as "No." does; Northern "nowt" is nothing;
a note's "unable to PU" is retention; a carer's "Mrs P" or "my client" is the person whose back it
is, so what "she" has is hers."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_question_and_answer_labels() -> None:
    text = (
        "Q: Any tingling in the saddle area? A: No.\n"
        "Q: Temperature or sweats? A: No, no.\n"
        "Q: Trouble breathing, chest pain, confusion? A: None of those.\n"
        "Back ached since gardening 3 days ago, I'm 52."
    )
    for fid in ("saddle_numbness", "fever", "difficulty_breathing", "chest_pain", "confusion_or_drowsiness"):
        assert READ.status(KB, text, fid) == "absent", fid
    assert READ.status(KB, "Q: Bladder OK? A: No, I can't pee at all since last night.", "urinary_retention") == "present"


def test_nowt_is_nothing() -> None:
    text = "Back's killing me after the allotment. Nowt numb down below, waterworks fine."
    assert READ.status(KB, text, "saddle_numbness") == "absent"


def test_a_notes_pu() -> None:
    text = "44F, LBP after gardening. Not able to PU since 0700 despite urge."
    assert READ.status(KB, text, "urinary_retention") == "present"
    assert READ.status(KB, "Sacral skin intact, no PU. LBP 3/7.", "urinary_retention") is None


def test_a_carers_client_by_title() -> None:
    text = "I'm a support worker. Mr D is 79 and has had a bad back for a week. This morning he's very muddled."
    assert READ.status(KB, text, "confusion_or_drowsiness") == "present"
    client = "I'm a carer. My client has had back pain for days. Today she can't pass water at all."
    assert READ.status(KB, client, "urinary_retention") == "present"
