"""Round 88, continued: a temperature told before what took it ("38.4 on the thermometer", an
older set's missed kidney infection)."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_reading_told_before_the_thermometer() -> None:
    text = "Sore low in my back on the right and shivery, 38.7 on the thermometer this morning."
    assert READ.status(KB, text, "fever") == "present"
    assert READ.status(KB, "Back aches, 36.8 on the ear thermometer.", "fever") == "absent"
