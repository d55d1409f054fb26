"""Code systems, codes and identifiers of backcare's FHIR resources and CDS Hooks cards.

A small curated list, each code with where it was checked:

- LOINC (``http://loinc.org``): STarT Back panel 91349-1, its items 91340-0 ... 91348-3 (in item
  order), distress (psychosocial) subscore 91350-9, total 91351-7, risk level 91352-5 with the
  answers Low LA9194-7, Medium LA8982-6, High LA9193-9 (loinc.org/91349-1, /91352-5, /91350-9);
  PEG panel 91148-7 and mean score 91147-9; pain severity 0-10 NRS 72514-3 (the IHE Pain Score
  template's older 38208-5 is accepted on import); body temperature 8310-5. Every LOINC code here
  passes the LOINC mod-10 check digit (``loinc_check_digit_ok``).
- SNOMED CT (``http://snomed.info/sct``): cauda equina syndrome 192970008, backache 161891005, low
  back pain 279039007, sciatica 23056005, lumbar radiculopathy 128196005, lumbar stenosis 18347007.
- ICD-10-CM (``http://hl7.org/fhir/sid/icd-10-cm``): cauda equina syndrome G83.4; low back pain
  M54.50 / M54.51 / M54.59 (M54.5 was retired in FY2022); sciatica M54.30-M54.32, lumbago with
  sciatica M54.40-M54.42; lumbar radiculopathy M54.16; lumbar stenosis M48.061 / M48.062.

The Roland-Morris questionnaire has no LOINC code checked here, so it and everything backcare
records that no standard code names (spasm counts, exercises, cold and heat sessions, reported
findings, dispositions, red flags) use backcare's own ``urn:backcare:`` code systems: URNs, so
no one mistakes them for web addresses that resolve.
"""

from __future__ import annotations

from typing import Final

LOINC: Final = "http://loinc.org"
SNOMED: Final = "http://snomed.info/sct"
ICD10CM: Final = "http://hl7.org/fhir/sid/icd-10-cm"
UCUM: Final = "http://unitsofmeasure.org"
OBSERVATION_CATEGORY: Final = "http://terminology.hl7.org/CodeSystem/observation-category"
CONDITION_CLINICAL: Final = "http://terminology.hl7.org/CodeSystem/condition-clinical"
CONDITION_CATEGORY: Final = "http://terminology.hl7.org/CodeSystem/condition-category"
#: The core extension for an IANA time zone (FHIR extensions pack).
TIMEZONE_EXT: Final = "http://hl7.org/fhir/StructureDefinition/timezone"

# --- backcare's own systems ------------------------------------------------------------------------

BC: Final = "urn:backcare"
DIARY_CODES: Final = f"{BC}:codes:diary"  # spasm-count, exercises-done, thermal-sessions, reported-findings, rmdq-score
FINDING_CODES: Final = f"{BC}:codes:finding"  # the findings catalogue's ids
EXERCISE_CODES: Final = f"{BC}:codes:exercise"
PLAN_ITEM_CODES: Final = f"{BC}:codes:plan-item"
RED_FLAG_CODES: Final = f"{BC}:codes:red-flag"
DISPOSITION_CODES: Final = f"{BC}:codes:disposition"
ASSESSMENT_KIND_CODES: Final = f"{BC}:codes:assessment-kind"
STARTBACK_ANSWERS: Final = f"{BC}:codes:startback-answer"
OVERRIDE_REASONS: Final = f"{BC}:codes:cds-override-reason"

ENTRY_ID: Final = f"{BC}:id:diary-entry"
ASSESSMENT_ID: Final = f"{BC}:id:assessment"
PROFILE_ID: Final = f"{BC}:id:profile"

EXT_RECORDED: Final = f"{BC}:ext:recorded-at"
EXT_EPISODE: Final = f"{BC}:ext:episode"
EXT_RETRIAGE: Final = f"{BC}:ext:retriage"
EXT_DISPOSITION: Final = f"{BC}:ext:disposition"
EXT_KNOWLEDGE: Final = f"{BC}:ext:knowledge-version"
EXT_INPUTS: Final = f"{BC}:ext:assessment-inputs"
EXT_OUTPUTS: Final = f"{BC}:ext:assessment-outputs"
EXT_PLAN: Final = f"{BC}:ext:plan-content"
EXT_LIST_ITEM: Final = f"{BC}:ext:list-item"
EXT_EXPORT_FORMAT: Final = f"{BC}:ext:export-format"

