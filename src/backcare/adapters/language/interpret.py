"""From context-tagged mentions to findings: who, when, how sure, and which finding wins.

The rules here are the safety policy of free-text reading:

- a mention about someone else or about a hypothetical does not count; in a carer's report
  ("writing for my dad, he's 81") the person described is the patient, so cues naming them are
  not "someone else";
- a past mention counts for lasting facts (cancer, osteoporosis), for recent events unless long
  ago, and never for current symptoms ("had a fever last month, fine now");
- present beats possible beats absent when the same finding is read several times, so a red flag
  stated once is never cancelled by a reassurance elsewhere.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from backcare.adapters.language.numbers import ValueMention
from backcare.adapters.language.pipeline import Analysis, Mention
from backcare.adapters.language.vocabulary import Vocabulary

Status = Literal["present", "absent", "possible"]
_RANK: dict[str, int] = {"absent": 0, "possible": 1, "present": 2}

FEVER_FROM_C = 37.8
NO_FEVER_BELOW_C = 37.5

_MALE = {"dad", "daddy", "father", "husband", "son", "brother", "grandad", "granddad", "grandpa", "grandfather",
         "boyfriend", "uncle", "nephew", "stepdad", "stepfather", "stepson", "fiance", "hubby", "boy", "grandson",
         "he", "him", "his", "himself"}  # fmt: skip
_FEMALE = {"mum", "mom", "mam", "mother", "wife", "daughter", "sister", "nan", "nana", "nanna", "gran", "granny",
           "grandma", "grandmother", "girlfriend", "aunt", "auntie", "aunty", "niece", "stepmum", "stepmother",
           "stepdaughter", "fiancee", "wifey", "girl", "granddaughter", "she", "her", "hers", "herself"}  # fmt: skip
_NEUTRAL = {"partner", "child", "kid", "toddler", "baby", "friend", "parent", "spouse", "sibling", "relative"}
_RELATIONS = (_MALE | _FEMALE | _NEUTRAL) - {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
_REL_RE = "|".join(sorted(_RELATIONS, key=len, reverse=True))
_EXPLICIT_PROXY = re.compile(
    rf"\b(?:writing|asking|messaging|posting|enquiring|inquiring|texting|typing|here|contacting\s+you|calling|"
    rf"worried|concerned|query|question)\b[^.!?]{{0,25}}?\b(?:for|about|on\s+behalf\s+of|regarding|re)\s+(?:my|our)\s+"
    rf"(?:\w+\s+)?(?P<rel>{_REL_RE})\b|^\s*(?:for|re:?|about|regarding)\s+(?:my|our)\s+(?P<rel2>{_REL_RE})\b",
    re.I,
)


@dataclass
class Read:
    """The best reading of one finding so far."""

    status: Status
    evidence: str
    value: bool | int | str | list[str] | None = None
    start: int = 0
    hedged: bool = False  # a hedged denial ("I don't think I have ..."): unknown rather than absent
    rule: str = ""  # the id of the vocabulary rule that read it, for explanations ("" for values)


@dataclass
class Proxy:
    """Who the text is about when someone writes for another person."""

    active: bool = False
    words: frozenset[str] = frozenset()
    sex: str | None = None


@dataclass
class Result:
    findings: dict[str, Read] = field(default_factory=dict)
    in_scope: bool = False
    proxy: Proxy = field(default_factory=Proxy)
    not_own: dict[str, str] = field(default_factory=dict)
    """Findings named but not as the person's own (hypothetical, someone else's, long past)."""
    explained: list[str] = field(default_factory=list)
    """Words read as a look-alike of a finding and set aside (a leak on sneezing in pregnancy)."""

    @property
    def rules(self) -> dict[str, str]:
        """The id of the vocabulary rule behind each finding one read, so that it can be explained."""
        return {fid: read.rule for fid, read in self.findings.items() if read.rule}


def _record(
    out: dict[str, Read],
    fid: str,
    status: Status,
    evidence: str,
    start: int,
    value: bool | int | str | list[str] | None = None,
    hedged: bool = False,
    rule: str = "",
) -> None:
    """Keep the strongest reading: present > possible > absent, a plain denial over a hedged one;
    the earliest among equals. ``rule`` is the vocabulary rule's id, kept to explain the reading."""
    current = out.get(fid)
    if (
        current is None
        or _RANK[status] > _RANK[current.status]
        or (status == current.status and current.hedged and not hedged)
    ):
        out[fid] = Read(status, evidence, value, start, hedged, rule)


