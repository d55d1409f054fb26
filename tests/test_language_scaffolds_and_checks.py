"""Round 176 of the reading (from R471 to R474, the sets that measured round 175; their two missed
emergencies): a fall's height told after a comma with "bout", and a check into the boards told with
more than one word between ("checked hard from behind into the boards")."""

from __future__ import annotations

import datetime as dt

from backcare.adapters.language.measurements import fall_heights
from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 7)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_falls_height_told_after_a_comma_with_bout() -> None:
    text = "fell off the top deck when a board tipped, bout 4 metre onto the concrete. back is agony"
    assert [m.value for m in fall_heights(text)] == [4.0]
    assert READ.status(KB, text, "major_trauma") == "present"


def test_a_check_into_the_boards_with_words_between() -> None:
    text = "Hockey mom: my daughter (16) got checked really hard into the boards tonight, lower back sore."
    assert READ.status(KB, text, "major_trauma") == "present"
