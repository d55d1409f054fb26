"""Round 79 of the reading (from R100): falls while walking are unsteadiness and an injury each;
"knocked by" a vehicle, including East African matatus and boda bodas; a note's "not systemically
unwell"; in pregnancy, pants found wet are fluid from the vagina, not a leaking bladder. Round 80
(from R101): a vehicle that rolled; "unintentional weight loss" (not "over the same period" read as
a steady weight); walking "like I've had a few beers", "bumping into door frames"; Caribbean "when
mi pass water it burn mi" and a side of the back "by mi waist"; a newborn's jaundice is hers.
Round 81 (from R102): a retraction ("sorry, that's wrong") takes back what came before it; "sorry,
I mean" may only restate."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_falls_while_walking_with_weak_legs() -> None:
    text = "My back is sore and since this afternoon my legs are weak, I've gone down three times walking to the kitchen."
    assert READ.status(KB, text, "unsteady_walking") == "present"
    assert READ.status(KB, text, "minor_trauma") == "present"
    assert "progressive_neuro_deficit" in READ.flags(text)


def test_walking_the_dog_twice_is_no_fall() -> None:
    assert READ.status(KB, "I went out twice walking the dog and my back is sore.", "unsteady_walking") is None


def test_knocked_by_a_vehicle() -> None:
    for vehicle in ("a matatu", "a boda boda", "a tuk tuk", "a taxi"):
        text = f"I was knocked by {vehicle} this morning and my lower back is paining me badly."
        assert "major_trauma" in READ.flags(text), vehicle


def test_not_systemically_unwell_in_a_note() -> None:
    text = "45M, L loin pain 1/7, dysuria, T 38.3, alert, not systemically unwell."
    assert READ.status(KB, text, "feeling_very_unwell") == "absent"
    flags = READ.flags(text)
    assert "kidney" in flags
    assert "possible_sepsis" not in flags


def test_wet_pants_in_pregnancy_are_fluid() -> None:
    text = "I'm 30 weeks pregnant with a sore back and this evening my knickers were soaked, it doesn't smell like wee."
    assert READ.status(KB, text, "fluid_leak") == "present"
    assert READ.status(KB, text, "urinary_incontinence") != "present"
    assert "pregnancy_warning" in READ.flags(text)


# --- Round 80 (from R101) --------------------------------------------------------------------------


def test_a_vehicle_that_rolled() -> None:
    text = "Our ute flipped on a gravel road on Saturday, I climbed out fine, but now my mid back is really sore."
    assert "major_trauma" in READ.flags(text)


def test_unintentional_weight_loss_over_a_period() -> None:
    text = "Dear colleague, Mrs P, 71, three months of back pain with 6 kg unintentional weight loss over the same period."
    assert READ.status(KB, text, "unexplained_weight_loss") == "present"
    assert READ.status(KB, "My weight has been pretty much the same.", "unexplained_weight_loss") == "absent"


def test_walking_like_after_a_few_beers_with_weak_legs() -> None:
    text = "Back bad for a week. Now both legs feel weak and wobbly, I'm bumping into the walls at home."
    assert READ.status(KB, text, "unsteady_walking") == "present"
    assert "progressive_neuro_deficit" in READ.flags(text)


def test_caribbean_burning_water_with_a_side_by_the_waist() -> None:
    text = "Di left side a mi back by mi waist a hurt from Sunday, an when mi pass water it sting mi."
    assert READ.status(KB, text, "painful_urination") == "present"
    assert READ.status(KB, text, "flank_pain") == "present"
    assert "kidney" in READ.flags(text)


def test_a_newborns_jaundice_is_hers() -> None:
    text = "Our newborn is back in hospital with jaundice and my back is wrecked from the ward chairs."
    assert READ.status(KB, text, "yellow_skin_or_eyes") != "present"
    assert "jaundice" not in READ.flags(text)


# --- Round 81 (from R102) --------------------------------------------------------------------------


def test_a_retraction_takes_back_what_came_before() -> None:
    text = "Pain down both legs - sorry, that's wrong, I mean across both sides of my lower back. Legs fine."
    assert READ.status(KB, text, "leg_pain_both_sides") != "present"
    assert "cauda_equina" not in READ.flags(text)


def test_a_restatement_is_no_retraction() -> None:
    text = "I can't feel my saddle area - sorry, I mean my bum and privates are numb, since this morning."
    assert READ.status(KB, text, "saddle_numbness") == "present"
    assert "cauda_equina" in READ.flags(text)
