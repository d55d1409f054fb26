"""Whose a finding is, where the words around it say so after the context rules have run: a finding
joined by "and" to someone else's keeps their subject, the writer's own body that someone else says
they saw is the writer's, another poster's quoted words are theirs, a person named in brackets is an
aside, and a time told in a relative's clause dates their story."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from backcare.adapters.language.kinship import RELATION_RE
from backcare.adapters.language.mentions import Analysis
from backcare.adapters.language.subjects import FIRST_WORDS, Proxy

#: Only a joining word between two findings: the second, told without a subject of its own, is the
#: first one's ("he couldn't feel his legs and couldn't pee").
_JOINED = re.compile(r"^\s*(?:,|and|or|,\s*and)\s*$", re.I)
_OWN_SUBJECT = frozenset({"i", "i'm", "im", "i've", "ive", "my", "me", "we", "our", "he", "she", "his", "her", "they"})


def _same_subject_after_and(analysis: Analysis) -> None:
    """A finding joined by "and" to someone else's, with no subject of its own, is theirs too."""
    targets = [i for i, m in enumerate(analysis.mentions) if m.label == "target"]
    for before, after in itertools.pairwise(targets):
        first, second = analysis.mentions[before], analysis.mentions[after]
        joined = first.sentence == second.sentence and _JOINED.match(analysis.text[first.end : second.start])
        if joined and first.family and not second.family and second.norms[0] not in _OWN_SUBJECT:
            analysis.mentions[after] = replace(second, family=first.family)


#: Someone else telling what they saw of the writer's body: "my sister called round and said the
#: whites of my eyes have gone yellow" is the writer's (not the back, which a relative's words name
#: as often as the writer's: "my wife thought she saw a lump on my back but it was a bite").
_SAID_OF_ME = re.compile(
    r"\b(?:said|says|told\s+me|tells\s+me|noticed|notices|spotted|pointed\s+out|reckons|thinks|mentioned)"
    r"\b(?:\s+that)?[^.!?]{0,30}$",
    re.I,
)
_MY_BODY = frozenset(
    {"eyes", "eye", "skin", "face", "legs", "leg", "feet", "foot", "arms", "arm", "bladder", "bum", "bottom",
     "speech", "lips", "mouth", "thighs", "toes", "hands", "hand", "chest"}
)  # fmt: skip


def _told_of_me(analysis: Analysis) -> None:
    """A finding of "my" body that someone else said they saw is the writer's, not the teller's."""
    for i, mention in enumerate(analysis.mentions):
        mine = any(a == "my" and b in _MY_BODY for a, b in itertools.pairwise(mention.norms))
        before = analysis.text[analysis.sentence_spans[mention.sentence][0] : mention.start]
        if mention.label == "target" and mention.family and mine and _SAID_OF_ME.search(before):
            analysis.mentions[i] = replace(mention, family=())


#: Another poster's words quoted in a forum reply, to the end of their sentence: "> Quote from
#: Debs_71: "couldn't feel my bum and was weeing myself"", "Originally posted by Kev:" (not "X
#: wrote:", which a clinician's letter may be quoted with).
_QUOTED_POST = re.compile(r"\b(?:quote\s+from|quoting|originally\s+posted\s+by)\s+@?[^\s:]{2,30}\s*:[^.!?]*", re.I)


def _quoted_post(analysis: Analysis) -> None:
    """A finding in another poster's quoted words is theirs, whatever "my" they say."""
    for quote in _QUOTED_POST.finditer(analysis.text):
        for i, mention in enumerate(analysis.mentions):
            if mention.label == "target" and quote.start() <= mention.start < quote.end():
                analysis.mentions[i] = replace(mention, family=("quoted",))


_BRACKETED = re.compile(r"\([^()]*\)")
_NEW_SUBJECT = re.compile(r"\b(?:i|he|she|we|they)\b", re.I)


def _aside_in_brackets(analysis: Analysis) -> None:
    """A person named only inside brackets before a finding, which a subject of its own then follows,
    is an aside, not whose it is: "while lifting my son (her grandson, 3 years) suddenly she got
    severe pain", "(date night, kids at my mum's) and he found a lump on my back" (not "Her gran (my
    mum) has osteoporosis", where the bracket names the subject)."""
    for i, mention in enumerate(analysis.mentions):
        if mention.label != "target" or not mention.family:
            continue
        opening = analysis.sentence_spans[mention.sentence][0]
        before = analysis.text[opening : mention.start]
        asides = list(_BRACKETED.finditer(before))
        if not asides:
            continue
        # a subject of its own after the aside, before the finding or as the word right after it ("suddenly she got")
        told = analysis.text[opening + asides[-1].end() : mention.end]
        if not _NEW_SUBJECT.search(told + " " + " ".join(analysis.text[mention.end :].split()[:1])):
            continue
        outside = _BRACKETED.sub(" ", before).lower()
        if all(any(cue in a.group(0).lower() for a in asides) and cue not in outside for cue in mention.family):
            analysis.mentions[i] = replace(mention, family=())


#: A finding whose words open with its subject ("she's a bit yellow", "he looks jaundiced"): the
#: pronoun cannot be a context cue of the words it is part of.
_OPENS_WITH_SUBJECT = re.compile(r"(he|she)\b(?!\s*(?:says|said|thinks|told|noticed|reckons)\b)", re.I)


def _subject_inside(analysis: Analysis, conditional: frozenset[int]) -> None:
    """A finding told with its own "he" or "she" is theirs, as it would be with the pronoun outside;
    not a rule that holds only with another finding of the writer's ("she's been really quiet today"
    is, in a pregnancy, the baby the writer carries)."""
    for i, mention in enumerate(analysis.mentions):
        opens = _OPENS_WITH_SUBJECT.match(mention.text)
        if mention.label == "target" and mention.index not in conditional and not mention.family and opens:
            analysis.mentions[i] = replace(mention, family=(opens.group(1).lower(),))


def keep_subjects(analysis: Analysis, conditional: frozenset[int]) -> None:
    """The corrections, in order: a subject carried over "and", the writer's own body, another
    poster's words quoted, a person named in a bracketed aside, a subject inside the finding's words
    (``conditional``: the vocabulary's rules that need another finding, which their pronoun is of)."""
    _same_subject_after_and(analysis)
    _told_of_me(analysis)
    _quoted_post(analysis)
    _aside_in_brackets(analysis)
    _subject_inside(analysis, conditional)


#: A clause told of a relative, up to a time expression: "My sister had cauda equina surgery a couple
#: of years ago" (with no first person in it: "my mum says I've had it for weeks" is the writer's).
_RELATIVES_CLAUSE = re.compile(rf"^\s*(?:my|our|me|mi)\s+(?:\w+\s+)?(?:{RELATION_RE})\b(?:'s)?[^,;]*$", re.I)
_WRITER = re.compile(rf"\b(?:{FIRST_WORDS})\b", re.I)


def relatives_clause(lead: str, proxy: Proxy) -> bool:
    """Whether ``lead`` (the words before a time expression) tells a relative's story in the
    writer's own report, so the time dates that story, not the writer's back."""
    if proxy.active or not _RELATIVES_CLAUSE.match(lead):
        return False
    after_relative = re.sub(r"^\s*\w+\s+", "", lead)  # the opening "my" is not the writer's own
    return not _WRITER.search(after_relative)
