"""A problem found in a FHIR bundle, named by resource, element and FHIRPath-style location.

Every check (the library's validation, backcare's own bindings, invariants and questionnaire
rules) reports in this one form, so the import can refuse a bundle naming exactly where it is
wrong, and the export can name what backcare itself built wrongly.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from backcare.adapters.interop.fhir_elements import Json


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a resource: which resource, which element, what."""

    resource: str
    field: str
    message: str
    expression: str

    def __str__(self) -> str:
        return f"{self.resource}: {self.field}: {self.message}" if self.field else f"{self.resource}: {self.message}"


def label(resource: Mapping[str, Any], index: int | None = None) -> str:
    """``Observation/abc``, or ``Observation (entry 3)`` for a resource without an id."""
    kind = str(resource.get("resourceType") or "resource")
    if resource.get("id"):
        return f"{kind}/{resource['id']}"
    return f"{kind} (entry {index})" if index is not None else kind


def path_text(loc: Sequence[str | int]) -> str:
    """``("item", 2, "answer")`` as ``item[2].answer``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class Collector:
    """The problems of one resource of a bundle, each located under ``Bundle.entry[i].resource``."""

    def __init__(self, resource: Json, index: int) -> None:
        self.resource = resource
        self.name = label(resource, index)
        self.base = f"Bundle.entry[{index}].resource"
        self.problems: list[Problem] = []

    def add(self, loc: Sequence[str | int], message: str) -> None:
        field = path_text(loc)
        self.problems.append(Problem(self.name, field, message, f"{self.base}.{field}" if field else self.base))
