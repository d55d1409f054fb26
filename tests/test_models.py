"""The public data shapes read back what earlier versions saved."""

import datetime as dt
import json

from backcare import assess
from backcare.core.models import Assessment


def test_an_assessment_saved_before_headlines_and_to_confirm_reads_back():
    saved = json.loads(assess(answers={"trigger_lifting": True}, today=dt.date(2026, 11, 22)).to_json())
    del saved["headline"]
    del saved["to_confirm"]
    restored = Assessment.model_validate(saved)
    assert restored.headline == restored.disposition_text
    assert restored.to_confirm == []
