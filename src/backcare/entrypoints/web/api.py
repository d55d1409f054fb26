"""JSON API under ``/api/v1`` (OpenAPI at ``/api/v1/openapi.json``). ``POST /assess`` answers without
the plan (``?include=plan``: all that ``backcare assess --format json`` prints, compact). Errors are
``{"message": ..., "field": ...}`` with a 4xx status; bad input never gives a 500."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from anyio import to_thread
from fastapi import APIRouter, Depends, Path, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel, Field

from backcare.adapters.storage import ExportDocument, StorageError, Store
from backcare.adapters.storage.safety import valid_timezone
from backcare.bootstrap import assess as assess_answers
from backcare.bootstrap import knowledge
from backcare.core.local_time import today_in
from backcare.core.models import Assessment, Plan
from backcare.entrypoints.web import assessing
from backcare.entrypoints.web.account_models import Credentials, Registration, SessionInfo
from backcare.entrypoints.web.assessing import ASSESS_DOC, AssessAnswer
from backcare.entrypoints.web.auth import api_principal, context, current, rotate_session, session_id, store
from backcare.entrypoints.web.requests import AssessRequest, check_types
from backcare.entrypoints.web.security import ErrorJSON, csrf_token_for
from backcare.knowledge.schema import Disposition
from backcare.services import accounts, assessments, exports
from backcare.services.accounts import AccountError, Principal, RateLimited
from backcare.services.assessments import Saved


class ErrorBody(BaseModel):
    message: str = Field(description="what is wrong, in words")
    field: str | None = Field(None, description="the offending field, e.g. 'answers.fever' or 'text'")


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, "description": text}
    for code, text in (
        (400, "bad request"),
        (401, "not logged in (multi-user mode)"),
        (403, "CSRF token missing or wrong, or cross-site request"),
        (404, "not found (or not yours)"),
        (413, "request body too large"),
        (422, "invalid input"),
        (429, "too many attempts (logins, registrations, public assessments); see Retry-After"),
        (503, "the database is not available; see Retry-After"),
    )
}

router = APIRouter(prefix="/api/v1", responses=ERRORS)
health_router = APIRouter()

Who = Annotated[Principal, Depends(api_principal)]
StoreDep = Annotated[Store, Depends(store)]
Id = Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9-]+$")]


class Health(BaseModel):
    status: str
    database: str
    mode: str
    knowledge_version: str


HEALTH_TTL = 1.0


@health_router.get("/healthz", response_model=Health, tags=["health"], responses={503: {"model": Health}})
async def healthz(request: Request) -> Response:
    """Ready when the shared database answers; load balancers take a worker out of rotation otherwise.

    The database is asked at most once a second per worker, so frequent probes stay cheap.
    """
    import time

    ctx = context(request)
    checked_at, ok = ctx.health
    if time.monotonic() - checked_at > HEALTH_TTL:
        try:
            await run_in_threadpool(ctx.store.ping)
            ok = True
        except Exception:  # any database failure means "not ready", never a crash
            ok = False
        ctx.health = (time.monotonic(), ok)
    body = Health(
        status="ok" if ok else "unavailable",
        database="ok" if ok else "unavailable",
        mode="multi-user" if ctx.settings.multi_user else "local",
        knowledge_version=knowledge().version,
    )
    headers = {} if ok else {"Retry-After": "5"}
    return Response(
        body.model_dump_json(), status_code=200 if ok else 503, media_type="application/json", headers=headers
    )


# --- Assessment ----------------------------------------------------------------------------------


def _inputs(body: AssessRequest) -> tuple[str | None, dict[str, Any]]:
    if body.text is None and body.answers is None:
        from backcare.core.answers import AnswerError

        raise AnswerError("text", "give text, answers or both")
    check_types(body.answers or {}, knowledge())
    return body.text, dict(body.answers or {})


def _today_of(request: Request) -> dt.date:
    """Today in the person's zone when someone is known (logged in, or the local person); else the server's."""
    try:
        who = current(request)
    except StorageError:  # assessing needs no database: the server's date will do
        who = None
    now = dt.datetime.now(dt.UTC)
    return today_in(who.timezone, now) if who else dt.date.today()


@router.post(
    "/assess",
    tags=["assessment"],
    response_model=AssessAnswer | Assessment,
    summary="Assess free text and/or structured answers",
    description=ASSESS_DOC,
    responses={200: {"description": "the assessment without its plan; with ?include=plan, the whole assessment"}},
)
async def assess(request: Request, body: AssessRequest, include: assessing.Include = None) -> Response:
    return await answer_assess(request, body, include)


async def answer_assess(request: Request, body: AssessRequest, include: str | None) -> Response:
    """The answer to ``POST /assess``, also given by ``fast_path`` for a request it takes as it is."""
    ctx = context(request)
    if ctx.settings.multi_user:
        from backcare.entrypoints.web.account import client_address

        try:
            await run_in_threadpool(accounts.limit_assessment, ctx.store, ctx.settings, client_address(request))
        except RateLimited as exc:
            return _too_many(exc, "text")
    text, answers = _inputs(body)
    today: dt.date = body.today if body.today is not None else await run_in_threadpool(_today_of, request)
    with_plan = include == "plan"
    if text is None:
        data, hit = assessing.assessment_json(None, answers, today, with_plan)
    else:  # reading free text takes longer: one thread per worker keeps the event loop free
        data, hit = await to_thread.run_sync(
            assessing.assessment_json, text, answers, today, with_plan, limiter=assessing.text_limiter(request)
        )
    return Response(data, media_type="application/json", headers={"X-Backcare-Cache": "hit" if hit else "miss"})


class SavedSummary(BaseModel):
    id: str
    created_at: dt.datetime
    disposition: Disposition
    knowledge_version: str


class SavedAssessment(SavedSummary):
    inputs: dict[str, Any]
    assessment: Assessment


def _saved(saved: Saved) -> SavedAssessment:
    r = saved.record
    return SavedAssessment(
        id=r.id,
        created_at=r.created_at,
        disposition=r.disposition,
        knowledge_version=r.knowledge_version,
        inputs=r.inputs,
        assessment=saved.assessment,
    )


def _too_many(exc: RateLimited, field: str) -> ErrorJSON:
    headers = {"Retry-After": str(exc.retry_after)}
    return ErrorJSON({"message": str(exc), "field": field}, status_code=429, headers=headers)


def not_found(what: str) -> ErrorJSON:
    """404 with the API's error body."""
    return ErrorJSON({"message": f"no such {what}", "field": "id"}, status_code=404)


