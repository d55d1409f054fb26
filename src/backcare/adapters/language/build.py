"""Building the reading pipeline, once per process: spaCy's blank English (tokenizer and
sentencizer), the vocabulary's patterns compiled to regular expressions, and the ConText rules.
A server builds it at start-up (``compile_all``); a one-off command when it first reads."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from backcare.adapters.language.anchored import AnchoredMatcher
from backcare.adapters.language.context_apply import fix_overlap_check
from backcare.adapters.language.context_rules import build_context_rules, load_rules
from backcare.adapters.language.normalise import (
    NEGATIVE_VERBS,
    Normaliser,
    base_norm,
    english_words,
    make_normaliser,
)
from backcare.adapters.language.patterns import Compile, PatternError, compile_regex, merge_negations
from backcare.adapters.language.vocabulary import Vocabulary, VocabularyError, check_patterns, load_vocabulary

if TYPE_CHECKING:
    from spacy.language import Language

    from backcare.adapters.language.compiled import Compiled


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
    conditional: frozenset[int]  # the targets that need another finding ("requires"), by index

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


def _tokenizer_rules(nlp: Language) -> None:
    """Split "36f"/"44M"/"67yo" into number + letters, "pins&needles" around "&", and "'ll" off
    any word ("nothing'll come" as "nothing will come", as spaCy already does for "it'll")."""
    from spacy.attrs import ORTH
    from spacy.util import compile_infix_regex, compile_suffix_regex

    infixes = [*(nlp.Defaults.infixes or []), r"(?<=[0-9])(?=[A-Za-z])", r"&", r"(?<=[A-Za-z])/(?=[A-Za-z])"]
    tokenizer: Any = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    tokenizer.suffix_search = compile_suffix_regex([*(nlp.Defaults.suffixes or []), r"(?<=[A-Za-z])['’]ll"]).search
    # clinical shorthand for a test's result ("SLR +ve", "FMs -ve"): one word each, not "and have",
    # and the emergency department ("go to A&E"), which the "&" split would break into "a and e"
    for shorthand in ("+ve", "-ve", "+VE", "-VE", "+Ve", "-Ve", "a&e", "A&E", "A&e"):
        tokenizer.add_special_case(shorthand, [{"ORTH": shorthand}])
    # a note's "3/7 D&V." at a sentence's end: "V." would be kept whole, as an initial
    for first, last in ("DV", "NV", "dv", "nv"):
        tokenizer.add_special_case(f"{first}&{last}.", [{ORTH: first}, {ORTH: "&"}, {ORTH: last}, {ORTH: "."}])
    # Scots and Jamaican negatives ("cannae", "wisnae", "cyaan"): the verb and the rest, read as "<verb> not"
    for word, (verb, _) in NEGATIVE_VERBS.items():
        for typed in (word, word.capitalize(), word.upper()):
            tokenizer.add_special_case(typed, [{ORTH: typed[: len(verb)]}, {ORTH: typed[len(verb) :]}])
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
    compiled to regular expressions (ahead of time when ``make install`` did, see ``compiled``),
    and the ConText rules."""
    from backcare.adapters.language import compiled

    ahead = compiled.load()
    return build_engine(ahead, ahead.compile if ahead else compile_regex)


def build_engine(ahead: Compiled | None, compile: Compile) -> Engine:
    """The pipeline, its patterns compiled by ``compile``; with none compiled ahead, the vocabulary
    is checked and its keywords gathered here."""
    import warnings

    _silence_logging()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import spacy
        from medspacy import context as _context  # noqa: F401 - registers the span extensions ConText uses
    fix_overlap_check()

    vocabulary = load_vocabulary()
    nlp = spacy.blank("en")
    _tokenizer_rules(nlp)
    normaliser = make_normaliser(vocabulary.normalise, ahead.keywords if ahead else vocabulary.keywords())
    tokenise = _tokeniser(nlp, normaliser)
    if ahead is None:
        check_patterns(vocabulary, tokenise)  # (compiled ahead: checked when it was compiled)
    nlp.add_pipe("sentencizer")
    findings, scope = _vocabulary_matchers(vocabulary, tokenise, compile)
    context: AnchoredMatcher[int] = AnchoredMatcher()
    rules = build_context_rules(load_rules(), vocabulary.macros, tokenise, compile)
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
        conditional=frozenset(i for i, target in enumerate(vocabulary.targets) if target.requires),
    )


def _tokeniser(nlp: Language, normaliser: Normaliser) -> Callable[[str], list[str]]:
    """A vocabulary word as normalised tokens, split and normalised as a text's words are (cached:
    the same words recur across patterns)."""

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

    return tokenise


def _vocabulary_matchers(
    vocabulary: Vocabulary, tokenise: Callable[[str], list[str]], compile: Compile
) -> tuple[AnchoredMatcher[str], AnchoredMatcher[str]]:
    """The findings matcher (targets, "ignore" masks, paracetamol products) and the scope matcher
    (the back, flank or a spasm, and their look-alikes), keyed "label#index"."""
    macros = vocabulary.macros

    def add(matcher: AnchoredMatcher[str], label: str, index: int, patterns: Sequence[str]) -> None:
        key = f"{label}#{index}" if index >= 0 else label
        for text in patterns:
            try:
                matcher.add(key, compile(text, macros, tokenise))
            except PatternError as exc:
                where = f"{label}[{index}]" if index >= 0 else label
                raise VocabularyError(f"vocabulary.yaml: {where}: {exc}") from None

    findings: AnchoredMatcher[str] = AnchoredMatcher()
    for i, target in enumerate(vocabulary.targets):
        add(findings, "target", i, target.patterns)
    for i, idiom in enumerate(vocabulary.ignore):
        add(findings, "ignore", i, [idiom if isinstance(idiom, str) else idiom.pattern])
    add(findings, "product", -1, vocabulary.paracetamol_products)
    scope: AnchoredMatcher[str] = AnchoredMatcher()
    for i, entry in enumerate(vocabulary.scope):
        add(scope, "ignore" if entry.ignore else "scope", i, entry.patterns)
    return findings, scope


def _reads(vocabulary: Vocabulary) -> dict[str, frozenset[str]]:
    """The finding ids each findings-matcher key can read (products: several paracetamol
    products), or supersedes (``overrides``)."""
    reads = {f"target#{i}": frozenset(target.all_finding_ids) for i, target in enumerate(vocabulary.targets)}
    reads["product"] = frozenset({"paracetamol_several_products"})
    # an idiom "reads" the findings it is mistaken for: they are asked back, never recorded
    for i, idiom in enumerate(vocabulary.ignore):
        if not isinstance(idiom, str):
            reads[f"ignore#{i}"] = frozenset(idiom.hides)
    return reads
