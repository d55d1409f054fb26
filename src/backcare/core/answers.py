"""Structured answers (finding id -> value) checked against the catalogue, and the facts the rules read.

This is where bad input is caught with a message that names the problem: an unknown finding id
(with the closest valid ids), a wrong type or an out-of-range value. Text a person types (a web
form field, a command-line option, a terminal reply) is read into an answer value here too, by
``answer_from_text``, so every front end takes the same words and numbers.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from backcare.core.instruments import startback_high_risk
from backcare.core.medicines import derived_medicine_facts, normalise_medicines
from backcare.core.memo import kept
from backcare.core.models import Finding, Status, yes_no_finding
from backcare.core.rules import Value
from backcare.knowledge import KnowledgeBase
from backcare.knowledge.schema import FindingDef

_YES = ("yes", "y", "true", "present")
_NO = ("no", "n", "false", "absent")
_MAYBE = ("possible", "maybe", "unsure", "not sure", "not_sure")
_UNKNOWN = ("", "unknown", "skip", "don't know", "dont know")
_WHOLE = re.compile(r"-?[0-9]{1,9}")


class AnswerError(ValueError):
    """A structured answer that cannot be used; ``field`` names the offending finding id."""

    def __init__(self, field: str, message: str, suggestions: Iterable[str] = ()) -> None:
        self.field = field
        self.suggestions = list(suggestions)
        hint = f" Did you mean: {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"{field}: {message}.{hint}")


def parse_answers(raw: Mapping[str, Any], kb: KnowledgeBase) -> list[Finding]:
    """Validate every answer; ``None`` or "unknown" means not answered and is left out."""
    if not isinstance(raw, Mapping):
        raise AnswerError("answers", "must be an object mapping finding ids to values")
    findings: list[Finding] = []
    yes_no, checked = kb.yes_no_answers, kb.checked_answers
    for key, value in raw.items():
        # most answers are a yes or a no, or a number or a choice given before: made once per catalogue
        if value is True or value is False:
            answered = yes_no[value].get(key)
        else:
            answered = checked.get((key, value)) if type(value) is int or type(value) is str else None
        if answered is not None:
            findings.append(answered)
            continue
        definition = kb.findings.get(key)
        if definition is None or definition.computed:
            askable = [fid for fid, f in kb.findings.items() if not f.computed]
            close = difflib.get_close_matches(str(key), askable, n=3, cutoff=0.6)
            raise AnswerError(str(key), "unknown finding id", close)
        finding = parse_answer(definition, value)
        if finding is not None:
            findings.append(finding)
            # kept only as the finding holds it: the catalogue's ranges and choices bound what is kept
            held = finding.value
            if (
                definition.type in ("int", "enum")
                and isinstance(held, int | str)
                and type(value) is type(held)
                and value == held
            ):
                checked[(key, held)] = finding
    return findings


def is_unknown(value: Any) -> bool:
    """An explicit "not answered": it also clears anything read from free text for that finding."""
    return value is None or (isinstance(value, str) and value.strip().lower() in _UNKNOWN)


def bool_words() -> list[str]:
    """The words a yes/no answer may be (yes, no, not sure, not answered): the web API's schema lists them."""
    return [*_YES, *_NO, *_MAYBE, *(word for word in _UNKNOWN if word)]


def answer_from_text(raw: str, definition: FindingDef) -> Any:
    """Text a person typed as an answer value, read the same way by every front end.

    "yes", "no", "not sure" (also y, n, ?, 1, 0) for a yes/no finding, a whole number for a number,
    names separated by commas for a list; "" and "unknown" are None (not answered). Text that fits
    none of these is returned as given, so that ``parse_answer`` names the problem.
    """
    text = raw.strip()
    if is_unknown(text):
        return None
    if definition.type == "bool":
        word = text.lower()  # also the shorthands typed at a terminal or in a script: 1, 0 and ?
        if word in _YES or word == "1":
            return True
        if word in _NO or word == "0":
            return False
        return "possible" if word in _MAYBE or word == "?" else text
    if definition.type == "int":
        return int(text) if _WHOLE.fullmatch(text) else text
    if definition.type == "enum":
        return text.lower().replace(" ", "_")
    return [name.strip() for name in text.split(",") if name.strip()]


