"""Round 153 of the reading (from R355 to R358, their two missed emergencies first, and R359 to
R362): a product's own name is no limit ("Lemsip Max" before a dose); a form's weakness answer
"worse every day"; a note's test passed days ago and failed now; a sum drawn from the doses ("so 4 g
a day"); a total told in a sentence of its own; a numb bottom gone once up and about; the writer's
own fever beside the patient's; one side of the bottom numb; learners' "I have 58 years", "pain in
the cross" and "the pain of the waist"; no position at all; "Old lady here, 83."; a start told by a
day on a set weekday ("since Labor Day weekend", "the weekend the clocks went back"); a form's
"How long: 8 weeks"."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 6)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_products_own_name_is_no_limit() -> None:
    text = "Taking: co-codamol and Lemsip Max\nHow often: 2 co-codamol every 4 hours since yesterday"
    assert READ.status(KB, text, "paracetamol_overuse") == "present"


def test_a_limit_before_a_dose_still_is_one() -> None:
    text = "The box says max 2 tablets every 4 hours and I take 1 every 6 hours."
    assert READ.status(KB, text, "paracetamol_overuse") != "present"


def test_a_forms_weakness_answer_worse_every_day() -> None:
    text = "Weakness in legs: yes, the left one, and it's worse every day"
    assert READ.status(KB, text, "leg_weakness_worsening") == "present"


def test_a_forms_weakness_answer_not_worse() -> None:
    text = "Weakness in legs: yes, the left one, not getting worse"
    assert READ.status(KB, text, "leg_weakness_worsening") != "present"


def test_a_notes_test_passed_days_ago_and_failed_now() -> None:
    text = "L leg weaker. Could toe-walk on Thursday, unable today."
    assert READ.status(KB, text, "leg_weakness_worsening") == "present"


def test_a_sum_drawn_from_the_doses() -> None:
    text = "I take two 500 mg paracetamol four times a day, so 4 g a day, nothing else."
    assert READ.status(KB, text, "paracetamol_overuse") != "present"


def test_a_total_told_in_a_sentence_of_its_own() -> None:
    text = "On paracetamol and Lemsip for my back. Added it all up and I'm at 3 g today."
    assert READ.status(KB, text, "paracetamol_overuse") == "absent"


def test_a_numb_bottom_gone_once_up_and_about() -> None:
    text = "Numb backside after a long drive, went completely once I got up and walked about. Back stiff."
    assert READ.status(KB, text, "saddle_numbness") != "present"


def test_the_writers_own_fever_beside_the_patients() -> None:
    text = "Writing for my wife, her back went yesterday. I've had a temperature with flu this week but she hasn't."
    assert READ.status(KB, text, "fever") != "present"


def test_one_side_of_the_bottom_numb() -> None:
    text = "Since this morning one side of my bottom is numb, back is agony."
    assert READ.status(KB, text, "saddle_numbness") == "present"
    assert READ.status(KB, text, "stroke_signs") != "present"


def test_learners_age_had_in_years() -> None:
    assert READ.value(KB, "I have 62 years and my back is hurting since Monday.", "age") == 62


def test_learners_pain_in_the_cross() -> None:
    assert READ.status(KB, "Strong pain in my cross from 3 days.", "back_pain") == "present"


def test_learners_pain_of_the_waist() -> None:
    assert READ.status(KB, "The pain of my waist is very strong since Friday.", "back_pain") == "present"


def test_no_position_at_all() -> None:
    text = "9/10 and I can't find any position, been up all night."
    assert READ.status(KB, text, "pain_unrelenting") == "present"


def test_the_writer_introduced_then_aged() -> None:
    assert READ.value(KB, "Retired joiner here, 77. Back went lifting a sack of logs.", "age") == 77


def test_a_start_told_by_a_holiday_on_a_set_weekday() -> None:
    assert READ.value(KB, "My back has been sore since Thanksgiving, no better.", "days_since_onset") == 10


def test_a_start_told_by_the_clocks_going_back() -> None:
    text = "It began the week the clocks went back and my lower back is still the same."
    assert READ.value(KB, text, "days_since_onset") == 42


def test_a_forms_answer_of_how_long() -> None:
    assert READ.value(KB, "Age: 51\nHow long: 7 weeks\nWhere: lower back", "days_since_onset") == 49


def test_a_forms_label_told_again_in_its_answer() -> None:
    text = "Age: 39\nCancer: my mum had breast cancer, I never have\nPain: 6/10 lower back"
    assert READ.status(KB, text, "history_of_cancer") != "present"


def test_breathless_and_cannot_even_finish_a_sentence() -> None:
    text = "My back hurts and now I can't even finish a sentence without stopping for air."
    assert READ.status(KB, text, "difficulty_breathing") == "present"
    assert READ.status(KB, text, "sexual_dysfunction_new") != "present"


def test_tightenings_told_as_irregular() -> None:
    text = "33 weeks pregnant, back aches in the evening. The tightenings are random and settle with a bath."
    assert READ.status(KB, text, "regular_tightening") != "present"
