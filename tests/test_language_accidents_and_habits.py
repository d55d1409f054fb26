"""Round 130 of the reading (from R239 to R242): bowels not felt going is lost bowel control; numb feet the GP
"knows all about", "nothing new there", are long-standing; weight lost "as part of" a plan is intended; the years of a
habit told right before them ("sitting at my desk all day for years") are not the back pain's."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 5)
READ = ReadOn(TODAY)
KB = knowledge()


def test_bowels_not_felt_going() -> None:
    text = (
        "Sorry this is embarrassing. I've had a bad back for a week and today I had an accident - I didn't feel my "
        "bowels going at all. I'm 50."
    )
    assert READ.status(KB, text, "bowel_incontinence") == "present"
    assert READ.flags(text) == {"cauda_equina"}


def test_numb_feet_the_doctor_knows_about() -> None:
    text = (
        "I'm 66 and have had diabetic neuropathy for years, both feet numb and tingly, the GP knows all about it, "
        "nothing new there. Last 5 days my lower back has been sore after I was digging the allotment."
    )
    assert READ.flags(text) == {"longstanding_neuro"}
    # numb legs since this morning are new, whoever knows about them
    assert "cauda_equina" in READ.flags("Both my legs went numb this morning, the GP knows about it. My back hurts.")


def test_weight_lost_as_part_of_a_plan() -> None:
    text = (
        "Started running as part of losing weight (down 6kg on purpose since January, on a diet plan). Lower back has "
        "been achy for 2 days since I upped my distance. 37M."
    )
    assert READ.status(KB, text, "unexplained_weight_loss") == "absent"
    assert READ.flags(text) == set()


def test_the_years_of_a_habit() -> None:
    text = (
        "So I'm 38 and I work in an office, I've been sitting at my desk pretty much all day for years and I've never "
        "really had problems, but about two weeks ago I noticed a dull ache across my lower back in the afternoons."
    )
    assert "persistent" not in READ.flags(text)
    # the back's own years, with the habit told after them, still count
    assert "persistent" in READ.flags("My lower back has hurt for years, sitting all day makes it worse.")
