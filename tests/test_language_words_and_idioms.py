"""Round 67 of the reading (from R89): an age in words ("a ninety one year old gentleman"), a swing
with "no knocks", "collapsed laughing", and a note's "x3 yrs" of stenosis legs."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import assess, knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def _flags(text: str) -> set[str]:
    return {h.id for h in assess(text=text, today=TODAY).red_flags}


def test_an_age_in_words() -> None:
    assert READ.value(KB, "An eighty-two year old lady slipped on ice, now lower back pain.", "age") == 82
    assert READ.value(KB, "I'm seventy five and my back has been sore since Sunday.", "age") == 75
    assert "fracture" in _flags("seventy eight year old man tripped over the cat last night, sore low back")
    assert READ.value(KB, "I'm one of those people who never gets ill, but my back hurts.", "age") is None
    assert READ.value(KB, "My back hurts. My fourteen year old son carried the shopping.", "age") is None


def test_no_knocks_denies_a_blow() -> None:
    text = "Twisted my lower back reaching for a box on Friday, no knocks or bangs. Sore."
    assert READ.status(KB, text, "major_trauma") == "absent"
    assert "major_trauma" not in _flags(text)


def test_collapsed_laughing_is_an_idiom() -> None:
    text = "I almost collapsed laughing when I got stuck bending over, my back is that stiff. 30, since Tuesday."
    assert READ.status(KB, text, "collapse") is None and READ.status(KB, text, "fainting") is None
    assert READ.status(KB, "I nearly collapsed in the kitchen this morning, back pain.", "fainting") == "present"


def test_a_notes_years_with_x_are_long_standing() -> None:
    text = "70F. Bilat leg numbness x4 yrs. LBP flare 5/7."
    assert READ.status(KB, text, "longstanding_leg_symptoms") == "present"
    assert "cauda_equina" not in _flags(text)
    assert "cauda_equina" in _flags("70F. Bilat leg numbness x3/7, LBP 5/7.")
