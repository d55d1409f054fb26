"""What the structured prefetch says about the patient, as answers to backcare's catalogue questions.

Age and sex (``Patient``), days since onset and sciatica (active back-pain ``Condition``\\ s), the
latest pain score and a temperature of 38 °C or more (``Observation``\\ s), and findings a person
recorded in backcare (its own codes). Each answer keeps the words it came from, so a card can
say why it fired ("temperature 38.6 Cel") when the note itself did not say it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from backcare.adapters.interop import codes as c
from backcare.adapters.interop.fhir_elements import NEVER, Json, codes_of, has_code, instant, is_pain_code, pain_value

FEVER_CELSIUS = 38.0
RECENT_TEMPERATURE = dt.timedelta(days=3)
USABLE_OBSERVATION = ("final", "amended", "corrected", "preliminary")


@dataclass
class Facts:
    """What the prefetch says, as catalogue answers, plus whether back pain is known and the note."""

    answers: dict[str, Any] = field(default_factory=dict)
    #: finding id -> where a structured answer came from, quoted on cards ("temperature 38.6 Cel").
    said: dict[str, str] = field(default_factory=dict)
    back_pain_known: bool = False
    note: str | None = None


def patient_facts(patient: Json, today: dt.date, facts: Facts) -> None:
    birth = patient.get("birthDate")
    if isinstance(birth, str) and len(birth) == 10:
        born = dt.date.fromisoformat(birth)
        age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
        if 0 <= age <= 120:
            facts.answers["age"] = age
            facts.said["age"] = f"age {age}"
    gender = patient.get("gender")
    if gender in ("female", "male", "other"):
        facts.answers["sex"] = gender


def condition_facts(cond: Json, today: dt.date, facts: Facts) -> None:
    """An active, unrefuted back-pain Condition: back pain is known; its onset; sciatica as leg pain."""
    status = {code for _, code in codes_of(cond.get("clinicalStatus"))}
    verification = {code for _, code in codes_of(cond.get("verificationStatus"))}
    if status and not status & {"active", "recurrence", "relapse"}:
        return
    if verification & {"refuted", "entered-in-error"}:
        return
    found = set(codes_of(cond.get("code")))
    if not found & set(c.BACK_PAIN_CONDITIONS):
        return
    facts.back_pain_known = True
    onset = instant(cond.get("onsetDateTime"))
    if onset is not None:
        days = (today - onset.date()).days
        if 0 <= days <= 3650 and days < facts.answers.get("days_since_onset", 10**6):
            facts.answers["days_since_onset"] = days
    if found & c.LEG_PAIN_CONDITIONS:
        facts.answers["leg_pain_below_knee"] = True
        name = (cond.get("code") or {}).get("text") or "sciatica on the problem list"
        facts.said["leg_pain_below_knee"] = str(name)


def observation_facts(observations: list[Json], today: dt.date, facts: Facts) -> None:
    """The newest pain score and recent fever, and findings recorded in backcare, newest first."""
    usable = [o for o in observations if o.get("status") in USABLE_OBSERVATION]
    usable.sort(key=lambda o: instant(o.get("effectiveDateTime")) or NEVER, reverse=True)
    for obs in usable:
        code = obs.get("code")
        if "pain_score" not in facts.answers and is_pain_code(code):
            pain = pain_value(obs)
            if pain is not None:
                facts.answers["pain_score"] = pain
                facts.said["pain_score"] = f"pain {pain}/10"
        fever_reading = "fever" not in facts.answers and has_code(code, c.LOINC, c.BODY_TEMPERATURE)
        if fever_reading and not _fever(obs, today, facts):
            continue
        _recorded_findings(obs, facts)


def _fever(obs: Json, today: dt.date, facts: Facts) -> bool:
    """A recent temperature reading (False when undated, old or not a number: the rest is skipped)."""
    when = instant(obs.get("effectiveDateTime"))
    qty = obs.get("valueQuantity") or {}
    value, unit = qty.get("value"), str(qty.get("code") or qty.get("unit") or "")
    if when is None or today - when.date() > RECENT_TEMPERATURE or not isinstance(value, int | float):
        return False
    celsius = (value - 32) * 5 / 9 if "F" in unit else value
    if celsius >= FEVER_CELSIUS:  # a normal reading does not rule out a fever or chills at home
        facts.answers["fever"] = True
        facts.said["fever"] = f"temperature {value:g} {unit}".strip()
    return True


def _recorded_findings(obs: Json, facts: Facts) -> None:
    """Components with backcare's finding codes (its diary's export): answers as the person gave them."""
    for comp in obs.get("component") or []:
        for system, key in codes_of(comp.get("code")):
            if system == c.FINDING_CODES and key and key not in facts.answers:
                values = [v for k, v in comp.items() if k.startswith("value")]
                if len(values) == 1:
                    facts.answers[key] = values[0]
                    facts.said[key] = "recorded in the patient's backcare diary"
                    facts.back_pain_known = True
