"""Rounds 61 to 63 of the reading: a child's words quoted by a parent, Caribbean "mi" and a baby told as
"him", a remark that a symptom is nothing new read with it, what a sign "can be", stenosis legs that
ache and go tingly on walking, pain "round the side", a medicine stopped, and "nowhere near the max" (61);
a resident named with a title and an age, a child of "3 and a half", a physio's buttock-to-calf pain and
limited straight leg raise, and cancer that back pain "can be" or a cancer ward (62); pain "like wave", a
question answered "but I'm not", very unwell and not making sense, and a leak "which I've had since my
first baby" (63)."""

from __future__ import annotations

import datetime as dt

import pytest

from backcare.bootstrap import assess, knowledge, read_text
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def _disposition(text: str) -> str:
    return assess(text=text, today=TODAY).disposition.value


def test_a_childs_words_quoted_are_the_childs() -> None:
    text = "My daughter is 4 and for two days she keeps saying 'my back hurts mummy'. No temperature."
    assert "young_age" in {h.id for h in assess(text=text, today=TODAY).red_flags}
    assert READ.status(KB, "I told the GP 'my back is killing me' and he laughed.", "back_pain") == "present"


def test_caribbean_mi_and_a_baby_told_as_him() -> None:
    text = (
        "Mi 35 weeks pregnant, first baby. Mi back been hurtin mi bad from this mornin, an mi notice di baby nah "
        "move like how him usually move."
    )
    result = assess(text=text, today=TODAY)
    assert result.disposition.value == "emergency" and "pregnancy_warning" in {h.id for h in result.red_flags}
    assert READ.value(KB, text, "sex") != "male"


def test_a_remark_that_a_symptom_is_nothing_new_is_read_with_it() -> None:
    text = (
        "Since my second baby (he's 9 now) I leak a little bit of wee when I sneeze. That's not new, it's been the "
        "same for years. Strained my lower back lifting 3 days ago."
    )
    assert READ.status(KB, text, "urinary_incontinence") is None
    assert READ.status(KB, "I leak a little wee when I sneeze since Monday. My back is agony.", "urinary_incontinence") == "present"


def test_what_a_sign_can_be_is_said_of_anyone() -> None:
    text = "Strained my back lifting. I read bladder leaks with back pain can be serious."
    assert READ.status(KB, text, "urinary_incontinence") is None
    assert READ.status(KB, "Since yesterday I've been leaking wee and my back is agony.", "urinary_incontinence") == "present"


def test_stenosis_legs_that_ache_and_go_tingly_on_walking_are_long_standing() -> None:
    text = (
        "My GP told me two years ago I have spinal stenosis. Both my legs have ached and gone a bit tingly when I "
        "walk for more than ten minutes ever since, and it eases when I sit down. That hasn't changed at all. This "
        "week my lower back itself has been sore after gardening. I'm 67."
    )
    assert _disposition(text) == "soon"
    assert _disposition("Since Monday both my legs ache and go tingly, and my back is agony.") == "emergency"


def test_pain_round_the_side_with_burning_wee_is_the_kidney() -> None:
    text = "27 f. Pain in my lower back on the left and round the side for 2 days. My wee burns like mad. No fever."
    assert "kidney" in {h.id for h in assess(text=text, today=TODAY).red_flags}


@pytest.mark.parametrize(
    ("text", "taken"),
    [("Back pain. I stopped taking ibuprofen last week.", None),
     ("I stopped the ibuprofen on Monday but started ibuprofen again today, back agony.", ["ibuprofen"]),
     ("Back pain, taking naproxen and co-codamol.", ["naproxen", "co-codamol"])],
)  # fmt: skip
def test_a_medicine_stopped_is_not_taken(text: str, taken: list[str] | None) -> None:
    assert READ.value(KB, text, "medications") == taken


def test_nowhere_near_the_max_is_not_overuse() -> None:
    text = (
        "Paracetamol for my back and Lemsip for a cold. Today 2 paracetamol and one Lemsip sachet, nowhere near the "
        "max on the box."
    )
    merged = {f.id: f.status for f in read_text(text, KB, TODAY).understanding.findings}
    assert merged["paracetamol_overuse"] == "absent"
    assert "paracetamol_duplication" in {h.id for h in assess(text=text, today=TODAY).red_flags}


# --- Round 62 (from R83) ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "age"),
    [("Care home report: Mr J, 84, slid off the edge of his bed onto the floor this morning. Lower back pain.", 84),
     ("My daughter is 3 and a half. Since yesterday she keeps holding her back and crying.", 3)],
)  # fmt: skip
def test_a_residents_title_and_a_childs_half_year(text: str, age: int) -> None:
    assert READ.value(KB, text, "age") == age


def test_a_physios_buttock_to_calf_and_a_limited_straight_leg_raise() -> None:
    text = "Physio: 34M, 4/7 R buttock to calf pain, NRS 8/10 at worst on sitting. SLR R 40°. Power/reflexes normal."
    merged = {f.id: f.status for f in read_text(text, KB, TODAY).understanding.findings}
    assert merged["leg_pain_below_knee"] == "present" and merged["leg_weakness"] == "absent"
    assert "sciatica" in {h.id for h in assess(text=text, today=TODAY).red_flags}
    assert READ.status(KB, "Back pain. SLR 90° both sides.", "leg_pain_below_knee") is None


@pytest.mark.parametrize(
    "text",
    ["My friend said back pain that won't go away can be cancer. I've never had cancer. Low back ache 10 days.",
     "Staff nurse on a cancer ward, 32. Lower back sore after a heavy shift of patient handling, 4/10."],
)  # fmt: skip
def test_cancer_that_back_pain_can_be_or_a_ward_is_no_history(text: str) -> None:
    assert READ.status(KB, text, "history_of_cancer") != "present"
    assert READ.status(KB, "Breast cancer, treated 2019. New back pain.", "history_of_cancer") == "present"


# --- Round 63 (from R84) ---------------------------------------------------------------------------


def test_pain_that_comes_and_goes_like_a_wave_with_blood_in_the_urine() -> None:
    text = (
        "Doctor ah, since last night my right side back very pain, come and go one, like wave, until I sweat. Just "
        "now I go toilet the urine got blood, pinkish colour. No fever."
    )
    assert "kidney" in {h.id for h in assess(text=text, today=TODAY).red_flags}


def test_a_question_answered_im_not() -> None:
    text = "Lower back tight after practice, 4/10. Coach asked if I felt dizzy or confused but I'm not, just sore."
    assert READ.status(KB, text, "confusion_or_drowsiness") != "present"
    assert READ.status(KB, "My legs are numb since Monday but I'm not in pain. Back hurts.", "leg_numbness_both_sides") is not None


def test_so_unwell_she_can_barely_get_out_of_bed_and_not_making_sense() -> None:
    text = (
        "My wife's 62, she's got bad back pain, shaking chills, temperature 39.4 and she's so unwell she can barely "
        "get out of bed, she's not making much sense either"
    )
    merged = {f.id: f.status for f in read_text(text, KB, TODAY).understanding.findings}
    assert merged["feeling_very_unwell"] == "present" and merged["confusion_or_drowsiness"] == "present"
    assert _disposition(text) == "emergency"


def test_a_leak_which_ive_had_since_my_first_baby_is_long_standing() -> None:
    text = "Lower back achy 3 days. The odd leak when I sneeze, which I've had since my first baby 4 years ago."
    assert READ.status(KB, text, "urinary_incontinence") != "present"
    assert READ.status(KB, "Lower back achy 3 days. I leak when I sneeze since Tuesday.", "urinary_incontinence") == "present"
