"""The rule language: parsing is strict, evaluation is three-valued (unknown is not false)."""

import pytest

from backcare.core.rules import FindingKind, RuleError, parse_rule

CAT = {
    "fever": FindingKind("bool"),
    "improving": FindingKind("bool"),
    "a": FindingKind("bool"),
    "b": FindingKind("bool"),
    "c": FindingKind("bool"),
    "age": FindingKind("int"),
    "region": FindingKind("enum", ("lower", "middle", "upper")),
}


def rule(text: str):
    return parse_rule(text, CAT)


@pytest.mark.parametrize(
    ("text", "facts", "expected"),
    [
        ("fever", {}, None),
        ("fever", {"fever": True}, True),
        ("fever and age >= 70", {"fever": True}, None),
        ("fever and age >= 70", {"fever": False}, False),
        ("fever or age >= 70", {"age": 71}, True),
        ("fever or age >= 70", {"age": 69}, None),
        ("not fever", {}, None),
        ("unless(improving)", {}, True),
        ("unless(improving)", {"improving": True}, False),
        ("possibly(region in ['upper', 'middle'])", {}, True),
        ("possibly(region in ['upper', 'middle'])", {"region": "lower"}, False),
        ("at_least(2, a, b, c)", {"a": True}, None),
        ("at_least(2, a, b, c)", {"a": True, "b": False, "c": False}, False),
        ("at_least(2, a, b, c)", {"a": True, "c": True}, True),
    ],
)
def test_three_valued_evaluation(text, facts, expected):
    assert rule(text).evaluate(facts) is expected


def test_supporting_findings_exclude_negated_atoms():
    r = rule("fever and age >= 70 and unless(improving)")
    assert r.supporting({"fever": True, "age": 80, "improving": False}) == ["fever", "age"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("fevr", "unknown finding 'fevr'"),
        ("age", "needs a comparison"),
        ("age >= 'old'", "compared with a number"),
        ("region == 'left'", "not among the values"),
        ("__import__('os')", "only unless"),
        ("fever +", "cannot parse"),
        ("fever if a else b", "unsupported syntax"),
    ],
)
def test_bad_rules_are_rejected_with_a_reason(text, message):
    with pytest.raises(RuleError, match=message):
        rule(text)


# Kleene logic as an order False < unknown < True: "and" is the minimum, "or" the maximum, "not"
# the mirror image. An independent statement of the semantics to check the evaluator against.
_RANK = {False: 0, None: 1, True: 2}
_TRUTH = {0: False, 1: None, 2: True}


def _and(*xs):
    return _TRUTH[min(_RANK[x] for x in xs)]


def _or(*xs):
    return _TRUTH[max(_RANK[x] for x in xs)]


def _not(x):
    return _TRUTH[2 - _RANK[x]]


@pytest.mark.parametrize(
    ("text", "oracle"),
    [
        ("a and b and c", lambda a, b, c: _and(a, b, c)),
        ("a or b or c", lambda a, b, c: _or(a, b, c)),
        ("a and b or c", lambda a, b, c: _or(_and(a, b), c)),
        ("not (a or b) and c", lambda a, b, c: _and(_not(_or(a, b)), c)),
        ("a and (b or not c)", lambda a, b, c: _and(a, _or(b, _not(c)))),
        ("not a or not (b and c)", lambda a, b, c: _or(_not(a), _not(_and(b, c)))),
    ],
)
def test_evaluation_matches_kleene_logic_for_every_combination(text, oracle):
    values = [True, False, None]
    for a in values:
        for b in values:
            for c in values:
                facts = {name: v for name, v in zip("abc", (a, b, c), strict=True) if v is not None}
                assert rule(text).evaluate(facts) is oracle(a, b, c), (text, a, b, c)


@pytest.mark.parametrize(
    ("text", "facts", "expected"),
    [
        ("at_least(1, a, not b)", {"b": False}, True),
        ("at_least(2, a, not b, c)", {"a": True}, None),
        ("unless(a and b)", {"a": False}, True),
        ("possibly(age >= 70 and fever)", {"age": 50}, False),
        ("region in ['upper', 'middle'] or age < 18", {"region": "lower"}, None),
    ],
)
def test_functions_and_comparisons_inside_other_expressions(text, facts, expected):
    assert rule(text).evaluate(facts) is expected


def test_supporting_findings_are_listed_once_in_reading_order_and_double_negation_counts():
    assert rule("a or (fever and a) or b").supporting({"fever": True, "a": True, "b": True}) == ["a", "fever", "b"]
    assert rule("not (not fever) and unless(a)").supporting({"fever": True, "a": False}) == ["fever"]
    assert rule("at_least(2, a, b, c)").supporting({"a": True, "b": False, "c": True}) == ["a", "c"]
