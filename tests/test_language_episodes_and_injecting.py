"""Round 82 of the reading (from R103): an ordinal episode with words between ("3rd lumbar strain
episode in the past 12 months"); a learner's "already 5 weeks" (not "already 30 weeks pregnant");
"been using (injecting) for a few years"."""

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
