"""Reading elements of FHIR resources held as plain JSON: codes, identifiers, extensions, pain scores.

The checks, the importer and the CDS Hooks service all read resources that anyone may have
written; they read them through these few functions so that they agree on what a resource says,
and none of them trips over an element of the wrong type (anything odd reads as absent).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from backcare.adapters.interop import codes as c

Json = dict[str, Any]


def codes_of(concept: Any) -> list[tuple[str | None, str | None]]:
    """The ``(system, code)`` pairs of a CodeableConcept; none for anything that is not one."""
    if not isinstance(concept, dict):
        return []
    return [(cd.get("system"), cd.get("code")) for cd in concept.get("coding") or [] if isinstance(cd, dict)]


def has_code(concept: Any, system: str, code: str) -> bool:
    return (system, code) in codes_of(concept)


def first_code(concept: Any, system: str) -> str | None:
    """The code of the concept's first coding in ``system`` (backcare's own code systems)."""
    return next((code for s, code in codes_of(concept) if s == system), None)


def is_pain_code(concept: Any) -> bool:
    """A 0-10 pain score: LOINC 72514-3, or the older 38208-5 of the IHE Pain Score template."""
    return has_code(concept, c.LOINC, c.PAIN_NRS) or has_code(concept, c.LOINC, c.PAIN_NRS_OLD)


def pain_value(r: Mapping[str, Any]) -> int | None:
    """A pain observation's 0-10 value (valueInteger, or a whole-number valueQuantity), else None."""
    value: Any = None
    if "valueInteger" in r:
        value = r["valueInteger"]
    elif isinstance(r.get("valueQuantity"), dict):
        value = r["valueQuantity"].get("value")
        if isinstance(value, float) and value.is_integer():
            value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 10:
        return value
    return None


def value_elements(element: Mapping[str, Any]) -> list[Any]:
    """The values of an element's ``value[x]`` (an Observation, a component): one, if it is well formed."""
    return [v for k, v in element.items() if k.startswith("value")]


def identifier(resource: Mapping[str, Any], system: str) -> str | None:
    """The value of the resource's identifier in ``system`` (a single Identifier or a list of them)."""
    found = resource.get("identifier")
    items = found if isinstance(found, list) else [found] if isinstance(found, dict) else []
    for ident in items:
        if isinstance(ident, dict) and ident.get("system") == system and ident.get("value"):
            return str(ident["value"])
    return None


def extension(resource: Mapping[str, Any], url: str) -> Json | None:
    for ext in resource.get("extension") or []:
        if isinstance(ext, dict) and ext.get("url") == url:
            return ext
    return None


def extension_value(resource: Mapping[str, Any], url: str, kind: str) -> Any:
    """The ``value[x]`` named ``kind`` (e.g. ``valueCode``) of the extension ``url``, if there is one."""
    ext = extension(resource, url)
    return ext.get(kind) if ext else None


def instant(text: Any) -> dt.datetime | None:
    """A FHIR date or dateTime as an aware datetime (a date is its midnight UTC); None when unreadable.

    Lenient on purpose: the CDS service reads other systems' data and skips what it cannot date.
    """
    if not isinstance(text, str):
        return None
    try:
        value = (
            dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
            if len(text) > 10
            else dt.datetime.combine(dt.date.fromisoformat(text), dt.time(), dt.UTC)
        )
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


#: Sorts undated resources last when sorting newest first.
NEVER = dt.datetime.min.replace(tzinfo=dt.UTC)
