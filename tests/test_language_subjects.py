"""Whose findings a text states, and what survives when a text is not about the back.

A clinician's note or a textbook case names its patient in the third person ("A 52-year-old woman
presents..."); what it says of "she" is the patient's, while "her father" is someone else. A text
that is not about the back still keeps everything the red flags read once a warning sign is there
(clinical spec section 8: the red flags still apply)."""

from __future__ import annotations

import datetime as dt

import pytest

from backcare.knowledge import load_knowledge
from text_reading import ReadOn

_ON = ReadOn(dt.date(2026, 12, 2))
read, status, counted = _ON.read, _ON.status, _ON.counted


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


CASE_NOTES = [
    ("A 52-year-old woman presents with low back pain. She reports losing 7 kg without trying.", 52),
    ("An 81 year old man attends with thoracic back pain. He has lost a stone in weight unintentionally.", 81),
    ("Pt c/o LBP for 10 days. He says he has lost 5 kg without trying.", None),
]


@pytest.mark.parametrize(("text", "age"), CASE_NOTES)
def test_a_case_note_is_about_its_patient(kb, text: str, age: int | None) -> None:
    assert counted(kb, text, "unexplained_weight_loss")
    assert _ON.value(kb, text, "age") == age


@pytest.mark.parametrize(
    "text",
    [
        "A 30-year-old woman has lower back pain after gardening. Her father had bowel cancer.",
        "A 47 year old man presents with back spasm. His brother had prostate cancer last year.",
    ],
)
def test_a_relative_of_the_patient_is_someone_else(kb, text: str) -> None:
    assert status(kb, text, "history_of_cancer") is None


def test_a_child_named_by_age_is_still_someone_else(kb) -> None:
    text = "My back went carrying my 3 year old upstairs."
    assert status(kb, text, "age") is None


@pytest.mark.parametrize(
    ("text", "fid", "value"),
    [
        ("Shooting pain down the back of my left calf into the heel, 9 out of 10.", "pain_score", 9),
        ("It hurts all the time, nothing eases it, 10/10 since last night.", "pain_score", 10),
    ],
)
def test_out_of_scope_a_warning_sign_keeps_what_the_red_flags_read(kb, text: str, fid: str, value: int) -> None:
    assert _ON.value(kb, text, fid) == value


def test_out_of_scope_without_a_warning_sign_nothing_else_is_kept(kb) -> None:
    assert status(kb, "My knee has ached for eight weeks, about 6/10.", "pain_score") is None


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("Got home and collapsed on the couch, now my lower back is stiff.", "collapse"),
        ("I crashed out on the settee after the night shift and woke with a sore back.", "collapse"),
        ("My legs were like jelly after the half marathon and my lower back aches today.", "leg_weakness"),
    ],
)
def test_idioms_of_tiredness_and_workouts_are_not_warning_signs(kb, text: str, fid: str) -> None:
    assert status(kb, text, fid) is None


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("She collapsed on the kitchen floor and her back is agony.", "collapse"),
        ("My legs are like jelly and keep giving way since my back went.", "leg_weakness"),
    ],
)
def test_the_real_signs_beside_those_idioms_still_count(kb, text: str, fid: str) -> None:
    assert counted(kb, text, fid)
