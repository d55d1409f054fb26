"""Round 143 of the reading (from R303 to R306 and older misses): "the right side of my back" is no
second leg; a toddler who won't bend down is in pain, not weak; "son is 12" is a parent's report with
the child's age; a faint "once at 16" is long past; a note's "EMS > 1h." and "better with activity,
not with rest"; a car journey "yesterday" dates the onset; a back that "has been bad" is no word of
illness, nor is feeling shivery; a rider's "feeling is completely normal" and sore inner thighs; legs
"numb from the knees down and weak"; a note's "bilat leg heaviness" of a known stenosis."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 6)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_side_of_the_back_is_no_second_leg() -> None:
    text = "My skin looks yellow this week. My upper tummy and the left side of my back ache too. I'm 61."
    assert READ.status(KB, text, "leg_pain_both_sides") is None
    assert "cauda_equina" not in READ.flags(text)
    both = "Sciatica down my right leg for a week, now the left side's gone numb too."
    assert "cauda_equina" in READ.flags(both)


def test_a_toddler_who_wont_bend_is_in_pain_not_weak() -> None:
    text = "My daughter is 2 and a half. Since yesterday she won't bend down to pick up her teddy, cries when we lift her and points at her back."
    assert "progressive_neuro_deficit" not in READ.flags(text)
    assert "young_age" in READ.flags(text)


def test_son_is_12_is_the_childs_age() -> None:
    text = "son is 11, for 3 weeks his back pain wakes him at night. fine in the day."
    assert READ.value(KB, text, "age") == 11
    assert "young_age" in READ.flags(text)


def test_a_faint_once_at_16_is_long_past() -> None:
    text = "I fainted once at 15 giving blood. Now 49, lower back stiff after painting the ceiling, 3/10."
    assert "general_emergency" not in READ.flags(text)
    assert READ.status(KB, text, "fainting") != "present"


def test_a_notes_ems_and_rest() -> None:
    text = "28M, 7/12 LBP. EMS > 2h. Better with exercise, not with rest. Alternating buttock pain. No trauma."
    assert READ.status(KB, text, "morning_stiffness_over_30min") == "present"
    assert READ.status(KB, text, "not_improved_by_rest") == "present"
    assert "inflammatory" in READ.flags(text)


def test_a_car_journey_yesterday_dates_the_onset() -> None:
    text = "Both feet tingle because of my diabetes (had it for years). Separate thing: lower back stiff from a long drive yesterday."
    assert READ.value(KB, text, "days_since_onset") == 1
    assert "persistent" not in READ.flags(text)


def test_a_bad_back_and_shivers_are_no_word_of_illness() -> None:
    text = "I'm 67 with diabetes. My lower back has been bad for a week and tonight I feel shivery and hot, no thermometer."
    assert "possible_sepsis" not in READ.flags(text)
    assert "spinal_infection" in READ.flags(text)


def test_a_riders_soreness_with_normal_feeling() -> None:
    text = (
        "34F. Long trail ride on a horse on Saturday. Lower back aches and my bum and inner thighs are sore from the"
        " saddle, it's muscle ache, feeling is totally normal. Wees fine."
    )
    assert "cauda_equina" not in READ.flags(text)


def test_legs_numb_from_the_knees_down_and_weak() -> None:
    text = "Lower back pain for a fortnight. Since Saturday both my legs are numb from the knees down and weak. 68."
    assert READ.status(KB, text, "leg_weakness") == "present"
    assert READ.status(KB, text, "leg_numbness_both_sides") == "present"
    assert "progressive_neuro_deficit" in READ.flags(text)


def test_a_notes_leg_heaviness_of_a_known_stenosis() -> None:
    text = "70F, known canal stenosis: bilat leg heaviness on walking >100 m, eased by sitting, unchanged x3 yrs. New LBP after gardening."
    assert "longstanding_neuro" in READ.flags(text)
    assert "cauda_equina" not in READ.flags(text)
