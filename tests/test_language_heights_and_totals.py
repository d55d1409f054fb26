"""Round 167 of the reading (from R427 to R430, the sets that measured round 166, their missed
emergencies first): a fall's height told after the place and a comma, a day's total told as "500mg
ones worth in total", "feel awful" without its "I" at the end of a list of a fever's signs, "unable
to say how many of each in last 24h"; and the look-alikes: an aneurysm screen "and it was clear",
the star sign told with its symbol, and "nearly hit the floor"."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 6)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_falls_height_told_after_the_place() -> None:
    text = "Came off the top of the hay bales in the barn on Friday, about 12 foot, and landed on my back."
    assert READ.status(KB, text, "major_trauma") == "present"
    assert "major_trauma" in READ.flags(text)


def test_a_days_total_told_in_tablets_worth() -> None:
    text = "Paracetamol and Lemsip since Monday for my back. Added up, yesterday I had 11 500mg ones worth in total."
    assert READ.counted(KB, text, "paracetamol_overuse")


def test_feel_awful_after_a_fevers_signs() -> None:
    text = "Lower back pain since Wednesday, temp 39.2, shivering, can't eat, feel awful."
    assert READ.status(KB, text, "feeling_very_unwell") == "present"
    assert "possible_sepsis" in READ.flags(text)


def test_unable_to_say_how_many_of_each() -> None:
    text = "Back pain 1/52. Taking co-codamol and Beechams, unable to say how many of each in last 24 hours."
    assert READ.counted(KB, text, "paracetamol_overuse")


def test_an_aneurysm_screen_that_was_clear() -> None:
    text = "I'm 70, sore low back from the garden. I had the AAA screening scan at 65 and it was clear."
    assert READ.status(KB, text, "known_aaa") == "absent"


def test_a_star_sign_told_with_its_symbol_and_a_fall_nearly_made() -> None:
    assert not READ.counted(KB, "Back sore from hockey, I'm 17 (cancer ♋ obviously).", "history_of_cancer")
    assert not READ.counted(KB, "Sneezed and nearly hit the floor, my lower back went into spasm.", "collapse")