def _record_read(out: dict[str, Read], fid: str, reading: Read) -> None:
    _record(out, fid, reading.status, reading.evidence, reading.start, reading.value, reading.hedged, reading.rule)


def detect_proxy(analysis: Analysis) -> Proxy:
    """A carer's report: an explicit "asking for my dad", or back trouble only ever in the third person."""
    explicit = _EXPLICIT_PROXY.search(analysis.text)
    relation: str | None = None
    if explicit:
        relation = (explicit.group("rel") or explicit.group("rel2") or "").lower()
    else:
        first = third = False
        # Whose back it is; with no back mentioned (an emergency sign only), whose signs they are.
        pool = [m for m in analysis.mentions if m.label == "scope"] or [
            m for m in analysis.mentions if m.label == "target"
        ]
        for mention in pool:
            who, word = _whose(analysis.text, analysis.sentence_spans[mention.sentence], mention)
            if who == "third":
                third = True
                relation = relation or word
            elif who == "first" or not third:
                first = True  # people describe their own back unless they say otherwise
        if first or not third:
            return Proxy()
    relation = relation or "partner"  # someone else, sex unknown
    also: set[str] = set()
    if relation in {"he", "his", "she", "her"}:
        # "He's had back pain...": the patient is the first relative of that sex the text names
        wanted = _MALE if relation in {"he", "his"} else _FEMALE
        for named in _NAMED.finditer(analysis.text):
            word = (named.group("aged") or named.group("rel") or named.group("kin") or "child").lower()
            if word in wanted:
                relation = word
                break
            if word in _NEUTRAL:
                also.add(word)  # "our 8 year old ... her back": the child, a girl
                break
    if relation in _MALE:
        sex: str | None = "male"
        pronouns = {"he", "him", "his", "himself"}
    elif relation in _FEMALE:
        sex = "female"
        pronouns = {"she", "her", "hers", "herself"}
    else:
        sex = None
        pronouns = {"he", "him", "his", "himself", "she", "her", "hers", "herself", "they", "them", "their"}
    if relation in _CHILD_WORDS:
        also.add("child")  # "8yo daughter": the age read for a child is hers
    return Proxy(active=True, words=frozenset({relation, *also, *pronouns}), sex=sex)


_KIN = r"(?-i:Mum|Mom|Mam|Mummy|Mommy|Dad|Daddy|Nan|Nana|Nanna|Gran|Granny|Grandma|Grandad|Granddad|Grandpa)"
_CHILD = r"(?:my|our)\s+\d{1,2}\s*-?\s*(?:years?|yrs?|y)\s*-?\s*(?:old|o)\b"
#: Someone's child named by age, with or without "my": "8yo daughter", "a 6 year old son".
_AGED = r"\b\d{1,2}\s*-?\s*(?:yo|y/o|y\.o\.?|(?:years?|yrs?|yr|y)\s*-?\s*(?:old|o))\s+(?P<aged>son|daughter|boy|girl|grandson|granddaughter|kid|child|toddler|baby|nephew|niece)\b"  # noqa: E501
#: Words for a child: the age read for "child" is theirs.
_CHILD_WORDS = frozenset({"son", "daughter", "boy", "girl", "grandson", "granddaughter", "kid", "child", "toddler",
                          "baby", "nephew", "niece", "stepson", "stepdaughter"})  # fmt: skip
#: A relative the text names: "my dad", "Mum" (used as a name), "my 11 yr old", "8yo daughter".
_NAMED = re.compile(rf"{_AGED}|\b(?:my|our)\s+(?:\w+\s+)?(?P<rel>{_REL_RE})\b|\b(?P<kin>{_KIN})\b|{_CHILD}", re.I)

#: The subject of a clinician's note or a textbook case: "A 45-year-old man reports...", "Pt c/o".
_CASE = (
    r"\b(?:a|an)\s+\d{1,3}\s*-?\s*(?:years?|yrs?|yr|y)\s*-?\s*(?:old|o)\s+(?P<case>man|woman|male|female|gentleman"
    r"|lady|patient)\b|\b(?P<patient>patient|pt)\b"
)

