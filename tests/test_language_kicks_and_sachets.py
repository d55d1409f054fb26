"""Round 100 of the reading (from R120): a baby that "hasn't done her usual kicking"; sachets taken
"3 times" and tablets "last night" added to a day's paracetamol; what the foot cannot do now and
could on Monday; "29 weeks with number three"; "it says about" what the internet says; "cannot find
any position of ease"; yellow from a fake tan."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_baby_that_has_not_done_her_usual_kicking() -> None:
    text = "I'm 32 weeks, back aching all week. Tonight she hasn't done her usual kicking after tea."
    assert READ.status(KB, text, "reduced_fetal_movements") == "present"
    assert "pregnancy_warning" in READ.flags(text)
    assert READ.status(KB, "I'm 30 weeks. She's done her usual kicking after tea.", "reduced_fetal_movements") == "absent"


def test_sachets_three_times_and_tablets_last_night_add_up() -> None:
    text = (
        "Lower back bad since Monday. From this time yesterday I took paracetamol 2 tablets 4 times, and also "
        "Lemsip Max Strength sachet 3 times for the cold, and last night 2 co-codamol."
    )
    assert READ.status(KB, text, "paracetamol_overuse") == "present"
    assert "medicine_overdose" in READ.flags(text)


def test_what_the_foot_could_do_on_monday() -> None:
    text = "Right leg sciatica. This morning I couldn't heel-walk on the right at all, which I could on Monday."
    assert READ.status(KB, text, "leg_weakness_worsening") == "present"
    assert "progressive_neuro_deficit" in READ.flags(text)


def test_weeks_with_number_three() -> None:
    text = "29 weeks with number three. This afternoon I felt a trickle of clear water down my leg."
    assert READ.value(KB, text, "pregnancy_weeks") == 29
    assert READ.status(KB, text, "fluid_leak") == "present"
    assert "pregnancy_warning" in READ.flags(text)


def test_what_the_internet_says_about_the_bladder() -> None:
    text = (
        "Hurt my lower back on Sunday. I was reading up on cauda equina on the internet and it says about losing "
        "control of your bladder, so what if that happens to me? I'm weeing normally, no numbness."
    )
    assert "cauda_equina" not in READ.flags(text)


def test_no_position_of_ease() -> None:
    text = "42M, acute LBP 2 days. Pain 9/10 despite co-codamol and naproxen, cannot find any position of ease."
    assert READ.status(KB, text, "pain_unrelenting") == "present"
    assert "uncontrolled_pain" in READ.flags(text)


def test_yellow_from_a_fake_tan() -> None:
    text = "Lower back went on Tuesday. My sister says I look yellow but that's the fake tan, my eyes are white."
    assert "jaundice" not in READ.flags(text)
