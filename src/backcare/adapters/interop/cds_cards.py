"""The service's cards (indicators of the current specification, ``info | warning | critical``).

- ``critical`` when the deciding warning sign is an emergency: a summary under 140 characters
  with the sign, the words it was read from (quoted) and the action;
- ``warning`` when it is urgent (see today);
- ``info`` for soon and self-care when back pain is known (the note is about the back, or a
  back-pain Condition or backcare data is there), with a SMART app link to the plan;
- no card when nothing is known about back pain and no warning sign fired.

A clinician glances at a card between patients, so the summary quotes the note's own words and
says the action; the detail (markdown, escaped) lists every sign, what is still unasked, and sources.
"""

from __future__ import annotations

import json
import re
import uuid
from typing import TYPE_CHECKING

from backcare.adapters.interop import codes as c
from backcare.adapters.interop.cds_evaluation import Evaluation
from backcare.adapters.interop.cds_facts import Facts
from backcare.adapters.interop.fhir_elements import Json

if TYPE_CHECKING:
    from backcare.core.models import Assessment, RedFlagHit
    from backcare.knowledge import KnowledgeBase

SUMMARY_LIMIT = 139
CLINICIAN_ACTION = {
    "emergency": "emergency assessment now",
    "urgent": "assess today",
}
MATERNITY_FLAGS = ("pregnancy_warning", "labour")
HEADINGS = {
    "emergency": "**Emergency**",
    "urgent": "**Urgent: same-day review**",
    "soon": "**Routine review within 1-2 weeks**",
    "self_care": "**Self-care with a safety net**",
}
_MARKDOWN = re.compile(r"([\\`*_{}\[\]<>()#+\-!|~])")


def _short(name: str) -> str:
    return name.split(" (", 1)[0].strip()


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _md(text: str) -> str:
    return _MARKDOWN.sub(r"\\\1", _plain(text))


def _cut(text: str) -> str:
    return text if len(text) <= SUMMARY_LIMIT else text[: SUMMARY_LIMIT - 1] + "…"


def _quotes(result: Assessment, finding_ids: list[str], facts: Facts) -> list[str]:
    """The words each finding was read from (the note's, else the structured data's), once each."""
    by_id = {f.id: f for f in result.findings}
    out: list[str] = []
    for fid in finding_ids:
        finding = by_id.get(fid)
        if finding is not None and finding.evidence:
            out.append(_plain(finding.evidence))
        elif fid in facts.said:
            out.append(facts.said[fid])
    return list(dict.fromkeys(out))


def _summary(prefix: str, quote: str | None, action: str) -> str:
    """``Sign: "quoted words" – action``, the quote shortened to fit the summary's limit."""
    if not quote:
        return _cut(f"{prefix} – {action}")
    room = SUMMARY_LIMIT - len(f'{prefix}: "" – {action}')
    if room < 8:
        return _summary(prefix, None, action)
    if len(quote) > room:
        quote = quote[: room - 1].rstrip() + "…"
    return f'{prefix}: "{quote}" – {action}'


def cards(ev: Evaluation, facts: Facts, launch_url: str, kb: KnowledgeBase) -> list[Json]:
    result = ev.assessment
    disposition = result.disposition.value
    deciding = next((h for h in result.red_flags if h.disposition == result.disposition), None)
    if disposition in CLINICIAN_ACTION and deciding is not None:
        return [_warning_card(result, deciding, facts, kb)]
    if not ev.back_pain_known:
        return []
    return [_info_card(result, deciding, facts, launch_url, kb)]


def _source(result: Assessment) -> Json:
    return {"label": f"backcare triage (knowledge base {result.knowledge_version})"}


