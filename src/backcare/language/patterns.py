"""A small pattern language for the vocabulary, compiled to spaCy token patterns.

Writing spaCy's token dictionaries by hand for hundreds of lay phrases is unreadable, so the
vocabulary files use one-line patterns instead. Words are matched on the token's NORM (lower case,
contractions expanded, typos corrected by ``normalise``), so "can't", "cannot" and "cant" all read
as "can not". The grammar, by example:

- ``wet myself``: the words in order;
- ``pee|wee|urinate``: any one of these single words;
- ``numb*``: any word starting with "numb";
- ``the?``, ``(my|the)?``: optional;
- ``(pass urine|pass water|pee|when i (get|wake) up)``: alternatives of any length; groups nest;
- ``@CANT``: a macro, itself a pattern (usually a group) defined in the vocabulary file;
- ``~3``: up to three words that are not sentence punctuation, negation words or "but" (so a
  gap never hides a "not" from the context rules, nor crosses into the next sentence);
- ``#``: a number ("3", "three"); ``/^(19|20)\\d\\d$/``: a word matching a regular expression.

Groups whose alternatives have different lengths are expanded into several spaCy patterns.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

TokenSpec = dict[str, Any]
Tokenise = Callable[[str], list[str]]

#: Auxiliaries that fuse with a following "not" into one token ("can't", "cannot", "do not" ->
#: "can not", "do not"): it keeps "not" inside the phrase it belongs to and the patterns few.
NEGATABLE_AUX = frozenset(
    {"do", "does", "did", "can", "could", "will", "would", "should", "shall", "is", "are", "was", "were", "have",
     "has", "had", "am", "must", "might", "may", "need"}
)  # fmt: skip
NEGATED_AUX: tuple[str, ...] = tuple(sorted(f"{aux} not" for aux in NEGATABLE_AUX))

#: Words a gap (``~N``) may never swallow: they would hide a negation or join two clauses.
GAP_STOP_WORDS: tuple[str, ...] = (
    ".", "!", "?", ";", ",", "not", "no", "never", "nothing", "none", "nor", "neither", "without",
    "but", "however", "although", "though", "except", "nobody", "numb", "numbness", "tingling", "tingly",
    "weakness", "and", *NEGATED_AUX,
)  # fmt: skip


def merge_negations(norms: Sequence[str]) -> list[str]:
    """Fuse "<auxiliary> not" into one word, as the pipeline fuses the tokens."""
    out: list[str] = []
    for norm in norms:
        if norm == "not" and out and out[-1] in NEGATABLE_AUX:
            out[-1] = f"{out[-1]} not"
        else:
            out.append(norm)
    return out

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


def macro_attribute(name: str) -> str:
    """The token extension that marks tokens inside a phrase of macro ``name``."""
    return f"bc_{name.lower()}"


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
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return i
    raise PatternError(f"unbalanced parentheses in {pattern!r}")


def _is_regex(word: str) -> bool:
    return len(word) > 2 and word.startswith("/") and word.endswith("/")


def _parse_sequence(
    text: str, macros: Mapping[str, str], pattern: str, depth: int, inline: bool = True
) -> list[list[Sequence_]]:
    """A sequence of elements; each element is its list of alternative atom sequences.

    With ``inline`` false, a macro stays one atom (matched through a token extension set by the
    macro tagger), which keeps the number of spaCy patterns small.
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
            end = _closing(text, i, pattern)
            optional = text[end + 1 : end + 2] == "?"
            alternatives: list[Sequence_] = []
            for part in _split_top(text[i + 1 : end], "|"):
                if not part.strip():
                    raise PatternError(f"empty alternative in {pattern!r}")
                alternatives += _expand(_parse_sequence(part, macros, pattern, depth + 1, inline), pattern)
            if optional:
                alternatives.append(())
            elements.append(_merge(alternatives))
            i = end + (2 if optional else 1)
            continue
        if ch == "/":
            end = text.find("/", i + 1)
            while end != -1 and end + 1 < len(text) and not (text[end + 1].isspace() or text[end + 1] == "?"):
                end = text.find("/", end + 1)
            if end == -1:
                raise PatternError(f"unterminated regular expression in {pattern!r}")
            word = text[i : end + 1]
            optional = text[end + 1 : end + 2] == "?"
            elements.append([(Atom((word,)),)] + ([()] if optional else []))
            i = end + (2 if optional else 1)
            continue
        j = i
        while j < len(text) and not text[j].isspace() and text[j] not in "()":
            j += 1
        word = text[i:j]
        i = j
        optional = word.endswith("?") and len(word) > 1
        core = word[:-1] if optional else word
        if core.startswith("~"):
            if not core[1:].isdigit() or optional:
                raise PatternError(f"a gap is written ~N, got {word!r} in {pattern!r}")
            elements.append([(Atom(gap=int(core[1:])),)])
            continue
        if core.startswith("@"):
            name = core[1:]
            if name not in macros:
                raise PatternError(f"unknown macro @{name} in {pattern!r}")
            if not inline:
                elements.append([(Atom(macro=name, optional=optional),)])
                continue
            inner = _expand(_parse_sequence(macros[name], macros, pattern, depth + 1), pattern)
            elements.append(_merge(inner + ([()] if optional else [])))
            continue
        words = tuple(core.split("|"))
        if any(not w for w in words):
            raise PatternError(f"empty alternative in {pattern!r}")
        elements.append([(Atom(words),)] + ([()] if optional else []))
    return elements


