"""Round 158 of the reading (from R391 to R394, the stop's final sets, their missed emergencies
first): a pregnancy told by its weeks alone before 20 ("I'm 19 weeks ... bright red blood"), and
what such weeks are not ("16 weeks into physio", "14 weeks sober")."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 6)
READ = ReadOn(TODAY)
KB = knowledge()


def test_weeks_alone_before_twenty_tell_a_pregnancy() -> None:
    text = "I'm 17 weeks and my lower back has ached since lunch, and now there's some blood when I wipe."
    assert READ.value(KB, text, "pregnancy_weeks") == 17
    assert READ.status(KB, text, "pregnant") == "present"


def test_weeks_into_something_else_are_no_pregnancy() -> None:
    for text in ("I'm 16 weeks into physio and my back is better.", "I'm 14 weeks sober and my back hurts."):
        assert READ.status(KB, text, "pregnant") != "present"
