"""Rounds 69 and 70 of the reading. From R90: a list of symptoms denied without its "or", "ma da" and
"me mam" as the writer's relatives, a fear of a sign named bare, and paracetamol totals told as
"less than the daily maximum" or not known ("I don't know how many that all adds up to"). From R91: "I
haven't had a proper wee since", "nothin'", "footy fever", and "I feel very very sick"."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_list_of_symptoms_denied_without_its_or() -> None:
    text = "Back sore 3 days. No tingling, pain, numbness, weakness in my legs."
    assert READ.status(KB, text, "leg_weakness") == "absent"
    # a body part and what it does, after the list, is a new clause: it stands
    assert READ.status(KB, "No fever, sweats, legs weak since this morning.", "leg_weakness") == "present"
    # one comma without an "or" is not yet a list
    assert READ.status(KB, "No pain, weakness in my legs.", "leg_weakness") == "present"


def test_ma_da_is_the_writers_father() -> None:
    text = "Ma da has an aneurysm in his tummy they scan every year. Since dinner his back is agony. He's 79."
    assert READ.status(KB, text, "known_aaa") == "present"
    assert "aortic" in READ.flags(text)


def test_a_fear_of_a_sign_named_bare_is_no_sign() -> None:
    text = "My brother had a heart attack in March, so now I'm nervous about chest pain. Pulled my lower back gardening."
    assert READ.status(KB, text, "chest_pain") is None
    assert READ.status(KB, "I'm anxious about this chest pain, it started an hour ago.", "chest_pain") == "present"


def test_paracetamol_less_than_the_maximum() -> None:
    text = "Panadol and Beechams for my back and a cold. Today I've had less than the maximum in total."
    assert READ.status(KB, text, "paracetamol_overuse") == "absent"
    assert "paracetamol_duplication" in READ.flags(text)


def test_a_total_not_known_counts_as_over() -> None:
    text = "Co-codamol every four hours and Lemsip Max for my back and a cold, no idea how much that all adds up to."
    assert READ.counted(KB, text, "paracetamol_overuse")


# --- Round 70 (from R91) ---------------------------------------------------------------------------


def test_no_proper_wee_since_is_retention() -> None:
    text = "Back went on Sunday. Thinking about it, I haven't had a proper wee since lunch."
    assert READ.counted(KB, text, "urinary_retention")
    assert "cauda_equina" in READ.flags(text)


def test_nothin_dropped_g_is_nothing() -> None:
    assert READ.status(KB, "Back's stiff. Nothin' numb down there, waterworks fine.", "saddle_numbness") == "absent"


def test_a_team_fever_is_no_fever() -> None:
    assert READ.status(KB, "Bit of footy fever with the grand final on. Back went in training.", "fever") is None


def test_very_very_sick_and_a_weak_body_are_feeling_very_unwell() -> None:
    text = "Pain in my lower back 5 days, since yesterday fever, my whole body is very weak and I feel very sick."
    assert READ.status(KB, text, "feeling_very_unwell") == "present"
    assert "possible_sepsis" in READ.flags(text)
