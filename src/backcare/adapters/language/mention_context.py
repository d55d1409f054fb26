"""What the context rules' tags mean for one mention: whether a "no" reaches it across a list,
whether a hedge is about it, whether it is long-standing, and whether a past mention still counts."""

from __future__ import annotations

import re

from backcare.adapters.language.mentions import Mention
from backcare.adapters.language.vocabulary import Vocabulary


def is_negated(mention: Mention, text: str) -> bool:
    """Negated, but a "no" does not reach past a comma into a new list item unless the items form
    an "or"/"and" list: "no fever, chills or sweats" and "denies saddle anaesthesia, fever, weight
    loss or PMHx Ca" (all negated) versus "no fever, legs numb" and "denies numbness, his legs are
    weak and he cannot pee" (a new clause: they stand). A clinician's "denies" covers a list without
    an "or". Unknown is safer than a sign read as absent."""
    if not mention.negated:
        return False
    if mention.negation_cue_end is None:
        return True
    between = text[mention.negation_cue_end : mention.start]
    if "," not in between and ";" not in between:
        return True
    end = re.search(r"[.;!?](?!\d)", text[mention.start :])
    items = re.split(r"[,;]", text[mention.negation_cue_end : mention.start + (end.start() if end else len(text))])
    here = len(re.findall(r"[,;]", between))
    if any(_CLAUSE.search(item) for item in items[1 : here + 1]):
        return False
    if _DENIAL.search(text[: mention.negation_cue_end]) or LIST_HEADER.match(between):
        # a clinician's denial, or a header, covers a list without an "or": "Denies fever, wt loss, PMH
        # of ca", "Things I don't have: fever, cancer, chest pain"
        return True
    if here >= 2 and _NAMED_SYMPTOM.match(mention.text) and all(len(item.split()) <= 3 for item in items[1:here]):
        return True  # a list of symptoms named without its "or": "No numbness, tingling, pain, weakness in legs"
    return any(re.search(r"\b(?:or|nor|and)\b", item, re.I) for item in items[here:])


#: A list item that names a symptom first ("weakness in legs"), not a body part and what it does
#: ("legs numb", which after "no fever, chills," is a new clause: it stands).
_NAMED_SYMPTOM = re.compile(
    r"(?:weakness|numbness|tingling|pins and needles|pain|pains|loss|difficulty|trouble|problems?|incontinence|"
    r"leakage|leaking|fever|temperature|chills|sweats|swelling|lump)\b",
    re.I,
)


#: A clinician's denial, which runs over a whole list of findings even when no "or" closes it.
_DENIAL = re.compile(r"\b(?:denie[sd]|deny|denying|nil|neg(?:ative)? for|neg(?:ative)?s?\s*:)\s*$", re.I)


#: A negation that heads a list with a colon: "I don't have: ...", "None of these:".
LIST_HEADER = re.compile(r"[\w' ]{0,20}:")
#: A question put to the writer: "The nurse asked me if I had any chest pain".
ASKED_OF_ME = re.compile(r"\b(?:asked|asks|asking)\s+(?:me|us|him|her)?\s*(?:if|whether)\b", re.I)


#: Words that make a list item a clause of its own: a subject or a verb.
_CLAUSE = re.compile(
    r"\b(?:i|he|she|they|we|you|is|are|was|were|am|has|have|had|can|cannot|could|will|feels?|keeps?|went|goes"
    r"|gets?|got|started|wakes|woke|stops|stopped|hurts|aches|spreads|comes|came|makes|made|shoots|radiates)\b"
    r"|'s\b|'re\b|n't\b",
    re.I,
)


def is_clause(item: str) -> bool:
    """Whether a list item is a clause of its own (it has a subject or a verb), not a list entry."""
    return bool(_CLAUSE.search(item))


def is_hedged(mention: Mention, text: str) -> bool:
    """Whether the person is unsure of what they say about this mention ("I don't think I have",
    "I think I can pee OK", "probably no fever"). A hedge counts only within the mention's
    clause: in "I think I pulled something, no numbness" the "I think" is about the pull."""
    if mention.hedged_negation:
        return True
    for start, end in mention.hedges:
        between = text[end : mention.start] if end <= mention.start else text[mention.end : start]
        if not re.search(r"[,;:]", between):
            return True
    return False


#: A hedge that doubts rather than believes: "not sure if", "can't tell whether", "no idea if".
_DOUBT = re.compile(
    r"\b(?:not\s+(?:sure|certain|100%\s+sure)|can\s*(?:not|'t)\s+tell|(?:do\s+not|don'?t|dunno)\s+know|no\s+idea"
    r"|wonder(?:ing)?|hard\s+to\s+(?:tell|say))\s*(?:if|whether)?\b",
    re.I,
)


def doubts_the_normal(mention: Mention, text: str) -> bool:
    """Whether a statement of the normal is doubted ("I'm not sure if I can feel my bum properly"):
    a warning sign told with uncertainty, which counts (clinical spec section 1), where "I think I
    can feel everything" is a hedged denial, asked again."""
    return is_hedged(mention, text) and any(_DOUBT.search(text[start:end]) for start, end in mention.hedges)


def is_longstanding(mention: Mention, vocabulary: Vocabulary) -> bool:
    """A mention of a finding that means "new or worsening" which the context ties to a long
    duration or a chronic cause, with nothing saying it is new or worse."""
    if mention.label != "target" or vocabulary.targets[mention.index].if_longstanding is None:
        return False
    # a symptom that has since gone ("...recovered completely") is neither new nor long-standing
    return mention.longstanding and not mention.current and "resolved" not in mention.historical


def history_allows(fid: str, mention: Mention, vocabulary: Vocabulary) -> bool:
    """Whether a past mention still counts for this finding: lasting facts always, recent events
    unless long ago, current symptoms never."""
    if not mention.historical or fid in vocabulary.history.ever:
        return True
    if fid in vocabulary.history.recent:
        return "remote" not in mention.historical
    return False
