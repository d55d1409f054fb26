"""Round 172 of the reading (from R451 to R454, the sets that measured round 171; their two missed
emergencies): a day's total of tablets told after "total", with more added on after "and also",
and numbness told with its sides after a comma ("tingling and numbness, both sides")."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 7)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_days_total_with_more_added_on() -> None:
    text = (
        "Back pain from four days. Yesterday I take paracetamol 500 mg, total 12 tablets in the day, and also "
        "2 sachets of cold powder."
    )
    assert READ.status(KB, text, "paracetamol_overuse") == "present"


def test_numbness_with_its_sides_after_a_comma() -> None:
    text = "Back pain since Friday. Since last night tingling and numbness, both sides, never had it before."
    assert READ.status(KB, text, "leg_numbness_both_sides") == "present"
