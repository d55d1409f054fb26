"""Round 174 of the reading (from R463 to R466, the sets that measured round 173; their two missed
emergencies and the other misses): a weekday written before a date ("since tues 20 oct"), "still
aching ten months later", "I don't think baby has moved as much", a check into the boards, the age of
"one of my Year 9 girls (14)", "not right" that denies nothing after it, "terrified its cancer", a
count of tablets kept to, the odd painless tightening, an animal's accident, a small tear in a muscle,
night as a working time, a short course of steroids years ago, the stair one slipped on and the
relative calling about the patient."""

from __future__ import annotations

import datetime as dt

from backcare.adapters.learned.telling_words import NEEDS_WORDS
from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 7)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_weekday_written_before_a_date() -> None:
    assert READ.value(KB, "low back ache since weds 21 oct, no better. 41m", "days_since_onset") == 47
    text = "Back pain started Thu 29 October after a long drive, same ever since."
    assert READ.value(KB, text, "days_since_onset") == 39


def test_still_aching_months_later() -> None:
    text = "Fell off my bike in the spring and hurt my back. Still sore most days eight months later, 3/10."
    assert READ.status(KB, text, "pain_over_3_months") == "present"
    assert "persistent" in READ.flags(text)


def test_a_baby_thought_to_move_less() -> None:
    text = "33 weeks, sore lower back, and I don't think the baby has been kicking as much as usual today."
    assert READ.status(KB, text, "reduced_fetal_movements") in ("present", "possible")
    assert "pregnancy_warning" in READ.flags(text)


def test_a_check_into_the_boards() -> None:
    text = "Hockey dad here: my son (17) was body checked into the boards tonight and his lower back hurts."
    assert READ.status(KB, text, "major_trauma") == "present"


def test_the_age_of_one_of_a_teachers_or_coachs_group() -> None:
    assert READ.value(KB, "Netball coach: one of my Year 10 girls (15) has low back pain.", "age") == 15
    assert READ.value(KB, "Coach here. One of our U13s (12, girl) has a sore lower back.", "age") == 12


def test_not_right_denies_nothing_after_it() -> None:
    text = "Carer note: 70M, LBP 4/7, on methotrexate. He is just not right, very unwell and off his food."
    assert READ.status(KB, text, "feeling_very_unwell") == "present"


def test_terrified_its_cancer() -> None:
    text = "back sore 4 days after digging the garden but im terrified its cancer like my nan had"
    assert READ.status(KB, text, "worried_or_not_coping") == "present"


def test_a_count_of_tablets_kept_to() -> None:
    text = "Panadol for my back and Lemsip for a cold; I keep it to 6 tablets a day in total."
    assert READ.status(KB, text, "paracetamol_overuse") == "absent"
    assert "paracetamol_duplication" in READ.flags(text)


def test_the_odd_painless_tightening_is_not_regular() -> None:
    text = "31 weeks pregnant with back ache. I have the occasional mild tightening, no pattern to it. 30F."
    assert READ.status(KB, text, "regular_tightening") is None


def test_an_animals_accident_is_not_the_writers() -> None:
    text = "Our spaniel got hit by a car on Friday and I've been lifting her in and out of the car. Low back sore."
    assert READ.status(KB, text, "major_trauma") is None


def test_a_small_tear_in_a_muscle_is_no_tearing_pain() -> None:
    text = "Felt like a tiny tear in my back muscle lifting a bale yesterday. Dull ache, 3/10. 33M."
    assert READ.status(KB, text, "tearing_pain") is None


def test_night_as_a_working_time() -> None:
    text = "58F, night nurse. My lower back is worse at night while I'm on shift turning patients. It never wakes me."
    assert READ.status(KB, text, "night_pain") != "present"


def test_a_short_course_of_steroids_years_ago() -> None:
    text = "Had a short course of steroid tablets for my chest 2 years ago. Slipped on ice today and my lower back hurts."
    assert READ.status(KB, text, "long_term_steroids") == "absent"


def test_the_stair_one_slipped_on_is_no_word_of_strength() -> None:
    strength = NEEDS_WORDS["leg_weakness"][0]
    assert not strength.search("Slipped on the bottom stair yesterday and jarred my lower back.")
    assert strength.search("My legs feel too weak to get up the stairs.")


def test_the_relative_calling_about_the_patient() -> None:
    text = "Phone triage: son ringing about 84F, LBP 2/7 after she slipped off the sofa. Otherwise well."
    assert READ.value(KB, text, "age") == 84
    assert "fracture" in READ.flags(text)
