"""Limits and checks that keep an imported file from harming the reader or the database later.

A file is checked by size before it is read, by nesting depth before it is parsed, and every
stored field that the app later renders (assessment outputs, plans, time zones) is validated with
the same models the API uses, so an accepted file can never make a page fail.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

#: Deeper than any document backcare writes (assessment outputs nest 5 levels inside 3 of the file).
MAX_DEPTH = 32
#: Per stored assessment: its inputs (text up to 20,000 characters and up to 300 answers) and its
#: outputs (an assessment with its plan, about 60 kB).
MAX_INPUTS_CHARS = 256_000
MAX_OUTPUTS_CHARS = 2_000_000
#: A JSON string (skipped whole, so brackets inside it do not count) or a bracket.
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]', re.DOTALL)


class TooLarge(ValueError):
    """A file over the size limit (found before reading it, or while reading a stream)."""


def read_bounded(path: Path, limit: int) -> bytes:
    """At most ``limit`` bytes of a file: a regular file's size is checked before reading anything,
    and a device or pipe (``/dev/zero``) is never read past ``limit``. ``OSError`` when unreadable."""
    with path.open("rb") as fh:
        info = os.fstat(fh.fileno())
        if stat.S_ISREG(info.st_mode) and info.st_size > limit:
            raise TooLarge(f"larger than {limit // 1_000_000} MB")
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(f"larger than {limit // 1_000_000} MB")
    return data


def too_deep(text: str, limit: int = MAX_DEPTH) -> int | None:
    """The index where JSON text first nests deeper than ``limit`` (None when it does not).

    Strings are skipped whole so brackets inside them do not count; the parser itself would
    otherwise recurse until the interpreter's stack limit.
    """
    depth = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > limit:
                return match.start()
        elif token in "]}":
            depth -= 1
    return None


@lru_cache(maxsize=1)
def _zones() -> frozenset[str]:
    import zoneinfo

    return frozenset(zoneinfo.available_timezones())


def valid_timezone(name: str) -> bool:
    """An IANA zone name that loads: not a directory of the tz database (``America``), not a file
    that is no zone (``zone.tab``), not a path."""
    if not name or len(name) > 64 or (name not in _zones() and name != "UTC"):
        return False
    import zoneinfo

    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


class _Stored(Protocol):
    timezone: str


def _zone_problems(kind: str, records: Iterable[_Stored]) -> list[tuple[tuple[str | int, ...], str]]:
    return [
        ((kind, i, "timezone"), f"unknown time zone {r.timezone!r}")
        for i, r in enumerate(records)
        if not valid_timezone(r.timezone)
    ]


def _size(value: Mapping[str, Any]) -> int:
    import json

    return len(json.dumps(value, separators=(",", ":"), default=str))


def document_problems(doc: Any) -> list[tuple[tuple[str | int, ...], str]]:
    """Stored fields the app renders later: time zones, assessment outputs and plans (API models)."""
    from pydantic import ValidationError

    from backcare.core.models import Assessment, Plan

    problems: list[tuple[tuple[str | int, ...], str]] = []
    if doc.profile is not None and not valid_timezone(doc.profile.timezone):
        problems.append((("profile", "timezone"), f"unknown time zone {doc.profile.timezone!r}"))
    for kind in ("episodes", "assessments", "plans"):  # entries: ``Checks.entry`` (CSV too)
        problems += _zone_problems(kind, getattr(doc, kind))
    for i, a in enumerate(doc.assessments):
        if _size(a.inputs) > MAX_INPUTS_CHARS or _size(a.outputs) > MAX_OUTPUTS_CHARS:
            problems.append((("assessments", i), "inputs or outputs larger than any assessment"))
            continue
        try:
            result = Assessment.model_validate(a.outputs)
        except ValidationError as exc:
            problems.append((("assessments", i, "outputs"), f"not an assessment ({_first(exc)})"))
            continue
        if result.disposition != a.disposition:
            problems.append((("assessments", i, "disposition"), "differs from the disposition in its outputs"))
    for i, p in enumerate(doc.plans):
        if _size(p.content) > MAX_OUTPUTS_CHARS:
            problems.append((("plans", i), "larger than any plan"))
            continue
        try:
            Plan.model_validate(p.content)
        except ValidationError as exc:
            problems.append((("plans", i, "content"), f"not a plan ({_first(exc)})"))
    return problems


def _first(exc: Any) -> str:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err["loc"])
    return f"{where}: {err['msg']}" if where else str(err["msg"])
