"""Round 102 of the reading (from R123): days that fall on the same date every year ("since Bonfire
Night") and events told by their month; ages told round about ("the wrong side of 60", "three score
years and ten") or in words after a relative ("Mam's seventy-four"); a tight chest that "went when
I sat"; "clear fluid leaking PV" beside "no PV bleeding"; "a bulge in the main tummy artery"; "more
a deep ache than anything tearing"; a numb bottom whose "feeling came back"; and a pet's legs."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_days_that_fall_on_the_same_date_every_year() -> None:
    assert READ.value(KB, "Lower back pain since Bonfire Night.", "days_since_onset") == 29
    assert READ.value(KB, "Lower back pain since Halloween.", "days_since_onset") == 34
    assert READ.value(KB, "Lower back pain since New Year's Eve.", "days_since_onset") == 338


def test_an_event_told_by_its_month() -> None:
    text = "Lower back ache since the kids went back to school in September. Not getting any better. 35F."
    assert READ.value(KB, text, "days_since_onset") == 94
    assert "persistent" in READ.flags(text)


def test_sciatica_since_bonfire_night() -> None:
    text = "Shootin' pain from me bum down the back of me left leg to me ankle since Bonfire Night. Right leg's fine. 38."
    assert "sciatica" in READ.flags(text)
    assert READ.value(KB, text, "days_since_onset") >= 28


def test_ages_told_round_about() -> None:
    assert READ.value(KB, "I'm the wrong side of 60. Nagging ache between my shoulder blades.", "age") == 60
    assert READ.value(KB, "I'm pushing 80 and my lower back is sore.", "age") == 80
    assert READ.value(KB, "I turned three score years and ten last March. Lower back sore.", "age") == 70
    assert READ.value(KB, "Mam's seventy-four. She twisted getting out of the car and her back's sore.", "age") == 74


def test_a_tight_chest_that_went_when_i_sat() -> None:
    text = (
        "My middle back has been sore since October. This afternoon walking up the hill I had a tight, heavy "
        "feeling in my chest for a few minutes but it went when I sat on the wall. 57."
    )
    assert READ.status(KB, text, "chest_pain") == "present"
    assert "cardiac" in READ.flags(text)


def test_fluid_leaking_beside_no_bleeding() -> None:
    text = (
        "Practice nurse tel triage: 31F, G2P1, 29/40. LBP 2/7. Reports clear fluid leaking PV since 07:00, "
        "dampening pad. No PV bleeding, FM normal, no tightenings."
    )
    assert READ.status(KB, text, "fluid_leak") == "present"
    assert "pregnancy_warning" in READ.flags(text)


def test_a_bulge_in_the_main_tummy_artery() -> None:
    text = (
        "My father is in his late seventies and has a small bulge in the main tummy artery they scan every year. "
        "Since lunchtime really bad pain in his lower back and belly, 8 out of 10."
    )
    assert READ.status(KB, text, "known_aaa") == "present"
    assert "aortic" in READ.flags(text)


def test_more_an_ache_than_anything_tearing() -> None:
    text = "64, bent to put my socks on and got a sudden severe pain in my lower back. More a deep ache than anything tearing."
    assert READ.status(KB, text, "tearing_pain") == "absent"


def test_a_numb_bottom_whose_feeling_came_back() -> None:
    text = (
        "After a 9-hour coach trip my bum went numb from sitting, but the feeling came back as soon as I walked "
        "about. Lower back a bit stiff. 24F."
    )
    assert READ.status(KB, text, "saddle_numbness") != "present"
    assert "cauda_equina" not in READ.flags(text)


def test_a_pets_legs() -> None:
    dog = "My dog's back legs have gone wobbly. I've tweaked my own lower back lifting him into the car. I'm 40."
    assert READ.status(KB, dog, "leg_weakness") != "present"
    mine = "My back legs have gone wobbly since I lifted the dog. Lower back pain."
    assert READ.status(KB, mine, "leg_weakness") != "absent"
