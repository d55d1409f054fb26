"""medspaCy's ConText run over the sentences that hold a finding, and what its modifiers say
about each one: negated (and how near the "no" is), hedged, historical, someone else's."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from backcare.adapters.language.anchored import prune_longest
from backcare.adapters.language.mention_context import LIST_HEADER, is_clause

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from backcare.adapters.language.build import Engine
    from backcare.adapters.language.vocabulary import Target


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two (start, end) spans share a token."""
    return a[0] < b[1] and b[0] < a[1]


def fix_overlap_check() -> None:
    """medspaCy 1.3.1's ``tuple_overlaps`` misses containment ((2, 10) inside (0, 12) is "no
    overlap"), so a terminating cue ("but", "and I") never shortens the scope of a cue whose scope
    lies strictly inside the sentence. ConText's modules get a correct check instead."""
    from medspacy.context import context_graph, context_modifier

    context_modifier.tuple_overlaps = overlaps
    context_graph.tuple_overlaps = overlaps


def _entry(span: Span, built: Engine) -> Target | None:
    """The vocabulary entry a finding's span was matched by (None for other spans)."""
    label, _, number = span.label_.partition("#")
    return built.vocabulary.targets[int(number)] if label == "target" and number else None


def _kept_cues(span: Span, built: Engine) -> frozenset[str]:
    """The cue categories a finding's entry keeps for the other findings (``keeps_cues``)."""
    entry = _entry(span, built)
    return frozenset(entry.keeps_cues) if entry else frozenset()


def _is_denial(span: Span, built: Engine) -> bool:
    entry = _entry(span, built)
    return entry is not None and entry.status == "absent"


def _negate_after_denials(
    denials: list[tuple[Any, Span]], spans: list[tuple[int, Span]], found: list[list[Any]], norms: list[str]
) -> None:
    """A denial's own "no" also denies an item joined to it by "or" ("I'm not breathless or
    sweaty"), never one past "and" or a comma ("not short of breath and both my legs are numb")."""
    for cue, denial in denials:
        for t, span in spans:
            joined = span.start > denial.end and norms[denial.end] in ("or", "nor") and span.start - denial.end <= 2
            if joined and cue not in found[t]:
                found[t].append(cue)


def apply_context(doc: Doc, targets: list[Span], built: Engine, norms: list[str]) -> list[list[Any]]:
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
        _limit_at_scope_ends(graph.modifiers, doc)
        denials = [
            (m, targets[t])
            for m in graph.modifiers
            if m.category == "NEGATED_EXISTENCE"
            for t in members
            if _is_denial(targets[t], built) and overlaps((targets[t].start, targets[t].end), m.modifier_span)
        ]
        named_over = [(m, t) for m in graph.modifiers for t in members if _names_what_is_over(m, targets[t])]
        graph.modifiers = [m for m in graph.modifiers if not _inside_a_finding(m, [targets[t] for t in members], built)]
        graph.apply_modifiers()
        position = {id(targets[t]): t for t in members}
        for target, modifier in graph.edges:
            found[position[id(target)]].append(modifier)
        for modifier, t in named_over:
            found[t].append(modifier)
        _negate_after_denials(denials, [(t, targets[t]) for t in members], found, norms)
        findings = [(t, targets[t].start) for t in members if targets[t].label_.startswith("target")]
        _negate_across_lists(findings, graph.modifiers, found, doc)  # a cue inside a finding negates no list
        # "worse" anywhere in the sentence makes all its findings current (never long-standing)
        worse = [m for m in modifiers[n] if m.category == "CURRENT" and (m.rule.metadata or {}).get("kind") == "worse"]
        for t in members if worse else ():
            if worse[0] not in found[t]:
                found[t].append(worse[0])
        _reach_over_sentence(modifiers[n], [(t, targets[t]) for t in members], found)
    return found


def _reach_over_sentence(cues: list[Any], members: list[tuple[int, Span]], found: list[list[Any]]) -> None:
    """A cue whose rule reaches the whole sentence ("... - that's been the same for years") applies to
    every finding on its side, past the clause breaks that end other cues, unless the sentence tells
    of something now or new."""
    if any(m.category == "CURRENT" for m in cues):
        return
    for cue in (m for m in cues if (m.rule.metadata or {}).get("reach") == "sentence"):
        start, end = cue.modifier_span
        backward = cue.direction.upper() == "BACKWARD"
        for t, target in members:
            told_on_its_side = target.end <= start if backward else end <= target.start
            if target.label_.startswith("target") and told_on_its_side and cue not in found[t]:
                found[t].append(cue)


def _limit_at_scope_ends(modifiers: list[Any], doc: Doc) -> None:
    """medspaCy ends a cue's reach at the next cue of its kind (or a terminating one) only when
    their scopes overlap, which misses a cue on the last word of the reach: in "she hasn't slept
    for days with worry and hasn't been able to go to work" the first "not" reached past the
    second into "not able to go to work". The reach ends there too."""
    for first in modifiers:
        if first.direction.upper() not in ("FORWARD", "BIDIRECTIONAL"):
            continue
        for other in modifiers:
            start, end = first.scope_span
            at = other.modifier_span[0]
            unseen = first.modifier_span[1] <= at < end and not overlaps(first.scope_span, other.scope_span)
            if unseen and _ends_reach(first, other):
                first.update_scope(doc[start:at])


def _ends_reach(first: Any, other: Any) -> bool:
    """Whether ``other`` ends ``first``'s reach, as medspaCy's ``limit_scope`` decides it."""
    if other.direction.upper() == "TERMINATE" or other.category.upper() in first.rule.terminated_by:
        return True
    return bool(
        other.category.upper() == first.category.upper()
        and first.allowed_types == other.allowed_types
        and first.excluded_types == other.excluded_types
    )


