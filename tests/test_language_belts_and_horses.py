"""Round 89 of the reading (from R109): weight lost told by the clothes ("my breeks are hanging
off me", "a new hole in my belt"); "didn't come off the horse" denies the fall; blood on the
toilet paper in a pregnancy is bleeding."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_weight_lost_told_by_the_clothes() -> None:
    text = "I'm 66 and my back's ached for six weeks. My skirts are all too big now and I've not been dieting."
    assert READ.status(KB, text, "unexplained_weight_loss") == "present"
    belt = "Back pain a month, and I've had to make a new hole in my belt."
    assert READ.status(KB, belt, "unexplained_weight_loss") == "present"


def test_a_fall_from_a_horse_denied() -> None:
    text = "Sore back after a long day mustering. Didn't come off the horse, just stiff."
    assert READ.status(KB, text, "major_trauma") == "absent"
    assert "major_trauma" not in READ.flags(text)


def test_blood_on_the_paper_in_a_pregnancy() -> None:
    text = "I'm 24 weeks pregnant with a sore lower back, and there's some blood on the paper when I wipe."
    assert READ.status(KB, text, "vaginal_bleeding") == "present"
    assert "pregnancy_warning" in READ.flags(text)