def parse_answer(definition: FindingDef, value: Any) -> Finding | None:
    """One answer as a finding (None when not answered); ``AnswerError`` when it does not fit."""
    fid = definition.id
    if is_unknown(value):
        return None
    if definition.type == "bool":
        status = _bool_status(fid, value)
        return yes_no_finding(fid, status)
    if definition.type == "int":
        number = _as_int(fid, value)
        assert definition.min is not None and definition.max is not None
        if not definition.min <= number <= definition.max:
            raise AnswerError(fid, f"{number} is out of range ({definition.min} to {definition.max})")
        return _valued_finding(fid, number)
    if definition.type == "enum":
        text = str(value).strip().lower().replace(" ", "_") if isinstance(value, str) else None
        if text not in definition.values:
            raise AnswerError(fid, f"{value!r} is not one of {', '.join(definition.values)}")
        return _valued_finding(fid, text)
    names = _as_list(fid, value)
    return Finding(id=fid, status="present" if names else "absent", value=names)


@cache
def _valued_finding(fid: str, value: int | str) -> Finding:
    """A number or a choice answered, made once and shared, as ``yes_no_finding`` does for yes and
    no: the catalogue bounds both (a number's range, a choice's values), so this stays small."""
    return Finding(id=fid, status="present", value=value)


def _bool_status(fid: str, value: Any) -> Status:
    if isinstance(value, bool):
        return "present" if value else "absent"
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _YES:
            return "present"
        if word in _NO:
            return "absent"
        if word in _MAYBE:
            return "possible"
    raise AnswerError(fid, f'expected true, false or "possible", got {value!r}')


def _as_int(fid: str, value: Any) -> int:
    if isinstance(value, bool):
        raise AnswerError(fid, f"expected a whole number, got {value!r}")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    raise AnswerError(fid, f"expected a whole number, got {value!r}")


def _as_list(fid: str, value: Any) -> list[str]:
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise AnswerError(fid, "expected a list of names")
    names = [v.strip() for v in value if v.strip()]
    if any(len(n) > 200 for n in names):
        raise AnswerError(fid, "a name is longer than 200 characters")
    return names


def facts_from(findings: Iterable[Finding], kb: KnowledgeBase) -> dict[str, Value]:
    """The values the rules read: a yes/no finding is true unless absent (possible counts as present)."""
    yes_no = kb.yes_no
    return {f.id: f.status != "absent" if f.id in yes_no else f.value for f in findings}


def derived_findings(facts: Mapping[str, Value], kb: KnowledgeBase) -> list[Finding]:
    """Findings the engine works out itself: medicine classes, STarT Back risk, assumed back pain."""
    medications = facts.get("medications")
    out = list(_medicine_findings(medications, kb)) if isinstance(medications, list) else []
    high = startback_high_risk(facts)
    if high is not None:
        out.append(yes_no_finding("startback_high_risk", "present" if high else "absent", "derived"))
    if facts.get("back_pain") is None:
        out.append(yes_no_finding("back_pain", "present", "default"))
    return out


MEDICINE_LISTS_KEPT = 4096
"""Lists of recognised medicines kept with their findings (``_medicine_findings``), a few hundred
bytes each."""


def _medicine_findings(names: list[str], kb: KnowledgeBase) -> tuple[Finding, ...]:
    """The findings a medicine list gives, kept per list of recognised medicines: the same few
    lists come back again and again."""
    matched, _ = normalise_medicines(names, kb)

    def findings() -> tuple[Finding, ...]:
        return tuple(
            yes_no_finding(fid, "present" if present else "absent", "derived")
            for fid, present in derived_medicine_facts(matched).items()
            # the person's own answer (or unknown) stands when no medicine says otherwise
            if present or fid not in ("anticoagulant", "paracetamol_several_products")
        )

    return kept(kb.medicine_findings, tuple(m.id for m in matched), MEDICINE_LISTS_KEPT, findings)
