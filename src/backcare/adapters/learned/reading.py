"""Free text to findings with both readers: the rules, the sentence model, and their merge.

``read_text`` is what ``assess`` calls for free text; ``explain`` returns the same work sentence by
sentence for ``backcare explain``. The model loads once per process, on first use.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, reduce
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from backcare.adapters.language import Understanding
from backcare.adapters.language.normalise import UNTICKED
from backcare.adapters.learned.merge import (
    ABSENT,
    POSSIBLE,
    PRESENT,
    ModelReading,
    Thresholds,
    merge,
    model_readings,
    own_scores,
)
from backcare.adapters.learned.model import SentenceModel
from backcare.adapters.learned.sentences import Sentence, split
from backcare.adapters.learned.telling_time import CHANGED, LASTING_ONLY, NEW_ONLY, TOLD_STABLE, told_not_lasting
from backcare.adapters.learned.telling_words import AFTER_A_BIRTH, DENIED_WITH_WORDS, NEEDS_WORDS, TELLS_A_PREGNANCY
from backcare.core.models import Finding, ToConfirm

if TYPE_CHECKING:
    from backcare.knowledge import KnowledgeBase

MODEL_UNAVAILABLE = "The learned reader could not run, so only the rule reader read the text."


@dataclass(frozen=True)
class Reading:
    understanding: Understanding
    to_confirm: list[ToConfirm]
    rules: Understanding
    model: dict[str, ModelReading]
    sentences: list[Sentence]


@cache
def packaged_model() -> SentenceModel:
    return SentenceModel.load()


_SIGNS: dict[str, frozenset[str]] = {}


def _warning_signs(kb: KnowledgeBase) -> frozenset[str]:
    """The findings any red flag reads, once per knowledge-base version."""
    if kb.version not in _SIGNS:
        rules = (kb.rule(t.when) for flag in kb.red_flags.values() for t in flag.triggers)
        _SIGNS[kb.version] = frozenset(f for rule in rules for f in rule.findings)
    return _SIGNS[kb.version]


def strict() -> bool:
    """Tests set BACKCARE_STRICT_READING=1 so that a reader crash fails them instead of degrading."""
    return os.environ.get("BACKCARE_STRICT_READING") == "1"


@dataclass(frozen=True)
class Observation:
    """What both readers saw in a text, before any threshold: the costly part of reading."""

    rules: Understanding
    sentences: list[Sentence]
    probs: npt.NDArray[np.float32] | None
    """(sentences, findings, statuses) for the catalogue's findings the model reads; None if it failed."""
    findings: list[str]


def observe(text: str, kb: KnowledgeBase, today: dt.date) -> Observation:
    """Run the rule reader and the sentence model over ``text``."""
    from backcare.adapters.language import understand

    rules = understand(text, kb, today)
    # a form's option left unticked ("[ ] History of cancer") says nothing, to either reader
    told = split(text[:100_000]) if isinstance(text, str) else []
    sentences = [s for s in told if not UNTICKED.fullmatch(s.text.strip())]
    try:
        model = packaged_model()
        readable = [fid for fid in model.findings if fid in kb.findings]
        columns = [model.findings.index(fid) for fid in readable]
        ages = {f.evidence for f in rules.findings if f.id == "age" and f.evidence}
        texts = [_spelled(s.text, ages) for s in sentences]
        pairs = [(text, texts[n - 1] if n else "") for n, text in enumerate(texts)]
        probs = model.probabilities(pairs)[:, columns, :]
    except Exception:  # a reading bug must not stop the triage: the rules' reading and the questions remain
        if strict():
            raise
        return Observation(rules, sentences, None, [])
    return Observation(rules, sentences, probs, readable)


