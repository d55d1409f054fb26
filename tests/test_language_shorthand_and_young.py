"""Round 111 of the reading (from R138): a note's "x2d" (for two days) no longer hides the end of
its sentence ("New bilateral leg paraesthesia x2d. Bladder normal" was read as legs normal); an age
"years young"; an age in words standing alone ("Sixty-three."); and a note's "wakes at night on
turning" is night pain."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_notes_days_do_not_hide_the_sentence_end() -> None:
    text = "51M, LBP 5/7 after lifting. New bilateral leg paraesthesia x3d. Bladder normal, no saddle sx."
    assert READ.status(KB, text, "leg_pain_both_sides") == "present"
    assert "cauda_equina" in READ.flags(text)


def test_ages_told_otherwise() -> None:
    assert READ.value(KB, "78 years young and still gardening. Slipped off the step, sore back.", "age") == 78
    assert READ.value(KB, "Seventy-one. Lower back sore since Sunday, no fall.", "age") == 71


def test_wakes_at_night_on_turning() -> None:
    text = "64M, mechanical LBP 3/52, wakes at night on turning, eases with movement."
    assert READ.status(KB, text, "night_pain") == "present"
    assert "night_pain_older" in READ.flags(text)
