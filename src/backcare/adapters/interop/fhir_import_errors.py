"""Where in a bundle a record comes from, and the error that names it.

Every refusal of an import names the resource (``Observation/abc``), the element and its
FHIRPath-style location (``Bundle.entry[3].resource.effectiveDateTime``), so whoever sent the
bundle can find and fix it; ``FhirImportError`` carries all three.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from backcare.adapters.interop.checks_problems import Problem, label
from backcare.adapters.interop.fhir_elements import Json


class FhirImportError(ValueError):
    """A bundle that cannot be imported: ``resource`` and ``field`` name where; ``expression`` is FHIRPath-style."""

    def __init__(
        self,
        message: str,
        resource: str | None = None,
        field: str | None = None,
        expression: str | None = None,
        more: int = 0,
    ) -> None:
        self.resource = resource
        self.field = field
        self.expression = expression
        self.detail = message
        where = ": ".join(p for p in (resource, field) if p)
        text = f"{where}: {message}" if where else message
        super().__init__(text + (f" (and {more} more problems)" if more else ""))

    @classmethod
    def of(cls, problems: list[Problem]) -> FhirImportError:
        first = problems[0]
        return cls(first.message, first.resource, first.field, first.expression, more=len(problems) - 1)


@dataclass
class Slot:
    """One resource of the bundle and its place (``index`` in ``Bundle.entry``)."""

    index: int
    resource: Json

    @property
    def name(self) -> str:
        return label(self.resource, self.index)

    def where(self, element: str) -> str:
        return f"Bundle.entry[{self.index}].resource" + (f".{element}" if element else "")


def fail(slot: Slot, element: str, message: str) -> FhirImportError:
    """The error for ``element`` of the slot's resource (the resource itself when ``element`` is empty)."""
    return FhirImportError(message, slot.name, element or None, slot.where(element))


def when(slot: Slot, element: str, text: Any) -> dt.datetime:
    """A dateTime with its time zone, in UTC; a record's times must be unambiguous."""
    try:
        value = dt.datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        raise fail(slot, element, f"{text!r} is not a date and time") from None
    if value.tzinfo is None:
        raise fail(slot, element, "needs a time zone")
    return value.astimezone(dt.UTC)


def day(slot: Slot, element: str, text: Any) -> dt.date:
    """The date of a date or dateTime (its first ten characters)."""
    raw = str(text or "")
    try:
        return dt.date.fromisoformat(raw[:10])
    except ValueError:
        raise fail(slot, element, f"{raw!r} is not a full date (YYYY-MM-DD)") from None
