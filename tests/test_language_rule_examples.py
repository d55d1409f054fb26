"""Every rule of the vocabulary carries its own examples, and they run here through the rule reader.

Each ``targets`` and ``scope`` entry of ``vocabulary.yaml`` has an ``id`` and sentences that must
fire it (``fires``) and near misses that must not (``silent``). A ``fires`` sentence must match
the entry itself (not only some other rule reading the same finding) and be read the entry's way:
counted (present or possible) for an affirming entry, absent for a reassuring or ``only_negated``
one, the entry's value for a graded one. A ``silent`` sentence must not give the entry's main
finding that reading as the person's own. The rules alone are tested: no sentence model.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

import pytest

from backcare.adapters.language import Understanding, understand
from backcare.adapters.language.normalise import clean
from backcare.adapters.language.pipeline import analyse
from backcare.adapters.language.vocabulary import ScopeEntry, Target, load_vocabulary
from backcare.knowledge import load_knowledge

TODAY = dt.date(2025, 6, 5)
COUNTED = ("present", "possible")


@cache
def _kb() -> Any:
    return load_knowledge()


def _understand(text: str) -> Understanding:
    return understand(text, _kb(), TODAY)


def _matched(label: str, index: int, text: str) -> bool:
    """Whether the entry itself matched the text (after masking by longer or ignored matches)."""
    analysis = analyse(clean(text).text, TODAY)
    return any(m.label == label and m.index == index for m in analysis.mentions)


def _reading(entry: Target, fid: str, found: dict[str, Any]) -> str | None:
    """Why ``found`` does not read ``fid`` the entry's way, or None when it does."""
    finding = found.get(fid)
    status = finding.status if finding else None
    if entry.value is not None:
        value = finding.value if finding else None
        return None if value == entry.value else f"{fid} read as {value!r}, not {entry.value!r}"
    if entry.only_negated or entry.status == "absent":
        return None if status == "absent" else f"{fid} read as {status}, not absent"
    return None if status in COUNTED else f"{fid} read as {status}, not present or possible"


def target_fires(index: int, entry: Target, text: str) -> str | None:
    """The problem with a ``fires`` example of a target entry, or None."""
    if not _matched("target", index, text):
        return "the entry did not match"
    found = {f.id: f for f in _understand(text).findings}
    problems = [p for fid in entry.ids if (p := _reading(entry, fid, found))]
    return "; ".join(problems) or None


def target_silent(entry: Target, text: str) -> str | None:
    """The problem with a ``silent`` example of a target entry (its main finding read its way), or None."""
    found = {f.id: f for f in _understand(text).findings}
    main = entry.ids[0]
    if _reading(entry, main, found) is None:
        return f"{main} read as {found[main].status} ({found[main].evidence!r})"
    return None


def _back_pain_counted(reading: Understanding) -> bool:
    return any(f.id == "back_pain" and f.status in COUNTED for f in reading.findings)


def _region(reading: Understanding) -> object:
    return next((f.value for f in reading.findings if f.id == "pain_region"), None)


def scope_fires(index: int, entry: ScopeEntry, text: str) -> str | None:
    """The problem with a ``fires`` example of a scope entry, or None: a region entry reads back
    pain in its region; a sciatica entry puts the text in scope; an ignore entry masks the back."""
    reading = _understand(text)
    if entry.ignore:
        return "back pain was read" if _back_pain_counted(reading) else None
    if not _matched("scope", index, text):
        return "the entry did not match"
    if not entry.back_pain:
        return None if reading.in_scope else "the text was not read as about the back"
    if not _back_pain_counted(reading):
        return "back pain was not read"
    if entry.region and _region(reading) != entry.region:
        return f"pain region read as {_region(reading)!r}, not {entry.region!r}"
    return None


def scope_silent(entry: ScopeEntry, text: str) -> str | None:
    """The problem with a ``silent`` example of a scope entry, or None."""
    reading = _understand(text)
    if entry.ignore:
        return None if _back_pain_counted(reading) else "back pain was not read"
    if entry.region:
        return f"pain region read as {entry.region!r}" if _region(reading) == entry.region else None
    if not entry.back_pain:
        return "the text was read as about the back" if reading.in_scope else None
    return "back pain was read" if _back_pain_counted(reading) else None


def _cases(kind: str) -> list[Any]:
    vocabulary = load_vocabulary()
    cases: list[Any] = []
    for section, entries in (("targets", vocabulary.targets), ("scope", vocabulary.scope)):
        for index, entry in enumerate(entries):
            examples = getattr(entry.examples, kind) if entry.examples else []
            for n, text in enumerate(examples, 1):
                cases.append(pytest.param(section, index, text, id=f"{entry.id}-{kind}{n}"))
    return cases


