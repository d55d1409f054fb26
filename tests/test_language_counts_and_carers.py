"""Round 146 of the reading (from R319 to R322, and the earlier stop's missed emergency first): a
count "of each" of several paracetamol products, and doses not counted; a carer's "Mrs K (91) who I
look after"; a start told as a date; a year told after what it dates, and a death's year that dates
nothing else; a programme named by its short name; a bad landing from a jump; no position that
helps; a bare pain score is no pain that nothing eases, nor is "not too bad" feeling very unwell;
another's going down told inside the words; a numb bottom whose feeling came back; a leak since a
child was born, told after a comma."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 6)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_count_of_each_product_is_counted_for_each() -> None:
    text = "Lemsip and co-codamol for my back since last night, I've had 6 of each so far today."
    assert "medicine_overdose" in READ.flags(text)
    assert READ.status(KB, "Lemsip and co-codamol for my back, had 2 of each today.", "paracetamol_overuse") is None


def test_doses_not_counted_of_several_products() -> None:
    text = "Panadol and Lemsip on and off all day for my sore back, honestly I haven't kept count."
    assert "medicine_overdose" in READ.flags(text)
    assert "medicine_overdose" not in READ.flags("Panadol for my back. The walk to the shop didn't count as exercise.")


def test_one_a_carer_looks_after() -> None:
    text = "I'm her carer. Mrs D (88) who I look after has had back pain since Friday and this morning she collapsed."
    assert READ.value(KB, text, "age") == 88
    assert "general_emergency" in READ.flags(text)


def test_a_start_told_as_a_date() -> None:
    assert READ.value(KB, "Low back pain that started on 1 November, no better since.", "days_since_onset") == 35
    assert READ.value(KB, "GP note. LBP, onset 16/10/26, unchanged.", "days_since_onset") == 51


def test_a_year_told_after_what_it_dates() -> None:
    text = "Had a chest infection and a high fever but that was back in 2021. Lower back sore since Monday, 40."
    assert READ.status(KB, text, "fever") != "present"
    assert "spinal_infection" not in READ.flags(text)


def test_a_deaths_year_dates_nothing_else() -> None:
    text = "Dad is 87 with back pain for a week. Today he's confused, asking for Mum (she died in 2015)."
    assert READ.status(KB, text, "confusion_or_drowsiness") == "present"


def test_a_programme_by_its_short_name() -> None:
    text = "Watched Grey's last night, a woman collapsed with a burst aneurysm. I'm 30, my back is stiff from digging."
    assert not {"general_emergency", "aortic"} & READ.flags(text)


def test_a_bad_landing_from_a_jump() -> None:
    text = "Came down wrong from a rebound at basketball last night, lower back sore. 19."
    assert READ.status(KB, text, "minor_trauma") == "present"
    assert "major_trauma" not in READ.flags(text)


def test_no_position_that_helps() -> None:
    assert "uncontrolled_pain" in READ.flags("Back pain 9/10 since yesterday and I can't find a position that helps.")


def test_a_bare_score_and_not_too_bad() -> None:
    text = (
        "58 year old man. Lower back pain for about 2 weeks since I shifted a sofa. It wakes me at about 5 most"
        " nights, but when I get up and walk about it eases, and during the day it's fine if I keep going. Pain 4/10."
    )
    assert not {"constitutional", "spinal_infection"} & READ.flags(text)
    text = "Back pain for 5 days, 38.4 temperature since yesterday. Feeling achy but not too bad and still eating. 30F."
    assert "possible_sepsis" not in READ.flags(text)


def test_another_going_down_told_inside_the_words() -> None:
    text = "My sister passed out in the queue and I grabbed her as she went down, pulled my lower back. 31."
    assert "general_emergency" not in READ.flags(text)


def test_a_numb_bottom_whose_feeling_came_back() -> None:
    text = "My bottom went numb on the coach trip but it came back as soon as I got off. Lower back stiff since. 38F."
    assert "cauda_equina" not in READ.flags(text)


def test_a_leak_since_a_child_was_born_told_after_a_comma() -> None:
    text = "I leak a bit when I cough, ever since my first was born (she's 9 now). Lower back sore from gardening. 41F."
    assert "cauda_equina" not in READ.flags(text)