_PERSON = re.compile(
    rf"(?<!\bto\s)(?<!\bat\s)(?<!\bfrom\s)(?<!\bwith\s)(?<!\bfor\s)(?<!\bvisit\s)(?<!\bvisiting\s)(?<!\bsee\s)"
    rf"(?<!\bsaw\s)(?<!\blifting\s)(?<!\blift\s)(?<!\bcarry\s)(?<!\bcarrying\s)(?<!\bcarried\s)(?<!\blifted\s)"
    rf"(?<!\bup\s)(?<!\bhelping\s)(?<!\bhelped\s)\b(?:my|our)\s+(?:\w+\s+)?(?P<rel>{_REL_RE})\b(?!'s)|"
    rf"\b(?P<child>{_CHILD})|{_AGED}|\b(?P<kin>{_KIN})\b(?!'s)|"
    rf"\b(?P<first>i|i'm|im|i've|ive|me|my|myself)\b|\b(?P<third>he|she|his|her)\b|{_CASE}",
    re.I,
)


def _whose(text: str, sentence: tuple[int, int], mention: Mention) -> tuple[str | None, str | None]:
    """Whose back a mention is: "first" (mine), "third" (his, my dad's) or None (cannot tell).

    The possessive right before the mention decides; otherwise the nearest person named before
    it in the sentence, else the first one after it.
    """
    own = re.match(r"(my|his|her)\b", mention.text.lower())
    if own:
        return ("first", None) if own.group(1) == "my" else ("third", own.group(1))
    before = text[max(sentence[0], mention.start - 14) : mention.start].lower()
    lead = text[max(sentence[0], mention.start - 30) : mention.start]
    named = re.search(rf"\b(?:my|our)\s+(?:\w+\s+)?({_REL_RE})\s+$", lead, re.I)
    if named:
        return "third", named.group(1).lower()  # "my son collapsed"
    if re.search(r"\b(?:my|i|me)\s+(?:\w+\s+)?$", before):
        return "first", None
    near = text[max(sentence[0], mention.start - 20) : mention.start]
    possessor = re.search(rf"\b({_REL_RE})(?:'s|s')?\s*$", near, re.I)
    if (possessor and re.search(r"(?:'s|s')\s*$", near)) or mention.text.lower().startswith(("'s", "s'")):
        return "third", possessor.group(1).lower() if possessor else None
    if re.search(r"\b(?:his|her)\s+(?:\w+\s+)?$", before):
        word = re.search(r"\b(his|her)\s+(?:\w+\s+)?$", before)
        return "third", word.group(1) if word else None
    refs = list(_PERSON.finditer(text, sentence[0], sentence[1]))
    earlier = [r for r in refs if r.end() <= mention.start]
    later = [r for r in refs if r.start() >= mention.end]
    chosen = earlier[-1] if earlier else later[0] if later else None
    if chosen is None:
        return None, None
    if chosen.group("first"):
        return "first", None
    if chosen.group("child"):
        return "third", "child"
    if chosen.group("aged"):
        return "third", chosen.group("aged").lower()
    if chosen.group("case") or chosen.group("patient"):
        case = (chosen.group("case") or "").lower()
        if case in ("man", "male", "gentleman"):
            return "third", "he"
        return "third", "she" if case in ("woman", "female", "lady") else "patient"
    return "third", (chosen.group("third") or chosen.group("rel") or chosen.group("kin") or "").lower()


_DETERMINERS = frozenset({"my", "our", "his", "her", "their", "your", "the", "a"})


def _about_someone_else(mention: Mention, proxy: Proxy) -> bool:
    for cue in mention.family:
        words = set(re.findall(r"[a-z']+", cue.replace("'s", " ").replace("s'", " ")))
        named = words - _DETERMINERS  # "her mother" is the patient's mother, not the patient
        if proxy.active and (named or words) & proxy.words:
            continue
        if mention.label in {"medicine", "product"} and ("'s" in cue or cue.endswith("s'")):
            continue  # "a couple of my wife's co-codamol": taken by the writer
        return True
    return False


def _negated(mention: Mention, text: str) -> bool:
    """Negated, but a "no" does not reach past a comma into a new list item unless the items form
    an "or"/"and" list: "no fever, chills or sweats" and "denies saddle anaesthesia, fever, weight
    loss or PMHx Ca" (all negated) versus "no fever, legs numb" and "denies numbness, his legs are
    weak and he cannot pee" (a new clause: they stand). Unknown is safer than a sign read as absent."""
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
    return any(re.search(r"\b(?:or|nor|and)\b", item, re.I) for item in items[here:])


