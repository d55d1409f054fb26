"""The orchestration behind ``understand``: clean, check, analyse, interpret, package.

Kept apart from ``__init__`` so that importing ``backcare.adapters.language`` stays cheap; spaCy and
medspaCy load on the first call.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING

from backcare.adapters.language.normalise import MAX_CHARS, clean, looks_like_english
from backcare.core.models import Finding

if TYPE_CHECKING:
    from backcare.adapters.language import Understanding
    from backcare.adapters.language.interpret import Read
    from backcare.knowledge import KnowledgeBase

EMPTY = "No text was given to read."
TRUNCATED = f"The text was longer than {MAX_CHARS:,} characters; only the first part was read."
NOT_ENGLISH = "The text does not look like English; backcare reads English only, so little or nothing was understood."
UNREADABLE = "Some characters could not be read and were ignored."
UNREADABLE_TEXT = "The text could not be read; please answer the questions instead."
OUT_OF_SCOPE = "Nothing in the text was recognised as being about the back, spine, flank or a muscle spasm."


_CHECKED: dict[str, tuple[dict[str, str], frozenset[str]]] = {}


def _checked(kb: KnowledgeBase) -> tuple[dict[str, str], frozenset[str]]:
    """Check the vocabulary against this catalogue once per knowledge-base version.

    Returns the generic name of each medicine id, and the findings any red flag reads (those are
    kept even when the text is not about the back: the emergency checks still apply).
    """
    if kb.version not in _CHECKED:
        from backcare.adapters.language.vocabulary import load_vocabulary, validate_against

        validate_against(load_vocabulary(), kb.findings)
        generic = {mid: med.generic for mid, med in kb.medicines.items()}
        safety = frozenset(f for flag in kb.red_flags.values() for t in flag.triggers for f in kb.rule(t.when).findings)
        _CHECKED[kb.version] = (generic, safety)
    return _CHECKED[kb.version]


def _medicines(text: str, kb: KnowledgeBase) -> list[tuple[str, str]]:
    """(medicine id, name as written), from ``backcare.core.medicines`` or a plain name match."""
    try:
        from backcare.core.medicines import find_medicines
    except ImportError:  # pragma: no cover - the medicines module ships with the package
        lowered = text.lower()
        return [
            (mid, name)
            for mid, med in kb.medicines.items()
            for name in med.all_names
            if f" {name.lower()} " in f" {lowered} "
        ]
    return [(med.id, name) for med, name in find_medicines(text, kb)]


PERSON = ("age", "sex", "pregnant", "pregnancy_weeks")


def _safety_only(findings: list[Finding], kb: KnowledgeBase, safety: frozenset[str]) -> list[Finding]:
    """Out of scope, only what the red flags read is kept (the emergency checks still apply):
    yes/no warning signs and, when a sign is there, everything else a red flag reads (age, sex,
    pregnancy, pain score, days since onset): "leg pain down to my foot, 8/10" is sciatica at 8."""
    signs = [
        f
        for f in findings
        if (f.id in safety and kb.findings[f.id].type == "bool" and f.id not in PERSON) or f.id == "back_pain"
    ]
    if not any(f.id != "back_pain" for f in signs):
        return signs
    return [f for f in findings if f in signs or f.id in PERSON or f.id in safety]


def _unsure_denial(reading: Read, kb: KnowledgeBase, fid: str) -> bool:
    """A hedged denial ("I don't think I have any numbness down there") is left unknown, so the
    question is asked directly (clinical spec section 1); only for a reassuring finding ("I don't
    think it's getting better") does it stand as a "no", since unknown would count in its favour."""
    return reading.status == "absent" and reading.hedged and not kb.findings[fid].reassuring


def read(raw: str, kb: KnowledgeBase, today: dt.date) -> Understanding:
    from backcare.adapters.language import Understanding
    from backcare.adapters.language.interpret import interpret
    from backcare.adapters.language.pipeline import analyse, engine

    generic, safety = _checked(kb)
    if not isinstance(raw, str):
        raw = "" if raw is None else str(raw)
    cleaned = clean(raw)
    messages: list[str] = []
    if cleaned.truncated:
        messages.append(TRUNCATED)
    if cleaned.removed_control:
        messages.append(UNREADABLE)
    if not any(ch.isalnum() for ch in cleaned.text):
        return Understanding(findings=[], in_scope=False, messages=[*messages, EMPTY])
    vocabulary = engine().vocabulary  # a broken vocabulary or rules file is an error, never an empty reading
    try:
        analysis = analyse(cleaned.text, today, _medicines(cleaned.text, kb))
        result = interpret(analysis, vocabulary, generic)
    except Exception:  # a reading bug must not stop the triage: the questions still get asked
        if os.environ.get("BACKCARE_STRICT_READING") == "1":
            raise  # in tests a crash must fail, not pass as an empty reading
        return Understanding(findings=[], in_scope=True, messages=[*messages, UNREADABLE_TEXT])
    if not looks_like_english(analysis.words):
        messages.append(NOT_ENGLISH)
    findings = [
        Finding(id=fid, status=r.status, value=r.value, evidence=r.evidence, source="text")
        for fid, r in sorted(result.findings.items(), key=lambda item: item[1].start)
        if fid in kb.findings and not kb.findings[fid].computed and not _unsure_denial(r, kb, fid)
    ]
    doubted = [fid for fid, r in result.findings.items() if fid in kb.findings and _unsure_denial(r, kb, fid)]
    if not result.in_scope:
        findings = _safety_only(findings, kb, safety)
        messages.append(OUT_OF_SCOPE)
    not_own = {fid: words for fid, words in result.not_own.items() if fid in kb.findings}
    return Understanding(
        findings=findings,
        in_scope=result.in_scope,
        messages=messages,
        not_own=not_own,
        idioms=[fid for fid in result.idioms if fid in not_own],
        explained=result.explained,
        doubted=doubted,
        for_someone_else=result.proxy.active,
        rules={fid: rule for fid, rule in result.rules.items() if fid in kb.findings},
    )
