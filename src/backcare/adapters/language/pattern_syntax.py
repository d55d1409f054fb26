"""The vocabulary's pattern language parsed into alternatives of atoms (one token position
each); ``patterns`` compiles them to regular expressions. The grammar is described there."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

MAX_EXPANSIONS = 2000


MAX_DEPTH = 6


class PatternError(ValueError):
    """A vocabulary pattern that cannot be compiled; the message quotes the pattern."""


@dataclass(frozen=True)
class Atom:
    """One token position: any of ``words``, a gap of up to ``gap`` tokens, or a macro's phrase."""

    words: tuple[str, ...] = ()
    gap: int = 0
    macro: str | None = None
    optional: bool = False


Sequence_ = tuple[Atom, ...]


def _split_top(text: str, sep: str) -> list[str]:
    """Split ``text`` on ``sep`` where it is not inside parentheses."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == sep and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def _closing(text: str, start: int, pattern: str) -> int:
    """Where the group opening at ``text[start]`` closes."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return i
    raise PatternError(f"unbalanced parentheses in {pattern!r}")


def is_regex(word: str) -> bool:
    """Whether a word is a regular expression ("/^(19|20)\\d\\d$/")."""
    return len(word) > 2 and word.startswith("/") and word.endswith("/")


def is_special(word: str) -> bool:
    """Whether a word is more than a plain word: a prefix, a number, the clause end or a regex."""
    return (word.endswith("*") and len(word) > 1) or word in ("#", "$") or is_regex(word)


def parse_sequence(
    text: str, macros: Mapping[str, str], pattern: str, depth: int, inline: bool = True
) -> list[list[Sequence_]]:
    """A sequence of elements; each element is its list of alternative atom sequences.

    With ``inline`` false, a macro stays one atom (``pattern_words`` lists the words a pattern
    names without those of its macros).
    """
    if depth > MAX_DEPTH:
        raise PatternError(f"groups or macros nested too deeply in {pattern!r}")
    elements: list[list[Sequence_]] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if ch == ")":
            raise PatternError(f"unbalanced parentheses in {pattern!r}")
        if ch == "(":
            element, i = _parse_group(text, i, macros, pattern, depth, inline)
        elif ch == "/":
            element, i = _parse_regex_word(text, i, pattern)
        else:
            j = i
            while j < len(text) and not text[j].isspace() and text[j] not in "()":
                j += 1
            element = _parse_word(text[i:j], macros, pattern, depth, inline)
            i = j
        elements.append(element)
    return elements


def _parse_group(
    text: str, i: int, macros: Mapping[str, str], pattern: str, depth: int, inline: bool
) -> tuple[list[Sequence_], int]:
    """The group opening at ``text[i]`` ("(pee|pass urine)", "(my|the)?") as one element, and
    where parsing goes on."""
    end = _closing(text, i, pattern)
    optional = text[end + 1 : end + 2] == "?"
    after = text[end + (2 if optional else 1) : end + (3 if optional else 2)]
    if after and not after.isspace() and after not in "()":
        # "(a|b)*" or "(a|b)s" would silently match nothing: groups repeat by being written out
        raise PatternError(f"a group must be followed by a space, '?' or the end, not {after!r}, in {pattern!r}")
    alternatives: list[Sequence_] = []
    for part in _split_top(text[i + 1 : end], "|"):
        if not part.strip():
            raise PatternError(f"empty alternative in {pattern!r}")
        alternatives += expand(parse_sequence(part, macros, pattern, depth + 1, inline), pattern)
    if optional:
        alternatives.append(())
    return _merge(alternatives), end + (2 if optional else 1)


