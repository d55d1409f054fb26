"""What ``parse_answers`` and the medicine reading keep between assessments: the same answers, bounded."""

from __future__ import annotations

import dataclasses

import pytest

from backcare.core import answers, medicines
from backcare.core.answers import AnswerError, derived_findings, parse_answers
from backcare.core.medicines import normalise_medicines
from backcare.knowledge import KnowledgeBase, load_knowledge

KB = load_knowledge()


def _fresh(kb: KnowledgeBase = KB, **changes: object) -> KnowledgeBase:
    """A knowledge base with nothing kept yet (a new instance keeps its own)."""
    return dataclasses.replace(kb, **changes)  # type: ignore[arg-type]


def test_a_number_or_a_choice_given_again_is_the_same_finding() -> None:
    kb = _fresh()
    first = parse_answers({"age": 40, "sex": "male", "pain_score": 6}, kb)
    again = parse_answers({"age": 40, "sex": "male", "pain_score": 6}, kb)
    assert [f.value for f in first] == [40, "male", 6]
    assert all(a is b for a, b in zip(first, again, strict=True))
    assert set(kb.checked_answers) == {("age", 40), ("sex", "male"), ("pain_score", 6)}


@pytest.mark.parametrize(("fid", "value", "held"), [("age", "40", 40), ("age", 40.0, 40), ("sex", " Male ", "male")])
def test_an_answer_written_otherwise_is_read_but_not_kept(fid: str, value: object, held: object) -> None:
    kb = _fresh()
    for _ in range(2):
        (finding,) = parse_answers({fid: value}, kb)
        assert finding.value == held
    assert kb.checked_answers == {}


def test_an_answer_out_of_range_is_refused_every_time() -> None:
    kb = _fresh()
    for _ in range(2):
        with pytest.raises(AnswerError, match="out of range"):
            parse_answers({"age": 500}, kb)
    assert kb.checked_answers == {}


def test_a_kept_answer_is_checked_against_its_own_catalogue() -> None:
    parse_answers({"age": 40}, KB)  # kept by the packaged catalogue
    younger = KB.findings["age"].model_copy(update={"max": 30})
    narrower = _fresh(findings={**KB.findings, "age": younger})
    with pytest.raises(AnswerError, match="out of range"):
        parse_answers({"age": 40}, narrower)


def test_a_yes_or_no_to_a_number_is_refused_even_when_the_number_was_kept() -> None:
    parse_answers({"age": 1}, KB)  # True == 1 in Python: it must not find the kept age of 1
    with pytest.raises(AnswerError, match="whole number"):
        parse_answers({"age": True}, KB)


def test_medicine_names_read_again_give_the_same_medicines() -> None:
    names = ["co-codamol", "Lipitor 20mg", "my blue inhaler", "furosemid"]
    first = normalise_medicines(names, KB)
    assert [m.id for m in first[0]] and first == normalise_medicines(names, KB)


def test_the_medicine_names_kept_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(medicines, "_NAME_CACHE_LIMIT", 3)
    for n in range(10):
        normalise_medicines([f"ibuprofen {n} mg"], KB)
        assert len(medicines._index(KB).name_cache) <= 3


def test_the_medicine_lists_kept_are_bounded_and_read_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    kb = _fresh()
    monkeypatch.setattr(answers, "MEDICINE_LISTS_KEPT", 2)
    lists = [["ibuprofen"], ["warfarin"], ["co-codamol", "Lemsip"], ["atorvastatin"], ["ibuprofen"]]
    for names in lists:
        first = derived_findings({"medications": names}, kb)
        assert derived_findings({"medications": names}, kb) == first
        assert len(kb.medicine_findings) <= 2
    present = {f.id for f in derived_findings({"medications": ["warfarin"]}, kb) if f.status == "present"}
    assert "anticoagulant" in present
