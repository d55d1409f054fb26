"""Round 183 of the reading (from R495 to R498, the sets that measured round 182; their three
missed emergencies first): a face droopy on one side with words coming out funny, a baby not as
wriggly as usual, a sports collision that landed on the writer; and an unsteady gait in a note, a
screen closed "all neg", a fall out of bed, a bare reading "now 37.9", a clause ending "no problem"
before the bladder's answer, a vehicle's step, an age opening the text, a child's age in brackets
and a paracetamol total "no more than the normal daily amount"."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 7)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_droopy_face_and_funny_words() -> None:
    text = "Sore back since Friday and now his smile is droopy on the left and his words are coming out funny."
    assert READ.status(KB, text, "stroke_signs") == "present"


def test_a_baby_not_as_kicky_as_usual() -> None:
    text = "30 weeks pregnant with backache, and the baby hasn't been as kicky today as usual."
    assert READ.status(KB, text, "reduced_fetal_movements") == "present"


def test_a_collision_that_landed_on_the_writer() -> None:
    text = "Hurt my back at hockey on Friday when two of their defenders crashed on top of me."
    assert "major_trauma" in READ.flags(text)


def test_an_unsteady_gait_in_a_note() -> None:
    text = "OT note: 70F, LBP 2/52, walking unsteadily since Monday, bilateral ankle weakness."
    assert READ.status(KB, text, "unsteady_walking") == "present"
    assert "progressive_neuro_deficit" in READ.flags(text)


def test_a_screen_closed_all_negative() -> None:
    text = "GP note: 41M, LBP 5/7, settling. Screen (saddle, sphincters, fever, weight loss all neg)."
    assert READ.status(KB, text, "fever") == "absent"
    assert READ.status(KB, text, "unexplained_weight_loss") == "absent"


def test_rolling_out_of_bed_onto_the_floor() -> None:
    text = "My husband is 84 and rolling out of the spare bed onto a wooden floor has left his lower back sore."
    assert READ.status(KB, text, "minor_trauma") == "present"


def test_a_bare_reading_told_now() -> None:
    text = "On methotrexate, back aching for 3 days, now 38.1 this afternoon."
    assert READ.status(KB, text, "fever") == "present"


def test_no_problem_ends_a_clause_before_the_next_answer() -> None:
    text = "pain down my left leg for three weeks the right leg is fine no problem with my waterworks or bowels"
    assert not READ.counted(KB, text, "urinary_retention")
    assert not READ.counted(KB, text, "bowel_incontinence")


def test_a_lorrys_step_is_no_crash() -> None:
    """A guard: the step set aside as no crash leaves the dropped foot told with it read."""
    text = "Since Thursday my right foot slaps and keeps catching on the lorry step, back aching for a month."
    assert "major_trauma" not in READ.flags(text)
    assert READ.status(KB, text, "foot_drop") == "present"


def test_an_age_in_years_opening_the_text() -> None:
    assert READ.value(KB, "58 yrs. Lower back wakes me most nights.", "age") == 58


def test_a_childs_age_in_brackets_is_the_childs() -> None:
    text = "Carried my granddaughter (3 years old) round the zoo and my back has hurt since Sunday."
    assert READ.value(KB, text, "age") != 3


def test_a_paracetamol_total_no_more_than_the_daily_amount() -> None:
    text = "Panadol and Lemsip both have paracetamol, but I've added it up and it's no more than the usual daily amount."
    assert READ.status(KB, text, "paracetamol_overuse") == "absent"
