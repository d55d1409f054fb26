"""Round 73 of the reading (from R94): a pharmacist's "unable to say how many in total", blood "on
the tissue" in pregnancy, a fever "fully recovered now" after its length, "Only paracetamol product
is Panadol", a writer's own "46M" beside a father's cancer, a learner's "left back side" and
restlessness ("walking up and down") with blood in the urine."""

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
