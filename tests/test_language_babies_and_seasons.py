"""Round 133 of the reading (from R251 to R254, its missed emergency first): a baby that "hasn't really moved much"
moves less, and one that "hasn't stopped moving" does not; a slide off a chair onto one's bottom is a fall; "last
spring" is long past; "nearly gone now" is better, not over; a search is no history; a leg weak then and walking
fine now is not getting weaker; a fever over "and now it's come back" is current again."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 5)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_baby_that_has_not_really_moved_much() -> None:
    text = (
        "30 weeks. my back has been sore all day and i've just realised the baby hasn't really moved much today "
        "compared to usual"
    )
    assert "pregnancy_warning" in READ.flags(text)
    still = "34 weeks pregnant, backache, and the baby hasn't stopped moving all day."
    assert READ.status(KB, still, "reduced_fetal_movements") != "present"
    assert "pregnancy_warning" not in READ.flags(still)


def test_she_stopped_kicking_and_has_not_started_again() -> None:
    text = "32 weeks pregnant, sore back, she stopped kicking this morning and hasn't started again"
    assert "pregnancy_warning" in READ.flags(text)


def test_a_slide_off_a_chair_onto_the_bottom_is_a_fall() -> None:
    text = (
        "My grandad is 82 and slid off his armchair onto his bum yesterday. Now his lower back really hurts when he "
        "moves. He didn't hit his head and he's his usual self otherwise."
    )
    assert READ.status(KB, text, "minor_trauma") == "present"
    assert "fracture" in READ.flags(text)


def test_last_spring_is_long_past() -> None:
    text = (
        "Last spring I had a nasty flare with pins and needles down both legs; it settled within a month with "
        "physio. Now my lower back is just stiff and sore after three days of decorating. I'm 43 and otherwise well."
    )
    assert "cauda_equina" not in READ.flags(text)
    # since last summer is when it began, and worse now is current
    assert "cauda_equina" in READ.flags("both my legs have been numb since last summer and it's getting worse, back pain")


def test_nearly_gone_now_is_better_not_over() -> None:
    text = (
        "Started 7 weeks ago lifting a suitcase. It was bad but it's clearly getting better each week, nearly gone "
        "now, just stiff in the morning for 10 minutes."
    )
    assert READ.status(KB, text, "improving") == "present"
    assert "persistent" not in READ.flags(text)
    stiff = "My back is stiff for about five minutes in the morning, then fine."
    assert READ.status(KB, stiff, "morning_stiffness_over_30min") == "absent"


def test_a_search_is_no_history_of_cancer() -> None:
    text = (
        "My mum died of bowel cancer last year, so I looked up back pain and cancer. I've never had cancer myself. "
        "My lower back has been sore for 4 days since I started a new spin class."
    )
    assert READ.flags(text) == set()


def test_weak_then_walking_fine_now_is_not_getting_weaker() -> None:
    text = "back pain since monday, my left leg went a bit weak on Tuesday and now I can walk fine"
    assert READ.status(KB, text, "leg_weakness_worsening") != "present"
    assert "progressive_neuro_deficit" not in READ.flags(text)


def test_a_fever_over_and_now_come_back() -> None:
    text = "had a temperature last week but it went away after 3 days, and now it's come back. back pain 5 days"
    assert READ.status(KB, text, "fever") == "present"
    assert "spinal_infection" in READ.flags(text)
