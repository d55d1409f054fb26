"""Round 142 of the reading (from R295 to R302): a faint ache is a slight pain only after a word that makes
"faint" an adjective, never after "felt" or "went"; the back named after the belly; agony down the leg;
a husband "'s on" his statin; a carer's own history told with "myself"; coming round on the floor; ups
and downs are not getting better; a dentist's numb lip; new weakness "since 4 days" is not worsening;
a bike that toppled at walking pace; a leak "when I jump on the trampoline or laugh" for years."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 6)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_faint_dull_ache_is_no_faint() -> None:
    text = "I'm 74 and have had a faint nagging ache low in my back since the weekend, worse bending."
    assert READ.status(KB, text, "fainting") is None
    assert "aortic" not in READ.flags(text)


def test_felt_faint_before_a_pain_is_a_faint() -> None:
    assert "aortic" in READ.flags("I'm 71. All of a sudden went faint, deep pain in my back and belly.")
    assert "aortic" in READ.flags("I'm 70 and suddenly felt faint and constant pain in my back since.")


def test_the_back_named_after_the_belly() -> None:
    assert READ.status(KB, "Pain in my tummy and back since lunch.", "back_pain") == "present"
    assert READ.status(KB, "Burning pain in my stomach going through to back.", "back_pain") == "present"
    assert READ.status(KB, "Walked there and back with the dog.", "back_pain") is None


def test_agony_down_the_leg() -> None:
    text = "Agony down my left leg to the ankle, 8/10, started 3 days ago moving a sofa."
    assert READ.value(KB, text, "pain_score") == 8
    assert READ.status(KB, text, "leg_pain_below_knee") == "present"


def test_a_husbands_statin_is_his() -> None:
    text = "Back spasms on and off for 4 months. My partner's on atorvastatin, I take nothing myself."
    assert "medication_related" not in READ.flags(text)
    assert "medication_related" in READ.flags("Back spasms on and off for 4 months. I'm on atorvastatin.")


def test_a_carers_own_history_told_with_myself() -> None:
    text = "Writing for my son, 19, he pulled his lower back at rugby yesterday. I've had bowel cancer myself but he's fit."
    assert "malignancy" not in READ.flags(text)
    lifted = "Writing for my mum, 84, she had a fall and I couldn't lift her by myself, her lower back hurts."
    assert "fracture" in READ.flags(lifted)


def test_coming_round_on_the_floor_is_a_faint() -> None:
    text = "I'm 66. Sudden awful pain in my back while hoovering, next minute I woke up on the kitchen floor."
    assert READ.status(KB, text, "fainting") == "present"
    assert "aortic" in READ.flags(text)


def test_ups_and_downs_are_not_getting_better() -> None:
    text = "Lower back pain for 9 weeks. Some days it's a little better, other days worse."
    assert READ.status(KB, text, "improving") is None
    assert "persistent" in READ.flags(text)


def test_a_dentists_numb_lip_is_no_stroke() -> None:
    text = "Back went stiff after an hour in the dentist's chair. My lip is still numb from the anaesthetic."
    assert READ.status(KB, text, "stroke_signs") is None
    assert "general_emergency" in READ.flags("Lower back pain. My lip went numb and my face is drooping on one side.")


def test_new_weakness_since_days_is_not_worsening() -> None:
    text = "My left leg is weak since 3 days, cannot stand on my heel. Back pain from carrying sacks."
    assert "progressive_neuro_deficit" not in READ.flags(text)
    assert "nerve_deficit" in READ.flags(text)


def test_a_bike_that_toppled_at_walking_pace() -> None:
    text = "Tipped off my bicycle at a standstill, no car involved and nothing hit me. Lower back sore since, 52F."
    assert "major_trauma" not in READ.flags(text)
    assert "major_trauma" in READ.flags("Came off my bike at 30 mph on the main road, lower back pain, 38M.")


def test_a_leak_on_running_or_sneezing_for_years() -> None:
    text = "39F. I've leaked a little when I run on the treadmill or sneeze for years. Lower back sore from gardening since Saturday."
    assert "cauda_equina" not in READ.flags(text)
    assert "cauda_equina" in READ.flags("41F. Since yesterday I leak when I stand up or cough, lower back pain.")
