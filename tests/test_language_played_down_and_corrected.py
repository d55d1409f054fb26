"""Round 154 of the reading (from R363 to R366, written before round 153 was committed, their
missed emergencies first): a machine that went over with its driver ("tractor went over on its
side"); the weakness, then how it is now ("started last night, and today it's worse"); the feeling
told before where ("it felt odd on my left bum cheek"); numb feet "just the same as always"; a
symptom that "settled completely"; a "chest pain scare"; what can happen to anyone ("you can lose
bladder control")."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 6)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_machine_that_went_over_with_its_driver() -> None:
    text = "The ride-on mower tipped over on the slope and I was thrown off, back aching since."
    assert READ.status(KB, text, "major_trauma") == "present"


def test_the_weakness_then_how_it_is_now() -> None:
    text = "The weakness in my left leg started on Sunday, and today it's worse."
    assert READ.status(KB, text, "leg_weakness_worsening") == "present"


def test_the_feeling_told_before_where() -> None:
    text = "Since this morning it feels funny on my right buttock and round my back passage."
    assert READ.status(KB, text, "saddle_numbness") == "present"


def test_numb_feet_just_the_same_as_always() -> None:
    text = "The numbness in both feet is just the same as always."
    assert READ.status(KB, text, "leg_numbness_both_sides") != "present"


def test_a_symptom_that_settled_completely() -> None:
    text = "I had numbness in both legs which settled completely with physio. Now just a sore back."
    assert READ.status(KB, text, "leg_numbness_both_sides") != "present"


def test_a_scare_found_to_be_nothing() -> None:
    text = "Had a chest pain scare in the spring, the heart tests were all fine. Back spasm since yesterday."
    assert READ.status(KB, text, "chest_pain") != "present"


def test_what_can_happen_to_anyone() -> None:
    text = "The physio said you can lose feeling down below if it gets bad, but I'm fine. Back stiff."
    assert READ.status(KB, text, "saddle_numbness") != "present"
