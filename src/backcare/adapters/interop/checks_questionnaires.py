"""The questionnaires backcare reads (STarT Back, PEG, Roland-Morris): their items, answers and scores.

``fhir.resources`` accepts any ``QuestionnaireResponse`` of the right shape; a clinician's answers
only become diary records when each item is a known linkId with one answer of the right type and
range, a completed response answers every item, and any score given matches the items. The same
reading serves the checks (problems) and the import (the parsed answers).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from backcare.adapters.interop import codes as c
from backcare.adapters.interop.checks_problems import Collector
from backcare.adapters.interop.fhir_elements import Json

COMPLETED = ("completed", "amended")
_STARTBACK_SCORES = {c.STARTBACK_TOTAL: "total", c.STARTBACK_DISTRESS: "distress", c.STARTBACK_RISK: "risk"}


def questionnaire_kind(canonical: Any) -> str | None:
    """Which of backcare's questionnaires a ``QuestionnaireResponse.questionnaire`` names, if any."""
    if not isinstance(canonical, str):
        return None
    base = canonical.split("|", 1)[0]
    if base.endswith(c.STARTBACK_PANEL) or base.endswith("/startback"):
        return "startback"
    if base.endswith(c.PEG_PANEL) or base.endswith("/peg"):
        return "peg"
    if base == c.Q_RMDQ or base.lower().endswith(("/rmdq", ":rmdq")):
        return "rmdq"
    return None


def startback_link(link_id: str) -> int | str | None:
    """Item number 1-9, a score link ('total', 'distress', 'risk'), or None for an unknown linkId."""
    if link_id in c.STARTBACK_ITEMS:
        return c.STARTBACK_ITEMS.index(link_id) + 1
    for prefix in ("startback_", ""):
        rest = link_id[len(prefix) :] if link_id.startswith(prefix) else None
        if rest is not None and rest.isdigit() and 1 <= int(rest) <= 9:
            return int(rest)
    return _STARTBACK_SCORES.get(link_id)


def numbered_link(link_id: str, prefix: str, count: int, score_links: Sequence[str]) -> int | str | None:
    """Item number 1-``count`` (``peg_2`` or ``2``), 'score', or None for an unknown linkId."""
    if link_id in score_links:
        return "score"
    rest = link_id[len(prefix) :] if link_id.startswith(prefix) else link_id
    if rest.isdigit() and 1 <= int(rest) <= count:
        return int(rest)
    return None


def _answer_words(answer: Mapping[str, Any]) -> list[str]:
    """A coded or written answer's words: a valueCoding's code and display (any system), or a valueString."""
    if isinstance(answer.get("valueCoding"), dict):
        cd = answer["valueCoding"]
        return [str(cd.get("code") or ""), str(cd.get("display") or "")]
    if isinstance(answer.get("valueString"), str):
        return [answer["valueString"]]
    return []


def startback_agree(answer: Mapping[str, Any]) -> bool | None:
    """Items 1-8: Agree / Disagree as valueCoding (any system, by code or display), valueBoolean or valueString."""
    if isinstance(answer.get("valueBoolean"), bool):
        return bool(answer["valueBoolean"])
    for word in _answer_words(answer):
        low = word.strip().lower()
        if low in ("agree", "yes", "true"):
            return True
        if low in ("disagree", "no", "false"):
            return False
    return None


def startback_bother(answer: Mapping[str, Any]) -> str | None:
    """Item 9: one of the five bothersomeness answers, by code or words."""
    for word in _answer_words(answer):
        key = word.strip().lower().replace(" ", "_").replace("-", "_")
        if key in c.BOTHER_LABELS:
            return key
    return None


