"""A small, safe rule language for the knowledge base, evaluated with three-valued logic.

Clinicians write triggers as readable expressions in the data files, for example
``minor_trauma and (age >= 70 or osteoporosis or long_term_steroids)``. Expressions are parsed
with Python's ``ast`` module and only a whitelist of node types is accepted, so a data file can
never run code. Evaluation is Kleene logic: a finding nobody has answered is ``None`` (unknown),
never ``False``. That is what lets the engine tell "this red flag cannot fire" from "this red
flag might fire if we asked", which drives next-question selection and keeps unknown from being
read as fine.

Functions available in expressions:

- ``unless(x)``: true unless ``x`` is known to be true (unknown counts as "not ruled in").
- ``possibly(x)``: true unless ``x`` is known to be false.
- ``at_least(n, a, b, ...)``: at least ``n`` of the conditions are true.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

Truth = bool | None
Value = bool | int | str | list[str] | None
Evaluator = Callable[[Mapping[str, Value]], Truth]

_FUNCTIONS = {"unless", "possibly", "at_least"}
_COMPARE_OPS: dict[type[ast.cmpop], Callable[[Any, Any], bool]] = {
    ast.Eq: lambda a, b: a == b,
    ast.NotEq: lambda a, b: a != b,
    ast.Lt: lambda a, b: a < b,
    ast.LtE: lambda a, b: a <= b,
    ast.Gt: lambda a, b: a > b,
    ast.GtE: lambda a, b: a >= b,
    ast.In: lambda a, b: (a in b) if not isinstance(a, list) else bool(set(a) & set(b)),
    ast.NotIn: lambda a, b: (a not in b) if not isinstance(a, list) else not (set(a) & set(b)),
}


class RuleError(ValueError):
    """A rule expression that is malformed or refers to something the catalogue lacks."""


@dataclass(frozen=True)
class FindingKind:
    """What the rule checker needs to know about a finding to type-check an expression."""

    type: str  # bool | int | enum | list
    values: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rule:
    """A parsed, validated expression. ``source`` keeps the text for messages and review.

    The tree is compiled into plain Python closures once, when the rule is made: the engine
    evaluates a few hundred rules per assessment, and walking the syntax tree each time (with a
    type check per node) was most of the cost of an assessment.
    """

    source: str
    tree: ast.expr = field(repr=False, compare=False)
    findings: frozenset[str] = frozenset()
    evaluate: Evaluator = field(init=False, repr=False, compare=False)
    """The rule's truth for these facts: True, False or None (unknown)."""
    _support: tuple[tuple[str, Evaluator], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # A frozen dataclass sets its derived fields through object.__setattr__.
        object.__setattr__(self, "evaluate", _compile(self.tree))
        object.__setattr__(self, "_support", tuple(_support_atoms(self.tree, negated=False)))

    def supporting(self, facts: Mapping[str, Value]) -> list[str]:
        """Findings whose atoms are true and not under a negation: the rule's "because"."""
        return list(dict.fromkeys(fid for fid, atom in self._support if atom(facts) is True))


def parse_rule(text: str, catalogue: Mapping[str, FindingKind]) -> Rule:
    """Parse and type-check ``text`` against the findings catalogue; raise RuleError on any problem."""
    try:
        tree = ast.parse(text.strip(), mode="eval").body
    except SyntaxError as exc:
        raise RuleError(f"cannot parse rule {text!r}: {exc.msg}") from None
    names: set[str] = set()
    _check(tree, catalogue, names, text)
    return Rule(source=text.strip(), tree=tree, findings=frozenset(names))


def _check(node: ast.expr, cat: Mapping[str, FindingKind], names: set[str], text: str) -> None:
    def fail(msg: str) -> RuleError:
        return RuleError(f"{msg} in rule {text!r}")

    if isinstance(node, ast.BoolOp):
        for value in node.values:
            _check(value, cat, names, text)
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        _check(node.operand, cat, names, text)
    elif isinstance(node, ast.Name):
        kind = cat.get(node.id)
        if kind is None:
            raise fail(f"unknown finding {node.id!r}")
        if kind.type != "bool":
            raise fail(f"{node.id!r} is {kind.type}, so it needs a comparison")
        names.add(node.id)
    elif isinstance(node, ast.Compare):
        if len(node.ops) != 1 or not isinstance(node.left, ast.Name):
            raise fail("a comparison must be 'finding OP value'")
        kind = cat.get(node.left.id)
        if kind is None:
            raise fail(f"unknown finding {node.left.id!r}")
        op, right = node.ops[0], node.comparators[0]
        if type(op) not in _COMPARE_OPS:
            raise fail("unsupported comparison")
        literal = _literal(right)
        if literal is _NOT_LITERAL:
            raise fail("the right side of a comparison must be a literal")
        if kind.type == "int" and not (isinstance(literal, int) and not isinstance(literal, bool)):
            raise fail(f"{node.left.id!r} is a number and must be compared with a number")
        if kind.type == "enum":
            allowed = literal if isinstance(literal, list) else [literal]
            bad = [v for v in allowed if v not in kind.values]
            if bad:
                raise fail(f"{bad} not among the values of {node.left.id!r} {list(kind.values)}")
        names.add(node.left.id)
    elif isinstance(node, ast.Call):
        if not isinstance(node.func, ast.Name) or node.func.id not in _FUNCTIONS or node.keywords:
            raise fail("only unless(), possibly() and at_least() may be called")
        args = node.args
        if node.func.id == "at_least":
            if len(args) < 2 or not (isinstance(args[0], ast.Constant) and isinstance(args[0].value, int)):
                raise fail("at_least needs a count and at least one condition")
            args = args[1:]
        elif len(args) != 1:
            raise fail(f"{node.func.id}() takes one condition")
        for arg in args:
            _check(arg, cat, names, text)
    else:
        raise fail(f"unsupported syntax {type(node).__name__}")


_NOT_LITERAL = object()


def _literal(node: ast.expr) -> Any:
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, (ast.List, ast.Tuple)) and all(isinstance(e, ast.Constant) for e in node.elts):
        return [e.value for e in node.elts]  # type: ignore[attr-defined]
    return _NOT_LITERAL


