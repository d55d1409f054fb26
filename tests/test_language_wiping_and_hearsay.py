"""Round 108 of the reading (from R133): numbness told after the wiping ("it feels a bit numb when
I wipe after the loo"), hedged or not, but not a wipe of something else; and a question about what
happens to people ("Is it true your legs can go numb from a slipped disc?") is no report."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_numb_when_wiping() -> None:
    text = "Hurt my lower back lifting on Saturday. I think maybe it feels a bit numb when I wipe after the loo? 38F"
    assert READ.status(KB, text, "saddle_numbness") == "possible"  # the rules read it too, hedged
    assert "cauda_equina" in READ.flags(text)
    plain = "Back sore since Monday, and it's numb when I wipe myself. 41M"
    assert READ.status(KB, plain, "saddle_numbness") == "present"
    table = "My hands feel numb when I wipe the table, a bit cold I think. Lower back ache from gardening, 52."
    assert READ.status(KB, table, "saddle_numbness") is None


def test_a_question_about_what_happens_to_people() -> None:
    text = "Is it true your legs can go numb from a slipped disc? Mine are fine, just asking. Lower back ache, 30M"
    assert "cauda_equina" not in READ.flags(text)
    asked = "Is it possible you can lose bladder control with sciatica? Sore back from lifting, 44."
    assert "cauda_equina" not in READ.flags(asked)