def risk_answer(out: Collector, loc: tuple[str | int, ...], codings: list[Any]) -> None:
    """The STarT Back risk level must be one of LOINC's three answers, with its display if one is given."""
    allowed = {code: display for code, display in c.RISK_ANSWERS.values()}
    loinc = [cd for cd in codings if isinstance(cd, dict) and cd.get("system") == c.LOINC]
    if not loinc:
        out.add(loc, f"the STarT Back risk level needs a LOINC answer code ({', '.join(allowed)})")
        return
    for cd in loinc:
        if cd.get("code") not in allowed:
            out.add(
                (*loc, "code"),
                f"{cd.get('code')!r} is not a STarT Back risk level answer "
                f"(LA9194-7 Low, LA8982-6 Medium, LA9193-9 High)",
            )
        elif cd.get("display") and str(cd["display"]).lower() != allowed[cd["code"]].lower():
            out.add((*loc, "display"), f"{cd['code']} is {allowed[cd['code']]!r}, not {cd['display']!r}")


def _int_answer(answer: Mapping[str, Any]) -> int | None:
    value = answer.get("valueInteger")
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _one_answer(out: Collector, i: int, item: Mapping[str, Any]) -> Mapping[str, Any] | None:
    answers = item.get("answer") or []
    if len(answers) != 1 or not isinstance(answers[0], dict):
        out.add(("item", i, "answer"), f"item {item.get('linkId')!r} needs exactly one answer")
        return None
    return answers[0]


def questionnaire_answers(out: Collector, r: Json) -> dict[str, Any] | None:
    """Check a known questionnaire's answers against its items; the parsed answers, or None."""
    kind = questionnaire_kind(r.get("questionnaire"))
    if kind is None:
        return None
    items = [it for it in r.get("item") or [] if isinstance(it, dict)]
    seen = Counter(str(it.get("linkId")) for it in items)
    for i, it in enumerate(items):
        if seen[str(it.get("linkId"))] > 1:
            out.add(("item", i, "linkId"), f"linkId {it.get('linkId')!r} appears more than once")
        if it.get("item"):
            out.add(("item", i, "item"), "nested items are not part of this questionnaire")
    if kind == "startback":
        return _startback(out, r, items)
    if kind == "peg":
        return _peg(out, r, items)
    return _rmdq(out, r, items)


def parsed_answers(resource: Json) -> dict[str, Any] | None:
    """A known questionnaire's answers (None when it is not one, or its answers are not usable)."""
    return questionnaire_answers(Collector(resource, 0), resource)


# --- STarT Back -----------------------------------------------------------------------------------


def _startback(out: Collector, r: Json, items: list[Json]) -> dict[str, Any] | None:
    from backcare.core.instruments import score_startback

    answers: dict[str, Any] = {}
    scores: dict[str, tuple[int, Any]] = {}
    for i, it in enumerate(items):
        _startback_item(out, i, it, answers, scores)
    missing = [n for n in range(1, 10) if f"startback_{n}" not in answers]
    if missing:
        if r.get("status") in COMPLETED and len(out.problems) == 0:
            out.add(("item",), f"a completed STarT Back needs all nine items; missing {', '.join(map(str, missing))}")
        return None
    result = score_startback(answers)
    expected = {"total": result.total, "distress": result.psychosocial, "risk": c.RISK_ANSWERS[result.risk][0]}
    for key, (i, value) in scores.items():
        if value != expected[key]:
            out.add(("item", i, "answer", 0), f"the {key} {value!r} does not match the items ({expected[key]})")
    return answers


def _startback_item(
    out: Collector, i: int, it: Json, answers: dict[str, Any], scores: dict[str, tuple[int, Any]]
) -> None:
    """One item: an answer (items 1-9) into ``answers``, or a given score into ``scores`` to compare."""
    link = startback_link(str(it.get("linkId")))
    if link is None:
        out.add(
            ("item", i, "linkId"),
            f"{it.get('linkId')!r} is not a STarT Back item "
            f"({c.STARTBACK_ITEMS[0]} ... {c.STARTBACK_ITEMS[-1]} or a score)",
        )
        return
    answer = _one_answer(out, i, it)
    if answer is None:
        return
    where = ("item", i, "answer", 0)
    if isinstance(link, int) and link <= 8:
        agree = startback_agree(answer)
        if agree is None:
            out.add(where, f"STarT Back item {link} takes Agree or Disagree")
        else:
            answers[f"startback_{link}"] = agree
    elif link == 9:
        bother = startback_bother(answer)
        if bother is None:
            out.add(where, "STarT Back item 9 takes Not at all, Slightly, Moderately, Very much or Extremely")
        else:
            answers["startback_9"] = bother
    elif link == "risk":
        coding = answer.get("valueCoding")
        if not isinstance(coding, dict):
            out.add(where, "the STarT Back risk level is a LOINC answer (valueCoding)")
        else:
            risk_answer(out, (*where, "valueCoding"), [coding])
            scores["risk"] = (i, coding.get("code"))
    else:
        value = _int_answer(answer)
        if value is None:
            out.add(where, f"the STarT Back {link} score is a whole number (valueInteger)")
        else:
            scores[str(link)] = (i, value)


