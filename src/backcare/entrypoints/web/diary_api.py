"""The diary's JSON routes under ``/api/v1/diary``: entries (each re-triaged as it is saved) and the trend."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field

from backcare.adapters.storage import Store
from backcare.bootstrap import knowledge
from backcare.core.diary import DiaryEntry, Trend
from backcare.core.local_time import today_in
from backcare.entrypoints.web.api import ERRORS, Id, StoreDep, Who, not_found
from backcare.entrypoints.web.requests import Day, EntryInput, check_entry_findings
from backcare.knowledge.schema import Disposition
from backcare.services import diary as diaries
from backcare.services.accounts import Principal
from backcare.services.diary import EntryAdded, Window

router = APIRouter(prefix="/api/v1", responses=ERRORS)


class EntryResult(BaseModel):
    entry: DiaryEntry
    retriage: Disposition | None = Field(
        None, description="re-triage of what the entry reports, when it reports anything"
    )
    alert: list[str] = Field(default_factory=list, description="red flags this entry itself raised")


def _entry_result(added: EntryAdded) -> EntryResult:
    return EntryResult(
        entry=added.entry, retriage=added.retriage.disposition if added.retriage else None, alert=added.alert
    )


def _save_entry(st: Store, who: Principal, body: EntryInput, entry_id: str | None = None) -> EntryAdded:
    """Save (or with ``entry_id`` replace) one of the person's entries; ``LookupError`` for an id not theirs."""
    kb = knowledge()
    check_entry_findings(body.findings, kb)
    if entry_id is not None and diaries.get_entry(st, entry_id, who.profile_id) is None:
        raise LookupError(entry_id)  # also for ids no entry can have
    entry = body.to_entry(
        timezone=who.timezone, today=today_in(who.timezone, st.now()), now=st.now(), entry_id=entry_id
    )
    return diaries.add_entry(st, entry, kb=kb, profile_id=who.profile_id, replace=entry_id is not None)


@router.get("/diary/entries", tags=["diary"], response_model=list[DiaryEntry])
def list_entries(who: Who, st: StoreDep) -> list[DiaryEntry]:
    return diaries.list_entries(st, who.profile_id)


@router.post("/diary/entries", tags=["diary"], status_code=201, response_model=EntryResult)
def add_entry(body: EntryInput, who: Who, st: StoreDep) -> Response:
    added = _save_entry(st, who, body)
    return Response(
        _entry_result(added).model_dump_json(),
        status_code=201,
        media_type="application/json",
        headers={"Location": f"/api/v1/diary/entries/{added.entry.id}"},
    )


@router.get("/diary/entries/{entry_id}", tags=["diary"], response_model=DiaryEntry)
def get_entry(entry_id: Id, who: Who, st: StoreDep) -> Response:
    entry = diaries.get_entry(st, entry_id, who.profile_id)
    if entry is None:
        return not_found("diary entry")
    return Response(entry.model_dump_json(), media_type="application/json")


@router.put("/diary/entries/{entry_id}", tags=["diary"], response_model=EntryResult)
def replace_entry(entry_id: Id, body: EntryInput, who: Who, st: StoreDep) -> Response:
    try:
        added = _save_entry(st, who, body, entry_id)
    except LookupError:
        return not_found("diary entry")
    return Response(_entry_result(added).model_dump_json(), media_type="application/json")


@router.delete("/diary/entries/{entry_id}", tags=["diary"], status_code=204, response_class=Response)
def delete_entry(entry_id: Id, who: Who, st: StoreDep) -> Response:
    if not diaries.delete_entry(st, entry_id, who.profile_id):
        return not_found("diary entry")
    return Response(status_code=204)


Days = Annotated[int, Query(ge=1, le=36_600, description="days of the diary, ending at `until`")]
Until = Annotated[Day | None, Query(description="last day (default: the latest entry); page back")]


@router.get("/diary/trend", tags=["diary"], response_model=Trend)
def trend(who: Who, st: StoreDep, days: Days = diaries.DIARY_WINDOW.days, until: Until = None) -> Response:
    """The current episode's trend over a window of days (the last 90 by default); the baseline is its start."""
    view = diaries.diary_view(st, who.profile_id, window=Window(days, until))
    return Response(view.trend.model_dump_json(), media_type="application/json")


__all__ = ["router"]
