"""Round 139 of the reading (from R283 to R286): pain "for the last 4 months" runs up to now beside an old accident;
pain that has "gone on 7 weeks"; a fever "2 months ago but I've been fine since"; a note's "3rd episode ... in
10/12"; "well within the packet"; "getting out of it" (a car) is no confusion."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 5)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_length_up_to_now_beside_an_old_accident() -> None:
    text = "I'm 59. Fell off a horse 30 years ago and have had a dodgy back since, but it's been bad for the last 5 months."
    assert READ.value(KB, text, "days_since_onset") == 150
    assert "persistent" in READ.flags(text)


def test_pain_that_has_gone_on_for_weeks() -> None:
    text = "My back pain has gone on 9 weeks and isn't easing."
    assert READ.value(KB, text, "days_since_onset") == 63
    assert "persistent" in READ.flags(text)


def test_a_fever_long_past_and_fine_since() -> None:
    text = "Had a chest infection with a fever 6 weeks ago but I've been fine since. Pulled my back lifting a box today."
    assert READ.status(KB, text, "fever") is None
    assert READ.flags(text) == set()


def test_a_notes_episodes_in_months_of_twelve() -> None:
    text = "37M. 4th episode of acute LBP in 8/12. This one d3. Neuro intact."
    assert READ.value(KB, text, "episodes_past_year") == 4
    assert "recurrent" in READ.flags(text)
    # more than a year is no count for the past year
    assert READ.value(KB, "37M. 4th episode of acute LBP in 18/12. This one d3.", "episodes_past_year") is None


def test_within_what_the_packet_says() -> None:
    text = "Back went at the gym. I've had 2 co-codamol this morning, well within the pack."
    assert READ.status(KB, text, "paracetamol_overuse") == "absent"
    assert "medicine_overdose" not in READ.flags(text)


def test_getting_out_of_a_car_is_no_confusion() -> None:
    text = "I'm 76 with thin bones. Nobody hit me, I just twisted climbing out of it at the shops and my back went."
    assert READ.status(KB, text, "confusion_or_drowsiness") is None
    assert "general_emergency" not in READ.flags(text)
