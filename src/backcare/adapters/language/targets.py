"""The vocabulary's findings from their mentions: negated, hedged, long-standing or past, and
readings that wait on another finding (``requires``, ``unless``)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from backcare.adapters.language.mention_context import (
    ASKED_OF_ME,
    doubts_the_normal,
    history_allows,
    is_hedged,
    is_longstanding,
    is_negated,
)
from backcare.adapters.language.mentions import Analysis, Mention
from backcare.adapters.language.onset import about_the_back
from backcare.adapters.language.readings import Read, Status, record_read
from backcare.adapters.language.subjects import Proxy, counts_for_person
from backcare.adapters.language.vocabulary import Vocabulary


def _word_findings(words: Mapping[str, list[str]], norms: Iterable[str]) -> list[str]:
    """The extra findings a target's ``words`` give for the words it matched (a key ending in "*"
    is a prefix)."""
    found: list[str] = []
    for norm in norms:
        for key, ids in words.items():
            if (key.endswith("*") and norm.startswith(key[:-1])) or norm == key:
                found += [i for i in ids if i not in found]
    return found


#: A question put in general terms: "Quick question - does back pain with a fever mean an infection?"
#: (not one of the writer's own: "is the numbness in both my legs serious?" tells of it, while "a
#: fever I should worry about" does not).
_GENERAL_QUESTION = re.compile(
    r"\s*(?:[^?]{0,25}?[-:,\u2013]\s*)?(?:does|do|is|are|can|could|would|should|will|what|whats|what's|when|how|why)\b"
    r"(?![^?]*\b(?:i'm|im|i've|ive|my|mine|i\s+(?:have|had|get|got|feel|am))\b)[^?]*\?\s*$",
    re.I,
)
#: A form's prompt, answered after it: "Weight loss? I've lost 4 kg but that's on purpose."
_PROMPT = re.compile(r"\s*(?:any\s+)?[a-z][a-z /'-]{0,30}\?\s*$", re.I)
#: Between a question and its answer: "Asking for a friend.", "Asking because I read about it
#: online.", "I read that online.", "Just curious."
_ASIDE = re.compile(
    r"\s*(?:(?:i'?m\s+|just\s+)?asking\s+(?:for\s+(?:a|my)\s+\w+|(?:because|as|cos|since)\s+[^.!?]*)"
    r"|(?:i\s+)?(?:just\s+)?(?:read|saw|heard)\s+(?:that|this|it|about\s+(?:it|this|that))(?:\s+(?:online|on\s+the\s+internet|somewhere|on\s+google|on\s+tiktok|on\s+facebook))?"
    r"|just\s+(?:wondering|curious|asking))\s*[.!]?\s*$",
    re.I,
)
#: What someone else said: "My mate said back pain with chest pain can be a heart attack".
_HEARSAY = re.compile(
    r"\s*(?:my|a|our|his|her|the)?\s*(?:friend|mate|pal|colleague|neighbou?r|mum|mom|dad|sister|brother|wife"
    r"|husband|partner|someone|somebody|people|everyone|google|the internet)\s+"
    r"(?:said|says|told\s+me|tells\s+me|reckons|thinks)\b",
    re.I,
)
#: "I don't", "I haven't": the start of a reply that denies.
_I_DO_NOT = r"i\s+(?:do\s+not|don't|dont|have\s+not|haven't|havent)"
#: A question put to the writer (``ASKED_OF_ME``) answered no at the end of the same sentence: "The
#: physio asked me if I had any chest pain - I don't."
_DENIED_AFTER = re.compile(rf"[-\u2013,;:]\s*(?:no|nope|none|nah|{_I_DO_NOT})\b[^-\u2013,;:]*$", re.I)
#: A reply that denies whatever the question before it asked of: "I don't have any.", "Mine
#: doesn't", "Mine's more of a dull ache", or says the writer's own trouble is something else
#: only: "I've just got lower back stiffness myself", "I'm 29 and fine, just a stiff lower back",
#: "My back's just stiff", "Just curious, I'm fine in that department" (not "I don't have any
#: bladder problems", which denies something else, nor "I've only got it at night").
_BARE_DENIAL = re.compile(
    rf"\s*(?:no,?\s+)?(?:but\s+)?(?:(?:{_I_DO_NOT}\s+(?:got\s+|have\s+|had\s+)?(?:any|one|it|that)"
    r"|i(?:'ve|\s+have)\s+(?:got\s+)?(?:none|no\s+such))(?:\s+(?:of\s+(?:that|those|them|these|it)|at\s+all|myself|thankfully))*\s*(?:[-.!,;\u2013]|$)"
    r"|mine(?:'s|\s+is)?\s+(?:doesn't|does\s+not|don't|isn't|is\s+not|hasn't|has\s+not|didn't|did\s+not|not)\b"
    r"|mine(?:'s|\s+is)\s+(?:more\s+(?:of\s+)?|just\s+|only\s+)(?:a|an)\b"
    r"|i(?:'ve|\s+have)?\s+(?:just|only)\s+(?:got|have)\s+(?!it\b|that\b|this\b|them\b|those\b|these\b|one\b)"
    r"[^.!?]*\bmyself\b"
    r"|i'?m\s+(?:\d+\s+and\s+)?(?:otherwise\s+)?(?:fine|ok|okay|well)\b[^.!?]*?\bjust\b"
    r"|my\s+back(?:'s|\s+is)\s+just\b"
    r"|(?:just\s+(?:curious|wondering|asking),?\s+)?i'?m\s+(?:fine|ok|okay|all\s+good|normal)\s+"
    r"(?:in\s+that\s+department|on\s+that\s+front|down\s+there|that\s+way)\b)",
    re.I,
)


def _answered_no(texts: list[str], question: int) -> bool:
    """Whether one of the two sentences after a question (past an aside: "Asking for a friend.")
    answers it with a bare denial ("What's foot drop? The physio mentioned it. I don't have it")."""
    following = texts[question + 1 : question + 4]
    if following and _ASIDE.match(following[0]):
        following = following[1:]
    return any(_BARE_DENIAL.match(text) for text in following[:2])


def _asked(analysis: Analysis, vocabulary: Vocabulary, proxy: Proxy) -> set[int]:
    """The mentions (by position) told in a general question or as what someone else said, of a
    finding the text denies: "does back pain with a fever mean an infection? I don't have a fever"
    asks of a fever and denies one, so the question's fever is no report; nor is "Is it the weight
    loss?" after "I've lost 2 stone on purpose", nor "Can a back spasm cause chest pain? I don't
    have any", nor a mate's "back pain with chest pain can be a heart attack - I've got zero chest pain",
    nor "The physio asked me if I had any chest pain - I don't", nor a form's "Weight loss?" answered
    "I've lost 4 kg but that's on purpose"."""
    spans = analysis.sentence_spans
    texts = [analysis.text[start:end] for start, end in spans]
    questions = {n for n, text in enumerate(texts) if _GENERAL_QUESTION.match(text) or _PROMPT.match(text)}
    asked_of_me = {n for n, text in enumerate(texts) if ASKED_OF_ME.search(text)}
    answered = {n for n in questions if _answered_no(texts, n)} | {
        n for n in asked_of_me if _DENIED_AFTER.search(texts[n])
    }
    told = questions | asked_of_me | {n for n, text in enumerate(texts) if _HEARSAY.match(text)}
    asked: list[tuple[int, list[str]]] = []
    denied: set[str] = set()
    for index, mention in enumerate(analysis.mentions):
        if mention.label != "target" or not counts_for_person(mention, proxy):
            continue
        entry = vocabulary.targets[mention.index]
        negated = is_negated(mention, analysis.text)
        if mention.sentence in told and entry.status != "absent" and not negated:
            if mention.sentence in answered:
                denied.update(entry.ids)
            asked.append((index, entry.ids))
        elif (entry.status == "absent") != negated and not is_hedged(mention, analysis.text):
            denied.update(entry.ids)  # "no fever"; "lost it on purpose"
    return {index for index, ids in asked if set(ids) <= denied}


#: After a denial, what makes it a first time: "never had any trouble with my waterworks before".
_FIRST_TIME_AFTER = re.compile(
    r"\s*(?:before|till\s+now|until\s+now|in\s+my\s+life)\b(?!\s+(?:the|my|i|it|he|she))", re.I
)


#: A side named with a part of the body: "right foot", "left calf", "R leg", "my left one".
_SIDE_PART = re.compile(
    r"\b(right|left|rt|lt|r|l)\s+(?:[a-z]+\s+)?(?:legs?|calf|calves|thighs?|foot|feet|buttocks?|bum|side"
    r"|hip|knee|ankle|toes?|shin|heel|one)\b",
    re.I,
)


def same_side_only(mention: Mention, text: str) -> bool:
    """Whether the side a mention names as joining ("the right leg too") is the only side the rest of
    the text names: then the "too" adds that leg to the back or the foot already told, not to the
    other leg. A text naming no other side keeps the reading (a leg told without its side)."""
    side = next((norm[0] for norm in mention.norms if norm in ("right", "left")), None)
    if side is None:
        return False  # "the other leg too"
    elsewhere = {
        m.group(1)[0].lower() for m in _SIDE_PART.finditer(text) if not mention.start <= m.start() < mention.end
    }
    return elsewhere == {side}  # sides by their first letter: "r", "rt", "right" are all "r"


#: A reading that depends on another finding: (requires, unless, finding, reading); a reading
#: for the finding of ``otherwise`` has the condition the other way round (requires = unless).
Pending = tuple[str | None, str | None, str, Read]


#: A form's label opening its line: "Cancer:", "9. cancer -".
_LABEL_BEFORE = re.compile(r"\s*(?:\d{1,2}[.)]\s*)?")
_LABEL_AFTER = re.compile(r"\s*[:\u2013-]\s")


def _label_told_in_answer(analysis: Analysis, index: int) -> bool:
    """Whether the target mention at ``index`` is a form's label whose answer names it again ("Cancer:
    my dad had prostate cancer, I haven't"): the answer says how it is, the label nothing."""
    mention = analysis.mentions[index]
    text, first = analysis.text, analysis.sentence_spans[mention.sentence][0]
    if not (_LABEL_BEFORE.fullmatch(text, first, mention.start) and _LABEL_AFTER.match(text, mention.end)):
        return False
    return any(
        other.label == "target" and other.sentence == mention.sentence and other.start > mention.end
        and other.norms[-1:] == mention.norms[-1:]
        for other in analysis.mentions[index + 1 :]
    )  # fmt: skip


