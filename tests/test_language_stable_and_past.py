"""Round 14 of the reading: both-legs symptoms told as stable for years, symptoms long past and
over, whose report a text is ("Mine came on...", "me uncle"), irregular tightenings in pregnancy,
and a carer's report that the sentence model reads as someone else's."""

from __future__ import annotations

import datetime as dt

import pytest

from backcare.adapters.learned.merge import ModelReading
from backcare.adapters.learned.reading import _stable_asked
from backcare.bootstrap import knowledge, read_text
from backcare.core.models import Finding
from text_reading import ReadOn

TODAY = dt.date(2026, 10, 15)
READ = ReadOn(TODAY)
KB = knowledge()

STENOSIS = "Both legs ache and tingle when I walk far and ease when I sit, same as they have for years."


def _stable(sentence: str) -> tuple[list[str], list[str]]:
    readings = {
        "longstanding_leg_symptoms": ModelReading("longstanding_leg_symptoms", "own", "present", 0.95, sentence),
        "leg_pain_both_sides": ModelReading("leg_pain_both_sides", "own", "present", 0.64, sentence),
    }
    findings = [
        Finding(id="leg_pain_both_sides", status="present", value=True, evidence="Both legs ache", source="text"),
        Finding(id="longstanding_leg_symptoms", status="present", value=True, evidence=sentence, source="text"),
    ]
    kept, confirm = _stable_asked(findings, [], readings, KB, {"longstanding_leg_symptoms": [sentence]})
    return [f.id for f in kept], [c.id for c in confirm]


def test_both_legs_told_as_stable_for_years_are_asked_back_not_counted() -> None:
    assert _stable(STENOSIS) == (["longstanding_leg_symptoms"], ["leg_pain_both_sides"])


@pytest.mark.parametrize(
    "sentence",
    [
        "Both legs ache and tingle, same as for years, but much worse since Monday.",
        "Started in my right foot but over the last four or five days both legs have gone pins and needles.",
        # the model's reading of "stable" alone, with nothing in the sentence saying so, is not enough
        "Both legs ache and tingle when I walk.",
    ],
)
def test_a_change_or_no_word_of_stability_keeps_the_red_flag(sentence: str) -> None:
    kept, confirm = _stable(sentence)
    assert "leg_pain_both_sides" in kept and confirm == []


def test_stability_is_judged_in_the_part_of_a_run_on_sentence_that_tells_it() -> None:
    """A full stop the sentence splitter ran through ("... same as always. back went last week")
    ends the part that tells the legs as stable: the next part's "went" and "last week" are the back's."""
    run_on = "Both legs ache and tingle when I walk far, same as they have for years. back went last week lifting"
    assert _stable(run_on) == (["longstanding_leg_symptoms"], ["leg_pain_both_sides"])


def test_the_catalogue_names_the_stable_finding_of_each_both_legs_finding() -> None:
    both = [fid for fid, f in KB.findings.items() if f.stable_instead]
    assert sorted(both) == ["leg_numbness_both_sides", "leg_pain_both_sides"]


def test_a_relatives_illness_beside_my_own_back_is_not_mine() -> None:
    text = (
        "My mum had cancer in her spine and ended up in a wheelchair, so back pain makes me think of her. "
        "Mine came on after painting the ceiling, 3 days ago, lower back. I've never had cancer myself."
    )
    found = READ.read(KB, text)
    assert found["history_of_cancer"].status == "absent"
    assert "sex" not in found  # the mother's, not the writer's


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("My boy's 11. He's had a sore back for four days.", 11),
        ("Me uncle's 63. He got this sudden awful pain in his back.", 63),
    ],
)
def test_a_relatives_age_in_a_carers_report_is_the_patients(text: str, age: int) -> None:
    assert READ.value(KB, text, "age") == age


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("He went out cold for a few seconds on the sofa after the pain hit his back.", "fainting"),
        ("31M. Acute LBP after lifting, not relieved by rest or any position.", "pain_unrelenting"),
    ],
)
def test_plain_and_clinical_wordings(text: str, fid: str) -> None:
    assert READ.status(KB, text, fid) == "present"


@pytest.mark.parametrize(
    "text",
    [
        "24 weeks pregnant, back aching. Just the odd tightening once or twice a day but nothing regular.",
        "34 weeks and having Braxton Hicks on and off, lower back aches.",
    ],
)
def test_irregular_or_practice_tightenings_are_not_regular_tightening(text: str) -> None:
    assert READ.status(KB, text, "regular_tightening") is None


