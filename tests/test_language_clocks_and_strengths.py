"""Round 166 of the reading (from R423 to R426, the sets that measured round 165, their missed
emergencies first): a bowel accident told after the urge, a pulse in the belly asked about as a
question, a relative's stroke signs beside the writer's own bad back "myself", a collapse in a note
that names who brought the patient in, tablets stronger than 500 mg (Panadol Osteo), doses told at
clock times, French and Australian paracetamol brands; and the look-alikes: "nothing else with
paracetamol in", and confused about advice or tablets, not in the mind."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import assess, knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 6)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_bowel_accident_told_after_the_urge() -> None:
    text = "Back's been awful since Friday. Needed the loo for a poo all morning and then I couldn't hold it and had an accident."
    assert READ.status(KB, text, "bowel_incontinence") == "present"
    assert "cauda_equina" in READ.flags(text)


def test_a_pulse_in_the_belly_asked_about() -> None:
    text = "Is it normal to feel a pulse in my tummy when I lie down? Lower back aching since Thursday, I'm 67."
    assert READ.counted(KB, text, "pulsating_abdomen")
    assert "aortic" in READ.flags(text)


def test_a_relatives_stroke_signs_beside_the_writers_own_back() -> None:
    text = (
        "My husband's back has been bad since Monday and now his speech is slurred and his face has dropped on one "
        "side. I've a sore back myself, but never mind me."
    )
    assert "general_emergency" in READ.flags(text)


def test_a_collapse_in_a_note_naming_who_brought_the_patient_in() -> None:
    text = "Triage: 52M brought in by colleague, collapsed in the warehouse, on the floor about 2 min, now alert. LBP 1/52."
    assert READ.status(KB, text, "collapse") == "present"


def test_tablets_stronger_than_500_mg_count_for_more() -> None:
    told = "For my back: {}, 2 tablets 3 times a day, plus 2 Panadeine at bedtime."
    assert READ.status(KB, told.format("Panadol Osteo"), "paracetamol_overuse") == "present"
    assert READ.status(KB, told.format("Panadol"), "paracetamol_overuse") is None  # 4 g: the maximum, not over it


def test_doses_told_at_clock_times() -> None:
    text = "Bad back since Wednesday. Today I've had paracetamol, 2 at 6am, 10am, 2pm, 6pm and 10pm."
    assert READ.status(KB, text, "paracetamol_overuse") == "present"
    text = "Lumbago and a cold. I take Doliprane 1000 at 7h, 12h, 17h and 22h, and Efferalgan codeine 2 tablets at night."
    assert READ.status(KB, text, "paracetamol_overuse") == "present"
    assert READ.value(KB, text, "medications") == ["paracetamol", "co-codamol"]


def test_nothing_else_with_paracetamol_in_is_no_second_product() -> None:
    text = "Co-codamol 30/500 for my back, two tablets four times a day, nothing else with paracetamol in."
    assert READ.value(KB, text, "medications") == ["co-codamol"]
    assert "paracetamol_duplication" not in READ.flags(text)


def test_confused_about_advice_or_tablets_is_no_confused_mind() -> None:
    for text in (
        "A bit confused about which tablets to take for my back, it went yesterday lifting a crate.",
        "Day 3 of a stiff back. I'm a little confused - should I use heat now or keep icing?",
    ):
        assert READ.status(KB, text, "confusion_or_drowsiness") is None, text
    answer = assess(text="Dad's back is sore since his fall and he's confused about where he is.", today=TODAY)
    assert answer.disposition == "emergency"