def read_targets(
    analysis: Analysis, vocabulary: Vocabulary, proxy: Proxy
) -> tuple[dict[str, Read], list[Pending], list[str]]:
    """The vocabulary's findings, the readings that wait on another finding (``requires``,
    ``unless``: see ``apply_pending``), and the words of mentions set aside as long-standing."""
    out: dict[str, Read] = {}
    pending: list[Pending] = []
    explained: list[str] = []
    asked = _asked(analysis, vocabulary, proxy)
    for index, mention in enumerate(analysis.mentions):
        if mention.label != "target" or not counts_for_person(mention, proxy) or _label_told_in_answer(analysis, index):
            continue
        if index in asked:
            explained.append(mention.text)  # the sentence model's reading of it is asked back, not taken
            continue
        entry = vocabulary.targets[mention.index]
        if entry.timed and not about_the_back(analysis, mention, vocabulary):
            continue  # "neuropathy for years": the years are the neuropathy's, not the back pain's
        if entry.joins_other_side and same_side_only(mention, analysis.text):
            continue  # "my right foot slaps ... pain down the right leg too": the same leg
        extra = _word_findings(entry.words, mention.norms)
        rule = entry.id or ""
        negated = is_negated(mention, analysis.text)
        if negated and _FIRST_TIME_AFTER.match(analysis.text, mention.end):
            continue  # "never had any trouble with my waterworks before": what is new now, not a denial
        if negated and entry.status == "absent" and (mention.negation_gap or 0) > 1:
            negated = False  # "no chest pain, breathing normally": the "no" was for the chest pain
        hedged = is_hedged(mention, analysis.text)
        readings: list[tuple[str, Read]] = []
        if negated:
            if entry.status == "absent" or entry.value is not None:
                continue  # "not thinking straight", "not very bothersome": too vague to read either way
            for fid in dict.fromkeys([*entry.ids, *entry.negated_also, *extra]):
                readings.append((fid, Read("absent", mention.text, False, mention.start, hedged, rule)))
        elif not entry.only_negated:
            status: Status = entry.status
            doubted = status == "absent" and doubts_the_normal(mention, analysis.text)
            if (status == "present" and mention.uncertain) or doubted:
                status = "possible"  # "maybe a bit numb"; "not sure if I can feel my bum properly"
            ids = entry.ids
            if is_longstanding(mention, vocabulary):
                ids, extra = list(entry.if_longstanding or []), []
                explained.append(mention.text)
            for fid in dict.fromkeys([*ids, *extra]):
                if status != "absent" and not history_allows(fid, mention, vocabulary):
                    continue
                value = entry.value if entry.value is not None else status != "absent"
                hedge = status == "absent" and hedged
                readings.append((fid, Read(status, mention.text, value, mention.start, hedge, rule)))
            if status == "present" and ids == entry.ids and not mention.historical:  # "a fall from standing height"
                for fid in entry.absent_also:
                    readings.append((fid, Read("absent", mention.text, False, mention.start, rule=rule)))
        for fid, reading in readings:
            if entry.requires or entry.unless:
                pending.append((entry.requires, entry.unless, fid, reading))
                for other in entry.otherwise:
                    pending.append((entry.unless, None, other, reading))
            else:
                record_read(out, fid, reading)
    return out, pending, explained


