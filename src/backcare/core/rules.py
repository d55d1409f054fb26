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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

Truth = bool | None
Value = bool | int | str | list[str] | None
Evaluator = Callable[[Mapping[str, Value]], Truth]

_FUNCTIONS = {"unless", "possibly", "at_least"}
_OPERATORS: dict[type[ast.cmpop], str] = {
    ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=",
}  # fmt: skip
_MEMBERSHIP = (ast.In, ast.NotIn)


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

    The tree is compiled into a Python function on first use (see ``_function``): the engine
    evaluates about a hundred rules per assessment, and walking the syntax tree each time was most
    of the cost of an assessment.
    """

    source: str
    tree: ast.expr = field(repr=False, compare=False)
    findings: frozenset[str] = frozenset()

    @cached_property
    def evaluate(self) -> Evaluator:
        """The rule's truth for these facts: True, False or None (unknown). Compiled on first use:
        most rules are evaluated only as part of a group (``compile_rules``), which keeps a third of
        the compiling out of loading the knowledge base."""
        compiled: Evaluator = _function([self.tree], single=True)
        return compiled

    @cached_property
    def _support(self) -> tuple[tuple[str, ...], Callable[[Mapping[str, Value]], tuple[Truth, ...]]]:
        atoms = _support_atoms(self.tree, negated=False)
        return tuple(_finding_of(atom) for atom in atoms), _function(atoms, single=False)

    def supporting(self, facts: Mapping[str, Value]) -> list[str]:
        """Findings whose atoms are true and not under a negation: the rule's "because"."""
        fids, truths = self._support
        return list(dict.fromkeys(fid for fid, truth in zip(fids, truths(facts), strict=True) if truth is True))


def parse_rule(text: str, catalogue: Mapping[str, FindingKind]) -> Rule:
    """Parse and type-check ``text`` against the findings catalogue; raise RuleError on any problem."""
    try:
        tree = ast.parse(text.strip(), mode="eval").body
    except SyntaxError as exc:
        raise RuleError(f"cannot parse rule {text!r}: {exc.msg}") from None
    names: set[str] = set()
    _check(tree, catalogue, names, text)
    if _depth(tree) > MAX_DEPTH:
        raise RuleError(f"rule nested too deeply (more than {MAX_DEPTH} levels): {text!r}")
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
        if type(op) not in _OPERATORS and type(op) not in _MEMBERSHIP:
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
MAX_DEPTH = 30
"""Deeper than any rule a person would write; the compiled function stays well within Python's limits."""


def _depth(node: ast.expr) -> int:
    children = [child for child in ast.iter_child_nodes(node) if isinstance(child, ast.expr)]
    return 1 + max((_depth(child) for child in children), default=0)


def _literal(node: ast.expr) -> Any:
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, (ast.List, ast.Tuple)) and all(isinstance(e, ast.Constant) for e in node.elts):
        return [e.value for e in node.elts]  # type: ignore[attr-defined]
    return _NOT_LITERAL


def compile_rules(rules: Sequence[Rule]) -> Callable[[Mapping[str, Value]], tuple[Truth, ...]]:
    """One function giving every rule's truth for these facts, in order: what the engine calls per
    assessment for a whole group (all red-flag triggers, all contributor supports). Each finding
    is read from the facts once for the group, not once per rule that names it."""
    evaluate_all: Callable[[Mapping[str, Value]], tuple[Truth, ...]] = _function([r.tree for r in rules], single=False)
    return evaluate_all


def _function(trees: Sequence[ast.expr], single: bool) -> Callable[[Mapping[str, Value]], Any]:
    """Checked trees as one Python function, with Kleene (three-valued) logic.

    ``and`` is false as soon as one part is false, true when all are true, else unknown; ``or`` is
    the mirror image; ``not`` keeps unknown unknown. Parts after the deciding one are not evaluated,
    which gives the same answer because evaluation has no side effects.

    The function is generated as Python source and compiled once, on first use: an assessment
    evaluates about a hundred rules, and straight-line code with each finding read once is several
    times faster than a closure per node. The source holds nothing but what
    ``_check`` let through: finding ids (quoted), the operators below and the helpers given in its
    namespace; literals are passed in that namespace, never written into the source.
    """
    writer = _SourceWriter()
    parts = [writer.expression(tree) for tree in trees]
    result = parts[0] if single else f"({''.join(part + ', ' for part in parts)})"
    source = "\n    ".join(["def rules(facts):", "get = facts.get", *writer.reads, f"return {result}"]) + "\n"
    namespace: dict[str, Any] = {"__builtins__": {}, "_in": _contains, "_at_least": _at_least, **writer.literals}
    try:
        exec(compile(source, "<rules>", "exec"), namespace)  # the source is written from checked trees only
    except (SyntaxError, RecursionError, MemoryError):
        raise RuleError("rule nested too deeply") from None
    function: Callable[[Mapping[str, Value]], Any] = namespace["rules"]
    return function


