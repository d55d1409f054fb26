"""Rounds 58 to 60 of the reading: Scots negatives ("cannae", "wisnae") and "ma breath", a word
addressing the reader ("Mate, ..."), blood seen on going for a wee (or "a slash"), a bare age as
its own sentence, a medicine for thin bones, a weak stream for years, a fever "gone since Sunday",
a dose taken several times today, and what a search says back pain "can be" (58); Jamaican
"cyaan", a Welsh "Nain" and her age, and a learner's "side of back" that burns on urinating (59); a leg
"becoming weak weak", and the person's own sum of paracetamol, under the maximum as well as over (60)."""

from __future__ import annotations

import datetime as dt

import pytest

from backcare.bootstrap import assess, knowledge, read_text
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def _merged(text: str) -> dict[str, str]:
    return {f.id: f.status for f in read_text(text, KB, TODAY).understanding.findings}


@pytest.mark.parametrize(
    ("text", "finding", "status"),
    [("Back's killing me and a cannae get ma breath right.", "difficulty_breathing", "present"),
     ("Sore back. I cannae feel ma legs since this morning.", "leg_numbness_both_sides", "present"),
     ("Ma back's sore but a didnae have any numbness doon there.", "saddle_numbness", "absent"),
     ("Back pain, it isnae bad, an A can pee fine.", "urinary_retention", "absent")],
)  # fmt: skip
def test_scots_negatives_read_as_their_verb_and_not(text: str, finding: str, status: str) -> None:
    assert READ.status(KB, text, finding) == status


def test_a_word_addressing_the_reader_is_no_one_the_text_is_about() -> None:
    text = "Mate, got this pain that comes in waves from my right loin down into my groin."
    assert _merged(text)["colicky_pain"] == "present"
    other = "My back hurts after the gym. My mate, who had kidney stones, said his pain came in waves."
    assert READ.status(KB, other, "colicky_pain") is None


@pytest.mark.parametrize(
    "text",
    ["Went for a wee and it was pink, definitely blood. Pain in my side.",
     "Had a slash and there was blood, and my side is killing me."],
)  # fmt: skip
def test_blood_seen_on_going_for_a_wee(text: str) -> None:
    assert READ.status(KB, text, "blood_in_urine") == "present"


def test_a_bare_age_is_no_sentence_for_the_model() -> None:
    text = (
        "Mate, got this pain that comes in waves from my right loin down into my groin, rolling round the floor "
        "with it. Went for a slash and it was pink, definitely blood. 41."
    )
    result = assess(text=text, today=TODAY)
    assert result.disposition.value == "urgent" and "kidney" in {h.id for h in result.red_flags}
    assert not any(f.evidence == "41." for f in read_text(text, KB, TODAY).understanding.findings)


def test_a_medicine_for_thin_bones_says_the_bones_are_thin() -> None:
    text = "68F, OP on alendronate. FFS yesterday (tripped on rug). Mid-thoracic pain, T12 point tenderness."
    assert "fracture" in {h.id for h in assess(text=text, today=TODAY).red_flags}


def test_a_weak_stream_for_years_is_not_new_retention() -> None:
    text = (
        "67M. Slow stream for years - urologist says enlarged prostate, nothing new or different. Strained my lower "
        "back lifting a bag of compost Friday, 4/10."
    )
    assert "urinary_retention" not in _merged(text)
    assert READ.status(KB, "Since Monday I have a slow stream and my back is agony.", "urinary_retention") == "present"


def test_a_fever_gone_since_a_day_named_is_over() -> None:
    text = (
        "I had a temperature at the weekend with a cold, gone since Sunday. My lower back has been sore since Monday."
    )
    assert "fever" not in _merged(text)
    assert _merged("Fever since Sunday and my back is agony.")["fever"] == "present"


@pytest.mark.parametrize(
    ("text", "over"),
    [("Back spasms. Today I've had 2 co-codamol 4 times, plus 2 paracetamol at lunch.", True),
     ("Back spasms. Today I've had 2 paracetamol 2 times.", False)],
)  # fmt: skip
def test_a_dose_taken_several_times_today(text: str, over: bool) -> None:
    assert (READ.status(KB, text, "paracetamol_overuse") == "present") is over


def test_what_a_search_says_back_pain_can_be_is_no_history() -> None:
    text = "I googled back pain and it says it can be cancer. I've never had cancer. Sore back 10 days."
    assert READ.status(KB, text, "history_of_cancer") == "absent"
    assert READ.status(KB, "I had breast cancer in 2019 and my back hurts now.", "history_of_cancer") == "present"


# --- Round 59 (from R80) ---------------------------------------------------------------------------


def test_jamaican_cyaan_is_cannot() -> None:
    text = "Mi back hurting bad from Thursday, an now mi cyaan pass water at all since morning. No fever."
    assert READ.status(KB, text, "urinary_retention") == "present"
    assert READ.status(KB, "Mi back sore but mi doan have no trouble pass water.", "urinary_retention") != "present"


def test_a_welsh_nain_is_a_grandmother_with_her_age() -> None:
    text = "Nain is 78. She slipped on the wet step yesterday and landed on her bottom. Sore in her lower back since."
    assert READ.value(KB, text, "age") == 78
    assert "fracture" in {h.id for h in assess(text=text, today=TODAY).red_flags}
    assert not read_text(text, KB, TODAY).to_confirm  # "Nain is 78." is no sentence for the model


def test_a_learners_side_of_back_and_burning_when_i_urinate() -> None:
    text = "Please I have pain at my right side of back near the ribs since two days, and when I urinate it is burning me."
    merged = _merged(text)
    assert merged["back_pain"] == "present" and merged["painful_urination"] == "present"


# --- Round 60 (from R81) ---------------------------------------------------------------------------


def test_a_leg_becoming_weak_and_what_it_could_do_at_first() -> None:
    text = (
        "Sir, my lower back is paining since 10 days. From 3 days my left leg is becoming weak weak. First I could "
        "walk fine, now I am dragging it and today I cannot climb the stairs of my flat."
    )
    assert assess(text=text, today=TODAY).disposition.value == "emergency"
    assert READ.status(KB, "My left leg is weak since Monday, no worse today.", "leg_weakness_worsening") == "absent"


@pytest.mark.parametrize(
    ("text", "status"),
    [("Back ache. I added it all up and I've had 3 g of paracetamol in the last 24 hours, the box says 4 g max.",
      "absent"),
     ("Back pain. I added it all up and it comes to 6 g of paracetamol today.", "present"),
     ("Back pain. I've had 3 g of paracetamol today.", None)],
)  # fmt: skip
def test_the_persons_own_sum_of_paracetamol_decides_either_way(text: str, status: str | None) -> None:
    assert READ.status(KB, text, "paracetamol_overuse") == status
