"""Round 165 of the reading (from R419 to R422, the sets that measured round 164, their missed
emergency first): kicks not felt told with the denial raised onto the thinking ("I don't think I've
felt him kick"), injecting told by where, a Scots "loast", "I'm in bits" and a fear that will not
stop, a back that "went on" a date; and the look-alikes: a rider's saddle sores, a bottom numb on a
saddle that was back to normal, "feels like a UTI", and in a pregnancy with fluid leaking, the
sentence model's wetting or trickle (the leak, no bladder sign)."""

from __future__ import annotations

import datetime as dt

from backcare.adapters.language import understand
from backcare.adapters.learned.telling_words import NEEDS_WORDS
from backcare.bootstrap import assess, knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 6)
READ = ReadOn(TODAY)
KB = knowledge()


def test_kicks_not_felt_with_the_denial_on_the_thinking() -> None:
    text = "33 weeks pregnant, sore lower back, and I don't think I've felt him kick since breakfast."
    assert READ.status(KB, text, "reduced_fetal_movements") == "present"
    assert "pregnancy_warning" in READ.flags(text)
    assert READ.status(KB, "30 weeks, backache. I don't think I've ever felt her kick so hard.", "reduced_fetal_movements") is None


def test_injecting_told_by_where() -> None:
    text = "Drug service client, 41M, still injecting (femoral). Back pain 2/52, constant, no position helps."
    assert READ.status(KB, text, "iv_drug_use") == "present"
    assert "spinal_infection" in READ.flags(text)
    assert READ.status(KB, "I inject insulin into my belly twice a day and my back hurts.", "iv_drug_use") is None


def test_weight_lost_in_scots() -> None:
    text = "Ma back's been sair since the summer an ah've loast a stane withoot tryin."
    assert READ.status(KB, text, "unexplained_weight_loss") == "present"


def test_in_bits_and_a_fear_that_will_not_stop() -> None:
    for text in (
        "My back went at the gym on Friday. I'm in bits about it, honestly.",
        "Sore low back since Wednesday and I can't stop thinking it's something serious.",
    ):
        assert READ.counted(KB, text, "worried_or_not_coping"), text
    assert not READ.counted(KB, "My old bike is in bits in the shed and my back aches.", "worried_or_not_coping")


def test_a_back_that_went_on_a_date() -> None:
    text = "My back went on 2 October when I was lifting the mower and it's no better, no worse."
    assert READ.value(KB, text, "days_since_onset") == 65
    assert "persistent" in READ.flags(text)


def test_a_riders_saddle_sores_are_set_aside_from_numbness() -> None:
    text = "Lower back aching after 3 days in the saddle on a trek. Saddle sores on my inner thighs too, rubbed raw."
    assert "saddle_numbness" in understand(text, KB, TODAY).not_own


def test_a_bottom_numb_on_a_saddle_back_to_normal() -> None:
    text = (
        "Long ride on the turbo trainer last night. My bum went numb on the saddle after an hour but it was back "
        "to normal as soon as I got off. Lower back a bit tight today."
    )
    assert "cauda_equina" not in READ.flags(text)


def test_feels_like_a_uti_is_no_feeling_in_the_saddle() -> None:
    (feeling,) = NEEDS_WORDS["saddle_numbness"]
    assert not feeling.search("Sore back under my ribs and it burns when I wee. Feels like a UTI but in my back?")
    assert feeling.search("Down below it feels like I'm sitting on a cushion.")


def test_wetting_beside_a_leak_in_pregnancy_is_the_leak() -> None:
    text = (
        "37 weeks and my back aches. Been a slow trickle of clear fluid since this afternoon, changed my pad twice. "
        "Not sure if it's wee."
    )
    answer = assess(text=text, today=TODAY)
    flags = {hit.id for hit in answer.red_flags}
    assert "pregnancy_warning" in flags
    assert "cauda_equina" not in flags