@pytest.mark.parametrize(("section", "index", "text"), _cases("fires"))
def test_fires(section: str, index: int, text: str) -> None:
    vocabulary = load_vocabulary()
    if section == "targets":
        problem = target_fires(index, vocabulary.targets[index], text)
    else:
        problem = scope_fires(index, vocabulary.scope[index], text)
    assert problem is None, f"{text!r}: {problem}"


@pytest.mark.parametrize(("section", "index", "text"), _cases("silent"))
def test_silent(section: str, index: int, text: str) -> None:
    vocabulary = load_vocabulary()
    if section == "targets":
        problem = target_silent(vocabulary.targets[index], text)
    else:
        problem = scope_silent(vocabulary.scope[index], text)
    assert problem is None, f"{text!r}: {problem}"


def test_every_rule_has_examples() -> None:
    vocabulary = load_vocabulary()
    for entry in [*vocabulary.targets, *vocabulary.scope]:
        assert entry.id, entry
        assert entry.examples is not None and len(entry.examples.fires) >= 2 and entry.examples.silent, entry.id


# --- the checks at load: every rule named, with its file and line --------------------------------

RULES = """
version: 1
scope:
  - id: scope.back
    patterns: ["my back"]
    examples: {{fires: ["my back hurts", "my back aches"], silent: ["come back"]}}
targets:
  - id: {first}
    finding: urinary_retention
    patterns: ["can't pee"]
    examples:
      fires: ["I can't pee", "my back hurts and I can't pee"]
      silent: [{silent}]
  - id: urinary_retention.second
    finding: urinary_retention
    patterns: ["can't wee"]
    examples: {{fires: ["I can't wee", "can't wee at all"], silent: ["no trouble weeing"]}}
"""


def _rules(first: str = "urinary_retention.first", silent: str = '"no trouble peeing"') -> str:
    return RULES.format(first=first, silent=silent)


def test_a_well_formed_rule_file_loads() -> None:
    from backcare.adapters.language.vocabulary import parse_vocabulary

    vocabulary = parse_vocabulary(_rules(), complete=True)
    assert [t.id for t in vocabulary.targets] == ["urinary_retention.first", "urinary_retention.second"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (_rules(first="urinary_retention.second"), r"vocabulary.yaml:14: targets\[1\].*already used by targets\[0\]"),
        (_rules(first="retention.first"), r"vocabulary.yaml:8: targets\[0\].*after 'urinary_retention.'"),
        (_rules(first="urinary_retention.First"), r"targets\[0\] \(urinary_retention.First\): id"),
        (_rules(silent="3"), r"vocabulary.yaml:8: targets\[0\] \(urinary_retention.first\): examples.silent.0"),
        (_rules(silent='"I can\'t pee"'), r"targets\[0\].*given twice"),
        (_rules().replace(', "my back aches"', ""), r"vocabulary.yaml:4: scope\[0\] \(scope.back\): examples.fires"),
        (
            _rules().replace("  - id: urinary_retention.second\n    finding", "  - finding"),
            r"targets\[1\].*needs an `id`",
        ),
    ],
)
def test_rule_ids_and_examples_are_checked_at_load(text: str, message: str) -> None:
    from backcare.adapters.language.vocabulary import VocabularyError, parse_vocabulary

    with pytest.raises(VocabularyError, match=message):
        parse_vocabulary(text, complete=True)


# --- the rule's id travels to the explanation ------------------------------------------------------


def test_the_rule_id_is_kept_with_each_reading() -> None:
    ids = understand("My lower back hurts and I can't feel the loo roll when I wipe. I'm 54.", _kb(), TODAY).rules
    assert ids["saddle_numbness"] == "saddle_numbness.numb_saddle"
    assert ids["back_pain"].startswith("scope.") and ids["pain_region"] == "scope.lower_back"
    assert "age" not in ids  # read from a number, not by a vocabulary rule


def test_explain_names_the_rule() -> None:
    from backcare.adapters.learned.explain import explain

    result = explain("I can't feel the toilet paper when I wipe. I'm 54.", _kb(), TODAY)
    details = [r.detail for s in result.sentences for r in s.rules]
    assert "rule saddle_numbness.numb_saddle, on “can't feel the toilet paper when I wipe”" in details
    assert any(d.startswith("rule reader, on “") for d in details)  # the age, read from a number
