"""Round 163 of the reading (from R411 to R414, the sets that measured round 162, their missed
emergencies first): a note's "CP" and "diaphoretic", contractions told as "q5min", a bladder that
only trickles after standing there for ages, a first bed-wetting since childhood, a leg hardly
lifted and worse every day; and the look-alikes: a leg got up a step, a wetting presumed in
pregnancy, a muscle that "tore slightly", a kick likened to a horse's, a numb bottom back to normal;
nights told one after another, pain the same in every position, and a fall out of bed."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 6)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_notes_chest_pain_and_sweating() -> None:
    text = "58F, mid back ache. Central CP at rest for 30 min, goes through to the back. Diaphoretic, grey."
    assert READ.status(KB, text, "chest_pain") == "present"
    assert READ.status(KB, text, "sweating_clammy") == "present"
    assert "cardiac" in READ.flags(text)


def test_contractions_in_a_midwifes_shorthand() -> None:
    text = "Antenatal triage call: G2P1 31/40, low back pain coming q4 min for 1h, regular. No PV loss."
    assert READ.status(KB, text, "regular_tightening") == "present"
    assert "pregnancy_warning" in READ.flags(text)


def test_only_a_trickle_after_standing_there_for_ages() -> None:
    text = "Back went lifting a pallet on Thursday. Stood there for ages this morning and only a trickle, back 6/10."
    assert READ.status(KB, text, "urinary_retention") == "present"
    text = "Slipped a disc I think. I didn't really feel like I needed to wee all day, odd because I'm drinking plenty."
    assert READ.status(KB, text, "urinary_retention") == "present"


def test_a_first_bed_wetting_since_childhood() -> None:
    text = "Woke at 3am in a wet bed, so embarrassed. I've never wet the bed as an adult. My back has been agony since Tuesday."
    assert READ.status(KB, text, "urinary_incontinence") in ("present", "possible")
    assert "cauda_equina" in READ.flags(text)


def test_a_leg_hardly_lifted_and_worse_every_day() -> None:
    text = "Sciatica in the left leg since Monday. Now I can hardly lift my foot onto the kerb, it's getting worse daily."
    assert READ.status(KB, text, "leg_weakness_worsening") == "present"


def test_a_leg_got_up_a_step_is_no_erection_problem() -> None:
    text = "My right leg is weak and I can barely get it up the stairs. Back pain for a week."
    assert not READ.counted(KB, text, "sexual_dysfunction_new")


def test_a_wetting_presumed_in_pregnancy() -> None:
    text = "I'm 36 weeks with a sore back. I just assumed I had wet myself earlier but it's still dribbling, clear and no smell."
    assert "cauda_equina" not in READ.flags(text)
    assert "pregnancy_warning" in READ.flags(text) or "labour" in READ.flags(text)


def test_a_muscle_that_tore_slightly() -> None:
    text = "Reaching up to the loft I felt a twinge, like something tore slightly in my lower back, 2/10. 35M."
    assert "aortic" not in READ.flags(text)


def test_a_kick_likened_to_a_horses() -> None:
    text = "Lifting the dog I got a sudden pain in my lower back, like being kicked by a horse, 7/10. I didn't fall. 62F."
    assert "major_trauma" not in READ.flags(text)


def test_a_numb_bottom_back_to_normal() -> None:
    text = "Sat on a hard bench for three hours and my backside went numb, but it went back to normal once I stood up."
    assert "cauda_equina" not in READ.flags(text)


def test_nights_one_after_another_and_no_position_helps() -> None:
    text = "Awake again at 2am, third night in a row. My back is the same however I lie, side or back. 52F."
    assert READ.status(KB, text, "night_pain") == "present"
    assert READ.status(KB, text, "pain_unrelenting") == "present"
    assert "constitutional" in READ.flags(text)


def test_a_fall_out_of_bed_onto_the_floor() -> None:
    text = "Carer here. Mrs D, 90, rolled out of bed in the night onto the floor and now her lower back hurts."
    assert READ.status(KB, text, "minor_trauma") == "present"
    assert "fracture" in READ.flags(text)
