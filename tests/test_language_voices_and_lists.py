"""Round 71 of the reading (from R92): Caribbean "foot dem" and "neva"; a fever "completely gone"
after a comma; "doesn't make my back any worse" is no worsening; a length of time alone in a list
("new, 2 days, lower back"); "pick up the baby" names no one the text is about; "I'm really
struggling"."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import assess, knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def _flags(text: str) -> set[str]:
    return {h.id for h in assess(text=text, today=TODAY).red_flags}


def test_caribbean_plural_legs_and_neva() -> None:
    text = "Mi back a hurt from Monday an now pain a shoot down di leg dem, both side."
    assert READ.status(KB, text, "leg_pain_both_sides") == "present"
    assert READ.status(KB, "Mi back a hurt. Mi neva have cancer.", "history_of_cancer") == "absent"


def test_a_fever_completely_gone_after_a_comma() -> None:
    text = "Had a fever with covid two weeks ago, that's completely gone. Back sore since Friday."
    assert "spinal_infection" not in _flags(text)


def test_not_made_worse_is_no_worsening() -> None:
    text = "Numb patch on both feet for years from my diabetes, and walking doesn't make it any worse. Back ache 3 days."
    assert READ.status(KB, text, "longstanding_leg_symptoms") == "present"
    assert "cauda_equina" not in _flags(text)


def test_a_length_of_time_alone_in_a_list() -> None:
    assert READ.value(KB, "Lower back, 3 days, after gardening, 5/10.", "days_since_onset") == 3
    # years alone after a comma are an age, not how long it has hurt
    assert READ.value(KB, "I am from Poland, 42 years. Pain in lower back since yesterday.", "days_since_onset") == 1


def test_the_baby_picked_up_is_not_the_subject() -> None:
    text = "Back hurts for a week, I can't lift the baby, can't do anything at all."
    assert READ.status(KB, text, "worried_or_not_coping") == "present"


def test_really_struggling() -> None:
    assert READ.status(KB, "My back has been bad for two weeks and honestly I'm really struggling.", "worried_or_not_coping") == "present"
