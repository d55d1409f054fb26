"""Round 186 of the reading (from R515 to R518, the sets that measured round 185; their missed
emergency first): a message that opens "hi its for my husband", so that both his legs tingling are
his; then the writer's own trouble told as "I'm the one who had ...", recurrent muscle cramps in a
note, a first spasm "first one ever", a steroid injection into a joint, and weight lost in sweat."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 7)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_message_for_a_husband_opening_with_hi() -> None:
    text = (
        "hello, this is for my wife (52). she hurt her back gardening on sunday and since this morning "
        "both her legs feel tingly and numb. my own back aches too but never mind that."
    )
    assert READ.counted(KB, text, "leg_numbness_both_sides")
    assert "cauda_equina" in READ.flags(text)


def test_the_writers_own_trouble_told_as_being_the_one() -> None:
    text = (
        "Writing for my dad - his lower back is stiff after a long drive. (I'm the one who had the chest "
        "pains in March, not him.) He's 70."
    )
    assert not READ.counted(KB, text, "chest_pain")


def test_recurrent_muscle_cramps_in_a_note() -> None:
    text = "GP note: 61F on simvastatin, recurrent paraspinal lumbar muscle cramps for a month."
    assert READ.status(KB, text, "recurrent_spasms") == "present"


def test_a_first_spasm_ever() -> None:
    text = "Had a back spasm yesterday lifting the kettle, first one ever, easing now."
    assert READ.status(KB, text, "recurrent_spasms") == "absent"


def test_a_steroid_injection_is_no_long_term_steroid() -> None:
    text = "Slipped on the stairs today, sore low back, 72. One steroid knee injection last year, nothing else."
    assert not READ.counted(KB, text, "long_term_steroids")


def test_weight_lost_in_sweat() -> None:
    text = "Lost nearly 2 kg in sweat at the half marathon, lower back tight since, 3/10."
    assert not READ.counted(KB, text, "unexplained_weight_loss")


def test_a_steroid_injection_into_the_spine_stays_a_spinal_procedure() -> None:
    """A guard: only a joint's injection is set aside; one into the spine is a recent spinal procedure."""
    text = "Had a steroid epidural injection in my lower back 10 days ago, now much worse and I feel rough."
    assert READ.status(KB, text, "recent_spinal_procedure") == "present"
