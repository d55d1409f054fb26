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


def test_each_disposition_is_worded_once_for_every_front_end():
    from backcare.adapters.report import STYLE, to_markdown
    from backcare.bootstrap import knowledge
    from backcare.core.wording import DISPOSITION_TEXT, DISPOSITIONS, people_headline
    from backcare.entrypoints.web.page_parts import LOOKS, banner
    from backcare.knowledge.schema import Disposition

    assert set(DISPOSITIONS) == set(STYLE) == set(LOOKS) == set(Disposition)
    result = assess(answers={"saddle_numbness": True}, today=dt.date(2026, 11, 22))
    words = DISPOSITIONS[result.disposition]
    assert result.disposition_text == DISPOSITION_TEXT[result.disposition] == words.text
    assert people_headline(result)[0] == words.banner
    assert to_markdown(result, knowledge()).startswith(f"# backcare assessment: {words.banner}")
    shown = banner(result)
    assert (shown.label, shown.title) == (words.label, words.title)


def test_because_you_said_quotes_the_person_or_asks_the_question_with_the_answer():
    from backcare.bootstrap import knowledge
    from backcare.core.models import Finding
    from backcare.core.wording import because, finding_label

    kb = knowledge()
    said = {
        "fever": Finding(id="fever", status="present", value=True),
        "saddle_numbness": Finding(id="saddle_numbness", status="present", value=True, evidence="numb down there"),
    }
    reasons = because(["saddle_numbness", "fever", "no_such_finding"], said, kb)
    assert reasons == ["“numb down there”", f"{kb.findings['fever'].question} yes", "no such finding"]
    assert finding_label(said["fever"], kb) == reasons[1]
