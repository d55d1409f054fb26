"""medspaCy target matching, split by the word each rule starts with.

spaCy's ``Matcher`` starts every pattern at every token, so with two thousand vocabulary
patterns most of the time went on patterns whose first word is nowhere in the text. Here the
TargetRules are shared out over many small medspaCy ``TargetMatcher``s, one per first word (a
rule that may start with any of several words is copied under each), and a text only runs the
matchers whose word it contains, plus one for rules that start with a prefix, a number or a macro
phrase. The spans are the same as one big TargetMatcher's: overlapping matches are then pruned
the way medspaCy prunes them (the longest wins).
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span


MAX_COPIES = 40
"""A rule whose first token may be up to this many words is copied once per word."""


class AnchoredTargetMatcher:
    """A set of medspaCy TargetMatchers keyed by the (normalised) word their rules start with."""

    def __init__(self, nlp: Language, name: str) -> None:
        self._nlp = nlp
        self._name = name
        self._by_words: dict[frozenset[str], Any] = {}
        self._index: dict[str, list[Any]] = {}
        self._always: Any = self._new("any")
        self.rule_count = 0

    def _new(self, key: str) -> Any:
        from medspacy.target_matcher import TargetMatcher

        matcher = TargetMatcher(self._nlp, name=f"{self._name}_{key}", phrase_matcher_attr="NORM", result_type=None)
        _skip_validation(matcher)
        return matcher

    def add(self, rules: list[Any]) -> None:
        """Add medspaCy TargetRules (token patterns) under the words they can start with.

        A rule that can start with a few words is copied once per word (its first token then
        needs no set lookup, which is what makes a spaCy pattern cheap); one that can start with
        many words (a macro such as "can't / unable to / struggling to ...") is kept whole, in a
        matcher run when any of those words occurs.
        """
        for rule in rules:
            pattern = rule.pattern
            first = pattern[0] if isinstance(pattern, list) and pattern else None
            words = _first_words(first)
            if not words:
                self._always.add([rule])
            elif len(words) <= MAX_COPIES:
                for word in words:
                    anchored = copy.copy(rule)
                    anchored.pattern = [{"NORM": word}, *pattern[1:]]
                    self._matcher_for(frozenset([word])).add([anchored])
            else:
                self._matcher_for(frozenset(words)).add([rule])
            self.rule_count += 1

    def _matcher_for(self, words: frozenset[str]) -> Any:
        matcher = self._by_words.get(words)
        if matcher is None:
            matcher = self._by_words[words] = self._new(str(len(self._by_words)))
            for word in words:
                self._index.setdefault(word, []).append(matcher)
        return matcher

    def __call__(self, doc: Doc) -> list[Span]:
        """Every target span in ``doc``; of overlapping ones only the longest is kept."""
        from medspacy.common.util import prune_overlapping_matches

        spans: list[Span] = list(self._always(doc))
        run: dict[int, Any] = {}
        for norm in {token.norm_ for token in doc}:
            for matcher in self._index.get(norm, ()):
                run[id(matcher)] = matcher
        for matcher in run.values():
            spans += matcher(doc)
        if len(spans) < 2:
            return spans
        kept = prune_overlapping_matches([(i, s.start, s.end) for i, s in enumerate(spans)])
        unique = {(spans[i].start, spans[i].end, spans[i].label_): spans[i] for i, _, _ in kept}
        return sorted(unique.values(), key=lambda s: (s.start, s.end))


def _skip_validation(target_matcher: Any) -> None:
    """spaCy validates every token pattern on ``Matcher.add`` (about a millisecond each, with
    pydantic); the patterns here are generated, and the test suite validates each one once."""
    medspacy_matcher = getattr(target_matcher, "_TargetMatcher__matcher", None)
    spacy_matcher = getattr(medspacy_matcher, "_MedspacyMatcher__matcher", None)
    if spacy_matcher is not None:
        spacy_matcher.validate = False


def _first_words(spec: dict[str, Any] | None) -> list[str]:
    """The plain words a token spec accepts, or [] when it is not a plain word list."""
    if not spec or set(spec) - {"NORM"}:
        return []
    norm = spec["NORM"]
    if isinstance(norm, str):
        return [norm]
    if isinstance(norm, dict) and set(norm) == {"IN"}:
        return list(norm["IN"])
    return []
