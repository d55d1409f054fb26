"""Round 121 of the reading (from R183 to R190): "back pain plus chest feels tight n heavy" (a tight
back idiom no longer swallows the chest); "well over what the packet says for a day"; "sandwiched
between two props"; a question answered "Just curious, I'm fine in that department"; "water
retention" and "incontinence pads for residents" are not the writer's bladder."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_tight_heavy_chest_beside_back_pain() -> None:
    text = "back pain plus chest feels tight n heavy, like an elephant sitting on it. 61"
    assert READ.status(KB, text, "chest_pain") == "present"
    assert "cardiac" in READ.flags(text)
    assert "cardiac" not in READ.flags("My back always feels really tight and sore. 40")


def test_well_over_what_the_packet_says() -> None:
    text = (
        "For my back I've been taking paracetamol, Lemsip and co-codamol together since yesterday. Added it up "
        "and it's well over what the packet says for a day. I feel fine though, no yellow eyes or anything."
    )
    assert READ.status(KB, text, "paracetamol_overuse") == "present"
    assert "medicine_overdose" in READ.flags(text)


def test_sandwiched_between_two_props() -> None:
    text = "Got sandwiched between two props in a rugby match this afternoon, felt a crack in my lower back. 19 yo"
    assert "major_trauma" in READ.flags(text)


def test_a_question_answered_fine_in_that_department() -> None:
    text = (
        "Is losing control of your bladder a sign of something serious with back pain? Just curious, I'm fine "
        "in that department, only an achy lower back after a 5-a-side game."
    )
    assert "cauda_equina" not in READ.flags(text)


def test_water_retention_and_a_carers_pads() -> None:
    water = "Bit of water retention and bloating like I get before my period, and my lower back aches. 30F."
    assert READ.status(KB, water, "urinary_retention") is None
    pads = "I'm a care assistant, lots of hoisting and changing incontinence pads for residents. Lower back aching. 45F."
    assert READ.status(KB, pads, "urinary_incontinence") is None
    own = "Since my back went I've needed incontinence pads, I keep leaking. 45F."
    assert "cauda_equina" in READ.flags(own)


def test_never_over_what_the_packet_says_for_a_day() -> None:
    text = (
        "37. Lower back spasm since Monday. Paracetamol and a Beechams hot lemon, which has paracetamol in too. "
        "I've counted and I've never gone over what the packet says for a day."
    )
    assert READ.status(KB, text, "paracetamol_overuse") == "absent"
