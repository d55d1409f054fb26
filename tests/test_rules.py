"""The rule language: parsing is strict, evaluation is three-valued (unknown is not false)."""

import ast
import itertools
import random

import pytest

from backcare.core.rules import FindingKind, RuleError, compile_rules, parse_rule

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


# --- The compiled functions against a tree-walking oracle, on many generated expressions ----------


def _oracle(node: ast.expr, facts: dict) -> bool | None:
    """Kleene logic walked over the tree, independently of the compiled code."""
    if isinstance(node, ast.BoolOp):
        values = [_oracle(v, facts) for v in node.values]
        return _and(*values) if isinstance(node.op, ast.And) else _or(*values)
    if isinstance(node, ast.UnaryOp):
        return _not(_oracle(node.operand, facts))
    if isinstance(node, ast.Name):
        return facts.get(node.id)
    if isinstance(node, ast.Compare):
        value, literal = facts.get(node.left.id), ast.literal_eval(node.comparators[0])
        if value is None:
            return None
        compare = {ast.GtE: lambda: value >= literal, ast.Lt: lambda: value < literal,
                   ast.In: lambda: value in literal, ast.NotIn: lambda: value not in literal}  # fmt: skip
        return compare[type(node.ops[0])]()
    name, args = node.func.id, node.args
    if name == "unless":
        return _oracle(args[0], facts) is not True
    if name == "possibly":
        return _oracle(args[0], facts) is not False
    results = [_oracle(a, facts) for a in args[1:]]
    need, yes, maybe = args[0].value, results.count(True), results.count(None)
    return True if yes >= need else (None if yes + maybe >= need else False)


def _expression(rnd: random.Random, depth: int) -> str:
    atoms = ["a", "b", "c", "age >= 70", "age < 18", "region in ['upper', 'middle']", "region not in ['lower']"]
    if depth == 0 or rnd.random() < 0.3:
        return rnd.choice(atoms)
    kind = rnd.choice(["and", "or", "not", "unless", "possibly", "at_least"])
    parts = [_expression(rnd, depth - 1) for _ in range(rnd.randint(2, 3))]
    if kind in ("and", "or"):
        return "(" + f" {kind} ".join(parts) + ")"
    if kind == "not":
        return f"not ({parts[0]})"
    if kind == "at_least":
        return f"at_least({rnd.randint(1, len(parts))}, {', '.join(parts)})"
    return f"{kind}({parts[0]})"


def test_compiled_rules_agree_with_the_oracle_on_generated_expressions():
    rnd = random.Random(20261203)
    texts = [_expression(rnd, 4) for _ in range(150)]
    parsed = [rule(text) for text in texts]
    together = compile_rules(parsed)
    choices = {"a": [True, False, None], "b": [True, False, None], "c": [True, False, None],
               "age": [None, 10, 40, 80], "region": [None, "lower", "upper"]}  # fmt: skip
    for combo in itertools.product(*choices.values()):
        facts = {name: v for name, v in zip(choices, combo, strict=True) if v is not None}
        expected = [_oracle(r.tree, facts) for r in parsed]
        assert [r.evaluate(facts) for r in parsed] == expected, facts
        assert list(together(facts)) == expected, facts


def test_a_rule_nested_beyond_reason_is_refused_at_load():
    with pytest.raises(RuleError, match="nested too deeply"):
        rule("not " * 40 + "a")
    assert rule("not " * 28 + "a").evaluate({"a": True}) is True
