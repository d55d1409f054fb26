"""Round 162 of the reading (from R407 to R410, the sets that measured round 161, their missed
emergency first): minds changed on second thoughts (a bladder not emptied after all, pain that
stops above the knee, "if I'm honest"), straining on the toilet, an onset told as gradual, a
note's patient beside a relative's aneurysm, a friend who collapsed, tackles in a video game,
a gym's chest presses, a settled angina, a stage of pregnancy told alone, part of a month, and a
label's maximum beside the person's own total."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 6)
READ = ReadOn(TODAY)
KB = knowledge()


def test_no_urge_after_a_night_without_going() -> None:
    text = (
        "Hurt my back moving a wardrobe yesterday. Waterworks are fine. Hang on, thinking about it, I haven't "
        "been since yesterday evening and I don't feel like I need to, even after three coffees."
    )
    assert READ.status(KB, text, "urinary_retention") == "present"
    assert "cauda_equina" in READ.flags(text)


def test_a_mind_changed_about_the_leg() -> None:
    text = "Sore low back since Monday and it runs down my leg - well, actually no, it stops at my buttock."
    assert READ.status(KB, text, "leg_pain_below_knee") != "present"


def test_if_im_honest_is_no_what_if() -> None:
    text = "My lower back is stiff. If I'm being honest it's been 9 weeks and it's no different."
    assert READ.value(KB, text, "days_since_onset") == 63


def test_a_week_compared_with_is_no_duration() -> None:
    assert READ.value(KB, "My back is about the same as week two.", "days_since_onset") is None


def test_straining_while_sat_on_the_toilet() -> None:
    text = "Whenever I'm sat on the toilet and need to push, my back twinges badly. Sore for 5 days."
    assert READ.status(KB, text, "pain_worse_cough_sneeze") == "present"


def test_an_onset_told_as_gradual_stands() -> None:
    text = "Known AAA 4.2cm under surveillance, 69M. Thoracic back ache 1/52, came on slowly over a few days, 4/10."
    assert "aortic" not in READ.flags(text)


def test_a_notes_patient_beside_a_relatives_aneurysm() -> None:
    text = "Tel consult: 41M, LBP 5/7 after digging. Father has AAA. No abdo pain, no collapse."
    assert READ.status(KB, text, "known_aaa") != "present"
    assert "aortic" not in READ.flags(text)


def test_a_friend_who_actually_collapsed() -> None:
    text = "Pulled my back at the festival. My friend actually fainted in the crowd but she's fine now."
    assert not READ.counted(KB, text, "collapse")
    assert not READ.counted(KB, text, "fainting")


def test_tackles_in_a_video_game() -> None:
    text = "17M, back aches after a whole night on the Xbox. Got tackled constantly playing FIFA, no real sport."
    assert "major_trauma" not in READ.flags(text)


def test_chest_presses_and_then_heavy_squats() -> None:
    text = "Chest presses then heavy squats this morning and now my lower back is tight."
    assert not READ.counted(KB, text, "chest_pain")


def test_a_settled_angina_is_no_chest_pain_now() -> None:
    text = "70F with stable angina for years, no chest pain at all recently. Lower back sore for 3 days."
    assert "cardiac" not in READ.flags(text)


def test_a_stage_of_pregnancy_told_alone() -> None:
    text = "Nearly 38 weeks. Period-like tightenings every 5 minutes with low back ache, waters intact."
    assert READ.value(KB, text, "pregnancy_weeks") == 38
    assert "labour" in READ.flags(text)


def test_since_late_in_a_month() -> None:
    assert READ.value(KB, "My back has ached since late October.", "days_since_onset") == 45
    text = "Back pain on and off since the move in late September, not getting better."
    assert READ.value(KB, text, "days_since_onset") == 75


def test_a_labels_maximum_is_no_dose() -> None:
    text = (
        "I take Panadol and a Beechams powder at night and both have paracetamol. I've added it up: 2.5 g "
        "in the last day, the maximum is 4 g."
    )
    assert READ.status(KB, text, "paracetamol_overuse") == "absent"
    assert "paracetamol_duplication" in READ.flags(text)


def test_a_start_corrected() -> None:
    text = "Sciatica down my right leg since mid November - sorry, it started on Halloween, I remember now."
    assert READ.value(KB, text, "days_since_onset") == 36
