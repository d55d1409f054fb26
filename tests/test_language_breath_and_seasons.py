"""Round 92 of the reading (from R112): "can't get a proper breath", "can hardly get a sentence out";
"weakness progressive"; walking aids stepped up; the left side "just under the ribs" after a comma;
weight lost "on purpose" in learners' English; "since 20th October", "since the summer"; a note's
list that turns to how the pain behaves ("no trauma, constant, not eased by rest"); a weight now with
the old one in brackets."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_breath_that_will_not_come() -> None:
    text = "Back's been stiff since Monday. For the last hour I can't get a proper breath, even lying down."
    assert READ.status(KB, text, "difficulty_breathing") == "present"
    words = "My lower back hurts and I can barely get a whole sentence out."
    assert READ.status(KB, words, "difficulty_breathing") == "present"
    deep = "Since my back went I can't take a deep breath without a twinge."
    assert READ.status(KB, deep, "difficulty_breathing") != "present"


def test_weakness_progressive_and_aids_stepped_up() -> None:
    note = "LBP 4/52. R leg weakness progressive over the last week."
    assert READ.status(KB, note, "leg_weakness_worsening") == "present"
    aids = "Back pain 2/52. Dad now needs a walking frame, he was walking with a stick until last week."
    assert READ.status(KB, aids, "unsteady_walking") == "present"


def test_side_under_the_ribs_after_a_comma() -> None:
    text = "Pain in my back on the right side, just below the ribs, and it burns when I pee."
    assert READ.status(KB, text, "flank_pain") == "present"


def test_weight_lost_on_purpose_in_learners_english() -> None:
    text = "My back hurts after lifting, 2 days. I lose 5 kg since summer but this is on purpose, I do diet."
    assert READ.status(KB, text, "unexplained_weight_loss") != "present"


def test_dates_and_seasons() -> None:
    assert READ.value(KB, "Lower back pain since 20th October.", "days_since_onset") == 45
    assert READ.value(KB, "Lower back pain since March 2025.", "days_since_onset") == 643
    assert READ.value(KB, "Lower back sore every single day since the summer.", "days_since_onset") == 156


def test_a_note_list_that_turns() -> None:
    text = "LBP 1/52, no trauma, constant, not eased by rest or any position."
    assert READ.status(KB, text, "pain_unrelenting") == "present"
    assert READ.status(KB, text, "major_trauma") == "absent"


def test_a_weight_now_with_the_old_one_in_brackets() -> None:
    text = "LBP ~4/52. Wt 64.0 kg today (70.5 kg in 05/2026), unintentional."
    assert READ.status(KB, text, "unexplained_weight_loss") == "present"
