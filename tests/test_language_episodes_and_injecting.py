"""Round 82 of the reading (from R103): an ordinal episode with words between ("3rd lumbar strain
episode in the past 12 months"); a learner's "already 5 weeks" (not "already 30 weeks pregnant");
"been using (injecting) for a few years". Round 83 (from R104): "Dad (73) typing with my help"; a
note's "weaker than at Monday's session"; "feels a bit rough but OK" is not very unwell; "unchanged
over 2 yrs" after a note's symptom; a line that starts ">200 m" continues its sentence; a fear
"it was a melanoma"; a review's "wk 7"; "I can't sleep" is no drowsiness. Round 84 (from R105,
unmeasured): "my dad's lower back" makes the text his; a "faint ache" is no faint; "nothing takes it
off", Caribbean "nuttin nuh ease it"; pain that "is now 8 weeks"."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_an_ordinal_episode_with_words_between() -> None:
    text = "Physio: 31F, 4th acute low back episode in the last 12 months, day 3 of this one, neuro intact."
    assert READ.value(KB, text, "episodes_past_year") == 4
    assert "recurrent" in READ.flags(text)


def test_already_five_weeks_is_how_long() -> None:
    text = "Pain go from my back down the right leg to the calf, already 6 weeks, pain 5."
    assert READ.value(KB, text, "days_since_onset") == 42
    assert "sciatica" in READ.flags(text)
    assert READ.status(KB, "I am already 30 weeks pregnant and my back aches.", "days_since_onset") is None


def test_using_injecting_for_years() -> None:
    text = "been using (injecting) for about 5 years. low back pain 10 days, constant, nothing helps"
    assert READ.status(KB, text, "iv_drug_use") == "present"
    assert "spinal_infection" in READ.flags(text)
    assert READ.status(KB, "I've been using insulin injections for years, back sore.", "iv_drug_use") is None


# --- Round 83 (from R104) --------------------------------------------------------------------------


def test_a_relative_typing_with_the_writers_help() -> None:
    text = "Mum (81) typing with my help. Back sore 6 weeks. She has lost about 7 kilos since summer without trying."
    assert READ.value(KB, text, "age") == 81
    assert "constitutional" in READ.flags(text)


def test_weaker_than_at_the_last_session() -> None:
    text = "Physio note: 44M, L5 radic 2/52. L EHL noticeably weaker than at last week's review, now tripping."
    assert READ.status(KB, text, "leg_weakness_worsening") == "present"
    assert "progressive_neuro_deficit" in READ.flags(text)


def test_a_bit_rough_is_not_very_unwell() -> None:
    text = "Pharmacy: 29F, R loin pain 2/7, stinging on passing urine, T 38.2. Says she feels a bit rough but OK."
    flags = READ.flags(text)
    assert "kidney" in flags
    assert "possible_sepsis" not in flags


def test_a_wrapped_line_and_years_of_stable_stenosis() -> None:
    text = (
        "Physio note: 77F, known canal stenosis. Bilateral thigh ache on walking\n>100 m, eased by sitting,"
        " unchanged over 3 yrs. New LBP 1/52 after gardening. Saddle NAD, B&B normal."
    )
    assert "cauda_equina" not in READ.flags(text)


def test_a_cancer_feared_and_ruled_out() -> None:
    text = "They were worried it was a melanoma but the biopsy came back benign. Now my back is sore from gardening."
    assert READ.status(KB, text, "history_of_cancer") is None


def test_a_reviews_week_number() -> None:
    text = "Physio review, wk 8: 41F, mechanical LBP, no change since the first session."
    assert READ.value(KB, text, "days_since_onset") == 49
    assert "persistent" in READ.flags(text)


def test_sleepless_is_not_drowsy() -> None:
    text = "its 3am and i cant sleep, been reading about cauda equina. back went 2 days ago, i can wee fine."
    assert READ.status(KB, text, "confusion_or_drowsiness") != "present"
    assert "general_emergency" not in READ.flags(text)


# --- Round 84 (from R105, unmeasured) --------------------------------------------------------------


def test_a_relatives_lower_back_makes_the_text_theirs() -> None:
    text = "My nan's lower back has been bad for days and tonight she can't finish a sentence without gasping."
    assert READ.status(KB, text, "back_pain") == "present"
    assert "general_emergency" in READ.flags(text)


def test_a_faint_ache_is_no_faint() -> None:
    text = "Twisted getting out of the car 3 days ago, now just a faint ache in my lower back and improving."
    assert READ.status(KB, text, "fainting") is None
    assert "aortic" not in READ.flags(text)


def test_pain_nothing_eases_told_in_caribbean_and_plain_words() -> None:
    assert READ.status(KB, "Mi back a kill mi, nuttin nuh ease it.", "pain_unrelenting") == "present"
    text = "I inject. For a week my lower back hurts and nothing takes it off, lying, sitting or standing."
    assert READ.status(KB, text, "pain_unrelenting") == "present"
    assert "spinal_infection" in READ.flags(text)


def test_pain_that_is_now_eight_weeks() -> None:
    text = "I am 44. My low back pain is now 8 weeks, not better, same like the first week."
    assert READ.value(KB, text, "days_since_onset") == 56
    assert "persistent" in READ.flags(text)
    assert READ.status(KB, "My baby is now 8 weeks old and my back aches.", "days_since_onset") is None