class _SourceWriter:
    """Python source for checked rule trees, each part an expression worth True, False or None.

    ``reads`` are the function's first lines: each finding a rule names, read once into a local
    (``b`` its truth, for a yes/no finding; ``v`` its value, for a comparison).
    """

    def __init__(self) -> None:
        self.reads: list[str] = []
        self.literals: dict[str, Any] = {}
        self._locals: dict[tuple[str, str], str] = {}
        self._count = 0

    def _name(self, prefix: str) -> str:
        self._count += 1
        return f"{prefix}{self._count}"

    def _read(self, fid: str, as_truth: bool) -> str:
        key = (fid, "b" if as_truth else "v")
        if key not in self._locals:
            local = self._locals[key] = self._name(key[1])
            value = f"get({fid!r})"
            self.reads.append(f"{local} = None if ({local} := {value}) is None else not not {local}" if as_truth
                              else f"{local} = {value}")  # fmt: skip
        return self._locals[key]

    def expression(self, node: ast.expr) -> str:
        if isinstance(node, ast.BoolOp):
            return self._bool_op(node)
        if isinstance(node, ast.UnaryOp):  # "not"
            t = self._name("t")
            return f"(None if ({t} := {self.expression(node.operand)}) is None else not {t})"
        if isinstance(node, ast.Name):
            return self._read(node.id, as_truth=True)
        if isinstance(node, ast.Compare):
            value = self._read(node.left.id, as_truth=False)  # type: ignore[attr-defined]
            return f"(None if {value} is None else {self._comparison(value, node)})"
        if isinstance(node, ast.Call):
            return self._call(node)
        raise RuleError(f"unsupported syntax {type(node).__name__}")  # pragma: no cover - checked at parse

    def _bool_op(self, node: ast.BoolOp) -> str:
        """The first deciding part answers; otherwise unknown if any part was."""
        decisive, otherwise = ("False", "True") if isinstance(node.op, ast.And) else ("True", "False")
        temps = [self._name("t") for _ in node.values]
        source = f"(None if {' or '.join(f'{t} is None' for t in temps)} else {otherwise})"
        for t, part in reversed(list(zip(temps, node.values, strict=True))):
            source = f"({decisive} if ({t} := {self.expression(part)}) is {decisive} else {source})"
        return source

    def _comparison(self, value: str, node: ast.Compare) -> str:
        literal = self._name("L")
        self.literals[literal] = _literal(node.comparators[0])
        op = type(node.ops[0])
        if op is ast.In:
            return f"_in({value}, {literal})"
        if op is ast.NotIn:
            return f"not _in({value}, {literal})"
        return f"{value} {_OPERATORS[op]} {literal}"

    def _call(self, node: ast.Call) -> str:
        """``unless``, ``possibly`` and ``at_least`` (names and arguments checked at parse)."""
        name = node.func.id  # type: ignore[attr-defined]
        if name == "unless":
            return f"({self.expression(node.args[0])} is not True)"
        if name == "possibly":
            return f"({self.expression(node.args[0])} is not False)"
        need = node.args[0].value  # type: ignore[attr-defined]
        return f"_at_least({int(need)}, ({''.join(self.expression(a) + ', ' for a in node.args[1:])}))"


def _contains(value: Any, allowed: Any) -> bool:
    """``in``: a list finding is in when any of its items is."""
    return bool(set(value) & set(allowed)) if isinstance(value, list) else value in allowed


def _at_least(need: int, results: tuple[Truth, ...]) -> Truth:
    yes = sum(r is True for r in results)
    if yes >= need:
        return True
    return None if yes + sum(r is None for r in results) >= need else False


def _support_atoms(node: ast.expr, negated: bool) -> list[ast.expr]:
    """The atoms (a finding, or a comparison on one) not under ``not`` or ``unless``, in reading order."""
    if isinstance(node, ast.BoolOp):
        return [atom for value in node.values for atom in _support_atoms(value, negated)]
    if isinstance(node, ast.UnaryOp):
        return _support_atoms(node.operand, not negated)
    if isinstance(node, ast.Call):
        name = node.func.id  # type: ignore[attr-defined]
        args = node.args[1:] if name == "at_least" else node.args
        return [atom for arg in args for atom in _support_atoms(arg, negated or name == "unless")]
    return [node] if isinstance(node, (ast.Name, ast.Compare)) and not negated else []


def _finding_of(atom: ast.expr) -> str:
    return atom.id if isinstance(atom, ast.Name) else atom.left.id  # type: ignore[attr-defined]
