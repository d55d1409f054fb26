"""Round 124 of the reading (from R203 to R206): "lost count since yesterday, I might have gone over
the 8 a day"; numb feet "the same as ever"; "bak hurts wen i sneez"; a lump that "has been there for
10 years" in the next sentence; the model's foot drop from a pain that only reaches the foot."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import assess, knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 5)
READ = ReadOn(TODAY)
KB = knowledge()


def test_lost_count_and_maybe_over_the_eight_a_day() -> None:
    text = (
        "I've been taking co-codamol for my back, plus Lemsip Max for a cold, plus some Panadol my flatmate gave me. "
        "Honestly I've lost count since yesterday, I might have gone over the 8 a day. I feel fine apart from the back."
    )
    assert READ.counted(KB, text, "paracetamol_overuse")
    assert "medicine_overdose" in READ.flags(text)
    assert READ.status(KB, "Co-codamol for my back, I've lost track of time since the weekend.", "paracetamol_overuse") is None


def test_numb_feet_the_same_as_ever() -> None:
    text = (
        "I've had diabetic neuropathy for about ten years, both feet numb and tingly, the same as ever, nothing new. "
        "Now I've strained my lower back digging the veg patch 3 days ago."
    )
    assert "cauda_equina" not in READ.flags(text)
    assert "longstanding_neuro" in READ.flags(text)


def test_text_speak_for_a_sneeze() -> None:
    text = "bak hurts wen i sneez or cough, no numb bits, pee n poo fine, did it movin my mates sofa 3 days ago"
    assert READ.status(KB, text, "pain_worse_cough_sneeze") == "present"


def test_a_lump_there_for_years_told_in_the_next_sentence() -> None:
    old = (
        "There's a soft fatty lump on my lower back that the GP said was a lipoma. It's been there for 10 years "
        "and hasn't changed. The back ache is new since I helped move a wardrobe on Sunday."
    )
    assert "back_lump" not in READ.flags(old)
    new = "There's a new lump on my lower back. It's been there for 2 weeks."
    assert "back_lump" in READ.flags(new)


def test_a_pain_that_reaches_the_foot_is_no_foot_drop() -> None:
    note = "37F. L S1 radicular pain to lateral foot, NRS 8/10, onset 4/7. Power 5/5, reflexes symmetrical. No saddle sx."
    result = assess(text=note, today=TODAY)
    assert "nerve_deficit" not in {h.id for h in result.red_flags}
    assert "foot_drop" in {c.id for c in result.to_confirm}
    assert "nerve_deficit" in READ.flags("My left foot just flops when I walk, lower back pain.")
    assert "nerve_deficit" in READ.flags("My left foot doesn't lift properly when I walk, lower back pain.")
    lifting = "Pain shooting down my left leg to the ankle for three days after lifting, about 5/10, walking OK."
    assert "nerve_deficit" not in READ.flags(lifting)
