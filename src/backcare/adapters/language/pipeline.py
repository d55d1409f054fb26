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
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from backcare.adapters.language.anchored import Match, prune_longest
from backcare.adapters.language.build import Engine, compile_all, engine
from backcare.adapters.language.context_apply import apply_context, context_of
from backcare.adapters.language.kinship import RELATIONS
from backcare.adapters.language.mention_context import ASKED_OF_ME
from backcare.adapters.language.mentions import Analysis, Mention
from backcare.adapters.language.normalise import NEGATIVE_VERBS, Normaliser
from backcare.adapters.language.numbers import find_values
from backcare.adapters.language.patterns import NEGATABLE_AUX
from backcare.adapters.language.values import ValueMention
from backcare.adapters.language.whose import keep_subjects

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["CA", "Analysis", "Engine", "Mention", "analyse", "compile_all", "engine"]


#: The normalised form of a capitalised "Ca"/"CA", the clinicians' cancer ("Ca breast"); a lower-case
#: "ca" reads as "can", as in "ca" + "n't".
CA = "cancerabbrev"


#: Where a cancer starts, after which even a lower-case "ca" is the clinicians' cancer ("FHx: mother ca
#: breast"): no "can't" is followed by one.
_CANCER_SITES = frozenset(
    {"breast", "prostate", "lung", "bowel", "colon", "rectum", "rectal", "kidney", "renal", "thyroid", "bladder",
     "ovary", "ovarian", "cervix", "pancreas", "stomach", "oesophagus", "esophagus", "liver", "uterus", "skin"}
)  # fmt: skip
#: The second half of a split "can't", "cant", "can not".
_NOT_TOKENS = frozenset({"n't", "nt", "not", "n’t"})
#: Parts of the body (and what is worn on it) after which "me" (or Scots "ma") is "my", as in Irish,
#: Scots, Australian and Northern English ("down me left arm", "ma troosers are hingin aff me"). After
#: "me", "back" is read by its own patterns ("called me back" is no back); "ma back" is always the writer's.
_BODY_AFTER_ME = frozenset(
    {"left", "right", "leg", "legs", "arm", "arms", "jaw", "neck", "shoulder", "shoulders", "foot", "feet", "knee",
     "knees", "hip", "hips", "bum", "bladder", "bowels", "chest", "belly", "tummy", "stomach", "head", "hand", "hands",
     "spine", "side", "ribs", "eyes", "skin", "toes", "thigh", "thighs", "calf", "calves", "buttock", "buttocks",
     "lower", "upper", "groin", "privates", "waterworks", "water", "wee", "face", "speech", "balance", "temperature",
     "breath", "breathing", "heart", "pee", "arse", "erse", "ass", "bottom", "backside", "trousers", "troosers",
     "jeans", "clothes", "belt", "weight"}
)  # fmt: skip


#: Scots "ma" is "my" before these too: "ma back", "ma man" (husband), "ma wean".
_AFTER_MA = frozenset({"back", "backs", "man", "woman", "wean", "weans", "bairn", "bairns"})


def _body_after(word: str, following: str) -> bool:
    # "ma back", "ma da's got...", "me mam says", "ma man came aff his motorbike": the writer's own
    return following in _BODY_AFTER_ME or following in RELATIONS or (word == "ma" and following in _AFTER_MA)


#: Words by which the writer addresses the reader ("Mate, got this pain..."): at the start of a
#: sentence and before a comma they are no one the text is about.
_VOCATIVES = frozenset({"mate", "bro", "pal", "dude", "guys", "lads", "folks", "doc", "doctor", "hun", "babe", "sis"})


def _in_place_norm(doc: Doc, i: int) -> str | None:
    """A norm that depends on the neighbours: a dialect negative verb's halves ("can" + "nae" as
    "can" + "not"), and a word addressing the reader ("Mate, ...") as a greeting."""
    token = doc[i]
    if i + 1 < len(doc) and not token.whitespace_:
        split = NEGATIVE_VERBS.get(token.lower_ + doc[i + 1].lower_)
        if split is not None and split[0] == token.lower_:
            return split[1]
    if i > 0 and not doc[i - 1].whitespace_:
        split = NEGATIVE_VERBS.get(doc[i - 1].lower_ + token.lower_)
        if split is not None and split[0] == doc[i - 1].lower_:
            return "not"
    first = i == 0 or doc[i - 1].text in {".", "!", "?"}
    if first and token.lower_ in _VOCATIVES and i + 1 < len(doc) and doc[i + 1].text == ",":
        return "hey"
    return None