def _compile(node: ast.expr) -> Evaluator:
    """The expression as a function of the facts, with Kleene (three-valued) logic.

    ``and`` is false as soon as one part is false, true when all are true, else unknown; ``or`` is
    the mirror image; ``not`` keeps unknown unknown. Stopping at the first deciding part gives
    the same answer as evaluating every part, because evaluation has no side effects.
    """
    if isinstance(node, ast.BoolOp):
        return _compile_bool_op(node)
    if isinstance(node, ast.UnaryOp):
        operand = _compile(node.operand)

        def negation(facts: Mapping[str, Value]) -> Truth:
            value = operand(facts)
            return None if value is None else not value

        return negation
    if isinstance(node, ast.Name):
        name = node.id

        def finding(facts: Mapping[str, Value]) -> Truth:
            value = facts.get(name)
            return None if value is None else bool(value)

        return finding
    if isinstance(node, ast.Compare):
        left_name: str = node.left.id  # type: ignore[attr-defined]
        compare = _COMPARE_OPS[type(node.ops[0])]
        literal = _literal(node.comparators[0])

        def comparison(facts: Mapping[str, Value]) -> Truth:
            left = facts.get(left_name)
            return None if left is None else compare(left, literal)

        return comparison
    if isinstance(node, ast.Call):
        return _compile_call(node)
    raise RuleError(f"unsupported syntax {type(node).__name__}")  # pragma: no cover - checked at parse


def _compile_bool_op(node: ast.BoolOp) -> Evaluator:
    """``and``/``or``: the first deciding part answers; otherwise unknown if any part was."""
    parts = [_compile(v) for v in node.values]
    decisive, otherwise = (False, True) if isinstance(node.op, ast.And) else (True, False)

    def bool_op(facts: Mapping[str, Value]) -> Truth:
        result: Truth = otherwise
        for part in parts:
            value = part(facts)
            if value is decisive:
                return decisive
            if value is None:
                result = None
        return result

    return bool_op


def _compile_call(node: ast.Call) -> Evaluator:
    """``unless``, ``possibly`` and ``at_least`` (names and arguments checked at parse)."""
    name = node.func.id  # type: ignore[attr-defined]
    if name == "unless":
        inner = _compile(node.args[0])
        return lambda facts: inner(facts) is not True
    if name == "possibly":
        inner = _compile(node.args[0])
        return lambda facts: inner(facts) is not False
    need: int = node.args[0].value  # type: ignore[attr-defined]
    conditions = [_compile(a) for a in node.args[1:]]

    def at_least(facts: Mapping[str, Value]) -> Truth:
        results = [c(facts) for c in conditions]
        yes = sum(r is True for r in results)
        maybe = sum(r is None for r in results)
        if yes >= need:
            return True
        return None if yes + maybe >= need else False

    return at_least


def _support_atoms(node: ast.expr, negated: bool) -> list[tuple[str, Evaluator]]:
    """The atoms (a finding, or a comparison on one) not under ``not`` or ``unless``, in reading order."""
    if isinstance(node, ast.BoolOp):
        return [atom for value in node.values for atom in _support_atoms(value, negated)]
    if isinstance(node, ast.UnaryOp):
        return _support_atoms(node.operand, not negated)
    if isinstance(node, ast.Call):
        name = node.func.id  # type: ignore[attr-defined]
        args = node.args[1:] if name == "at_least" else node.args
        return [atom for arg in args for atom in _support_atoms(arg, negated or name == "unless")]
    if isinstance(node, (ast.Name, ast.Compare)) and not negated:
        fid = node.id if isinstance(node, ast.Name) else node.left.id  # type: ignore[attr-defined]
        return [(fid, _compile(node))]
    return []