# --- PEG and Roland-Morris ------------------------------------------------------------------------


def _peg(out: Collector, r: Json, items: list[Json]) -> dict[str, Any] | None:
    values: dict[int, int] = {}
    score: tuple[int, Any] | None = None
    for i, it in enumerate(items):
        link = numbered_link(str(it.get("linkId")), "peg_", 3, (c.PEG_SCORE,))
        if link is None:
            out.add(
                ("item", i, "linkId"), f"{it.get('linkId')!r} is not a PEG item (peg_1, peg_2, peg_3 or {c.PEG_SCORE})"
            )
            continue
        answer = _one_answer(out, i, it)
        if answer is None:
            continue
        if link == "score":
            raw = answer.get("valueDecimal", answer.get("valueInteger"))
            if not isinstance(raw, int | float) or isinstance(raw, bool):
                out.add(("item", i, "answer", 0), "the PEG score is a number (valueDecimal)")
            else:
                score = (i, float(raw))
            continue
        value = _int_answer(answer)
        if value is None or not 0 <= value <= 10:
            out.add(("item", i, "answer", 0), f"PEG item {link} takes a whole number from 0 to 10 (valueInteger)")
        else:
            values[int(link)] = value
    if len(values) < 3:
        if r.get("status") in COMPLETED and not out.problems:
            out.add(("item",), "a completed PEG needs its three items")
        return None
    mean = round(sum(values.values()) / 3, 2)
    if score is not None and abs(score[1] - mean) > 0.01:
        out.add(("item", score[0], "answer", 0), f"the PEG score {score[1]} does not match the items ({mean})")
    return {"items": [values[1], values[2], values[3]], "score": mean}


def _rmdq(out: Collector, r: Json, items: list[Json]) -> dict[str, Any] | None:
    ticked: dict[int, bool] = {}
    score: tuple[int, Any] | None = None
    for i, it in enumerate(items):
        link = numbered_link(str(it.get("linkId")), "rmdq_", 24, ("rmdq-score",))
        if link is None:
            out.add(("item", i, "linkId"), f"{it.get('linkId')!r} is not a Roland-Morris item (rmdq_1 ... rmdq_24)")
            continue
        answer = _one_answer(out, i, it)
        if answer is None:
            continue
        if link == "score":
            value = _int_answer(answer)
            if value is None:
                out.add(("item", i, "answer", 0), "the Roland-Morris score is a whole number (valueInteger)")
            else:
                score = (i, value)
            continue
        if not isinstance(answer.get("valueBoolean"), bool):
            out.add(("item", i, "answer", 0), f"Roland-Morris item {link} is ticked or not (valueBoolean)")
        else:
            ticked[int(link)] = bool(answer["valueBoolean"])
    if len(ticked) < 24:
        if r.get("status") in COMPLETED and not out.problems:
            missing = [str(n) for n in range(1, 25) if n not in ticked]
            out.add(("item",), f"a completed Roland-Morris needs all 24 items; missing {', '.join(missing)}")
        return None
    count = sum(ticked.values())
    if score is not None and score[1] != count:
        out.add(("item", score[0], "answer", 0), f"the score {score[1]} does not match the items ({count} ticked)")
    return {"ticked": sorted(n for n, t in ticked.items() if t), "score": count}
