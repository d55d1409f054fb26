"""Round 134 of the reading (from R255 to R258, its missed emergency first): blood seen at the toilet in a pregnancy
is bleeding; a mother-in-law's age is hers in a carer's report; "very worry" and not sleeping for worry are not
coping; a question the doctor asked is no history; a camping chair that collapsed is a small fall."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 5)
READ = ReadOn(TODAY)
KB = knowledge()


def test_blood_at_the_toilet_in_a_pregnancy() -> None:
    text = (
        "Hi, I am 16 week pregnant. Since last night the low back is aching and this morning there is some blood "
        "when I go to toilet, on the paper and in the pad. Is this from the back?"
    )
    assert "pregnancy_warning" in READ.flags(text)
    # not a pregnancy's bleeding when no pregnancy is told
    assert READ.status(KB, "Back pain for a week and some blood when I go to the toilet.", "vaginal_bleeding") != "present"


def test_a_mother_in_laws_age_is_hers() -> None:
    text = (
        "My mother-in-law is 76 and tripped over the rug yesterday and landed on her bottom. Now her lower back "
        "hurts when she moves, 6 out of 10. She's walking but slowly."
    )
    assert READ.status(KB, text, "age") == "present"
    assert "fracture" in READ.flags(text)
    assert "fracture" in READ.flags("my father in law, 81, slipped on the ice and his back hurts")


def test_very_worry_and_no_sleep_for_worry() -> None:
    text = (
        "Hello, I am 40 years, my low back pain 2 weeks. I am very worry and can not do my daily work or cook for "
        "family, also not sleeping because of worry."
    )
    assert READ.flags(text) == {"not_coping"}
    assert READ.flags("I am not worry, my back is getting better. 2 weeks.") == set()


def test_a_question_the_doctor_asked_is_no_history() -> None:
    text = (
        "My back hurt since 10 weeks. Doctor before ask me about cancer: not me, my mother had cancer of the "
        "breast. The pain is same, not better."
    )
    assert "malignancy" not in READ.flags(text)
    assert "malignancy" in READ.flags("Doctor asked me about cancer, yes I had bowel cancer in 2020. back pain 2 weeks")


def test_a_camping_chair_that_collapsed_is_a_small_fall() -> None:
    text = (
        "My camping chair collapsed under me last night and I landed on my bum on the grass. 29 years old, lower "
        "back a bit bruised and sore."
    )
    assert READ.status(KB, text, "minor_trauma") == "present"
    assert "major_trauma" not in READ.flags(text)


def test_in_laws_told_short() -> None:
    assert "fracture" in READ.flags("my MIL is 81 and fell in the garden yesterday, her back is very sore")
    assert "malignancy" not in READ.flags("I've had back pain 2 days, my FIL had prostate cancer")
    # millilitres are no relative
    assert "malignancy" in READ.flags("took 10 mil of oramorph for my back, I'm 45, I had bowel cancer")


def test_small_falls_from_a_seat() -> None:
    assert "fracture" in READ.flags("Nan (84) slid down off the settee onto the floor last night, sore back today")
    assert "fracture" in READ.flags("my grandad, 90, sat down too hard on the toilet seat and now his back is killing him")
    assert "fracture" not in READ.flags("I'm 75 and sat down in my chair to rest, back aching from gardening")


def test_blood_in_the_toilet_bowl_in_a_pregnancy() -> None:
    text = "I'm 24 weeks, lower back pain, there was blood in the toilet bowl after I peed"
    assert "pregnancy_warning" in READ.flags(text)


def test_a_wee_that_stopped_and_has_not_started_again() -> None:
    assert "cauda_equina" in READ.flags("my back hurts, my wee stopped halfway and hasn't started again")
