"""The medspaCy pipeline: built once, then run on each text to give context-tagged mentions.

``spacy.blank("en")`` with a sentencizer, two ``medspacy_target_matcher`` components (findings
and back/scope mentions, from the vocabulary), value spans from ``numbers``, medicine spans, and
``medspacy_context`` with ``prune_on_target_overlap=True`` so that a cue inside a target ("can't"
in "can't pee") never negates it. Nothing is downloaded: spaCy's blank English and medspaCy's
packaged rules are all it needs.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from backcare.language.anchored import AnchoredTargetMatcher
from backcare.language.context_rules import build_context_rules, load_rules
from backcare.language.normalise import Normaliser, base_norm, make_normaliser
from backcare.language.numbers import ValueMention, find_values
from backcare.language.patterns import NEGATABLE_AUX, PatternError, compile_pattern, merge_negations
from backcare.language.vocabulary import Vocabulary, VocabularyError, check_patterns, load_vocabulary

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

GROUP = "backcare"
FINDINGS_MATCHER = "backcare_findings"
SCOPE_MATCHER = "backcare_scope"
CONTEXT = "backcare_context"


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


@dataclass
class Analysis:
    """Everything the interpreter needs from one run of the pipeline."""

    text: str
    mentions: list[Mention] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    sentence_spans: list[tuple[int, int]] = field(default_factory=list)  # character offsets
    words: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Engine:
    """The built pipeline and the data it was built from."""

    nlp: Language
    vocabulary: Vocabulary
    normaliser: Normaliser
    tokenise: Callable[[str], list[str]]  # a vocabulary word as normalised tokens
    findings: AnchoredTargetMatcher  # the findings' TargetRules, run by first word


def _silence_logging() -> None:
    """PyRuSH (imported by medspaCy) logs every document through loguru; it is not used here."""
    try:
        from loguru import logger

        logger.disable("PyRuSH")
    except ImportError:  # pragma: no cover - loguru comes with medspaCy
        pass
    logging.getLogger("medspacy").setLevel(logging.WARNING)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two (start, end) spans share a token."""
    return a[0] < b[1] and b[0] < a[1]


def _fix_overlap_check() -> None:
    """medspaCy 1.3.1's ``tuple_overlaps`` misses containment ((2, 10) inside (0, 12) is "no
    overlap"), so a terminating cue ("but", "and I") never shortens the scope of a cue whose scope
    lies strictly inside the sentence. ConText's modules get a correct check instead."""
    from medspacy.context import context_graph, context_modifier

    context_modifier.tuple_overlaps = _overlaps
    context_graph.tuple_overlaps = _overlaps


def _tokenizer_rules(nlp: Language) -> None:
    """Split "36f"/"44M"/"67yo" into number + letters and "pins&needles" around "&"."""
    from spacy.util import compile_infix_regex

    infixes = [*(nlp.Defaults.infixes or []), r"(?<=[0-9])(?=[A-Za-z])", r"&", r"(?<=[A-Za-z])/(?=[A-Za-z])"]
    tokenizer: Any = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


