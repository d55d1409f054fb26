"""Web settings from ``BACKCARE_WEB_*`` variables: what ``backcare serve`` hands its workers."""

from __future__ import annotations

import pydantic
import pytest

from backcare.entrypoints.web.settings import Settings


def test_workers_rebuild_the_same_settings_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    chosen = Settings(multi_user=True, allowed_hosts=("a.example", "b.example"), session_hours=8, cds_token="t")
    for name, value in chosen.to_env().items():
        monkeypatch.setenv(name, value)
    assert Settings.from_env() == chosen
    assert chosen.to_env()["BACKCARE_WEB_ALLOWED_HOSTS"] == "a.example,b.example"
    assert chosen.to_env()["BACKCARE_WEB_MULTI_USER"] == "1"


def test_absent_and_empty_variables_keep_the_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BACKCARE_WEB_SECURE_COOKIES", "")
    monkeypatch.setenv("BACKCARE_WEB_ALLOWED_HOSTS", " x.example , ,y.example")
    settings = Settings.from_env()
    assert settings.secure_cookies is None and settings.session_hours == 12
    assert settings.allowed_hosts == ("x.example", "y.example")
    assert Settings().hosts == ("x.example", "y.example")


def test_a_value_of_the_wrong_type_is_refused_naming_the_field(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BACKCARE_WEB_SESSION_HOURS", "twelve")
    with pytest.raises(pydantic.ValidationError, match="session_hours"):
        Settings.from_env()


def test_arguments_win_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BACKCARE_WEB_MULTI_USER", "1")
    assert Settings(multi_user=False).multi_user is False
    assert Settings().cookies_secure is True