def decide(seen: Observation, kb: KnowledgeBase, limits: Thresholds | None = None) -> Reading:
    """The merged reading of an observation (see ``backcare.adapters.learned.merge`` for the policy)."""
    from backcare.adapters.language import Understanding

    rules = seen.rules
    if seen.probs is None:
        fallback = rules.model_copy(update={"messages": [*rules.messages, MODEL_UNAVAILABLE]})
        return Reading(fallback, [], rules, {}, seen.sentences)
    limits = limits or Thresholds.packaged()
    probs = _answered(seen.sentences, _without_demographics(seen), limits)
    readings = model_readings(seen.sentences, probs, seen.findings, limits)
    if not rules.in_scope:
        readings = {fid: r for fid, r in readings.items() if fid in _warning_signs(kb)}
    if rules.for_someone_else:
        # In a carer's report the person described is the patient, while the model, reading one
        # sentence, takes "my gran has osteoporosis" as someone else's: that is no veto.
        readings = {fid: r for fid, r in readings.items() if r.kind != "not_own"}
    pregnancy = _pregnancy_findings(kb)
    if any(f.id == "sex" and f.value == "male" for f in rules.findings):
        # "45M, LBP 3/52" looks like a gestation, "Dipstick blood +++" like bleeding: a man's text
        # reads nothing of the catalogue's pregnancy group
        readings = {fid: r for fid, r in readings.items() if fid not in pregnancy}
    elif not any(TELLS_A_PREGNANCY.search(s.text) for s in seen.sentences) or AFTER_A_BIRTH.search(
        " ".join(s.text for s in seen.sentences)
    ):
        # a lump that "doesn't move much" read as a baby: in a text that names no pregnancy (or is
        # told after the birth), the model's pregnancy readings are asked back, not taken
        readings = _asked(readings, pregnancy)
    elif any(f.id == "fluid_leak" and f.status == "present" for f in rules.findings):
        # fluid leaking in a pregnancy ("a trickle of clear fluid, not sure if it's just wee"): the
        # model's wetting or trickle is that leak, no bladder sign (clinical spec section 2), so asked
        readings = _asked(readings, _BLADDER)
    if any(f.id == "medications" for f in rules.findings):
        # the medicines named decide how many hold paracetamol ("two paracetamol and one ibuprofen")
        readings.pop("paracetamol_several_products", None)
    if any(f.id == "days_since_onset" and isinstance(f.value, int) and 0 < f.value < 90 for f in rules.findings):
        readings.pop("pain_over_3_months", None)  # "3 week history of back pain": the length is read
    _ask_doubtful(readings, rules.findings)
    signs = _warning_signs(kb)
    # words the rules set aside as a look-alike, or read as someone else's or a what-if: the
    # model's readings of warning signs in those sentences are disputed (asked back, not taken);
    # an idiom disputes only what it names ("pain between my shoulders" is no pain in both legs,
    # but says nothing against the chest pain the same sentence tells)
    set_aside = [*rules.explained, *(words for fid, words in rules.not_own.items() if fid not in rules.idioms)]
    # a denial stated as a measure stands
    settled = frozenset(
        f.id
        for f in rules.findings
        if f.status == "absent" and (rules.rules.get(f.id) in _settling_rules() or _measured_denial(f, rules, readings))
    )
    findings, confirm = merge(
        rules.findings, readings, signs, limits, frozenset(rules.not_own), set_aside, frozenset(rules.doubted), settled
    )
    stable_ids = {f.stable_instead for f in kb.findings.values() if f.stable_instead}
    told_stable = {fid: _told_as_own(seen, fid, limits) for fid in stable_ids}
    findings, confirm = _stable_asked(findings, confirm, readings, kb, told_stable)
    merged = Understanding(findings=findings, in_scope=rules.in_scope, messages=rules.messages)
    return Reading(merged, confirm, rules, readings, seen.sentences)


_BLADDER = frozenset({"urinary_incontinence", "urinary_retention"})


def _asked(readings: dict[str, ModelReading], fids: frozenset[str]) -> dict[str, ModelReading]:
    """The model's own readings of these findings made unsure: asked back, not taken."""
    own = {fid: r for fid, r in readings.items() if fid in fids and r.kind == "own"}
    return {**readings, **{fid: replace(r, kind="unsure", status="unsure") for fid, r in own.items()}}


#: A sentence that is only an age, with or without a sex or whose it is ("44F.", "63 yo M", "41.",
#: "Nain is 78."): the rules read it; whatever the model makes of it ("44F" as a temperature, "41."
#: as bleeding, "Nain is 78." as a fever) is noise.
_DEMOGRAPHICS = re.compile(
    r"\s*(?:aged?\s*:?\s*|i'?m\s+|i\s+am\s+|[a-z]+(?:\s+is|'s)\s+)?\d{1,3}\s*(?:yo|y/o|yrs?|years?(?:\s*old)?)?\s*,?"
    r"\s*(?:m|f|male|female|man|woman)?\s*[.!]?\s*",
    re.I,
)


def _without_demographics(seen: Observation) -> npt.NDArray[np.float32]:
    """The model's probabilities with the rows of age-and-sex-only sentences set to zero."""
    assert seen.probs is not None
    rows = [n for n, sentence in enumerate(seen.sentences) if _DEMOGRAPHICS.fullmatch(sentence.text)]
    if not rows:
        return seen.probs
    probs = seen.probs.copy()
    probs[rows] = 0.0
    return probs


#: A reply that denies: "No, only the left.", "Nope.", "Nil."
_DENYING_REPLY = re.compile(r"\s*(?:no|nope|nah|none|not|never|negative|nil|neither|nothing)\b", re.I)


