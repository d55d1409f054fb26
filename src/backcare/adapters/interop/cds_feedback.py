"""Feedback on the service's cards (CDS Hooks 2.0 ``/feedback``): which card was accepted or overridden.

Checked strictly and bounded in size, since it is stored (``store_feedback``, in the store's
``uow.feedback``): it says only which card, by its uuid, a clinician acted on and why, never
anything about the patient.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from backcare.adapters.interop.cds_request import HookError
from backcare.adapters.interop.fhir_elements import Json, instant

if TYPE_CHECKING:
    from backcare.adapters.storage import Store

MAX_ITEMS = 100
MAX_REASON = 4000


@dataclass(frozen=True)
class Feedback:
    card: str
    outcome: str
    accepted_suggestions: list[str]
    override_reason: Json | None
    outcome_timestamp: dt.datetime


def store_feedback(store: Store, service_id: str, items: Sequence[Feedback]) -> int:
    """Store the items in one transaction; returns how many."""
    with store.unit_of_work() as uow:
        for f in items:
            uow.feedback.add(
                service_id, f.card, f.outcome, f.accepted_suggestions, f.override_reason, f.outcome_timestamp
            )
        uow.commit()
    return len(items)


def parse_feedback(body: Any) -> list[Feedback]:
    """The feedback items of a request body; ``HookError`` 400 naming the first bad element."""
    if not isinstance(body, dict) or not isinstance(body.get("feedback"), list) or not body["feedback"]:
        raise HookError(400, 'the body must be {"feedback": [...]} with at least one item', "feedback", "required")
    if len(body["feedback"]) > MAX_ITEMS:
        raise HookError(400, f"at most {MAX_ITEMS} feedback items at once", "feedback", "too-long")
    return [_item(item, f"feedback[{i}]") for i, item in enumerate(body["feedback"])]


def _item(item: Any, where: str) -> Feedback:
    if not isinstance(item, dict):
        raise HookError(400, f"{where} must be an object", where)
    card = item.get("card")
    if not isinstance(card, str) or not card or len(card) > 200:
        raise HookError(400, f"{where}.card is required (the card's uuid)", f"{where}.card", "required")
    outcome = item.get("outcome")
    if outcome not in ("accepted", "overridden"):
        raise HookError(400, f"{where}.outcome must be accepted or overridden", f"{where}.outcome")
    accepted = item.get("acceptedSuggestions", [])
    if not isinstance(accepted, list) or not all(
        isinstance(a, dict) and isinstance(a.get("id"), str) for a in accepted
    ):
        raise HookError(
            400, f'{where}.acceptedSuggestions must be a list of {{"id": ...}}', f"{where}.acceptedSuggestions"
        )
    reason = item.get("overrideReason")
    if reason is not None:
        _check_reason(reason, outcome, where)
    stamp = item.get("outcomeTimestamp")
    when = instant(stamp) if isinstance(stamp, str) and len(stamp) > 10 else None
    if when is None:
        raise HookError(
            400,
            f"{where}.outcomeTimestamp must be an RFC 3339 date and time in UTC",
            f"{where}.outcomeTimestamp",
            "required",
        )
    return Feedback(card, outcome, [a["id"] for a in accepted][:50], reason, when)


def _check_reason(reason: Any, outcome: str, where: str) -> None:
    """An override reason: a Coding ``reason`` and/or a ``userComment``, only on an overridden card."""
    coding = reason.get("reason") if isinstance(reason, dict) else None
    ok = (
        isinstance(reason, dict)
        and (
            coding is None
            or (
                isinstance(coding, dict)
                and isinstance(coding.get("code"), str)
                and isinstance(coding.get("system"), str)
            )
        )
        and isinstance(reason.get("userComment", ""), str)
    )
    if not ok or outcome != "overridden":
        raise HookError(
            400,
            f"{where}.overrideReason must be a Coding 'reason' and/or a 'userComment' on an overridden card",
            f"{where}.overrideReason",
        )
    if len(json.dumps(reason)) > MAX_REASON:
        raise HookError(400, f"{where}.overrideReason is too long", f"{where}.overrideReason")
