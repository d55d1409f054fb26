"""Round 138 of the reading (from R260 to R281): passing out of an academy is a graduation; a pet's collapse is the
pet's; "stiff as a board" is no spinal board; an old fracture's date is not the back pain's; "three months later" is a
gap, not a length; a note's middle-back pain is no pain spreading to the arm or jaw."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 5)
READ = ReadOn(TODAY)
KB = knowledge()


def test_passing_out_of_an_academy_is_a_graduation() -> None:
    text = "Our daughter passed out of the naval college on Friday. I set up the marquee and my lower back is sore, 3/10."
    assert READ.status(KB, text, "fainting") is None
    assert READ.flags(text) == set()
    parade = "Stood for two hours at my grandson's passing out parade, now my lower back aches."
    assert READ.status(KB, parade, "collapse") is None
    # a person passing out is still a faint
    assert READ.status(KB, "I passed out at the parade and my back is agony.", "fainting") == "present"


def test_a_pets_collapse_is_the_pets() -> None:
    text = "My old spaniel collapsed in the park and I carried him home. Now my lower back hurts, 4/10."
    assert READ.status(KB, text, "collapse") is None
    assert READ.flags(text) == set()
    # the person collapsing beside a pet is still a collapse
    mine = "Walking my dog, I collapsed with a sudden pain in my back."
    assert READ.status(KB, mine, "collapse") == "present"


def test_stiff_as_a_board_is_no_spinal_board() -> None:
    text = "Drove 9 hours to Cork yesterday, stiff as a board getting out of the car this morning, lower back 3/10."
    assert "major_trauma" not in READ.flags(text)


def test_an_old_fractures_date_is_not_the_back_pains() -> None:
    text = "I'm 70, sore lower back from the garden, 3/10. I broke my hip 10 years ago but it mended well."
    assert READ.status(KB, text, "pain_over_3_months") is None
    assert "persistent" not in READ.flags(text)


def test_months_later_is_a_gap_not_a_length() -> None:
    text = "Had a kidney infection in the spring, all cleared. Now, five months later, I've strained my back moving a sofa."
    assert "persistent" not in READ.flags(text)


def test_middle_back_pain_in_a_note_does_not_spread_to_the_arm() -> None:
    text = "55F, lupus on long-term prednisolone 10 mg. Mid-thoracic pain 2/52, gradual onset, 4/10. No trauma, no chest sx."
    flags = READ.flags(text)
    assert "cardiac" not in flags
    assert "thoracic" in flags
