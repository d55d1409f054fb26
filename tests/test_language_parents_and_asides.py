"""Round 185 of the reading (from R511 to R514, the sets that measured round 184 again; their missed
emergency first): a paracetamol product whose count was lost, told by a "Dad of a newborn"; then a
parent by role, an inability to pee that "sorted itself", a catheter dated "in 2023 because I
couldn't pee", a baby carried "on my hip constantly", coughing as "the worst thing", a calf raise
that cannot be done, a new visible step in the spine, a child's age told in brackets, and the
words the sentence model's readings of a spinal procedure, of strength and of sleep need, and a
baby's age in weeks that tells of a birth, not a pregnancy."""

from __future__ import annotations

import datetime as dt

from backcare.adapters.learned.telling_words import AFTER_A_BIRTH, NEEDS_WORDS
from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 7)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_lost_count_of_a_paracetamol_product() -> None:
    text = "Co-codamol for my back and Beechams for a cold since Friday. Honestly I've lost count of the Beechams."
    assert READ.counted(KB, text, "paracetamol_overuse")
    assert "medicine_overdose" in READ.flags(text)


def test_a_parent_by_role_is_the_writer() -> None:
    assert READ.status(KB, "Dad of a newborn, lower back spasms since Saturday.", "back_pain") == "present"


def test_a_mum_of_a_toddler_is_the_writer() -> None:
    assert READ.status(KB, "Mum of a toddler, back went on Tuesday hoovering the stairs.", "back_pain") == "present"


def test_not_peeing_that_sorted_itself() -> None:
    text = "After my hernia op I couldn't pee for a day, but that sorted itself. Now a stiff lower back from the garden."
    assert not READ.counted(KB, text, "urinary_retention")
    text = "I couldn't pee for two days after the birth, but it cleared up on its own. Back ache now."
    assert not READ.counted(KB, text, "urinary_retention")


def test_completely_normal_since() -> None:
    text = "Couldn't wee properly after the op, and I've been completely normal since. Back ache from painting."
    assert not READ.counted(KB, text, "urinary_retention")


def test_a_catheter_dated_with_its_reason() -> None:
    text = "I was catheterised after a hip replacement in 2019 because I couldn't pass urine. Now just a stiff back."
    assert not READ.counted(KB, text, "urinary_retention")


def test_a_baby_carried_on_the_hip_constantly() -> None:
    text = "Lower back sore from holding her on my hip constantly, she won't settle anywhere else. 3/10."
    assert READ.status(KB, text, "pain_unrelenting") is None


def test_coughing_as_the_worst_thing() -> None:
    text = "Lower back sore for four days, sneezing is the worst part, sets it off every time."
    assert READ.status(KB, text, "pain_worse_cough_sneeze") == "present"


def test_a_calf_raise_that_cannot_be_done() -> None:
    text = "Since my back went on Friday I can't do a single leg calf raise on the left. Left foot a bit numb."
    assert READ.status(KB, text, "leg_weakness") == "present"


def test_a_new_visible_step_in_the_spine() -> None:
    text = "GP note: 71M, visible step at L1 noticed by his wife over the last fortnight, aching."
    assert READ.status(KB, text, "back_lump_or_deformity") == "present"


def test_no_step_deformity() -> None:
    """A guard: a step denied in a note's examination is no deformity."""
    assert not READ.counted(KB, "O/E: no step deformity, tender L4. Mechanical LBP 1/52.", "back_lump_or_deformity")


def test_a_childs_age_told_in_brackets() -> None:
    text = "I've had a weak bladder since my first baby (he's 7 now), nothing new. Back sore from the loft. 39F."
    assert READ.value(KB, text, "age") == 39
    assert READ.value(KB, text, "sex") == "female"


def test_a_spinal_procedure_needs_words_for_one() -> None:
    words = NEEDS_WORDS["recent_spinal_procedure"][0]
    assert not words.search("Couple of weeks.")
    assert words.search("Had a steroid injection in my spine in October.")


def test_strength_told_as_normal_is_no_weakness() -> None:
    strength = NEEDS_WORDS["leg_weakness"][0]
    assert not strength.search("Left leg strength seems normal.")
    assert strength.search("Left leg strength is going.")


def test_sleep_missed_and_anothers_sleep_are_no_drowsiness() -> None:
    mind = NEEDS_WORDS["confusion_or_drowsiness"][0]
    assert not mind.search("He's finally asleep so I'm googling instead of sleeping lol.")
    assert mind.search("She keeps falling asleep mid-sentence.")


def test_a_babys_age_in_weeks_tells_a_birth() -> None:
    assert AFTER_A_BIRTH.search("so this is prob nothing. baby is 8 weeks, been hauling the car seat in and out.")
    assert not AFTER_A_BIRTH.search("I'm 8 weeks pregnant and my back aches.")