def _is_cancer_abbreviation(doc: Doc, i: int) -> bool:
    """A capitalised "Ca" not split from "n't", or a lower-case "ca" before where a cancer starts."""
    after = doc[i + 1].lower_ if i + 1 < len(doc) else None
    if doc[i].text in {"Ca", "CA"}:
        return after not in _NOT_TOKENS
    return doc[i].text == "ca" and after in _CANCER_SITES


def _normalise_tokens(doc: Doc, normaliser: Normaliser) -> None:
    """Give every token its vocabulary form; fuse "<auxiliary> not" into one token."""
    previous: str | None = None
    fuse: list[int] = []
    for token in doc:
        norm = _in_place_norm(doc, token.i) or normaliser.norm(token.text, previous)
        if _is_cancer_abbreviation(doc, token.i):
            norm = CA  # "Ca breast", "CA prostate", "mother ca breast" ("Can't" is "Ca" + "n't")
        elif (
            token.lower_ in ("me", "ma")
            and token.i + 1 < len(doc)
            and _body_after(token.lower_, doc[token.i + 1].lower_)
        ):
            norm = "my"  # Scots "ma back", Irish "me legs"
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
     "i do not believe so", "i think so", "i think", "probably", "possibly", "not that i think", "normal", "all normal",
     "fine", "all fine", "all good", "no problems", "no issues", "none of those", "none of these", "none of them",
     "none of that", "none of the above", "no to all", "all no"}
)  # fmt: skip


#: A short reply that ends in its answer: "lost weight? wish I had lol, no".
_ANSWER_ENDING = re.compile(r"(?:\S+ ){1,6}(?:no|nope|nah|none|never)")
#: ... or opens it and says the writer is well: "Feel very unwell? no im ok, still working from home"
_ANSWER_OPENING = re.compile(
    r"(?:no|nope|nah|not really) (?:(?:i|m|am|feel|feeling|it|is|s|all|just|pretty|really|perfectly|quite|doing)"
    r" ){0,4}(?:ok|okay|fine|alright|good|well|grand)\b.*"
)

#: A sentence that only says the one before it is nothing new ("That's not new, it's been the same
#: for years."): read with it, so that its long-standing cue reaches the symptom just told.
_STABLE_REMARK = re.compile(
    r"(?:(?:that|it|this) is )?(?:not new|nothing new|no different|same as always)"
    r"(?: (?:and )?(?:it|that|this|they) (?:is|has|have) been (?:the same|like that|like this|unchanged|stable)"
    r" (?:for|since) [a-z0-9 ]+)?"
    r"|(?:it|that|this|they) (?:is|has|have) been (?:the same|like that|like this|unchanged|stable) (?:for|since)"
    r" (?:years|ages|a long time|decades|[a-z0-9 ]+ (?:years|ago))"
)


def _join_answers(doc: Doc) -> None:
    """Join a short answer to the question before it ("Numbness? No."), and a remark that the
    symptom just told is nothing new to the sentence telling it, so that the context rules read
    them together: a question and its answer, or a symptom and its remark, are one statement."""
    sentences = list(doc.sents)
    for previous, sentence in itertools.pairwise(sentences):
        words = " ".join(t.norm_ for t in sentence if not t.is_punct)
        answered = previous[-1].text == "?" and (
            words in _ANSWERS or _ANSWER_ENDING.fullmatch(words) or _ANSWER_OPENING.fullmatch(words)
        )
        if answered or _STABLE_REMARK.fullmatch(words):
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


def _idioms(doc: Doc, found: Sequence[Match[str]], reads: Mapping[str, frozenset[str]]) -> dict[str, str]:
    """The findings an ``ignore`` match hides (those it names, and those read inside it), with its
    words: "collapsed on the sofa" names ``collapse`` but is sitting down tired. The merge asks such
    a finding back rather than taking the sentence model's reading of it as the person's."""
    out: dict[str, str] = {}
    for key, start, end, _ in found:
        if not key.startswith("ignore"):
            continue
        inside = [inner for inner, s, e, _ in found if start <= s and e <= end and not inner.startswith("ignore")]
        for words in (key, *inside):  # what the entry says it hides, and the findings inside it
            for fid in reads.get(words, frozenset()):
                out.setdefault(fid, doc[start:end].text)
    return out


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
    found = built.findings(norms)
    matches = prune_longest(found, built.compete) + _scope_matches(built.scope(norms))
    ordered = sorted(matches, key=lambda m: (m[1], m[2]))
    targets = [Span(doc, start, end, label=key) for key, start, end in ordered if not key.startswith("ignore")]
    payloads: dict[str, Any] = {}
    values = find_values(doc.text, today)
    # Time expressions stay out of the context rules: "three years ago" is itself a history cue,
    # and a span over it would silence the cue for "I had sciatica three years ago".
    timed = [v for v in values if v.kind == "duration"]
    values = [v for v in values if v.kind != "duration"]
    targets += _value_spans(doc, values, payloads) + _medicine_spans(doc, medicines, payloads)
    context = apply_context(doc, targets, built, norms)
    sentences = list(doc.sents)
    sentence_starts = [s.start for s in sentences]
    analysis = Analysis(
        text=doc.text,
        sentences=[s.text for s in sentences],
        sentence_spans=[(s.start_char, s.end_char) for s in sentences],
        words=[t.text for t in doc],
        idioms=_idioms(doc, found, built.reads),
    )
    for span, modifiers in zip(targets, context, strict=True):
        sentence = bisect.bisect_right(sentence_starts, span.start) - 1
        analysis.mentions.append(_mention(span, modifiers, payloads.get(span.label_), sentence, norms))
    char_starts = [start for start, _ in analysis.sentence_spans]
    for value in timed:
        sentence = max(0, bisect.bisect_right(char_starts, value.start) - 1)
        analysis.mentions.append(_duration_mention(doc.text, value, sentence))
    analysis.mentions.sort(key=lambda m: (m.start, m.end))
    _stable_before(analysis)
    _answered_yes(analysis)
    keep_subjects(analysis, built.conditional)
    return analysis


