"""Request dependencies: who is asking (local person or account), CSRF checks, the shared context.

Local mode has one person and no login; multi-user mode resolves the session cookie to an
account on every request (from the database, so any worker can answer).
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request
from starlette.datastructures import FormData

from backcare.adapters.storage import Store
from backcare.entrypoints.web.security import (
    CSRF_FIELD,
    CSRF_HEADER,
    UNSAFE_METHODS,
    csrf_token_for,
    csrf_valid,
    new_token,
)
from backcare.entrypoints.web.settings import Settings
from backcare.services import accounts
from backcare.services.accounts import Principal


@dataclass
class Context:
    """What every request shares: settings, the open store and the signing secret (from the database)."""

    settings: Settings
    store: Store
    secret: str
    local: Principal | None = None
    #: (monotonic time, ok) of the last database check behind /healthz.
    health: tuple[float, bool] = (float("-inf"), False)


class NotAuthenticated(Exception):
    """No valid session (multi-user mode): pages redirect to the login form, the API answers 401."""


class CSRFError(Exception):
    """A state-changing request without the right CSRF token."""


def context(request: Request) -> Context:
    ctx: Context = request.app.state.ctx
    return ctx


def store(request: Request) -> Store:
    return context(request).store


def session_id(request: Request) -> str | None:
    sid = request.state.sid if hasattr(request.state, "sid") else None
    return sid if isinstance(sid, str) else None


def ensure_session_id(request: Request) -> str:
    """The browser's session cookie value, issuing a fresh one (set by the middleware) if it has none."""
    sid = session_id(request)
    if sid is None:
        sid = new_token()
        request.state.sid = sid
        request.state.sid_changed = True
    return sid


def rotate_session(request: Request, max_age: int | None = None) -> str:
    """A new cookie value on login and logout, so a planted cookie never becomes a logged-in one."""
    sid = new_token()
    request.state.sid = sid
    request.state.sid_changed = True
    request.state.sid_max_age = max_age
    return sid


def csrf_token(request: Request) -> str:
    return csrf_token_for(ensure_session_id(request), context(request).secret)


def current(request: Request) -> Principal | None:
    """The principal, or None when not logged in (multi-user mode)."""
    cached = getattr(request.state, "principal", None)
    if isinstance(cached, Principal):
        return cached
    ctx = context(request)
    who: Principal | None
    if not ctx.settings.multi_user:
        if ctx.local is None:
            from backcare.adapters.storage import user_timezone

            ctx.local = accounts.local_principal(ctx.store, user_timezone())
        who = ctx.local
    else:
        settings = ctx.settings
        who = accounts.session_principal(
            ctx.store, session_id(request), settings.session_hours, settings.session_max_hours
        )
    request.state.principal = who
    return who


def principal(request: Request) -> Principal:
    """Pages and API calls that touch records: the principal, else NotAuthenticated."""
    who = current(request)
    if who is None:
        raise NotAuthenticated
    return who


def api_principal(request: Request) -> Principal:
    """API calls: in multi-user mode a session cookie, and for changes the X-CSRF-Token header."""
    who = principal(request)
    ctx = context(request)
    if (
        ctx.settings.multi_user
        and request.method in UNSAFE_METHODS
        and not csrf_valid(session_id(request), request.headers.get(CSRF_HEADER), ctx.secret)
    ):
        raise CSRFError
    return who


async def checked_form(request: Request) -> FormData:
    """The submitted form, after checking its CSRF token against the session cookie."""
    form = await request.form(max_files=0, max_fields=600)
    token = form.get(CSRF_FIELD) or request.headers.get(CSRF_HEADER)
    if not csrf_valid(session_id(request), token if isinstance(token, str) else None, context(request).secret):
        raise CSRFError
    return form
