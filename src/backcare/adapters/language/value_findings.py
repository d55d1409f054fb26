"""Findings from the numbers read: age, sex, pregnancy, pain score, fever, episodes, the age
the trouble began, and what clinicians measure (GCS, power, residual urine, a fall's height, weight).
A value about someone else counts only when the report is theirs (a carer writing)."""

from __future__ import annotations

import re

from backcare.adapters.language.mention_context import is_negated
from backcare.adapters.language.mentions import Analysis, Mention
from backcare.adapters.language.onset import read_onset
from backcare.adapters.language.readings import Read, record
from backcare.adapters.language.subjects import Proxy, counts_for_person
from backcare.adapters.language.values import ValueMention
from backcare.adapters.language.vocabulary import Vocabulary

FEVER_FROM_C = 37.8


NO_FEVER_BELOW_C = 37.5


def value_mentions(analysis: Analysis, kind: str, proxy: Proxy) -> list[tuple[Mention, ValueMention]]:
    """The values of one kind that are the patient's: not negated (a "no" does not reach past a new
    list item: "no trauma, T 38.6"), not hypothetical, and not about someone else (in a carer's
    report: about the person described, not the writer)."""
    out = []
    for mention in analysis.mentions:
        if mention.label != kind or not isinstance(mention.payload, ValueMention):
            continue
        if is_negated(mention, analysis.text) or not counts_for_person(mention, proxy):
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
    """Findings from values: age, sex, pregnancy, pain score, fever, episodes, onset."""
    ages = value_mentions(analysis, "age", proxy)
    if ages:
        ranked = sorted(ages, key=lambda mv: (mv[1].subject == "unknown", mv[0].start))
        mention, value = ranked[0]
        record(out, "age", "present", mention.text, mention.start, int(value.value))
    _read_sex(analysis, proxy, out)
    for mention, value in value_mentions(analysis, "pregnancy_weeks", proxy):
        record(out, "pregnancy_weeks", "present", mention.text, mention.start, int(value.value))
        record(out, "pregnant", "present", mention.text, mention.start, True)
        break
    scores = value_mentions(analysis, "pain_score", proxy) or value_mentions(analysis, "pain_word", proxy)
    if scores:
        mention, value = max(scores, key=lambda mv: (int(mv[1].value), -mv[0].start))
        record(out, "pain_score", "present", mention.text, mention.start, int(value.value))
    for mention, value in value_mentions(analysis, "temperature", proxy):
        if mention.historical and not mention.current:
            continue  # "a temperature of 38.5 for a few days, all gone now" is over
        if float(value.value) >= FEVER_FROM_C:
            record(out, "fever", "present", mention.text, mention.start, True)
        elif float(value.value) < NO_FEVER_BELOW_C:
            suspected = out.get("fever")
            if suspected is not None and suspected.status == "possible" and suspected.start < mention.start:
                del out["fever"]  # "I thought maybe I have fever ..., but I measured, 36.7": settled by the reading
            record(out, "fever", "absent", mention.text, mention.start, False)
    counts = value_mentions(analysis, "episodes", proxy)
    if counts:
        mention, value = max(counts, key=lambda mv: int(mv[1].value))
        record(out, "episodes_past_year", "present", mention.text, mention.start, int(value.value))
    for mention, value in value_mentions(analysis, "onset_age", proxy):
        early = int(value.value) < 45
        record(out, "onset_before_45", "present" if early else "absent", mention.text, mention.start, early)
    read_onset(analysis, vocabulary, proxy, out)
    _onset_age_from_age(out)


def _onset_age_from_age(out: dict[str, Read]) -> None:
    """Back pain in someone under 45 began before 45; so did pain older than the years past 45."""
    age = out.get("age")
    if "onset_before_45" in out or age is None or not isinstance(age.value, int):
        return
    days = out.get("days_since_onset")
    years_ago = days.value / 365 if days is not None and isinstance(days.value, int) else 0.0
    if age.value - years_ago < 45:
        record(out, "onset_before_45", "present", age.evidence, age.start, True)