def _merge(alternatives: list[Sequence_]) -> list[Sequence_]:
    """Factor alternatives that differ in one position only, so that "(pee|wee|pass urine|pass
    water)" becomes "(pee|wee)" and "pass (urine|water)": fewer spaCy patterns, same meaning
    (nothing is combined that was not written)."""
    plain = [
        a for a in alternatives if a and all(atom.words and not any(_special(w) for w in atom.words) for atom in a)
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


def _expand(elements: list[list[Sequence_]], pattern: str) -> list[Sequence_]:
    total = 1
    for alternatives in elements:
        total *= max(1, len(alternatives))
    if total > MAX_EXPANSIONS * 4:
        raise PatternError(f"pattern {pattern!r} has too many variants")
    return [tuple(atom for part in combo for atom in part) for combo in itertools.product(*elements)]


def _fuse_negations(variant: Sequence_) -> list[Sequence_]:
    """A variant, plus one with "(has|is) (not|never)" fused where "has not" is a single token."""
    out = [variant]
    for i in range(len(variant) - 1):
        first, second = variant[i], variant[i + 1]
        auxes = [w for w in first.words if w in NEGATABLE_AUX]
        if auxes and "not" in second.words:
            fused = Atom(tuple(f"{a} not" for a in auxes))
            out.append((*variant[:i], fused, *variant[i + 2 :]))
            break
    return out


def _word_spec(words: Sequence[str]) -> TokenSpec:
    """One token matching any of ``words`` (each a plain norm or a ``prefix*``)."""
    if len(words) == 1 and words[0] == "#":
        return {"LIKE_NUM": True}
    if len(words) == 1 and _is_regex(words[0]):
        return {"LOWER": {"REGEX": words[0][1:-1]}}
    if any(w == "#" or _is_regex(w) for w in words):
        raise PatternError(f"a number or regular expression cannot be one of several alternatives: {words}")
    prefixes = [w[:-1] for w in words if w.endswith("*") and len(w) > 1]
    plain_set = {w for w in words if not (w.endswith("*") and len(w) > 1)}
    if "not" in plain_set:
        plain_set |= set(NEGATED_AUX)  # "not" also matches "do not", "can not" (one token each)
    plain = sorted(plain_set)
    if not prefixes:
        return {"NORM": plain[0]} if len(plain) == 1 else {"NORM": {"IN": plain}}
    options = [re.escape(p) + r"\S*" for p in prefixes] + [re.escape(w) for w in plain]
    return {"NORM": {"REGEX": "^(?:" + "|".join(options) + ")$"}}


def _special(word: str) -> bool:
    return (word.endswith("*") and len(word) > 1) or word == "#" or _is_regex(word)


def _tokens(atom: Atom, tokenise: Tokenise) -> list[list[str]]:
    """The alternatives of one atom as token lists ("can't" -> ["can", "not"])."""
    out: list[list[str]] = []
    for word in atom.words:
        tokens = [word if _is_regex(word) else word.lower()] if _special(word) else tokenise(word)
        if tokens and tokens not in out:
            out.append(tokens)
    return out


def compile_pattern(
    pattern: str, macros: Mapping[str, str], tokenise: Tokenise, inline: bool = True
) -> list[list[TokenSpec]]:
    """The spaCy token patterns for one vocabulary pattern (several when alternatives differ in length).

    ``inline=False`` keeps each ``@MACRO`` as one position matched through the macro tagger's
    token extension (see ``macro_attribute``).
    """
    variants = [
        fused for variant in _expand(_parse_sequence(pattern, macros, pattern, 0, inline), pattern)
        for fused in _fuse_negations(variant)
    ]
    patterns: list[list[TokenSpec]] = []
    seen: set[str] = set()
    for variant in variants:
        positions: list[list[list[TokenSpec]]] = []
        for atom in variant:
            if atom.gap:
                positions.append([[{"NORM": {"NOT_IN": list(GAP_STOP_WORDS)}, "OP": f"{{0,{atom.gap}}}"}]])
                continue
            if atom.macro:
                spec = {"_": {macro_attribute(atom.macro): True}, "OP": "*" if atom.optional else "+"}
                positions.append([[spec]])
                continue
            alternatives = _tokens(atom, tokenise)
            if all(len(a) == 1 for a in alternatives):
                positions.append([[_word_spec([a[0] for a in alternatives])]])
            else:
                positions.append([[_word_spec([w]) for w in a] for a in alternatives])
        for combo in itertools.product(*positions):
            tokens = [spec for choice in combo for spec in choice]
            key = repr(tokens)
            required = any("OP" not in t or t["OP"] == "+" for t in tokens)
            if tokens and required and key not in seen:
                seen.add(key)
                patterns.append(tokens)
    if not patterns:
        raise PatternError(f"pattern {pattern!r} could match nothing")
    if len(patterns) > MAX_EXPANSIONS:
        raise PatternError(f"pattern {pattern!r} expands to {len(patterns)} variants (limit {MAX_EXPANSIONS})")
    return patterns


def pattern_words(pattern: str, macros: Mapping[str, str]) -> set[str]:
    """The plain words a pattern names (for the typo corrector's list of words worth correcting to)."""
    words: set[str] = set()
    for variant in _expand(_parse_sequence(pattern, macros, pattern, 0, inline=False), pattern):
        for atom in variant:
            for word in atom.words:
                plain = word[:-1] if word.endswith("*") else word
                if plain.isalpha():
                    words.add(plain.lower())
    return words
