"""The reading pipeline: built once, then run on each text to give context-tagged mentions.

``spacy.blank("en")`` tokenises and splits sentences; the vocabulary's findings and back/scope
mentions are found by ``anchored.AnchoredMatcher`` (each pattern one regular expression over the
normalised tokens, tried only where its first word occurs); value spans come from ``numbers`` and
medicine spans from ``backcare.core.medicines``. medspaCy's ConText algorithm (``ConTextGraph``, with
modifiers pruned where they overlap a target, so that "can't" in "can't pee" never negates it;
LONGSTANDING cues excepted) then decides what is negated, hedged, hypothetical, historical, about
someone else, long-standing or new; its cues are looked for only in sentences that hold a target,
since a cue's scope never leaves its sentence. Nothing is downloaded: spaCy's blank English and
medspaCy's packaged rules are all it needs.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from backcare.adapters.language.anchored import AnchoredMatcher, prune_longest
from backcare.adapters.language.context_rules import build_context_rules, load_rules
from backcare.adapters.language.normalise import Normaliser, base_norm, english_words, make_normaliser
from backcare.adapters.language.numbers import ValueMention, find_values
from backcare.adapters.language.patterns import NEGATABLE_AUX, PatternError, compile_regex, merge_negations
from backcare.adapters.language.vocabulary import Vocabulary, VocabularyError, check_patterns, load_vocabulary

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span


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


@dataclass(frozen=True)
class Engine:
    """The built pipeline and the data it was built from."""

    nlp: Language  # blank English: the tokenizer and a sentencizer
    vocabulary: Vocabulary
    normaliser: Normaliser
    tokenise: Callable[[str], list[str]]  # a vocabulary word as normalised tokens
    findings: AnchoredMatcher[str]  # targets, "ignore" masks and paracetamol products
    scope: AnchoredMatcher[str]  # mentions of the back, flank or a spasm (and their look-alikes)
    context: AnchoredMatcher[int]  # ConText cues, keyed by their index in ``context_rules``
    context_rules: tuple[Any, ...]  # medspaCy ConTextRule objects
    reads: dict[str, frozenset[str]]  # the finding ids each findings key can read

    def compete(self, a: str, b: str) -> bool:
        """Whether two overlapping findings matches are rival readings (only the longer stands):
        a mask ("ignore") against anything, or two that read a common finding ("my waters" and
        "waters haven't gone"). Matches for different findings both stand."""
        if a.startswith("ignore") or b.startswith("ignore"):
            return True
        return bool(self.reads.get(a, frozenset()) & self.reads.get(b, frozenset()))


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
    from spacy.attrs import ORTH
    from spacy.util import compile_infix_regex

    infixes = [*(nlp.Defaults.infixes or []), r"(?<=[0-9])(?=[A-Za-z])", r"&", r"(?<=[A-Za-z])/(?=[A-Za-z])"]
    tokenizer: Any = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    # clinical shorthand for a test's result ("SLR +ve", "FMs -ve"): one word each, not "and have"
    for shorthand in ("+ve", "-ve", "+VE", "-VE", "+Ve", "-Ve"):
        tokenizer.add_special_case(shorthand, [{"ORTH": shorthand}])
    # contractions in capitals ("I CAN'T PEE") split like their lower-case forms ("ca" + "n't")
    exceptions = nlp.Defaults.tokenizer_exceptions or {}
    for text, pieces in list(exceptions.items()):
        upper = text.upper()
        if upper != text and upper not in exceptions and ("'" in text or "’" in text):
            tokenizer.add_special_case(upper, [{ORTH: str(piece[ORTH]).upper()} for piece in pieces])


def compile_all() -> None:
    """Compile every pattern now: a server pays this once at start-up, not on its first texts.

    A one-off command does not: patterns compile when a text first holds their words.
    """
    built = engine()
    for matcher in (built.findings, built.scope, built.context):
        matcher.compile()


@cache
def engine() -> Engine:
    """Build the pipeline (once per process): spaCy's blank English, the vocabulary's patterns
    compiled to regular expressions, and the ConText rules."""
    import warnings

    _silence_logging()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import spacy
        from medspacy import context as _context  # noqa: F401 - registers the span extensions ConText uses
    _fix_overlap_check()

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
        out: list[str] = []
        previous: str | None = None
        for token in nlp.make_doc(word):
            norm = base_norm(token.text, previous)
            norm = normaliser.replacements.get(norm, norm)
            out.append(norm)
            previous = norm
        return merge_negations(out)

    check_patterns(vocabulary, tokenise)
    nlp.add_pipe("sentencizer")
    macros = vocabulary.macros

    def add(matcher: AnchoredMatcher[str], label: str, index: int, patterns: Sequence[str]) -> None:
        key = f"{label}#{index}" if index >= 0 else label
        for text in patterns:
            try:
                matcher.add(key, compile_regex(text, macros, tokenise))
            except PatternError as exc:
                where = f"{label}[{index}]" if index >= 0 else label
                raise VocabularyError(f"vocabulary.yaml: {where}: {exc}") from None

    findings: AnchoredMatcher[str] = AnchoredMatcher()
    for i, target in enumerate(vocabulary.targets):
        add(findings, "target", i, target.patterns)
    add(findings, "ignore", -1, vocabulary.ignore)
    add(findings, "product", -1, vocabulary.paracetamol_products)
    scope: AnchoredMatcher[str] = AnchoredMatcher()
    for i, entry in enumerate(vocabulary.scope):
        add(scope, "ignore" if entry.ignore else "scope", i, entry.patterns)
    context: AnchoredMatcher[int] = AnchoredMatcher()
    rules = build_context_rules(load_rules(), macros, tokenise)
    for i, (_, compiled) in enumerate(rules):
        context.add(i, compiled)
    english_words()  # the typo corrector's dictionary, loaded with the rest
    return Engine(
        nlp=nlp,
        vocabulary=vocabulary,
        normaliser=normaliser,
        tokenise=tokenise,
        findings=findings,
        scope=scope,
        context=context,
        context_rules=tuple(rule for rule, _ in rules),
        reads=_reads(vocabulary),
    )


def _reads(vocabulary: Vocabulary) -> dict[str, frozenset[str]]:
    """The finding ids each findings-matcher key can read (products: several paracetamol
    products), or supersedes (``overrides``)."""
    reads = {
        f"target#{i}": frozenset(
            [
                *target.ids,
                *target.negated_also,
                *(f for ids in target.words.values() for f in ids),
                *(target.if_longstanding or []),
                *target.overrides,
                *target.absent_also,
                *target.otherwise,
            ]
        )
        for i, target in enumerate(vocabulary.targets)
    }
    reads["product"] = frozenset({"paracetamol_several_products"})
    return reads


#: The normalised form of a capitalised "Ca"/"CA", the clinicians' cancer ("Ca breast"); a lower-case
#: "ca" reads as "can", as in "ca" + "n't".
CA = "cancerabbrev"
#: The second half of a split "can't", "cant", "can not".
_NOT_TOKENS = frozenset({"n't", "nt", "not", "n’t"})


def _normalise_tokens(doc: Doc, normaliser: Normaliser) -> None:
    """Give every token its vocabulary form; fuse "<auxiliary> not" into one token."""
    previous: str | None = None
    fuse: list[int] = []
    for token in doc:
        norm = normaliser.norm(token.text, previous)
        if token.text in {"Ca", "CA"} and (token.i + 1 == len(doc) or doc[token.i + 1].lower_ not in _NOT_TOKENS):
            norm = CA  # "Ca breast", "CA prostate" ("Can't" is "Ca" + "n't")
        if norm != token.norm_:
            token.norm_ = norm
        if norm == "not" and previous in NEGATABLE_AUX and token.i > 0:
            fuse.append(token.i - 1)
        previous = norm
    if fuse:
        with doc.retokenize() as retokenizer:
            for i in fuse:
                retokenizer.merge(doc[i : i + 2], attrs={"NORM": f"{doc[i].norm_} not"})


#: Short replies to a question the writer asks themselves ("Fever? No.").
_ANSWERS = frozenset(
    {"no", "nope", "nah", "none", "never", "not really", "not at all", "negative", "nil", "no never", "no none",
     "not that i know of", "not that i have noticed", "none at all", "not any", "no way", "yes", "yeah", "yep",
     "yes definitely", "a bit", "a little", "maybe", "sometimes", "not sure", "i do not think so", "do not think so",
     "probably not", "possibly not", "perhaps not", "maybe not", "i doubt it", "doubt it", "i think not",
     "i do not believe so", "i think so", "i think", "probably", "possibly", "not that i think"}
)  # fmt: skip


def _join_answers(doc: Doc) -> None:
    """Join a short answer to the question before it ("Numbness? No."), so that the context
    rules read them together: a question and its answer are one statement."""
    sentences = list(doc.sents)
    for previous, sentence in itertools.pairwise(sentences):
        if previous[-1].text != "?":
            continue
        words = " ".join(t.norm_ for t in sentence if not t.is_punct)
        if words in _ANSWERS:
            doc[sentence.start].is_sent_start = False


def _value_spans(doc: Doc, values: list[ValueMention], payloads: dict[str, Any]) -> list[Span]:
    """One span per value, labelled with a key into ``payloads``."""
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


def _scope_matches(found: list[tuple[str, int, int, int]]) -> list[tuple[str, int, int]]:
    """Mentions of the back, each kept unless a longer look-alike covers it ("the back of my
    knee"). Back mentions do not prune one another: "my lower back has been" is both "lower
    back" (the region) and "back has been"."""
    masks = [m for m in prune_longest([f for f in found if f[0].startswith("ignore")])]
    kept = [
        (key, start, end)
        for key, start, end, _ in found
        if not key.startswith("ignore") and not any(s < end and start < e and e - s >= end - start for _, s, e in masks)
    ]
    return masks + sorted(set(kept), key=lambda m: (m[1], m[2], m[0]))


def _kept_cues(span: Span, built: Engine) -> frozenset[str]:
    """The cue categories a finding's entry keeps for the other findings (``keeps_cues``)."""
    label, _, number = span.label_.partition("#")
    if label != "target" or not number:
        return frozenset()
    return frozenset(built.vocabulary.targets[int(number)].keeps_cues)


def _apply_context(doc: Doc, targets: list[Span], built: Engine, norms: list[str]) -> list[list[Any]]:
    """ConText over the sentences that hold a target: the modifiers of each target, in order.

    A cue's scope ends with its sentence, so cues elsewhere cannot modify anything; each sentence
    gets its own ConTextGraph (medspaCy's algorithm, unchanged)."""
    from medspacy.context import ConTextGraph, ConTextModifier

    sentence_of = [0] * len(doc)
    bounds: list[tuple[int, int]] = []
    for n, sentence in enumerate(doc.sents):
        bounds.append((sentence.start, sentence.end))
        for i in range(sentence.start, sentence.end):
            sentence_of[i] = n
    by_sentence: dict[int, list[int]] = {}
    for t, span in enumerate(targets):
        by_sentence.setdefault(sentence_of[span.start], []).append(t)
    starts = [i for n in by_sentence for i in range(*bounds[n])]
    cues = prune_longest(built.context(norms, starts))  # overlapping cues: the longest (medspaCy's way)
    modifiers: dict[int, list[Any]] = {}
    for index, start, end in sorted(cues, key=lambda c: (c[1], c[2])):
        rule = built.context_rules[index]
        modifiers.setdefault(sentence_of[start], []).append(ConTextModifier(rule, start, end, doc))
    found: list[list[Any]] = [[] for _ in targets]
    for n, members in by_sentence.items():
        if n not in modifiers:
            continue
        graph = ConTextGraph(prune_on_modifier_overlap=False)
        graph.targets = [targets[t] for t in members]
        graph.modifiers = modifiers[n]
        graph.update_scopes()
        # medspaCy's pruning, with one exception: a cue inside a finding is part of that finding
        # ("can't" in "can't pee") and modifies nothing, but a LONGSTANDING cue may name a
        # condition that is itself a finding ("numb feet from my diabetes") and still tie a
        # symptom to it (a cue never modifies a target it overlaps).
        # Likewise a finding that is itself a cue ("really worried I might lose control") keeps
        # the cue categories its entry names (``keeps_cues``) for the other findings.
        graph.modifiers = [
            m
            for m in graph.modifiers
            if m.category == "LONGSTANDING"
            or not any(
                _overlaps((targets[t].start, targets[t].end), m.modifier_span)
                and m.category not in _kept_cues(targets[t], built)
                for t in members
            )
        ]
        graph.apply_modifiers()
        position = {id(targets[t]): t for t in members}
        for target, modifier in graph.edges:
            found[position[id(target)]].append(modifier)
        # "worse" anywhere in the sentence makes all its findings current (never long-standing)
        worse = [m for m in modifiers[n] if m.category == "CURRENT" and (m.rule.metadata or {}).get("kind") == "worse"]
        for t in members if worse else ():
            if worse[0] not in found[t]:
                found[t].append(worse[0])
    return found


@dataclass(frozen=True)
class _Context:
    """What the modifiers of one target say, beyond their categories."""

    historical: frozenset[str] = frozenset()
    family: tuple[str, ...] = ()
    negation_gap: int | None = None
    negation_cue_end: int | None = None
    hedged_negation: bool = False
    hedges: tuple[tuple[int, int], ...] = ()


def _kind(modifier: Any) -> str | None:
    metadata = modifier.rule.metadata or {}
    kind = metadata.get("kind")
    return str(kind) if kind else None


def _context_of(span: Span, modifiers: list[Any]) -> _Context:
    kinds: set[str] = set()
    family: list[str] = []
    gap: int | None = None
    cue_end: int | None = None
    hedged_negation = False
    hedges: list[tuple[int, int]] = []
    doc = span.doc
    for modifier in modifiers:
        start, end = modifier.modifier_span
        if modifier.category == "NEGATED_EXISTENCE":
            distance = span.start - end if end <= span.start else max(0, start - span.end)
            if gap is None or distance < gap:
                gap = distance
                cue_end = doc[end - 1].idx + len(doc[end - 1]) if end <= span.start else None
            hedged_negation = hedged_negation or _kind(modifier) == "hedge"
        elif modifier.category == "POSSIBLE_EXISTENCE" and _kind(modifier) == "hedge":
            hedges.append((doc[start].idx, doc[end - 1].idx + len(doc[end - 1])))
        elif modifier.category == "HISTORICAL":
            kinds.add(_kind(modifier) or "remote")
        elif modifier.category == "FAMILY":
            family.append(doc[start:end].text.lower())
    return _Context(frozenset(kinds), tuple(family), gap, cue_end, hedged_negation, tuple(hedges))


def analyse(text: str, today: dt.date, medicines: Sequence[tuple[str, str]] = ()) -> Analysis:
    """Run the pipeline over cleaned ``text``; ``medicines`` are (id, name as written) pairs."""
    from spacy.tokens import Span

    built = engine()
    nlp = built.nlp
    doc = nlp.make_doc(text)
    _normalise_tokens(doc, built.normaliser)
    doc = nlp.get_pipe("sentencizer")(doc)
    _join_answers(doc)
    norms = [token.norm_ for token in doc]
    # "ignore" matches only mask look-alikes ("the back of my leg", "kidney stones"): they are no
    # targets, so that a cue next to them is not pruned as if it were inside a finding.
    matches = prune_longest(built.findings(norms), built.compete) + _scope_matches(built.scope(norms))
    ordered = sorted(matches, key=lambda m: (m[1], m[2]))
    targets = [Span(doc, start, end, label=key) for key, start, end in ordered if not key.startswith("ignore")]
    payloads: dict[str, Any] = {}
    values = find_values(doc.text, today)
    # Time expressions stay out of the context rules: "three years ago" is itself a history cue,
    # and a span over it would silence the cue for "I had sciatica three years ago".
    timed = [v for v in values if v.kind == "duration"]
    values = [v for v in values if v.kind != "duration"]
    targets += _value_spans(doc, values, payloads) + _medicine_spans(doc, medicines, payloads)
    context = _apply_context(doc, targets, built, norms)
    sentences = list(doc.sents)
    sentence_starts = [s.start for s in sentences]
    analysis = Analysis(
        text=doc.text,
        sentences=[s.text for s in sentences],
        sentence_spans=[(s.start_char, s.end_char) for s in sentences],
        words=[t.text for t in doc],
    )
    for span, modifiers in zip(targets, context, strict=True):
        label, _, number = span.label_.partition("#")
        payload = payloads.get(span.label_)
        index = int(number) if number and label in {"target", "scope"} else -1
        if isinstance(payload, ValueMention):
            evidence = doc.text[payload.start : payload.end]
            start, end = payload.start, payload.end
        else:
            evidence, start, end = span.text, span.start_char, span.end_char
        categories = {modifier.category for modifier in modifiers}
        found = _context_of(span, modifiers)
        analysis.mentions.append(
            Mention(
                label=label,
                index=index,
                payload=payload,
                text=evidence,
                start=start,
                end=end,
                sentence=bisect.bisect_right(sentence_starts, span.start) - 1,
                norms=tuple(norms[span.start : span.end]),
                negated="NEGATED_EXISTENCE" in categories,
                uncertain="POSSIBLE_EXISTENCE" in categories,
                hypothetical="HYPOTHETICAL" in categories,
                historical=found.historical,
                family=found.family,
                negation_gap=found.negation_gap,
                negation_cue_end=found.negation_cue_end,
                hedged_negation=found.hedged_negation,
                hedges=found.hedges,
                longstanding="LONGSTANDING" in categories,
                current="CURRENT" in categories,
            )
        )
    char_starts = [start for start, _ in analysis.sentence_spans]
    for value in timed:
        sentence = max(0, bisect.bisect_right(char_starts, value.start) - 1)
        analysis.mentions.append(
            Mention(
                label="duration",
                index=-1,
                payload=value,
                text=doc.text[value.start : value.end],
                start=value.start,
                end=value.end,
                sentence=sentence,
                norms=(),
            )
        )
    analysis.mentions.sort(key=lambda m: (m.start, m.end))
    return analysis
