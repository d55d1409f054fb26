"""From context-tagged mentions to findings: who, when, how sure, and which finding wins.

The rules here are the safety policy of free-text reading:

- a mention about someone else or about a hypothetical does not count; in a carer's report
  ("writing for my dad, he's 81") the person described is the patient, so cues naming them are
  not "someone else";
- a past mention counts for lasting facts (cancer, osteoporosis), for recent events unless long
  ago, and never for current symptoms ("had a fever last month, fine now");
- present beats possible beats absent when the same finding is read several times, so a red flag
  stated once is never cancelled by a reassurance elsewhere; the one exception is a name the
  person gives the pain ("my sciatica"), which gives way to their own plain words that nothing
  goes down either leg: the name is a label, the words are what they noticed.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass, field

from backcare.adapters.language.medicine_findings import read_doses, read_medicines, read_products
from backcare.adapters.language.mention_context import is_negated
from backcare.adapters.language.mentions import Analysis, Mention
from backcare.adapters.language.readings import Read, Status, record
from backcare.adapters.language.subjects import Proxy, about_someone_else, counts_for_person, detect_proxy
from backcare.adapters.language.targets import apply_pending, disputed_targets, not_own_targets, read_targets
from backcare.adapters.language.temperatures import weather
from backcare.adapters.language.value_findings import read_measurements, read_values
from backcare.adapters.language.vocabulary import Vocabulary

__all__ = ["Proxy", "Read", "Result", "Status", "interpret", "read_scope"]


@dataclass
class Result:
    """Everything read from one analysis: the findings, whether the text is about the back, and
    whose report it is."""

    findings: dict[str, Read] = field(default_factory=dict)
    in_scope: bool = False
    proxy: Proxy = field(default_factory=Proxy)
    not_own: dict[str, str] = field(default_factory=dict)
    """Findings named but not as the person's own (hypothetical, someone else's, long past)."""
    explained: list[str] = field(default_factory=list)
    """Words read as a look-alike of a finding and set aside (a leak on sneezing in pregnancy)."""
    idioms: list[str] = field(default_factory=list)
    """The findings in ``not_own`` only because an idiom names them ("collapsed on the sofa")."""

    @property
    def rules(self) -> dict[str, str]:
        """The id of the vocabulary rule behind each finding one read, so that it can be explained."""
        return {fid: read.rule for fid, read in self.findings.items() if read.rule}


def read_scope(analysis: Analysis, vocabulary: Vocabulary, proxy: Proxy, out: dict[str, Read]) -> bool:
    """back_pain from mentions of the back, and pain_region (upper over middle over lower: safety).

    Returns whether the text is about the back without saying the back hurts now: sciatica (leg
    pain from the back's nerves) or a back named in a worry or question."""
    regions: dict[str, Mention] = {}
    about_back = False
    for mention in analysis.mentions:
        if mention.label != "scope" or about_someone_else(mention, proxy):
            continue
        if not vocabulary.scope[mention.index].back_pain:
            about_back = about_back or not (is_negated(mention, analysis.text) or mention.historical)
            continue
        if mention.hypothetical:
            about_back = True  # "scared to move in case I make my back worse": about the back all the same
            continue
        rule = vocabulary.scope[mention.index].id or ""
        if is_negated(mention, analysis.text):
            record(out, "back_pain", "absent", mention.text, mention.start, False, rule=rule)
            continue
        status: Status = "possible" if mention.uncertain else "present"
        record(out, "back_pain", status, mention.text, mention.start, True, rule=rule)
        region = vocabulary.scope[mention.index].region
        if region and region not in regions and not _inside_another_region(mention, analysis, vocabulary):
            regions[region] = mention
    for region in ("upper", "middle", "lower"):
        if region in regions:
            chosen = regions[region]
            rule = vocabulary.scope[chosen.index].id or ""
            record(out, "pain_region", "present", chosen.text, chosen.start, region, rule=rule)
            break
    return about_back


def _inside_another_region(mention: Mention, analysis: Analysis, vocabulary: Vocabulary) -> bool:
    """A region told inside a longer telling of another: "the middle of my back" within "low down in
    the middle of my back" is the middle of the low back."""
    return any(
        other.label == "scope"
        and vocabulary.scope[other.index].region not in (None, vocabulary.scope[mention.index].region)
        and other.start <= mention.start
        and mention.end <= other.end
        and other.end - other.start > mention.end - mention.start
        for other in analysis.mentions
    )


def _one_injury(analysis: Analysis, out: dict[str, Read]) -> None:
    """A minor-trauma word in the sentence that tells of major trauma is part of the same event
    ("slipped and fell down the stairs", "the ladder slipped and I fell"): major, not minor."""
    major, minor = out.get("major_trauma"), out.get("minor_trauma")
    if major is None or minor is None or major.status != "present" or minor.status == "absent":
        return
    starts = [start for start, _ in analysis.sentence_spans]
    if bisect.bisect_right(starts, major.start) == bisect.bisect_right(starts, minor.start):
        del out["minor_trauma"]


#: A finding that may be read only from the name of the pain (the entry that reads the name), and the
#: entries whose denial in plain words wins over that name.
_NAMED_FINDING, _NAME_RULE = "leg_pain_below_knee", "leg_pain_below_knee.named"
_TOLD_OTHERWISE = frozenset({"leg_pain_below_knee.nothing_down_legs", "leg_pain_below_knee.not_down_the_legs"})
#: A denial of one side only ("nothing down the left leg") leaves the other side's pain standing.
_ONE_SIDE = frozenset({"left", "right", "other", "l", "r"})


def _named_but_told_otherwise(analysis: Analysis, vocabulary: Vocabulary, proxy: Proxy, out: dict[str, Read]) -> None:
    """ "I think I've got sciatica ... it doesn't go down either leg at all": no leg pain below the
    knee, when the name was the only reading of it and the denial is of the legs, not of one side."""
    fid = _NAMED_FINDING
    if fid not in out or out[fid].status == "absent":
        return
    own = [
        (m, vocabulary.targets[m.index])
        for m in analysis.mentions
        if m.label == "target" and counts_for_person(m, proxy)
    ]
    said = [(m, entry, is_negated(m, analysis.text)) for m, entry in own]
    if any(fid in e.ids and e.status != "absent" and not no and e.id != _NAME_RULE for _, e, no in said):
        return
    for m, entry, no in said:
        denies = entry.status == "absent" or no  # a denial entry, or the "no" of a negated-only one
        if entry.id in _TOLD_OTHERWISE and denies and not _ONE_SIDE & set(m.norms):
            out[fid] = Read("absent", m.text, False, m.start, False, entry.id or "")
            return


def interpret(analysis: Analysis, vocabulary: Vocabulary, generic_names: Mapping[str, str]) -> Result:
    """The findings of one analysis: the vocabulary's, the values', the medicines'; then what
    follows from them (a pregnancy gives the sex; flank pain in scope stands for back pain)."""
    proxy = detect_proxy(analysis)
    out, pending, explained = read_targets(analysis, vocabulary, proxy)
    read_values(analysis, vocabulary, proxy, out)
    about_back = read_scope(analysis, vocabulary, proxy, out)
    read_products(analysis, proxy, out)
    read_doses(analysis, proxy, out, vocabulary.paracetamol_strengths)
    read_measurements(analysis, proxy, out)
    _one_injury(analysis, out)
    read_medicines(analysis, proxy, generic_names, out)
    _named_but_told_otherwise(analysis, vocabulary, proxy, out)
    explained += apply_pending(out, pending) + weather(analysis.text)
    moves = out.get("reduced_fetal_movements")
    if "pregnant" not in out and moves is not None and moves.status != "absent":
        # "the baby has barely moved today": only a pregnancy has a baby that moves
        record(out, "pregnant", moves.status, moves.evidence, moves.start, True)
    if "sex" not in out and out.get("pregnant") and out["pregnant"].status != "absent":
        reading = out["pregnant"]
        record(out, "sex", "present", reading.evidence, reading.start, "female")
    if "pregnancy_weeks" in out and out.get("pregnant", Read("absent", "")).status == "absent":
        del out["pregnancy_weeks"]
    # an operation on the spine is about the back too ("L3/4 decompression 3/52 ago. Pyrexial 38.3")
    told = ("back_pain", "flank_pain", "recent_spinal_procedure")
    in_scope = about_back or any(fid in out and out[fid].status != "absent" for fid in told)
    if in_scope and "back_pain" not in out and "flank_pain" in out:
        flank = out["flank_pain"]
        record(out, "back_pain", flank.status, flank.evidence, flank.start, True, rule=flank.rule)
    others = not_own_targets(analysis, vocabulary, proxy)
    idiomatic = {**analysis.idioms, **disputed_targets(analysis, vocabulary, proxy)}
    not_own = {fid: words for fid, words in {**idiomatic, **others}.items() if fid not in out}
    idioms = [fid for fid in not_own if fid not in others]
    return Result(findings=out, in_scope=in_scope, proxy=proxy, not_own=not_own, explained=explained, idioms=idioms)
