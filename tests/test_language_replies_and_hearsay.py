"""Round 114 of the reading (from R151 to R154): a general question answered "I don't have any", and
what a friend said of a sign the writer denies, are no report; a fever that "went 5 days ago"; a
note's "Pain ++ on coughing"; "stable 2 yrs"; a patient "asking whether this is sciatica"; a sport
watched on the telly; both legs shared by two symptoms ("bilateral leg weakness and numbness"); a
stone lost "but that's Slimming World"; "felt really rough", "wiped out" are no loss of feeling."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_general_question_answered_with_a_bare_no() -> None:
    text = "Can a slipped disc make your bladder leak? I don't have any of that, just wondering. Back went yesterday lifting. 36M"
    assert "cauda_equina" not in READ.flags(text)
    # a question about the writer's own, with no denial after it, is still read
    own = "Is it normal that I've wet myself twice since my back went on Monday? 44F"
    assert "cauda_equina" in READ.flags(own)


def test_what_a_friend_said_of_a_sign_the_writer_denies() -> None:
    text = "My brother says back pain with a fever means an infection - I've got no fever at all, just a stiff back from gardening. 33"
    assert READ.status(KB, text, "fever") == "absent"
    assert "spinal_infection" not in READ.flags(text)


def test_a_fever_that_went_days_ago() -> None:
    text = "Had a chest infection with a temperature last week but that went 4 days ago. Now my lower back aches after moving furniture. 30F"
    assert "spinal_infection" not in READ.flags(text)


def test_a_notes_pain_plus_plus_on_coughing() -> None:
    text = "52M. LBP 1/52. Pain +++ with coughing. No radicular sx."
    assert READ.status(KB, text, "pain_worse_cough_sneeze") == "present"


def test_a_notes_stable_for_years() -> None:
    text = "69M. Known canal stenosis. Bilat calf paraesthesia walking >300 m, eases sitting, stable 4 yrs. New LBP flare 5/7. No sphincter sx."
    assert "cauda_equina" not in READ.flags(text)


def test_a_patient_asking_whether_it_is_sciatica() -> None:
    text = "38F, LBP 5/7 after lifting, settling. No leg sx. Patient wondering if this is sciatica."
    assert "sciatica" not in READ.flags(text)


def test_a_sport_watched_on_the_telly() -> None:
    text = "Watching the rugby in the pub I jumped up when we scored a try and my lower back went into spasm. 45M"
    assert READ.status(KB, text, "major_trauma") != "present"
    assert "major_trauma" not in READ.flags(text)


def test_both_legs_shared_by_two_symptoms() -> None:
    text = "80F, breast ca 2019. 2/52 mid back pain, now bilateral leg weakness and numbness up to mid-thigh."
    assert READ.status(KB, text, "leg_numbness_both_sides") == "present"
    assert READ.status(KB, text, "leg_numbness_one_side") is None


def test_a_stone_lost_on_a_diet() -> None:
    text = "Back pain for 7 weeks. I've lost half a stone but that's Weight Watchers, I'm doing it on purpose. 50F"
    assert READ.status(KB, text, "unexplained_weight_loss") == "absent"
    assert "constitutional" not in READ.flags(text)


def test_feeling_rough_is_no_loss_of_feeling() -> None:
    text = "Lumbar decompression 10 days ago. Since yesterday I've felt really rough and wiped out, my back is sorer. 61M"
    assert "cauda_equina" not in READ.flags(text)
    assert READ.status(KB, text, "saddle_numbness") is None