#: Words that make a list item a clause of its own: a subject or a verb.
_CLAUSE = re.compile(
    r"\b(?:i|he|she|they|we|you|is|are|was|were|am|has|have|had|can|cannot|could|will|feels?|keeps?|went|goes"
    r"|gets?|got|started)\b|'s\b|'re\b|n't\b",
    re.I,
)


def _hedged(mention: Mention, text: str) -> bool:
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


def _longstanding(mention: Mention, vocabulary: Vocabulary) -> bool:
    """A mention of a finding that means "new or worsening" which the context ties to a long
    duration or a chronic cause, with nothing saying it is new or worse."""
    if mention.label != "target" or vocabulary.targets[mention.index].if_longstanding is None:
        return False
    return mention.longstanding and not mention.current


def _counts(mention: Mention, proxy: Proxy) -> bool:
    return not mention.hypothetical and not _about_someone_else(mention, proxy)


def _history_allows(fid: str, mention: Mention, vocabulary: Vocabulary) -> bool:
    if not mention.historical or fid in vocabulary.history.ever:
        return True
    if fid in vocabulary.history.recent:
        return "remote" not in mention.historical
    return False


def _word_findings(words: Mapping[str, list[str]], norms: Iterable[str]) -> list[str]:
    found: list[str] = []
    for norm in norms:
        for key, ids in words.items():
            if (key.endswith("*") and norm.startswith(key[:-1])) or norm == key:
                found += [i for i in ids if i not in found]
    return found


#: A reading that depends on another finding: (requires, unless, finding, reading); a reading
#: for the finding of ``otherwise`` has the condition the other way round (requires = unless).
Pending = tuple[str | None, str | None, str, Read]


def read_targets(
    analysis: Analysis, vocabulary: Vocabulary, proxy: Proxy
) -> tuple[dict[str, Read], list[Pending], list[str]]:
    """The vocabulary's findings, the readings that wait on another finding (``requires``,
    ``unless``: see ``apply_pending``), and the words of mentions set aside as long-standing."""
    out: dict[str, Read] = {}
    pending: list[Pending] = []
    explained: list[str] = []
    for mention in analysis.mentions:
        if mention.label != "target" or not _counts(mention, proxy):
            continue
        entry = vocabulary.targets[mention.index]
        if entry.timed and not _about_the_back(analysis, mention, vocabulary):
            continue  # "neuropathy for years": the years are the neuropathy's, not the back pain's
        extra = _word_findings(entry.words, mention.norms)
        rule = entry.id or ""
        negated = _negated(mention, analysis.text)
        if negated and entry.status == "absent" and (mention.negation_gap or 0) > 1:
            negated = False  # "no chest pain, breathing normally": the "no" was for the chest pain
        hedged = _hedged(mention, analysis.text)
        readings: list[tuple[str, Read]] = []
        if negated:
            if entry.status == "absent" or entry.value is not None:
                continue  # "not thinking straight", "not very bothersome": too vague to read either way
            for fid in dict.fromkeys([*entry.ids, *entry.negated_also, *extra]):
                readings.append((fid, Read("absent", mention.text, False, mention.start, hedged, rule)))
        elif not entry.only_negated:
            status: Status = entry.status
            if status == "present" and mention.uncertain:
                status = "possible"
            ids = entry.ids
            if _longstanding(mention, vocabulary):
                ids, extra = list(entry.if_longstanding or []), []
                explained.append(mention.text)
            for fid in dict.fromkeys([*ids, *extra]):
                if status != "absent" and not _history_allows(fid, mention, vocabulary):
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
                _record_read(out, fid, reading)
    return out, pending, explained


def not_own_targets(analysis: Analysis, vocabulary: Vocabulary, proxy: Proxy) -> dict[str, str]:
    """Findings the text names but not as the person's own now (hypothetical, someone else's, long
    past), with the words: the merge with the sentence model needs to know the rules saw them."""
    out: dict[str, str] = {}
    for mention in analysis.mentions:
        if mention.label != "target" or _negated(mention, analysis.text):
            continue
        entry = vocabulary.targets[mention.index]
        if entry.status == "absent" or entry.only_negated:
            continue
        counted = _counts(mention, proxy)
        for fid in entry.ids:
            if not counted or not _history_allows(fid, mention, vocabulary):
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
        _record_read(out, fid, reading)
    return explained


