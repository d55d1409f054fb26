"""Shared helpers for the rule reader's tests: read a text on a fixed date and look up a finding."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from backcare.adapters.language import understand
from backcare.core.models import Finding


@dataclass(frozen=True)
class ReadOn:
    """The rule reader on one date (dates matter: "since Tuesday")."""

    today: dt.date

    def read(self, kb: Any, text: str) -> dict[str, Finding]:
        return {f.id: f for f in understand(text, kb, self.today).findings}

    def status(self, kb: Any, text: str, fid: str) -> str | None:
        found = self.read(kb, text).get(fid)
        return found.status if found else None

    def value(self, kb: Any, text: str, fid: str) -> object:
        found = self.read(kb, text).get(fid)
        return found.value if found else None

    def flags(self, text: str) -> set[str]:
        """The red flags the whole assessment (both readers, merged) raises for ``text``."""
        from backcare.bootstrap import assess

        return {hit.id for hit in assess(text=text, today=self.today).red_flags}

    def counted(self, kb: Any, text: str, fid: str) -> bool:
        """Present or possible: a finding the triage counts."""
        return self.status(kb, text, fid) in ("present", "possible")
