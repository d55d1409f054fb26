"""The interop routes: FHIR export and import under ``/api/v1``, and the CDS Hooks service.

``install(app)`` is called by the app factory once the store is open:

- ``GET /api/v1/export.fhir``: the person's (or account's) records as a FHIR R4 Bundle;
- ``POST /api/v1/import.fhir`` (``?replace=true`` to replace everything): a Bundle in, validated
  whole first; a bad one answers 422 with an ``OperationOutcome`` naming the resource and the
  element, a record that differs from a stored one 409; nothing is written then;
- multi-user mode only: ``GET /cds-services`` (discovery), ``POST /cds-services/{id}`` (the
  ``patient-view`` service) and ``POST /cds-services/{id}/feedback``, each guarded by
  ``Authorization: Bearer <cds_token>`` (setting ``BACKCARE_WEB_CDS_TOKEN``; without it the
  service answers 503). Errors are ``OperationOutcome``\\ s. The CDS routes never touch anyone's
  records: they see only the request (and store feedback in their own table).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from typing import TYPE_CHECKING, Annotated, Any

from anyio import to_thread
from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from backcare.adapters.interop.cds_evaluation import evaluate, nothing_to_read, remembered
from backcare.adapters.interop.cds_feedback import parse_feedback
from backcare.adapters.interop.cds_fetch import fetch_missing
from backcare.adapters.interop.cds_prefetch import missing_prefetch, read_prefetch
from backcare.adapters.interop.cds_request import SERVICE_ID, HookError, operation_outcome, parse_request
from backcare.adapters.interop.cds_service import discovery as discovery_document
from backcare.adapters.interop.cds_service import respond
from backcare.adapters.interop.transfer import FHIR_JSON
from backcare.adapters.storage import Store
from backcare.bootstrap import knowledge
from backcare.entrypoints.web.assessing import text_limiter
from backcare.entrypoints.web.auth import api_principal, context, store
from backcare.services.accounts import Principal

if TYPE_CHECKING:
    from backcare.entrypoints.web.settings import Settings

Who = Annotated[Principal, Depends(api_principal)]
StoreDep = Annotated[Store, Depends(store)]

api_router = APIRouter(prefix="/api/v1")
cds_router = APIRouter(prefix="/cds-services", include_in_schema=False)


def _outcome(
    status: int,
    message: str,
    expression: str | None = None,
    code: str = "invalid",
    headers: dict[str, str] | None = None,
    media_type: str = FHIR_JSON,
) -> Response:
    body = operation_outcome(message, expression, code)
    return Response(json.dumps(body, ensure_ascii=True), status_code=status, media_type=media_type, headers=headers)


# --- FHIR export and import ---------------------------------------------------------------------


@api_router.get(
    "/export.fhir",
    tags=["account"],
    response_class=Response,
    summary="Everything kept about you as a FHIR R4 Bundle",
    responses={200: {"content": {FHIR_JSON: {}}, "description": "a FHIR R4 Bundle (type collection)"}},
)
def export_fhir(who: Who, st: StoreDep) -> Response:
    """Patient, episodes (Condition), diary (Observation, QuestionnaireResponse), assessments
    (RiskAssessment) and plans (CarePlan): what ``backcare export --format fhir`` writes."""
    from backcare.adapters.interop.transfer import export_fhir as export

    return Response(
        export(st, knowledge(), who.profile_id),
        media_type=FHIR_JSON,
        headers={"Content-Disposition": 'attachment; filename="backcare-fhir.json"'},
    )


@api_router.post("/import.fhir", tags=["account"], include_in_schema=False)
async def import_fhir(request: Request, who: Who, st: StoreDep, replace: Annotated[bool, Query()] = False) -> Response:
    """A FHIR Bundle (backcare's export, or a clinician's questionnaires and pain observations)."""
    from backcare.adapters.interop.fhir_import import FhirImportError
    from backcare.adapters.interop.transfer import read_bundle, summary_json, write_import
    from backcare.adapters.storage import ImportConflict

    raw = await request.body()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return _outcome(400, f"the body is not UTF-8 text (byte {exc.start})", "Bundle", "structure")
    try:
        parsed = await run_in_threadpool(read_bundle, text, who.timezone, knowledge())
    except FhirImportError as exc:
        return _outcome(422, f"{exc}; nothing was imported", exc.expression or "Bundle")
    try:
        summary = await run_in_threadpool(write_import, st, parsed, who.timezone, who.profile_id, replace)
    except ImportConflict as exc:
        return _outcome(409, str(exc), "Bundle", "conflict")
    return Response(json.dumps(summary_json(summary, parsed.ignored)), media_type="application/json")


# --- CDS Hooks ------------------------------------------------------------------------------------


def _authorised(request: Request) -> Response | None:
    """None when the bearer token matches the configured one; else the error response."""
    settings: Settings = context(request).settings
    token = settings.cds_token
    if not token:
        return _outcome(
            503,
            "the CDS Hooks service is not configured (set BACKCARE_WEB_CDS_TOKEN)",
            code="not-supported",
            media_type="application/json",
        )
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    expected = hashlib.sha256(token.encode()).digest()
    if scheme.lower() != "bearer" or not hmac.compare_digest(hashlib.sha256(given.strip().encode()).digest(), expected):
        return _outcome(
            401,
            "a valid 'Authorization: Bearer <token>' header is required",
            code="login",
            headers={"WWW-Authenticate": 'Bearer realm="cds-services"'},
            media_type="application/json",
        )
    return None


def _refused(request: Request, service_id: str, hint: str = "") -> Response | None:
    """The error response for a caller without the token or a service that is not here; else None."""
    denied = _authorised(request)
    if denied is not None or service_id == SERVICE_ID:
        return denied
    return _outcome(404, f"no CDS service {service_id!r} here{hint}", code="not-found", media_type="application/json")


def _json(body: Any, status: int = 200) -> Response:
    return Response(json.dumps(body, ensure_ascii=False), status_code=status, media_type="application/json")


async def _body(request: Request) -> Any:
    raw = await request.body()
    try:
        return json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
        raise HookError(400, "the body is not valid JSON", code="structure") from None


def _error(exc: HookError) -> Response:
    return _outcome(exc.status, exc.message, exc.expression, exc.code, media_type="application/json")


@cds_router.get("")
def discovery(request: Request) -> Response:
    denied = _authorised(request)
    return denied or _json(discovery_document())


def _launch_url(request: Request) -> str:
    return str(request.base_url).rstrip("/") + "/"


@cds_router.post("/{service_id}")
async def call_service(service_id: str, request: Request) -> Response:
    refused = _refused(request, service_id, " (see GET /cds-services)")
    if refused is not None:
        return refused
    try:
        req = parse_request(await _body(request))
        missing = missing_prefetch(req)
        if missing:
            req = await fetch_missing(req, missing, getattr(request.app.state, "interop_fhir_transport", None))
        today = dt.datetime.now(dt.UTC).date()
        facts = read_prefetch(req, today)  # about a millisecond for a usual prefetch
        ev = None
        if not nothing_to_read(facts):
            # a note seen before is answered from the memo at once; a new one waits for the worker's one
            # text thread (shared with /api/v1/assess): more threads on the same CPU only slow each reading
            ev = remembered(facts, today) or await to_thread.run_sync(
                evaluate, facts, today, limiter=text_limiter(request)
            )
        body = respond(ev, facts, _launch_url(request))
    except HookError as exc:
        return _error(exc)
    return _json(body)


@cds_router.post("/{service_id}/feedback")
async def feedback(service_id: str, request: Request) -> Response:
    from backcare.adapters.interop.cds_feedback import store_feedback

    refused = _refused(request, service_id)
    if refused is not None:
        return refused
    try:
        items = parse_feedback(await _body(request))
    except HookError as exc:
        return _error(exc)
    count = await run_in_threadpool(store_feedback, context(request).store, service_id, items)
    return _json(operation_outcome(f"{count} feedback item(s) stored", code="informational", severity="information"))


@cds_router.api_route("/{service_id}", methods=["GET", "PUT", "PATCH", "DELETE"])
@cds_router.api_route("/{service_id}/feedback", methods=["GET", "PUT", "PATCH", "DELETE"])
def not_allowed(request: Request) -> Response:
    return _outcome(
        405,
        f"{request.method} is not allowed here: use POST",
        code="not-supported",
        headers={"Allow": "POST"},
        media_type="application/json",
    )


def install(app: FastAPI) -> None:
    """Add the interop routes to the app; in multi-user mode, the CDS Hooks service."""
    ctx = app.state.ctx
    app.include_router(api_router)
    if ctx.settings.multi_user:
        app.include_router(cds_router)
    if not hasattr(app.state, "interop_fhir_transport"):
        app.state.interop_fhir_transport = None


__all__ = ["api_router", "cds_router", "install"]
