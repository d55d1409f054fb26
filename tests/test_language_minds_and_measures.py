"""Round 149 of the reading (from R335 to R338, and the latest stop's missed emergency first):
confusion told as behaviour, and a relative's name that owns nothing; a grandparent named like a
name; a start told by part of a month; a numb bottom that "came right"; stable legs told after a
dash; an old kidney stone told as unlike this; the middle of the low back; normal temperatures
taken, and a suspected fever they settle; legs "without force"; feeling rotten; a note's mass and
urinalysis; what one cannot lift is no denial, what one did not do is; a fall's height after a
comma; an earlier illness "long gone"; "since years"; a dose "at a time"; a reading wrapped onto
the next line."""

from __future__ import annotations

import datetime as dt

from backcare.adapters.learned.telling_words import NEEDS_WORDS
from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 6)
READ = ReadOn(TODAY)
KB = knowledge()


def test_confusion_told_as_what_he_does() -> None:
    text = "Dad is 80. Since lunch he's not right, keeps dozing off mid-conversation. Back pain a week."
    assert READ.status(KB, text, "confusion_or_drowsiness") == "present"
    text = "Her back has hurt for two weeks. She called me by her sister's name and doesn't know what day it is."
    assert READ.status(KB, text, "confusion_or_drowsiness") == "present"


def test_a_grandparent_named_like_a_name() -> None:
    text = "Writing for Grandad who is 81. He tripped on the kerb on Friday and his lower back hurts."
    assert READ.value(KB, text, "age") == 81


def test_a_start_told_by_part_of_a_month() -> None:
    assert READ.value(KB, "My back pain began in the first week of November.", "days_since_onset") == 35
    assert READ.value(KB, "Mid-October I started getting a stiff lower back.", "days_since_onset") == 52
    assert READ.value(KB, "Back pain that started middle of October, no better.", "days_since_onset") == 52
    text = "I moved the wardrobe at the beginning of November and ever since then my back has ached."
    assert READ.value(KB, text, "days_since_onset") == 35
    assert READ.value(KB, "My back has hurt since the August bank holiday.", "days_since_onset") == 127


def test_a_numb_bottom_that_came_right() -> None:
    text = "Long drive yesterday, back stiff. My bum went numb in the car but came right once I walked about."
    assert "cauda_equina" not in READ.flags(text)


def test_stable_legs_told_after_a_dash() -> None:
    text = "Both legs ache after a short walk and it eases when I sit - that's been the same for four years. Back sore."
    assert READ.status(KB, text, "leg_pain_both_sides") is None
    text = "Both legs went numb this morning and it won't ease - that's been the same for years with my back though."
    assert "cauda_equina" in READ.flags(text)


def test_an_old_illness_told_as_unlike_this() -> None:
    text = "I had a kidney stone in 2015 and this is nothing like that - that came in waves and I was weeing blood. Back sore."
    assert READ.status(KB, text, "colicky_pain") is None


def test_the_middle_of_the_low_back() -> None:
    assert READ.value(KB, "It hurts low down in the centre of my back since yesterday.", "pain_region") == "lower"


def test_normal_temperatures_taken() -> None:
    text = "Lower back sore. Took my temperature 2 times this evening: 36.8 and 37.1."
    assert READ.status(KB, text, "fever") == "absent"
    text = "Heart transplant, on tacrolimus. Back pain 3 days and I feel really unwell. Temperature 3 times today: 36.6, 36.9."
    assert READ.flags(text) >= {"spinal_infection"} and "possible_sepsis" not in READ.flags(text)
    text = "I wondered if I had a temperature as I felt warm, but I checked, 36.8. Back aching from the gym."
    assert READ.status(KB, text, "fever") == "absent"


def test_improving_week_by_week() -> None:
    assert READ.status(KB, "Seven weeks in, my back is 3/10 and easier every week.", "improving") == "present"


def test_legs_without_force() -> None:
    assert READ.status(KB, "My back hurt since Monday, today my legs feel without force.", "leg_weakness") == "present"
    assert READ.status(KB, "Back bad since Monday, and now the knees want to fold.", "leg_weakness") == "present"


def test_feeling_rotten_and_washed_out() -> None:
    assert READ.status(KB, "Back pain 5 days and I feel so lousy.", "feeling_very_unwell") == "present"
    assert READ.status(KB, "LBP since op, 'drained and unwell', eating little.", "feeling_very_unwell") == "present"


def test_a_notes_mass_and_urinalysis() -> None:
    text = "O/E 2 cm paravertebral lump at T10, new per pt. Back ache."
    assert READ.status(KB, text, "back_lump_or_deformity") == "present"
    text = "R loin pain in waves since 3am. U/A mod blood. Apyrexial."
    assert READ.status(KB, text, "blood_in_urine") == "present"
    assert not NEEDS_WORDS["known_aaa"][0].search("UA: large blood.")
    assert NEEDS_WORDS["known_aaa"][0].search("the swelling they keep an eye on")
    assert not NEEDS_WORDS["anticoagulant"][0].search("Afebrile.")