def _answered(
    sentences: Sequence[Sentence], probs: npt.NDArray[np.float32], limits: Thresholds
) -> npt.NDArray[np.float32]:
    """The model's probabilities with a question's own readings set to zero where the next sentence
    answers it with a denial the model reads as one ("Both legs? No, only the left."): the question
    names the finding, the answer tells it."""
    pairs = [
        n
        for n in range(len(sentences) - 1)
        if sentences[n].text.rstrip().endswith("?") and _DENYING_REPLY.match(sentences[n + 1].text)
    ]
    if not pairs:
        return probs
    probs = probs.copy()
    for n in pairs:
        denied = probs[n + 1, :, ABSENT] >= limits.deny
        probs[n, denied, PRESENT] = 0.0
        probs[n, denied, POSSIBLE] = 0.0
    return probs


#: A note's compact age and sex ("27f", "45M", "63 yo M").
_COMPACT_AGE = re.compile(r"\b(\d{1,3})\s*(?:yo|y/o|yrs?|years?)?\s*,?\s*(m|f|male|female)\b", re.I)


def _spelled(text: str, ages: set[str]) -> str:
    """The sentence for the model with a compact age and sex the rules read as an age spelled out
    ("27f" as "27-year-old woman"): the model, which does not read numbers, took "27f" for a fever."""

    def spell(m: re.Match[str]) -> str:
        if m.group(0) not in ages:
            return m.group(0)
        return f"{m.group(1)}-year-old {'man' if m.group(2)[0].lower() == 'm' else 'woman'}"

    return _COMPACT_AGE.sub(spell, text) if ages else text


#: Graver and milder readings of one event: when the model reads both in one sentence and the
#: milder more surely ("tripped over the cat, landed on my bottom", "lifted the mower into the
#: car", "pain down the back of my leg to the calf", "slipped on the kitchen floor" read as a
#: collapse), the graver is asked back.
_GRAVER_THAN = (
    ("major_trauma", "minor_trauma"),
    ("major_trauma", "trigger_lifting"),
    ("leg_weakness", "leg_pain_below_knee"),
    ("collapse", "minor_trauma"),
    ("fainting", "minor_trauma"),
    ("fever", "heavy_sweating"),
    ("confusion_or_drowsiness", "night_pain"),  # "reports it wakes him at night" is no drowsiness
    # "a trickle of clear water - not wee I'm pretty sure ... I can't stop it", at 33 weeks
    ("urinary_retention", "fluid_leak"),
    ("urinary_incontinence", "fluid_leak"),
    ("fever", "exercise_in_heat"),
)
#: Graver readings below an emergency that the rules' milder reading of their sentence is enough
#: to ask back, even where the model does not read the milder one itself: "pain down the back of
#: my left leg to below the knee" is leg pain, and the model alone reads weakness into it.
_RULES_SUFFICE = frozenset({"leg_weakness", "fever"})  # fever: "sweated loads playing in the heat"


def _pregnancy_findings(kb: KnowledgeBase) -> frozenset[str]:
    """Being pregnant, and the findings the catalogue groups under a pregnancy."""
    return frozenset({"pregnant", *(fid for fid, f in kb.findings.items() if f.group == "pregnancy")})


@cache
def _settling_rules() -> frozenset[str]:
    """The vocabulary rules whose denial stands against the model (``settles``)."""
    from backcare.adapters.language.vocabulary import load_vocabulary

    return frozenset(t.id for t in load_vocabulary().targets if t.settles and t.id)


def _measured_denial(finding: Finding, rules: Understanding, readings: Mapping[str, ModelReading]) -> bool:
    """A denial worked out from numbers, not words: a paracetamol total from the doses named ("4
    Panadol (500 mg) + 1 Lemsip ... = 3 g"), or a normal temperature taken in the very sentence the
    model reads a fever from ("Checked my temperature 3 times today: 36.9, 37.0, 36.8")."""
    if finding.id in rules.rules:
        return False
    if finding.id == "paracetamol_overuse":
        return True
    fever, taken = readings.get("fever"), finding.evidence
    return finding.id == "fever" and fever is not None and taken is not None and taken in fever.sentence