@cache
def engine() -> Engine:
    """Build the pipeline (about a second, once per process)."""
    import warnings

    _silence_logging()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import medspacy  # noqa: F401 - registers the medspacy_* factories
    _fix_overlap_check()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import spacy
        from medspacy.ner import TargetRule

    vocabulary = load_vocabulary()
    nlp = spacy.blank("en")
    _tokenizer_rules(nlp)
    normaliser = make_normaliser(vocabulary.normalise, vocabulary.keywords())

    @cache
    def tokenise_cached(word: str) -> tuple[str, ...]:
        return tuple(tokenise_word(word))

    def tokenise(word: str) -> list[str]:
        return list(tokenise_cached(word))

    def tokenise_word(word: str) -> list[str]:
        tokens = [t.text for t in nlp.make_doc(word)]
        out: list[str] = []
        previous: str | None = None
        for text in tokens:
            norm = normaliser.replacements.get(base_norm(text, previous), base_norm(text, previous))
            out.append(norm)
            previous = norm
        return merge_negations(out)

    check_patterns(vocabulary, tokenise)
    nlp.add_pipe("sentencizer")
    findings = AnchoredTargetMatcher(nlp, FINDINGS_MATCHER)
    scope: Any = nlp.add_pipe(
        "medspacy_target_matcher",
        name=SCOPE_MATCHER,
        config={"result_type": "group", "span_group_name": GROUP, "phrase_matcher_attr": "NORM"},
    )
    macros = vocabulary.macros

    def rules(label: str, index: int, patterns: Sequence[str]) -> list[Any]:
        category = f"{label}#{index}" if index >= 0 else label
        out = []
        for text in patterns:
            try:
                compiled = compile_pattern(text, macros, tokenise, inline=True)
            except PatternError as exc:
                where = f"{label}[{index}]" if index >= 0 else label
                raise VocabularyError(f"vocabulary.yaml: {where}: {exc}") from None
            out += [TargetRule(literal=text, category=category, pattern=p) for p in compiled]
        return out

    finding_rules: list[Any] = []
    for i, target in enumerate(vocabulary.targets):
        finding_rules += rules("target", i, target.patterns)
    finding_rules += rules("ignore", -1, vocabulary.ignore)
    finding_rules += rules("product", -1, vocabulary.paracetamol_products)
    findings.add(finding_rules)
    scope_rules: list[Any] = []
    for i, entry in enumerate(vocabulary.scope):
        scope_rules += rules("ignore" if entry.ignore else "scope", i, entry.patterns)
    scope.add(scope_rules)
    context: Any = nlp.add_pipe(
        "medspacy_context",
        name=CONTEXT,
        config={
            "rules": None,
            "prune_on_target_overlap": True,
            "input_span_type": "group",
            "span_group_name": GROUP,
            "phrase_matcher_attr": "NORM",
        },
    )
    context.add(build_context_rules(load_rules(), macros, tokenise))
    return Engine(
        nlp=nlp,
        vocabulary=vocabulary,
        normaliser=normaliser,
        tokenise=tokenise,
        findings=findings,
    )


def _normalise_tokens(doc: Doc, normaliser: Normaliser) -> None:
    """Give every token its vocabulary form; fuse "<auxiliary> not" into one token."""
    previous: str | None = None
    fuse: list[int] = []
    for token in doc:
        norm = normaliser.norm(token.text, previous)
        if norm != token.norm_:
            token.norm_ = norm
        if norm == "not" and previous in NEGATABLE_AUX and token.i > 0:
            fuse.append(token.i - 1)
        previous = norm
    if fuse:
        with doc.retokenize() as retokenizer:
            for i in fuse:
                retokenizer.merge(doc[i : i + 2], attrs={"NORM": f"{doc[i].norm_} not"})


def _value_spans(doc: Doc, values: list[ValueMention], payloads: dict[str, Any]) -> list[Span]:
    """One span per value, labelled with a key into ``payloads`` (span extensions are shared by
    spans with the same offsets, so the label carries the identity)."""
    spans = []
    for n, value in enumerate(values):
        start, end = value.span
        label = f"{value.kind}#{n}"
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None and len(span):
            payloads[label] = value
            spans.append(span)
    return spans


def _medicine_spans(doc: Doc, medicines: Sequence[tuple[str, str]], payloads: dict[str, Any]) -> list[Span]:
    """Spans for every occurrence of each medicine name found (id, the text that named it)."""
    spans = []
    lowered = doc.text.lower()
    for n, (medicine_id, name) in enumerate(medicines):
        label = f"medicine#{n}"
        payloads[label] = medicine_id
        for m in re.finditer(r"(?<!\w)" + re.escape(name.lower()) + r"(?!\w)", lowered):
            span = doc.char_span(m.start(), m.end(), label=label, alignment_mode="expand")
            if span is not None and len(span):
                spans.append(span)
    return spans


