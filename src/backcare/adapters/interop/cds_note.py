"""The clinician's latest note, as text for the reader: a ``DocumentReference``, else the ``Encounter`` reason.

Only current, text attachments of the newest document are read; the text is cleaned of control
characters and cut at ``MAX_NOTE`` characters, so an odd or huge note cannot slow the service.
"""

from __future__ import annotations

import base64
import binascii
import re

from backcare.adapters.interop.cds_request import HookError
from backcare.adapters.interop.fhir_elements import NEVER, Json, instant

MAX_NOTE = 20_000
_CONTROL = re.compile(r"[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]")


def join_note(texts: list[str | None]) -> str | None:
    """The document's text and the encounter's reason as one note; None when there is no text."""
    note = _CONTROL.sub(" ", "\n\n".join(t for t in texts if t).strip())[:MAX_NOTE]
    return note or None


def latest_document_text(docs: list[Json]) -> str | None:
    current = [d for d in docs if d.get("status", "current") == "current" and d.get("docStatus") != "entered-in-error"]
    current.sort(key=lambda d: instant(d.get("date")) or NEVER, reverse=True)
    for doc in current:
        parts = _attachment_texts(doc)
        if not parts and isinstance(doc.get("description"), str):
            parts.append(doc["description"])
        text = "\n".join(p for p in parts if p.strip())
        if text.strip():
            return text
    return None


def _attachment_texts(doc: Json) -> list[str]:
    parts: list[str] = []
    for content in doc.get("content") or []:
        att = content.get("attachment") if isinstance(content, dict) else None
        if not isinstance(att, dict) or not str(att.get("contentType", "text/plain")).startswith("text/"):
            continue
        if isinstance(att.get("data"), str):
            try:
                parts.append(base64.b64decode(att["data"], validate=True).decode("utf-8", errors="replace"))
            except (binascii.Error, ValueError):
                raise HookError(400, "prefetch.note: the attachment data is not base64", "prefetch.note") from None
    return parts


def encounter_reason(enc: Json) -> str | None:
    words: list[str] = []
    for concept in enc.get("reasonCode") or []:
        if not isinstance(concept, dict):
            continue
        if concept.get("text"):
            words.append(str(concept["text"]))
        else:
            words += [
                str(cd["display"]) for cd in concept.get("coding") or [] if isinstance(cd, dict) and cd.get("display")
            ]
    return "; ".join(words) or None
