"""Round 77 of the reading (from R98): a coach's "one of my girls (14)" names the patient and her
age; "pain from my waist" and a "lower left back" are the low back; a leg "weak, but the same as
yesterday" is not getting weaker, and the model's reading of worsening weakness needs a word of
strength, not only the foot the pain reaches. Round 78 (from R99): "the bed was wet" when waking;
a weight now before its earlier value ("84 kg today vs 92 kg in June"); paracetamol "1 g four
times" and "sachets x3" within a day; "lying around makes it worse", waking "in the second half of
the night with it" and "sometimes one buttock, sometimes the other"; "with it" is not always a
clear head."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_coach_writes_about_one_of_the_team() -> None:
    text = "I run the under-15s. One of my lads (13) has had a sore lower back for three weeks from bowling."
    assert READ.value(KB, text, "age") == 13
    assert "young_age" in READ.flags(text)


def test_a_players_age_in_brackets() -> None:
    text = "One of my players (15) has had low back pain for a fortnight, no fever."
    assert READ.value(KB, text, "age") == 15


def test_the_writers_own_back_beside_their_kids() -> None:
    text = "My kids are 6 and 9. My back went yesterday lifting the shopping."
    assert READ.status(KB, text, "age") is None


def test_pain_from_the_waist_down_the_leg_is_the_back() -> None:
    text = "Since Monday I have strong pain from my waist down my right leg to the ankle."
    assert READ.status(KB, text, "back_pain") == "present"


def test_a_lower_left_back() -> None:
    text = "Lower right back aching since I moved house, 4/10."
    assert READ.status(KB, text, "back_pain") == "present"
    assert READ.value(KB, text, "pain_region") == "lower"


def test_weak_but_the_same_as_yesterday_is_not_worsening() -> None:
    text = "Back and right leg pain 2 weeks. The right foot is weak, I trip on it, but the same as yesterday."
    assert READ.status(KB, text, "leg_weakness") == "present"
    assert "progressive_neuro_deficit" not in READ.flags(text)


def test_pain_reaching_the_foot_is_no_worsening_weakness() -> None:
    text = "Since last week my back pain goes down the back of my left leg into my foot, 7 out of 10."
    assert "progressive_neuro_deficit" not in READ.flags(text)
    assert READ.status(KB, "My legs are getting weaker by the day and my back hurts.", "leg_weakness_worsening") == (
        "present"
    )


# --- Round 78 (from R99) ---------------------------------------------------------------------------


def test_waking_to_a_wet_bed() -> None:
    text = "My back has been bad for days and last night the bed was soaked when I woke, didn't feel a thing."
    assert READ.status(KB, text, "urinary_incontinence") == "present"
    assert "cauda_equina" in READ.flags(text)


def test_a_bed_wet_with_sweat_is_no_leak() -> None:
    text = "Back ache, and the sheets and my pants were wet with sweat this morning."
    assert READ.status(KB, text, "urinary_incontinence") is None


def test_a_weight_told_now_then_before() -> None:
    text = "Nurse note: 66F, LBP 5/52. Weight 58 kg today vs 64 kg in the summer, appetite poor."
    assert READ.status(KB, text, "unexplained_weight_loss") == "present"
    same = "Nurse note: 66F, LBP 5/52. Weight 64 kg today vs 64.5 kg in the summer."
    assert READ.status(KB, same, "unexplained_weight_loss") is None


def test_doses_counted_within_a_day_without_a_day_word() -> None:
    text = "Pharmacy: 40F, back spasm. In the last 24 hours paracetamol 1 g four times and Lemsip sachets x2."
    assert READ.status(KB, text, "paracetamol_overuse") == "present"
    week = "Pharmacy: 40F, back spasm. Over the last week paracetamol 1 g four times altogether."
    assert READ.status(KB, week, "paracetamol_overuse") != "present"


def test_an_inflammatory_pattern_told_in_plain_words() -> None:
    text = (
        "I'm 31, my lower back has been stiff every morning for 6 months, over an hour. Exercise helps, "
        "lying around makes it worse, and I wake up in the early hours with it. Sometimes it's the left "
        "buttock, sometimes the right."
    )
    assert READ.status(KB, text, "not_improved_by_rest") == "present"
    assert READ.status(KB, text, "night_pain") == "present"
    assert READ.status(KB, text, "alternating_buttock_pain") == "present"
    assert "inflammatory" in READ.flags(text)


def test_waking_with_it_says_nothing_of_a_clear_head() -> None:
    assert READ.status(KB, "Back pain, I wake up with it every morning.", "confusion_or_drowsiness") is None
