"""Round 136 of the reading (from R263 to R266, its missed emergency first): clear fluid "PV" in a pregnancy is the
waters; a note's "T6-7 mechanical pain" is the middle back; a fever the person "got completely better" from is over;
a deckchair that "collapsed under me" is no collapse, and a height taken back ("only off the bottom step") no
major fall; a collision that "nearly" happened did not; weakness "not worse, not better" is not getting worse."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 5)
READ = ReadOn(TODAY)
KB = knowledge()


def test_clear_fluid_per_vaginam_in_a_pregnancy() -> None:
    text = "G2P1, 29/40, c/o LBP and intermittent clear fluid PV since 04:00. No bleeding. No contractions."
    assert "pregnancy_warning" in READ.flags(text)
    assert "pregnancy_warning" not in READ.flags("29/40, LBP, no PV fluid, no bleeding")


def test_a_thoracic_level_with_a_word_between() -> None:
    text = (
        "34M, T6-7 mechanical pain 2/52 after rowing. Reproduced on palpation and rotation. No chest pain, no SOB, "
        "no diaphoresis. PMH nil."
    )
    assert READ.flags(text) == {"thoracic"}


def test_a_fever_got_completely_better_from() -> None:
    text = (
        "I had flu with a high fever back in January but got completely better. Now, three months later, I've "
        "tweaked my lower back hoovering the stairs. No temperature now. 45F, about 4/10."
    )
    assert "spinal_infection" not in READ.flags(text)


def test_a_seat_that_collapsed_and_a_height_taken_back() -> None:
    chair = (
        "Sat on an old deckchair at the barbecue and it collapsed under me, landed on my backside on the lawn. "
        "Lower back bruised and achy. I'm 42, healthy, no medicines."
    )
    assert READ.flags(chair) == set()
    step = "Fell from a height - well, only off the bottom step of the stairs - and landed on my bum. 30F, lower back sore."
    assert "major_trauma" not in READ.flags(step)


def test_a_collision_that_nearly_happened() -> None:
    text = (
        "Drove 6 hours to Scotland yesterday. Someone nearly went into the back of me on the M6 but braked in "
        "time, no contact at all. Today my lower back is stiff and achy, 3/10."
    )
    assert READ.flags(text) == set()
    assert "major_trauma" in READ.flags("A car nearly hit me and then I got knocked off my bike by the next one, back agony")


def test_weakness_not_worse_not_better() -> None:
    text = (
        "My right leg is weak since 4 days, I cannot stand on my toes on this side. Not worse, not better. Pain in "
        "low back. Left leg is normal. Toilet is normal."
    )
    assert "progressive_neuro_deficit" not in READ.flags(text)
    assert "nerve_deficit" in READ.flags(text)
