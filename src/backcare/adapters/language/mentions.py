"""What one run of the pipeline gives the interpreter: the mentions found, each with what the
context rules said about it, and the text's sentences."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Mention:
    """One matched span and what the context rules said about it."""

    label: str  # "target", "scope", "ignore", "product", "medicine" or a value kind
    index: int  # the vocabulary entry (targets/scope) or -1
    payload: Any  # a ValueMention, a medicine id, or None
    text: str
    start: int  # character offsets in the cleaned text
    end: int
    sentence: int
    norms: tuple[str, ...]
    negated: bool = False
    uncertain: bool = False
    hypothetical: bool = False
    historical: frozenset[str] = frozenset()  # kinds: "remote", "resolved"
    family: tuple[str, ...] = ()  # the texts of the FAMILY cues that apply
    negation_gap: int | None = None  # tokens between the nearest negation cue and the mention
    negation_cue_end: int | None = None  # character offset where that cue ends
    hedged_negation: bool = False  # the negation itself is hedged ("I don't think I have ...")
    hedges: tuple[tuple[int, int], ...] = ()  # character spans of the epistemic hedges that apply
    longstanding: bool = False  # tied to a long duration or a chronic cause ("for years", "neuropathy")
    current: bool = False  # said to be new, recent or worse ("started", "this week", "getting worse")


@dataclass
class Analysis:
    """Everything the interpreter needs from one run of the pipeline."""

    text: str
    mentions: list[Mention] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    sentence_spans: list[tuple[int, int]] = field(default_factory=list)  # character offsets
    words: list[str] = field(default_factory=list)
    idioms: dict[str, str] = field(default_factory=dict)
    """Findings whose words an ``ignore`` entry set aside as a look-alike ("collapsed on the sofa"),
    with those words."""
