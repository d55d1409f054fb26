"""Round 112 of the reading (from R139, R140 and R143 to R146): a week of pregnancy is no duration
("I'm 28 weeks now"); an age in words before a sex ("Sixty-two, male."); how often, not how long
("second bout of back trouble in 6 months"); a past event told alone ("Had my gallbladder out 2 years
ago.") dates nothing of the back; a low fall ("from chair height") is a minor injury; a sum that
"came to" a number is no faint; pain felt through to the chest is chest pain, and an idiom in the
same sentence ("pain between my shoulders") disputes only what it names; what a friend says a sign
can be is no report; pain that "gets me" when coughing; "right" as a word of degree is no side; a
note's denial is not carried into what the pain does next ("not mechanical, wakes nightly"); a
reading in brackets ("(36.4 this morning)") where the sentence is about the temperature; weakness
that "hasn't changed at all"."""

from __future__ import annotations

import datetime as dt

from backcare.adapters.language.numbers import find_values
from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def _kinds(text: str) -> dict[str, list[object]]:
    out: dict[str, list[object]] = {}
    for value in find_values(text, TODAY):
        out.setdefault(value.kind, []).append(value.value)
    return out


def test_a_week_of_pregnancy_is_no_duration() -> None:
    text = "I'm 28 weeks now and my lower back aches. The midwife says baby is growing well."
    assert _kinds(text).get("pregnancy_weeks") == [28]
    assert "duration" not in _kinds(text)
    assert READ.value(KB, text, "days_since_onset") is None
    # without any word of pregnancy, "now" makes it how long
    assert _kinds("I'm 3 weeks now and my back is no better.").get("duration")
    # "pregnant, back pain for 5 weeks": how long, not how far on
    told = _kinds("Pregnant, back pain for 5 weeks now.")
    assert "pregnancy_weeks" not in told and 35 in told["duration"]


def test_an_age_in_words_before_a_sex() -> None:
    text = "Sixty-two, male. Low back pain since Sunday after digging."
    assert READ.value(KB, text, "age") == 62
    assert READ.value(KB, text, "sex") == "male"


def test_how_often_is_not_how_long() -> None:
    text = "Second bout of back trouble in 6 months; this one started 3 days ago lifting."
    assert READ.value(KB, text, "days_since_onset") == 3


def test_a_past_event_told_alone_dates_nothing_of_the_back() -> None:
    text = "Had my gallbladder out 2 years ago. My lower back has gone stiff after gardening."
    assert READ.value(KB, text, "days_since_onset") is None
    assert READ.status(KB, text, "pain_over_3_months") is None
    fall = "Had a fall 2 days ago. Now my lower back hurts."
    assert READ.value(KB, fall, "days_since_onset") == 2


def test_a_low_fall_is_a_minor_injury() -> None:
    text = "79F. Fell from bed height last night. Sore low back, walking with stick."
    assert READ.status(KB, text, "minor_trauma") == "present"
    assert READ.status(KB, text, "major_trauma") == "absent"
    assert "fracture" in READ.flags(text)
    assert READ.status(KB, "Fell off a ladder this morning, back agony.", "major_trauma") == "present"


def test_a_sum_is_no_faint() -> None:
    text = "I counted it all and it came to 6 tablets of paracetamol yesterday. Back still sore. 35M"
    assert READ.status(KB, text, "fainting") is None
    assert READ.status(KB, "I passed out and when I came to my back was agony.", "fainting") == "present"


def test_pain_felt_through_to_the_chest() -> None:
    text = "Ache between my shoulders that bores right through into my chest, since an hour ago. 41M"
    assert READ.status(KB, text, "chest_pain") == "present"
    assert "cardiac" in READ.flags(text)


def test_an_idiom_disputes_only_what_it_names() -> None:
    # "pain between my shoulders" names no pain in both legs, but the chest pain the same sentence
    # tells stands, for the sentence model as for the rules
    text = "Pain between my shoulders that seems to go right through to the front of my chest. 36F"
    assert "cardiac" in READ.flags(text)


def test_what_a_friend_says_a_sign_can_be() -> None:
    text = "My mate says a ripping pain in your back can be an aneurysm. Mine is a dull ache from lifting. 40M"
    assert READ.status(KB, text, "tearing_pain") is None
    assert "aortic" not in READ.flags(text)


def test_pain_that_gets_me_when_coughing() -> None:
    text = "My lower back is easing but still gets me every time I sneeze. 52F, a fortnight now."
    assert READ.status(KB, text, "pain_worse_cough_sneeze") == "present"


def test_right_as_a_word_of_degree_is_no_side() -> None:
    text = "Sciatica down my left leg right into the calf for 5 weeks, started with my back. 44M"
    assert "cauda_equina" not in READ.flags(text)
    assert READ.status(KB, text, "leg_pain_both_sides") is None


def test_a_note_that_turns_to_what_the_pain_does() -> None:
    # a denial before the comma ("not mechanical") is not carried into what the pain does next
    text = "61F, 6/52 constant mid-thoracic pain, not mechanical, wakes nightly. No wt loss."
    assert READ.status(KB, text, "night_pain") == "present"
    assert "constitutional" in READ.flags(text)


def test_a_reading_in_brackets_in_a_sentence_about_the_temperature() -> None:
    text = "Had a chest infection last month, temperature settled in 2 days (36.4 this morning). Back stiff. 45F"
    assert READ.status(KB, text, "fever") == "absent"
    assert _kinds("Knee bent to about (38.5) degrees, back sore.").get("temperature") is None


def test_weakness_that_has_not_changed() -> None:
    text = "My left leg has been weak since my back went a week ago, the foot scuffs a bit. Hasn't changed at all since."
    assert READ.status(KB, text, "leg_weakness_worsening") == "absent"
