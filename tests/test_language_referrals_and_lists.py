"""Round 93 of the reading (from R113): a note with no "I" is about its patient ("Pt 57M ... wife
reports he is drowsy"); "tackled the garden" is no tackle; a list after "Things I don't have:";
an emoji's presentation selector no longer glues a full stop to it; a paracetamol total worked out
from the doses stands against the model; "Ma grandson's 14", "our grandson Tomas is 10"; a
referral's "grateful if you could see Mr J.B., 71"."""

from __future__ import annotations

import datetime as dt

from backcare.adapters.language.normalise import clean
from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_note_with_no_i_is_about_its_patient() -> None:
    text = "Spinal team phone note. Pt 62F, 10/7 post lumbar decompression. Husband reports she is very drowsy today."
    assert READ.status(KB, text, "confusion_or_drowsiness") == "present"


def test_a_job_tackled_is_no_tackle() -> None:
    text = "Finally tackled the hedges on Saturday and my lower back is stiff now."
    assert READ.status(KB, text, "major_trauma") != "present"
    assert READ.status(KB, "Got tackled hard at rugby and my back hurts.", "major_trauma") == "present"


def test_a_list_after_things_i_do_not_have() -> None:
    text = "Things I don't have: fever, cancer, chest pain, numbness, bladder problems. Sore lower back since Monday."
    assert READ.status(KB, text, "chest_pain") == "absent"


def test_an_emoji_before_a_full_stop() -> None:
    assert clean("started running 3x a week 🏃\u200d♂\ufe0f. Back stiff").text.count("\ufe0f") == 0
    text = "Down 9 kg since August on my diet plan 🙌\ufe0f. Lower back stiff after Sunday's run."
    assert READ.value(KB, text, "days_since_onset") == 5


def test_a_paracetamol_total_worked_out_stands() -> None:
    text = (
        "Back pain 3 days. I take co-codamol and a Lemsip at night. Added up: 6 co-codamol (500 mg paracetamol "
        "each) + 1 Lemsip in 24 hrs = 3.5 g, under the 4 g max."
    )
    assessed = READ.flags(text)
    assert "medicine_overdose" not in assessed
    assert "paracetamol_duplication" in assessed


def test_grandsons_named_with_their_age() -> None:
    assert READ.value(KB, "Ma grandson's 12, his lower back's been sair a week.", "age") == 12
    assert READ.value(KB, "Our granddaughter Ella is 9 and her lower back hurts.", "age") == 9


def test_a_referrals_courtesy_is_no_condition() -> None:
    text = "Dear Dr, I would be grateful if you could see Mrs K.L., 74, who fell from standing. Lumbar pain since."
    assert READ.value(KB, text, "age") == 74
