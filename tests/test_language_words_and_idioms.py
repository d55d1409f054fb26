"""Rounds 67 and 68 of the reading: an age in words ("a ninety one year old gentleman"), a swing
with "no knocks", "collapsed laughing", and a note's "x3 yrs" of stenosis legs (67, from R89);
Scots "urnae" and "huvnae", Jamaican "ketch mi breath" and "Mi is 61", pain "in the middle" of the
back, "Mate," addressing the reader, "my fourth bad back this year", leaflets checked to count
one's own doses, a note's "obs WNL", and aneurysms feared (68, from R88)."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_an_age_in_words() -> None:
    assert READ.value(KB, "An eighty-two year old lady slipped on ice, now lower back pain.", "age") == 82
    assert READ.value(KB, "I'm seventy five and my back has been sore since Sunday.", "age") == 75
    assert "fracture" in READ.flags("seventy eight year old man tripped over the cat last night, sore low back")
    assert READ.value(KB, "I'm one of those people who never gets ill, but my back hurts.", "age") is None
    assert READ.value(KB, "My back hurts. My fourteen year old son carried the shopping.", "age") is None


def test_no_knocks_denies_a_blow() -> None:
    text = "Twisted my lower back reaching for a box on Friday, no knocks or bangs. Sore."
    assert READ.status(KB, text, "major_trauma") == "absent"
    assert "major_trauma" not in READ.flags(text)


def test_collapsed_laughing_is_an_idiom() -> None:
    text = "I almost collapsed laughing when I got stuck bending over, my back is that stiff. 30, since Tuesday."
    assert READ.status(KB, text, "collapse") is None and READ.status(KB, text, "fainting") is None
    assert READ.status(KB, "I nearly collapsed in the kitchen this morning, back pain.", "fainting") == "present"


def test_a_notes_years_with_x_are_long_standing() -> None:
    text = "70F. Bilat leg numbness x4 yrs. LBP flare 5/7."
    assert READ.status(KB, text, "longstanding_leg_symptoms") == "present"
    assert "cauda_equina" not in READ.flags(text)
    assert "cauda_equina" in READ.flags("70F. Bilat leg numbness x3/7, LBP 5/7.")


# --- Round 68 (from R88) ---------------------------------------------------------------------------


def test_scots_urnae_and_huvnae_are_negatives() -> None:
    text = "Ah'm 50, sore lower back since Monday. Ma legs urnae numb an ah huvnae lost any weight."
    assert READ.status(KB, text, "unexplained_weight_loss") == "absent"
    assert READ.status(KB, text, "leg_numbness_both_sides") == "absent"


def test_caribbean_breath_sweat_and_age() -> None:
    text = "Mi chest nuh hurt but mi back a hurt inna di middle, mi cyaan ketch mi breath an mi a sweat up. Mi is 58."
    assert READ.value(KB, text, "age") == 58
    assert READ.status(KB, text, "sweating_clammy") == "present"
    assert "cardiac" in READ.flags(text)


def test_pain_in_the_middle_of_the_back_not_of_the_night() -> None:
    assert READ.value(KB, "My back hurts in the middle, since lunch.", "pain_region") == "middle"
    assert READ.value(KB, "My lower back woke me in the middle of the night.", "pain_region") == "lower"


def test_mate_addresses_the_reader_not_a_relative() -> None:
    text = "Mate, my grandad's 81 and has one of those aneurysms they watch. Since this morning his back is agony."
    assert READ.value(KB, text, "age") == 81
    assert "aortic" in READ.flags(text)


def test_an_ordinal_bad_back_this_year_counts_episodes() -> None:
    assert READ.value(KB, "That's my third bad back this year, lifting again. 38.", "episodes_past_year") == 3
    assert "recurrent" in READ.flags("Fourth one this year, my back went bending over. 41.")


def test_leaflets_checked_to_count_ones_own_paracetamol() -> None:
    text = "Panadol for my back and Lemsip for a cold. Checked the leaflets and counted today: total paracetamol under the daily limit."
    assert READ.status(KB, text, "paracetamol_overuse") == "absent"
    assert READ.status(KB, "The leaflet says you can go over and get liver damage. My back hurts.", "paracetamol_overuse") is None


def test_a_notes_obs_within_limits_deny_feeling_very_unwell() -> None:
    assert READ.status(KB, "T 38.3, obs otherwise WNL. LBP 3/7.", "feeling_very_unwell") == "absent"


def test_aneurysms_feared_are_no_aneurysm() -> None:
    assert READ.status(KB, "Since dad's, aneurysms are always on my mind. My back aches.", "known_aaa") is None