def _warning_card(result: Assessment, deciding: RedFlagHit, facts: Facts, kb: KnowledgeBase) -> Json:
    """critical (emergency) or warning (urgent): the sign, the words it was read from, the action."""
    disposition = result.disposition.value
    action = "contact the maternity unit now" if deciding.id in MATERNITY_FLAGS else CLINICIAN_ACTION[disposition]
    quotes = _quotes(result, deciding.because, facts)
    return {
        "uuid": str(uuid.uuid4()),
        "summary": _summary(_short(deciding.name), quotes[0] if quotes else None, action),
        "indicator": "critical" if disposition == "emergency" else "warning",
        "detail": _detail(result, facts, kb),
        "source": {**_source(result), "topic": c.coding(c.RED_FLAG_CODES, deciding.id, _short(deciding.name))},
        "overrideReasons": [
            c.coding(c.OVERRIDE_REASONS, "already-assessed", "Already assessed or being managed"),
            c.coding(c.OVERRIDE_REASONS, "misread", "The note was misread"),
        ],
    }


def _info_card(
    result: Assessment, deciding: RedFlagHit | None, facts: Facts, launch_url: str, kb: KnowledgeBase
) -> Json:
    """info (soon, self-care): what to do, and a SMART link that opens the plan with the findings."""
    disposition = result.disposition.value
    if disposition == "soon" and deciding is not None:
        summary = f"Back pain: GP or physiotherapy review within 1-2 weeks ({_short(deciding.name).lower()})"
    else:
        summary = "Back pain without a warning sign in the note: self-care plan with a safety net"
    if result.unanswered_screening:
        extra = f"; {len(result.unanswered_screening)} safety questions not covered"
        if len(summary) + len(extra) <= SUMMARY_LIMIT:
            summary += extra
    present = {f.id: f.value for f in result.findings if f.status != "absent" and f.source in ("answers", "text")}
    app_context = {
        "disposition": disposition,
        "red_flags": [h.id for h in result.red_flags],
        "findings": present,
        "unanswered_screening": result.unanswered_screening,
    }
    link = {
        "label": "Open the backcare plan (SMART app)",
        "url": launch_url,
        "type": "smart",
        "appContext": json.dumps(app_context, separators=(",", ":"), sort_keys=True, default=str),
    }
    return {
        "uuid": str(uuid.uuid4()),
        "summary": _cut(summary),
        "indicator": "info",
        "detail": _detail(result, facts, kb),
        "source": {**_source(result), "topic": c.coding(c.DISPOSITION_CODES, disposition)},
        "links": [link],
    }


def _detail(result: Assessment, facts: Facts, kb: KnowledgeBase) -> str:
    lines = [f"{HEADINGS[result.disposition.value]}. Advice for the patient: {_md(result.headline)}", ""]
    lines += [_flag_line(result, hit, facts) for hit in result.red_flags]
    if result.unanswered_screening and result.disposition.value != "emergency":
        asked = [kb.findings[f].question for f in result.unanswered_screening[:8] if f in kb.findings]
        more = len(result.unanswered_screening) - len(asked)
        lines += [
            "",
            "Not covered by the note or the record (ask before reassuring): "
            + "; ".join(_md(q) for q in asked)
            + (f"; and {more} more" if more > 0 else "")
            + ".",
        ]
    sources = sorted({kb.sources[s].label for h in result.red_flags for s in h.sources if s in kb.sources})
    if sources:
        lines += ["", "Sources: " + "; ".join(_md(s) for s in sources) + "."]
    lines += ["", "backcare gives information and triage support, not a diagnosis."]
    return "\n".join(lines).strip()


def _flag_line(result: Assessment, hit: RedFlagHit, facts: Facts) -> str:
    """A sign: its name, standard codes where checked, why it matters and the words it was read from."""
    codes = ", ".join(
        f"{'SNOMED CT' if s == c.SNOMED else 'ICD-10-CM'} {code}"
        for s, code, _ in c.RED_FLAG_STANDARD_CODES.get(hit.id, ())
    )
    quotes = _quotes(result, hit.because, facts)
    read = f" Read from: {', '.join(chr(34) + _md(q) + chr(34) for q in quotes)}." if quotes else ""
    return f"- **{_md(_short(hit.name))}**{f' ({codes})' if codes else ''}: {_md(hit.explanation)}{read}"
