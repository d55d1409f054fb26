"""Rounds 71 and 72 of the reading. From R92: Caribbean "foot dem" and "neva"; a fever "completely
gone" after a comma; "doesn't make my back any worse" is no worsening; a length of time alone in a
list ("new, 2 days, lower back"); "pick up the baby" names no one the text is about; "I'm really
struggling". From R93: a question about "the back" is no one's back; a note's bilateral parts and
perineal sensation; "unchanged over past week"; "wait until contractions start"; "Son 12";
"approx 12 weeks"; "no1"."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_caribbean_plural_legs_and_neva() -> None:
    text = "Mi back a hurt from Monday an now pain a shoot down di leg dem, both side."
    assert READ.status(KB, text, "leg_pain_both_sides") == "present"
    assert READ.status(KB, "Mi back a hurt. Mi neva have cancer.", "history_of_cancer") == "absent"


def test_a_fever_completely_gone_after_a_comma() -> None:
    text = "Had a fever with covid two weeks ago, that's completely gone. Back sore since Friday."
    assert "spinal_infection" not in READ.flags(text)


def test_not_made_worse_is_no_worsening() -> None:
    text = "Numb patch on both feet for years from my diabetes, and walking doesn't make it any worse. Back ache 3 days."
    assert READ.status(KB, text, "longstanding_leg_symptoms") == "present"
    assert "cauda_equina" not in READ.flags(text)


def test_a_length_of_time_alone_in_a_list() -> None:
    assert READ.value(KB, "Lower back, 3 days, after gardening, 5/10.", "days_since_onset") == 3
    # years alone after a comma are an age, not how long it has hurt
    assert READ.value(KB, "I am from Poland, 42 years. Pain in lower back since yesterday.", "days_since_onset") == 1


def test_the_baby_picked_up_is_not_the_subject() -> None:
    text = "Back hurts for a week, I can't lift the baby, can't do anything at all."
    assert READ.status(KB, text, "worried_or_not_coping") == "present"


def test_really_struggling() -> None:
    assert READ.status(KB, "My back has been bad for two weeks and honestly I'm really struggling.", "worried_or_not_coping") == "present"


# --- Round 72 (from R93) ---------------------------------------------------------------------------


def test_a_question_about_the_back_is_no_one_elses() -> None:
    text = (
        "My wife (66) has had a sore lower back since Sunday. Now her speech is slurred and her face has dropped "
        "on one side. What should I do for the back?"
    )
    assert "general_emergency" in READ.flags(text)


def test_a_notes_bilateral_parts_and_perineal_sensation() -> None:
    text = "LBP 1/52. Bilateral thigh and calf paraesthesia 4/7. O/E reduced pinprick sensation in the perineal area."
    assert READ.status(KB, text, "leg_numbness_both_sides") == "present"
    assert READ.status(KB, text, "saddle_numbness") == "present"


def test_unchanged_over_the_past_week_is_no_worsening() -> None:
    text = "R ankle dorsiflexion 4/5, unchanged over past week."
    assert READ.status(KB, text, "leg_weakness_worsening") == "absent"


def test_waiting_until_contractions_start_is_not_having_them() -> None:
    assert READ.status(KB, "36 weeks, backache. Should I wait until the contractions start?", "regular_tightening") is None


def test_kin_named_with_a_bare_age() -> None:
    assert READ.value(KB, "Son 12, lower back sore after PE. No fever.", "age") == 12


def test_an_approximate_length_of_time() -> None:
    assert READ.value(KB, "LBP approx 12 weeks, gradual, not improving.", "days_since_onset") == 84


def test_no1_is_nobody() -> None:
    assert READ.status(KB, "Back sore after footy, no1 tackled me.", "major_trauma") != "present"


def test_the_models_retention_and_unsteadiness_need_their_words() -> None:
    from backcare.adapters.learned.telling_words import NEEDS_WORDS

    def told(fid: str, sentence: str) -> bool:
        return all(words.search(sentence) for words in NEEDS_WORDS[fid])

    push_off = "Reports unable to stand on tiptoe on R, weak push-off when walking, unchanged over past week."
    assert not told("urinary_retention", push_off) and not told("unsteady_walking", push_off)
    assert told("urinary_retention", "I can't pee even though I'm bursting.")
    assert told("unsteady_walking", "He's staggering about like he's drunk.")
