"""Round 126 of the reading (from R211 to R214): "a strong throbbing in the middle of my tummy" at 66;
"pain start in low back and go down the left leg until the foot"; "no swelling or lump" beside a
bruise; "Someone told me numbness between the legs is an emergency - I don't have that"; "my son (3
years)" is the son's age."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import assess, knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 5)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_throbbing_in_the_middle_of_the_tummy() -> None:
    text = (
        "Lower back has been aching for a couple of days, and when I lie down I can feel a strong throbbing in the "
        "middle of my tummy, like a heartbeat, you can actually see it moving. I'm 66."
    )
    assert READ.status(KB, text, "pulsating_abdomen") == "present"
    assert "aortic" in READ.flags(text)


def test_where_the_pain_starts_then_goes() -> None:
    text = "I am 40 years. 10 days ago pain start in low back and go down the left leg until the foot. Pain is 8 from 10."
    assert READ.status(KB, text, "leg_pain_below_knee") == "present"
    assert "sciatica" in READ.flags(text)


def test_no_swelling_or_lump_beside_a_bruise() -> None:
    text = "Banged my lower back on the door handle, now there's a yellowy-green bruise, no swelling or lump, just tender. 27."
    assert READ.status(KB, text, "back_lump_or_deformity") == "absent"
    result = assess(text=text, today=TODAY)
    assert "back_lump" not in {h.id for h in result.red_flags}
    assert "back_lump_or_deformity" in {c.id for c in result.to_confirm}  # the sentence model's reading, asked


def test_a_sign_told_as_a_rule() -> None:
    text = (
        "Strained my lower back at the gym 3 days ago, about 4/10. Someone told me numbness between the legs is an "
        "emergency - I don't have that, just wanted to check."
    )
    assert not READ.counted(KB, text, "saddle_numbness")
    assert "cauda_equina" not in READ.flags(text)
    assert "cauda_equina" in READ.flags("Since yesterday I've had numbness between the legs and my back hurts.")


def test_an_age_in_brackets_after_a_relative() -> None:
    text = "I carry my son (3 years) all day, now I have pain in lower back since two days. No fever."
    assert READ.value(KB, text, "age") is None
    assert "young_age" not in READ.flags(text)
    assert READ.value(KB, "Alfie (3 yrs) has had back pain since Monday.", "age") == 3
