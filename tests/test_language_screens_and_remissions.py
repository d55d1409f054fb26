"""Round 103 of the reading (from R124): someone on screen ("watching Grey's Anatomy ... a guy had a
ripping back pain"); another illness "in remission"; a note's source ("new per wife"); "turned 70
at Easter"; "a trickle of clear water" in pregnancy, not the bladder; and a child's pain that
"wakes him at night", which is no drowsiness."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_someone_on_screen() -> None:
    text = (
        "Watching Casualty last night and a man had a tearing back pain from an aneurysm, gave me a fright. "
        "Mine's just a twinge in my lower back from hoovering, 3/10. 34."
    )
    assert READ.status(KB, text, "known_aaa") != "present"
    assert "aortic" not in READ.flags(text)


def test_another_illness_in_remission() -> None:
    text = "I have Crohn's, in remission for 5 years, no steroids now. Lower back strain from kayaking, 4/10. 28."
    assert READ.status(KB, text, "history_of_cancer") != "present"
    assert "malignancy" not in READ.flags(text)
    cancer = "Breast cancer, in remission for 5 years. Lower back pain for two weeks. 58."
    assert READ.status(KB, cancer, "history_of_cancer") == "present"


def test_a_notes_source_is_no_one_else() -> None:
    text = "71M, LBP 2/52, no trauma. Gait unsteady today (new per wife), reports both legs feel weak."
    assert READ.status(KB, text, "leg_weakness") == "present"
    assert "progressive_neuro_deficit" in READ.flags(text)


def test_turned_seventy_at_easter() -> None:
    text = "Turned 70 at Easter. Slipped on the wet kitchen floor yesterday and landed on my bottom. Low back sore."
    assert READ.value(KB, text, "age") == 70
    assert "fracture" in READ.flags(text)
    assert READ.value(KB, "He turned 80 last week and I hurt my back lifting his chair.", "age") is None


def test_a_trickle_of_clear_water_in_pregnancy() -> None:
    text = (
        "33 weeks today. Lower back ache all day and I keep getting a trickle of clear water - not wee I'm "
        "pretty sure, it doesn't smell like wee and I can't stop it."
    )
    assert READ.status(KB, text, "fluid_leak") == "present"
    assert "pregnancy_warning" in READ.flags(text)
    assert "cauda_equina" not in READ.flags(text)


def test_pain_that_wakes_a_child_is_no_drowsiness() -> None:
    text = "School nurse. Y8 pupil, 12M, c/o LBP ~3/52, reports it wakes him at night. No trauma, afebrile today."
    assert READ.status(KB, text, "confusion_or_drowsiness") != "present"
    assert "general_emergency" not in READ.flags(text)
