"""Round 105 of the reading (from R126): what someone else had, set apart at the end ("the PATIENT
was confused and incontinent, not me"); what a medicine "can cause", read about, and cramps never
had; "still using on top, injecting"; and an age told by a bus pass ("a year off my bus pass")."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_what_someone_else_had_set_apart_at_the_end() -> None:
    text = (
        "First responder, about myself. 44M. Heavy stairs carry on shift last night - the PATIENT was confused "
        "and incontinent, not me. Acute LBP since the lift, 5/10."
    )
    assert READ.status(KB, text, "confusion_or_drowsiness") != "present"
    assert "general_emergency" not in READ.flags(text)
    mine = "Since yesterday I can't wee and when I wipe, my bum feels numb, like it isn't mine."
    assert "cauda_equina" in READ.flags(mine)


def test_what_a_medicine_can_cause() -> None:
    text = (
        "I'm 48 and on atorvastatin. I read that statins can cause cramps - does that mean my back is from the "
        "statin? I haven't had any cramps or spasms at all, just a stiff lower back since I carried the shopping."
    )
    assert READ.status(KB, text, "recurrent_spasms") != "present"
    assert "medication_related" not in READ.flags(text)


def test_still_using_on_top_injecting() -> None:
    text = "im 34 on a methadone script but still using on top, injecting. lower back constant for 10 days, 7/10."
    assert READ.status(KB, text, "iv_drug_use") == "present"
    assert "spinal_infection" in READ.flags(text)


def test_an_age_told_by_a_bus_pass() -> None:
    text = "I'm a year off my bus pass. My lower back has been sore for a fortnight and it wakes me in the night."
    assert READ.value(KB, text, "age") == 59
    assert "night_pain_older" in READ.flags(text)
