"""What a request answers when the database fails or the input is pathological: never a 500.

An unreachable, locked or unopenable database is a temporary condition of the server: every page
and API route answers 503 with ``Retry-After`` (JSON for the API, a plain page for people, built
without touching the database), and the next request after recovery succeeds without a restart.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.responses import Response
from sqlalchemy import exc as sa_exc

from backcare.adapters.storage import StorageError
from backcare.entrypoints.web.security import ErrorJSON

log = logging.getLogger("backcare.entrypoints.web")

#: Seconds a client should wait before trying again while the database is unavailable.
RETRY_AFTER = 5
UNAVAILABLE = "the database is not available"
PAGE = (
    "<!doctype html><html lang=en><meta charset=utf-8><title>backcare: try again shortly</title>"
    "<h1>Try again in a moment</h1><p>backcare cannot reach its database right now. Nothing you sent was "
    "saved. Please try again in a minute.</p><p>In an emergency call 999 / 911 / 112.</p></html>"
)


def is_unavailable(exc: BaseException) -> bool:
    """A database that cannot be reached or used right now (as opposed to a bug in a query)."""
    if isinstance(exc, StorageError | sa_exc.TimeoutError | sa_exc.DisconnectionError | sa_exc.PendingRollbackError):
        return True
    if isinstance(exc, sa_exc.DBAPIError):
        if exc.connection_invalidated:
            return True
        if isinstance(exc, sa_exc.OperationalError | sa_exc.InterfaceError):
            return True
        return type(exc) is sa_exc.DatabaseError  # e.g. "file is not a database"; not integrity or syntax errors
    return False


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/healthz"


def unavailable_response(request: Request) -> Response:
    headers = {"Retry-After": str(RETRY_AFTER)}
    if _is_api(request):
        return ErrorJSON({"message": UNAVAILABLE, "field": None}, status_code=503, headers=headers)
    return Response(PAGE, status_code=503, media_type="text/html; charset=utf-8", headers=headers)


def install(app: FastAPI) -> None:
    """Register the handlers (after the app's own, so these answer for ``StorageError`` too)."""

    async def _database(request: Request, exc: Exception) -> Response:
        if not is_unavailable(exc):
            raise exc  # a real bug: the generic 500 handler logs it
        first = (str(exc).splitlines() or [""])[0]
        log.error("database unavailable on %s %s: %s", request.method, request.url.path, first)
        return unavailable_response(request)

    async def _too_deep(request: Request, exc: Exception) -> Response:
        message = "input nested too deeply"
        if _is_api(request):
            return ErrorJSON({"message": message, "field": "body"}, status_code=400)
        return Response(f"{message}.", status_code=400, media_type="text/plain; charset=utf-8")

    for kind in (StorageError, sa_exc.DBAPIError, sa_exc.TimeoutError, sa_exc.PendingRollbackError):
        app.add_exception_handler(kind, _database)
    app.add_exception_handler(RecursionError, _too_deep)
