"""Round 151 of the reading (from R343 to R350, the missed emergency first): a baby who has
"hardly kicked at all since"; a stranger placed by the writer ("the man next to me"); a page read
about a symptom; a screening scan clear after a comma; near misses told with clothing; waters a
midwife calls fine; wobbly legs put down to tiredness; one's own medicines looked up; a fever over,
told by a normal reading or "the lot, but that's gone"; a sex before an age; weight lost "but
that's on purpose"; both hands, not the legs; leg symptoms "been like that" for years; a kinship
name in lower case; "hes" for "he's"; the back before "then"; a back that has become hunched; pain
"all night"."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 6)
READ = ReadOn(TODAY)
KB = knowledge()
COUNTED = ("present", "possible")


def test_a_baby_who_has_hardly_kicked_at_all() -> None:
    text = "I'm 31 weeks pregnant. My back aches and he's barely kicked at all since this morning."
    assert READ.status(KB, text, "reduced_fetal_movements") == "present"


def test_a_stranger_placed_by_the_writer() -> None:
    text = "On the train home the lady beside me fainted and I helped lift her. Now my back is in spasm."
    assert READ.status(KB, text, "fainting") not in COUNTED
    assert READ.status(KB, "The man next to me said I collapsed on the bus. Back pain.", "collapse") in COUNTED


def test_a_page_read_about_a_symptom() -> None:
    text = "I read the NHS page about bladder problems. My back twinged lifting."
    assert READ.status(KB, text, "urinary_retention") not in COUNTED


def test_a_screening_scan_clear_after_a_comma() -> None:
    text = "Had the AAA screening ultrasound in 2024, all clear. Back ache from digging."
    assert READ.status(KB, text, "known_aaa") == "absent"


def test_near_misses_told_with_clothing() -> None:
    text = "Coughed and nearly crapped my trousers, my back's in spasm."
    assert READ.status(KB, text, "bowel_incontinence") not in COUNTED
    text = "I almost wet my knickers when the spasm hit, my back is so sore."
    assert READ.status(KB, text, "urinary_incontinence") not in COUNTED


def test_waters_a_midwife_calls_fine() -> None:
    text = "34 weeks pregnant with back ache. The midwife checked and my membranes are intact."
    assert READ.status(KB, text, "fluid_leak") == "absent"


def test_wobbly_legs_told_as_past_tiredness() -> None:
    text = "My legs went wobbly on the stairs but it was just tiredness after a night shift. Back aches."
    assert READ.status(KB, text, "leg_weakness") not in COUNTED
    text = "My back hurts and my legs are weak, it's probably just tiredness."
    assert READ.status(KB, text, "leg_weakness") in COUNTED


def test_ones_own_medicines_looked_up() -> None:
    text = "I looked up my medication and found simvastatin can cause cramps. I keep getting cramps in my back every week."
    assert "medication_related" in READ.flags(text)


def test_a_fever_over_by_a_normal_reading() -> None:
    text = "Had a fever last week with flu, my temp's been normal since Sunday. Back stiff from bed rest."
    assert READ.status(KB, text, "fever") == "absent"


def test_a_fever_over_after_the_lot() -> None:
    text = "Bad flu a month ago, high fever, sweats, the lot, but that's completely gone now. Back twinged lifting."
    assert READ.status(KB, text, "fever") not in COUNTED
    assert READ.status(KB, "Fever, sweats, the lot, and my back is agony.", "fever") == "present"


def test_a_sex_before_an_age() -> None:
    assert READ.value(KB, "Male 63. Lower back pain for 2 weeks.", "age") == 63
    assert READ.value(KB, "Back pain after lifting. F, 71.", "age") == 71


def test_weight_lost_down_on_purpose() -> None:
    text = "Down 5 kilos since summer, but that's intentional. Back sore after the gym."
    assert READ.status(KB, text, "unexplained_weight_loss") == "absent"


def test_both_hands_are_not_the_legs() -> None:
    text = "Both my arms get pins and needles when I use the drill, but my legs are fine. Back aches."
    assert READ.status(KB, text, "leg_numbness_both_sides") not in COUNTED


def test_leg_symptoms_been_like_that_for_years() -> None:
    text = "Both my legs ache and tingle, been like that 4 years. Back sore this week."
    assert READ.status(KB, text, "leg_pain_both_sides") not in COUNTED
    assert READ.status(KB, text, "longstanding_leg_symptoms") == "present"


def test_numb_feet_both_feet_for_years() -> None:
    text = "Tingly feet, both feet, for about eight years. Back sore since Monday."
    assert READ.status(KB, text, "leg_numbness_both_sides") not in COUNTED


def test_a_leak_since_having_us_kids() -> None:
    text = "Nan has leaked a little when she sneezes ever since having us kids. She hurt her back lifting."
    assert READ.status(KB, text, "urinary_incontinence") not in COUNTED


def test_a_kinship_name_in_lower_case() -> None:
    assert READ.value(KB, "mum is 79, fell off a chair yesterday and her back hurts.", "age") == 79
    assert READ.value(KB, "Call note: dad is 88, back pain since a fall on Friday.", "age") == 88


def test_he_is_without_the_apostrophe() -> None:
    assert READ.value(KB, "asking for my husband hes 71, back pain since a fall", "age") == 71


def test_the_back_before_then() -> None:
    text = "writing for my grandad, sudden terrible pain in his back then he fainted in the garden"
    assert "aortic" in READ.flags(text)


def test_a_back_that_has_become_hunched() -> None:
    text = "Dad's back is getting more hunched and it has started to ache."
    assert READ.status(KB, text, "back_lump_or_deformity") == "present"
    assert READ.status(KB, "My back is rounded from years at a desk and aches.", "back_lump_or_deformity") is None


def test_pain_all_night() -> None:
    text = "For two weeks my lower back aches all night and nothing eases it."
    assert READ.status(KB, text, "night_pain") == "present"
