"""A diary entry as FHIR: its pain ``Observation`` (LOINC 72514-3) and what was recorded beside it.

The pain Observation is the entry: it carries the note, the time zone, the episode and any
re-triage, and ``hasMember`` links the rest (spasms, exercises, cold and heat, reported findings,
PEG, Roland-Morris, STarT Back), each identified by the entry's id so the import regroups them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from backcare.adapters.interop import codes as c
from backcare.adapters.interop.fhir_elements import Json
from backcare.adapters.interop.fhir_questionnaires import (
    RMDQ_SCORE_DISPLAY,
    peg_resources,
    rmdq_resources,
    startback_answers,
    startback_resources,
)
from backcare.adapters.interop.fhir_resources import ExportContext, derived_id, iso, observation, ref, tz_extension

if TYPE_CHECKING:
    from backcare.core.diary import DiaryEntry

DIARY_DISPLAY = {
    "spasm-count": "Number of back spasms today",
    "exercises-done": "Exercises done (repetitions)",
    "thermal-sessions": "Cold and heat sessions",
    "reported-findings": "Findings reported in the diary",
    "rmdq-score": RMDQ_SCORE_DISPLAY,
}


def _pain_code() -> Json:
    return {
        "coding": [c.coding(c.LOINC, c.PAIN_NRS, "Pain severity - 0-10 verbal numeric rating [Score] - Reported")],
        "text": "Pain now, 0 (none) to 10 (worst imaginable)",
    }


def entry_resources(ctx: ExportContext, e: DiaryEntry) -> list[Json]:
    """The entry's pain Observation first, then its members in a fixed order."""
    findings = dict(e.findings)
    startback = startback_answers(findings)
    for key in startback or {}:
        findings.pop(key)
    extra = _recorded(ctx, e, findings)
    ident = {"system": c.ENTRY_ID, "value": e.id}
    day, when = e.date.isoformat(), iso(e.recorded_at)
    if e.peg is not None:
        extra += peg_resources(ctx, e.id, ident, list(e.peg.items), e.peg.score, day, when)
    if e.rmdq is not None:
        extra += rmdq_resources(ctx, e.id, ident, e.rmdq.ticked, e.rmdq.score, day, when)
    if startback is not None:
        extra += startback_resources(ctx, e.id, ident, startback, day, when)
    pain = observation(ctx, e.id, ident, _pain_code(), day, when, valueInteger=e.pain)
    pain = {"resourceType": "Observation", "id": e.id, "extension": _entry_extensions(e), **pain}
    if e.note:
        pain["note"] = [{"text": e.note}]
    members = [ref(r["id"]) for r in extra if r["resourceType"] in ("Observation", "QuestionnaireResponse")]
    if members:
        pain["hasMember"] = members
    return [pain, *extra]


def _diary_code(code: str) -> Json:
    return {"coding": [c.coding(c.DIARY_CODES, code, DIARY_DISPLAY[code])]}


def _recorded(ctx: ExportContext, e: DiaryEntry, findings: Mapping[str, Any]) -> list[Json]:
    """Observations of the spasm count, exercises, cold and heat sessions and reported findings."""
    ident = {"system": c.ENTRY_ID, "value": e.id}
    day, when = e.date.isoformat(), iso(e.recorded_at)

    def obs(part: str, code: str, **value: Any) -> Json:
        return observation(ctx, derived_id(e.id, part), ident, _diary_code(code), day, when, **value)

    out: list[Json] = []
    if e.spasms is not None:
        out.append(obs("spasms", "spasm-count", valueInteger=e.spasms))
    if e.exercises:
        comps = [_component(c.EXERCISE_CODES, x.id, _exercise_name(ctx, x.id), x.repetitions) for x in e.exercises]
        out.append(obs("exercises", "exercises-done", component=comps))
    if e.cold_sessions or e.heat_sessions:
        comps = [
            _component(c.DIARY_CODES, "cold-sessions", "Cold-pack sessions", e.cold_sessions),
            _component(c.DIARY_CODES, "heat-sessions", "Heat sessions", e.heat_sessions),
        ]
        out.append(obs("thermal", "thermal-sessions", component=comps))
    if findings:
        out.append(obs("findings", "reported-findings", component=_finding_components(ctx, findings)))
    return out


def _component(system: str, code: str, display: str | None, count: int | None) -> Json:
    return {"code": {"coding": [c.coding(system, code, display)]}, "valueInteger": count}


def _exercise_name(ctx: ExportContext, exercise_id: str) -> str | None:
    found = ctx.kb.exercises.get(exercise_id)
    return found.name if found else None


def _finding_components(ctx: ExportContext, findings: Mapping[str, Any]) -> list[Json]:
    """One component per finding (a list finding: one per item, marked, so an empty list survives too)."""
    out: list[Json] = []
    for key, value in findings.items():
        code = {"coding": [c.coding(c.FINDING_CODES, key, ctx.question(key))]}
        if isinstance(value, list):
            marker = [{"url": c.EXT_LIST_ITEM, "valueBoolean": True}]
            if not value:
                out.append({"extension": marker, "code": code})
            out += [{"extension": marker, "code": code, "valueString": str(v)} for v in value]
        elif isinstance(value, bool):
            out.append({"code": code, "valueBoolean": value})
        elif isinstance(value, int):
            out.append({"code": code, "valueInteger": value})
        else:
            out.append({"code": code, "valueString": str(value)})
    return out


def _entry_extensions(e: DiaryEntry) -> list[Json]:
    """Time zone, episode and re-triage: what FHIR's Observation has no element for."""
    extensions = [tz_extension(e.timezone)]
    if e.episode_id:
        extensions.append({"url": c.EXT_EPISODE, "valueReference": ref(e.episode_id)})
    if e.retriage is not None:
        parts: list[Json] = [{"url": "disposition", "valueCode": e.retriage.disposition.value}]
        parts += [{"url": "red-flag", "valueCode": f} for f in e.retriage.red_flags]
        if e.retriage.assessment_id:
            parts.append({"url": "assessment", "valueReference": ref(e.retriage.assessment_id)})
        extensions.append({"url": c.EXT_RETRIAGE, "extension": parts})
    return extensions
