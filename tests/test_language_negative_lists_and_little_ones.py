"""Round 88 of the reading (from R108): a note's "Neg:" heads a list of denials and a call
handler's "Saddle numbness - no" answers its label; weight lost "because I am dieting" is
intended; "not one position that helps" is unrelenting; a carer's "very weak, cannot even stand"
and "not himself at all" are very unwell; "my little one is 3" gives the child's age; "fourth time
since last Christmas" counts episodes."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_notes_negative_list() -> None:
    text = "Physio. 40F, LBP 1/52 after gardening. Neg: saddle anaesthesia, urinary retention, bowel incontinence."
    for fid in ("saddle_numbness", "urinary_retention", "bowel_incontinence"):
        assert READ.status(KB, text, fid) == "absent", fid


def test_a_call_handlers_dashed_answers() -> None:
    text = "Triage call, 45M, LBP 4/7.\nSaddle numbness - no.\nDifficulty passing urine - no.\nFever/rigors - no."
    for fid in ("saddle_numbness", "urinary_retention", "fever"):
        assert READ.status(KB, text, fid) == "absent", fid
    assert READ.status(KB, "My back went - no warning at all, can't pee now.", "urinary_retention") == "present"


def test_weight_lost_because_of_a_diet() -> None:
    text = "Back sore for a week. I've lost 3 kg but that's because I'm on a diet for my holiday."
    assert READ.status(KB, text, "unexplained_weight_loss") == "absent"


def test_not_one_position_helps() -> None:
    text = "Lower back went at the gym, 9/10, and there isn't one position that helps."
    assert READ.status(KB, text, "pain_unrelenting") == "present"


def test_a_carers_signs_of_being_very_unwell() -> None:
    weak = "My uncle has had back pain for a week. Today he is very weak, he cannot even stand up."
    assert READ.status(KB, weak, "feeling_very_unwell") == "present"
    herself = "Nan's back has been bad for days and she's not herself at all."
    assert READ.status(KB, herself, "feeling_very_unwell") == "present"


def test_a_little_ones_age() -> None:
    text = "My little one is 4 and keeps saying her back hurts."
    assert READ.value(KB, text, "age") == 4
    assert "young_age" in READ.flags(text)


def test_episodes_since_last_christmas() -> None:
    text = "My lower back has gone again, the third time since last Christmas."
    assert READ.value(KB, text, "episodes_past_year") == 3
