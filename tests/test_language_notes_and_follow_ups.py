"""Round 157 of the reading (from R387 to R390, written after round 156 was committed and scored
once on it, their missed emergencies first): a note's past history that covers what follows it,
not the complaint told before it ("pain radiating to L arm, clammy, PMH HTN"); legs "wrapped in
clingfilm"; "a watery trickle that keeps coming"; "rolled out of bed onto the carpet"; an "IV
user"; "still grumbling after 7 weeks"."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 6)
READ = ReadOn(TODAY)
KB = knowledge()


def test_past_history_after_the_complaint_leaves_the_complaint_current() -> None:
    text = "Triage: 61M, sudden pain between the shoulder blades going into the L arm, sweaty, PMH T2DM."
    assert READ.status(KB, text, "pain_to_arm_or_jaw") == "present"


def test_past_history_still_covers_what_follows_it() -> None:
    text = "55F, LBP 2/52. PMH: breast ca 2015, no recurrence."
    assert READ.status(KB, text, "history_of_cancer") == "present"


def test_legs_likened_to_wrapped_in_clingfilm() -> None:
    text = "Since yesterday both my legs feel like they're wrapped in cling film from the knees down."
    assert READ.status(KB, text, "leg_numbness_both_sides") == "present"


def test_a_watery_trickle_that_keeps_coming() -> None:
    text = "33 weeks, backache, and there's a clear watery trickle that keeps coming since lunch."
    assert READ.status(KB, text, "fluid_leak") == "present"


def test_rolled_out_of_bed_onto_the_floor() -> None:
    text = "Dad is 88 and rolled out of bed onto the floor in the night, now his lower back hurts."
    assert READ.status(KB, text, "minor_trauma") == "present"


def test_rolled_out_of_bed_as_on_any_morning_is_no_fall() -> None:
    assert READ.status(KB, "I rolled out of bed at seven and my back was stiff.", "minor_trauma") != "present"


def test_an_iv_user() -> None:
    assert READ.status(KB, "IV user, lower back agony for 5 days.", "iv_drug_use") == "present"


def test_still_there_after_weeks() -> None:
    text = "Back still aching after 8 weeks, no better at all."
    assert READ.value(KB, text, "days_since_onset") == 56
