"""Round 75 of the reading (from R96): a checklist question answered "No." or "Normal." answers all
of it; "no temperature or chills" denies both; a product's "extra strength" is no amount, and a
total in milligrams under the daily maximum is under it; "pain in back" without a determiner is the
back; a note's weight before and after ("Wt 80 -> 73 kg") is weight lost. Round 76 (from R97):
Caribbean "gone confuse" and "no know where she is"; a carer's "keeps nodding off"; "keeps falling
asleep" is no unsteadiness; "my wife is 39 weeks" is a stage of pregnancy; a checklist reply that
ends in its answer ("lost weight? wish I had lol, no")."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_checklist_question_answered_no_answers_all_of_it() -> None:
    text = "Back twinged at the gym this morning, 3/10. Problems passing water or wetting yourself, bowels? No."
    assert READ.status(KB, text, "urinary_retention") == "absent"
    assert READ.status(KB, text, "urinary_incontinence") == "absent"
    assert "cauda_equina" not in READ.flags(text)


def test_a_checklist_question_answered_normal() -> None:
    text = "Stiff lower back since Sunday after gardening. Difficulty peeing or any leaking? Normal."
    assert READ.status(KB, text, "urinary_retention") == "absent"
    assert "cauda_equina" not in READ.flags(text)


def test_a_question_answered_yes_still_counts() -> None:
    text = "Back went lifting a sofa. Can't pee since last night, is that related? Numbness? No."
    assert READ.status(KB, text, "urinary_retention") == "present"


def test_no_temperature_or_chills_denies_both() -> None:
    text = "Flu a month ago, over now. No temperature or shivers now. Lower back sore since Tuesday."
    assert READ.status(KB, text, "fever") == "absent"


def test_an_extra_strength_product_is_no_overdose() -> None:
    text = "For my back I take extra strength Tylenol, two caplets when I need them."
    assert READ.status(KB, text, "paracetamol_overuse") != "present"
    assert "medicine_overdose" not in READ.flags(text)


def test_extra_tablets_still_count() -> None:
    text = "My back is so bad I've been taking extra paracetamol on top of what the box says."
    assert READ.status(KB, text, "paracetamol_overuse") == "present"


def test_a_total_in_milligrams_under_the_maximum() -> None:
    text = "Acetaminophen for my back and a cold remedy at night. Together it comes to well under 2500 mg a day."
    assert READ.status(KB, text, "paracetamol_overuse") == "absent"
    assert "paracetamol_duplication" in READ.flags(text)


def test_pain_in_back_without_a_determiner() -> None:
    text = "Sir, my mother is 80, she got sudden severe pain in back and fainted in the kitchen."
    assert READ.status(KB, text, "back_pain") == "present"
    assert "aortic" in READ.flags(text)


def test_pain_in_back_of_the_knee_is_not_the_back() -> None:
    assert READ.status(KB, "Pain in back of my knee after football.", "back_pain") is None


def test_a_notes_weight_before_and_after() -> None:
    text = "63M, LBP 6/52, night pain. Wt 80 -> 73 kg since August."
    assert READ.status(KB, text, "unexplained_weight_loss") == "present"
    assert "constitutional" in READ.flags(text)


def test_weight_lost_on_purpose_or_gained_is_no_warning() -> None:
    assert READ.status(KB, "LBP 2/52. Weight 95kg to 86kg, dieting since spring.", "unexplained_weight_loss") is None
    assert READ.status(KB, "Back ache 3 weeks. Wt 70 -> 78 kg over the winter.", "unexplained_weight_loss") is None
    assert READ.status(KB, "Back ache 3 weeks. Weight 90 to 89 kg.", "unexplained_weight_loss") is None


# --- Round 76 (from R97) ---------------------------------------------------------------------------


def test_caribbean_confusion_in_a_carers_words() -> None:
    text = "Mi grandad 85 back bad since Sunday, now him gone confuse and him nuh know where him is."
    assert READ.status(KB, text, "confusion_or_drowsiness") == "present"
    assert "general_emergency" in READ.flags(text)


def test_a_carer_says_she_keeps_nodding_off() -> None:
    text = "Mum is 79, her back has been bad all week and today she keeps nodding off while we talk."
    assert READ.status(KB, text, "confusion_or_drowsiness") == "present"


def test_falling_asleep_is_no_unsteadiness() -> None:
    text = "Back sore from the new job, I keep falling asleep on the train home."
    assert READ.status(KB, text, "unsteady_walking") is None
    assert READ.status(KB, "Back pain and he keeps falling when he walks.", "unsteady_walking") == "present"


def test_a_wifes_weeks_of_pregnancy_told_by_her_husband() -> None:
    text = "My wife is 38 weeks, her back pain is coming and going every 4 minutes, regular, no bleeding."
    assert READ.value(KB, text, "pregnancy_weeks") == 38
    flags = READ.flags(text)
    assert "labour" in flags
    assert "pregnancy_warning" not in flags


def test_a_babys_age_in_weeks_is_no_pregnancy() -> None:
    text = "My daughter is 6 weeks old and my back hurts from carrying her."
    assert READ.status(KB, text, "pregnancy_weeks") is None


def test_a_checklist_reply_that_ends_in_its_answer() -> None:
    text = "Back went at work yesterday, 5/10.\n- weight dropping? I wish haha, no\n- fever? nah"
    assert READ.status(KB, text, "unexplained_weight_loss") == "absent"
    assert "constitutional" not in READ.flags(text)
