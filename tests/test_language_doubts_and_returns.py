"""Round 129 of the reading (from R232 and R235 to R238): with two paracetamol products, not knowing how much was
taken is an overdose to act on; a finding told as over ("the fever's gone now") is over even when the sentence names
it, and current again when told as back; weakness "the same every day" is not worsening; a note's "no neuro sx"."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 5)
READ = ReadOn(TODAY)
KB = knowledge()


def test_two_paracetamol_products_and_the_amount_not_known() -> None:
    text = (
        "I take Lemsip for my cold and also Panadol for back, many times, I don't remember how much I take today, "
        "maybe too many"
    )
    assert READ.flags(text) == {"medicine_overdose"}
    # how much one may take is a question, not a doubt about what was taken
    asking = "Lemsip and paracetamol for my back, I don't know how many I should take."
    assert "medicine_overdose" not in READ.flags(asking)
    # one product: the doubt alone is not about paracetamol
    assert READ.flags("Ibuprofen for my back, I don't remember how many I took.") == set()


def test_a_fever_told_as_over_in_the_same_breath() -> None:
    text = (
        "Had flu last week, the fever's gone now (3 days without one) and I feel back to normal. Then yesterday I hurt "
        "my lower back lifting my toddler. 31F."
    )
    assert READ.status(KB, text, "fever") is None
    assert "spinal_infection" not in READ.flags(text)
    # "but the fever broke" is over too, and so is what came before it
    over = "I had a high temperature but the fever broke after 3 days. My lower back hurts."
    assert READ.status(KB, over, "fever") is None
    # over and then back is current again
    back = "The fever went after 2 days but now it's back, 38.5 today. My lower back hurts."
    assert READ.status(KB, back, "fever") == "present"
    assert "spinal_infection" in READ.flags(back)
    # "it's back to normal" is not a return
    normal = "Had a fever on Monday but it went after 2 days and it's back to normal now. My lower back hurts."
    assert "spinal_infection" not in READ.flags(normal)


def test_weakness_the_same_every_day() -> None:
    text = (
        "Doctor, my left leg is weak since 5 days, I cannot stand on my toes on left side. Back pain also. Right leg "
        "is normal, and the weakness is same every day, not more."
    )
    assert READ.flags(text) == {"nerve_deficit"}
    assert "progressive_neuro_deficit" in READ.flags("My left leg is weak since 5 days and weaker every day. Back pain.")


def test_a_note_with_no_neuro_symptoms() -> None:
    note = "78F, fall from standing 2/7 ago, LBP, mobilising with frame, no neuro sx."
    assert READ.flags(note) == {"fracture"}
