"""Round 99 of the reading (from R119): "could've been mair than it says on the packets"; a lump in
the belly seen beating in time with the pulse; a side of the back under the ribs; straining on the
loo "or cough" that catches; legs told the sentence before "Been the same for years"; a child who
"won't let me lift her under the arms"; a temperature for a few days, "all gone now", and one
"antibiotics sorted"; two and a half stone lost on purpose; a lump "since I was a boy"."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_more_than_it_says_on_the_packets() -> None:
    text = (
        "Been takin the co-codamol fir ma back an the paracetamol fae the chemist. Ah lost count yesterday, "
        "could've been mair than it says on the packets."
    )
    assert "medicine_overdose" in READ.flags(text)


def test_a_lump_in_the_belly_beating_with_the_pulse() -> None:
    text = (
        "I'm 71 and a smoker. Backache low down for 3 days. In the bath I noticed a lump in my belly above the belly "
        "button and you can see it beating, in time with my pulse."
    )
    assert READ.status(KB, text, "pulsating_abdomen") == "present"
    assert "aortic" in READ.flags(text)


def test_the_side_of_the_back_under_the_ribs_with_stinging_urine() -> None:
    text = "got this pain round the side of my back on the right, under the ribs kinda, and it stings like mad when i wee"
    assert READ.status(KB, text, "flank_pain") == "present"
    assert "kidney" in READ.flags(text)


def test_straining_or_coughing_that_catches() -> None:
    text = "Low back twinge for a week. When I strain on the loo or cough it really catches me."
    assert READ.status(KB, text, "pain_worse_cough_sneeze") == "present"


def test_legs_told_before_been_the_same_for_years() -> None:
    text = (
        "I've got spinal stenosis. Both my legs get tingly and heavy if I walk more than the length of the street, "
        "then I sit on a wall and it goes off. Been the same for years. Now my lower back's sore since Saturday."
    )
    assert "cauda_equina" not in READ.flags(text)


def test_a_child_who_will_not_be_lifted_under_the_arms() -> None:
    text = "My daughter is 3. Since yesterday she keeps holding her lower back and won't let me lift her under the arms."
    assert READ.status(KB, text, "stroke_signs") is None
    assert READ.status(KB, "I can't lift my left arm since this morning.", "stroke_signs") == "present"


def test_a_temperature_that_is_over() -> None:
    text = (
        "Had flu two weeks ago with a temperature of 38.5 for a few days, all gone now, temp normal all week. "
        "Then I helped move a sofa on Saturday and my lower back's been sore since."
    )
    assert READ.status(KB, text, "fever") != "present"
    assert "spinal_infection" not in READ.flags(text)
    treated = "Chest infection with a temperature at the start of November, antibiotics sorted it. Lower back sore since Monday."
    assert "spinal_infection" not in READ.flags(treated)


def test_two_and_a_half_stone_lost_on_purpose() -> None:
    text = "Lost two and a half stone since January on Slimming World, on purpose. Lower back sore since Tuesday's run."
    assert READ.status(KB, text, "unexplained_weight_loss") == "absent"


def test_a_lump_since_boyhood() -> None:
    text = "Ah've had a soft lump on ma lower back since ah wis a boy, it's no changed a bit. Back's stiff since Tuesday."
    assert "back_lump" not in READ.flags(text)
