"""Round 87 of the reading (from R107): a form filled in line by line ("Fever/chills: no") answers
each label; "ignore what I wrote earlier about a temperature of 38, that was my son" takes the
temperature back as someone else's; contractions waited for ("wait at home for contractions to
start") have not started; "the left foot feels normal" says only that one side is fine; pain told
as "it goes down my leg into the calf"."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_form_filled_in_line_by_line() -> None:
    text = "Answers:\nBack: sore low down, 3 days\nShivers/sweats: no\nMuddled/sleepy: nope\nBreathing: fine"
    assert READ.status(KB, text, "fever") == "absent"
    assert READ.status(KB, text, "confusion_or_drowsiness") == "absent"
    assert READ.status(KB, text, "difficulty_breathing") == "absent"
    both = "My back hurts.\nNumbness in both legs: yes, weakness: no"
    assert READ.status(KB, both, "leg_numbness_both_sides") == "present"
    assert READ.status(KB, both, "leg_weakness") == "absent"


def test_a_temperature_taken_back_as_someone_elses() -> None:
    text = (
        "Back sore since Sunday. Please ignore what I said before about a fever of 38.2, "
        "that was my daughter, mine is normal."
    )
    assert READ.status(KB, text, "fever") != "present"
    assert "spinal_infection" not in READ.flags(text)
    assert READ.status(KB, "My back is sore and it's my son who has a fever.", "fever") != "present"


def test_contractions_waited_for_have_not_started() -> None:
    text = "I'm 38 weeks pregnant with backache. Do I sit tight at home till contractions start like my sister did?"
    assert READ.status(KB, text, "regular_tightening") != "present"
    assert "labour" not in READ.flags(text)
    started = "I'm 38 weeks pregnant with backache and the contractions started an hour ago, every 5 minutes."
    assert READ.status(KB, started, "regular_tightening") == "present"


def test_one_foot_fine_says_only_that_side() -> None:
    text = "Hurt my back 6 weeks ago, now my right foot is numb. The left foot feels normal."
    assert READ.status(KB, text, "leg_numbness_one_side") == "present"
    assert READ.status(KB, text, "leg_numbness_both_sides") == "absent"
    assert READ.status(KB, "The left foot feels normal.", "leg_numbness_one_side") is None


def test_pain_told_as_it_going_down_the_leg() -> None:
    text = "Back pain for a month and it goes down my right leg into the calf."
    assert READ.status(KB, text, "leg_pain_below_knee") == "present"
