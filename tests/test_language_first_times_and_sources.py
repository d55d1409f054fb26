"""Round 115 of the reading (from R155 to R158): "never had any trouble with my waterworks before" is
what is new now, not a denial; a note's "Family report ... confusion" is the patient's; "Like if I
couldn't pee?" is a what-if; pain that "doesn't get worse when I cough"; a writer's "36M" beside a
relative's "his"; "same as they have done for years"; what a sign "means" is no cancer one has
had; "increasingly unwell"; pain "been there about 7 weeks"; a foot a pain reaches is no word of
strength for the sentence model (nor is "unwell" alone a word of fever)."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_never_before_is_a_first_time() -> None:
    text = (
        "I found my underwear damp this morning and I think I may have passed water without knowing it. "
        "I have never had any trouble with my waterworks before. 57M, low back pain 3 days."
    )
    assert "cauda_equina" in READ.flags(text)
    assert READ.status(KB, text, "urinary_incontinence") != "absent"


def test_a_notes_family_report_is_the_patients() -> None:
    text = "84M, LBP after a fall last week. Family report 2 days of increasing confusion. Obs stable."
    assert READ.status(KB, text, "confusion_or_drowsiness") == "present"
    assert "general_emergency" in READ.flags(text)


def test_like_if_is_a_what_if() -> None:
    text = "When should I worry with a bad back? Like if I couldn't feel my bum? Mine's just stiff from gardening. 40F"
    assert "cauda_equina" not in READ.flags(text)


def test_pain_that_does_not_get_worse_on_coughing() -> None:
    text = "Lower back sore when I twist but it doesn't get worse when I sneeze. 29M, 3 days, from moving boxes."
    assert READ.status(KB, text, "pain_worse_cough_sneeze") == "absent"


def test_the_writers_own_age_beside_a_relatives_his() -> None:
    text = "41M, lower back stiff after the gym. My uncle had bowel cancer that spread to his bones, so I'm checking. I've never had cancer."
    assert READ.status(KB, text, "history_of_cancer") != "present"
    assert "malignancy" not in READ.flags(text)


def test_same_as_they_have_done_for_years() -> None:
    text = (
        "I'm 74 and I've had spinal stenosis for ages. Both legs tingle when I walk any distance, same as they "
        "have done for years, nothing new there. Back flared up after gardening."
    )
    assert "cauda_equina" not in READ.flags(text)


def test_what_a_sign_means_is_no_cancer_one_has_had() -> None:
    text = "Does night pain mean cancer? Mine only aches when I sit a lot at work, a week now. 35F"
    assert READ.status(KB, text, "history_of_cancer") is None


def test_increasingly_unwell() -> None:
    text = "59F, on methotrexate. LBP 10/7, increasingly unwell, sweats."
    assert READ.status(KB, text, "feeling_very_unwell") == "present"


def test_pain_been_there_for_weeks() -> None:
    text = "My back pain is a dull ache low down that's been there about 9 weeks, came on gradually. 47M"
    assert READ.value(KB, text, "days_since_onset") == 63


def test_a_foot_a_pain_reaches_is_no_word_of_strength() -> None:
    leg = "lower back into my right leg all the way to the foot, 8/10 most of the day, started 9 days ago lifting a crate. easier lying on my side"
    assert "nerve_deficit" not in READ.flags(leg)
