"""The language data files: every pattern compiles to a valid spaCy pattern, and mistakes in the
data fail loudly at load with the entry named (never a silent non-match)."""

from __future__ import annotations

import pytest

from backcare.adapters.language.anchored import AnchoredMatcher, prune_longest
from backcare.adapters.language.context_rules import ContextRulesError, build_context_rules, load_rules, parse_rules
from backcare.adapters.language.patterns import SEP, PatternError, compile_regex, merge_negations, pattern_words, render
from backcare.adapters.language.pipeline import engine
from backcare.adapters.language.vocabulary import (
    VocabularyError,
    check_patterns,
    load_vocabulary,
    parse_vocabulary,
    validate_against,
)
from backcare.knowledge import load_knowledge

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


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("if_longstanding: [longstanding_leg_symptom]", "longstanding_leg_symptom"),
        ("unless: pregnantt", "pregnantt"),
        ("overrides: [improvng]", "improvng"),
        ("unless: pregnant\n    otherwise: [fluid_leek]", "fluid_leek"),
        ("otherwise: [fluid_leak]", "needs `unless`"),
        ("if_longstanding: [age]", "not a yes/no finding"),
    ],
)
def test_the_revised_entry_fields_name_real_findings(extra: str, message: str) -> None:
    text = MINIMAL.format(finding="leg_numbness_both_sides", pattern="numb legs").replace(
        "    patterns:", f"    {extra}\n    patterns:"
    )
    with pytest.raises(VocabularyError, match=message):
        validate_against(parse_vocabulary(text), load_knowledge().findings)


@pytest.mark.parametrize(
    ("strengths", "message"),
    [("{panadol osteo: 665}", "not a paracetamol product"), ("{panadol: 5000}", "less than or equal to 1000")],
)
def test_a_tablet_strength_names_a_product_and_a_plausible_amount(strengths: str, message: str) -> None:
    products = 'paracetamol_products: ["(paracetamol|panadol)"]\n'
    text = MINIMAL.format(finding="fever", pattern="hot") + products + f"paracetamol_strengths: {strengths}\n"
    with pytest.raises(VocabularyError, match=message):
        check_patterns(parse_vocabulary(text), simple_tokenise)


def test_a_misshapen_file_names_the_problem() -> None:
    with pytest.raises(VocabularyError, match="targets"):
        parse_vocabulary("version: 1\nscope: [{patterns: [back]}]\ntargets: []\n")


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("(pee|wee", "unbalanced"),
        ("@NOPE pee", "unknown macro"),
        ("pee ~x", "gap"),
        ("(a|)", "empty"),
        ("(pee)?", "could match nothing"),
        ("pee (, (wee|pee))*", "group must be followed"),
        ("(pee|wee)s", "group must be followed"),
    ],
)
def test_bad_patterns_are_rejected(pattern: str, message: str) -> None:
    with pytest.raises(PatternError, match=message):
        compile_regex(pattern, {}, simple_tokenise)


def fused(text: str) -> list[str]:
    """Tokens as the pipeline gives them: lower case, "<auxiliary> not" fused into one."""
    return merge_negations(text.lower().replace("can't", "can not").split())


def matches(pattern: str, text: str, macros: dict[str, str] | None = None) -> list[str]:
    """The words each match of ``pattern`` covers in ``text``, longest readings kept."""
    matcher: AnchoredMatcher[str] = AnchoredMatcher()
    matcher.add("p", compile_regex(pattern, macros or {}, lambda w: fused(w)))
    norms = fused(text)
    return [" ".join(norms[start:end]) for _, start, end in prune_longest(matcher(norms))]


def test_the_pattern_language() -> None:
    pattern = "(can't|unable to) ~2 (pee|pass urine) numb*"
    assert matches(pattern, "i can't really pass urine numbly") == ["can not really pass urine numbly"]
    assert matches(pattern, "unable to pee numb") == ["unable to pee numb"]
    assert matches(pattern, "unable to pee") == []
    compiled = compile_regex(pattern, {}, fused)
    assert compiled.first_words == {"can not", "unable"} and not compiled.anywhere
    assert pattern_words("(pee|wee) numb*", {}) == {"pee", "wee", "numb"}


def test_the_longest_reading_wins() -> None:
    assert matches("(lemsip|lemsip max|paracetamol)", "took lemsip max today") == ["lemsip max"]
    assert matches("slept ~2 (funny|in a funny position)", "slept in a funny position") == ["slept in a funny position"]


