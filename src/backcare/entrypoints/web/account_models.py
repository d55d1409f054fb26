"""The JSON bodies of the account calls (multi-user mode): what the OpenAPI document shows for them."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Credentials(BaseModel):
    model_config = ConfigDict(extra="forbid")

    username: str = Field(min_length=1, max_length=200)
    password: str = Field(min_length=1, max_length=4096)


class Registration(Credentials):
    timezone: str = Field(
        "UTC",
        min_length=1,
        max_length=64,
        pattern=r"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+)*$",
        description="an IANA time zone name such as Europe/London",
    )


class SessionInfo(BaseModel):
    username: str | None
    csrf_token: str = Field(description="send it as the X-CSRF-Token header on POST, PUT and DELETE")
