"""Security mechanics of the web layer: headers, request limits, sessions, CSRF, passwords, login limits.

Nothing here is kept in process memory between requests: sessions and failed-login counters are
rows in the shared database and CSRF tokens are an HMAC of the session cookie under a secret
that is also stored there, so any worker on any machine can check any request. The Host header
check is Starlette's ``TrustedHostMiddleware``.

CSRF stays our own (``csrf_token_for``, checked in ``auth``): starlette-csrf takes the token from a
header only, so the pages' plain HTML forms (they work without JavaScript; htmx only enhances
them) could not send it, and it has had no release since 2023; asgi-csrf accepts a form field but
keeps a random token in a cookie of its own, not bound to the session, so a login (which replaces
the session) would not replace the token. Ours is an HMAC of the session cookie: one cookie, and a
new session always means a new token.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import json
import logging
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.responses import JSONResponse

from backcare.entrypoints.web.settings import Settings

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

#: Strict policy: only this origin's scripts, styles and images; no inline code, no framing.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; "
    "manifest-src 'self'"
)
BASE_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
)


class ErrorJSON(JSONResponse):
    """Error bodies as ASCII JSON: an echoed field name can never break the encoding."""

    def render(self, content: object) -> bytes:
        return json.dumps(content, ensure_ascii=True, separators=(",", ":")).encode()


def cookie_name(settings: Settings) -> str:
    """``__Host-`` prefixed when Secure, so no subdomain or plain-HTTP page can set it."""
    return "__Host-backcare" if settings.cookies_secure else "backcare_sid"


def new_token() -> str:
    return secrets.token_urlsafe(32)


def csrf_token_for(sid: str, secret: str) -> str:
    """The CSRF token of a session cookie: an HMAC, so it cannot be guessed without the secret."""
    digest = hmac.new(secret.encode(), b"csrf|" + sid.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def csrf_valid(sid: str | None, token: str | None, secret: str) -> bool:
    """Compared as bytes: ``compare_digest`` refuses non-ASCII text, and any token may arrive."""
    if not sid or not token:
        return False
    return hmac.compare_digest(csrf_token_for(sid, secret).encode(), token.encode("utf-8", "replace"))


# --- ASGI middleware -------------------------------------------------------------------------------


def _is_loopback(host: str | None) -> bool:
    if host is None:
        return False
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def _host_patterns(hosts: tuple[str, ...]) -> list[str]:
    """Host names as ``TrustedHostMiddleware`` matches them: an IPv6 literal in brackets, as in a Host header."""
    return [f"[{host}]" if ":" in host and not host.startswith("[") else host for host in hosts]


def _same_origin(origin: str, host_header: str, scheme: str) -> bool:
    """Whether an Origin names this site. "null" (a sandboxed frame, a cross-site redirect, a local
    file) never does, and an https page is not changed from plain http. (An http Origin to an
    https app is left alone: a TLS-terminating proxy may not pass the scheme on.)"""
    if origin == "null" or "://" not in origin:
        return False
    origin_scheme, netloc = origin.split("://", 1)
    if scheme == "https" and origin_scheme.lower() != "https":
        return False
    return netloc.rstrip("/").lower() == host_header.strip().lower()


class SecurityMiddleware:
    """Pure ASGI middleware: host and origin checks, body size limit, security headers, session cookie.

    Runs on every request (pages, API, static files), so the checks cannot be forgotten by a route.
    """

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        # Starlette's check of the Host header (DNS-rebinding defence) runs inside this one, so its
        # 400 answer gets the same security headers; it lets any host through for ``*``.
        self.app: ASGIApp = TrustedHostMiddleware(app, allowed_hosts=_host_patterns(settings.hosts), www_redirect=False)
        self.settings = settings
        self.cookie = cookie_name(settings)
        self.headers = list(BASE_HEADERS)
        if not settings.multi_user and "*" in settings.allowed_hosts:
            logging.getLogger("backcare.entrypoints.web").warning(
                "--allowed-host '*' turns off the DNS-rebinding check: any web site the browser visits "
                "can then reach this local app through a host name of its own"
            )
        if settings.cookies_secure:
            self.headers.append((b"strict-transport-security", b"max-age=31536000; includeSubDomains"))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        path: str = scope.get("path", "")
        is_api = path.startswith("/api/")
        limit = self.settings.max_body_bytes
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            await self._reject(send, *refusal, is_api)
            return

        state = scope.setdefault("state", {})
        cookie_header = headers.get("cookie")
        state["sid"] = _read_cookie(cookie_header, self.cookie) if cookie_header else None
        state["sid_changed"] = False
        received = 0
        too_large = replaced = False

        async def limited_receive() -> Message:
            nonlocal received, too_large
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    too_large = True
                    raise BodyTooLarge
            return message

        async def send_with_headers(message: Message) -> None:
            nonlocal replaced
            if replaced:
                return
            if too_large and message["type"] == "http.response.start":
                # A body parser turned the overflow into its own 400: answer what it is, 413.
                replaced = True
                await self._reject(send, 413, f"request body larger than {limit} bytes", "body", is_api)
                return
            if message["type"] == "http.response.start":
                out = list(message.get("headers", []))
                present = {k.lower() for k, _ in out}
                out.extend((k, v) for k, v in self.headers if k not in present)
                if b"cache-control" not in present and not path.startswith("/static/"):
                    out.append((b"cache-control", b"no-store"))
                if state.get("sid_changed"):
                    out.append((b"set-cookie", self._cookie_header(state.get("sid"), state.get("sid_max_age"))))
                message["headers"] = out
            await send(message)

        try:
            await self.app(scope, limited_receive, send_with_headers)
        except BodyTooLarge:
            await self._reject(send, 413, f"request body larger than {limit} bytes", "body", is_api)

    def _refusal(self, scope: Scope, headers: dict[str, str]) -> tuple[int, str, str] | None:
        """Why a request is refused before the app sees it (status, message, field), or None."""
        client = scope.get("client")
        if not self.settings.multi_user and self.settings.loopback_only and not _is_loopback(client and client[0]):
            return 403, "this local backcare app only answers on this computer", "client"
        if scope.get("method", "GET") in UNSAFE_METHODS:
            origin = headers.get("origin")
            same = origin is None or _same_origin(origin, headers.get("host", ""), scope.get("scheme", "http"))
            if not same or headers.get("sec-fetch-site") in ("cross-site", "same-site"):
                return 403, "cross-site request refused", "origin"
        limit = self.settings.max_body_bytes
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > limit):
            return 413, f"request body larger than {limit} bytes", "body"
        return None

    def _cookie_header(self, sid: str | None, max_age: int | None) -> bytes:
        parts = [f"{self.cookie}={sid or ''}", "Path=/", "HttpOnly", "SameSite=Lax"]
        if self.settings.cookies_secure:
            parts.append("Secure")
        if not sid:
            parts.append("Max-Age=0")
        elif max_age:
            parts.append(f"Max-Age={max_age}")
        return "; ".join(parts).encode()

    async def _reject(self, send: Send, status: int, message: str, field: str, is_api: bool) -> None:
        if is_api:
            body = json.dumps({"message": message, "field": field}).encode()
            ctype = b"application/json"
        else:
            body = f"<!doctype html><title>backcare</title><p>{message}.</p>".encode()
            ctype = b"text/html; charset=utf-8"
        headers = [(b"content-type", ctype), (b"content-length", str(len(body)).encode()), *self.headers]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


class BodyTooLarge(Exception):
    """A streamed body went over the limit (no or a false Content-Length)."""


def _read_cookie(header: str, name: str) -> str | None:
    for part in header.split(";"):
        key, _, value = part.strip().partition("=")
        if key == name and value and len(value) <= 128:
            return value
    return None
