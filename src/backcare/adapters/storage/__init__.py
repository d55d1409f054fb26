"""Persistent storage for the diary, assessments and plans (SQLAlchemy 2, Alembic migrations).

Use ``open_store()`` and a unit of work::

    store = open_store()                    # SQLite in the user's data dir, or BACKCARE_DATABASE_URL
    with store.unit_of_work() as uow:
        uow.diary.add_entry(entry)
        uow.commit()

Every unit of work is scoped to one profile (``store.unit_of_work(profile_id=...)``; by default
the local person's profile named "default"). Beside ``uow.diary`` the same transaction holds the
web app's accounts (``uow.accounts``), logged-in sessions (``uow.sessions``), attempt counters
(``uow.limits``) and shared secret (``uow.secrets``), and the CDS Hooks feedback (``uow.feedback``):
one schema, one migration chain. The steps that combine storage with triage and trends are in
``backcare.services.diary``; accounts, logins and sessions in ``backcare.services.accounts``.
"""

from __future__ import annotations

import contextlib
import importlib
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from backcare.adapters.storage.account_repositories import AccountRecord, NameTaken, SessionRecord
    from backcare.adapters.storage.attempt_limits import Refused, Rule, Slot
    from backcare.adapters.storage.diary_repository import DiaryRepository, ImportConflict, ImportSummary
    from backcare.adapters.storage.engine import NoDatabase, StorageError, database_url, describe, sqlite_path
    from backcare.adapters.storage.orm import LOCAL_PROFILE, utc_now
    from backcare.adapters.storage.transfer import AssessmentRecord, ExportDocument, PlanRecord, TransferError
    from backcare.adapters.storage.unit_of_work import Store, UnitOfWork, open_store

#: Where each public name lives. They load on first use (PEP 562), so a command that needs only
#: ``user_timezone``, or only the diary, does not import SQLAlchemy's ORM or the account tables for it.
_HOMES = {
    "account_repositories": ("AccountRecord", "NameTaken", "SessionRecord"),
    "attempt_limits": ("Refused", "Rule", "Slot"),
    "diary_repository": ("DiaryRepository", "ImportConflict", "ImportSummary"),
    "engine": ("NoDatabase", "StorageError", "database_url", "describe", "sqlite_path"),
    "orm": ("LOCAL_PROFILE", "utc_now"),
    "transfer": ("AssessmentRecord", "ExportDocument", "PlanRecord", "TransferError"),
    "unit_of_work": ("Store", "UnitOfWork", "open_store"),
}
_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}


def __getattr__(name: str) -> Any:
    """Import a public name's module when the name is first asked for, and keep the name here."""
    module = _HOME_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "LOCAL_PROFILE",
    "AccountRecord",
    "AssessmentRecord",
    "DiaryRepository",
    "ExportDocument",
    "ImportConflict",
    "ImportSummary",
    "NameTaken",
    "NoDatabase",
    "PlanRecord",
    "Refused",
    "Rule",
    "SessionRecord",
    "Slot",
    "StorageError",
    "Store",
    "TransferError",
    "UnitOfWork",
    "database_url",
    "describe",
    "open_store",
    "sqlite_path",
    "user_timezone",
    "utc_now",
]


def user_timezone(env: Mapping[str, str] | None = None) -> str:
    """The person's IANA time zone: ``BACKCARE_TZ``, ``TZ``, the system zone, else UTC."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    env = os.environ if env is None else env
    candidates = [env.get("BACKCARE_TZ", ""), env.get("TZ", "").lstrip(":")]
    try:
        link = os.readlink("/etc/localtime")
        if "zoneinfo/" in link:
            candidates.append(link.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    with contextlib.suppress(OSError):
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    for name in candidates:
        if not name:
            continue
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            continue
        return name
    return "UTC"
