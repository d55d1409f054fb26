"""Round 179 of the reading (from R483 to R486, the sets that measured round 178; their three missed
emergencies and others): a climber's ground fall ("decked out from about 6 metres"), a wee that
"hardly anything comes out" of, the other leg told as "the left one too", sex told shyly ("things
down there haven't been working"), a sudden pain felt ("felt a sudden terrible pain"), and a side
that wraps "round into my back"."""

from __future__ import annotations

import datetime as dt

from backcare.adapters.language.measurements import fall_heights
from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 7)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_climbers_ground_fall() -> None:
    text = "Decked from about 5 metres at the crag when my rope ran out, lower back very sore."
    assert [m.value for m in fall_heights(text)] == [5.0]
    assert READ.status(KB, text, "major_trauma") == "present"


def test_a_wee_that_hardly_comes() -> None:
    text = "Back bad for 5 days and since lunch I've tried to pee three times but hardly anything comes out."
    assert READ.status(KB, text, "urinary_retention") == "present"
    assert "cauda_equina" in READ.flags(text)


def test_the_other_leg_told_as_the_left_one_too() -> None:
    text = "Sciatica down my right leg for a fortnight. Today it's spread down the left one too."
    assert READ.status(KB, text, "leg_pain_both_sides") == "present"


def test_sex_told_shyly() -> None:
    text = "Back pain for a week. Bit awkward, but things down there have not been working properly with my wife since Friday."
    assert READ.status(KB, text, "sexual_dysfunction_new") == "present"


def test_a_sudden_pain_felt() -> None:
    text = "On long-term steroids. Lifted a box and felt a sudden awful pain in my lower back, 8/10."
    assert READ.status(KB, text, "onset_sudden") == "present"
    assert "fracture" in READ.flags(text)


def test_a_side_that_wraps_round_into_the_back() -> None:
    text = "Where it hurts: right side round into my back, above the hip, since yesterday. It stings when I pee."
    assert READ.status(KB, text, "flank_pain") == "present"
    assert "kidney" in READ.flags(text)
