"""The rule language: parsing is strict, evaluation is three-valued (unknown is not false)."""

import pytest

from backcare.rules import FindingKind, RuleError, parse_rule

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
