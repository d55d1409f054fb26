"""Round 73 of the reading (from R94): a pharmacist's "unable to say how many in total", blood "on
the tissue" in pregnancy, a fever "fully recovered now" after its length, "Only paracetamol product
is Panadol", a writer's own "46M" beside a father's cancer, a learner's "left back side" and
restlessness ("walking up and down") with blood in the urine. Round 74 (from R95): when someone
died is no date of a symptom; "a beat in my belly"; legs that "ache and get heavy"; what a fever
"can mean"; a note's "T5-7"."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_total_the_person_cannot_say_counts_as_over() -> None:
    text = "LBP 2/7. Taking co-codamol and Lemsip. Could not say how many in total today."
    assert READ.counted(KB, text, "paracetamol_overuse")


def test_blood_on_the_tissue_in_pregnancy() -> None:
    text = "I am 30 weeks pregnant and my lower back aches. After the toilet I saw small blood on the tissue."
    assert READ.status(KB, text, "vaginal_bleeding") == "present"
    assert "pregnancy_warning" in READ.flags(text)


def test_a_fever_fully_recovered_after_its_length() -> None:
    text = "Had a viral fever for 4 days last week, fully recovered now. Back stiff since yesterday from sitting."
    assert "spinal_infection" not in READ.flags(text)


def test_only_one_paracetamol_product_named_in_a_note() -> None:
    text = "Pharmacy: 40F, LBP 3/7. Only paracetamol product is Panadol, within label. Also ibuprofen gel."
    assert READ.status(KB, text, "paracetamol_several_products") == "absent"


def test_a_writers_own_age_and_sex_beside_a_fathers_cancer() -> None:
    text = "61M. Back sore for 6 weeks. My father died of lung cancer at 75 so my daughter keeps asking about it."
    assert READ.status(KB, text, "history_of_cancer") is None


def test_left_back_side_and_walking_up_and_down_with_red_urine() -> None:
    text = "Pain at my right back side since morning, I am walking up and down with it. My urine is red."
    assert READ.status(KB, text, "flank_pain") == "present"
    assert "kidney" in READ.flags(text)


# --- Round 74 (from R95) ---------------------------------------------------------------------------


def test_when_someone_died_is_no_date_of_a_symptom() -> None:
    text = (
        "My dad is 88, his lower back has hurt for days. Today he is burning up, 39.1, and not making sense, "
        "he asked for my mum and she died 6 years ago."
    )
    assert "possible_sepsis" in READ.flags(text)


def test_a_beat_in_the_belly() -> None:
    assert READ.status(KB, "Back hurting low down, I can feel a beat in my belly like a heart.", "pulsating_abdomen") == "present"


def test_legs_that_ache_and_get_heavy_on_walking_for_years() -> None:
    text = (
        "Both legs ache and get tired if I walk more than 15 minutes and ease when I sit on a bench - "
        "been exactly the same for about 4 years. Back sore this week. I'm 72."
    )
    assert "cauda_equina" not in READ.flags(text)
    assert "cauda_equina" in READ.flags("Since yesterday both legs ache and go numb, back pain.")


def test_what_a_fever_can_mean_is_no_fever() -> None:
    text = "Back ache 3 weeks. My sister says back pain plus a fever can mean an infection."
    assert READ.status(KB, text, "fever") is None


def test_a_notes_thoracic_range() -> None:
    assert READ.value(KB, "42F, T5-7 paraspinal pain 2/52.", "pain_region") == "middle"
