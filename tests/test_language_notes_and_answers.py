"""Round 152 of the reading (from R351 to R354, their two missed emergencies first): a note's "bilat
leg pain" told with where it goes; a motorbike taxi that overturned; a note's side letter ending its
sentence ("dermatome R. Saddle sensation normal"); a note's answer without the colon ("SROM no, PV
loss no"); "loose motions"; a second product "which has paracetamol in it"; a temperature not
taken; a call about a child named with an age ("calling about daughter aged 3")."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 6)
READ = ReadOn(TODAY)
KB = knowledge()


def test_bilateral_leg_pain_told_with_where_it_goes() -> None:
    text = "c/o bilat leg pain L>R radiating below knee since Tuesday."
    assert READ.status(KB, text, "leg_pain_both_sides") == "present"


def test_a_motorbike_taxi_that_overturned() -> None:
    text = "The boda boda I was riding on overturned on the way home, back very painful."
    assert READ.status(KB, text, "major_trauma") == "present"


def test_a_notes_side_letter_ends_its_sentence() -> None:
    text = "52F. Weakness L EHL, numbness L5 dermatome R. Saddle sensation normal."
    assert READ.status(KB, text, "saddle_numbness") == "absent"


def test_a_notes_answer_without_the_colon() -> None:
    text = "36/40, back ache and tightenings. SROM no, PV loss no."
    assert READ.status(KB, text, "fluid_leak") == "absent"


def test_loose_motions() -> None:
    text = "Loose motions for three days and now my back keeps cramping."
    assert READ.status(KB, text, "vomiting_or_diarrhoea") == "present"


def test_a_second_product_which_has_paracetamol() -> None:
    text = "Taking paracetamol for my back and also a decongestant which has paracetamol in it."
    assert READ.status(KB, text, "paracetamol_several_products") == "present"


def test_a_temperature_not_taken() -> None:
    text = "61M, lumbar fusion 2/52 ago. Increasing back pain, feels very unwell, temp not taken."
    assert "possible_sepsis" not in READ.flags(text)


def test_a_call_about_a_child_named_with_an_age() -> None:
    text = "Grandad ringing about grandson aged 4, won't stand up and cries when his back is touched."
    assert READ.value(KB, text, "age") == 4

