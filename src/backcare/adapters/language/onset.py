"""When the back pain began (days since onset), and whether a time expression is the back
pain's at all: "on prednisolone for 5 years" and "sciatica three years ago" are not."""

from __future__ import annotations

import re

from backcare.adapters.language.mention_context import is_longstanding
from backcare.adapters.language.mentions import Analysis, Mention
from backcare.adapters.language.readings import Read, record
from backcare.adapters.language.start_dates import CORRECTED_TO
from backcare.adapters.language.subjects import Proxy, about_someone_else, counts_for_person
from backcare.adapters.language.values import ValueMention
from backcare.adapters.language.vocabulary import Vocabulary
from backcare.adapters.language.whose import relatives_clause

#: Findings whose dates are not the back pain's: "on prednisolone for 5 years", "cancer in 2015".
_CONDITIONS = frozenset(
    {"history_of_cancer", "osteoporosis", "known_aaa", "hypothyroidism", "kidney_disease", "diabetes",
     "heart_failure", "stomach_ulcer_history", "long_term_steroids", "iv_drug_use", "immunosuppressed",
     "recent_infection", "recent_spinal_procedure", "pregnant", "startback_5", "startback_6", "startback_8",
     "unexplained_weight_loss", "longstanding_leg_symptoms"}
)  # fmt: skip
#: Habits whose length told right after them is theirs: "sitting at my desk all day for years" (not
#: "my back has hurt for years, sitting all day makes it worse").
_HABITS = frozenset({"prolonged_sitting", "sedentary"})
#: A time told as how long: a habit's "sitting all day for years" is how long the habit has lasted;
#: a time told as when dates the onset ("after a long drive about two months ago", "a long car
#: journey yesterday").
_TOLD_AS_A_LENGTH = re.compile(r"^\s*(?:for|over|in\s+the\s+(?:last|past))\b", re.I)


def _about_a_condition(
    analysis: Analysis, duration: Mention, vocabulary: Vocabulary, back_unnamed: bool = False
) -> bool:
    """Whether the mention nearest to a time expression, in its sentence, is a long-term condition,
    a long-standing symptom or a medicine (then the time is theirs, not the back pain's). In a
    sentence that does not name the back, any symptom told as long-standing will do ("both hands
    tingle (had that for years)")."""
    nearest: Mention | None = None
    best = 10**9
    for other in analysis.mentions:
        if other.sentence != duration.sentence or other.label not in {"target", "scope", "medicine"}:
            continue
        if other is duration or (other.label == "target" and vocabulary.targets[other.index].timed):
            continue
        distance = max(other.start - duration.end, duration.start - other.end, 0)
        if distance < best:
            nearest, best = other, distance
    if nearest is None:
        return False
    if nearest.label == "medicine":
        return True
    if nearest.label != "target":
        return False
    ids = set(vocabulary.targets[nearest.index].ids)
    return (
        is_longstanding(nearest, vocabulary)
        or (back_unnamed and nearest.longstanding)
        or bool(ids & _CONDITIONS)
        or (bool(ids & _HABITS) and nearest.end <= duration.start and bool(_TOLD_AS_A_LENGTH.match(duration.text)))
    )


def about_the_back(analysis: Analysis, timed: Mention, vocabulary: Vocabulary) -> bool:
    """Whether a time expression read as a finding ("for years") is the back pain's: said in a
    sentence about the back, not of being well ("all normal for years now"), and no condition,
    medicine or long-standing symptom is nearer."""
    if not any(m.label == "scope" and m.sentence == timed.sentence for m in analysis.mentions):
        return False
    if _WELL_BEFORE.search(analysis.text[analysis.sentence_spans[timed.sentence][0] : timed.start]):
        return False
    return not _about_a_condition(analysis, timed, vocabulary)


