"""Round 91 of the reading (from R111): punctuation dictated by voice ("comma", "full stop"); a
car driven into the back of a van, air bags that went off; a note's date is no duration ("note
03/12") and "since wk 2" is no week of its own; a note's aggravating factors; a coach's or a carer's
"one of my sprinters, 19F", "one of our ladies, 78"; "Dad broke his back ... but mine's from
digging"; a teenager "freaking out" and missing school."""

from __future__ import annotations

import datetime as dt

from backcare.adapters.language.normalise import clean
from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_dictated_punctuation_is_punctuation() -> None:
    assert clean("my back is sore comma no numbness full stop new line thanks").text == (
        "my back is sore, no numbness. . thanks"
    )
    assert clean("she was in a comma for a week. we came to a full stop").text == (
        "she was in a comma for a week. we came to a full stop"
    )


def test_a_car_into_the_back_of_a_van() -> None:
    text = "We drove into the back of a lorry on the bypass comma the airbags deployed full stop my back is sore"
    assert READ.status(KB, text, "major_trauma") == "present"


def test_a_note_date_and_a_week_pointed_at() -> None:
    assert READ.value(KB, "Physio note 04/12: LBP 3/52, NRS 4.", "days_since_onset") == 21
    text = "Review 6/52 post onset. LBP, NRS 4/10, unchanged since wk 3."
    assert READ.value(KB, text, "days_since_onset") == 42


def test_a_note_aggravating_factors() -> None:
    text = "LBP 1/52. Aggs: bending, prolonged standing, coughing. Eases: lying."
    assert READ.status(KB, text, "pain_worse_cough_sneeze") == "present"


def test_one_of_those_looked_after() -> None:
    coach = "One of my swimmers, 17M, has low back pain for 3 weeks and his left leg keeps giving way."
    assert READ.status(KB, coach, "leg_weakness") == "present"
    carer = "One of our gentlemen, 81, slipped off his chair onto the floor. His lower back hurts now."
    assert READ.value(KB, carer, "age") == 81
    girls = "I coach netball. One of my girls (13) has had back ache for a week."
    assert READ.value(KB, girls, "age") == 13


def test_mine_beside_a_relatives_story() -> None:
    text = "My brother wrecked his back in a car crash years ago, but mine's just from gardening on Saturday."
    assert READ.status(KB, text, "major_trauma") != "present"


def test_a_teenager_freaking_out() -> None:
    text = "im 16 and my back has hurt for 3 weeks, im freaking out and i've missed college all week because of it"
    assert READ.status(KB, text, "worried_or_not_coping") == "present"
