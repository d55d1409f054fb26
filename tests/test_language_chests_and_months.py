"""Round 131 of the reading (from R243 to R246, its missed emergency first): "a tight chest, feels like pressure" is
chest pain even beside a mother's heart attack; "definitely more than 3 months" is how long the back has hurt; a
kidney stone "5 years ago" told after one's age dates the stone, not the back pain."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 5)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_tight_chest_beside_a_relatives_heart_attack() -> None:
    text = (
        "upper back pain between my shoulder blades for an hour and a tight chest, feels like pressure. 61M. my mum "
        "had a heart attack at 60"
    )
    assert READ.status(KB, text, "chest_pain") == "present"
    assert "cardiac" in READ.flags(text)
    # furniture and a chest cold are not
    assert READ.status(KB, "Hurt my back lifting a heavy chest of drawers. 40M.", "chest_pain") is None


def test_more_than_three_months_told_on_its_own() -> None:
    text = "car crash 2 years ago. back has hurt on and off ever since, definitely more than 3 months."
    assert READ.status(KB, text, "pain_over_3_months") == "present"
    assert READ.flags(text) == {"persistent"}


def test_a_past_stone_told_after_ones_age() -> None:
    text = (
        "I'm 45 and had a kidney stone 5 years ago. This doesn't feel like that: no blood in my pee, no burning, just "
        "a muscle pull after tennis."
    )
    assert READ.flags(text) == set()
    # a bad back told in the same breath keeps its months
    assert "persistent" in READ.flags("I'm 45 and had a bad back for 4 months now.")