def test_what_one_cannot_lift_and_what_one_did_not_do() -> None:
    text = "I can't lift my little boy, can't go to work, can't sleep for worrying about it. Back 10 days."
    assert READ.status(KB, text, "worried_or_not_coping") == "present"
    assert READ.status(KB, "I'm 77. No knocks and I didn't twist, it just ached after gardening.", "minor_trauma") == "absent"


def test_a_suspected_fever_settled_by_a_reading() -> None:
    text = "I thought maybe I had a fever as I was hot, but I measured, 36.6. Back sore from the sofa bed."
    assert READ.status(KB, text, "fever") == "absent"
    assert READ.status(KB, "Temp 36.8 this morning. Now maybe a bit feverish, back aching.", "fever") == "possible"


def test_figures_of_speech_and_long_tools() -> None:
    assert "major_trauma" not in READ.flags("Woke up feeling like a lorry ran over me, lower back stiff. 40M.")
    assert "major_trauma" not in READ.flags("Back sore after cleaning the windows from the ground with an extension pole.")


def test_an_aneurysm_screened_and_a_lump_someone_told_of() -> None:
    text = "Back stiff after a long drive. I was screened for the aneurysm at 65 and it was normal. 70M."
    assert READ.status(KB, text, "known_aaa") == "absent"
    text = "My wife was rubbing my back last night and said there's a lump come up by my spine. I'm 66."
    assert READ.status(KB, text, "back_lump_or_deformity") == "present"


def test_a_fall_height_after_a_comma() -> None:
    text = "Lost my footing and came down from the top, about nine feet, onto the patio. Back hurts."
    assert READ.status(KB, text, "major_trauma") == "present"


def test_an_earlier_illness_long_gone() -> None:
    text = "I had a chest infection last month with a high temperature for a few days, all long gone. Back went yesterday."
    assert READ.status(KB, text, "fever") != "present"


def test_since_years() -> None:
    text = "Both my legs are tingling since years from my diabetes, nothing new. Back sore since Saturday."
    assert "cauda_equina" not in READ.flags(text)


def test_a_dose_at_a_time() -> None:
    text = "For my back I take paracetamol three at a time, and I've had them every six hours."
    assert "medicine_overdose" in READ.flags(text)


def test_a_reading_wrapped_onto_the_next_line() -> None:
    assert READ.status(KB, "LBP 2/7, unwell, T\n38.9, HR 110.", "fever") == "present"


def test_asking_ahead_what_to_do() -> None:
    text = "Back twinged on Monday. What should I do if I notice I'm losing control of my bowels and go numb down there?"
    assert READ.status(KB, text, "saddle_numbness") is None


def test_a_ward_glossed_in_brackets() -> None:
    text = "I work on a haematology (cancer) unit and my lower back has ached for 8 weeks from lifting. Never had cancer."
    assert "malignancy" not in READ.flags(text)


def test_a_baby_already_born_and_bleeding_long_stopped() -> None:
    text = "My baby is 4 months old. I bled a bit after the birth but that stopped weeks ago. Back aches from the pram, 3 days."
    assert "pregnancy_warning" not in READ.flags(text)


def test_figures_of_speech_about_a_price_and_tired_legs() -> None:
    text = "The osteopath charged me 90 quid for twenty minutes, nearly passed out. Lower back sore 5 days, 30M."
    assert READ.status(KB, text, "fainting") is None
    text = "Ran a marathon on Sunday, my legs were dead for a day after. Back a bit stiff now, 35F."
    assert READ.status(KB, text, "leg_numbness_both_sides") is None


def test_a_day_glossed_with_its_month() -> None:
    text = "My back has ached since around Thanksgiving (late November)."
    assert READ.value(KB, text, "days_since_onset") == 14


def test_named_sciatica_that_stays_out_of_the_bum_and_legs() -> None:
    text = "I reckon it's sciatica. My lower back is sore, but it doesn't go into my buttock or legs."
    assert READ.status(KB, text, "leg_pain_below_knee") == "absent"


def test_the_middle_roughly_and_a_word_in_quotes() -> None:
    assert READ.value(KB, "My back hurts, mid-ish, for a week.", "pain_region") == "middle"
    assert READ.status(KB, 'Sudden "tearing" pain through to my back an hour ago.', "tearing_pain") == "present"


def test_a_blood_pressure_in_each_arm() -> None:
    assert "cardiac" not in READ.flags("Sudden back pain, BP R arm 150/90, L arm 120/70.")


def test_a_carers_slump_and_seconds_out() -> None:
    text = "Mrs D, 84, back pain since lunch. Just now she slumped off her chair, out for a couple of seconds."
    assert READ.status(KB, text, "collapse") == "present"
    assert READ.status(KB, text, "fainting") == "present"
    assert READ.value(KB, text, "days_since_onset") == 0


def test_slumped_as_a_way_of_sitting() -> None:
    assert READ.status(KB, "She sits slumped in the new armchair all day and her back aches.", "collapse") is None
    assert READ.status(KB, "Dozed off slumped sideways on the sofa, woke with a stiff back.", "collapse") is None


def test_a_line_wrapped_before_a_colon() -> None:
    text = "Back went Friday, 9/10, and nothing\ntouches it: lying, sitting, standing, all the same."
    assert READ.status(KB, text, "pain_unrelenting") == "present"
