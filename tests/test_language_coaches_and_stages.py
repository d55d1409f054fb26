"""Round 77 of the reading (from R98): a coach's "one of my girls (14)" names the patient and her
age; "pain from my waist" and a "lower left back" are the low back; a leg "weak, but the same as
yesterday" is not getting weaker, and the model's reading of worsening weakness needs a word of
strength, not only the foot the pain reaches."""

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
