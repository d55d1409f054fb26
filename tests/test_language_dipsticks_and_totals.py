"""Round 104 of the reading (from R125): "dipstick + blood"; a note's "Total paracetamol counted with
her ...: 2.5 g" (a total, and "with her" is no one else); "numbness both legs from mid-thigh down";
"no temp. 41 m" (an age, not a temperature); and tired feet that "collapsed onto the sofa"."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_dipstick_and_blood() -> None:
    text = "41M, L loin-to-groin pain coming in waves since 0300. Pharmacy dipstick + blood. Afebrile, no dysuria."
    assert READ.status(KB, text, "blood_in_urine") == "present"
    assert "kidney" in READ.flags(text)


def test_a_total_counted_with_her() -> None:
    text = (
        "Caller 50F, LBP 1/52, taking co-codamol 8/500 one tab three times a day plus one Lemsip Max sachet at "
        "night. Total paracetamol counted with her for the last 24 h: 2.5 g, well under the label maximum."
    )
    assert READ.status(KB, text, "paracetamol_overuse") == "absent"
    assert "paracetamol_duplication" in READ.flags(text)
    assert "medicine_overdose" not in READ.flags(text)


def test_numbness_both_legs_from_mid_thigh() -> None:
    text = "64M, metastatic prostate Ca, new back pain 2/52, now numbness both legs from mid-thigh down since yesterday."
    assert READ.status(KB, text, "leg_numbness_both_sides") == "present"
    assert "cauda_equina" in READ.flags(text)


def test_an_age_after_no_temp() -> None:
    text = "3rd time this year my back's gone. lower back, 5/10, no leg stuff, bladder fine, no temp. 41 m, gardener."
    assert READ.status(KB, text, "fever") != "present"
    assert READ.value(KB, text, "age") == 41
    assert READ.status(KB, "LBP 3/7, rigors, temp. 39.2", "fever") == "present"


def test_tired_feet_collapsed_onto_the_sofa() -> None:
    text = "After 10 hours on my feet at the warehouse I basically collapsed onto the sofa, and my lower back seized."
    assert READ.status(KB, text, "leg_weakness") != "present"
    assert "nerve_deficit" not in READ.flags(text)
