"""Round 141 of the reading (from R291 to R294): "my old man's 69" is a husband or a father, so his back and his
throbbing belly are the patient's; a hit "copped" in footy training; "probably had more than I should" of several
paracetamol products; "lifting my 2 year old" is the writer's back; AAA batteries are no aneurysm."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 5)
READ = ReadOn(TODAY)
KB = knowledge()


def test_my_old_man_is_the_patient() -> None:
    text = "My old man's 72, bad lower back since lunch and he says there's a lump in his tummy that beats like a pulse."
    assert "aortic" in READ.flags(text)
    dear = "My old dear is 80, she slipped in the kitchen this morning and her lower back is very sore."
    assert "fracture" in READ.flags(dear)


def test_a_hit_copped_at_footy() -> None:
    text = "Copped a huge hit at footy on Saturday, landed flat on my back. Lower back 7/10. I'm 19."
    assert "major_trauma" in READ.flags(text)


def test_more_than_i_should_of_several_products() -> None:
    text = "Solpadeine and Lemsip for my back today. Probably had more than I should."
    assert "medicine_overdose" in READ.flags(text)


def test_lifting_my_toddler_is_the_writers_back() -> None:
    text = "Lower back twinged lifting my 3 year old out of the bath last night, 3/10."
    assert "young_age" not in READ.flags(text)
    # a child told of is still the patient
    assert "young_age" in READ.flags("My 3 year old has had back pain for 2 days and won't walk.")


def test_batteries_are_no_aneurysm() -> None:
    text = "Bought AAA batteries for the TENS machine, lower back sore since I moved the fridge yesterday."
    assert READ.status(KB, text, "known_aaa") is None
    assert READ.flags(text) == set()
    assert "aortic" in READ.flags("I've a AAA they keep an eye on and now a sudden tearing pain in my back.")
