"""Round 159 of the reading (from R395 to R398, written for round 158, and the misses the stop before
left): spans up to now that are not the past, readings and notes told briefly, and the people
beside the patient (a colleague, a relative's history, another one of the team)."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 6)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_span_up_to_now_is_not_the_past() -> None:
    text = "I've lost a stone in the past 3 months without trying, and my back aches at night."
    assert READ.status(KB, text, "unexplained_weight_loss") == "present"


def test_breathless_at_rest_is_difficulty_breathing() -> None:
    text = "My back went into spasm and now I'm out of breath even lying down."
    assert READ.status(KB, text, "difficulty_breathing") == "present"
    assert READ.status(KB, "Short of breath walking up hills but fine sitting.", "difficulty_breathing") is None


def test_urine_that_also_stings() -> None:
    assert READ.status(KB, "My wee really stings and there's a pain in my left flank.", "painful_urination") == "present"


def test_a_pupil_in_a_school_nurses_note_is_the_patient() -> None:
    text = "School nurse: Year 8 pupil, 12, back pain after PE. Wet herself in class today without realising."
    assert READ.value(KB, text, "age") == 12
    assert READ.status(KB, text, "urinary_incontinence") == "present"


def test_a_child_named_then_aged() -> None:
    assert READ.value(KB, "Dad here. Oliver is 11, back pain for a week.", "age") == 11
    assert READ.value(KB, "Pain is 6, worse at night. Back since Monday.", "age") is None


def test_a_hump_not_there_at_the_last_check_is_new() -> None:
    text = "New rib hump on his back when he bends forward, not there at last year's check."
    assert READ.status(KB, text, "back_lump_or_deformity") == "present"


def test_days_past_term_in_a_midwifes_note() -> None:
    text = "MW note: G3P2 at T+6, regular tightenings every 4 minutes, back pain."
    assert READ.value(KB, text, "pregnancy_weeks") == 40
    assert "labour" in READ.flags(text)
    assert READ.value(KB, "Back pain, T+2 after the epidural, no tightenings.", "pregnancy_weeks") is None


def test_a_reading_alone_then_when_it_was_taken() -> None:
    assert READ.status(KB, "39.0 last night and my lower back is killing me.", "fever") == "present"
    assert READ.status(KB, "Weighed myself, 38.5 this morning. Back sore.", "fever") is None


def test_a_colleague_named_first_is_the_patient() -> None:
    text = "Colleague is 22 weeks pregnant, low back ache since this morning and now she's spotting blood."
    assert "pregnancy_warning" in READ.flags(text)


def test_a_relatives_history_after_the_back_is_theirs() -> None:
    text = "Upper back sore since Friday, my mum had breast cancer if that's relevant."
    assert not READ.counted(KB, text, "history_of_cancer")


def test_checking_for_a_child_and_one_of_a_coachs_group() -> None:
    assert READ.value(KB, "checking for my daughter, she's 13. back pain for 2 weeks", "age") == 13
    assert READ.value(KB, "Coach. One of my 15 year olds has hurt her back at training.", "age") == 15


def test_another_one_of_the_team_is_not_the_patient() -> None:
    text = (
        "Coach here. One of our girls (17) hurt her back at practice, just stiff. "
        "Another girl on the team broke her back in a car crash on Saturday."
    )
    assert "major_trauma" not in READ.flags(text)


def test_since_last_year_and_what_happens_every_morning() -> None:
    text = "My back is stiff every single morning for about an hour. It's been like this since last year."
    assert READ.value(KB, text, "days_since_onset") == TODAY.timetuple().tm_yday


def test_a_pain_that_goes_nowhere_else_has_no_leg_pain() -> None:
    text = "Pinched nerve in my back I reckon, but it doesn't go anywhere else."
    assert READ.status(KB, text, "leg_pain_below_knee") == "absent"


def test_look_alikes_of_retention_and_fever() -> None:
    assert READ.status(KB, "I've got retention, water retention I mean. Back sore.", "urinary_retention") is None
    assert READ.status(KB, "My lower back feels a bit feverish and tight after the gym.", "fever") is None


def test_a_numbered_day_before_a_colon() -> None:
    assert READ.value(KB, "Physio review, day 30: R S1 sciatica, improving.", "days_since_onset") == 29


def test_an_age_in_brackets_ends_there() -> None:
    text = "I have osteoporosis, lifted my grandson (he's 3) and got a sudden severe pain in my lower back, 9/10."
    assert "fracture" in READ.flags(text)


def test_a_cancer_split_by_dictation() -> None:
    text = "i was treated for lymph oma three years back and now ive got new back pain"
    assert READ.status(KB, text, "history_of_cancer") == "present"


def test_a_relatives_story_beside_the_writers_own_legs() -> None:
    text = (
        "Leg pain down to my left calf for 3 weeks since a long drive. "
        "my dad had a slipped disc once and needed an operation because he was wetting himself"
    )
    assert not READ.counted(KB, text, "urinary_incontinence")
