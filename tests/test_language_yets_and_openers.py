"""Round 132 of the reading (from R247 to R250, its missed emergency first): a leg "a bit weak" then and barely lifting
now is getting weaker; a parent's text that opens "daughter 13," is about the child; not feeling the baby move "yet",
told as normal this early, is no reduced movements; thigh pain that "stops above the knee" is not below it."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 5)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_bit_weak_then_barely_lifting_now() -> None:
    text = (
        "My right leg went a bit weak on Tuesday with the sciatica and now I can barely lift my foot to climb the "
        "stairs. It's getting worse every day. Left leg is fine."
    )
    assert READ.status(KB, text, "leg_weakness_worsening") == "present"
    assert "progressive_neuro_deficit" in READ.flags(text)


def test_a_text_that_opens_with_the_child_and_age() -> None:
    text = "daughter 13, back pain that wakes her up at night for 3 weeks now, she plays a lot of netball."
    assert READ.flags(text) == {"young_age"}
    # a baby's days are not an age told
    assert "young_age" not in READ.flags("daughter 13 days old and my back hurts from lifting her. 32F.")


def test_not_felt_the_baby_move_yet_told_as_normal() -> None:
    text = (
        "16 weeks pregnant, mild lower back ache for a few days. No bleeding, no fluid, no tightenings. I haven't felt "
        "the baby move yet but my midwife said that's normal this early."
    )
    assert READ.flags(text) == set()
    assert "pregnancy_warning" in READ.flags("34 weeks pregnant, back ache, and I haven't felt the baby move yet today.")


def test_thigh_pain_that_stops_above_the_knee() -> None:
    text = (
        "Ache in my lower back and into my buttock and the back of my thigh, it stops above the knee. Started 3 days "
        "ago after a long car journey."
    )
    assert "sciatica" not in READ.flags(text)
