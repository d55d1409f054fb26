"""Round 155 of the reading (from R375 to R382, written and scored before it, and from the misses
the stop before left): who brought the patient in ("Brought in by wife: new confusion"); a reading
past a new list item ("no trauma, T 38.6"); off food and fluids; a fever told by its shaking; pain
and weakness told by likeness (an elephant on the chest, a zip ripped open, legs of wet sand);
the baby quiet, told many ways; a text told after the birth; the one a support worker supports;
ages and lengths a note puts first; what is not what it looks like (a box of paracetamol left for
someone, "hot and cold sweats", "mobilising with difficulty")."""

from __future__ import annotations

import datetime as dt

from backcare.adapters.language import understand
from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 6)
READ = ReadOn(TODAY)
KB = knowledge()


def test_who_brought_the_patient_in_is_not_the_patient() -> None:
    text = "Brought in by husband: confused since this morning, lower back pain."
    assert READ.status(KB, text, "confusion_or_drowsiness") == "present"


def test_a_no_does_not_reach_a_reading_in_the_next_list_item() -> None:
    text = "11yo M, back pain 3/7, no injury, T 38.4 this evening, tender over the lower spine."
    assert READ.status(KB, text, "fever") == "present"


def test_a_reading_denied_on_its_own_stays_denied() -> None:
    assert READ.status(KB, "Back ache, no fever, temp 36.6.", "fever") != "present"


def test_off_food_and_fluids_with_a_fever_is_very_unwell() -> None:
    text = "Dad's back has been bad for days, today he's 39.2, shivering, and he won't eat or drink."
    assert READ.status(KB, text, "feeling_very_unwell") == "present"
    assert "possible_sepsis" in READ.flags(text)


def test_a_note_says_very_in_one_letter() -> None:
    text = "52M, R loin pain 1/7, T 38.9, rigors, v unwell."
    assert READ.status(KB, text, "feeling_very_unwell") == "present"


def test_a_fever_told_by_its_shaking() -> None:
    text = "Not hot as such but I'm shaking so hard my teeth are chattering, and my back is killing me."
    assert READ.status(KB, text, "fever") == "present"


def test_a_weight_on_the_chest_told_by_likeness() -> None:
    text = "Ache between my shoulder blades and it feels like a ton of bricks is sitting on my chest."
    assert READ.status(KB, text, "chest_pain") == "present"


def test_a_tear_told_by_what_was_torn() -> None:
    text = "Out of nowhere it felt like someone ripped a seam open down my back."
    assert READ.status(KB, text, "tearing_pain") == "present"


def test_legs_likened_to_what_does_not_hold_them() -> None:
    text = "Since Tuesday both my legs feel like they're made of wet string and my back aches."
    assert READ.status(KB, text, "leg_weakness") == "present"


def test_weak_written_as_it_sounds() -> None:
    text = "my back is sore and my legs feel week and shaky on the stairs"
    assert READ.status(KB, text, "leg_weakness") == "present"


def test_near_falls_counted_are_unsteadiness() -> None:
    text = "My legs keep going from under me, nearly fell twice on the way to the loo."
    assert READ.status(KB, text, "unsteady_walking") == "present"


def test_the_baby_named_with_what_it_usually_does() -> None:
    text = "32 weeks. The baby who usually kicks all evening has been really quiet since lunch."
    assert READ.status(KB, text, "reduced_fetal_movements") == "present"


def test_the_baby_quiet_with_the_time_told_first() -> None:
    text = "I'm 34 weeks, sore back, and since last night she's been very quiet, hardly a kick."
    assert READ.status(KB, text, "reduced_fetal_movements") == "present"


def test_baby_typed_without_its_apostrophe() -> None:
    text = "36 weeks my back aches and the babys been quiet all day"
    assert READ.status(KB, text, "reduced_fetal_movements") == "present"


def test_a_text_told_after_the_birth_is_no_pregnancy() -> None:
    text = (
        "My son was born 3 weeks ago. My lower back aches from feeding. Still bleeding a little, "
        "the midwife said that is normal and it is getting less."
    )
    assert "pregnancy_warning" not in READ.flags(text)


def test_the_one_a_support_worker_supports_is_the_patient() -> None:
    text = (
        "I'm a support worker. The man I support (52, autistic, few words) hurt his back on Monday. "
        "Today he is very drowsy and we can hardly wake him."
    )
    assert "general_emergency" in READ.flags(text)


def test_an_age_with_its_unit_opening_the_text() -> None:
    assert READ.value(KB, "81 yrs, tripped on the kerb yesterday, lower back sore.", "age") == 81


def test_an_age_in_brackets_after_a_child() -> None:
    assert READ.value(KB, "School nurse: Year 9 boy (14) with back pain in PE today.", "age") == 14


def test_a_note_s_subject_named_then_aged() -> None:
    assert READ.value(KB, "Handover - Doris, 91. Lower back pain since breakfast.", "age") == 91


def test_a_note_s_length_before_the_complaint() -> None:
    assert READ.value(KB, "Referral: 39M, 4 months mechanical LBP, no red flags.", "days_since_onset") == 120


def test_off_the_edge_of_the_bed_is_a_fall() -> None:
    text = "Mum is 86 and slid off the edge of her bed this morning, her back hurts when she moves."
    assert READ.status(KB, text, "minor_trauma") == "present"


def test_found_on_the_floor_is_a_fall() -> None:
    text = "Carer note: Mr P, 90, found on his bathroom floor at 6 am, lower back pain on moving."
    assert READ.status(KB, text, "minor_trauma") == "present"


def test_missed_school_told_as_not_able_to_go() -> None:
    text = "My 15 year old hasn't been able to go to school all week because of his back."
    assert READ.status(KB, text, "worried_or_not_coping") == "present"


def test_a_box_left_for_someone_is_no_overuse() -> None:
    text = "My son left me a box of paracetamol for my back, I've had 2 tablets today."
    assert READ.status(KB, text, "paracetamol_overuse") != "present"


def test_hot_and_cold_sweats_are_a_fever_not_a_clammy_heart() -> None:
    text = "Upper back sore after my operation, hot and cold sweats, temp 38.3."
    assert READ.status(KB, text, "sweating_clammy") != "present"
    assert READ.status(KB, text, "fever") == "present"


def test_mobilising_with_difficulty_disputes_a_weakness() -> None:
    """Pain-limited moving about after a fall: what the model reads in it as weakness is asked back."""
    text = "80F, fall from standing in the garden, now low back pain, mobilising with difficulty."
    assert {"leg_weakness", "unsteady_walking"} <= set(understand(text, KB, TODAY).idioms)
