"""How far a "no" or a clinician's "denies" reaches along a list (clinical spec section 1).

A denial covers every item of an "or"/"and" list, however long a clinician's list is; it stops at a
comma that starts a new clause, because a warning sign read as absent is worse than one asked."""

from __future__ import annotations

import datetime as dt

import pytest

from backcare.knowledge import load_knowledge
from text_reading import ReadOn

_ON = ReadOn(dt.date(2026, 12, 2))
status = _ON.status


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


@pytest.mark.parametrize(
    ("text", "fids"),
    [
        (
            "Denies saddle anaesthesia, bladder/bowel dysfunction, fever, wt loss or PMHx Ca.",
            ["saddle_numbness", "fever", "unexplained_weight_loss"],
        ),
        ("Denies numbness, incontinence, fever, weight loss or night sweats.", ["fever", "unexplained_weight_loss"]),
        ("No fever, chills or sweats, just a stiff back.", ["fever"]),
    ],
)
def test_a_denial_covers_its_whole_list(kb, text: str, fids: list[str]) -> None:
    for fid in fids:
        assert status(kb, text, fid) == "absent", fid


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("He denies numbness, his legs are weak and he can't pass urine.", "leg_weakness"),
        ("No fever, but she's lost a stone without trying and is sweating at night.", "unexplained_weight_loss"),
    ],
)
def test_a_denial_stops_where_a_new_clause_starts(kb, text: str, fid: str) -> None:
    assert status(kb, text, fid) != "absent"
