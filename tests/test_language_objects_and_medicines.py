"""Round 160 of the reading (from R399 to R402, the sets that measured round 159): a "her" one helps
is no owner of the back, cancer told by the medicine that treats it or only as a place of work, one
of a coach's squad, a note's "stable >2y" and "sensation intact both legs", and a count of tablets
kept under the maximum."""

from __future__ import annotations

import datetime as dt

from backcare.adapters.learned.telling_words import NEEDS_WORDS
from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 6)
READ = ReadOn(TODAY)
KB = knowledge()


def test_someone_helped_does_not_own_the_back() -> None:
    text = (
        "My brother's having chemo for bowel cancer and I've been driving him about and helping him "
        "with the shopping. Lower back stiff since Friday."
    )
    assert not READ.counted(KB, text, "history_of_cancer")


def test_a_cancer_told_by_its_medicine() -> None:
    assert READ.status(KB, "68M on bicalutamide, new mid back pain for a week.", "history_of_cancer") == "present"
    assert not READ.counted(KB, "On letrozole for IVF and my lower back aches.", "history_of_cancer")


def test_a_cancer_unit_as_a_place_of_work() -> None:
    text = "I work as a receptionist in the oncology department and my back aches from the chairs."
    assert not READ.counted(KB, text, "history_of_cancer")


def test_one_of_a_coachs_squad() -> None:
    assert READ.value(KB, "Swim coach: one of my squad, 12, has had back pain for a fortnight.", "age") == 12


def test_stable_for_years_in_a_note() -> None:
    text = "68M, known canal stenosis, bilat leg ache on walking stable >3y, acute LBP 2/7, no bladder or bowel sx."
    flags = READ.flags(text)
    assert "cauda_equina" not in flags
    assert "longstanding_neuro" in flags


def test_an_examination_found_normal_is_no_leg_symptom() -> None:
    def tells_both_legs(sentence: str) -> bool:
        return all(words.search(sentence) for words in NEEDS_WORDS["leg_pain_both_sides"])

    assert not tells_both_legs("Sensation intact both legs.")
    assert tells_both_legs("Shooting pain down both legs since this morning.")


def test_tablets_kept_under_the_maximum() -> None:
    text = "Co-codamol and Panadol for my back, but I keep it under 8 tablets a day in total."
    assert READ.status(KB, text, "paracetamol_overuse") == "absent"
    assert "paracetamol_duplication" in READ.flags(text)
