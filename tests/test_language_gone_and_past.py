"""Rounds 64 and 65 of the reading: Scots "Ah'm 79" and "Ma lower back", numbness that went within minutes
of getting off a bike (and "for the last 20 miles" is no "now"), "not worsening", a lump that
"doesn't move much" in a text that names no pregnancy, and going to the toilet often, which is not
retention (64); a lump on my back that my husband saw, and a fever "totally gone since Friday" (65);
a childhood told as "when I was a baby", a fever "but that was months ago", numbness that "wore off",
a leak "been the same for years", and a note's "L4/5 decompression" (66)."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge, read_text
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_scots_ahm_and_ma_lower_back_are_the_writers() -> None:
    text = (
        "Ah'm 79 an ah slipped on the wet kitchen flair on Tuesday an sat doon hard. Ma lower back's been gey sair "
        "ever since. Nae numbness, ma legs are fine."
    )
    assert READ.value(KB, text, "age") == 79 and "fracture" in READ.flags(text)
    assert READ.value(KB, "Ma's lower back is bad, she's 80 and fell yesterday.", "age") == 80


def test_numbness_that_went_within_minutes_of_getting_off_the_bike() -> None:
    text = (
        "Had a bit of numbness in my undercarriage for the last 20 miles which went completely within about 15 "
        "minutes of getting off the bike. Stiff lower back, 3/10."
    )
    assert "cauda_equina" not in READ.flags(text)
    assert "cauda_equina" in READ.flags("Numb down below for the last few days, back pain.")


def test_not_worsening_denies_worsening() -> None:
    assert READ.status(KB, "R EHL 3/5, pt reports unchanged since onset, not worsening.", "leg_weakness_worsening") == "absent"


def test_a_lump_that_doesnt_move_is_no_baby() -> None:
    text = "New lump on my lower back, size of a golf ball, there 3 weeks. It's firm and doesn't move much. 52F."
    merged = {f.id for f in read_text(text, KB, TODAY).understanding.findings}
    assert "pregnant" not in merged and "reduced_fetal_movements" not in merged
    assert "pregnancy_warning" in READ.flags("34 weeks pregnant, back ache, and the baby doesn't move much today.")


def test_going_to_the_toilet_often_is_not_retention() -> None:
    text = "Pain at the side of my back under the ribs, it burns when I pee. I am also going to toilet many times."
    merged = {f.id: f.status for f in read_text(text, KB, TODAY).understanding.findings}
    assert merged.get("urinary_retention") != "present"


# --- Round 65 (from R86) ---------------------------------------------------------------------------


def test_a_lump_the_husband_saw_on_my_back_is_mine() -> None:
    text = "My lower back is sore for 2 weeks. My husband saw a lump on my back near the spine, not there before."
    assert "back_lump" in READ.flags(text)
    assert READ.status(KB, "My back hurts. My husband has a lump on his back.", "back_lump_or_deformity") is None


def test_a_fever_totally_gone_since_a_day_named() -> None:
    text = "I had COVID last week with a fever but that's been totally gone since Friday. Tweaked my lower back two days ago."
    assert "spinal_infection" not in READ.flags(text)


# --- Round 66 (from R84 to R87) ----------------------------------------------------------------------


def test_what_happened_when_i_was_a_baby_is_past() -> None:
    text = "I had yellow skin when I was a toddler. Lower back sore since I moved the sofa on Sunday."
    assert "jaundice" not in READ.flags(text)
    assert "jaundice" in READ.flags("My eyes have gone yellow this week and my back aches.")


def test_a_fever_but_that_was_months_ago() -> None:
    text = "Had a high temperature in the spring with a chest bug, but that was months ago. My back went yesterday."
    assert "spinal_infection" not in READ.flags(text)
    assert "spinal_infection" in READ.flags("Had a high temperature since Monday with my back pain.")


def test_numbness_that_wore_off_is_over() -> None:
    text = "After the spinal block for my knee op both legs were numb for a day, but it wore off. Back ache now."
    assert "cauda_equina" not in READ.flags(text)


def test_a_leak_the_same_for_years_is_not_new() -> None:
    text = "I leak a bit when I cough but that has been the same for 20 years, nothing new. Back sore since Friday."
    assert "cauda_equina" not in READ.flags(text)
    assert "cauda_equina" in READ.flags("Since Friday I leak when I cough and my back is agony.")


def test_a_notes_level_and_operation_is_a_spinal_procedure() -> None:
    text = "64M, L3/4 laminectomy 2/52 ago, now constant back pain unrelieved by rest, worse at night."
    assert "spinal_infection" in READ.flags(text)
