"""Round 161 of the reading (from R403 to R406, the sets that measured round 160, their missed
emergency first): a dropped foot told by what it does and getting worse, counts of episodes in a
form and "again", what has been so for years (a catheter, an old stroke's signs), a bruise turning
yellow, the menopause's sweats, and a Sunday that moves with the calendar."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 6)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_dropped_foot_getting_worse() -> None:
    text = "My left foot has started slapping on the pavement and it's getting worse every day. Back pain 2 weeks."
    assert READ.status(KB, text, "leg_weakness_worsening") == "present"
    assert READ.status(KB, "My right foot drags since yesterday, not worse today though.", "leg_weakness_worsening") == (
        "absent"
    )


def test_episodes_in_a_form_and_once_again() -> None:
    assert READ.value(KB, "Age: 41\nEpisodes in the last 12 months: 4\nFever: no", "episodes_past_year") == 4
    text = "My back has gone four times already this year and now it's gone again, lifting a box on Friday."
    assert READ.value(KB, text, "episodes_past_year") == 5


def test_a_long_term_catheter_is_no_new_retention() -> None:
    text = "72M, long-term catheter x5y for retention, draining well. LBP 2/7 after gardening."
    assert "cauda_equina" not in READ.flags(text)


def test_an_old_strokes_signs_unchanged_for_years() -> None:
    text = (
        "Writing for my dad, 71. He had a stroke in 2020 - his speech is still a bit slurred and his right arm is "
        "weak, exactly the same as it has been for years. He pulled his back mowing the lawn yesterday."
    )
    assert "general_emergency" not in READ.flags(text)


def test_a_bruise_turning_yellow_is_no_jaundice() -> None:
    text = "Slipped on the ice on Thursday, 40F. The bruise is going yellow now and the back ache is easing."
    assert "jaundice" not in READ.flags(text)


def test_the_menopauses_sweats_are_no_fever() -> None:
    text = "Perimenopausal, hot flushes and sweats most days but no temperature. Back twinge from yoga yesterday."
    assert not READ.counted(KB, text, "fever")


def test_remembrance_sunday() -> None:
    assert READ.value(KB, "Sciatica down my right leg, started on Remembrance Sunday.", "days_since_onset") == 28