def _context_of(span: Span) -> tuple[frozenset[str], tuple[str, ...], int | None, int | None]:
    kinds: set[str] = set()
    family: list[str] = []
    gap: int | None = None
    cue_end: int | None = None
    for modifier in span._.modifiers:
        if modifier.category == "NEGATED_EXISTENCE":
            start, end = modifier.modifier_span
            distance = span.start - end if end <= span.start else max(0, start - span.end)
            if gap is None or distance < gap:
                gap = distance
                cue_end = span.doc[end - 1].idx + len(span.doc[end - 1]) if end <= span.start else None
        elif modifier.category == "HISTORICAL":
            metadata = modifier.rule.metadata or {}
            kinds.add(str(metadata.get("kind", "remote")))
        elif modifier.category == "FAMILY":
            start, end = modifier.modifier_span
            family.append(span.doc[start:end].text.lower())
    return frozenset(kinds), tuple(family), gap, cue_end


def analyse(text: str, today: dt.date, medicines: Sequence[tuple[str, str]] = ()) -> Analysis:
    """Run the pipeline over cleaned ``text``; ``medicines`` are (id, name as written) pairs."""
    built = engine()
    nlp = built.nlp
    doc = nlp.make_doc(text)
    _normalise_tokens(doc, built.normaliser)
    doc = nlp.get_pipe("sentencizer")(doc)
    doc.spans[GROUP] = built.findings(doc)
    doc = nlp.get_pipe(SCOPE_MATCHER)(doc)
    payloads: dict[str, Any] = {}
    values = find_values(doc.text, today)
    # Time expressions stay out of the context rules: "three years ago" is itself a history cue,
    # and a span over it would silence the cue for "I had sciatica three years ago".
    timed = [v for v in values if v.kind == "duration"]
    values = [v for v in values if v.kind != "duration"]
    extra = _value_spans(doc, values, payloads) + _medicine_spans(doc, medicines, payloads)
    if extra:
        doc.spans[GROUP] = list(doc.spans[GROUP]) + extra if GROUP in doc.spans else extra
    doc = nlp.get_pipe(CONTEXT)(doc)
    sentence_starts = [s.start for s in doc.sents]
    analysis = Analysis(
        text=doc.text,
        sentences=[s.text for s in doc.sents],
        sentence_spans=[(s.start_char, s.end_char) for s in doc.sents],
        words=[t.text for t in doc],
    )
    for span in doc.spans.get(GROUP, []):
        label, _, number = span.label_.partition("#")
        payload = payloads.get(span.label_)
        index = int(number) if number and label in {"target", "scope"} else -1
        if isinstance(payload, ValueMention):
            evidence = doc.text[payload.start : payload.end]
            start, end = payload.start, payload.end
        else:
            evidence, start, end = span.text, span.start_char, span.end_char
        historical, family, negation_gap, cue_end = _context_of(span)
        sentence = max(i for i, start in enumerate(sentence_starts) if start <= span.start)
        analysis.mentions.append(
            Mention(
                label=label,
                index=index,
                payload=payload,
                text=evidence,
                start=start,
                end=end,
                sentence=sentence,
                norms=tuple(t.norm_ for t in span),
                negated=bool(span._.is_negated),
                uncertain=bool(span._.is_uncertain),
                hypothetical=bool(span._.is_hypothetical),
                historical=historical,
                family=family,
                negation_gap=negation_gap,
                negation_cue_end=cue_end,
            )
        )
    for value in timed:
        sentence = max(i for i, (start, _) in enumerate(analysis.sentence_spans) if start <= value.start)
        analysis.mentions.append(
            Mention(label="duration", index=-1, payload=value, text=doc.text[value.start : value.end],
                    start=value.start, end=value.end, sentence=sentence, norms=())
        )
    analysis.mentions.sort(key=lambda m: (m.start, m.end))
    return analysis
