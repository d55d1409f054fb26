"""Round 98 of the reading (from R118): a guessed count of tablets in a day ("about 14-16
tablets"), a sentence naming only ibuprofen tells no paracetamol, "I might have gone over";
a trickle felt in a pregnancy; an aneurysm told as "a swelling on the main artery"; the other
calf "also paining"; a crash the writer only saw; a note's normal power in both legs; weight lost
"because I'm doing intermittent fasting"; "Mum mentioned" names the informant, and a note's "boy,
11"; "came to me" is a visit; a list before "any position"; a medicine named among those not
taken; weakness "same since 3 days, not increasing"."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_guessed_count_of_tablets_in_a_day() -> None:
    text = (
        "23F, lower back pain. Since yesterday lunchtime she has taken paracetamol 500 mg tablets two at a time, "
        "she thinks about 14-16 tablets, plus two Lemsip sachets."
    )
    assert READ.status(KB, text, "paracetamol_overuse") == "present"
    assert "medicine_overdose" in READ.flags(text)


def test_only_ibuprofen_is_no_paracetamol_overuse() -> None:
    text = "Back pain for a week. Today I took 6 tablets of ibuprofen."
    assert "medicine_overdose" not in READ.flags(text)


def test_i_might_have_gone_over() -> None:
    text = "Back killing me. Co-codamol, some Panadol and a Lemsip in the last 24 hours, I might have gone over."
    assert "medicine_overdose" in READ.flags(text)
    assert READ.status(KB, "I might have gone over on my ankle, and my back hurts.", "paracetamol_overuse") is None


def test_a_trickle_felt_in_a_pregnancy() -> None:
    text = "29 weeks with my first. Low back ache since yesterday. An hour ago I felt a trickle and my knickers and leggings were wet."
    assert READ.status(KB, text, "fluid_leak") == "present"
    assert "pregnancy_warning" in READ.flags(text)
    assert READ.status(KB, "I felt a trickle of pain down my leg.", "urinary_incontinence") is None


def test_an_aneurysm_told_as_a_swelling_on_the_main_artery() -> None:
    text = (
        "Writing for my husband, 74. Two years ago they found a small swelling on the main artery in his tummy. "
        "Tonight he got a bad pain in his lower back, 8 out of 10."
    )
    assert READ.status(KB, text, "known_aaa") == "present"
    assert "aortic" in READ.flags(text)


def test_the_other_calf_also_paining() -> None:
    text = "Back pain 2 weeks with pain down my left leg to the calf. From yesterday evening right calf is also paining same way."
    assert READ.status(KB, text, "leg_pain_both_sides") == "present"


def test_a_crash_only_seen_and_normal_power_in_both_legs() -> None:
    text = "52, lower back stiff from driving. Saw a proper smash on Tuesday night, lad went into a lamppost, I wasn't in it."
    assert "major_trauma" not in READ.flags(text)
    note = "28M, acute LBP after twisting at 5-a-side. Full power both legs, sensation intact, no saddle anaesthesia."
    assert "cauda_equina" not in READ.flags(note)


def test_weight_lost_on_purpose_told_after() -> None:
    text = "Back sore 3 days. Also lost about 3 kg last month but that's because I'm doing intermittent fasting."
    assert READ.status(KB, text, "unexplained_weight_loss") == "absent"


def test_a_childs_age_in_a_note_and_the_mother_as_informant() -> None:
    visit = "Health visitor. Mum mentioned her 4-year-old daughter has been saying her back hurts for the last week."
    assert READ.value(KB, visit, "age") == 4
    assert "young_age" in READ.flags(visit)
    note = "School nurse. Year 6 boy, 11, came to me saying his back hurts low down since the weekend. Temperature 38.2."
    assert READ.value(KB, note, "age") == 11
    assert READ.status(KB, note, "fainting") is None
    assert READ.status(KB, "He passed out and when he came to he was confused.", "fainting") == "present"


def test_a_list_before_any_position() -> None:
    text = "41M injects heroin. Three weeks of low back pain, not eased by lying down, sitting or any position, 7/10."
    assert READ.status(KB, text, "pain_unrelenting") == "present"
    assert "spinal_infection" in READ.flags(text)


def test_a_medicine_among_those_not_taken() -> None:
    text = (
        "54M, whites of both eyes yellow, dull ache in his lower back. He is not taking any medication at all, "
        "prescribed or over the counter, including painkillers."
    )
    assert "jaundice" in READ.flags(text)
    assert "medicine_overdose" not in READ.flags(text)


def test_weakness_the_same_for_days() -> None:
    text = "Back pain 1 week. Since 3 days left leg is weak, I cannot stand on my left heel. It is same since 3 days, not increasing."
    assert "progressive_neuro_deficit" not in READ.flags(text)
    assert "nerve_deficit" in READ.flags(text)
