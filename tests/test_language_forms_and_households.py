"""Round 94 of the reading (from R114): "pain in me back"; "short call" for passing urine; a note's
"lethargic" is feeling very unwell, not drowsiness; a child who ate and plays; "my eldest is 13"; a
child's night told by coming into the parents' room crying; a form's long labels and "Weight loss
without trying: No"; "Numbness between legs"; a form's ISO start date; a star sign; "bilat leg
numbness to mid-thigh"; clear water coming in a pregnancy; a head cold is no fever; "since May"."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_pain_in_me_back_and_short_call() -> None:
    assert READ.status(KB, "Got a terrible pain in me back since this morning.", "back_pain") == "present"
    text = "Pain in my right side under the ribs since Monday, and when I go for short call it burns."
    assert READ.status(KB, text, "painful_urination") == "present"


def test_lethargic_is_unwell_not_drowsy() -> None:
    text = "LBP 3/7. Pt lethargic, off food, 'feels awful'."
    assert READ.status(KB, text, "feeling_very_unwell") == "present"
    assert READ.status(KB, text, "confusion_or_drowsiness") != "present"


def test_a_child_who_eats_and_plays_and_an_eldest() -> None:
    well = "School nurse: 11F, LBP x3/7, T 38.2. Ate lunch, playing at break."
    assert READ.status(KB, well, "feeling_very_unwell") == "absent"
    eldest = "My eldest is 12 and his lower back has hurt for a week, he came into our room crying at 2am."
    assert READ.value(KB, eldest, "age") == 12
    assert "general_emergency" not in READ.flags(eldest)


def test_a_form_with_long_labels() -> None:
    text = (
        "Where is the pain: Lower back\nDate started: 2026-11-28\nNumbness between legs: No\n"
        "Problems passing urine: No\nLoss of bladder or bowel control: No\nWeight loss without trying: No"
    )
    found = READ.read(KB, text)
    assert found["saddle_numbness"].status == "absent"
    assert found["urinary_retention"].status == "absent"
    assert found["unexplained_weight_loss"].status == "absent"
    assert found["days_since_onset"].value == 6


def test_a_star_sign_is_no_cancer() -> None:
    text = "Typical Cancerian, my horoscope warned me, and now my lower back's gone after netball."
    assert READ.status(KB, text, "history_of_cancer") != "present"
    assert READ.status(KB, "I had bowel cancer in 2020 and my back hurts.", "history_of_cancer") == "present"


def test_both_legs_numb_to_a_level() -> None:
    text = "Known lung ca. New thoracic pain 4/7, bilateral leg numbness to the knees."
    assert READ.status(KB, text, "leg_numbness_both_sides") == "present"


def test_clear_water_coming_in_a_pregnancy() -> None:
    text = "I'm 25 weeks pregnant with a sore back, and this morning my leggings were wet, clear water came out."
    assert READ.status(KB, text, "fluid_leak") == "present"


def test_a_head_cold_and_since_may() -> None:
    cold = "LBP 2/7 + head cold. Paracetamol 1 g QDS. Feels well."
    assert "spinal_infection" not in READ.flags(cold)
    assert READ.value(KB, "Lower back and buttock ache since about May.", "days_since_onset") == 217
