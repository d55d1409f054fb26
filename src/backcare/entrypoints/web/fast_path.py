"""``POST /api/v1/assess`` without FastAPI's per-request machinery, for the common well-formed request.

FastAPI solves a route's dependencies and validates its parameters anew on every call: for a
structured assessment that was about a third of the server's time. This middleware sits inside the
security middleware, just before FastAPI's routing. It reads the body once, validates it with the
route's own model (``AssessRequest``) and answers through the route's own function
(``api.answer_assess``); an error is answered by the app's own exception handlers. A request it does
not take as it is (another path or method, another content type, another query, a body that does
not validate) goes on, body and all, to FastAPI's route, so every input error and the OpenAPI
description stay FastAPI's own.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from pydantic import ValidationError
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from backcare.entrypoints.web.api import answer_assess
from backcare.entrypoints.web.requests import AssessRequest

PATH = "/api/v1/assess"
_INCLUDE = {b"": None, b"include=plan": "plan"}
"""The queries taken here; any other (a typo, a repeated key) is for FastAPI's route to judge."""


class AssessFastPath:
    """Pure ASGI middleware: a valid JSON ``POST /api/v1/assess`` is answered here, the rest passes on."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != PATH or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        raw = await _body(receive)
        request = Request(scope, receive)
        query = scope.get("query_string", b"")
        body = _valid(raw) if query in _INCLUDE and _is_json(request) else None
        if body is None:
            await self.app(scope, _replay(raw, receive), send)
            return
        try:
            response = await answer_assess(request, body, _INCLUDE[query])
        except Exception as exc:  # answered as FastAPI's route would: by the app's handler for it
            response = await _handler(request, exc)(request, exc)
        await response(scope, receive, send)


async def _body(receive: Receive) -> bytes:
    """The whole body, read straight from the connection as ``Request.body`` would, without its
    generator per chunk (``ClientDisconnect`` if the client goes away first)."""
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            raise ClientDisconnect
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks)


def _is_json(request: Request) -> bool:
    return request.headers.get("content-type", "").partition(";")[0].strip().lower() == "application/json"


def _valid(raw: bytes) -> AssessRequest | None:
    try:
        return AssessRequest.model_validate_json(raw)
    except ValidationError:
        return None


def _replay(raw: bytes, receive: Receive) -> Receive:
    """A ``receive`` that gives the body already read, then whatever the connection says next."""
    replayed = False

    async def replay() -> Message:
        nonlocal replayed
        if replayed:
            return await receive()
        replayed = True
        return {"type": "http.request", "body": raw, "more_body": False}

    return replay


def _handler(request: Request, exc: Exception) -> Callable[[Request, Exception], Awaitable[Response]]:
    """The app's exception handler for ``exc``, found by its class as Starlette's own middleware does.

    There is always one: the app handles ``Exception`` itself (a 500 that names nothing inside).
    """
    handlers = request.app.exception_handlers
    handler: Callable[[Request, Exception], Awaitable[Response]] = next(
        handlers[cls] for cls in type(exc).__mro__ if cls in handlers
    )
    return handler
