"""Round 150 of the reading (from R339 to R342, their two missed emergencies first): a leak in
pregnancy told as what the underwear shows; the second leg joining "as well" after where it goes;
numbers and dates in words (weeks of pregnancy, a temperature, "the twentieth of October"); a
birth a pain has lasted since; "It's six weeks exactly today since"; a note's "Urinary sx nil";
Scots children and "nae"; a second product that "has paracetamol in it too"; a slide off the edge
of a bed told with a bracket; a belief told as past ("Thought I had a fever")."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 6)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_leak_in_pregnancy_told_by_the_underwear() -> None:
    text = "32 weeks pregnant. Back sore today and there's a dribble of watery stuff, my pants keep getting wet."
    assert READ.status(KB, text, "fluid_leak") == "present"


def test_the_other_leg_joining_after_where_it_goes() -> None:
    text = "Sciatica down my left leg since Monday, and today my right leg has started going numb down to the ankle too."
    assert READ.status(KB, text, "leg_pain_both_sides") == "present"
    text = "My left leg is tingling down to the foot as well as my back hurting."
    assert READ.status(KB, text, "leg_pain_both_sides") is None


def test_weeks_of_pregnancy_in_words() -> None:
    assert READ.value(KB, "I'm thirty-five weeks pregnant and my back has ached since lunch.", "pregnancy_weeks") == 35


def test_a_temperature_in_words() -> None:
    text = "Thought I had a fever, but the thermometer says thirty-seven point one. Back went Friday."
    assert READ.status(KB, text, "fever") == "absent"
    assert READ.status(KB, "Back pain, shivery, temperature thirty-eight point five.", "fever") == "present"


def test_dates_in_words_and_a_birth_since() -> None:
    assert READ.value(KB, "My back started aching on the twenty-first of October.", "days_since_onset") == 46
    text = "My daughter was born on the 1st of November and my back has hurt every day since."
    assert READ.value(KB, text, "days_since_onset") == 35
    assert READ.value(KB, "It's five weeks today since I hurt my back at work.", "days_since_onset") == 35


def test_a_notes_symptoms_then_nil() -> None:
    assert READ.status(KB, "LBP 4/7, T 38.1. Bladder sx nil. Alert.", "urinary_retention") == "absent"


def test_scots_children_and_nae() -> None:
    text = "The bairns have had a fever all week and I've been carrying them about. My back's sair. Nae fever here."
    assert READ.status(KB, text, "fever") == "absent"


def test_a_second_product_with_paracetamol_too() -> None:
    text = "Paracetamol for my back, and the flu drink I have at night has paracetamol in it too."
    assert READ.status(KB, text, "paracetamol_several_products") == "present"


def test_a_slide_off_the_bed_told_with_a_bracket() -> None:
    text = "Mum, 82, slid off the side of her (new) bed onto her bottom this morning. Back sore since."
    assert READ.status(KB, text, "minor_trauma") == "present"
