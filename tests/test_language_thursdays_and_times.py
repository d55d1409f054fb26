"""Round 110 of the reading (from R136): "since last Thursday" is no child's birth (an ordinal
names a child only with a noun, "was born" or "my" with it), so pain down both legs since then is
new; and "the second time in 12 months" tells how often, not how long this episode has lasted."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_since_last_thursday_is_recent() -> None:
    text = "Pain down both legs since last Friday, backs of the thighs. Bladder fine. I'm 41."
    assert "cauda_equina" in READ.flags(text)
    years = "Both my legs have been numb since my youngest was born, no change. 44F, sore back."
    assert "cauda_equina" not in READ.flags(years)


def test_a_count_over_a_window_is_no_duration() -> None:
    text = "Third time in 12 months my back has gone, this one on Tuesday. 45M, 5/10."
    assert READ.value(KB, text, "days_since_onset") != 360
    assert "persistent" not in READ.flags(text)
    assert READ.value(KB, "Back pain for 12 months now, 45M.", "days_since_onset") == 360
