"""Round 109 of the reading (from R134): a child's age in a word under ten ("my son is eight"); pain
that "nothing I do makes better"; a leak the midwife told apart from the waters ("it's urine not
waters"); and two of the sentence model's readings asked back: very unwell from "Feel ok now.", and
leg symptoms lasting for years from a sentence that says they went away."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import assess, knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_childs_age_in_a_word() -> None:
    text = "My daughter is seven and says her back hurts since PE on Monday. No fever."
    assert READ.value(KB, text, "age") == 7
    assert "young_age" in READ.flags(text)
    brothers = "My husband's two brothers both have bad backs, and mine hurts since Monday. I'm 45."
    assert READ.value(KB, brothers, "age") == 45


def test_nothing_i_do_makes_it_better() -> None:
    text = "Back pain for a month, and nothing I do makes it better, sitting, lying, walking. I'm 52."
    assert READ.status(KB, text, "pain_unrelenting") == "present"


def test_urine_not_waters() -> None:
    text = (
        "31 weeks pregnant, lower back ache. Some wee comes out when I laugh, and the midwife checked and said "
        "it's urine not waters. Baby moving well, no bleeding."
    )
    assert "pregnancy_warning" not in READ.flags(text)


def test_feeling_ok_is_not_very_unwell() -> None:
    text = "Back sore since lifting on Sunday. Had a temperature last night, felt shivery. Feel ok now. 35M"
    result = assess(text=text, today=TODAY)
    assert "possible_sepsis" not in {hit.id for hit in result.red_flags}
    assert "spinal_infection" in {hit.id for hit in result.red_flags}


def test_leg_symptoms_that_went_away_are_not_lasting() -> None:
    text = (
        "Four years ago I had pins and needles in both legs during a bad flare of my disc, it fully went away "
        "with physio. Now a bit of lower back ache after gardening, legs are completely normal. 52M."
    )
    result = assess(text=text, today=TODAY)
    assert "longstanding_neuro" not in {hit.id for hit in result.red_flags}
