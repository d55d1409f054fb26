"""Round 164 of the reading (from R415 to R418, the sets that measured round 163, their missed
emergencies first): a fall from far along a scaffold, a gestation in a midwife's notation opening
the text, a sachet taken in the evening on top of a day's maximum, the other leg "started too",
wiping felt as through a glove; an operation on the spine that puts a text about the back, a
temperature "run" without its word, "feels really rough"; and the look-alikes: a star sign, the
cold after a cold-water swim, Nurofen counted as no paracetamol, a note's "S/A normal"."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 6)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_fall_from_far_along_a_scaffold() -> None:
    text = "Labourer, 47. Fell from the second lift of the scaffolding onto hardcore, low back pain."
    assert "major_trauma" in READ.flags(text)


def test_a_gestation_in_notation_opening_the_text() -> None:
    text = "26+1, lower back ache since lunch and a little bright red blood when I wiped just now."
    assert READ.value(KB, text, "pregnancy_weeks") == 26
    assert "pregnancy_warning" in READ.flags(text)


def test_a_sachet_in_the_evening_on_top_of_the_maximum() -> None:
    text = (
        "Bad back and a cold. Today I've had co-codamol 30/500, 2 tablets four times a day, and 2 Beechams "
        "sachets in the evening."
    )
    assert READ.status(KB, text, "paracetamol_overuse") == "present"
    assert "medicine_overdose" in READ.flags(text)


def test_the_other_leg_started_too() -> None:
    text = "Sciatica down my left leg since Tuesday. This morning the right leg has started too, burning in the calf."
    assert READ.status(KB, text, "leg_pain_both_sides") == "present"
    assert "cauda_equina" in READ.flags(text)


def test_wiping_felt_as_through_a_glove() -> None:
    text = "Lower back flared on Thursday. When I wipe it's like there's a layer of cotton wool in the way."
    assert READ.status(KB, text, "saddle_numbness") == "present"


def test_an_operation_on_the_spine_is_about_the_back() -> None:
    text = "Post-op check, 61M, L2/3 decompression 2/52 ago. Temp 38.4 at home, wound red."
    assert "spinal_infection" in READ.flags(text)


def test_a_temperature_run_without_its_word() -> None:
    text = "My back's sore since the fusion op a fortnight ago and I've been running around 38.4 at night."
    assert READ.status(KB, text, "fever") == "present"
    assert READ.status(KB, "Lower back sore from running about 40 miles a week.", "fever") is None


def test_feels_really_rough() -> None:
    text = "Post-op day 8 discectomy. Increasing back pain, feels really rough, off food."
    assert READ.status(KB, text, "feeling_very_unwell") == "present"


def test_a_star_sign_is_no_cancer() -> None:
    text = "I'm a Cancer (late June birthday), ha. Twinged my lower back lifting a crate on Friday, 3/10. 33F."
    assert "malignancy" not in READ.flags(text)


def test_shivering_after_a_cold_swim_is_no_fever() -> None:
    text = "Sea swimmer, 52M. The shivering after my swim is normal for me. Pulled my back carrying the kayak."
    assert "spinal_infection" not in READ.flags(text)


def test_nurofen_counted_as_no_paracetamol() -> None:
    text = "Have a pack of 24 Nurofen 200mg here, taken 5 since this morning. Back spasm, 30M."
    assert "medicine_overdose" not in READ.flags(text)


def test_a_notes_saddle_sensation_normal() -> None:
    text = "44F, L S1 radiculopathy 3/52. S/A normal, bladder and bowels normal. Power 5/5 throughout."
    assert READ.status(KB, text, "saddle_numbness") == "absent"
    assert "cauda_equina" not in READ.flags(text)
