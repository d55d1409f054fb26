"""Web settings: one immutable value built from options and the environment.

Every worker process builds the same ``Settings`` from the same environment, so several workers
(or machines behind a load balancer) behave identically and keep no state of their own: sessions,
rate-limit counters and the signing secret all live in the shared database. pydantic-settings
reads the ``BACKCARE_WEB_*`` variables (``BACKCARE_WEB_SESSION_HOURS=8``) for every field not
given as an argument (arguments win), and refuses a value of the wrong type naming the field.
An empty variable counts as unset.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")

ENV_PREFIX = "BACKCARE_WEB_"


class Settings(BaseSettings):
    """What varies between a local single-person app and a multi-user server."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, env_ignore_empty=True, frozen=True)

    multi_user: bool = False
    #: None: the storage default (``BACKCARE_DATABASE_URL`` or the SQLite file in the data directory).
    database_url: str | None = None
    #: Signing secret for CSRF tokens; None: generated once and kept in the database (shared by workers).
    secret_key: str | None = None
    #: Host names the app answers to (DNS-rebinding defence); local mode: loopback names only.
    allowed_hosts: Annotated[tuple[str, ...], NoDecode] = ()
    #: Cookies marked Secure (HTTPS); defaults to on in multi-user mode.
    secure_cookies: bool | None = None
    max_body_bytes: int = 256_000
    #: Sessions end ``session_hours`` after the last request, and at the latest ``session_max_hours`` after login.
    session_hours: int = 12
    session_max_hours: int = 72
    #: Login attempts per account name from one address, and per address, within ``login_window_minutes``.
    login_max_failures: int = 5
    login_max_failures_per_ip: int = 30
    #: Per account name from all addresses: after ``login_max_failures`` attempts each further one waits
    #: ``login_delay_seconds`` longer than the one before, up to ``login_account_ceiling`` attempts.
    login_account_ceiling: int = 100
    login_delay_seconds: int = 1
    login_window_minutes: int = 15
    #: Registrations per address within ``login_window_minutes``; public assessments per address and minute
    #: (multi-user mode).
    register_max_per_ip: int = 10
    assess_max_per_minute: int = 60
    #: Load the knowledge base and build the structured path at start-up so the first request is not slow.
    warm_up: bool = True
    #: Load the free-text reader at start-up too (spaCy, medspaCy, the sentence model: about 200 MB);
    #: off, it loads on the first text (about 3 s once), and a worker that never reads text never holds it.
    warm_up_text: bool = False
    #: Reject requests from non-loopback clients in local mode (defence in depth).
    loopback_only: bool = True
    #: The emergency number the pages offer as a tap-to-call link (999; 112 and 911 are named beside it).
    emergency_number: str = "999"
    #: Shared bearer token of the CDS Hooks service (multi-user mode, ``/cds-services``); None: the service is off.
    cds_token: str | None = None

    @field_validator("allowed_hosts", mode="before")
    @classmethod
    def _split_hosts(cls, value: object) -> object:
        """The environment gives a comma-separated list (``a.example,b.example``), as ``to_env`` writes it."""
        if isinstance(value, str):
            return tuple(host.strip() for host in value.split(",") if host.strip())
        return value

    @property
    def cookies_secure(self) -> bool:
        return self.multi_user if self.secure_cookies is None else self.secure_cookies

    @property
    def hosts(self) -> tuple[str, ...]:
        if self.allowed_hosts:
            return self.allowed_hosts
        return ("*",) if self.multi_user else LOOPBACK_HOSTS

    def to_env(self) -> dict[str, str]:
        """Environment variables that rebuild these settings in a worker process (``from_env``)."""
        out: dict[str, str] = {}
        for name in type(self).model_fields:
            value = getattr(self, name)
            if value is None:
                continue
            if isinstance(value, tuple):
                value = ",".join(value)
            elif isinstance(value, bool):
                value = "1" if value else "0"
            out[ENV_PREFIX + name.upper()] = str(value)
        return out

    @classmethod
    def from_env(cls) -> Settings:
        """Settings from the ``BACKCARE_WEB_*`` variables alone; anything absent keeps its default."""
        return cls()