def _value_mentions(analysis: Analysis, kind: str, proxy: Proxy) -> list[tuple[Mention, ValueMention]]:
    out = []
    for mention in analysis.mentions:
        if mention.label != kind or not isinstance(mention.payload, ValueMention):
            continue
        if mention.negated or not _counts(mention, proxy):
            continue
        value = mention.payload
        if proxy.active:
            if value.subject == "self":
                continue
            if value.subject == "other" and value.relation and value.relation not in proxy.words:
                continue
        elif value.subject == "other":
            continue
        out.append((mention, value))
    return out


def read_values(analysis: Analysis, vocabulary: Vocabulary, proxy: Proxy, out: dict[str, Read]) -> None:
    ages = _value_mentions(analysis, "age", proxy)
    if ages:
        ranked = sorted(ages, key=lambda mv: (mv[1].subject == "unknown", mv[0].start))
        mention, value = ranked[0]
        _record(out, "age", "present", mention.text, mention.start, int(value.value))
    _read_sex(analysis, proxy, out)
    for mention, value in _value_mentions(analysis, "pregnancy_weeks", proxy):
        _record(out, "pregnancy_weeks", "present", mention.text, mention.start, int(value.value))
        _record(out, "pregnant", "present", mention.text, mention.start, True)
        break
    scores = _value_mentions(analysis, "pain_score", proxy) or _value_mentions(analysis, "pain_word", proxy)
    if scores:
        mention, value = max(scores, key=lambda mv: (int(mv[1].value), -mv[0].start))
        _record(out, "pain_score", "present", mention.text, mention.start, int(value.value))
    for mention, value in _value_mentions(analysis, "temperature", proxy):
        if float(value.value) >= FEVER_FROM_C:
            _record(out, "fever", "present", mention.text, mention.start, True)
        elif float(value.value) < NO_FEVER_BELOW_C:
            _record(out, "fever", "absent", mention.text, mention.start, False)
    counts = _value_mentions(analysis, "episodes", proxy)
    if counts:
        mention, value = max(counts, key=lambda mv: int(mv[1].value))
        _record(out, "episodes_past_year", "present", mention.text, mention.start, int(value.value))
    for mention, value in _value_mentions(analysis, "onset_age", proxy):
        early = int(value.value) < 45
        _record(out, "onset_before_45", "present" if early else "absent", mention.text, mention.start, early)
    _read_onset(analysis, vocabulary, proxy, out)
    _onset_age_from_age(out)


def _onset_age_from_age(out: dict[str, Read]) -> None:
    """Back pain in someone under 45 began before 45; so did pain older than the years past 45."""
    age = out.get("age")
    if "onset_before_45" in out or age is None or not isinstance(age.value, int):
        return
    days = out.get("days_since_onset")
    years_ago = days.value / 365 if days is not None and isinstance(days.value, int) else 0.0
    if age.value - years_ago < 45:
        _record(out, "onset_before_45", "present", age.evidence, age.start, True)


def _read_sex(analysis: Analysis, proxy: Proxy, out: dict[str, Read]) -> None:
    candidates = _value_mentions(analysis, "sex", proxy)
    if proxy.active:
        named = [mv for mv in candidates if mv[1].subject != "other" or mv[1].relation in proxy.words]
        if proxy.sex:
            evidence = next((m.text for m, v in named if v.relation in proxy.words), proxy.sex)
            start = next((m.start for m, v in named if v.relation in proxy.words), 0)
            _record(out, "sex", "present", evidence, start, proxy.sex)
            return
        candidates = named
    else:
        candidates = [mv for mv in candidates if mv[1].subject != "other"]
    if candidates:
        ranked = sorted(candidates, key=lambda mv: (mv[1].subject == "unknown", mv[0].start))
        mention, value = ranked[0]
        _record(out, "sex", "present", mention.text, mention.start, str(value.value))


#: Findings whose dates are not the back pain's: "on prednisolone for 5 years", "cancer in 2015".
_CONDITIONS = frozenset(
    {"history_of_cancer", "osteoporosis", "known_aaa", "hypothyroidism", "kidney_disease", "diabetes",
     "heart_failure", "stomach_ulcer_history", "long_term_steroids", "iv_drug_use", "immunosuppressed",
     "recent_infection", "recent_spinal_procedure", "pregnant", "startback_5", "startback_6", "startback_8",
     "unexplained_weight_loss", "longstanding_leg_symptoms"}
)  # fmt: skip


