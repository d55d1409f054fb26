"""The clinical review's structured scenarios (December 2026), run against the revised contract.

The inputs are the review's own files (copied into tests/data/review_scenarios/). Each expectation
is the review's where the revised contract agrees with it; where it does not, the contract wins and
the case says why (S44: the input answers the new-or-worsening question yes; S46: under 50 with no
risk factor, thoracic pain is "soon" in the contract, the review asked for urgent).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import NamedTuple

import pytest

from backcare import assess
from backcare.adapters.report import to_markdown
from backcare.core.wording import people_headline
from backcare.knowledge import load_knowledge

DATA = Path(__file__).parent / "data" / "review_scenarios" / "structured.jsonl"
SCENARIOS = {row["id"]: row["answers"] for row in map(json.loads, DATA.read_text().splitlines())}
TODAY = dt.date(2025, 3, 10)


class Expect(NamedTuple):
    disposition: str
    flags: tuple[str, ...] = ()
    headline: str = ""
    complete: bool | None = None


EXPECT = {
    "S01_noflags_allscreen": Expect("self_care", complete=True),
    "S02_unanswered_screen": Expect("self_care", complete=False),
    "S03_preg12": Expect("self_care", complete=True),
    "S04_preg24": Expect("self_care", complete=False),  # the baby's movements are now a safety question
    "S05_preg38_no_tight": Expect("self_care", complete=False),
    "S06_preg38_tight": Expect("urgent", ("labour",), "maternity unit"),
    "S07_preg30_tight": Expect("emergency", ("pregnancy_warning",), "maternity unit"),
    "S08_preg_weeks_unknown": Expect("self_care"),
    "S09_anticoag_meds": Expect("self_care"),
    "S10_ckd": Expect("self_care"),
    "S11_ulcer": Expect("self_care"),
    "S12_72_osteo_fall": Expect("urgent", ("fracture",), "See a doctor today"),
    "S13_age15": Expect("soon", ("young_age",)),
    "S14_sciatica_d3": Expect("self_care", ("sciatica",)),
    "S15_sciatica_d35": Expect("soon", ("sciatica",)),
    "S16_cancer_newpain": Expect("urgent", ("malignancy", "thoracic", "night_pain_older"), "cancer team"),
    "S17_cancer_weak": Expect("emergency", ("metastatic_cord_compression",)),
    "S18_ivdu_fever": Expect("urgent", ("spinal_infection",)),
    "S19_chest_pain": Expect("emergency", ("cardiac",), "emergency number"),
    "S20_stroke": Expect("emergency", ("general_emergency",), "emergency number"),
    "S21_paracetamol_over": Expect("emergency", ("medicine_overdose",), "emergency department"),
    "S22_furosemide_recurrent": Expect("soon", ("medication_related",)),
    "S23_statin_hypothyroid": Expect("soon", ("medication_related", "metabolic")),
    "S24_saddle": Expect("emergency", ("cauda_equina",), "emergency number"),
    "S25_bilateral_pain_only": Expect("emergency", ("cauda_equina",)),
    "S26_night_older": Expect("soon", ("night_pain_older",)),
    "S27_hf_asthma": Expect("self_care"),
    "S28_clopidogrel_ssri_75": Expect("self_care"),
    "S29_pyelo": Expect("urgent", ("kidney", "spinal_infection")),
    "S30_steroid_sudden": Expect("urgent", ("fracture", "thoracic")),
    "S31_inflammatory": Expect("soon", ("inflammatory",)),
    "S32_startback_high": Expect("soon", ("psychosocial_high_risk",)),
    "S33_uncontrolled": Expect("urgent", ("uncontrolled_pain",)),
    "S34_severe8_noflags": Expect("self_care"),
    "S35_age70_sudden_severe": Expect("self_care", complete=False),  # the aortic questions must be asked
    "S36_preg20_weeks": Expect("self_care", complete=False),
    "S37_age4": Expect("urgent", ("young_age",)),
    "S38_leg_weak_one": Expect("urgent", ("nerve_deficit",)),
    "S39_diabetes_numb": Expect("self_care", ("sciatica",)),
    "S40_preg_bleeding": Expect("emergency", ("pregnancy_warning",), "maternity unit"),
    "S41_meds_all_no": Expect("self_care", complete=False),  # 60 with sudden pain: aortic questions
    "S42_jaundice": Expect("urgent", ("jaundice",), "See a doctor today"),
    "S43_fever_unwell": Expect("emergency", ("possible_sepsis",), "emergency"),
    "S44_chronic_bilat": Expect("emergency", ("cauda_equina",)),  # answered yes to "new or worsening"
    "S45_term_srom": Expect("emergency", ("pregnancy_warning",), "maternity unit"),
    "S46_thoracic": Expect("soon", ("thoracic",)),
}

AORTIC = ("tearing_pain", "pulsating_abdomen", "known_aaa", "fainting")


def test_every_scenario_has_an_expectation():
    assert set(EXPECT) == set(SCENARIOS)


@pytest.mark.parametrize("scenario", sorted(EXPECT))
def test_scenario_gives_the_revised_contracts_result(scenario):
    expect = EXPECT[scenario]
    result = assess(answers=SCENARIOS[scenario], today=TODAY)
    assert result.disposition.value == expect.disposition
    assert set(expect.flags) <= {f.id for f in result.red_flags}
    assert expect.headline.lower() in result.headline.lower()
    if expect.complete is not None:
        assert result.complete is expect.complete
    if result.disposition.value == "emergency":
        assert result.contributors == []
        assert "not a worry" not in to_markdown(result, load_knowledge())


def test_chronic_bilateral_numbness_answered_as_longstanding_is_soon_not_emergency():
    answers = {**SCENARIOS["S44_chronic_bilat"], "leg_numbness_both_sides": False, "longstanding_leg_symptoms": True}
    result = assess(answers=answers, today=TODAY)
    assert result.disposition.value == "soon"
    assert "longstanding_neuro" in {f.id for f in result.red_flags}
    assert "cauda_equina" not in {f.id for f in result.red_flags}


def test_older_person_with_sudden_severe_pain_is_asked_the_aortic_questions():
    result = assess(answers=SCENARIOS["S35_age70_sudden_severe"], today=TODAY)
    assert set(AORTIC) <= set(result.unanswered_screening)
    title, action = people_headline(result)
    assert title != "SELF-CARE" and "safety question" in action
    answered = assess(answers={**SCENARIOS["S35_age70_sudden_severe"], **dict.fromkeys(AORTIC, False)}, today=TODAY)
    assert not set(AORTIC) & set(answered.unanswered_screening)


def test_labour_is_headlined_by_the_maternity_unit_not_a_gp():
    result = assess(answers=SCENARIOS["S06_preg38_tight"], today=TODAY)
    _, action = people_headline(result)
    assert "maternity unit" in action and "GP" not in action


def test_jaundice_without_painkillers_is_not_called_an_overdose():
    result = assess(answers=SCENARIOS["S42_jaundice"], today=TODAY)
    assert "medicine_overdose" not in {f.id for f in result.red_flags}
    with_fever = assess(answers={**SCENARIOS["S42_jaundice"], "fever": True}, today=TODAY)
    assert with_fever.disposition.value == "emergency"


def test_lower_flags_are_mentioned_not_given_their_own_action():
    result = assess(answers=SCENARIOS["S16_cancer_newpain"], today=TODAY)
    text = to_markdown(result, load_knowledge())
    assert "## Mention this too" in text
    assert "Book a GP appointment within one to two weeks" not in text.split("## Mention this too")[0]


def test_contributors_need_a_cramp_finding_and_name_the_medicine():
    fall = assess(answers=SCENARIOS["S12_72_osteo_fall"], today=TODAY)
    assert fall.contributors == []  # urgent fracture: no harmless explanation next to it
    cramps = assess(answers=SCENARIOS["S22_furosemide_recurrent"], today=TODAY)
    medication = next(c for c in cramps.contributors if c.id == "medication")
    assert "furosemide" in medication.explanation
    ckd = assess(answers=SCENARIOS["S10_ckd"], today=TODAY)
    assert "kidney_disease" not in {c.id for c in ckd.contributors}


# The review's free-text examples through the whole assessment (both readers and their merge):
# (text, disposition, flags that must be reported, flags that must not, headline words).
TEXTS = {
    "U01": (
        "I've had diabetic neuropathy with numb feet for years. I pulled my back yesterday lifting shopping.",
        "soon",
        {"longstanding_neuro"},
        {"cauda_equina"},
        "",
    ),
    "U03": (
        "I'm 36 weeks pregnant with back ache, and I leak a bit of wee when I sneeze.",
        "self_care",
        set(),
        {"cauda_equina", "pregnancy_warning"},
        "",
    ),
    "U13": (
        "I'm 70 and for two years both my legs ache and go heavy when I walk, easing when I sit. My back is stiff.",
        "soon",
        {"longstanding_neuro"},
        {"cauda_equina"},
        "",
    ),
    "U14": (
        "I have a high fever, I feel really unwell and shivery and my back is agony.",
        "emergency",
        {"possible_sepsis"},
        set(),
        "emergency",
    ),
    "U15": (
        "I have pain between my shoulder blades for a week, worse when I cough or sneeze.",
        "soon",
        {"thoracic", "cough_sneeze_pain"},
        {"cardiac"},
        "",
    ),
    "V06": (
        "My skin has gone yellow and I have pain in my middle back. I'm 63.",
        "urgent",
        {"jaundice"},
        {"medicine_overdose"},
        "doctor today",
    ),
    "T03": (
        "I'm 38 weeks pregnant and my back pain is coming in waves every 5 minutes since this morning.",
        "urgent",
        {"labour"},
        set(),
        "maternity unit",
    ),
    "T18": (
        "My back is sore and I think I might have some numbness between my legs, not sure.",
        "emergency",
        {"cauda_equina"},
        set(),
        "emergency number",
    ),
    "T19": (
        "My back is sore after the gym. What should I do in case I get a fever or lose bladder control?",
        "self_care",
        set(),
        {"cauda_equina", "spinal_infection"},
        "",
    ),
    "T20": ("My mother had cancer. I strained my back at work yesterday.", "self_care", set(), {"malignancy"}, ""),
    "U09": (
        "My back hurts. I've lost a stone on purpose since January by dieting.",
        "self_care",
        set(),
        {"constitutional", "persistent"},
        "",
    ),
}


@pytest.mark.parametrize("case", sorted(TEXTS))
def test_free_text_example_gives_the_revised_contracts_result(case):
    text, disposition, required, forbidden, headline = TEXTS[case]
    result = assess(text=text, today=TODAY)
    flags = {f.id for f in result.red_flags}
    assert result.disposition.value == disposition, (flags, [c.id for c in result.to_confirm])
    assert required <= flags and not forbidden & flags
    assert headline.lower() in result.headline.lower()


def test_hedged_denial_of_a_safety_question_is_asked_not_recorded():
    result = assess(text="My back hurts. I don't think I have any numbness between my legs.", today=TODAY)
    saddle = {f.id: f.status for f in result.findings}.get("saddle_numbness")
    assert saddle is None
    assert "saddle_numbness" in result.unanswered_screening or "saddle_numbness" in {c.id for c in result.to_confirm}
    assert people_headline(result)[0] != "SELF-CARE"
