"""Round 127 of the reading (from R215 to R222): cramps in the calves are cramps, not pain down both
legs; weight lost "but on purpose" or "down 5 kg ..., on purpose" is no unexplained loss; "voiding
normally" in a note; "been like this 5 weeks" and "start 3 months before and" are how long; what
night pain is said to mean, and "mine doesn't wake me", are no night pain of the writer's, while
"mine wakes me" and a note's "wakes pt at night" are; a note's "3/7 D&V." at a sentence's end; an
aneurysm checked for and not found is none (a check that found something still counts); "the
private part, it feel like sleeping"; "it's about a 9 maybe?"."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 5)
READ = ReadOn(TODAY)
KB = knowledge()


def test_cramps_in_the_calves_are_cramps_not_pain_down_both_legs() -> None:
    note = (
        "Pharmacist note: 58M on atorvastatin for 2 years. Keeps getting muscle spasms in lower back and cramps "
        "in calves, recurring over the last 3 weeks. Gradual, 3/10."
    )
    assert READ.flags(note) == {"medication_related"}
    assert READ.status(KB, "I get night cramps in my calves and my back spasms.", "leg_pain_both_sides") is None
    # pain down both legs stays what it is, cramping or not
    assert "cauda_equina" in READ.flags("Cramping pain down both legs since yesterday and my back is killing me.")
    assert "cauda_equina" in READ.flags("I get cramps in both legs at night and now pain shooting down both legs.")


def test_weight_lost_on_purpose_told_after_a_but_or_as_down() -> None:
    told_after = "I've lost 5 kg over 2 months, but on purpose, I'm on Slimming World. Pulled my back rowing."
    assert READ.status(KB, told_after, "unexplained_weight_loss") == "absent"
    down = "Down 5 kg since January, on purpose, I've been dieting. Tweaked my lower back at the gym. 36f"
    assert "constitutional" not in READ.flags(down)
    assert READ.status(KB, "Down 6 kilos since the summer and I don't know why.", "unexplained_weight_loss") == "present"


def test_a_notes_voiding_normally_is_no_retention() -> None:
    note = "41M seen in ED yesterday, CES excluded. Today LBP 4/10, no saddle anaesthesia, voiding normally."
    assert READ.status(KB, note, "urinary_retention") == "absent"
    assert "cauda_equina" not in READ.flags(note)


def test_been_like_this_for_a_time() -> None:
    text = "Pain from my lower back down the back of my left leg to my foot. Been like this 5 weeks. 42M, 5/10."
    assert READ.value(KB, text, "days_since_onset") == 35
    assert "sciatica" in READ.flags(text)
    assert READ.value(KB, "It's been this way 3 months now, lower back, 38M.", "days_since_onset") == 90


def test_what_night_pain_is_said_to_mean_is_not_the_writers() -> None:
    told = "55F. My friend said back pain at night means cancer, but mine doesn't wake me, 3 days now, 3/10."
    assert not READ.flags(told) & {"night_pain_older", "malignancy"}
    mine = "My friend said back pain at night means cancer. Mine wakes me every night. 62M, 3 weeks."
    assert "night_pain_older" in READ.flags(mine)
    worse = "My GP said pain at night can be a sign of something serious, and mine is worse at night. 68F, 3 weeks."
    assert "night_pain_older" in READ.flags(worse)
    assert "night_pain_older" in READ.flags("Back pain at night means I can't sleep. 70F, 2 weeks.")


def test_a_notes_night_pain_and_sickness() -> None:
    night = "LBP 5/52, constant, unrelieved by rest or position, wakes pt at night. 64M."
    assert READ.status(KB, night, "night_pain") == "present"
    assert "constitutional" in READ.flags(night)
    sick = "3/7 D&V. Now recurrent lumbar paraspinal spasms. 34F."
    assert READ.status(KB, sick, "vomiting_or_diarrhoea") == "present"
    assert "metabolic" in READ.flags(sick)


def test_an_aneurysm_checked_for_and_not_found() -> None:
    clear = "67M. My GP checked me for an aneurysm with a scan last year and it was normal. Back sore, 3/10."
    assert "aortic" not in READ.flags(clear)
    found = "They checked me for an aneurysm and found one, 4 cm. Now sudden tearing back pain. 72M."
    assert "aortic" in READ.flags(found)
    # a check in a note is no what-if: what it found is read
    assert "cauda_equina" in READ.flags("Examined for saddle anaesthesia - reduced sensation on the left. 45M.")


def test_a_start_told_as_before() -> None:
    text = "My back pain start 3 months before and still is same. I am 40 year."
    assert READ.value(KB, text, "days_since_onset") == 90
    assert READ.value(KB, "I had a scan 3 months before my wedding. Back pain since yesterday.", "days_since_onset") == 1


def test_numbness_between_the_legs_told_by_a_learner() -> None:
    text = (
        "Since 3 days my back is very bad. Now I cannot feel good my... how you say... the private part, it feel "
        "like sleeping. I am 45."
    )
    assert READ.status(KB, text, "saddle_numbness") == "present"
    assert "cauda_equina" in READ.flags(text)
    assert READ.status(KB, "My private part is fine, it is not numb. Back pain 2 days.", "saddle_numbness") == "absent"


def test_a_score_told_with_a_hedge_after_it() -> None:
    text = "29f. Hurt my back lifting 2 days ago. I think it's about a 9 maybe? Nothing I do eases it at all."
    assert READ.value(KB, text, "pain_score") == 9
    assert "uncontrolled_pain" in READ.flags(text)
    assert READ.value(KB, "It's about a 6 I think. Back sore 2 days.", "pain_score") == 6
    assert READ.status(KB, "It's a 9 hour drive tomorrow, back sore 2 days.", "pain_score") is None
