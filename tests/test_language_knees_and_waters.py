"""Round 128 of the reading (from R223 to R226): the other leg "doing exactly the same thing" or that
"joined in" is pain in both legs; "lying with my knees up" names no second leg; a negative straight leg raise is no leg
pain; in pregnancy, wetting told as the other way to read a leak of the waters is that leak."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import assess, knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 5)
READ = ReadOn(TODAY)
KB = knowledge()


def test_the_other_leg_doing_the_same_thing() -> None:
    text = (
        "Had sciatica in my right leg since last week, shooting down to the calf. Today the LEFT leg has started "
        "doing exactly the same thing. 39 yrs old"
    )
    assert READ.status(KB, text, "leg_pain_both_sides") == "present"
    assert "cauda_equina" in READ.flags(text)
    # after a note's negative test, what has changed since is read: "the right leg joined in"
    since = (
        "GP note last week: 'Neuro intact, SLR neg bilat.' Since then it's changed. On Sunday the pain started "
        "going down my left leg to the calf and yesterday the right leg joined in, same place. I'm 35."
    )
    assert "cauda_equina" in READ.flags(since)


def test_knees_drawn_up_are_no_second_leg() -> None:
    text = "30F. Shooting pain down my right leg into the calf since last week, 8/10 at times but it eases lying with my knees up."
    assert "cauda_equina" not in READ.flags(text)
    assert "leg_pain_both_sides" in {c.id for c in assess(text=text, today=TODAY).to_confirm}  # asked, not dropped


def test_a_negative_straight_leg_raise() -> None:
    note = "OH note: 28F, acute LBP 4/7. Neuro exam normal, bilateral SLR negative, no saddle anaesthesia, afebrile."
    assert READ.status(KB, note, "leg_pain_both_sides") is None
    assert READ.flags(note) == set()
    assert "cauda_equina" in READ.flags("Bilateral SLR positive at 40 degrees, LBP 2/52.")


def test_wetting_told_as_the_other_way_to_read_the_waters() -> None:
    text = (
        "38 weeks pregnant. Back ache all day. A trickle of clear fluid ran down my leg, I'm not sure if my waters "
        "have gone or if I've just wet myself a bit. No tightenings yet."
    )
    assert READ.flags(text) == {"pregnancy_warning"}
    wet = "I'm 30 weeks pregnant and I've wet myself twice today without knowing, back pain since yesterday."
    assert "cauda_equina" in READ.flags(wet)
