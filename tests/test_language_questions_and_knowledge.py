"""Round 113 of the reading (from R147 to R150): a note's "back/abdo pain" is back pain; a question
put in general terms ("does back pain with a fever mean an infection?") is no report of what the
text denies elsewhere; leaking long told as such ("that's been since my second baby") and leaking
that "can be serious"; "sleeping poorly" is neither drowsy nor ill; a lump "been there since my
twenties"; "my first spin class in years" is no duration; what pain "can be" is no aneurysm one has
been told of; "about the same as Tuesday, not worse"; what the writer knows about, not has."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_notes_back_and_belly_pain() -> None:
    text = "70M, known AAA 5.5 cm. Sudden severe back/abdo pain 30 min, clammy, BP 90/60."
    assert READ.status(KB, text, "back_pain") == "present"
    assert "aortic" in READ.flags(text)


def test_a_general_question_about_what_the_text_denies() -> None:
    text = "Can back pain with a temperature be something serious? I don't have a temperature, just a stiff back from the gym."
    assert READ.status(KB, text, "fever") == "absent"
    assert "spinal_infection" not in READ.flags(text)
    # asked, and not denied: still read
    asked = "Is it bad that I've got a fever with my back pain? It's 38.6 tonight."
    assert READ.counted(KB, asked, "fever")


def test_a_question_about_weight_lost_on_purpose() -> None:
    text = "Lost 3 stone since January on purpose, dieting and walking. My lower back aches since Sunday. Is that down to the weight loss?"
    assert READ.status(KB, text, "unexplained_weight_loss") == "absent"
    assert "constitutional" not in READ.flags(text)


def test_leaking_told_as_long_standing() -> None:
    text = "52F, low back sore after digging. I leak a little when I cough, but that's been since my first baby 20 years ago. No numbness."
    assert "cauda_equina" not in READ.flags(text)
    said = "My back went yesterday. I read leaking with back pain can be serious - I'm not leaking, just worried. 38M"
    assert READ.status(KB, said, "urinary_incontinence") != "present"


def test_sleeping_poorly_is_neither_drowsy_nor_ill() -> None:
    text = "45F, 4/52 LBP. Low mood, tearful, sleeping poorly. Neuro intact."
    flags = READ.flags(text)
    assert "general_emergency" not in flags
    assert READ.status(KB, text, "confusion_or_drowsiness") is None


def test_a_lump_there_since_youth() -> None:
    text = "There's a soft lump on my back that's been there since my teens, never changed. My lower back aches since I moved house."
    assert "back_lump" not in READ.flags(text)


def test_the_first_class_in_years_is_no_duration() -> None:
    text = "Did my first yoga class in years on Saturday and my lower back has been tight since. 44F"
    assert READ.value(KB, text, "days_since_onset") != 365
    assert READ.status(KB, text, "pain_over_3_months") is None


def test_what_pain_can_be_is_no_known_aneurysm() -> None:
    text = "Someone on the radio said back pain could be an aneurysm. I'm 29, strained it at the gym on Friday."
    assert READ.status(KB, text, "known_aaa") is None
    assert "aortic" not in READ.flags(text)


def test_a_foot_drop_no_worse_than_on_a_weekday() -> None:
    text = "Since Monday my right foot drags and slaps when I walk. Sciatica down that leg. It's the same as Monday, not worse."
    assert READ.status(KB, text, "leg_weakness_worsening") == "absent"
    flags = READ.flags(text)
    assert "nerve_deficit" in flags and "progressive_neuro_deficit" not in flags


def test_what_the_writer_knows_about() -> None:
    text = "My dad had an aneurysm repaired, so I know about ripping pain. Mine is a dull ache after hoovering. 50F"
    assert READ.status(KB, text, "tearing_pain") is None
    assert "aortic" not in READ.flags(text)