def _names_what_is_over(cue: Any, target: Span) -> bool:
    """Whether a "now over" cue names the finding it ends ("but the fever has cleared up", ", the
    sciatica's gone now"): the finding is the cue's subject, a word or two near its start and before
    its last two words (in "but it's clearly getting better now" the finding is what the cue says,
    not what is over). Such a cue applies to it and, as any cue of its kind, to what came before."""
    start, end = cue.modifier_span
    subject = target.start <= start + 3 and len(target) <= 2
    inside = subject and start <= target.start and target.end <= end - 2
    return inside and cue.category == "HISTORICAL" and _kind(cue) == "resolved" and target.label_.startswith("target")


def _inside_a_finding(cue: Any, targets: list[Span], built: Engine) -> bool:
    """medspaCy's pruning, with exceptions: a cue inside a finding is part of that finding ("can't"
    in "can't pee") and modifies nothing, but a LONGSTANDING cue may name a condition that is itself
    a finding ("numb feet from my diabetes") and still tie a symptom to it (a cue never modifies a
    target it overlaps). Likewise a finding that is itself a cue ("really worried I might lose
    control") keeps the cue categories its entry names (``keeps_cues``) for the other findings, and
    a mention of the back keeps a relative's cue it shares a word with ("my friend's back pain
    turned out to be cancer": the "'s" of "friend's" is also the back's), and so does an age told in
    one ("My 2 year old has had a temperature")."""
    if cue.category == "LONGSTANDING" or _turns_a_list(cue):
        return False
    return any(
        overlaps((target.start, target.end), cue.modifier_span)
        and not _names_what_is_over(cue, target)
        and cue.category not in _kept_cues(target, built)
        and not (cue.category == "FAMILY" and target.label_.startswith(("scope", "age#")))
        for target in targets
    )


def _turns_a_list(cue: Any) -> bool:
    """A scope end that opens with a comma ("no trauma, constant, not eased by rest") ends the
    list's "no" even where the word after the comma is itself a finding ("constant")."""
    return cue.direction.upper() == "TERMINATE" and str(cue.rule.literal).startswith("(,")  # written "(,|...) ..."


#: Words a finding told in the negative opens with: "nothing touches it", "never lets up".
_SAYS_NO = frozenset({"nothing", "none", "never", "nowhere", "neither"})


def _negate_across_lists(members: list[tuple[int, int]], cues: list[Any], found: list[list[Any]], doc: Doc) -> None:
    """A "no" whose reach (``max_scope``) ends inside a comma list still reaches the list's later
    items: "No fever, weight loss, cancer, injury, chest pain, breathing problems or confusion".

    Only the nearest forward "no" before a finding counts, never across a terminating cue ("but")
    or a clause break (";", a full stop, a colon other than a header's: "Things I don't have:");
    whether the items really form a list (no item is a clause of its own, "nothing eases it, 10/10")
    is checked here and again, with the rest of the list, by ``mention_context.is_negated``, as for
    any negated finding."""
    negations = [m for m in cues if m.category == "NEGATED_EXISTENCE" and m.direction == "FORWARD"]
    for t, start in members if negations else ():
        if any(m.category == "NEGATED_EXISTENCE" for m in found[t]) or doc[start].lower_ in _SAYS_NO:
            continue  # a finding told with its own "no" ("nothing touches it") is no list item of another
        before = [m for m in negations if m.modifier_span[1] <= start]
        if not before:
            continue
        cue = max(before, key=lambda m: m.modifier_span[1])
        cue_end = cue.modifier_span[1]
        stops = [
            m
            for m in cues
            if m.direction == "TERMINATE" or m.category in (getattr(cue.rule, "terminated_by", None) or ())
        ]
        if any(cue_end <= m.modifier_span[0] < start for m in stops):
            continue
        between = doc[cue_end:start].text
        header = LIST_HEADER.match(between)  # "Things I don't have: fever, ..."
        between = between[header.end() :] if header else between
        items = between.split(",")
        if len(items) > 1 and not re.search(r"[;:.!?]", between) and not any(map(is_clause, items)):
            found[t].append(cue)


@dataclass(frozen=True)
class TargetContext:
    """What the modifiers of one target say, beyond their categories."""

    historical: frozenset[str] = frozenset()
    family: tuple[str, ...] = ()
    negation_gap: int | None = None
    negation_cue_end: int | None = None
    hedged_negation: bool = False
    hedges: tuple[tuple[int, int], ...] = ()
    current: bool = False


def _kind(modifier: Any) -> str | None:
    """The ``kind`` a ConText rule's metadata gives ("hedge", "worse", "remote"), if any."""
    metadata = modifier.rule.metadata or {}
    kind = metadata.get("kind")
    return str(kind) if kind else None


def context_of(span: Span, modifiers: list[Any]) -> TargetContext:
    """What a target's modifiers say beyond their categories: how near the "no" is, which hedges
    and family cues apply, and what kind of history."""
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
    # an episode's length told before it is over ("a temperature for a few days, all gone now") and
    # the "now" of "all gone now" tell of the past episode, not that it is current
    over = [m.modifier_span for m in modifiers if m.category == "HISTORICAL" and _kind(m) == "resolved"]
    if over and any(_kind(m) == "returned" and all(o[1] <= m.modifier_span[0] for o in over) for m in modifiers):
        kinds.discard("resolved")  # over, then back ("... but now it's back"): current again
    current = any(
        m.category == "CURRENT"
        and not any(overlaps(m.modifier_span, o) or span.end <= m.modifier_span[0] < o[0] for o in over)
        for m in modifiers
    )
    return TargetContext(frozenset(kinds), tuple(family), gap, cue_end, hedged_negation, tuple(hedges), current)