def _about_a_condition(analysis: Analysis, duration: Mention, vocabulary: Vocabulary) -> bool:
    """Whether the mention nearest to a time expression, in its sentence, is a long-term condition,
    a long-standing symptom or a medicine (then the time is theirs, not the back pain's)."""
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
    return _longstanding(nearest, vocabulary) or bool(set(vocabulary.targets[nearest.index].ids) & _CONDITIONS)


def _about_the_back(analysis: Analysis, timed: Mention, vocabulary: Vocabulary) -> bool:
    """Whether a time expression read as a finding ("for years") is the back pain's: said in a
    sentence about the back, and no condition, medicine or long-standing symptom is nearer."""
    if not any(m.label == "scope" and m.sentence == timed.sentence for m in analysis.mentions):
        return False
    return not _about_a_condition(analysis, timed, vocabulary)


#: A length of time in hours or minutes that is not "ago": usually how long something lasts.
_HOW_LONG = re.compile(r"\b(?:hours?|hrs?|minutes?|mins?)\b(?!\s+ago)", re.I)


def _about_the_past(analysis: Analysis, duration: Mention) -> bool:
    """Whether the time belongs to history ("I had sciatica three years ago", "a car accident ten
    years ago; my back is sore"): the mention nearest to it in its sentence is a past one."""
    others = [m for m in analysis.mentions if m.sentence == duration.sentence and m.label in {"target", "scope"}]
    if not others:
        return False
    nearest = min(others, key=lambda m: max(m.start - duration.end, duration.start - m.end, 0))
    return bool(nearest.historical)


def _read_onset(analysis: Analysis, vocabulary: Vocabulary, proxy: Proxy, out: dict[str, Read]) -> None:
    """Days since onset: the first time expression in a sentence about the back (now, not long
    ago, not someone else's), else the first one anywhere; never one in an "if" clause."""
    current = {
        m.sentence
        for m in analysis.mentions
        if m.label == "scope" and not m.negated and not m.historical and _counts(m, proxy)
    }
    mentioned = {m.sentence for m in analysis.mentions if m.label == "scope"}
    # "the third time since January": the window episodes are counted in, not when this one began
    windows = [(m.start, m.end) for m in analysis.mentions if m.label == "episodes"]
    candidates = []
    for mention in analysis.mentions:
        if mention.label != "duration" or not isinstance(mention.payload, ValueMention):
            continue
        if any(start <= mention.start and mention.end <= end for start, end in windows):
            continue
        lead = analysis.text[analysis.sentence_spans[mention.sentence][0] : mention.start].lower()
        if re.search(r"\b(?:if|in case|unless|what if|once|after another|another)\b[^,]*$", lead):
            continue
        if _about_a_condition(analysis, mention, vocabulary) or _about_the_past(analysis, mention):
            continue
        tier = 0 if mention.sentence in current else 1 if mention.sentence in mentioned else 2
        # "stiff every morning for over an hour": how long something lasts, not when it began
        lasting = bool(_HOW_LONG.search(mention.text))
        candidates.append((tier, lasting, mention.start, mention))
    if not candidates:
        return
    _, _, _, chosen = min(candidates, key=lambda c: (c[0], c[1], c[2]))
    assert isinstance(chosen.payload, ValueMention)
    days = int(chosen.payload.value)
    _record(out, "days_since_onset", "present", chosen.text, chosen.start, days)
    if days >= 90:
        _record(out, "pain_over_3_months", "present", chosen.text, chosen.start, True)


