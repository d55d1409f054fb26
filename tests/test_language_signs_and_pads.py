"""Round 135 of the reading (from R259 to R262, which missed no emergency; its missed flag first): back pain "for
5/12 ... previously managed with physio" is persistent; a star sign in brackets is no cancer; a carer's changing of
incontinence pads is no incontinence; gums that bleed are no bleeding in a pregnancy; weight lost while "tryna lose
weight" and "on purpose" is no unexplained loss."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 5)
READ = ReadOn(TODAY)
KB = knowledge()


def test_care_told_as_past_is_no_past_back_pain() -> None:
    text = "55F, LBP for 5/12, stable, no leg sx, no red flags, previously managed with physio."
    assert READ.flags(text) == {"persistent"}


def test_a_star_sign_in_brackets_is_no_cancer() -> None:
    text = (
        "lol im a Cancer (star sign!!) so typical me to google everything. seriously tho lower back sore after a "
        "long shift lifting at the warehouse, 2 days. 26m"
    )
    assert READ.flags(text) == set()


def test_changing_incontinence_pads_at_work() -> None:
    text = (
        "I'm a care worker, 39. Spent the week changing incontinence pads and helping residents up, now my lower "
        "back aches. Bladder and everything fine with me."
    )
    assert READ.flags(text) == set()
    wet = "back pain and since yesterday I've had to put on incontinence pads because I keep wetting myself"
    assert "cauda_equina" in READ.flags(wet)


def test_gums_that_bleed_in_a_pregnancy() -> None:
    text = (
        "22 weeks pregnant, achy lower back from standing at work all day. My gums bleed a bit when I brush, "
        "midwife said that's normal in pregnancy. Baby moving fine."
    )
    assert READ.flags(text) == set()


def test_weight_lost_on_purpose_told_in_text_speak() -> None:
    text = (
        "im tryna lose weight, been dieting n lost 4 kg in 2 months on purpose lol. back a bit sore from starting "
        "at the gym, did squats without warming up, 2 days ago"
    )
    assert "constitutional" not in READ.flags(text)
    assert READ.status(KB, "I'm tryna lose weight for my wedding.", "unexplained_weight_loss") == "absent"
