"""A small pattern language for the vocabulary, compiled to regular expressions over tokens.

Writing token matchers by hand for hundreds of lay phrases is unreadable, so the vocabulary files
use one-line patterns instead. Words are matched on the token's normalised form (lower case,
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
- ``#``: a number ("3", "three"); ``/^(19|20)\\d\\d$/``: a word matching a regular expression;
- ``$``: the clause ends here (punctuation, "and"/"but"/"so"... or the end of the text).

A pattern compiles to one regular expression over the text's normalised tokens, each followed by
``SEP``; matching is POSIX (the longest match at a start), the reading spaCy's matcher gave once
its matches were pruned to the longest.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import regex  # type: ignore[import-untyped]  # POSIX (leftmost-longest) matching, which the stdlib lacks

from backcare.adapters.language.pattern_syntax import (
    Atom,
    PatternError,
    Sequence_,
    is_regex,
    is_special,
    parse_sequence,
    pattern_words,
)

__all__ = [
    "NEGATABLE_AUX",
    "NEGATED_AUX",
    "PATTERN_NUMBER",
    "SEP",
    "STOP",
    "PatternError",
    "TokenRegex",
    "Tokenise",
    "compile_phrase",
    "compile_regex",
    "merge_negations",
    "pattern_words",
    "regex_from_token_pattern",
    "render",
]  # fmt: skip

TokenSpec = dict[str, Any]


Tokenise = Callable[[str], list[str]]
#: What compiles a pattern (``compile_regex``, or a lookup of patterns compiled ahead of time).
Compile = Callable[[str, Mapping[str, str], Tokenise], "TokenRegex"]


#: Ends every token in the text a pattern is matched against (a control character, which cleaned
#: text never contains).
SEP = "\x1f"


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


STOP_WORDS = frozenset(GAP_STOP_WORDS)


#: Marks a stop word in the rendered text, so that a gap is a plain character class.
STOP = "\x1e"


#: Marks a number ("3", "three", "1st") in the rendered text: ``#`` is then a plain test.
NUMBER_MARK = "\x1d"


#: "not", alone or fused to its auxiliary ("is not"); only fusion puts a space inside a token.
_NOT_RX = f"{STOP}?(?:[a-z]+ )?not{SEP}"


#: After an auxiliary read as the first half of "<aux> not", only the "not" may follow: no gap,
#: prefix or regular expression may take it.
_NOT_NEXT = f"(?!not{SEP})"


_GAP_TOKEN = f"(?:{_NOT_NEXT}[^{STOP}{SEP}][^{SEP}]*{SEP})"


_MARKS = f"[{STOP}{NUMBER_MARK}]?"


#: spaCy's ``like_num`` for English, as a regular expression over one token.
_NUMBER_WORDS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty",
    "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million", "billion", "first", "second",
    "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "twentieth",
    "thirtieth", "hundredth",
)  # fmt: skip


#: One token that reads as a number (spaCy's ``like_num``, English).
PATTERN_NUMBER = (
    r"(?:[+\-±~]?(?:[\d,.]*\d[\d,.]*|\d+/\d+|\d+(?:st|nd|rd|th))|"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    + ")"
)


_NUMBER_RX = f"{NUMBER_MARK}[^{SEP}]*{SEP}"


_IS_NUMBER = re.compile(PATTERN_NUMBER)


#: ``$``: the clause ends here (punctuation, a joining word or the end of the text); it takes no word.
_CLAUSE_END_RX = f"(?={STOP}?(?:[.!?;,:\\-]|and|but|or|so|then|because|until|till|before|when){SEP}|$)"


def merge_negations(norms: Sequence[str]) -> list[str]:
    """Fuse "<auxiliary> not" into one word, as the pipeline fuses the tokens."""
    out: list[str] = []
    for norm in norms:
        if norm == "not" and out and out[-1] in NEGATABLE_AUX:
            out[-1] = f"{out[-1]} not"
        else:
            out.append(norm)
    return out


def _token_regex(token: str) -> str:
    """One normalised token. "not" also matches the fused "<auxiliary> not" tokens; an auxiliary
    also matches the first half of one, so that "(is|has) (not|never)" reads "is not" (one token)."""
    if token == "not":
        return _NOT_RX
    if token in NEGATABLE_AUX:
        return f"{STOP}?{re.escape(token)}(?:{SEP}| (?=not{SEP}))"
    return _plain_token_regex(token)


def _plain_token_regex(token: str) -> str:
    """Exactly this token (marked when it is a stop word, as ``render`` marks it)."""
    return _mark(token) + re.escape(token) + SEP


def _mark(token: str) -> str:
    """The mark ``render`` puts before a token: stop words and numbers are marked."""
    if token in STOP_WORDS:
        return STOP
    return NUMBER_MARK if _IS_NUMBER.fullmatch(token) else ""


def render(norms: Sequence[str]) -> tuple[str, list[int]]:
    """The text patterns are matched against: each token followed by ``SEP``, stop words marked
    with ``STOP``; and where each token starts."""
    offsets: list[int] = []
    parts: list[str] = []
    position = 0
    for norm in norms:
        offsets.append(position)
        part = f"{_mark(norm)}{norm}{SEP}"
        parts.append(part)
        position += len(part)
    offsets.append(position)
    return "".join(parts), offsets


def _word_regex(word: str, tokenise: Tokenise) -> tuple[int, str]:
    """A word of an atom (its token count, its regex): a prefix, a number, a regular expression
    or plain words (tokenised as the text is: "can't" -> "can not")."""
    if word == "#":
        return 1, _NUMBER_RX
    if word == "$":
        return 0, _CLAUSE_END_RX
    if is_regex(word):
        try:
            re.compile(word[1:-1])
        except re.error as exc:
            raise PatternError(f"bad regular expression {word!r}: {exc}") from None
        inner = re.sub(r"(?<!\\)\((?!\?)", "(?:", word[1:-1])
        if inner.startswith("^") and inner.endswith("$"):
            return 1, f"{_NOT_NEXT}{_MARKS}(?:{inner[1:-1]}){SEP}"
        return 1, f"{_NOT_NEXT}{_MARKS}[^{SEP}]*?(?:{inner})[^{SEP}]*{SEP}"
    if word.endswith("*") and len(word) > 1:
        return 1, f"{_NOT_NEXT}{_MARKS}" + re.escape(word[:-1].lower()) + f"[^{SEP} ]*{SEP}"
    tokens = tokenise(word)
    return len(tokens), "".join(_NUMBER_RX if t == "#" else _token_regex(t) for t in tokens)


def _alternation(options: Sequence[tuple[int, str]]) -> str:
    """Alternatives, longest first: a regular expression takes the first that fits, and the
    longest reading is the one wanted (as spaCy's matches pruned to the longest)."""
    ordered = list(dict.fromkeys(rx for _, rx in sorted(options, key=lambda o: -o[0])))
    if len(ordered) == 1:
        return ordered[0]
    return "(?:" + "|".join(ordered) + ")"


def _atom_regex(atom: Atom, tokenise: Tokenise) -> tuple[int, str]:
    """One atom as (how many tokens it can take, its regex)."""
    if atom.gap:  # the only capturing group: how many words a match skipped
        return atom.gap, f"({_GAP_TOKEN}{{0,{atom.gap}}})"
    options = [_word_regex(word, tokenise) for word in atom.words]
    if any(n == 0 and word != "$" for (n, _), word in zip(options, atom.words, strict=True)):
        raise PatternError(f"a word of {atom.words} is empty once tokenised")
    return max(n for n, _ in options), _alternation(options)


def _sequence_regex(sequence: Sequence_, tokenise: Tokenise) -> tuple[int, str]:
    """A sequence of atoms as (how many tokens it can take, its regex)."""
    parts = [_atom_regex(atom, tokenise) for atom in sequence]
    return sum(n for n, _ in parts), "".join(rx for _, rx in parts)


def _nullable(alternative: Sequence_) -> bool:
    """Whether an alternative can match no token at all (gaps only)."""
    return all(atom.gap for atom in alternative)


def _atom_tokens(atom: Atom, tokenise: Tokenise) -> set[str] | None:
    """The first tokens an atom can match, or None when it is not plain words (a gap, a prefix,
    a number, a regular expression, the clause end)."""
    if atom.gap:
        return None
    tokens: set[str] = set()
    for word in atom.words:
        if is_special(word):
            return None
        first = tokenise(word)[0]
        if first == "#":
            return None
        tokens.add(first)
        if first == "not":
            tokens.update(NEGATED_AUX)
        elif first in NEGATABLE_AUX:
            tokens.add(f"{first} not")
    return tokens


def _first_tokens(elements: list[list[Sequence_]], tokenise: Tokenise) -> tuple[set[str], set[str], bool, bool]:
    """The normalised tokens a match can start with: words, prefixes, whether a number, and
    whether it may start anywhere (a regular expression or a leading gap)."""
    words: set[str] = set()
    prefixes: set[str] = set()
    number = False
    for element in elements:
        nullable = False
        for alternative in element:
            if not alternative:
                nullable = True
                continue
            atom = alternative[0]
            if atom.gap:
                return words, prefixes, number, True
            for word in atom.words:
                if is_regex(word) or word == "$":
                    return words, prefixes, number, True
                if word == "#" or tokenise(word)[0] == "#":
                    number = True
                elif word.endswith("*") and len(word) > 1:
                    prefixes.add(word[:-1].lower())
                else:
                    words |= _atom_tokens(Atom((word,)), tokenise) or set()
        if not nullable:
            return words, prefixes, number, False
    return words, prefixes, number, True


def _required_tokens(elements: list[list[Sequence_]], tokenise: Tokenise) -> tuple[frozenset[str], ...]:
    """Sets of tokens of which a text must hold at least one each for the pattern to match
    anywhere in it: those of the two most selective elements after the first that no match can
    skip (an element that is optional or starts with a prefix, a number or a gap says nothing)."""
    sets: list[frozenset[str]] = []
    for element in elements[1:]:
        words: set[str] = set()
        for alternative in element:
            atoms = [atom for atom in alternative if not atom.gap]
            first = _atom_tokens(atoms[0], tokenise) if atoms and not _nullable(alternative) else None
            if first is None:
                break
            words |= first
        else:
            if words and frozenset(words) not in sets:
                sets.append(frozenset(words))
    return tuple(sorted(sets, key=len)[:2])


@dataclass(frozen=True)
class TokenRegex:
    """A pattern compiled to a regular expression over a text's normalised tokens, each followed
    by ``SEP`` ("can not\x1fpee\x1f"), with where a match can start and what it needs."""

    source: str
    expression: str  # the regular expression, compiled on first use (``regex``)
    first_words: frozenset[str]
    first_prefixes: frozenset[str]
    anywhere: bool
    first_number: bool = False  # may start with a number
    required: tuple[frozenset[str], ...] = ()  # the text must hold a token of each set

    @cached_property
    def regex(self) -> Any:
        """The compiled pattern (POSIX: the longest match at a start). Compiled when first
        needed: the ``regex`` module parses in Python, and most patterns wait for their words."""
        return regex.compile(self.expression, flags=regex.POSIX)


def compile_regex(pattern: str, macros: Mapping[str, str], tokenise: Tokenise) -> TokenRegex:
    """One vocabulary pattern as one regular expression: alternatives of any length stay
    alternatives (nothing is multiplied out), macros are written in place."""
    elements = parse_sequence(pattern, macros, pattern, 0)
    if all(any(not alt or _nullable(alt) for alt in element) for element in elements):
        raise PatternError(f"pattern {pattern!r} could match nothing")
    parts: list[str] = []
    for element in elements:
        options = [_sequence_regex(alt, tokenise) for alt in element if alt]
        optional = any(not alt for alt in element)
        rx = _alternation(options)
        parts.append(f"(?:{rx})?" if optional else rx)
    words, prefixes, number, anywhere = _first_tokens(elements, tokenise)
    required = _required_tokens(elements, tokenise)
    return TokenRegex(pattern, "".join(parts), frozenset(words), frozenset(prefixes), anywhere, number, required)


def compile_phrase(phrase: str, tokenise: Tokenise) -> TokenRegex:
    """A literal phrase (medspaCy's phrase rules), tokenised as the text is."""
    tokens = tokenise(phrase)
    if not tokens:
        raise PatternError(f"phrase {phrase!r} has no words")
    words = {tokens[0], *((f"{tokens[0]} not",) if tokens[0] in NEGATABLE_AUX else ())}
    if tokens[0] == "not":
        words.update(NEGATED_AUX)
    return TokenRegex(phrase, "".join(_token_regex(t) for t in tokens), frozenset(words), frozenset(), False)


def regex_from_token_pattern(source: str, specs: Sequence[TokenSpec]) -> TokenRegex:
    """A spaCy token pattern (as medspaCy's default ConText rules are written: LOWER or NORM, a
    word or {"IN": [...]}, OP "?", "*" or "+") as a TokenRegex over the normalised tokens."""
    parts: list[str] = []
    firsts: set[str] = set()
    open_start = True
    for spec in specs:
        unknown = set(spec) - {"LOWER", "NORM", "OP"}
        value = spec.get("LOWER", spec.get("NORM"))
        words = [value] if isinstance(value, str) else (value or {}).get("IN") if isinstance(value, dict) else None
        op = spec.get("OP")
        if unknown or not words or op not in (None, "?", "*", "+"):
            raise PatternError(f"unsupported token pattern in {source!r}: {spec}")
        rx = _alternation([(1, _plain_token_regex(str(w).lower())) for w in words])
        parts.append(f"(?:{rx}){op}" if op else rx)
        if open_start:
            firsts.update(str(w).lower() for w in words)
            open_start = op in ("?", "*")
    return TokenRegex(source, "".join(parts), frozenset(firsts), frozenset(), open_start)
