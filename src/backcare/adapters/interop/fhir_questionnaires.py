"""PEG, Roland-Morris and STarT Back as FHIR: a ``QuestionnaireResponse`` and an ``Observation`` per score.

Answers go in the response (LOINC's items for the LOINC panels, backcare's linkIds for the RMDQ)
so any FHIR client can read them; the scores are Observations ``derivedFrom`` the response, so a
clinician's system can chart them without knowing the questionnaire.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from backcare.adapters.interop import codes as c
from backcare.adapters.interop.fhir_elements import Json
from backcare.adapters.interop.fhir_resources import ExportContext, derived_id, observation, questionnaire_response

RMDQ_SCORE_DISPLAY = "Roland-Morris Disability Questionnaire score (0-24)"


def _loinc(code: str, display: str) -> Json:
    return {"coding": [c.coding(c.LOINC, code, display)]}


def peg_resources(
    ctx: ExportContext, owner: str, ident: Json, items: Sequence[int], score: float, day: str, when: str
) -> list[Json]:
    """The PEG response (three items and the mean) and its score Observation (LOINC 91147-9)."""
    qitems: list[Json] = [
        {"linkId": f"peg_{n}", "text": ctx.question(f"peg_{n}"), "answer": [{"valueInteger": v}]}
        for n, v in enumerate(items, start=1)
    ]
    qitems.append(
        {"linkId": c.PEG_SCORE, "text": "PEG score (mean of the three items)", "answer": [{"valueDecimal": score}]}
    )
    qr = questionnaire_response(ctx, derived_id(owner, "peg"), ident, c.Q_PEG, when, qitems)
    obs = observation(
        ctx,
        derived_id(owner, "peg-score"),
        ident,
        _loinc(c.PEG_SCORE, "PEG 3 item pain scale score"),
        day,
        when,
        qr["id"],
        valueQuantity={"value": score, "unit": "{score}", "system": c.UCUM, "code": "{score}"},
    )
    return [qr, obs]


def rmdq_resources(
    ctx: ExportContext, owner: str, ident: Json, ticked: Sequence[int], score: int, day: str, when: str
) -> list[Json]:
    """The Roland-Morris response (24 statements, ticked or not, and the count) and its score Observation."""
    instrument = ctx.kb.instruments.get("rmdq")
    texts = {i.number: i.text for i in instrument.items} if instrument else {}
    chosen = set(ticked)
    qitems: list[Json] = [
        {
            "linkId": f"rmdq_{n}",
            **({"text": texts[n]} if texts.get(n) else {}),
            "answer": [{"valueBoolean": n in chosen}],
        }
        for n in range(1, 25)
    ]
    qitems.append(
        {
            "linkId": "rmdq-score",
            "text": "Roland-Morris score (statements ticked, 0-24)",
            "answer": [{"valueInteger": score}],
        }
    )
    qr = questionnaire_response(ctx, derived_id(owner, "rmdq"), ident, c.Q_RMDQ, when, qitems)
    code = {"coding": [c.coding(c.DIARY_CODES, "rmdq-score", RMDQ_SCORE_DISPLAY)]}
    obs = observation(ctx, derived_id(owner, "rmdq-score"), ident, code, day, when, qr["id"], valueInteger=score)
    return [qr, obs]


def startback_resources(
    ctx: ExportContext, owner: str, ident: Json, answers: Mapping[str, Any], day: str, when: str
) -> list[Json]:
    """The STarT Back response (LOINC 91349-1: nine items, total, distress, risk) and its three scores."""
    from backcare.core.instruments import score_startback

    result = score_startback(answers)
    risk = c.coding(c.LOINC, *c.RISK_ANSWERS[result.risk])
    qitems = [_startback_item(ctx, n, loinc, answers[f"startback_{n}"]) for n, loinc in enumerate(c.STARTBACK_ITEMS, 1)]
    scores: list[tuple[str, str, str, dict[str, Any]]] = [
        ("startback-total", c.STARTBACK_TOTAL, "STarT Back total score", {"valueInteger": result.total}),
        (
            "startback-distress",
            c.STARTBACK_DISTRESS,
            "STarT Back distress subscore",
            {"valueInteger": result.psychosocial},
        ),
        ("startback-risk", c.STARTBACK_RISK, "STarT Back risk level", {"valueCoding": risk}),
    ]
    qitems += [{"linkId": loinc, "text": text, "answer": [value]} for _, loinc, text, value in scores]
    qr = questionnaire_response(ctx, derived_id(owner, "startback"), ident, c.Q_STARTBACK, when, qitems)
    out = [qr]
    for part, loinc, text, value in scores:
        element = {"valueCodeableConcept": {"coding": [dict(risk)]}} if "valueCoding" in value else value
        out.append(
            observation(ctx, derived_id(owner, part), ident, _loinc(loinc, text), day, when, qr["id"], **element)
        )
    return out


def _startback_item(ctx: ExportContext, n: int, loinc: str, value: Any) -> Json:
    if n < 9:
        code, display = c.STARTBACK_LABELS[bool(value)]
    else:
        code, display = str(value), c.BOTHER_LABELS[str(value)]
    return {
        "linkId": loinc,
        "text": ctx.question(f"startback_{n}"),
        "answer": [{"valueCoding": c.coding(c.STARTBACK_ANSWERS, code, display)}],
    }


def startback_answers(answers: Mapping[str, Any]) -> dict[str, Any] | None:
    """The nine STarT Back answers when all are present and scoreable, else None."""
    from backcare.core.instruments import InstrumentError, score_startback

    keys = [f"startback_{n}" for n in range(1, 10)]
    if not all(k in answers for k in keys):
        return None
    picked = {k: answers[k] for k in keys}
    try:
        score_startback(picked)
    except InstrumentError:
        return None
    return picked