#: A sentence that only says what came before is old: "Been the same for years.", "It's been like
#: that for ages.", "It's been there for 10 years and hasn't changed."
_STABLE_FOR_YEARS = re.compile(
    r"^\s*(?:(?:it'?s|it\s+has|they'?ve|they\s+have|that'?s|that\s+has|has|have)\s+)?(?:been\s+)?"
    r"(?:the\s+same|same|like\s+(?:that|this)|going\s+on|that\s+way|there)\s+(?:for|since)\s+"
    r"(?:years|ages|decades|a\s+long\s+time|many\s+years|\d+\s+years)\b[^.!?]{0,30}[.!?]?\s*$",
    re.I,
)


def _stable_before(analysis: Analysis) -> None:
    """A symptom told in the sentence before one that says it has been the same for years is
    long-standing, as if the sentence had said so itself."""
    following = [*analysis.sentences[1:], ""]
    for i, mention in enumerate(analysis.mentions):
        if mention.label == "target" and not mention.current and _STABLE_FOR_YEARS.match(following[mention.sentence]):
            analysis.mentions[i] = replace(mention, longstanding=True)


_YES = r"(?:yes|yeah|yep|yup|i\s+do|i\s+did)\b(?!\s*(?:not|n't)\b)"
#: A yes to a question put to the writer (``ASKED_OF_ME``), later in the same sentence ("- yes, a
#: tight band across it") or at the start of the next ("Yes, I do.").
_YES_AFTER = re.compile(rf"[-\u2013,;:]\s*{_YES}", re.I)
_YES_NEXT = re.compile(rf"^\s*{_YES}", re.I)


def _answered_yes(analysis: Analysis) -> None:
    """A symptom asked of the writer and answered yes is the writer's: the "if" of "asked me if I
    had any chest pain - yes" makes no what-if of it."""
    spans, texts = analysis.sentence_spans, analysis.sentences
    for i, mention in enumerate(analysis.mentions):
        if mention.label != "target" or not mention.hypothetical:
            continue
        n = mention.sentence
        start, end = spans[n]
        if not ASKED_OF_ME.search(analysis.text, start, mention.start):
            continue
        after = analysis.text[mention.end : end]
        if _YES_AFTER.search(after) or (n + 1 < len(texts) and _YES_NEXT.match(texts[n + 1])):
            analysis.mentions[i] = replace(mention, hypothetical=False)


def _mention(span: Span, modifiers: list[Any], payload: Any, sentence: int, norms: list[str]) -> Mention:
    """One matched span as a mention, with what its ConText modifiers say; a value's evidence is
    the whole phrase it was read from ("my wife is 34 weeks pregnant"), not only its number."""
    label, _, number = span.label_.partition("#")
    index = int(number) if number and label in {"target", "scope"} else -1
    if isinstance(payload, ValueMention):
        evidence = span.doc.text[payload.start : payload.end]
        start, end = payload.start, payload.end
    else:
        evidence, start, end = span.text, span.start_char, span.end_char
    categories = {modifier.category for modifier in modifiers}
    found = context_of(span, modifiers)
    return Mention(
        label=label,
        index=index,
        payload=payload,
        text=evidence,
        start=start,
        end=end,
        sentence=sentence,
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
        current=found.current,
    )


def _duration_mention(text: str, value: ValueMention, sentence: int) -> Mention:
    """A time expression as a mention: kept out of the context rules, so it has no modifiers."""
    return Mention(
        label="duration",
        index=-1,
        payload=value,
        text=text[value.start : value.end],
        start=value.start,
        end=value.end,
        sentence=sentence,
        norms=(),
    )
