"""Round 119 of the reading (from R175 to R178): "new urinary incontinence ... no previous hx of
incontinence" is new; a general question answered after an aside ("I read that online.") or with
"Mine's more of a dull ache"; a time that dates something else that happened ("I had a kidney stone
3 years ago, so I worried when my back started hurting"); a note's "urine dipstick +++ blood";
"nowhere near an overdose"; a dermatome named without its side."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_new_incontinence_beside_no_previous_history_of_it() -> None:
    text = (
        "52F, 2/52 LBP with L>R sciatica. Today reports new urinary incontinence x2 episodes overnight, "
        "no previous hx of incontinence. Perianal sensation not yet examined. PMH nil. Obs stable."
    )
    assert READ.status(KB, text, "urinary_incontinence") == "present"
    assert "cauda_equina" in READ.flags(text)
    past = "40F. No previous hx of incontinence. LBP 1/52 after lifting."
    assert READ.status(KB, past, "urinary_incontinence") == "absent"


def test_a_general_question_answered_after_an_aside_or_by_contrast() -> None:
    aside = (
        "Is a tearing pain in the back something to worry about? I read that online. Mine isn't tearing "
        "at all, just a dull ache low down since the gym 2 days ago. 29m"
    )
    assert "aortic" not in READ.flags(aside)
    contrast = "Is a tearing pain in your back a sign of an aneurysm? Mine's more of a dull ache low down, 3 days. 31M"
    assert "aortic" not in READ.flags(contrast)
    own = "Is a tearing pain in the back something to worry about? Mine is tearing right through to my front. 61M"
    assert "aortic" in READ.flags(own)


def test_a_time_that_dates_something_else_that_happened() -> None:
    text = (
        "I had a kidney stone 3 years ago, so I worried when my back started hurting. But this is just a "
        "muscle ache low down after painting the fence yesterday."
    )
    assert READ.value(KB, text, "days_since_onset") == 1
    assert READ.value(KB, "I had a fall 2 days ago and my back hurts.", "days_since_onset") == 2


def test_a_notes_dipstick_with_plus_signs() -> None:
    text = "Nurse triage: 42M, colicky L loin-to-groin pain coming in waves, urine dipstick +++ blood, apyrexial."
    assert READ.status(KB, text, "blood_in_urine") == "present"
    assert "kidney" in READ.flags(text)


def test_nowhere_near_an_overdose() -> None:
    text = (
        "taking paracetamol tablets and also Lemsip for my cold, didn't realise both had paracetamol. I've added "
        "it all up and I'm definitely under the daily maximum, nowhere near an overdose. Back sore 3 days. 24f"
    )
    flags = READ.flags(text)
    assert "medicine_overdose" not in flags
    assert "paracetamol_duplication" in flags


def test_a_dermatome_named_without_its_side() -> None:
    text = "37M, LBP 3/52. O/E reduced sensation L5 dermatome. Saddle sensation intact, no urinary sx."
    assert READ.status(KB, text, "leg_numbness_one_side") == "present"
