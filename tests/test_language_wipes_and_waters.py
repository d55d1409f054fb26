"""Round 148 of the reading (from R327 to R330, their four missed emergencies first): a wee that
hardly came out, and no need felt to go; wiping that feels "not my bum" or "sort of dead"; in
pregnancy, "watery stuff trickling out"; the writer's own eyes told by someone else; "felt
something go in my back"; a note's list that turns to "worse on coughing"; "Mum here" is the
writer; a room's temperature; a swimmer's stroke."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 6)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_wee_that_hardly_came_out_and_no_need_felt() -> None:
    text = "Back sore since Monday. Went to the toilet and barely anything came out, though I'd drunk loads."
    assert READ.status(KB, text, "urinary_retention") == "present"
    text = "Back sore since Monday. I'd had four coffees but didn't feel like I needed to pee."
    assert READ.status(KB, text, "urinary_retention") == "present"


def test_wiping_that_feels_like_someone_elses() -> None:
    text = "My back's bad and when I wipe after the loo it feels like it's not my bottom any more."
    assert READ.status(KB, text, "saddle_numbness") == "present"
    assert READ.status(KB, "My back's bad and when I wipe it's sort of dead down there.", "saddle_numbness") == "present"
    assert READ.status(KB, "Back aching, I'm wiped out and dead tired.", "saddle_numbness") is None


def test_watery_stuff_trickling_in_pregnancy() -> None:
    assert "pregnancy_warning" in READ.flags("33 weeks, back aching, some clear stuff trickling out since lunchtime.")


def test_the_writers_own_eyes_told_by_someone_else() -> None:
    text = "My daughter popped in and said the whites of my eyes have gone yellow. Back sore, on co-codamol."
    assert READ.status(KB, text, "yellow_skin_or_eyes") == "present"
    assert READ.status(KB, "My son fell off my bike yesterday. My back is sore from lifting him.", "minor_trauma") is None


def test_felt_something_go_in_the_back() -> None:
    text = "Lifting the shopping I felt something go in my back. I'm 72 with osteoporosis."
    assert READ.status(KB, text, "onset_sudden") == "present"


def test_a_notes_list_that_turns_to_what_makes_it_worse() -> None:
    text = "LBP 2/52, no radiation, worse on coughing and sneezing."
    assert READ.status(KB, text, "pain_worse_cough_sneeze") == "present"


def test_a_parent_who_says_here() -> None:
    assert READ.value(KB, "Dad here. My son is 13, his lower back has hurt for a week.", "age") == 13


def test_a_rooms_temperature() -> None:
    text = "Bikram class, the temperature in the studio was 40 degrees, and my lower back twinged. 30F."
    assert READ.status(KB, text, "fever") is None


def test_a_swimmers_stroke() -> None:
    text = "Too many lengths of front crawl yesterday, lower back achy. My stroke needs work. 30."
    assert "general_emergency" not in READ.flags(text)
