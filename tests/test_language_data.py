"""The language data files: every pattern compiles to a valid spaCy pattern, and mistakes in the
data fail loudly at load with the entry named (never a silent non-match)."""

from __future__ import annotations

import pytest
from spacy.schemas import validate_token_pattern

from backcare.knowledge import load_knowledge
from backcare.language.context_rules import ContextRulesError, build_context_rules, load_rules, parse_rules
from backcare.language.patterns import PatternError, compile_pattern, pattern_words
from backcare.language.pipeline import engine
from backcare.language.vocabulary import (
    VocabularyError,
    load_vocabulary,
    parse_vocabulary,
    validate_against,
)

MINIMAL = """
version: 1
scope:
  - patterns: ["my back"]
targets:
  - finding: {finding}
    patterns: ["{pattern}"]
"""


def simple_tokenise(word: str) -> list[str]:
    return word.lower().split()


def test_the_packaged_vocabulary_matches_the_catalogue() -> None:
    validate_against(load_vocabulary(), load_knowledge().findings)


def test_an_unknown_finding_id_is_a_clear_error() -> None:
    vocabulary = parse_vocabulary(MINIMAL.format(finding="urinary_retentoin", pattern="can't pee"))
    with pytest.raises(VocabularyError, match="urinary_retentoin"):
        validate_against(vocabulary, load_knowledge().findings)


def test_a_value_finding_needs_a_value() -> None:
    vocabulary = parse_vocabulary(MINIMAL.format(finding="age", pattern="old"))
    with pytest.raises(VocabularyError, match="not a yes/no finding"):
        validate_against(vocabulary, load_knowledge().findings)


def test_a_misshapen_file_names_the_problem() -> None:
    with pytest.raises(VocabularyError, match="targets"):
        parse_vocabulary("version: 1\nscope: [{patterns: [back]}]\ntargets: []\n")


@pytest.mark.parametrize(
    ("pattern", "message"),
    [("(pee|wee", "unbalanced"), ("@NOPE pee", "unknown macro"), ("pee ~x", "gap"), ("(a|)", "empty")],
)
def test_bad_patterns_are_rejected(pattern: str, message: str) -> None:
    with pytest.raises(PatternError, match=message):
        compile_pattern(pattern, {}, simple_tokenise)


def test_the_pattern_language() -> None:
    patterns = compile_pattern("(can't|unable to) ~2 (pee|pass urine) numb*", {}, simple_tokenise)
    assert len(patterns) == 4  # two lengths of each group
    first = patterns[0]
    assert {"NORM": {"NOT_IN": first[1]["NORM"]["NOT_IN"]}, "OP": "{0,2}"} in first
    assert first[-1] == {"NORM": {"REGEX": r"^(?:numb\S*)$"}}
    assert pattern_words("(pee|wee) numb*", {}) == {"pee", "wee", "numb"}


def test_a_gap_never_swallows_a_negation() -> None:
    gap = compile_pattern("legs ~3 weak", {}, simple_tokenise)[0][1]
    assert {"not", "no", "never", "do not", "can not"} <= set(gap["NORM"]["NOT_IN"])


def test_every_compiled_pattern_is_valid_for_spacy() -> None:
    built = engine()
    vocabulary = built.vocabulary
    texts = [p for t in vocabulary.targets for p in t.patterns] + [p for s in vocabulary.scope for p in s.patterns]
    texts += vocabulary.ignore + vocabulary.paracetamol_products
    for text in texts:
        for pattern in compile_pattern(text, vocabulary.macros, built.tokenise):
            assert not validate_token_pattern(pattern), text
    for rule in build_context_rules(load_rules(), vocabulary.macros, built.tokenise):
        if isinstance(rule.pattern, list):
            assert not validate_token_pattern(rule.pattern), rule.literal


def test_context_rules_must_name_real_default_rules() -> None:
    rules = parse_rules('drop_default: ["no such rule"]\nrules: [{category: FAMILY, direction: FORWARD, patterns: [dad]}]')
    with pytest.raises(ContextRulesError, match="no such rule"):
        build_context_rules(rules, {}, simple_tokenise)


def test_context_rules_reject_unknown_categories() -> None:
    with pytest.raises(ContextRulesError, match="category"):
        parse_rules("rules: [{category: NEIGHBOUR, direction: FORWARD, patterns: [dad]}]")