#: A length that ends now: "for the last 4 months", "over the past few weeks".
_UP_TO_NOW = re.compile(r"\b(?:for|over|in)\s+the\s+(?:last|past)\b", re.I)
#: A length of time in hours or minutes that is not "ago": usually how long something lasts.
_HOW_LONG = re.compile(r"\b(?:hours?|hrs?|minutes?|mins?)\b(?!\s+ago)", re.I)


def _about_the_past_or_another(analysis: Analysis, duration: Mention, proxy: Proxy) -> bool:
    """Whether the time belongs to history ("I had sciatica three years ago", "a car accident ten
    years ago; my back is sore") or to someone else ("She had a fall last week, I didn't, but my low
    back has been grumbling for about 2 months"): the mention nearest to it in its sentence is a past
    one, or theirs with no back told before the time ("Lower back pain since I helped a friend move a
    sofa on Tuesday" is the back's). A time "for the last 4 months" runs up to now, whatever it is
    told beside."""
    if _UP_TO_NOW.search(duration.text):
        return False
    others = [m for m in analysis.mentions if m.sentence == duration.sentence and m.label in {"target", "scope"}]
    if not others:
        return False
    nearest = min(others, key=lambda m: max(m.start - duration.end, duration.start - m.end, 0))
    back_before = any(m.label == "scope" and m.end <= duration.start for m in others)
    return bool(nearest.historical) or (about_someone_else(nearest, proxy) and not back_before)


def read_onset(analysis: Analysis, vocabulary: Vocabulary, proxy: Proxy, out: dict[str, Read]) -> None:
    """Days since onset: the first time expression in a sentence about the back (now, not long
    ago, not someone else's), else the first one anywhere; never one in an "if" clause."""
    current = {
        m.sentence
        for m in analysis.mentions
        if m.label == "scope" and not m.negated and not m.historical and counts_for_person(m, proxy)
    }
    mentioned = {m.sentence for m in analysis.mentions if m.label == "scope"}
    # "My dad had back pain for years": a sentence told of someone else dates their story, not the
    # writer's back
    theirs = {m.sentence for m in analysis.mentions if m.label in ("target", "scope") and about_someone_else(m, proxy)}
    # "the third time since January": the window episodes are counted in, not when this one began
    windows = [(m.start, m.end) for m in analysis.mentions if m.label == "episodes"]
    candidates = []
    for mention in analysis.mentions:
        if mention.label != "duration" or not isinstance(mention.payload, ValueMention):
            continue
        if any(start <= mention.start and mention.end <= end for start, end in windows):
            continue
        lead = analysis.text[analysis.sentence_spans[mention.sentence][0] : mention.start].lower()
        if re.search(
            r"\b(?:if|in case|unless|what if|once|after another|another)\b[^,]*$", lead
        ) and not _NO_CONDITION_IF.search(lead):
            continue
        back_unnamed = mention.sentence not in mentioned
        if _about_a_condition(analysis, mention, vocabulary, back_unnamed) or _about_the_past_or_another(
            analysis, mention, proxy
        ):
            continue
        if _LIFE_STATE.search(lead) or _WELL_BEFORE.search(lead):
            continue  # "been clean 10 years now", "retired 5 years ago", "all normal for years": not the back
        if mention.sentence not in current and (mention.sentence in theirs or relatives_clause(lead, proxy)):
            continue
        tier = 0 if mention.sentence in current else 1 if mention.sentence in mentioned else 2
        if _PAST_EVENT.search(lead) and not _names_anything_before(analysis, mention):
            continue  # "I had a kidney stone 3 years ago, so ... my back": something else that happened
        # "stiff every morning for over an hour": how long something lasts, not when it began
        lasting = bool(_HOW_LONG.search(mention.text))
        end = analysis.sentence_spans[mention.sentence][1]
        if lasting and _HABITUAL.search(lead + " " + analysis.text[mention.end : min(end, mention.end + 30)]):
            continue  # and told as what happens every morning, it dates nothing
        uncorrected = _CORRECTED.match(mention.text) is None  # a start told again, corrected, comes first
        # of two read from the same place, the longer: "Since about a week after I got home (start of
        # November)" is the start of November, not a week
        candidates.append((tier, uncorrected, lasting, mention.start, -mention.end, mention))
    if not candidates:
        return
    *_, chosen = min(candidates, key=lambda c: c[:5])
    assert isinstance(chosen.payload, ValueMention)
    days = int(chosen.payload.value)
    record(out, "days_since_onset", "present", chosen.text, chosen.start, days)
    if days >= 90:
        record(out, "pain_over_3_months", "present", chosen.text, chosen.start, True)


