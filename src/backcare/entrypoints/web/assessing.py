"""``POST /api/v1/assess``'s answer: compact JSON, the plan by reference unless asked for, cached.

The plan is most of a full assessment (a 14-day schedule of about 200 sessions), which a machine
asking for the triage does not need: the default answer leaves it out and says, in ``plan_link``,
how to get it. Answers are memoised per process in a cache bounded in bytes (``response_cache``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Annotated, Any, Literal

from anyio import CapacityLimiter
from fastapi import Query, Request
from pydantic import BaseModel, Field

from backcare.bootstrap import assess
from backcare.core.models import Assessment, ContributorHit, Finding, RedFlagHit, Scores, ToConfirm
from backcare.entrypoints.web.response_cache import RESPONSES
from backcare.knowledge.schema import Disposition


class AssessAnswer(BaseModel):
    """``POST /assess`` without ``?include=plan``: the assessment less its plan, with a link to it."""

    disposition: Disposition
    disposition_text: str
    headline: str
    complete: bool
    in_scope: bool
    unanswered_screening: list[str]
    red_flags: list[RedFlagHit]
    contributors: list[ContributorHit]
    findings: list[Finding]
    scores: Scores
    to_confirm: list[ToConfirm]
    next_questions: list[str]
    messages: list[str]
    knowledge_version: str
    disclaimer: str
    plan_link: str | None = Field(
        description="the same request with ?include=plan gives the full plan; null when out of scope (no plan)"
    )


ASSESS_DOC = """Triage, red flags, likely contributors, findings and readings to confirm; nothing is stored.

The answer is compact JSON without the plan, with `plan_link` saying how to get it: the same request
with `?include=plan` answers the whole assessment with its plan (the document `backcare assess
--format json` prints, without indentation). In multi-user mode it needs no login, so it is limited
per address instead.
"""


Include = Annotated[Literal["plan"] | None, Query(description="plan: answer with the full plan")]
PLAN_LINK = "/api/v1/assess?include=plan"
"""Where the full plan is: the same request again with ``?include=plan`` (nothing is stored)."""
PLAN_LINK_JSON = json.dumps(PLAN_LINK).encode()


_SHELL = set(AssessAnswer.model_fields) - {"findings", "plan_link"}
"""The assessment's fields that the compact answer serialises as one: all but the plan and the findings."""


def assessment_answer(result: Assessment, include_plan: bool) -> bytes:
    """The API's compact JSON: the whole assessment, or without the plan and with a link to it.

    The plan is 95 % of a full document (a 14-day schedule of about 200 sessions), which a
    machine asking for the triage does not need; ``plan_link`` says how to get it. The findings,
    most of the rest, are joined from each finding's own JSON (``Finding.json_bytes``, made once).
    """
    if include_plan:
        return result.model_dump_json().encode()
    shell = result.__pydantic_serializer__.to_json(result, include=_SHELL)
    findings = b",".join([finding.json_bytes for finding in result.findings])
    link = PLAN_LINK_JSON if result.in_scope else b"null"  # out of scope: no plan to link to
    return b"".join((shell[:-1], b',"findings":[', findings, b'],"plan_link":', link, b"}"))


def assessment_json(
    text: str | None, answers: Mapping[str, Any] | None, today: dt.date, include_plan: bool = True
) -> tuple[bytes, bool]:
    """The API's answer for this input (see ``assessment_answer``) and whether it came from the cache.

    ``assess`` is a pure function of its input, the date and the packaged knowledge base, so
    answers are memoised per process in a cache bounded in bytes (``BACKCARE_RESPONSE_CACHE_BYTES``,
    0 turns it off): a repeated question is answered without recomputing.
    """

    def answer() -> bytes:
        result = assess(answers=dict(answers or {}), text=text, today=today, with_plan=include_plan)
        return assessment_answer(result, include_plan)

    if not RESPONSES.limit:  # the cache is off: no key to build
        return answer(), False
    key = (text, json.dumps(answers or {}, sort_keys=True, separators=(",", ":")), today, include_plan)
    cached = RESPONSES.get(key)
    if cached is not None:
        return cached, True
    data = answer()
    RESPONSES.put(key, data, key_bytes=len(key[0] or "") + len(key[1]))
    return data, False


def text_limiter(request: Request) -> CapacityLimiter:
    """One thread per worker for free text: 40 threads on the same texts doubled the CPU per text.

    Kept on the app, so it belongs to the event loop that serves it.
    """
    limiter = getattr(request.app.state, "text_limiter", None)
    if limiter is None:
        limiter = request.app.state.text_limiter = CapacityLimiter(1)
    return limiter
