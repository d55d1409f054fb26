"""Round 178 of the reading (from R479 to R482, the sets that measured round 177; none of their
emergencies was missed): a reply that says the writer is well ("no im ok"), "How long? 5 days"
without a colon, a gym buddy's faint, a house where everyone else has a fever, pain unrelieved by
"any positioning", and legs "numb and weak"."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 7)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_reply_that_says_the_writer_is_well() -> None:
    text = "Back sore since Friday.\n> Feeling very unwell?\nnah I'm fine, still at work"
    assert READ.status(KB, text, "feeling_very_unwell") == "absent"


def test_how_long_answered_without_a_colon() -> None:
    assert READ.value(KB, "Lower back sore.\n> How long?\n6 days", "days_since_onset") == 6


def test_a_gym_buddys_faint() -> None:
    text = "My gym buddy fainted on the rower on Monday. I pulled my lower back on the same day."
    assert READ.status(KB, text, "fainting") is None


def test_a_house_where_everyone_else_has_a_fever() -> None:
    text = "Everyone in my flat has got a fever and a cough but I'm grand. Lower back stiff after moving a sofa."
    assert READ.status(KB, text, "fever") is None


def test_pain_unrelieved_by_any_positioning() -> None:
    text = "Ambulance note: 35F, LBP 10/10, unrelieved by morphine or any positioning, neuro intact."
    assert READ.status(KB, text, "pain_unrelenting") == "present"
    assert "uncontrolled_pain" in READ.flags(text)


def test_legs_numb_and_weak() -> None:
    text = "Back pain for a week and today both my legs are numb and weak."
    assert READ.status(KB, text, "leg_weakness") == "present"
