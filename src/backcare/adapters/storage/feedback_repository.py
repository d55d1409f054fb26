"""Feedback on the CDS Hooks service's cards, inside the current unit of work.

It holds no one's health records: only which card (by uuid) a clinician accepted or overrode, and why.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backcare.adapters.storage.orm import CdsFeedbackRow, Clock, utc_now


class CdsFeedbackRepository:
    """Stores each feedback item as received (its JSON parts as JSON text)."""

    def __init__(self, session: Session, now: Clock = utc_now) -> None:
        self.session = session
        self.now = now

    def add(
        self,
        service_id: str,
        card: str,
        outcome: str,
        accepted_suggestions: Sequence[str],
        override_reason: object | None,
        outcome_timestamp: dt.datetime,
    ) -> None:
        self.session.add(
            CdsFeedbackRow(
                service_id=service_id,
                card=card,
                outcome=outcome,
                accepted_suggestions=json.dumps(list(accepted_suggestions)),
                override_reason=json.dumps(override_reason) if override_reason is not None else None,
                outcome_timestamp=outcome_timestamp,
                received_at=self.now(),
            )
        )

    def count(self) -> int:
        return int(self.session.scalar(select(func.count()).select_from(CdsFeedbackRow)) or 0)
