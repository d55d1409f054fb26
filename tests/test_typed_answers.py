"""Typed answers: one reading of "yes", "7" and "a, b" for the web form, the terminal and the options."""

from __future__ import annotations

from typing import Any

import pytest

from backcare.core.answers import AnswerError, answer_from_text, bool_words, parse_answer
from backcare.entrypoints.cli.diary_add import _findings
from backcare.entrypoints.cli.interactive import _convert
from backcare.entrypoints.web.openapi import BOOL_WORDS
from backcare.entrypoints.web.wizard import decode_value
from backcare.knowledge import load_knowledge

KB = load_knowledge()
FEVER, AGE, SEX, MEDICATIONS = (KB.findings[f] for f in ("fever", "age", "sex", "medications"))


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("yes", True),
        (" Y ", True),
        ("true", True),
        ("present", True),
        ("1", True),
        ("no", False),
        ("N", False),
        ("absent", False),
        ("0", False),
        ("?", "possible"),
        ("not sure", "possible"),
        ("maybe", "possible"),
        ("possible", "possible"),
        ("", None),
        ("unknown", None),
        ("skip", None),
        ("banana", "banana"),
    ],
)
def test_yes_no_words(raw: str, value: Any) -> None:
    assert answer_from_text(raw, FEVER) == value


def test_numbers_lists_and_choices() -> None:
    assert answer_from_text(" 42 ", AGE) == 42
    assert answer_from_text("-3", AGE) == -3
    assert answer_from_text("12345678901", AGE) == "12345678901"  # too long for a number: named as wrong
    assert answer_from_text("forty", AGE) == "forty"
    assert answer_from_text("ibuprofen, paracetamol,,", MEDICATIONS) == ["ibuprofen", "paracetamol"]
    assert answer_from_text(" Female ", SEX) == "female"


def test_what_does_not_fit_is_named_by_the_parser() -> None:
    with pytest.raises(AnswerError, match="fever"):
        parse_answer(FEVER, answer_from_text("banana", FEVER))
    with pytest.raises(AnswerError, match="out of range"):
        parse_answer(AGE, answer_from_text("130", AGE))


@pytest.mark.parametrize("raw", ["yes", "n", "?", "not sure", "", "unknown", "7", "-1", "130", "banana", "a, b"])
def test_every_front_end_reads_typed_text_the_same_way(raw: str) -> None:
    for definition in (FEVER, AGE, MEDICATIONS):
        value = answer_from_text(raw, definition)
        assert decode_value(raw, definition) == value  # the web form
        try:
            fits = parse_answer(definition, value) is not None
        except AnswerError:
            fits = False
        assert _convert(definition, raw) == (value if fits else None)  # the terminal: asked again when None


def test_diary_findings_option_uses_the_same_reading() -> None:
    given = ["fever=1", "age=0", "medications=ibuprofen, paracetamol", "leg_weakness", "chest_pain=unknown"]
    assert _findings(given, KB) == {
        "fever": True,
        "age": 0,  # a number, not "no"
        "medications": ["ibuprofen", "paracetamol"],
        "leg_weakness": True,
        "chest_pain": "unknown",  # kept as said: it clears an earlier answer
    }


def test_the_api_lists_exactly_the_yes_no_words_the_parser_takes() -> None:
    assert bool_words() == BOOL_WORDS
    for word in bool_words():
        parse_answer(FEVER, word)  # none raises
    assert {"yes", "no", "possible", "unknown"} <= set(bool_words())