def _ask_doubtful(readings: dict[str, ModelReading], ruled: Sequence[Finding] = ()) -> None:
    """Model readings that the sentence itself puts in doubt are asked back, not taken: "both legs"
    in a sentence that names no second leg ("pain down the back of my left leg"), numbness in the
    saddle with no word of feeling, too much paracetamol with no word of quantity (dropped where
    the rules read a plain denial in another sentence), and a grave reading of an event the model
    also reads as a milder one, when it holds the grave less surely or the rules read only the
    milder."""
    denied = {f.id for f in ruled if f.status == "absent"}
    ages = [f.evidence for f in ruled if f.id == "age" and f.evidence]
    for fid, needed in NEEDS_WORDS.items():
        reading = readings.get(fid)
        if reading is None or reading.kind not in ("own", "unsure", "absent"):
            continue
        if reading.kind == "absent" and fid not in DENIED_WITH_WORDS:
            continue
        words = reduce(lambda sentence, age: sentence.replace(age, " "), ages, reading.sentence)  # "62 yrs" is no time
        if all(w.search(words) for w in needed):
            continue
        if reading.kind == "absent":  # a denial from a sentence that cannot state the finding is no denial
            del readings[fid]
            continue
        if fid in denied:  # the rules read a plain denial elsewhere, and this sentence cannot say otherwise
            del readings[fid]
        else:
            readings[fid] = replace(reading, kind="unsure", status="unsure")
    for fid in NEW_ONLY:  # "a lump, unchanged for ten years": not a new one
        reading = readings.get(fid)
        if reading is not None and reading.kind == "own" and _told_stable(reading.sentence):
            readings[fid] = replace(reading, kind="unsure", status="unsure")
    for fid in LASTING_ONLY:  # "... it fully went away", or legs numb "since the weekend": not lasting
        reading = readings.get(fid)
        if reading is not None and reading.kind == "own" and told_not_lasting(fid, reading.sentence):
            readings[fid] = replace(reading, kind="unsure", status="unsure")
    for graver, milder in _GRAVER_THAN:
        grave, mild = readings.get(graver), readings.get(milder)
        if grave is None or grave.kind != "own":
            continue
        same_event = mild is not None and mild.kind == "own" and grave.sentence == mild.sentence
        surer_of_milder = same_event and mild is not None and mild.score > grave.score
        if surer_of_milder or ((same_event or graver in _RULES_SUFFICE) and _told_mildly(grave, milder, ruled)):
            readings[graver] = replace(grave, kind="unsure", status="unsure")


def _told_mildly(grave: ModelReading, milder: str, ruled: Sequence[Finding]) -> bool:
    """The rules read the sentence as the milder event ("lifted the mower into the car": lifting)
    and nothing graver: the model's grave reading of it is asked back, not taken."""
    words = {f.id: (f.evidence or "") for f in ruled if f.status != "absent"}
    return grave.finding not in words and bool(words.get(milder)) and words[milder] in grave.sentence


def _stable_asked(
    findings: list[Finding],
    confirm: list[ToConfirm],
    readings: dict[str, ModelReading],
    kb: KnowledgeBase,
    told_stable: Mapping[str, Sequence[str]],
) -> tuple[list[Finding], list[ToConfirm]]:
    """A new-or-worsening finding read in a sentence that tells the same thing as stable for months
    or years ("both legs tingle, same as for years with my stenosis") may be the catalogue's stable
    finding instead (``stable_instead``): it is asked back, not counted. Only when the model reads
    the stable finding in that very sentence (``told_stable``: finding -> sentences), the sentence
    itself says so (years, a chronic cause) and tells of no change ("worse since Monday", "over the
    last few days"): the model's reading alone is not enough to set a red flag aside."""
    present = {f.id for f in findings if f.status == "present"}
    kept: list[Finding] = []
    for finding in findings:
        definition = kb.findings.get(finding.id)
        instead = definition.stable_instead if definition is not None else None
        where = [
            sentence
            for sentence in (told_stable.get(instead, ()) if instead in present else ())
            if (part := _part_with(sentence, finding.evidence or "")) is not None and _told_stable(part)
        ]
        if where and finding.status in ("present", "possible"):
            own = readings.get(finding.id)
            score = own.score if own is not None else 0.0
            confirm.append(ToConfirm(id=finding.id, evidence=where[0], reader_score=round(score, 3)))
        else:
            kept.append(finding)
    return kept, confirm


def _told_stable(words: str) -> bool:
    """Whether ``words`` tell a complaint as stable for months or years, and of no change."""
    return bool(TOLD_STABLE.search(words)) and not CHANGED.search(words)


_STOPS = re.compile(r"(?<=[.!?;])\s+")


def _part_with(sentence: str, evidence: str) -> str | None:
    """The part of ``sentence`` (split at full stops the sentence splitter ran through, as in
    "same as it always is. back went last week") that holds ``evidence``; None if none does."""
    return next((part for part in _STOPS.split(sentence) if evidence in part), None)


def _told_as_own(seen: Observation, fid: str, limits: Thresholds) -> list[str]:
    """The sentences in which the model reads ``fid`` as the person's own, at least unsure of it
    (what follows only asks a reading back, and the sentence must also say "for years")."""
    if seen.probs is None or fid not in seen.findings:
        return []
    own = own_scores(seen.probs)[:, seen.findings.index(fid)]
    return [sentence.text for sentence, p in zip(seen.sentences, own, strict=True) if p >= limits.ask]


def read_text(text: str, kb: KnowledgeBase, today: dt.date, limits: Thresholds | None = None) -> Reading:
    """Both readers over ``text`` and their merge."""
    return decide(observe(text, kb, today), kb, limits)
