"""Round 184 of the reading (from R499 to R502, the sets that measured round 183; their three
missed emergencies first): pain "going up into my jaw", a baby that has "barely kicked at all
compared to usual", poo that came out unfelt; and a score "pain in back is 10", a fall while minding
a grandchild, labour pains "with my first baby", "the little lad" whose fever it was, a plane's
stroke, and woken at an hour of the night with it."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 7)
READ = ReadOn(TODAY)
KB = knowledge()


def test_pain_going_up_into_the_jaw() -> None:
    text = "Pain between my shoulders since lunch and it's going up into my jaw now. 58."
    assert READ.status(KB, text, "pain_to_arm_or_jaw") == "present"
    assert "cardiac" in READ.flags(text)


def test_a_baby_barely_kicking_compared_to_usual() -> None:
    text = "I'm 33 weeks and my lower back aches, and he's hardly moved at all compared to normal."
    assert READ.status(KB, text, "reduced_fetal_movements") == "present"


def test_poo_that_came_out_unfelt() -> None:
    text = "Back bad since Thursday. Stool came out in bed last night and I never felt it happen."
    assert READ.status(KB, text, "bowel_incontinence") == "present"
    assert "cauda_equina" in READ.flags(text)


def test_a_score_told_of_the_pain_in_the_back() -> None:
    assert READ.value(KB, "Pain in my lower back is 9, can't get comfy at all.", "pain_score") == 9


def test_a_fall_while_minding_a_grandchild() -> None:
    """A guard: the grandchild minded is no one whose fall this is."""
    text = "Minding my granddaughter today, tripped over the cat and sat down hard. Back sore, 76."
    assert READ.status(KB, text, "minor_trauma") == "present"


def test_labour_pains_with_a_first_baby() -> None:
    text = "39 weeks with my second baby, back pain coming every 4 minutes for the last hour."
    assert READ.status(KB, text, "regular_tightening") == "present"


def test_the_little_lads_fever() -> None:
    text = "The wee lad had a temperature on Friday but I'm fine. Hurt my back lifting him into the bath."
    assert READ.status(KB, text, "fever") is None


def test_a_tools_stroke_is_no_stroke() -> None:
    text = "Sanding the deck all day, every stroke of the sander jars my lower back. 3/10."
    assert "general_emergency" not in READ.flags(text)


def test_woken_at_an_hour_of_the_night_with_it() -> None:
    text = "Clinic note: 71F, LBP 3/52, waking ~3am with it, better by day."
    assert READ.status(KB, text, "night_pain") == "present"
