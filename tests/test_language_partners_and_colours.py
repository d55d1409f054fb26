"""Round 96 of the reading (from R116): text-speak "bk", pain now in both legs after one, and both
sides of the back that are not both legs; a partner's report of a failed attempt at intimacy and
a numbness told as the dentist's; an accident in one's "underthings"; blood told by its colour
in a pregnancy; a cough that "catches" the back; spasms that come and go every few days are no
colic; a fall the writer saw happen to someone else; "out like a light"; a hot bath is no fever;
a mole taken off the back."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_pain_in_both_legs_after_one_in_text_speak() -> None:
    text = "33M. bk pain 2/52 after gym. was R leg only, since tues its both legs down to calves."
    assert READ.status(KB, text, "back_pain") == "present"
    assert READ.status(KB, text, "leg_pain_both_sides") == "present"
    assert "cauda_equina" in READ.flags(text)


def test_both_sides_of_the_back_are_not_both_legs() -> None:
    text = "25F. Lower back aching across both sides since a long shift on Saturday, 3/10."
    assert READ.status(KB, text, "leg_pain_both_sides") is None
    assert "cauda_equina" not in READ.flags(text)


def test_a_partners_report_of_intimacy_and_a_dulled_feeling() -> None:
    text = (
        "Writing for my husband, 44, lower back pain for ten days. Last night we tried to be intimate and he "
        "couldn't, and afterwards he admitted things down there felt sort of dull, like after the dentist."
    )
    assert READ.status(KB, text, "sexual_dysfunction_new") == "present"
    assert READ.status(KB, text, "saddle_numbness") == "present"
    assert READ.status(KB, "I have a dull ache down there.", "saddle_numbness") is None


def test_an_accident_in_ones_underthings() -> None:
    text = "I'm 79, back bad since Thursday. I had an accident in my underthings this morning and never knew."
    assert "cauda_equina" in READ.flags(text)


def test_blood_told_by_its_colour_in_a_pregnancy() -> None:
    text = "I'm 26 weeks. Back aching since this morning. There was a bit of pinky brown when I wiped."
    assert READ.status(KB, text, "vaginal_bleeding") in ("present", "possible")
    assert "pregnancy_warning" in READ.flags(text)


def test_a_cough_that_catches_the_back() -> None:
    text = "Every time I cough or sneeze my lower back catches me, like a knife going in."
    assert READ.status(KB, text, "pain_worse_cough_sneeze") == "present"


def test_spasms_every_few_days_recur_and_are_no_colic() -> None:
    text = "On atorvastatin. I get cramps and spasms in the small of my back, they come and go every few days."
    assert READ.status(KB, text, "recurrent_spasms") == "present"
    assert READ.status(KB, text, "colicky_pain") is None
    assert "medication_related" in READ.flags(text)
    assert READ.status(KB, "The pain comes and goes every 10 minutes.", "colicky_pain") == "present"


def test_a_fall_seen_happening_to_someone_else() -> None:
    text = "Ma back's sore since the summer. Ah saw a man crushed in a roof fall at the pit in '79."
    assert READ.status(KB, text, "minor_trauma") is None
    assert READ.status(KB, text, "major_trauma") is None


def test_out_like_a_light_after_a_hot_bath() -> None:
    text = "33F. Was out like a light last night after a hot bath, and woke up with my lower back still stiff."
    assert READ.status(KB, text, "collapse") is None
    assert READ.status(KB, text, "fever") is None
    assert "general_emergency" not in READ.flags(text)


def test_a_mole_taken_off_the_back_tells_no_onset() -> None:
    text = "Had a mole removed from my back 2 months ago. Now I've strained my lower back, 2 days ago."
    assert READ.value(KB, text, "days_since_onset") == 2
