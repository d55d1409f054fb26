"""Round 90 of the reading (from R110): Scots "ma" before what is worn or sat on ("ma troosers",
"ma erse") and words ("aff", "stane", "micht"); one child named twice ("my son, a 9-year-old boy",
"one of the children ... a 10-year-old girl"); a lump someone else found on the writer's back; "from
5 weeks" as a duration; an apology for what was written before takes it back; a note's "patient
herself" is the patient."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_scots_my_before_clothes_and_seat() -> None:
    clothes = "Sair back for a month. Ma breeks are hingin aff me an I've lost a stane wi'oot tryin."
    assert READ.status(KB, clothes, "unexplained_weight_loss") == "present"
    seat = "Ma back went on Tuesday. When I sit on the loo ma arse feels numb."
    assert READ.status(KB, seat, "saddle_numbness") == "present"
    hedged = "Back's been bad since Friday. I think it micht be a wee bit numb doon there when I wipe ma bum."
    assert "cauda_equina" in READ.flags(hedged)


def test_scots_ma_man_is_my_husband() -> None:
    text = "Ma man came aff his motorbike at 50 mph this morning and says his back is agony."
    assert READ.status(KB, text, "major_trauma") == "present"


def test_one_child_named_twice_keeps_the_age() -> None:
    son = "My son, an 11-year-old lad, has had back pain for 3 weeks and it wakes him at night."
    assert READ.value(KB, son, "age") == 11
    assert "young_age" in READ.flags(son)
    placed = "One of the kids we foster, a 10 year old girl, says her back hurts. It's been 2 weeks."
    assert READ.value(KB, placed, "age") == 10


def test_a_lump_someone_else_found_on_my_back() -> None:
    text = "My lower back has ached for a fortnight. Last night my husband massaged it and he found a lump near my spine."
    assert READ.status(KB, text, "back_lump_or_deformity") == "present"
    theirs = "My mum is 78. She found a lump on her back last week. My own back has been stiff for 3 days."
    assert READ.status(KB, theirs, "back_lump_or_deformity") != "present"


def test_from_weeks_is_a_duration() -> None:
    assert READ.value(KB, "I am having pain in my low back from 6 weeks.", "days_since_onset") == 42
    assert READ.value(KB, "From last 10 days my lower back is paining.", "days_since_onset") == 10


def test_an_apology_takes_back_what_was_written() -> None:
    text = "Sore lower back since the weekend. Sorry, I said the pain goes down both legs, I meant both hips."
    assert READ.status(KB, text, "leg_pain_both_sides") != "present"
    kept = "Sorry, I said my legs were fine but now both legs feel weak."
    assert READ.status(KB, kept, "leg_weakness") == "present"


def test_a_note_on_the_patient_herself() -> None:
    text = "Caller: patient herself, 70F. Lung ca with spinal mets. New back pain 1/52. Bladder 'fine as far as I know'."
    assert READ.status(KB, text, "history_of_cancer") == "present"