def _read_sex(analysis: Analysis, proxy: Proxy, out: dict[str, Read]) -> None:
    """Sex: the person described in a carer's report, else a mention about the writer before one
    whose subject is unknown."""
    candidates = value_mentions(analysis, "sex", proxy)
    if proxy.active:
        named = [mv for mv in candidates if mv[1].subject != "other" or mv[1].relation in proxy.words]
        if proxy.sex:
            evidence = next((m.text for m, v in named if v.relation in proxy.words), proxy.sex)
            start = next((m.start for m, v in named if v.relation in proxy.words), 0)
            record(out, "sex", "present", evidence, start, proxy.sex)
            return
        candidates = named
    else:
        candidates = [mv for mv in candidates if mv[1].subject != "other"]
    if candidates:
        ranked = sorted(candidates, key=lambda mv: (mv[1].subject == "unknown", mv[0].start))
        mention, value = ranked[0]
        record(out, "sex", "present", mention.text, mention.start, str(value.value))


#: Urine left after passing urine (post-void residual): this much or more is retention...
RETENTION_FROM_ML = 200


#: ...and under this, the bladder empties.
NO_RETENTION_BELOW_ML = 100


#: Full power in every muscle group tested: "5/5 throughout", "5/5 in all groups", "5/5 bilaterally".
_EVERY_GROUP = re.compile(
    r"\s*(?:throughout|globally|bilat\w*|in all (?:groups|myotomes|muscle groups)|all (?:groups|myotomes))\b", re.I
)

#: A fall from higher than this, in metres, is major trauma (NICE: over 1 metre or 5 stairs).
MAJOR_FALL_OVER_M = 1.0
#: A share of body weight lost, told with both weights, from which the loss is a warning sign.
WEIGHT_LOSS_FROM = 0.05


def read_measurements(analysis: Analysis, proxy: Proxy, out: dict[str, Read]) -> None:
    """What clinicians measure: GCS (under 15 is confusion or drowsiness), leg muscle power (under
    5/5 is weakness; falling between two grades, worsening), the urine left after voiding, blood
    minerals, how far someone fell, and a twentieth or more of body weight lost."""
    for mention, value in value_mentions(analysis, "gcs", proxy):
        low = int(value.value) < 15
        record(out, "confusion_or_drowsiness", "present" if low else "absent", mention.text, mention.start, low)
    for mention, value in value_mentions(analysis, "power", proxy):
        weak = float(value.value) < 5
        record(out, "leg_weakness", "present" if weak else "absent", mention.text, mention.start, weak)
        if not weak and _EVERY_GROUP.match(analysis.text, mention.end):  # "5/5 throughout": no foot drop either
            record(out, "foot_drop", "absent", mention.text, mention.start, False)
    for mention, value in value_mentions(analysis, "residual_urine", proxy):
        if int(value.value) >= RETENTION_FROM_ML:
            record(out, "urinary_retention", "present", mention.text, mention.start, True)
        elif int(value.value) < NO_RETENTION_BELOW_ML:
            record(out, "urinary_retention", "absent", mention.text, mention.start, False)
    for mention, _ in value_mentions(analysis, "power_drop", proxy):
        record(out, "leg_weakness_worsening", "present", mention.text, mention.start, True)
    for mention, value in value_mentions(analysis, "mineral_level", proxy):
        low = value.value == "low"
        record(out, "low_calcium_magnesium_potassium", "present" if low else "absent", mention.text, mention.start, low)
    for mention, value in value_mentions(analysis, "weight_change", proxy):
        if float(value.value) >= WEIGHT_LOSS_FROM:
            record(out, "unexplained_weight_loss", "present", mention.text, mention.start, True)
    for mention, value in value_mentions(analysis, "fall_height", proxy):
        if "remote" in mention.historical or float(value.value) <= MAJOR_FALL_OVER_M:
            continue
        record(out, "major_trauma", "present", mention.text, mention.start, True)
        minor = out.get("minor_trauma")
        if minor is not None and minor.status != "absent" and mention.start <= minor.start < mention.end:
            del out["minor_trauma"]  # the fall is the major trauma
