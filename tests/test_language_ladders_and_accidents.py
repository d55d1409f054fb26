"""Round 145 of the reading (from R311 to R314, their three missed emergencies first): "fell of a
ladder" typed with one "f"; "more than 8 tablets a day" of several paracetamol products; "I had an
accident, poo, in my pants"; a chest press at the gym."""

from __future__ import annotations

import datetime as dt

from text_reading import ReadOn

TODAY = dt.date(2026, 12, 6)
READ = ReadOn(TODAY)


def test_fell_of_a_ladder() -> None:
    assert "major_trauma" in READ.flags("Fell of the scaffold this morning, back agony")


def test_more_than_eight_tablets_a_day() -> None:
    text = "Co-codamol and Panadol for my back all week, probably more than 10 tablets a day. I feel fine."
    assert "medicine_overdose" in READ.flags(text)


def test_an_accident_named_then_what_it_was() -> None:
    text = "Embarrassing but my back has been bad since Sunday and today I had an accident, poo, in my trousers."
    assert "cauda_equina" in READ.flags(text)


def test_a_chest_press_is_no_chest_pain() -> None:
    text = "Chest press and deadlifts at the gym, lower back tight since. 25."
    assert "cardiac" not in READ.flags(text)
