"""Round 125 of the reading (from R207 to R210): a pharmacist's "Reports 10 x paracetamol 500 mg ...
in the last 24 h" (the strength after the count is no extra dose); a learner's pain "very strong" is no
strength of the legs; "its like a knife" on a sneeze; "Mornings are the worst, I'm stiff for over an
hour"; "Sometimes the pain is in my left buttock, sometimes the right"; a leak "since TURP"; hands
that tingle "for years" do not date the back."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import assess, knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 5)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_count_of_tablets_with_their_strength() -> None:
    over = (
        "Pharmacy consultation: 34F, LBP 4/7. Reports 10 x paracetamol 500 mg plus 3 x Lemsip Max sachets "
        "(paracetamol 1 g each) in the last 24 h. Feels well, asymptomatic."
    )
    assert "medicine_overdose" in READ.flags(over)
    at_most = "Pharmacy: 40M, LBP 1/52. Reports 8 x paracetamol 500 mg in the last 24 h, nothing else."
    assert "medicine_overdose" not in READ.flags(at_most)


def test_a_learners_very_strong_pain() -> None:
    text = "Since 6 days I have pain going down right leg to the foot, very strong, 8 from 10. Low back also."
    result = assess(text=text, today=TODAY)
    flags = {h.id for h in result.red_flags}
    assert "progressive_neuro_deficit" not in flags
    assert "sciatica" in flags


def test_its_like_a_knife_on_a_sneeze() -> None:
    text = "hurt my lower bak 4 days ago helpin my m8 move, evry time i sneeze or cough its like a knife."
    assert READ.status(KB, text, "pain_worse_cough_sneeze") == "present"


def test_an_inflammatory_pattern_told_plainly() -> None:
    text = (
        "I'm 28. My lower back has been bad for about 6 months. Mornings are the worst, I'm stiff for over an hour, "
        "it gets better when I exercise but resting doesn't help at all. Sometimes the pain is in my left buttock, "
        "sometimes the right."
    )
    assert READ.status(KB, text, "morning_stiffness_over_30min") == "present"
    assert READ.status(KB, text, "alternating_buttock_pain") == "present"
    assert "inflammatory" in READ.flags(text)


def test_a_leak_since_a_prostate_operation() -> None:
    note = "70M, mild stress incontinence since TURP for BPH 2019, unchanged. LBP 8/52, no new bladder or bowel sx."
    assert "cauda_equina" not in READ.flags(note)
    assert READ.status(KB, note, "urinary_incontinence") != "present"
    assert not READ.counted(KB, "70M, mild stress incontinence since TURP for BPH 2019, unchanged.", "urinary_incontinence")


def test_hands_that_tingle_for_years_do_not_date_the_back() -> None:
    text = (
        "I've got carpal tunnel so both hands tingle (had that for years). Separate thing - my lower back aches "
        "from sitting at the laptop all week. Legs are fine."
    )
    assert READ.status(KB, text, "pain_over_3_months") is None
    assert "persistent" not in READ.flags(text)
    assert READ.status(KB, "I've had back spasms for years.", "pain_over_3_months") == "present"
