"""Round 117 of the reading (from R163 to R166): "unable to find any comfortable position" is pain
nothing eases; a note's "bilat LL weakness and numbness" is numbness in both legs; a lump "I've had
since my twenties" is long-standing."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_no_comfortable_position_at_nine_out_of_ten() -> None:
    text = "44F, acute LBP 2/7. NRS 9/10 despite regular paracetamol + ibuprofen, cannot find any comfortable position."
    assert READ.status(KB, text, "pain_unrelenting") == "present"
    assert "uncontrolled_pain" in READ.flags(text)


def test_a_notes_lower_limbs_shared_by_two_symptoms() -> None:
    text = "41M, LBP 5/7. 24h progressive bilat LL weakness and numbness, unsteady."
    assert READ.status(KB, text, "leg_numbness_both_sides") == "present"


def test_a_lump_had_since_youth() -> None:
    text = "There's a small lump on my back that I've had since my teens, never bothered me. Lower back aches after digging. 47M"
    assert "back_lump" not in READ.flags(text)