@router.post("/assessments", tags=["assessment"], status_code=201, response_model=SavedAssessment)
def save_assessment(body: AssessRequest, who: Who, st: StoreDep) -> Response:
    """Assess and keep the result (and its plan) in the person's records."""
    text, answers = _inputs(body)
    today = body.today or today_in(who.timezone, st.now())
    result = assess_answers(answers=answers, text=text, today=today, kb=knowledge())
    inputs = assessments.assessment_inputs(text, answers, today)
    new_id = assessments.record_assessment(st, result, inputs, who.timezone, today, profile_id=who.profile_id)
    saved = assessments.load_assessment(st, who.profile_id, new_id)
    assert saved is not None
    return Response(
        _saved(saved).model_dump_json(),
        status_code=201,
        media_type="application/json",
        headers={"Location": f"/api/v1/assessments/{new_id}"},
    )


@router.get("/assessments", tags=["assessment"], response_model=list[SavedSummary])
def list_assessments(who: Who, st: StoreDep) -> list[SavedSummary]:
    return [
        SavedSummary(id=r.id, created_at=r.created_at, disposition=r.disposition, knowledge_version=r.knowledge_version)
        for r in assessments.list_assessments(st, who.profile_id)
    ]


@router.get("/assessments/{assessment_id}", tags=["assessment"], response_model=SavedAssessment)
def get_assessment(assessment_id: Id, who: Who, st: StoreDep) -> Response:
    saved = assessments.load_assessment(st, who.profile_id, assessment_id)
    if saved is None:
        return not_found("assessment")
    return Response(_saved(saved).model_dump_json(), media_type="application/json")


_NO_PLAN: dict[int | str, dict[str, Any]] = {404: {"model": ErrorBody, "description": "no such assessment, or no plan"}}


@router.get("/assessments/{assessment_id}/plan", tags=["assessment"], response_model=Plan, responses=_NO_PLAN)
def get_plan(assessment_id: Id, who: Who, st: StoreDep) -> Response:
    saved = assessments.load_assessment(st, who.profile_id, assessment_id)
    if saved is None or saved.assessment.plan is None:
        return not_found("plan")
    return Response(saved.assessment.plan.model_dump_json(), media_type="application/json")


