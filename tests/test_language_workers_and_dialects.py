"""Round 156 of the reading (from R383 to R386, written while round 155 was checked and scored
once on it): what is awkward to say ("numb-ish when I wipe", "things down below aren't working
like they did"); paracetamol by its South African and Indian names, and a day's total told as "it's
about 12"; a denial of the past against what is told now; a truck pulled by hand; an age or a length
a note tucks in; "stinging when I go"; a cold "fully resolved before the back pain started"; a short
course of steroids told after their name; Caribbean and Scots words ("nutten help", "it wake mi up",
"for aboot eight weeks")."""

from __future__ import annotations

import datetime as dt

from backcare.adapters.language import understand
from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 6)
READ = ReadOn(TODAY)
KB = knowledge()


def test_numb_ish_when_wiping_is_saddle_numbness() -> None:
    text = "My back's been bad for a week and since yesterday it feels numb-ish when I wipe."
    assert READ.status(KB, text, "saddle_numbness") == "present"


def test_things_down_below_not_working_as_they_did() -> None:
    text = "Embarrassing, but things down there aren't working the way they used to since my back went."
    assert READ.status(KB, text, "sexual_dysfunction_new") == "present"


def test_paracetamol_by_its_south_african_and_indian_names() -> None:
    medicines = READ.value(KB, "For my back I take Panado in the day and Crocin at night.", "medications")
    assert isinstance(medicines, list) and medicines.count("paracetamol") >= 1
    assert "ibuprofen with paracetamol" in (READ.value(KB, "Combiflam twice a day for my back.", "medications") or [])


def test_a_day_s_total_told_as_it_s_about() -> None:
    text = "Back spasms, taking Panado. I think it's about 11 Panado in the last day, I'm not sure."
    assert READ.counted(KB, text, "paracetamol_overuse")


def test_a_denial_of_the_past_is_no_veto_of_what_is_told_now() -> None:
    text = (
        "Triage: 47M, LBP 4/7 after lifting. Urinary incontinence today without warning, not with cough. "
        "No previous bladder problems."
    )
    assert "cauda_equina" in READ.flags(text)


def test_a_truck_pulled_by_hand_disputes_a_collision() -> None:
    text = "Lower back went after pulling a pallet truck up the ramp."
    assert "major_trauma" in understand(text, KB, TODAY).idioms


def test_an_age_between_commas_in_the_first_sentence() -> None:
    text = "Pain between my shoulder blades, 58, from lifting boxes at work. No chest pain."
    assert READ.value(KB, text, "age") == 58


def test_a_note_s_length_before_where_it_hurts() -> None:
    text = "Referral: 30F, 5 months lower back and buttock pain, stiff in the mornings."
    assert READ.value(KB, text, "days_since_onset") == 150


def test_stinging_when_i_go() -> None:
    text = "It's my wee really. Burning when I go, and my back aches on the left under the ribs."
    assert READ.status(KB, text, "painful_urination") == "present"


def test_a_cold_resolved_before_the_back_pain_started() -> None:
    text = "Had a feverish cold 2 weeks ago, completely cleared before the back pain started."
    assert READ.status(KB, text, "fever") != "present"


def test_a_short_course_told_after_the_medicine() -> None:
    text = "I was on prednisone, but only a 7 day course in October. Back sore since Friday."
    assert READ.status(KB, text, "long_term_steroids") == "absent"


def test_nothing_helps_told_without_its_does() -> None:
    text = "Mi back a kill mi, mi try everyting, nutten help."
    assert READ.status(KB, text, "pain_unrelenting") == "present"


def test_the_pain_wakes_me_said_with_mi() -> None:
    text = "Mi back hurt bad, it wake mi up every single night now."
    assert READ.status(KB, text, "night_pain") == "present"


def test_a_length_told_with_aboot() -> None:
    text = "My back's been sore for aboot seven weeks noo."
    assert READ.value(KB, text, "days_since_onset") == 49
