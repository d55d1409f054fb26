"""Round 140 of the reading (from R287 to R290): "a good 3 months now" is how long it has hurt; an older person's
"bit of a tumble" is a fall; every cough that "goes right through" the back; a laptop's crash, stroking the dog and a
sun lounger that collapsed are none of the grave things their words name."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 5)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_good_few_months_is_how_long_it_has_hurt() -> None:
    text = "sore in the lower back a good 4 months now, comes and goes but never fully settles"
    assert READ.value(KB, text, "days_since_onset") == 120
    assert "persistent" in READ.flags(text)
    # how long the back was well is still no length of the pain
    assert READ.value(KB, "My back was good for 3 years, then it went last week.", "days_since_onset") == 7


def test_a_bit_of_a_tumble_is_a_fall() -> None:
    text = "Dad's 84, had a bit of a tumble in the hall on Sunday. His lower back is sore now."
    assert READ.status(KB, text, "minor_trauma") == "present"
    assert "fracture" in READ.flags(text)
    # a tumble down a flight of stairs is a serious fall
    assert "major_trauma" in READ.flags("I had a nasty tumble down the whole flight of stairs, my back is agony.")


def test_every_cough_goes_through_the_back() -> None:
    text = "Head cold this week and every sneeze goes straight through my lower back."
    assert READ.status(KB, text, "pain_worse_cough_sneeze") == "present"
    assert "cough_sneeze_pain" in READ.flags(text)


def test_a_machines_crash_stroking_a_pet_and_a_lounger_that_gave_way() -> None:
    crash = "The server crashed at work so I sat hunched over my desk for 12 hours. Lower back stiff today."
    assert "major_trauma" not in READ.flags(crash)
    stroke = "Leaned over the sofa to stroke the cat and my lower back went. 3/10."
    assert READ.status(KB, stroke, "stroke_signs") is None
    assert READ.flags(stroke) == set()
    lounger = "The hammock collapsed under me at the campsite and I landed on my bum. I'm 38, back a bit sore."
    assert READ.status(KB, lounger, "collapse") is None
    assert "general_emergency" not in READ.flags(lounger)
    # a stroke is still one
    assert "general_emergency" in READ.flags("My back hurts and my face has dropped on one side, my words are slurred.")