def test_macros_numbers_and_optional_words() -> None:
    macros = {"PEE": "(pee|pass water)"}
    assert matches("not? able to @PEE", "able to pass water", macros) == ["able to pass water"]
    assert matches("every # ~2 minutes", "it comes every 6 or so minutes") == ["every 6 or so minutes"]
    assert matches("every # ~2 minutes", "every few minutes") == []


def test_a_gap_never_swallows_a_negation() -> None:
    assert matches("legs ~3 weak", "legs feel a bit weak") == ["legs feel a bit weak"]
    assert matches("legs ~3 weak", "legs do not feel weak") == []
    assert matches("legs ~3 weak", "legs fine , arms weak") == []


def test_not_matches_the_fused_auxiliary() -> None:
    assert matches("(not|never) ~2 safe", "it is not safe") == ["is not safe"]
    assert matches("(is|are) not sure", "i am not sure, you are not sure") == ["are not sure"]


def test_every_pattern_compiles() -> None:
    built = engine()
    vocabulary = built.vocabulary
    texts = [p for t in vocabulary.targets for p in t.patterns] + [p for s in vocabulary.scope for p in s.patterns]
    texts += [i if isinstance(i, str) else i.pattern for i in vocabulary.ignore] + vocabulary.paracetamol_products
    for text in texts:
        compiled = compile_regex(text, vocabulary.macros, built.tokenise)
        assert SEP in compiled.regex.pattern, text
        assert compiled.anywhere or compiled.first_words or compiled.first_prefixes or compiled.first_number, text
    assert built.findings.rule_count == len(texts) - sum(len(s.patterns) for s in vocabulary.scope)
    rules = build_context_rules(load_rules(), vocabulary.macros, built.tokenise)
    assert len(rules) == built.context.rule_count


def test_context_rules_must_name_real_default_rules() -> None:
    rules = parse_rules(
        'drop_default: ["no such rule"]\nrules: [{category: FAMILY, direction: FORWARD, patterns: [dad]}]'
    )
    with pytest.raises(ContextRulesError, match="no such rule"):
        build_context_rules(rules, {}, simple_tokenise)


def test_context_rules_reject_unknown_categories() -> None:
    with pytest.raises(ContextRulesError, match="category"):
        parse_rules("rules: [{category: NEIGHBOUR, direction: FORWARD, patterns: [dad]}]")


def _brute_force(matcher: AnchoredMatcher[str], norms: list[str]) -> set[tuple[str, int, int]]:
    """Every pattern tried at every token, with no index and no filter: what the matcher must equal."""
    text, offsets = render(norms)
    token_at = {offset: i for i, offset in enumerate(offsets)}
    found = set()
    for key, rule in matcher.rules():
        for i in range(len(norms)):
            match = rule.regex.match(text, offsets[i])
            end = token_at.get(match.end()) if match else None
            if end is not None and end > i:
                found.add((key, i, end))
    return found


def test_the_word_index_and_filters_find_every_match() -> None:
    """The matcher tries a pattern only at its first words and only in texts holding its required
    words; that must lose nothing against trying every pattern everywhere."""
    built = engine()
    texts = [
        "I can't pee and my legs have gone numb since my back went on Tuesday.",
        "No fever, no numbness, but my left leg keeps giving way and it's getting worse.",
        "Took about 20 paracetamol tablets yesterday, 38 weeks pregnant, waters haven't broken.",
        "Dad is 82 and his back pain wakes him most nights; he can't feel the loo roll when he wipes.",
    ]
    for text in texts:
        doc = built.nlp.make_doc(text)
        norms = [built.normaliser.norm(t.text, None) for t in doc]
        norms = merge_negations(norms)
        for matcher in (built.findings, built.scope):
            assert {(k, s, e) for k, s, e, _ in matcher(norms)} == _brute_force(matcher, norms), text


def test_every_vocabulary_pattern_compiles():
    """Patterns compile lazily in one-off commands; this compiles them all, as a server does at start."""
    from backcare.adapters.language.pipeline import compile_all, engine

    compile_all()
    built = engine()
    assert all(
        rule.regex is not None
        for matcher in (built.findings, built.scope, built.context)
        for _, rule in matcher.rules()
    )
