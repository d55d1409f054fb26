"""Round 120 of the reading (from R179 to R182): a question answered two sentences on, or by "I'm 29
and fine, just ...", "My back's just stiff"; a bookshelf that collapsed; weight lost "but that's
deliberate"; a note's "renal cell ca", "EMS >1 h", "no better with rest", "wakes in second half of
night"; "back and calf cramps"; "never over 8 paracetamol in total"; "Back ache low down"; a lump
that has "been there about 20 years"."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_question_answered_two_sentences_on_or_by_the_writers_only_trouble() -> None:
    later = (
        "What's foot drop? The physio mentioned it as something to look out for. I don't have it, my feet "
        "work fine, just a stiff lower back from a long flight 3 days ago."
    )
    assert "nerve_deficit" not in READ.flags(later)
    fine = "Can back pain make you pass out? Asking because my brother fainted with his. I'm 29 and fine, just a stiff lower back."
    assert "aortic" not in READ.flags(fine)
    just = (
        "Is numbness around the bum a sign of something serious with back pain? Asking because I read about it "
        "online. My back's just stiff low down after painting the ceiling yesterday."
    )
    assert "cauda_equina" not in READ.flags(just)
    own = "Is numbness around the bum serious? I've got it since yesterday. My back's sore."
    assert "cauda_equina" in READ.flags(own)


def test_a_thing_that_collapsed_is_not_the_person() -> None:
    text = "The bookshelf collapsed while I was moving it and I jarred my lower back catching it. Sore but walking okay. 41"
    assert READ.status(KB, text, "collapse") is None
    assert "general_emergency" not in READ.flags(text)
    assert READ.status(KB, "My back hurts and I collapsed in the kitchen.", "collapse") == "present"


def test_weight_lost_but_deliberately() -> None:
    text = "I've lost 5 kg in the last 2 months but that's deliberate - on a diet and running. My lower back aches after runs."
    assert READ.status(KB, text, "unexplained_weight_loss") == "absent"


def test_a_notes_cancer_by_its_cells_and_an_inflammatory_pattern() -> None:
    cancer = "63F, hx renal cell ca 2020 (nephrectomy, no known mets). New LBP 3/52."
    assert READ.status(KB, cancer, "history_of_cancer") == "present"
    pattern = (
        "Rheum referral query: 27M, 8/12 LBP, EMS >1 h, improves with exercise, no better with rest, "
        "alternating buttock pain, wakes in second half of night."
    )
    assert READ.status(KB, pattern, "morning_stiffness_over_30min") == "present"
    assert READ.status(KB, pattern, "not_improved_by_rest") == "present"
    assert READ.status(KB, pattern, "night_pain") == "present"
    assert "inflammatory" in READ.flags(pattern)
    assert READ.status(KB, "LBP 2/52, EMS 10 mins.", "morning_stiffness_over_30min") is None  # too short


def test_the_back_named_with_another_part_and_low_down() -> None:
    cramps = "80M on frusemide for HF, recurrent back and calf cramps over past month. Hypokalaemia on last bloods."
    assert "medication_related" in READ.flags(cramps)
    breath = "Back ache low down for two days and now I really can't breathe properly, even sitting still. No chest pain."
    assert READ.value(KB, breath, "pain_region") == "lower"
    assert "cardiac" not in READ.flags(breath)


def test_a_count_of_paracetamol_within_the_day() -> None:
    text = (
        "taking co-codamol and regular paracetamol together for my back. I've counted carefully and I'm never "
        "over 8 paracetamol in total in 24 hours, so I know I'm not overdosing. 44"
    )
    assert READ.status(KB, text, "paracetamol_overuse") == "absent"
    assert "paracetamol_duplication" in READ.flags(text)


def test_a_lump_that_has_been_there_for_years() -> None:
    text = (
        "There's a soft lump on my lower back but it's been there about 20 years, my GP said it's a lipoma. "
        "The back ache is new since I started sleeping on a saggy mattress, 4 days."
    )
    flags = READ.flags(text)
    assert "back_lump" not in flags
    assert "persistent" not in flags


def test_no_relief_by_rest_alone_is_not_pain_nothing_eases() -> None:
    rest = "27F, eight months of low back pain; it eases with exercise, does not settle with rest, and wakes her at night."
    assert READ.status(KB, rest, "not_improved_by_rest") == "present"
    assert READ.status(KB, rest, "pain_unrelenting") is None
    any_position = "Kidney transplant, on tacrolimus. Lower back pain for 5 days that doesn't ease with rest or any position."
    assert READ.status(KB, any_position, "pain_unrelenting") == "present"
