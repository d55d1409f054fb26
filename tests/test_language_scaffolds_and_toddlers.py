"""Round 95 of the reading (from R115): a fall told as coming off a scaffold; the breath knocked
out by it is no breathlessness; weakness told as what the leg could do yesterday and cannot today;
"feel like absolute death"; soiling told in Caribbean English, and "messed myself up" as an injury;
a child's age in years and months; "nothing touches it" inside someone's list of positions; a
dropped "g" ("fallin"); "no head injury" denies no fall; "just not feeling 100%"."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_coming_off_a_scaffold_is_a_fall_from_height() -> None:
    text = "Come off the scaffold this mornin, reckon 'bout 12 foot, landed flat on me back. Winded for a bit."
    assert "major_trauma" in READ.flags(text)
    assert "cardiac" not in READ.flags(text)
    assert READ.status(KB, "Came off the roof yesterday and my back is agony.", "major_trauma") == "present"


def test_winded_for_a_moment_is_no_breathlessness_but_winded_walking_is() -> None:
    assert READ.status(KB, "I fell on my back and it knocked the wind out of me.", "shortness_of_breath") is None
    assert READ.status(KB, "I get winded walking up the stairs.", "shortness_of_breath") == "present"


def test_weakness_told_as_what_the_leg_could_do_yesterday() -> None:
    text = (
        "Threw my back out 8 days ago. Right leg was a little weak at first but it's gotten worse every day - "
        "yesterday I could still do the stairs, today my right knee's buckling."
    )
    assert READ.status(KB, text, "leg_weakness_worsening") == "present"
    assert "progressive_neuro_deficit" in READ.flags(text)


def test_feeling_like_absolute_death_with_a_fever() -> None:
    text = "My back's been agony for a week. 39.2 on the thermometer and I feel like absolute death."
    assert READ.status(KB, text, "feeling_very_unwell") == "present"
    assert "possible_sepsis" in READ.flags(text)


def test_soiling_in_caribbean_english_and_an_injury_in_plain_english() -> None:
    text = "Mi back a kill mi from Monday. Dis mawnin mi mess up miself an neva even feel it a come."
    assert "cauda_equina" in READ.flags(text)
    for injury in ("I messed myself up lifting that wardrobe.", "I messed up myself and my back at the gym."):
        assert READ.status(KB, injury, "bowel_incontinence") is None, injury


def test_a_childs_age_in_years_and_months() -> None:
    text = "Tel triage. 3y 7m M. Mum reports back pain x2/7, reluctant to walk. No known injury."
    assert READ.value(KB, text, "age") == 3
    assert READ.value(KB, text, "sex") == "male"
    assert "young_age" in READ.flags(text)
    assert READ.value(KB, "Back pain for 2y 3m now.", "age") is None


def test_nothing_eases_it_inside_a_list_of_positions() -> None:
    text = (
        "It's 10/10, I can't find any position that helps - lying flat, curled up, standing, nothing "
        "touches it, and the co-codamol did nothing."
    )
    assert READ.status(KB, text, "pain_unrelenting") == "present"
    assert "uncontrolled_pain" in READ.flags(text)


def test_a_dropped_g() -> None:
    text = "I'm 62. Me trousers am fallin off me, an I ay bin tryin to lose weight."
    assert READ.status(KB, text, "unexplained_weight_loss") == "present"


def test_no_head_injury_denies_no_fall() -> None:
    text = "84F, osteoporosis. Slid off edge of armchair onto carpet yesterday, no head injury. Now LBP 6/10."
    assert READ.status(KB, text, "minor_trauma") == "present"
    assert "fracture" in READ.flags(text)


def test_not_feeling_100_percent_is_not_very_unwell() -> None:
    text = "Fever 38.5 and burning urine since yesterday. I am able to walk around, just not feeling 100%."
    assert "possible_sepsis" not in READ.flags(text)
