"""Account pages: register, log in, log out (multi-user mode), and the person's export and deletion (both modes)."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import FormData

from backcare.adapters.storage import Store
from backcare.adapters.storage.safety import valid_timezone
from backcare.entrypoints.web.auth import checked_form, context, principal, rotate_session, session_id, store
from backcare.entrypoints.web.pages import _redirect, render
from backcare.services import accounts, exports
from backcare.services.accounts import AccountError, Principal, RateLimited

router = APIRouter(include_in_schema=False)
Who = Annotated[Principal, Depends(principal)]
Form = Annotated[FormData, Depends(checked_form)]
StoreDep = Annotated[Store, Depends(store)]


def _text(form: FormData, name: str, limit: int = 4096) -> str:
    value = form.get(name)
    return value[:limit] if isinstance(value, str) else ""


#: A same-site path in plain URL characters: no scheme or host, no "//" or "/\\" start, no white space
#: or control characters (a browser drops a TAB, turning "/\t/evil" into "//evil"), nothing a response
#: header cannot carry.
SAFE_NEXT = re.compile(r"^/(?![/\\])[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*$")


def _safe_next(url: str) -> str:
    """Only same-site paths after login (no open redirect, safe in a Location or HX-Redirect header)."""
    return url if SAFE_NEXT.fullmatch(url) else "/"


def _multi_only(request: Request) -> HTMLResponse | None:
    if not context(request).settings.multi_user:
        return render(request, "error.html", 404, message="This backcare runs for one person; there is no login.")
    return None


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str = "/") -> HTMLResponse:
    return _multi_only(request) or render(request, "login.html", next=_safe_next(next))


@router.post("/login", response_class=HTMLResponse)
def login(request: Request, form: Form, st: StoreDep) -> Response:
    if (refused := _multi_only(request)) is not None:
        return refused
    ctx = context(request)
    username, password = _text(form, "username", 200), _text(form, "password")
    target = _safe_next(_text(form, "next", 500))
    try:
        who = accounts.check_login(st, ctx.settings, username, password, client_address(request))
    except RateLimited as exc:
        response = render(request, "login.html", 429, next=target, username=username, error=str(exc))
        response.headers["Retry-After"] = str(exc.retry_after)
        return response
    if who is None:
        return render(request, "login.html", 400, next=target, username=username, error="Wrong name or password.")
    start(request, who)
    return _redirect(request, target)


def start(request: Request, who: Principal) -> None:
    """Begin a logged-in session under a brand-new cookie value (session fixation defence)."""
    ctx = context(request)
    accounts.end_session(ctx.store, session_id(request))
    token = rotate_session(request, max_age=ctx.settings.session_hours * 3600)
    accounts.start_session(ctx.store, who, token, ctx.settings.session_hours)
    request.state.principal = who


@router.get("/register", response_class=HTMLResponse)
def register_form(request: Request) -> HTMLResponse:
    return _multi_only(request) or render(request, "register.html")


@router.post("/register", response_class=HTMLResponse)
def register(request: Request, form: Form, st: StoreDep) -> Response:
    if (refused := _multi_only(request)) is not None:
        return refused
    username, password = _text(form, "username", 200), _text(form, "password")
    timezone = _text(form, "timezone", 64).strip() or "UTC"
    values = {"username": username, "timezone": timezone}
    if password != _text(form, "password2"):
        return render(request, "register.html", 400, error=("password2", "The two passwords differ."), **values)
    if not valid_timezone(timezone):
        return render(request, "register.html", 400, error=("timezone", "Unknown time zone."), **values)
    try:
        accounts.limit_registration(st, context(request).settings, client_address(request))
    except RateLimited as exc:
        response = render(request, "register.html", 429, error=("username", str(exc)), **values)
        response.headers["Retry-After"] = str(exc.retry_after)
        return response
    try:
        who = accounts.create_account(st, username, password, timezone)
    except AccountError as exc:
        return render(request, "register.html", 400, error=(exc.field, str(exc)), **values)
    start(request, who)
    return _redirect(request, "/")


@router.post("/logout")
def logout(request: Request, form: Form) -> Response:
    accounts.end_session(context(request).store, session_id(request))
    rotate_session(request)
    request.state.principal = None
    return _redirect(request, "/")


@router.get("/account", response_class=HTMLResponse)
def account(request: Request, who: Who) -> HTMLResponse:
    return render(request, "account.html")


@router.get("/account/export.json")
def account_export(who: Who, st: StoreDep) -> Response:
    return Response(
        exports.export_json(st, who.profile_id),
        media_type="application/json",
        headers={"Content-Disposition": 'attachment; filename="backcare-export.json"'},
    )


@router.post("/account/delete", response_class=HTMLResponse)
def account_delete(request: Request, who: Who, form: Form, st: StoreDep) -> Response:
    if _text(form, "confirm").strip().lower() != "delete":
        return render(request, "account.html", 400, error="Type delete in the box to confirm.")
    accounts.delete_account(st, who)
    if who.account_id:
        rotate_session(request)
    request.state.principal = None
    return render(request, "deleted.html", multi=who.account_id is not None)
