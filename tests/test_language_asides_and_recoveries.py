"""Round 182 of the reading (from R491 to R494, the sets that measured round 180, and older misses):
no need to wee despite drinking, an earlier bout's length, a colleague named by their job, feeling
unchanged, numbness that came back to normal or never came back, nocturia, a calf that will not
push, a paracetamol total kept under the limit, "and a half" weeks, and a car's boot reached into."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 7)
READ = ReadOn(TODAY)
KB = knowledge()


def test_no_need_to_wee_despite_drinking() -> None:
    text = "Lower back bad for 3 days. Haven't needed a wee since last night even though I've drunk lots of water."
    assert READ.status(KB, text, "urinary_retention") == "present"
    assert "cauda_equina" in READ.flags(text)


def test_an_earlier_bouts_length_does_not_date_this_one() -> None:
    text = "It's been 9 weeks now and no real change. The last two times my back went it was gone in a fortnight."
    assert READ.value(KB, text, "days_since_onset") == 63
    assert "persistent" in READ.flags(text)


def test_half_a_week_counts() -> None:
    text = "It's been 7 and a half weeks since I hurt my back and it's no better."
    assert READ.value(KB, text, "days_since_onset") == 52


def test_a_colleague_named_by_their_job() -> None:
    text = "Our foreman collapsed on site on Friday and went off in an ambulance. I've had to do his lifting and my back is sore."
    assert READ.status(KB, text, "collapse") is None
    assert "general_emergency" not in READ.flags(text)


def test_feeling_unchanged_is_no_numbness() -> None:
    text = "Back aching for a week. No change in sensation between my legs, wees are normal."
    assert READ.status(KB, text, "saddle_numbness") != "present"


def test_numbness_that_came_back_within_seconds() -> None:
    text = "Knelt in church for ages on Sunday and both legs went numb, but it came back within a few seconds of standing. Back a bit stiff."
    assert not READ.counted(KB, text, "leg_numbness_both_sides")


def test_numbness_that_went_and_never_came_back() -> None:
    text = "Both my legs had pins and needles for a minute after squatting in the garden last week, it went quickly and hasn't come back. Back sore today."
    assert not READ.counted(KB, text, "leg_numbness_both_sides")


def test_legs_numb_since_the_weekend_are_not_longstanding() -> None:
    text = "Back bad for a fortnight. Since Saturday both my feet and shins feel numb, like walking on sponge. Never had it before."
    flags = READ.flags(text)
    assert "cauda_equina" in flags
    assert "longstanding_neuro" not in flags


def test_nocturia_is_not_retention() -> None:
    """A guard: getting up in the night to wee is how often, not a bladder that will not empty."""
    text = "62, I get up three times a night to pee, have for years. Sore low back since Thursday from digging."
    assert READ.status(KB, text, "urinary_retention") is None
    assert "cauda_equina" not in READ.flags(text)


def test_a_leak_told_as_years_old() -> None:
    text = "I leak when I sneeze, have done for years since my twins. My lower back went yesterday lifting the hoover."
    assert "cauda_equina" not in READ.flags(text)


def test_a_calf_that_will_not_push() -> None:
    text = "Back went on Saturday and now my left calf won't push off when I walk, the right is fine."
    assert READ.status(KB, text, "leg_weakness") == "present"


def test_a_paracetamol_total_kept_under_the_limit() -> None:
    text = "Co-codamol and Lemsip for my back, both have paracetamol so I keep the total under 8 tablets every day."
    assert READ.status(KB, text, "paracetamol_overuse") == "absent"
    assert "paracetamol_duplication" in READ.flags(text)


def test_reaching_into_a_cars_boot_is_no_crash() -> None:
    text = "Pulled my lower back reaching into the boot of the car yesterday. 34."
    assert "major_trauma" not in READ.flags(text)


def test_the_back_about_to_give_way_is_no_collapse() -> None:
    text = "Feels like my back is going to collapse under me when I get out of bed. Sore since Wednesday."
    assert "general_emergency" not in READ.flags(text)


def test_one_the_writer_works_beside_written_for() -> None:
    """A guard: a workmate named by their job may be the one written for."""
    text = "Our apprentice is 19, hurt his back lifting on Monday and now can't feel his bum when he wipes."
    assert "cauda_equina" in READ.flags(text)


def test_a_client_written_for_still_counts() -> None:
    """A guard: a client named by the carer who writes for them is the one whose findings count."""
    text = "I'm a support worker. My client Mrs Hale, 80, has had back pain for a week and today she hasn't been able to wee at all."
    assert "cauda_equina" in READ.flags(text)