#: Questionnaire canonicals. LOINC's form for the two LOINC panels; backcare's for the RMDQ.
Q_STARTBACK: Final = "http://loinc.org/q/91349-1"
Q_PEG: Final = "http://loinc.org/q/91148-7"
Q_RMDQ: Final = f"{BC}:questionnaire:rmdq"

# --- LOINC ----------------------------------------------------------------------------------------

PAIN_NRS: Final = "72514-3"
PAIN_NRS_OLD: Final = "38208-5"
BODY_TEMPERATURE: Final = "8310-5"
STARTBACK_PANEL: Final = "91349-1"
STARTBACK_ITEMS: Final = (
    "91340-0",
    "91341-8",
    "91342-6",
    "91343-4",
    "91344-2",
    "91345-9",
    "91346-7",
    "91347-5",
    "91348-3",
)
STARTBACK_DISTRESS: Final = "91350-9"
STARTBACK_TOTAL: Final = "91351-7"
STARTBACK_RISK: Final = "91352-5"
#: Risk level answers (LOINC answer list of 91352-5).
RISK_ANSWERS: Final = {"low": ("LA9194-7", "Low"), "medium": ("LA8982-6", "Medium"), "high": ("LA9193-9", "High")}
PEG_PANEL: Final = "91148-7"
PEG_SCORE: Final = "91147-9"

STARTBACK_LABELS: Final = {True: ("agree", "Agree"), False: ("disagree", "Disagree")}
BOTHER_LABELS: Final = {
    "not_at_all": "Not at all",
    "slightly": "Slightly",
    "moderately": "Moderately",
    "very_much": "Very much",
    "extremely": "Extremely",
}

# --- Conditions and red flags ----------------------------------------------------------------------

#: The episode of back pain as a Condition.
BACKACHE: Final = (SNOMED, "161891005", "Backache")

#: Red flags with a checked standard code (others carry backcare's red-flag code and plain words).
RED_FLAG_STANDARD_CODES: Final[dict[str, tuple[tuple[str, str, str], ...]]] = {
    "cauda_equina": ((SNOMED, "192970008", "Cauda equina syndrome"), (ICD10CM, "G83.4", "Cauda equina syndrome")),
    "sciatica": ((SNOMED, "23056005", "Sciatica"),),
}

#: Back-pain Condition codes the CDS service asks for (prefetch) and recognises.
BACK_PAIN_CONDITIONS: Final[tuple[tuple[str, str], ...]] = (
    (SNOMED, "279039007"),
    (SNOMED, "161891005"),
    (SNOMED, "23056005"),
    (SNOMED, "128196005"),
    (SNOMED, "18347007"),
    (SNOMED, "192970008"),
    (ICD10CM, "M54.50"),
    (ICD10CM, "M54.51"),
    (ICD10CM, "M54.59"),
    (ICD10CM, "M54.16"),
    (ICD10CM, "M54.30"),
    (ICD10CM, "M54.31"),
    (ICD10CM, "M54.32"),
    (ICD10CM, "M54.40"),
    (ICD10CM, "M54.41"),
    (ICD10CM, "M54.42"),
    (ICD10CM, "M48.061"),
    (ICD10CM, "M48.062"),
    (ICD10CM, "G83.4"),
)
#: Of those, the ones that mean pain going down the leg (sciatica, radiculopathy).
LEG_PAIN_CONDITIONS: Final = frozenset(
    {
        (SNOMED, "23056005"),
        (SNOMED, "128196005"),
        *((ICD10CM, c) for c in ("M54.16", "M54.30", "M54.31", "M54.32", "M54.40", "M54.41", "M54.42")),
    }
)


def loinc_check_digit_ok(code: str) -> bool:
    """LOINC's mod-10 check: ``NNNNN-C`` where C is computed from the digits before the dash."""
    number, dash, check = code.partition("-")
    if not dash or not number.isdigit() or not (len(check) == 1 and check.isdigit()):
        return False
    total = 0
    for i, ch in enumerate(reversed(number)):
        digit = int(ch)
        if i % 2 == 0:
            digit *= 2
            digit = digit // 10 + digit % 10
        total += digit
    return (10 - total % 10) % 10 == int(check)


def coding(system: str, code: str, display: str | None = None) -> dict[str, str]:
    out = {"system": system, "code": code}
    if display:
        out["display"] = display
    return out