def read_scope(analysis: Analysis, vocabulary: Vocabulary, proxy: Proxy, out: dict[str, Read]) -> bool:
    """back_pain from mentions of the back, and pain_region (upper over middle over lower: safety).

    Returns whether the text is about the back without saying the back hurts now: sciatica (leg
    pain from the back's nerves) or a back named in a worry or question."""
    regions: dict[str, Mention] = {}
    about_back = False
    for mention in analysis.mentions:
        if mention.label != "scope" or _about_someone_else(mention, proxy):
            continue
        if not vocabulary.scope[mention.index].back_pain:
            about_back = about_back or not (_negated(mention, analysis.text) or mention.historical)
            continue
        if mention.hypothetical:
            about_back = True  # "scared to move in case I make my back worse": about the back all the same
            continue
        rule = vocabulary.scope[mention.index].id or ""
        if _negated(mention, analysis.text):
            _record(out, "back_pain", "absent", mention.text, mention.start, False, rule=rule)
            continue
        status: Status = "possible" if mention.uncertain else "present"
        _record(out, "back_pain", status, mention.text, mention.start, True, rule=rule)
        region = vocabulary.scope[mention.index].region
        if region and region not in regions:
            regions[region] = mention
    for region in ("upper", "middle", "lower"):
        if region in regions:
            chosen = regions[region]
            rule = vocabulary.scope[chosen.index].id or ""
            _record(out, "pain_region", "present", chosen.text, chosen.start, region, rule=rule)
            break
    return about_back


def read_products(analysis: Analysis, proxy: Proxy, out: dict[str, Read]) -> None:
    """Two or more different paracetamol-containing products taken: several products (whether
    that is more than the daily maximum is a question of amounts, asked separately)."""
    taken: dict[str, Mention] = {}
    for mention in analysis.mentions:
        if mention.label == "product" and not mention.negated and _counts(mention, proxy):
            key = " ".join(mention.norms).replace("-", " ").replace("  ", " ")
            taken.setdefault(key, mention)
    if len(taken) >= 2:
        first = min(taken.values(), key=lambda m: m.start)
        evidence = ", ".join(m.text for m in sorted(taken.values(), key=lambda m: m.start))
        _record(out, "paracetamol_several_products", "present", evidence, first.start, True)


#: The label's daily maximum of paracetamol, in 500 mg tablets (4 g).
MAX_TABLETS_A_DAY = 8


#: Words before a dose that make it a limit, not what was taken ("max 2 tabs QDS").
_LIMIT_BEFORE = re.compile(
    r"\b(?:max(?:imum)?|up\s+to|no\s+more\s+than|not\s+more\s+than|limit(?:\s+of)?|allowed|says|said|label)\W*(?:\w+\W+){0,2}$",
    re.I,
)


def _dose_product(analysis: Analysis, dose: Mention) -> Mention | None:
    """The medicine a dose belongs to: the medicine named nearest to it in its sentence (before
    it, or inside the dose's words), if that is a paracetamol product; None otherwise."""
    named = [
        m
        for m in analysis.mentions
        if m.label in {"product", "medicine"} and m.sentence == dose.sentence and not m.negated
    ]
    before = [m for m in named if m.start < dose.end]
    pool = before or named
    if not pool:
        return None
    nearest = min(pool, key=lambda m: (max(dose.start - m.end, m.start - dose.end, 0), m.label != "product"))
    products = [m for m in named if m.label == "product" and m.start < nearest.end and nearest.start < m.end]
    return products[0] if products else None


def read_doses(analysis: Analysis, proxy: Proxy, out: dict[str, Read]) -> None:
    """Paracetamol taken at a rate over the daily maximum is paracetamol overuse: one product
    ("co-codamol, two every four hours") or several added up ("co-codamol 30/500 2 tabs QDS" is
    the maximum; "and paracetamol 1 g" on top is over it). Each dose counts for the paracetamol
    product named nearest to it in its sentence, and the same dose of the same product once."""
    doses: dict[tuple[str, float], Mention] = {}
    for mention, value in _value_mentions(analysis, "doses_per_day", proxy):
        if _LIMIT_BEFORE.search(analysis.text[max(0, mention.start - 40) : mention.start]):
            continue
        product = _dose_product(analysis, mention)
        if product is None:
            continue
        key = (" ".join(product.norms).replace("-", " "), float(value.value))
        doses.setdefault(key, mention)
    total = sum(tablets for _, tablets in doses)
    if total > MAX_TABLETS_A_DAY:
        counted = sorted(doses.values(), key=lambda m: m.start)
        status: Status = "possible" if any(m.uncertain for m in counted) else "present"
        evidence = "; ".join(m.text for m in counted)
        _record(out, "paracetamol_overuse", status, evidence, counted[0].start, True)