def test_regular_tightenings_still_count() -> None:
    assert READ.status(
        KB, "32 weeks, tightenings every 5 minutes and my back is killing me.", "regular_tightening"
    ) == ("present")


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        (
            "Had flu with a high temperature last month, completely better for weeks now. Back sore since Saturday.",
            "fever",
        ),
        (
            "Ten years ago I had a slipped disc that made me numb between my legs. Back ache since Saturday.",
            "saddle_numbness",
        ),
    ],
)
def test_a_symptom_long_past_and_over_is_not_counted(text: str, fid: str) -> None:
    assert not READ.counted(KB, text, fid)


def test_a_carers_report_counts_what_the_model_reads_as_someone_elses() -> None:
    text = (
        "My grandmother she is 68 years, she has osteoporosis since long time. This morning she bend for "
        "taking the washing and suddenly very bad pain in low back. She did not fall."
    )
    reading = read_text(text, KB, TODAY)
    assert {f.id: f.status for f in reading.understanding.findings}.get("osteoporosis") == "present"
    assert "osteoporosis" not in [c.id for c in reading.to_confirm]


def test_a_shock_told_as_a_faint_is_named_not_the_persons() -> None:
    text = "Rang a physio and nearly passed out when she told me the price. My lower back is sore."
    assert READ.status(KB, text, "fainting") is None
    assert READ.status(KB, "I nearly passed out with the pain in my back.", "fainting") == "present"


def test_a_leak_on_laughing_ever_since_the_youngest_was_born_is_long_standing() -> None:
    text = "My back aches. I've leaked a little when I laugh ever since my youngest was born 9 years ago."
    assert READ.status(KB, text, "urinary_incontinence") is None


def test_feeling_alright_apart_from_the_back_denies_feeling_very_unwell() -> None:
    text = "Temperature of 38.4 since last night. Apart from that I feel alright, up and about."
    assert READ.status(KB, text, "feeling_very_unwell") == "absent"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Home temps 36.9 and 37.1, back pain for 4 days.", "absent"),
        ("Home temps 36.9 and 38.9, back pain for 4 days.", "present"),  # a later reading in the list counts
        ("Back pain for 6 days, though I had no temperature when I checked.", "absent"),
    ],
)
def test_temperatures_told_in_a_list_or_denied(text: str, status: str) -> None:
    assert READ.status(KB, text, "fever") == status


def test_up_and_about_is_not_very_unwell() -> None:
    assert READ.status(
        KB, "Temp 38.3. She's still watching telly and eating, up and about.", "feeling_very_unwell"
    ) == ("absent")


@pytest.mark.parametrize(
    ("text", "fid", "status"),
    [
        # "isn't herself" notices a change: it does not deny what follows the colon
        (
            "Mum's back is sore and she isn't herself at all: very drowsy, calling me by my sister's name.",
            "confusion_or_drowsiness",
            "present",
        ),
        # a care home's resident is the patient, not someone else
        (
            "Care home note. Resident, 84, low back pain this week. Staff noticed she is much more confused than usual.",
            "confusion_or_drowsiness",
            "present",
        ),
        (
            "35 wks preg, back aching all day and the baby has hardly kicked today.",
            "reduced_fetal_movements",
            "present",
        ),
        ("For two weeks she's been waking up in the night crying that her back hurts.", "night_pain", "present"),
        (
            "Back pain, taking co-codamol and lemsip, lost count today, prob more than the box says.",
            "paracetamol_overuse",
            "possible",
        ),
        ("My lower back has been aching since the beginning of June.", "pain_over_3_months", "present"),
    ],
)
def test_round_14_wordings(text: str, fid: str, status: str) -> None:
    assert READ.status(KB, text, fid) == status


def test_sweating_from_exercise_in_the_heat_is_no_fever() -> None:
    """The rules read heavy sweating and exercise in the heat; the model's fever there is asked back."""
    text = "19 m, played football in the heat all afternoon, sweated loads, now my lower back keeps spasming."
    reading = read_text(text, KB, TODAY)
    assert "fever" not in {f.id for f in reading.understanding.findings if f.status != "absent"}


def test_same_as_its_always_been_keeps_both_legs_long_standing() -> None:
    """ "its" typed without its apostrophe still ties the legs to the stenosis told before."""
    text = "I've had spinal stenosis for years, both legs tingle when I walk far, same as its always been."
    assert READ.status(KB, text, "leg_numbness_both_sides") != "present"
    assert READ.status(KB, text, "longstanding_leg_symptoms") == "present"
