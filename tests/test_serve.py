"""``backcare serve`` hands uvicorn the fast HTTP parser and leaves the access log off unless asked."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from typer.testing import CliRunner

from backcare.entrypoints.cli import app


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> Iterator[dict[str, Any]]:
    import uvicorn

    seen: dict[str, Any] = {}
    monkeypatch.setenv("BACKCARE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("BACKCARE_DATABASE_URL", raising=False)
    monkeypatch.setattr(uvicorn, "run", lambda target, **kwargs: seen.update(kwargs, target=target))
    before = dict(os.environ)
    yield seen
    os.environ.clear()  # serve hands its settings to the workers through the environment
    os.environ.update(before)


def test_serve_uses_httptools_without_an_access_log_by_default(started: dict[str, Any]) -> None:
    result = CliRunner().invoke(app, ["serve", "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert started["http"] == "httptools" and started["access_log"] is False and started["port"] == 8123


def test_serve_access_log_on_when_asked(started: dict[str, Any]) -> None:
    result = CliRunner().invoke(app, ["serve", "--access-log"])
    assert result.exit_code == 0, result.output
    assert started["access_log"] is True


def test_serve_loads_the_text_reader_on_the_first_text_unless_asked(started: dict[str, Any]) -> None:
    from backcare.entrypoints.web.settings import Settings

    assert CliRunner().invoke(app, ["serve"]).exit_code == 0
    assert not Settings.from_env().warm_up_text
    assert CliRunner().invoke(app, ["serve", "--warm-up-text"]).exit_code == 0
    assert Settings.from_env().warm_up_text


def test_the_warm_up_reads_no_text_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    from backcare import bootstrap
    from backcare.entrypoints.web import app as web_app

    read: list[str] = []
    monkeypatch.setattr(bootstrap, "read_text", lambda text, *_: read.append(text))
    web_app._warm_up(text=False)
    assert read == []