#: A start corrected: "since the end of November... no actually, it was Bonfire Night".
_CORRECTED = re.compile(CORRECTED_TO, re.I)

#: What happens again and again: "every morning", "most nights", "when I get up".
_HABITUAL = re.compile(
    r"\b(?:every|each|most)\s+(?:single\s+)?(?:morning|mornings|day|days|night|nights|time)\b|\bin\s+the\s+mornings\b"
    r"|\bon\s+waking\b|\bwhen\s+i\s+(?:get|wake)\s+up\b",
    re.I,
)

#: A sentence telling of something that happened: "Had my appendix out 3 years ago.", "I'm 45 and had
#: a kidney stone 5 years ago.", "I broke my hip 20 years ago".
_PAST_EVENT = re.compile(
    r"(?:^|\band\s+|,\s*)\s*(?:i\s+)?(?:had|'ve\s+had|have\s+had|broke|fractured|dislocated|tore|ruptured)"
    r"\s+(?:a|an|my|the|some)\b",
    re.I,
)


def _names_anything_before(analysis: Analysis, duration: Mention) -> bool:
    """Whether the words before a time expression, in its sentence, name a finding or the back ("I've
    had back pain for 3 weeks", "I had a fall 2 days ago"): then the time is theirs."""
    return any(
        m.sentence == duration.sentence and m.label in ("target", "scope") and m.end <= duration.start
        for m in analysis.mentions
    )


#: A state of life the time that follows belongs to, in the same clause: "been clean 10 years now",
#: "retired 5 years ago", "gave up smoking in 2010", "worked as a nurse for 20 years".
_LIFE_STATE = re.compile(
    r"\b(?:(?:been|stayed|staying|i'?m|i\s+am|am|is|was|now|got|getting)\s+(?:clean|sober|dry"
    r"|off\s+(?:the\s+)?(?:drink|booze|drugs|gear|heroin|fags|smokes|cigarettes))"
    r"|quit|gave\s+up|given\s+up|stopped\s+(?:smoking|drinking|using)|smoke[- ]free|retired|married|divorced"
    r"|widowed|(?:worked|working|been)\s+as\s+an?|(?:lived|living)\s+(?:here|there|in|abroad))\b"
    r"(?:(?!\b(?:and|but|so|then|because|since)\b)[^,;.])*$",
    re.I,
)

#: Well for a while, told right before it: "waterworks all normal for years now", "I'd been fine for
#: months" (how long things were well, not how long the back has hurt; "a good 3 months" is a length).
_WELL_BEFORE = re.compile(
    r"\b(?:normal|fine|ok|okay|well|(?<!\ba\s)good|grand|healthy|pain[\s-]free|symptom[\s-]free|no\s+(?:problems|trouble|issues))"
    r"(?:\s+(?:ever\s+)?since)?\s*$",
    re.I,
)

#: A referral's courtesy, not a condition: "I would be grateful if you could see this 41-year-old ...";
#: or a way of speaking: "if I'm honest it's been 7 weeks".
_NO_CONDITION_IF = re.compile(
    r"\b(?:grateful|appreciate\w*|thankful|obliged|pleased|kind|wonder(?:ing)?)\s+(?:it\s+)?if\b"
    r"|\bif\s+(?:i'?m|i\s+am)\s+(?:being\s+)?(?:\w+\s+)?(?:honest|truthful)\b|\bif\s+(?:truth\s+be\s+told|anything)\b",
    re.I,
)
