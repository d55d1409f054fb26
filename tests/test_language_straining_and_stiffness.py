"""Round 116 of the reading (from R159 to R162): straining "to get any wee out" and no longer feeling
the bladder full are retention; numbness denied "anywhere" covers the saddle (and a hedged denial
of it leaves the saddle to be asked); a question put to the writer and answered no ("The physio
asked me if I had any chest pain - I don't"); stiff "for a good hour after getting up"; "3rd
episode acute LBP in 12 months" counts episodes, not days; a lymphoma named by its shorthand."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_straining_to_pass_water_and_no_sense_of_a_full_bladder() -> None:
    text = "Back went moving a fridge 2 days ago. Since this morning I have to strain to get the wee out. 49M"
    assert READ.status(KB, text, "urinary_retention") == "present"
    assert "cauda_equina" in READ.flags(text)
    felt = "58F, low back pain 4 days. I don't get the sensation that my bladder is full any more. No fever."
    assert READ.status(KB, felt, "urinary_retention") == "present"


def test_numbness_denied_anywhere_covers_the_saddle() -> None:
    text = "Lower back stiff after a long drive, 36F. No numbness anywhere, peeing fine."
    assert READ.status(KB, text, "saddle_numbness") == "absent"
    hedged = "sat on a coach 9 hrs and my lower back is stiff. i dont think theres any numbness anywhere. 31"
    assert "cauda_equina" not in READ.flags(hedged)


def test_a_question_put_to_the_writer_and_answered_no() -> None:
    text = "The physio asked me if I had any chest pain - I don't. The pain is low in my back, started on Monday after weeding. 48F"
    assert "cardiac" not in READ.flags(text)
    # answered yes, in the same words: still read
    answered_yes = (
        "The physio asked me if I had any chest pain - yes, I've got chest pain with it. Upper back pain today. 58M"
    )
    assert "cardiac" in READ.flags(answered_yes)


def test_stiff_for_an_hour_after_getting_up() -> None:
    text = "Lower back pain for 7 months, I'm 25. I'm stiff for a good hour after getting up, better once I'm moving."
    assert READ.status(KB, text, "morning_stiffness_over_30min") == "present"


def test_episodes_in_twelve_months_are_no_duration() -> None:
    text = "29M, warehouse. 4th episode acute LBP in 12 months, current episode 3/7 after lifting."
    assert READ.value(KB, text, "days_since_onset") == 3
    assert "recurrent" in READ.flags(text)


def test_a_lymphoma_named_by_its_shorthand() -> None:
    text = "61M, DLBCL mid R-CHOP. New mid back pain 1/52."
    assert READ.status(KB, text, "history_of_cancer") == "present"
    assert "malignancy" in READ.flags(text)