def _parse_regex_word(text: str, i: int, pattern: str) -> tuple[list[Sequence_], int]:
    """The regular expression opening at ``text[i]`` ("/^(19|20)\\d\\d$/") as one element, and where
    parsing goes on: it ends at a "/" followed by a space, a "?" or the end."""
    end = text.find("/", i + 1)
    while end != -1 and end + 1 < len(text) and not (text[end + 1].isspace() or text[end + 1] == "?"):
        end = text.find("/", end + 1)
    if end == -1:
        raise PatternError(f"unterminated regular expression in {pattern!r}")
    word = text[i : end + 1]
    optional = text[end + 1 : end + 2] == "?"
    return [(Atom((word,)),)] + ([()] if optional else []), end + (2 if optional else 1)


def _parse_word(word: str, macros: Mapping[str, str], pattern: str, depth: int, inline: bool) -> list[Sequence_]:
    """One written word as an element: a gap ("~3"), a macro ("@CANT"), or words ("pee|wee"),
    optional with a trailing "?"."""
    optional = word.endswith("?") and len(word) > 1
    core = word[:-1] if optional else word
    if core.startswith("~"):
        if not core[1:].isdigit() or optional:
            raise PatternError(f"a gap is written ~N, got {word!r} in {pattern!r}")
        return [(Atom(gap=int(core[1:])),)]
    if core.startswith("@"):
        name = core[1:]
        if name not in macros:
            raise PatternError(f"unknown macro @{name} in {pattern!r}")
        if not inline:
            return [(Atom(macro=name, optional=optional),)]
        inner = expand(parse_sequence(macros[name], macros, pattern, depth + 1), pattern)
        return _merge(inner + ([()] if optional else []))
    words = tuple(core.split("|"))
    if any(not w for w in words):
        raise PatternError(f"empty alternative in {pattern!r}")
    return [(Atom(words),)] + ([()] if optional else [])


def _merge(alternatives: list[Sequence_]) -> list[Sequence_]:
    """Factor alternatives that differ in one position only, so that "(pee|wee|pass urine|pass
    water)" becomes "(pee|wee)" and "pass (urine|water)": a shorter regular expression, same
    meaning (nothing is combined that was not written)."""
    plain = [
        a for a in alternatives if a and all(atom.words and not any(is_special(w) for w in atom.words) for atom in a)
    ]
    rest = [a for a in alternatives if a not in plain]
    current = list(dict.fromkeys(plain))
    changed = True
    while changed:
        changed = False
        for length in sorted({len(a) for a in current}):
            for k in range(length):
                groups: dict[tuple[Any, ...], list[Sequence_]] = {}
                for alt in current:
                    if len(alt) == length:
                        key = tuple(frozenset(atom.words) for i, atom in enumerate(alt) if i != k)
                        groups.setdefault(key, []).append(alt)
                for members in groups.values():
                    if len(members) < 2:
                        continue
                    words = tuple(dict.fromkeys(w for alt in members for w in alt[k].words))
                    merged = (*members[0][:k], Atom(words), *members[0][k + 1 :])
                    current = [a for a in current if a not in members] + [merged]
                    changed = True
                    break
                if changed:
                    break
            if changed:
                break
    return current + list(dict.fromkeys(rest))


def expand(elements: list[list[Sequence_]], pattern: str) -> list[Sequence_]:
    """Every atom sequence the elements can make (alternatives multiplied out), within a limit."""
    total = 1
    for alternatives in elements:
        total *= max(1, len(alternatives))
    if total > MAX_EXPANSIONS * 4:
        raise PatternError(f"pattern {pattern!r} has too many variants")
    return [tuple(atom for part in combo for atom in part) for combo in itertools.product(*elements)]


def pattern_words(pattern: str, macros: Mapping[str, str]) -> set[str]:
    """The plain words a pattern names (for the typo corrector's list of words worth correcting to)."""
    words: set[str] = set()
    for variant in expand(parse_sequence(pattern, macros, pattern, 0, inline=False), pattern):
        for atom in variant:
            for word in atom.words:
                plain = word[:-1] if word.endswith("*") else word
                if plain.isalpha():
                    words.add(plain.lower())
    return words