#: Urine left after passing urine (post-void residual): this much or more is retention...
RETENTION_FROM_ML = 200
#: ...and under this, the bladder empties.
NO_RETENTION_BELOW_ML = 100
#: A fall from higher than this, in metres, is major trauma (NICE: over 1 metre or 5 stairs).
MAJOR_FALL_OVER_M = 1.0


def read_measurements(analysis: Analysis, proxy: Proxy, out: dict[str, Read]) -> None:
    """What clinicians measure: GCS (under 15 is confusion or drowsiness), leg muscle power (under
    5/5 is weakness), the urine left after voiding, and how far someone fell."""
    for mention, value in _value_mentions(analysis, "gcs", proxy):
        low = int(value.value) < 15
        _record(out, "confusion_or_drowsiness", "present" if low else "absent", mention.text, mention.start, low)
    for mention, value in _value_mentions(analysis, "power", proxy):
        weak = float(value.value) < 5
        _record(out, "leg_weakness", "present" if weak else "absent", mention.text, mention.start, weak)
    for mention, value in _value_mentions(analysis, "residual_urine", proxy):
        if int(value.value) >= RETENTION_FROM_ML:
            _record(out, "urinary_retention", "present", mention.text, mention.start, True)
        elif int(value.value) < NO_RETENTION_BELOW_ML:
            _record(out, "urinary_retention", "absent", mention.text, mention.start, False)
    for mention, value in _value_mentions(analysis, "fall_height", proxy):
        if "remote" in mention.historical or float(value.value) <= MAJOR_FALL_OVER_M:
            continue
        _record(out, "major_trauma", "present", mention.text, mention.start, True)
        minor = out.get("minor_trauma")
        if minor is not None and minor.status != "absent" and mention.start <= minor.start < mention.end:
            del out["minor_trauma"]  # the fall is the major trauma


def read_medicines(analysis: Analysis, proxy: Proxy, generic: Mapping[str, str], out: dict[str, Read]) -> None:
    names: list[str] = []
    evidence: list[str] = []
    first = None
    for mention in analysis.mentions:
        if mention.label != "medicine" or mention.negated or not _counts(mention, proxy):
            continue
        name = generic.get(str(mention.payload))
        if name and name not in names:
            names.append(name)
            evidence.append(mention.text)
            first = mention.start if first is None else first
    if names:
        _record(out, "medications", "present", ", ".join(evidence), first or 0, names)


def _one_injury(analysis: Analysis, out: dict[str, Read]) -> None:
    """A minor-trauma word in the sentence that tells of major trauma is part of the same event
    ("slipped and fell down the stairs", "the ladder slipped and I fell"): major, not minor."""
    major, minor = out.get("major_trauma"), out.get("minor_trauma")
    if major is None or minor is None or major.status != "present" or minor.status == "absent":
        return
    starts = [start for start, _ in analysis.sentence_spans]
    if bisect.bisect_right(starts, major.start) == bisect.bisect_right(starts, minor.start):
        del out["minor_trauma"]


def interpret(analysis: Analysis, vocabulary: Vocabulary, generic_names: Mapping[str, str]) -> Result:
    proxy = detect_proxy(analysis)
    out, pending, explained = read_targets(analysis, vocabulary, proxy)
    read_values(analysis, vocabulary, proxy, out)
    about_back = read_scope(analysis, vocabulary, proxy, out)
    read_products(analysis, proxy, out)
    read_doses(analysis, proxy, out)
    read_measurements(analysis, proxy, out)
    _one_injury(analysis, out)
    read_medicines(analysis, proxy, generic_names, out)
    explained += apply_pending(out, pending)
    if "sex" not in out and out.get("pregnant") and out["pregnant"].status != "absent":
        reading = out["pregnant"]
        _record(out, "sex", "present", reading.evidence, reading.start, "female")
    if "pregnancy_weeks" in out and out.get("pregnant", Read("absent", "")).status == "absent":
        del out["pregnancy_weeks"]
    in_scope = about_back or any(fid in out and out[fid].status != "absent" for fid in ("back_pain", "flank_pain"))
    if in_scope and "back_pain" not in out and "flank_pain" in out:
        flank = out["flank_pain"]
        _record(out, "back_pain", flank.status, flank.evidence, flank.start, True, rule=flank.rule)
    not_own = {fid: words for fid, words in not_own_targets(analysis, vocabulary, proxy).items() if fid not in out}
    return Result(findings=out, in_scope=in_scope, proxy=proxy, not_own=not_own, explained=explained)