def not_own_targets(analysis: Analysis, vocabulary: Vocabulary, proxy: Proxy) -> dict[str, str]:
    """Findings the text names but not as the person's own now (hypothetical, someone else's, long
    past), with the words: the merge with the sentence model needs to know the rules saw them.
    Someone else's stays theirs when also denied ("ignore what I wrote about a temperature of 38,
    that was my son")."""
    out: dict[str, str] = {}
    for mention in analysis.mentions:
        if mention.label != "target":
            continue
        entry = vocabulary.targets[mention.index]
        if entry.status == "absent" or entry.only_negated:
            continue
        counted = counts_for_person(mention, proxy)
        if counted and is_negated(mention, analysis.text):
            continue
        for fid in entry.ids:
            if not counted or not history_allows(fid, mention, vocabulary):
                out.setdefault(fid, mention.text)
    return out


def disputed_targets(analysis: Analysis, vocabulary: Vocabulary, proxy: Proxy) -> dict[str, str]:
    """The findings the person's own plain mentions dispute (an entry's ``disputes``), with the
    words: "wasn't a big fall" explains a fall, so the sentence model's faint is asked back."""
    out: dict[str, str] = {}
    for mention in analysis.mentions:
        if mention.label != "target" or not counts_for_person(mention, proxy):
            continue
        entry = vocabulary.targets[mention.index]
        if entry.disputes and not is_negated(mention, analysis.text):
            for fid in entry.disputes:
                out.setdefault(fid, mention.text)
    return out


def apply_pending(out: dict[str, Read], pending: list[Pending]) -> list[str]:
    """Record the readings whose condition holds once everything else is read (pregnancy may
    come from "36 weeks", medicines from their names). Returns the words of the readings an
    ``unless`` set aside (a leak on sneezing in pregnancy): look-alikes the rules explained."""
    explained: list[str] = []
    for required, unless, fid, reading in pending:
        if required and not (required in out and out[required].status != "absent"):
            continue
        if unless and unless in out and out[unless].status != "absent":
            if reading.status != "absent":
                explained.append(reading.evidence)
            continue
        record_read(out, fid, reading)
    return explained
