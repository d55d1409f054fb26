"""The app factory: ``create_app(settings)`` wires the store, the middleware, the routers and the error pages.

``create_app_from_env`` is what ``backcare serve`` hands to uvicorn, so every worker process
rebuilds identical settings from the environment and shares only the database.
"""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from backcare import __version__
from backcare.adapters.storage import StorageError, open_store
from backcare.core.answers import AnswerError
from backcare.entrypoints.web.auth import Context, CSRFError, NotAuthenticated
from backcare.entrypoints.web.security import ErrorJSON, SecurityMiddleware
from backcare.entrypoints.web.settings import Settings
from backcare.services import accounts

log = logging.getLogger("backcare.entrypoints.web")
STATIC = Path(__file__).parent / "static"

DESCRIPTION = (
    "backcare's JSON API. `POST /assess` answers exactly what `backcare assess --format json` prints. "
    'Errors are `{"message", "field"}`. In multi-user mode, log in through `/auth/login` (a session '
    "cookie) and send the returned `csrf_token` as the `X-CSRF-Token` header on POST, PUT and DELETE. "
    "backcare gives information and triage advice, not a diagnosis or a prescription."
)


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/healthz"


_UNION_TAG = re.compile(r"^(bool|int|float|str|none|[a-z_-]+\[.*\]|constrained-.*|function-.*)$")


def _field(loc: Sequence[int | str]) -> str:
    """The offending field as a dotted path, without pydantic's union-member tags (``bool``, ``list[str]``)."""
    parts: list[str] = []
    for i, part in enumerate(loc):
        if i == 0 and part in ("body", "query", "path", "header", "cookie"):
            continue
        if isinstance(part, str) and _UNION_TAG.match(part) and parts:
            break
        parts.append(str(part))
    return ".".join(parts) or "body"


def _allowed_methods(request: Request) -> list[str]:
    from starlette.routing import Match, Route

    methods: set[str] = set()
    for route in request.app.routes:
        if isinstance(route, Route) and route.methods and route.matches(request.scope)[0] != Match.NONE:
            methods |= route.methods
    return sorted(methods)


def _page_error(request: Request, status: int, message: str) -> Response:
    from backcare.entrypoints.web.pages import render

    try:
        return render(request, "error.html", status, message=message)
    except Exception:  # the error page itself failed (e.g. the database is down): plain text
        return Response(message, status_code=status, media_type="text/plain; charset=utf-8")


def _install_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = exc.errors()
        first = errors[0] if errors else {"loc": ("body",), "msg": "invalid request"}
        field = _field(first.get("loc", ()))
        message = f"{field}: {first.get('msg', 'invalid')}"
        if _is_api(request):
            return ErrorJSON({"message": message, "field": field}, status_code=422)
        return _page_error(request, 400, message)

    @app.exception_handler(AnswerError)
    async def _answer(request: Request, exc: AnswerError) -> Response:
        if _is_api(request):
            field = exc.field if exc.field in ("text", "answers") else f"answers.{exc.field}"
            return ErrorJSON({"message": str(exc), "field": field}, status_code=422)
        return _page_error(request, 400, str(exc))

    @app.exception_handler(NotAuthenticated)
    async def _login(request: Request, exc: NotAuthenticated) -> Response:
        if _is_api(request):
            return ErrorJSON({"message": "log in first (POST /api/v1/auth/login)", "field": None}, status_code=401)
        from urllib.parse import quote

        return RedirectResponse(f"/login?next={quote(request.url.path)}", status_code=303)

    @app.exception_handler(CSRFError)
    async def _csrf(request: Request, exc: CSRFError) -> Response:
        message = "missing or wrong CSRF token; reload the page and try again"
        if _is_api(request):
            return ErrorJSON({"message": message, "field": "X-CSRF-Token"}, status_code=403)
        return _page_error(
            request, 403, "This form has expired or did not come from backcare. Reload the page and try again."
        )

    @app.exception_handler(StorageError)
    async def _storage(request: Request, exc: StorageError) -> Response:
        log.error("storage error: %s", exc)
        if _is_api(request):
            return ErrorJSON({"message": "the database is not available", "field": None}, status_code=503)
        return _page_error(request, 503, "The database is not available right now.")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        headers = dict(exc.headers or {})
        if exc.status_code == 405:  # every method the path takes, not only the first route's
            headers["Allow"] = ", ".join(_allowed_methods(request))
        if _is_api(request):
            return ErrorJSON({"message": str(exc.detail), "field": None}, status_code=exc.status_code, headers=headers)
        return _page_error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        if _is_api(request):
            return ErrorJSON({"message": "internal error", "field": None}, status_code=500)
        return Response("Something went wrong in backcare.", status_code=500, media_type="text/plain; charset=utf-8")


def create_app(settings: Settings | None = None) -> FastAPI:
    """A ready app: the store is opened (and migrated) now, so a bad database fails at start-up."""
    from backcare.entrypoints.web import account, api, diary_api, pages

    settings = settings or Settings()
    store = open_store(settings.database_url)
    ctx = Context(settings=settings, store=store, secret=accounts.load_secret(store, settings.secret_key))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if settings.warm_up:
            _warm_up(settings.warm_up_text)
        try:
            yield
        finally:
            store.close()

    app = FastAPI(
        title="backcare",
        version=__version__,
        description=DESCRIPTION,
        openapi_url="/api/v1/openapi.json",
        docs_url=None,  # Swagger UI would load scripts from a CDN; the document itself is served
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.ctx = ctx
    _refine_openapi(app)
    _install_handlers(app)
    from backcare.entrypoints.web import failures

    failures.install(app)  # database unavailable: 503 + Retry-After; input nested too deeply: 400
    app.include_router(api.health_router)
    app.include_router(api.router)
    app.include_router(diary_api.router)
    app.include_router(pages.router)
    app.include_router(account.router)
    from backcare.entrypoints.web.interop import install as install_interop  # FHIR export/import, CDS Hooks

    install_interop(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    from backcare.entrypoints.web.fast_path import AssessFastPath

    app.add_middleware(AssessFastPath)  # inside the security middleware (the last added is the outermost)
    app.add_middleware(SecurityMiddleware, settings=settings)
    return app


def _refine_openapi(app: FastAPI) -> None:
    """Generate the OpenAPI document once, with each finding id typed from the knowledge base."""
    from backcare.bootstrap import knowledge
    from backcare.entrypoints.web.openapi import refine

    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = refine(generate(), knowledge())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _warm_up(text: bool) -> None:
    """Load the knowledge base and build the structured path before the first request instead of during it.

    The free-text reader loads on the first text (about 3 s once) unless ``text`` asks for it now.
    """
    import datetime as dt

    from backcare.bootstrap import assess

    try:
        assess(answers={"fever": False}, today=dt.date.today())
        if text:
            from backcare.adapters.language.pipeline import compile_all

            assess(text="my back hurts", today=dt.date.today())
            compile_all()
    except Exception:  # warm-up is an optimisation only
        log.warning("warm-up failed", exc_info=True)


def create_app_from_env() -> FastAPI:
    """Factory for uvicorn (``--factory``): settings from ``BACKCARE_WEB_*`` variables."""
    return create_app(Settings.from_env())
