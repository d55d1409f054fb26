"""Round 106 of the reading (from R127 and R128): an age told as the next birthday ("80 next
birthday", "I'll be 75 at Easter") or as a bus pass just got; "I don't know how many in total"
of several paracetamol products; pain that "doesn't ease with anything"; "I'm not coping" beside
helping him up; and the look-alikes: a face that "dropped when I saw the bill", and "is it bad if
you lose control of your bladder?" asked, not had."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_an_age_told_as_the_next_birthday() -> None:
    text = "80 next birthday. Slipped on the wet leaves on Monday and landed on my bottom. Lower back sore since."
    assert READ.value(KB, text, "age") == 79
    assert "fracture" in READ.flags(text)
    assert READ.value(KB, "I'll be 75 at Easter. My lower back is sore after a slip.", "age") == 74
    assert READ.value(KB, "Just got my free bus pass. Ache between my shoulder blades.", "age") == 60


def test_not_knowing_how_many_in_total() -> None:
    text = (
        "Since Tuesday I take paracetamol every 3 hours, and Lemsip for the cold, and some co-codamol too. "
        "I don't know how many in total, maybe too much? Back is very painful."
    )
    assert READ.status(KB, text, "paracetamol_overuse") in ("present", "possible")
    assert "medicine_overdose" in READ.flags(text)


def test_pain_that_does_not_ease_with_anything() -> None:
    text = "On methotrexate for RA. Lower back pain for a week that doesn't ease with anything, day or night. 52."
    assert READ.status(KB, text, "pain_unrelenting") == "present"
    assert "spinal_infection" in READ.flags(text)


def test_not_coping_beside_helping_him_up() -> None:
    text = "My back has been bad for a week from lifting him into bed, and to be honest I'm not coping."
    assert READ.status(KB, text, "worried_or_not_coping") == "present"


def test_look_alikes() -> None:
    bill = "My face dropped when I saw the bill for the physio. Lower back pain from hoovering, 4/10. I'm 36."
    assert READ.status(KB, bill, "stroke_signs") != "present"
    asked = "Is it bad if you lose control of your bladder with back pain? Just asking. Pulled my back gardening, 35."
    assert "cauda_equina" not in READ.flags(asked)
    had = "Since this morning I've lost control of my bladder and my back is agony."
    assert "cauda_equina" in READ.flags(had)
