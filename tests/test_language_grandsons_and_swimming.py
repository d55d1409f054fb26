"""Round 144 of the reading (from R307 to R310): when a weakness began is no word of it getting worse;
a child who "doesn't want to walk" is not weak; a note's event dated last century; "can't stop
googling" and no sleep "for worrying"; a grandson's fall; a learner's fever that "now is finish";
"since mid-October"; "numb feet, both of them, for years"; "my 2 year old" with a temperature; a
swimming stroke asked about; "at night it's worse and wakes me up"."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 6)
READ = ReadOn(TODAY)
KB = knowledge()


def test_when_a_weakness_began_is_no_worsening() -> None:
    text = "Right leg has gone weak, I can't stand on my heel on that side, since my back went 3 days ago. Left leg fine."
    assert "progressive_neuro_deficit" not in READ.flags(text)
    assert "nerve_deficit" in READ.flags(text)
    assert "progressive_neuro_deficit" in READ.flags("Yesterday I could walk, today my legs won't hold me at all, back pain.")


def test_a_child_who_doesnt_want_to_walk() -> None:
    text = "my son is 3 and keeps saying his back hurts. He doesn't want to walk today and he's limping. No fall."
    assert "progressive_neuro_deficit" not in READ.flags(text)
    assert "young_age" in READ.flags(text)


def test_an_event_dated_last_century() -> None:
    text = "51M. Acute LBP 3/7 post digging. Hx MVC 1991, full recovery."
    assert "major_trauma" not in READ.flags(text)


def test_worry_told_as_googling_and_no_sleep() -> None:
    text = "My lower back has ached for 10 days and I can't stop googling it, I haven't slept properly for worrying. 33."
    assert READ.status(KB, text, "worried_or_not_coping") == "present"


def test_a_grandsons_fall_is_his() -> None:
    text = "I'm 74. My granddaughter fell off the climbing frame and I carried her to the car, since then my lower back aches, 3/10."
    assert "fracture" not in READ.flags(text)


def test_a_fever_that_now_is_finish() -> None:
    text = "Ten days before I had flu with high fever, now is finished, I am good. Today I lift heavy box and low back pain. I am 29."
    assert "spinal_infection" not in READ.flags(text)


def test_since_mid_month_dates_the_onset() -> None:
    assert READ.value(KB, "My lower back has ached since mid-September, not improving. 47M.", "days_since_onset") is not None
    assert "persistent" in READ.flags("My lower back has ached since mid-September, not improving. 47M.")


def test_numb_feet_both_of_them_for_years() -> None:
    text = "I've had tingling feet, both of them, for years from my diabetes, nothing new. Lower back sore since Friday from digging. 66M."
    assert "cauda_equina" not in READ.flags(text)
    assert "longstanding_neuro" in READ.flags(text)


def test_my_2_year_olds_temperature_is_theirs() -> None:
    text = "My 3 year old has had a temperature so I've been carrying her for days, now my lower back is killing me. I feel fine, no temperature."
    assert "spinal_infection" not in READ.flags(text)
    assert "spinal_infection" in READ.flags("My 3 year old has had back pain for 2 days with a fever and won't walk.")


def test_a_swimming_stroke_asked_about() -> None:
    text = "Took up backstroke at the leisure centre and my lower back aches afterwards. Which stroke is best for backs? 41F."
    assert "general_emergency" not in READ.flags(text)


def test_night_told_first() -> None:
    text = "For five weeks my lower back hurts all the time, nothing eases it, and at night it's worse and wakes me. 44."
    assert READ.status(KB, text, "night_pain") == "present"
