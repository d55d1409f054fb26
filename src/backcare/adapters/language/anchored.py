"""Matching compiled patterns, each tried only where the text has a word it can start with.

spaCy's ``Matcher`` starts every pattern at every token, and the vocabulary's alternatives of
different lengths multiply out into tens of thousands of spaCy patterns: that was most of the
reading time. Here every pattern is one regular expression over the text's normalised tokens
(see ``patterns.compile_regex``), filed under the words (or prefixes) it can start with, and a
text tries at each token only the patterns filed under that token, and only those whose
required words (one of each of two later, unskippable positions) the text holds. Each pattern gives its
longest match at a start (POSIX matching), and overlapping matches are pruned to the longest, as
medspaCy's ``TargetMatcher`` prunes spaCy's matches; of two equally long, the one that skipped
fewer words (``~N`` gaps) is the more specific reading and wins.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from typing import Generic, TypeVar

from backcare.adapters.language.patterns import PATTERN_NUMBER, SEP, TokenRegex, render

Key = TypeVar("Key")
Match = tuple[Key, int, int, int]  # key, start token, end token, words skipped by gaps
Entry = tuple[Key, TokenRegex, tuple[frozenset[str], ...]]  # key, the pattern, the words it requires

#: A token spaCy's ``like_num`` would accept (what ``#`` in a pattern matches).
_NUMBER = re.compile(PATTERN_NUMBER)


class AnchoredMatcher(Generic[Key]):
    """Compiled patterns keyed by the normalised token their matches can start with."""

    def __init__(self) -> None:
        self._by_word: dict[str, list[Entry[Key]]] = {}
        self._by_prefix: dict[str, list[Entry[Key]]] = {}
        self._prefix_lengths: list[int] = []
        self._numbers: list[Entry[Key]] = []
        self._anywhere: list[Entry[Key]] = []
        self._candidates: dict[str, tuple[Entry[Key], ...]] = {}
        self._keyed: list[tuple[Key, TokenRegex]] = []
        self.rule_count = 0

    def add(self, key: Key, rule: TokenRegex) -> None:
        """File ``rule`` (reported as ``key`` when it matches) under its first words."""
        entry: Entry[Key] = (key, rule, rule.required)
        if rule.anywhere:
            self._anywhere.append(entry)
        else:
            for word in rule.first_words:
                self._by_word.setdefault(word, []).append(entry)
            for prefix in rule.first_prefixes:
                self._by_prefix.setdefault(prefix, []).append(entry)
            if rule.first_number:
                self._numbers.append(entry)
            self._prefix_lengths = sorted({len(p) for p in self._by_prefix})
        self._candidates.clear()
        self._keyed.append((key, rule))
        self.rule_count += 1

    def rules(self) -> list[tuple[Key, TokenRegex]]:
        """Every (key, pattern) added, in order."""
        return list(self._keyed)

    def compile(self) -> None:
        """Compile every pattern now (a server pays this once at start-up, not on its first texts)."""
        for _, rule in self._keyed:
            _ = rule.regex

    def _for(self, norm: str) -> tuple[Entry[Key], ...]:
        """The patterns that can start at a token (cached per word)."""
        found = self._candidates.get(norm)
        if found is None:
            entries = list(self._by_word.get(norm, ()))
            for length in self._prefix_lengths:
                if length > len(norm):
                    break
                entries += self._by_prefix.get(norm[:length], ())
            if _NUMBER.fullmatch(norm):
                entries += self._numbers
            found = tuple(dict.fromkeys([*entries, *self._anywhere]))
            if len(self._candidates) > 50_000:
                self._candidates.clear()
            self._candidates[norm] = found
        return found

    def __call__(self, norms: Sequence[str], only: Collection[int] | None = None) -> list[Match[Key]]:
        """Every (key, start, end, skipped) match over the tokens ``norms``, each the longest its
        pattern gives at that start; ``only`` limits the tokens a match may start at."""
        text, offsets = render(norms)
        token_at = {offset: i for i, offset in enumerate(offsets)}
        present = set(norms)
        found: dict[tuple[Key, int, int], int] = {}
        for i in range(len(norms)) if only is None else sorted(only):
            for key, rule, required in self._for(norms[i]):
                if required and any(words.isdisjoint(present) for words in required):
                    continue
                match = rule.regex.match(text, offsets[i])
                if match is None:
                    continue
                end = token_at.get(match.end())
                if end is not None and end > i:
                    skipped = sum(gap.count(SEP) for gap in match.groups() if gap)
                    previous = found.get((key, i, end))
                    found[(key, i, end)] = skipped if previous is None else min(previous, skipped)
        return [(key, start, end, skipped) for (key, start, end), skipped in found.items()]


def prune_longest(
    matches: Sequence[Match[Key]], compete: Callable[[Key, Key], bool] | None = None
) -> list[tuple[Key, int, int]]:
    """Keep the longest of overlapping matches that compete (all do when ``compete`` is None);
    a match inside a longer one is always dropped ("steroid" inside "steroid injection"). Of two
    equally long, the one that skipped fewer words wins, then the first. Overlapping matches that
    do not compete are both kept: "chest pain" and "pain spreading to my left arm" are two
    findings, and neither may hide the other. The result is in text order."""
    ranked = sorted(matches, key=lambda m: (m[1] - m[2], m[3]))
    kept: list[Match[Key]] = []
    for match in ranked:
        key, start, end, _ = match
        if not any(
            (s <= start and end <= e) or (s < end and start < e and (compete is None or compete(k, key)))
            for k, s, e, _ in kept
        ):
            kept.append(match)
    return sorted(((key, start, end) for key, start, end, _ in kept), key=lambda m: (m[1], m[2]))
