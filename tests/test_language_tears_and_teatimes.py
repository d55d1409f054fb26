"""Round 97 of the reading (from R117): pain that "ripped through" the back, or as if someone tore
the person open (not "like I tore something"); a wetting found afterwards, "I'd wet myself"; a
baby quiet "since teatime"; a note's "bilateral posterior thigh pain" and "reduced pinprick" over
the perianal region; a run's kilometres are no crash; feeling the cold is no fever; a teenager
"literally terrified" who keeps crying."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_pain_that_ripped_through_the_back() -> None:
    text = (
        "I'm 63. 20 minutes ago out of nowhere something ripped through my back between the shoulder blades "
        "like somebody tore me open. Worst pain of my life, 10 out of 10."
    )
    assert READ.status(KB, text, "tearing_pain") == "present"
    assert "aortic" in READ.flags(text)


def test_like_i_tore_something_is_a_strain() -> None:
    text = "Felt like I tore something in my lower back doing a heavy squat, about 5/10. I'm 26."
    assert READ.status(KB, text, "tearing_pain") is None
    assert "aortic" not in READ.flags(text)


def test_a_wetting_found_afterwards() -> None:
    text = "Back's been crook for a week. When I got out of the ute I realised I'd wet myself, hadn't felt it."
    assert READ.status(KB, text, "urinary_incontinence") == "present"
    assert "cauda_equina" in READ.flags(text)


def test_a_baby_quiet_since_teatime() -> None:
    text = "I'm 34 weeks, back's killing us. Thing is he's been proper quiet since teatime yesterday."
    assert READ.status(KB, text, "reduced_fetal_movements") == "present"
    assert "pregnancy_warning" in READ.flags(text)


def test_a_notes_bilateral_posterior_thigh_pain_and_reduced_pinprick() -> None:
    text = (
        "39M, L4/5 disc prolapse. On assessment: bilateral posterior thigh pain, reduced pinprick over the left "
        "buttock and perianal region, power normal."
    )
    assert READ.status(KB, text, "leg_pain_both_sides") == "present"
    assert READ.status(KB, text, "saddle_numbness") == "present"
    assert "cauda_equina" in READ.flags(text)


def test_a_runs_kilometres_are_no_crash() -> None:
    text = "38M. Sciatica in my left leg for 5 weeks down to the calf. Ran through it at first, now cut to easy 5 km."
    assert "major_trauma" not in READ.flags(text)


def test_feeling_the_cold_is_no_fever() -> None:
    text = "41M, recurrent lumbar spasms for 3 weeks, known hypothyroidism. Reports fatigue and feeling cold."
    assert READ.status(KB, text, "fever") is None
    assert READ.status(KB, "I'm feeling hot and cold and my back hurts.", "fever") == "present"


def test_a_terrified_teenager_who_keeps_crying() -> None:
    text = (
        "im 16 and my lower back has hurt for 2 weeks. now im literally terrified, i cant sleep cos im thinking "
        "about it and ive not gone to school all week because i keep crying."
    )
    assert READ.status(KB, text, "worried_or_not_coping") == "present"
    assert "not_coping" in READ.flags(text)
