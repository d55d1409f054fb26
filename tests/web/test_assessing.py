"""``POST /assess``'s compact answer: the assessment less its plan, joined from each finding's own JSON."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from backcare.bootstrap import assess
from backcare.core.models import Assessment, Finding, yes_no_finding
from backcare.entrypoints.web.assessing import PLAN_LINK, assessment_answer

TODAY = dt.date(2026, 11, 22)
STRUCTURED = Path(__file__).parents[2] / "vignettes" / "structured"
CASES = [case for path in sorted(STRUCTURED.glob("*.yaml")) for case in yaml.safe_load(path.read_text())]


def _expected(result: Assessment) -> dict[str, Any]:
    whole = json.loads(result.model_dump_json())
    whole.pop("plan")
    return {**whole, "plan_link": PLAN_LINK if result.in_scope else None}


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_the_compact_answer_is_the_whole_assessment_less_its_plan(case: dict[str, Any]) -> None:
    result = assess(answers=case["answers"], today=TODAY, with_plan=False)
    assert json.loads(assessment_answer(result, include_plan=False)) == _expected(result)


def test_findings_read_from_text_keep_their_words_exactly() -> None:
    result = assess(answers={"fever": False}, today=TODAY, with_plan=False)
    said = Finding(id="saddle_numbness", status="possible", value=True, evidence='"numb" \\ down there, ça', source="text")
    shown = result.model_copy(update={"findings": [said, *result.findings]})
    answer = json.loads(assessment_answer(shown, include_plan=False))
    assert answer == _expected(shown) and answer["findings"][0]["evidence"] == '"numb" \\ down there, ça'


def test_out_of_scope_links_to_no_plan() -> None:
    result = assess(answers={"back_pain": False}, today=TODAY, with_plan=False)
    assert not result.in_scope
    assert json.loads(assessment_answer(result, include_plan=False)) == _expected(result)


def test_a_findings_json_is_its_own_and_a_copy_makes_its_own() -> None:
    shared = yes_no_finding("fever", "absent")
    assert json.loads(shared.json_bytes) == json.loads(shared.model_dump_json())
    changed = shared.model_copy(update={"status": "present", "value": True})
    assert json.loads(changed.json_bytes) == {**json.loads(shared.json_bytes), "status": "present", "value": True}
