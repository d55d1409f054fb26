"""Round 175 of the reading (from R467 to R470, the sets that measured round 174; their missed
emergency and the other misses): a daily limit named by its amount ("more than the 4g on the box"),
a note's "injects" between commas, pain that "doesn't ease with rest or in any position", episodes
"this calendar year", a time told of someone else's event, a carer's "he's incontinent now and gets
very confused", a finding whose words open with "she", and "been fine since"."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 7)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_daily_limit_named_by_its_amount() -> None:
    text = "Back spasm. Co-codamol, Lemsip and Panadol since Friday; I worked it out and it's over the 4 g limit."
    assert READ.status(KB, text, "paracetamol_overuse") == "present"
    assert "medicine_overdose" in READ.flags(text)


def test_a_notes_injects_between_commas() -> None:
    text = "Street team note: 29M, injects, LBP 5/7 constant, nothing eases it. Apyrexial."
    assert READ.status(KB, text, "iv_drug_use") == "present"
    assert "spinal_infection" in READ.flags(text)
    assert READ.status(KB, "Type 1 diabetic, injects insulin, LBP for a week.", "iv_drug_use") is None


def test_pain_that_eases_with_neither_rest_nor_position() -> None:
    text = "On methotrexate for psoriasis. My lower back has hurt for a week and won't ease with rest or in any position."
    assert READ.status(KB, text, "pain_unrelenting") == "present"
    assert "spinal_infection" in READ.flags(text)


def test_episodes_this_calendar_year() -> None:
    text = "Physio note: 40M, mechanical LBP, third episode this calendar year. Current episode 2/7."
    assert READ.value(KB, text, "episodes_past_year") == 3


def test_a_time_told_of_someone_elses_event() -> None:
    text = "I'm 70 and look after my husband. He had a fall on Monday, I didn't, but my lower back has ached for 10 weeks. No better."
    assert READ.value(KB, text, "days_since_onset") == 70
    assert "persistent" in READ.flags(text)


def test_a_carers_he_is_confused_now_and_then() -> None:
    text = "I care for my dad. He's unsteady now and gets muddled at night. I hurt my lower back lifting him. I'm fine otherwise."
    assert READ.status(KB, text, "confusion_or_drowsiness") is None
    assert "general_emergency" not in READ.flags(text)


def test_a_finding_whose_words_open_with_she() -> None:
    text = "Our baby girl is a week old and she's a little jaundiced, the midwife is watching it. Me: 31M, sore lower back."
    assert READ.status(KB, text, "yellow_skin_or_eyes") is None


def test_been_fine_since() -> None:
    text = "Had a temperature with a chest infection, been OK since then. My lower back hurts after gardening."
    assert READ.status(KB, text, "fever") is None