@router.get(
    "/assessments/{assessment_id}/plan.ics",
    tags=["assessment"],
    response_class=Response,
    responses={200: {"content": {"text/calendar": {}}, "description": "the 14-day schedule as iCalendar"}, **_NO_PLAN},
)
def get_plan_ics(assessment_id: Id, who: Who, st: StoreDep) -> Response:
    saved = assessments.load_assessment(st, who.profile_id, assessment_id)
    data = exports.plan_ics(saved) if saved else None
    if data is None:
        return not_found("schedule")
    return Response(
        data,
        media_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="backcare-plan.ics"'},
    )


@router.delete("/assessments/{assessment_id}", tags=["assessment"], status_code=204, response_class=Response)
def delete_assessment(assessment_id: Id, who: Who, st: StoreDep) -> Response:
    if not assessments.delete_assessment(st, who.profile_id, assessment_id):
        return not_found("assessment")
    return Response(status_code=204)


# --- Export and deletion (the diary's routes are ``diary_api``'s) ------------------------------


@router.get("/export", tags=["account"], response_model=ExportDocument)
def export(who: Who, st: StoreDep) -> Response:
    """Everything kept about the person (or account), in the command line's export format."""
    return Response(exports.export_json(st, who.profile_id), media_type="application/json")


@router.get(
    "/export.csv",
    tags=["account"],
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}, "description": "diary entries as CSV"}},
)
def export_csv(who: Who, st: StoreDep) -> Response:
    return Response(exports.export_csv(st, who.profile_id), media_type="text/csv; charset=utf-8")


@router.delete("/account", tags=["account"], status_code=204, response_class=Response)
def delete_account(request: Request, who: Who, st: StoreDep) -> Response:
    """Delete every record; in multi-user mode the account too (and log out)."""
    accounts.delete_account(st, who)
    if who.account_id:
        rotate_session(request)
    return Response(status_code=204)


# --- Accounts (multi-user mode) ------------------------------------------------------------------


def _multi(request: Request) -> None:
    if not context(request).settings.multi_user:
        from fastapi import HTTPException

        raise HTTPException(404, "accounts exist only in multi-user mode")


def _session_info(request: Request, who: Principal | None) -> SessionInfo:
    from backcare.entrypoints.web.auth import ensure_session_id

    return SessionInfo(
        username=who.username if who else None,
        csrf_token=csrf_token_for(ensure_session_id(request), context(request).secret),
    )


@router.get("/auth/session", tags=["account"], response_model=SessionInfo)
def auth_session(request: Request) -> SessionInfo:
    """Who is logged in, and the CSRF token for API changes."""
    return _session_info(request, current(request))


@router.post("/auth/register", tags=["account"], status_code=201, response_model=SessionInfo)
def auth_register(request: Request, body: Registration, st: StoreDep) -> Response:
    from backcare.entrypoints.web.account import client_address, start

    _multi(request)
    if not valid_timezone(body.timezone):
        return ErrorJSON({"message": "unknown time zone", "field": "timezone"}, status_code=422)
    try:
        accounts.limit_registration(st, context(request).settings, client_address(request))
    except RateLimited as exc:
        return _too_many(exc, "username")
    try:
        who = accounts.create_account(st, body.username, body.password, body.timezone)
    except AccountError as exc:
        return ErrorJSON({"message": str(exc), "field": exc.field}, status_code=422)
    start(request, who)
    return Response(_session_info(request, who).model_dump_json(), status_code=201, media_type="application/json")


@router.post("/auth/login", tags=["account"], response_model=SessionInfo)
def auth_login(request: Request, body: Credentials, st: StoreDep) -> Response:
    from backcare.entrypoints.web.account import client_address, start

    _multi(request)
    try:
        settings = context(request).settings
        who = accounts.check_login(st, settings, body.username, body.password, client_address(request))
    except RateLimited as exc:
        return _too_many(exc, "username")
    if who is None:
        return ErrorJSON({"message": "wrong name or password", "field": "password"}, status_code=401)
    start(request, who)
    return Response(_session_info(request, who).model_dump_json(), media_type="application/json")


@router.post("/auth/logout", tags=["account"], status_code=204, response_class=Response)
def auth_logout(request: Request, who: Who) -> Response:
    accounts.end_session(context(request).store, session_id(request))
    rotate_session(request)
    return Response(status_code=204)


__all__ = ["health_router", "router"]
