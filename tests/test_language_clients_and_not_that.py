"""Round 180 of the reading (from R487 to R490, the sets that measured round 179; none of their
emergencies was missed, and their three misses were over-triage): one of the writer's clients
told as what happened to them, a symptom named to say "this isn't that", and a step down from a
cab."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 7)
READ = ReadOn(TODAY)
KB = knowledge()


def test_one_of_the_writers_clients() -> None:
    text = "One of my regulars passed out at the bar last night, he's fine now. My lower back aches from the shift."
    assert READ.status(KB, text, "fainting") is None


def test_a_symptom_named_to_say_this_is_not_it() -> None:
    text = "My dad had a dissection, so I know what ripping pain is - this isn't that. Low back ache for a week, 45."
    assert READ.status(KB, text, "tearing_pain") == "absent"


def test_a_step_down_from_a_cab() -> None:
    text = "Delivery driver, 41. Hurt my lower back jumping down from the cab yesterday."
    assert "major_trauma" not in READ.flags(text)
