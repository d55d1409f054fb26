"""Round 137 of the reading (from R267 to R278): one dose of paracetamol tells no overdose; handing out leaflets and a
faint ache are no faint; a bicycle or "off the road" alone is no crash; "ca breast" in lower case and a pet as the
subject; a drive "two months ago" dates the back pain; a question of what counts as a fever; learners' "more weak"
and "when I do cough"; "alright apart from the shivers"; a star sign and a resident's pads."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 5)
READ = ReadOn(TODAY)
KB = knowledge()


def test_one_dose_of_paracetamol_is_no_overdose() -> None:
    assert "medicine_overdose" not in READ.flags("Had two paracetamol last night for my lower back.")
    assert "medicine_overdose" not in READ.flags("Took 2 Panadol at lunch for my back, that's all so far.")
    # doses told again and again, or a count past one dose, still are
    assert "medicine_overdose" in READ.flags("I've taken 2 paracetamol every 2 hours since yesterday for my back.")
    assert "medicine_overdose" in READ.flags("Took 14 paracetamol since this morning for my back.")


def test_handing_things_out_and_a_faint_ache_are_no_faint() -> None:
    leaflets = "Handed out flyers in town all Saturday, on my feet all day, and now my lower back aches."
    assert READ.status(KB, leaflets, "fainting") is None
    assert READ.flags(leaflets) == set()
    ache = "A faint, nagging ache low in my back since the weekend, no dizziness."
    assert READ.status(KB, ache, "fainting") is None
    assert READ.flags(ache) == set()
    # a faint is still one
    assert READ.status(KB, "I passed out when I stood up and my back is agony.", "fainting") == "present"
    assert READ.status(KB, "I felt faint, the pain in my back is awful.", "fainting") == "present"


def test_a_bicycle_or_off_the_road_alone_is_no_crash() -> None:
    ride = "Rode 80 miles on my bike on Sunday and my lower back is stiff and sore, nothing else."
    assert "major_trauma" not in READ.flags(ride)
    push = "The car died on me and I pushed it off the road. Lower back sore since."
    assert "major_trauma" not in READ.flags(push)
    # coming off the bike is
    assert "major_trauma" in READ.flags("Came off my bike at speed yesterday and landed on my back.")


def test_cancer_shorthand_in_lower_case_and_whose_it_is() -> None:
    own = "LBP 6/52, thoracic. Had ca breast, all clear 2019."
    assert READ.status(KB, own, "history_of_cancer") == "present"
    assert "malignancy" in READ.flags(own)
    family = "Mechanical LBP 4/7, settling. FH: sister ca breast, aunt ca skin. PMH nil."
    assert "malignancy" not in READ.flags(family)
    # "can" before a body part is still a verb
    assert READ.status(KB, "I can skin a rabbit but I can't bend, my back hurts.", "history_of_cancer") is None


def test_a_pet_with_a_word_before_it() -> None:
    text = "Our poor old cat is incontinent now so I keep bending to clean up. My lower back hurts since Monday."
    assert READ.status(KB, text, "urinary_incontinence") is None
    assert READ.flags(text) == set()


def test_a_drive_some_time_ago_dates_the_back_pain() -> None:
    text = "My back started aching after a long drive about ten weeks ago and it hasn't eased at all."
    assert READ.value(KB, text, "days_since_onset") == 70
    assert "persistent" in READ.flags(text)
    # a habit's length is still the habit's
    habit = "Sitting at a desk all day for 5 years. My back started aching on Monday."
    assert READ.value(KB, habit, "days_since_onset") != 5 * 365


def test_a_question_of_what_counts_as_a_fever() -> None:
    text = "Lower back pain since Monday from gardening. What temp counts as a fever, just in case I get one?"
    assert READ.status(KB, text, "fever") is None
    assert READ.flags(text) == set()
    # a fever told, then a question, is still a fever
    told = "Lower back pain 3 days and a fever of 38.9. Is that bad?"
    assert READ.status(KB, told, "fever") == "present"


def test_learners_weakness_more_than_yesterday() -> None:
    text = "My back hurts from 5 days. My left leg is more weak than yesterday and the foot drags."
    assert READ.status(KB, text, "leg_weakness_worsening") == "present"
    assert "progressive_neuro_deficit" in READ.flags(text)


def test_learners_pain_when_i_do_cough() -> None:
    text = "My low back is pain 10 days. When I do sneeze it is much more pain, like a shock."
    assert READ.status(KB, text, "pain_worse_cough_sneeze") == "present"


def test_well_apart_from_one_complaint() -> None:
    text = "Back pain 4 days, temp 38.4, she says she feels fine apart from the shivering. Alert."
    assert READ.status(KB, text, "feeling_very_unwell") == "absent"
    assert "possible_sepsis" not in READ.flags(text)


def test_a_star_sign_in_brackets_and_a_residents_pads() -> None:
    sign = "I'm a Cancer (the star sign haha) and my back went at the gym yesterday."
    assert READ.status(KB, sign, "history_of_cancer") is None
    pads = "Care worker, was changing a patient's incontinence pads on nights when my lower back twinged."
    assert READ.status(KB, pads, "urinary_incontinence") is None
    assert READ.flags(pads) == set()
