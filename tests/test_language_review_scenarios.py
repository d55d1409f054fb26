"""The free-text scenarios of the December 2026 clinical review (U/T/V rows), run through the
reader and the triage with what the revised contract requires of them.

The inputs are copied here as literal data (the review's files are not read at test time). Each
case names the findings the reader must give (a status, a value, or None for "left unknown"),
the red flags that must or must not be reported and, where it does not hang on the red flags
added in 2026-12 (possible_sepsis, jaundice, back_lump, thoracic, cough_sneeze_pain,
longstanding_neuro, not_coping, paracetamol_duplication), the disposition.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pytest

from backcare import assess
from backcare.adapters.language import understand
from backcare.core.models import Assessment
from backcare.knowledge import KnowledgeBase, load_knowledge

TODAY = dt.date(2025, 3, 10)  # the review's --today


def rules_only(text: str, kb: KnowledgeBase, today: dt.date) -> Any:
    """The rule reader alone (this package's reading, without the learned sentence model)."""
    from backcare.adapters.learned.reading import Reading

    rules = understand(text, kb, today)
    return Reading(rules, [], rules, {}, [])


def triage(text: str) -> Assessment:
    return assess(text=text, today=TODAY, reader=rules_only)


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    findings: dict[str, Any]  # a status, a value (int, str or list), or None for unknown
    flags: list[str] = field(default_factory=list)
    not_flags: list[str] = field(default_factory=list)
    disposition: str | None = None


CASES = [
    Case(
        "T01_simple",
        "I hurt my back lifting a box yesterday, pain 6/10. No numbness, no problems peeing, no fever.",
        {
            "trigger_lifting": "present",
            "pain_score": 6,
            "urinary_retention": "absent",
            "fever": "absent",
            "days_since_onset": 1,
        },
        flags=[],
        not_flags=[],
        disposition="self_care",
    ),
    Case(
        "T02_preg24",
        "I'm 24 weeks pregnant and my lower back has been really sore for 3 days. No bleeding or leaking.",
        {
            "pregnant": "present",
            "pregnancy_weeks": 24,
            "vaginal_bleeding": "absent",
            "fluid_leak": "absent",
            "urinary_incontinence": None,
        },
        flags=[],
        not_flags=["pregnancy_warning", "cauda_equina"],
        disposition="self_care",
    ),
    Case(
        "T03_preg38_waves",
        "I'm 38 weeks pregnant and my back pain is coming in waves every 5 minutes since this morning.",
        {"pregnancy_weeks": 38, "regular_tightening": "present"},
        flags=["labour"],
        not_flags=[],
        disposition="urgent",
    ),
    Case(
        "T04_preg12",
        "I'm 12 weeks pregnant and pulled a muscle in my back yesterday.",
        {"pregnancy_weeks": 12},
        flags=[],
        not_flags=[],
        disposition="self_care",
    ),
    Case(
        "T05_warfarin",
        "I take warfarin for atrial fibrillation and my back went into spasm two days ago when I bent over.",
        {"medications": ["warfarin"]},
        flags=[],
        not_flags=[],
        disposition="self_care",
    ),
    Case(
        "T06_ckd",
        "I have chronic kidney disease stage 3 and my lower back is in spasm since Monday. Can I take ibuprofen?",
        {"kidney_disease": "present"},
        flags=[],
        not_flags=[],
        disposition="self_care",
    ),
    Case(
        "T07_ulcer",
        "I had a bleeding stomach ulcer last year. Now my back is killing me after gardening.",
        {"stomach_ulcer_history": "present"},
        flags=[],
        not_flags=[],
        disposition="self_care",
    ),
    Case(
        "T08_72_osteo_fall",
        "I'm 72 and have osteoporosis. I slipped and sat down hard on the kitchen floor yesterday and now I have bad back pain.",
        {"age": 72, "osteoporosis": "present", "minor_trauma": "present"},
        flags=["fracture"],
        not_flags=[],
        disposition="urgent",
    ),
    Case(
        "T09_age15",
        "I'm 15 and my back hurts after football practice.",
        {"age": 15},
        flags=["young_age"],
        not_flags=[],
        disposition="soon",
    ),
    Case(
        "T10_sciatica_d3",
        "Pain shooting down my right leg to my foot since 3 days ago, after moving furniture.",
        {"leg_pain_below_knee": "present", "days_since_onset": 3, "leg_pain_both_sides": None},
        flags=["sciatica"],
        not_flags=["cauda_equina"],
        disposition="self_care",
    ),
    Case(
        "T11_sciatica_d35",
        "I've had sciatica down my left leg for 5 weeks now and it's not getting better.",
        {"leg_pain_below_knee": "present", "days_since_onset": 35},
        flags=["sciatica"],
        not_flags=[],
        disposition="soon",
    ),
    Case(
        "T12_cancer",
        "I had breast cancer 5 years ago and now I have new back pain for 2 weeks, worse at night.",
        {"history_of_cancer": "present", "night_pain": "present", "days_since_onset": 14},
        flags=["malignancy"],
        not_flags=[],
        disposition="urgent",
    ),
    Case(
        "T13_ivdu_fever",
        "I inject heroin and I've got a fever and shivers and really bad back pain for 4 days.",
        {"iv_drug_use": "present", "fever": "present"},
        flags=["spinal_infection"],
        not_flags=[],
        disposition=None,
    ),
    Case(
        "T14_chest",
        "My upper back hurts and my chest feels tight and heavy.",
        {"chest_pain": "present", "pain_region": "upper"},
        flags=["cardiac"],
        not_flags=[],
        disposition="emergency",
    ),
    Case(
        "T15_stroke",
        "My back hurts and my wife says my face is drooping on one side and my speech is slurred.",
        {"stroke_signs": "present"},
        flags=["general_emergency"],
        not_flags=[],
        disposition="emergency",
    ),
    Case(
        "T16_paracetamol",
        "I've been taking 12 paracetamol a day for my back for 3 days plus Lemsip at night.",
        {"paracetamol_overuse": "present"},
        flags=["medicine_overdose"],
        not_flags=[],
        disposition="emergency",
    ),
    Case(
        "T17_cramp_meds",
        "I'm on furosemide and atorvastatin and I keep getting back spasms over the last few weeks.",
        {"recurrent_spasms": "present", "medications": ["furosemide", "atorvastatin"]},
        flags=["medication_related"],
        not_flags=[],
        disposition="soon",
    ),
    Case(
        "T18_hedged_saddle",
        "My back is sore and I think I might have some numbness between my legs, not sure.",
        {"saddle_numbness": "possible"},
        flags=["cauda_equina"],
        not_flags=[],
        disposition="emergency",
    ),
    Case(
        "T19_hypothetical",
        "My back is sore after the gym. What should I do in case I get a fever or lose bladder control?",
        {"fever": None, "urinary_incontinence": None},
        flags=[],
        not_flags=["cauda_equina", "spinal_infection"],
        disposition="self_care",
    ),
    Case(
        "T20_other_person",
        "My mother had cancer. I strained my back at work yesterday.",
        {"history_of_cancer": None},
        flags=[],
        not_flags=["malignancy"],
        disposition="self_care",
    ),
    Case(
        "T21_bilateral_pain",
        "Lower back pain for a week and now the pain goes down both legs.",
        {"leg_pain_both_sides": "present", "longstanding_leg_symptoms": None},
        flags=["cauda_equina"],
        not_flags=[],
        disposition="emergency",
    ),
    Case(
        "T22_cant_feel_paper",
        "Back pain and I can't feel the toilet paper when I wipe.",
        {"saddle_numbness": "present"},
        flags=["cauda_equina"],
        not_flags=[],
        disposition="emergency",
    ),
    Case(
        "T23_tearing",
        "Sudden ripping pain in my back going through to my belly, I'm 68.",
        {"tearing_pain": "present", "age": 68},
        flags=["aortic"],
        not_flags=[],
        disposition="emergency",
    ),
    Case(
        "T24_noflags_full",
        "I'm 35, my lower back went into spasm 2 days ago after lifting. Pain 5/10. No chest pain, no trouble breathing, not confused, no accident, no bladder or bowel problems, no numbness anywhere, no pain or weakness in my legs, no fever, no weight loss, never had cancer.",
        {
            "chest_pain": "absent",
            "difficulty_breathing": "absent",
            "confusion_or_drowsiness": "absent",
            "major_trauma": "absent",
            "urinary_retention": "absent",
            "urinary_incontinence": "absent",
            "bowel_incontinence": "absent",
            "leg_numbness_both_sides": "absent",
            "leg_weakness": "absent",
            "fever": "absent",
            "unexplained_weight_loss": "absent",
            "history_of_cancer": "absent",
        },
        flags=[],
        not_flags=[],
        disposition="self_care",
    ),
    Case(
        "T25_kidney_stone",
        "Severe pain in my side that comes in waves and my pee is red.",
        {"flank_pain": "present", "blood_in_urine": "present", "colicky_pain": "present"},
        flags=["kidney"],
        not_flags=[],
        disposition="urgent",
    ),
    Case(
        "T26_ns_weak_foot",
        "My foot has started dragging when I walk and my back hurts.",
        {"foot_drop": "present"},
        flags=["nerve_deficit"],
        not_flags=[],
        disposition="urgent",
    ),
    Case(
        "T27_preg_bleed",
        "I'm 20 weeks pregnant with back ache and some bleeding.",
        {"pregnancy_weeks": 20, "vaginal_bleeding": "present"},
        flags=["pregnancy_warning"],
        not_flags=[],
        disposition="emergency",
    ),
    Case(
        "T28_steroids",
        "I've been on prednisolone for 2 years for my lungs and suddenly got severe pain in my middle back when I sneezed.",
        {
            "long_term_steroids": "present",
            "onset_sudden": "present",
            "pain_region": "middle",
            "pain_worse_cough_sneeze": None,
            "pain_over_3_months": None,
        },
        flags=["fracture"],
        not_flags=[],
        disposition="urgent",
    ),
    Case(
        "T29_night_unrelenting",
        "My back pain is constant, nothing helps, not even lying down, and it's worse at night.",
        {"pain_unrelenting": "present", "night_pain": "present"},
        flags=["constitutional"],
        not_flags=[],
        disposition="urgent",
    ),
    Case(
        "T30_not_my_back",
        "I have a headache.",
        {"back_pain": None},
        flags=[],
        not_flags=[],
        disposition=None,
    ),
    Case(
        "U01_diab_neuropathy",
        "I've had diabetic neuropathy with numb feet for years. I pulled my back yesterday lifting shopping.",
        {
            "diabetes": "present",
            "longstanding_leg_symptoms": "present",
            "leg_numbness_both_sides": None,
            "pain_over_3_months": None,
            "days_since_onset": 1,
        },
        flags=[],
        not_flags=["cauda_equina", "persistent"],
        disposition=None,
    ),
    Case(
        "U02_knee_oa",
        "Both my knees ache from arthritis and my lower back hurts after gardening.",
        {"leg_pain_both_sides": None},
        flags=[],
        not_flags=["cauda_equina"],
        disposition="self_care",
    ),
    Case(
        "U03_preg_stress_incont",
        "I'm 36 weeks pregnant with back ache, and I leak a bit of wee when I sneeze.",
        {"pregnancy_weeks": 36, "urinary_incontinence": None},
        flags=[],
        not_flags=["cauda_equina"],
        disposition="self_care",
    ),
    Case(
        "U04_para_8",
        "I take 8 paracetamol a day for my back, two every six hours.",
        {"paracetamol_overuse": None, "paracetamol_several_products": None},
        flags=[],
        not_flags=["medicine_overdose"],
        disposition="self_care",
    ),
    Case(
        "U05_para_cocodamol",
        "I'm taking paracetamol and co-codamol together for my back.",
        {"paracetamol_several_products": "present", "paracetamol_overuse": None},
        flags=[],
        not_flags=["medicine_overdose"],
        disposition=None,
    ),
    Case(
        "U06_para_normal",
        "I took 2 paracetamol this morning and 2 at lunch for my back spasm.",
        {"paracetamol_overuse": None},
        flags=[],
        not_flags=["medicine_overdose"],
        disposition="self_care",
    ),
    Case(
        "U07_lemsip_para",
        "I've got a cold so I'm on Lemsip, and I'm also taking paracetamol for my back.",
        {"paracetamol_several_products": "present", "paracetamol_overuse": None},
        flags=[],
        not_flags=["medicine_overdose"],
        disposition=None,
    ),
    Case(
        "U08_child_cancer",
        "I had leukaemia as a child 30 years ago. My back has been stiff for 3 days after a long drive.",
        {"history_of_cancer": "present", "days_since_onset": 3},
        flags=["malignancy"],
        not_flags=[],
        disposition="urgent",
    ),
    Case(
        "U09_dieting",
        "My back hurts. I've lost a stone on purpose since January by dieting.",
        {"unexplained_weight_loss": "absent", "days_since_onset": None, "pain_over_3_months": None},
        flags=[],
        not_flags=["constitutional", "persistent"],
        disposition="self_care",
    ),
    Case(
        "U10_stairs",
        "I fell down the stairs at home yesterday and now my back hurts. I'm 45.",
        {"major_trauma": "present"},
        flags=["major_trauma"],
        not_flags=[],
        disposition="emergency",
    ),
    Case(
        "U11_ladder",
        "I fell off a ladder this morning and my back is really painful.",
        {"major_trauma": "present"},
        flags=["major_trauma"],
        not_flags=[],
        disposition="emergency",
    ),
    Case(
        "U12_slip_ice",
        "I slipped on ice and landed on my bottom, I'm 45, back sore since.",
        {"minor_trauma": "present", "major_trauma": None},
        flags=[],
        not_flags=["major_trauma", "fracture"],
        disposition="self_care",
    ),
    Case(
        "U13_chronic_bilateral_stenosis",
        "I'm 70 and for two years both my legs ache and go heavy when I walk, easing when I sit. My back is stiff.",
        {
            "age": 70,
            "longstanding_leg_symptoms": "present",
            "leg_pain_both_sides": None,
            "improving": None,
            "pain_over_3_months": None,
        },
        flags=[],
        not_flags=["cauda_equina", "persistent"],
        disposition=None,
    ),
    Case(
        "U14_fever_very_unwell",
        "I have a high fever, I feel really unwell and shivery and my back is agony.",
        {"fever": "present", "feeling_very_unwell": "present"},
        flags=["spinal_infection"],
        not_flags=[],
        disposition=None,
    ),
    Case(
        "U15_between_shoulders",
        "I have pain between my shoulder blades for a week, worse when I cough or sneeze.",
        {"pain_region": "upper", "pain_worse_cough_sneeze": "present", "days_since_onset": 7},
        flags=[],
        not_flags=["cardiac"],
        disposition=None,
    ),
    Case(
        "U16_cant_pee",
        "My back went yesterday and today I can't pee properly.",
        {"urinary_retention": "present"},
        flags=["cauda_equina"],
        not_flags=[],
        disposition="emergency",
    ),
    Case(
        "U17_negated_list",
        "Back spasm since Tuesday. No fever, no weight loss, no cancer, no numbness, no weakness, no bladder or bowel problems.",
        {
            "fever": "absent",
            "unexplained_weight_loss": "absent",
            "history_of_cancer": "absent",
            "leg_numbness_both_sides": "absent",
            "leg_weakness": "absent",
            "urinary_retention": "absent",
            "bowel_incontinence": "absent",
        },
        flags=[],
        not_flags=[],
        disposition="self_care",
    ),
    Case(
        "U18_ibuprofen_ulcer_q",
        "Can I take ibuprofen for my back? I had an ulcer years ago.",
        {"stomach_ulcer_history": "present"},
        flags=[],
        not_flags=[],
        disposition="self_care",
    ),
    Case(
        "U19_preg_aspirin",
        "I'm 26 weeks pregnant and take low-dose aspirin. My back is sore.",
        {"pregnancy_weeks": 26},
        flags=[],
        not_flags=["pregnancy_warning"],
        disposition="self_care",
    ),
    Case(
        "U20_teen_sport_night",
        "I'm 14, my back hurts at night and wakes me up, for 6 weeks.",
        {"age": 14, "night_pain": "present", "days_since_onset": 42},
        flags=["young_age"],
        not_flags=[],
        disposition="urgent",
    ),
    Case(
        "V01",
        "My back hurts. Not sure if I've lost weight.",
        {"unexplained_weight_loss": "possible"},
        flags=["constitutional"],
        not_flags=[],
        disposition="urgent",
    ),
    Case(
        "V02",
        "My back hurts. I don't think I have any numbness between my legs.",
        {"saddle_numbness": None},
        flags=[],
        not_flags=["cauda_equina"],
        disposition=None,
    ),
    Case(
        "V03",
        "Back pain, no numbness but my left leg feels weak.",
        {"leg_weakness": "present", "leg_numbness_one_side": "absent"},
        flags=["nerve_deficit"],
        not_flags=[],
        disposition="urgent",
    ),
    Case(
        "V04",
        "Back pain. My dad had prostate cancer. I have no fever.",
        {"history_of_cancer": None, "fever": "absent"},
        flags=[],
        not_flags=["malignancy"],
        disposition="self_care",
    ),
    Case(
        "V05",
        "Back spasm. I'm worried it might be cancer.",
        {"worried_or_not_coping": "present", "history_of_cancer": None},
        flags=[],
        not_flags=["malignancy"],
        disposition=None,
    ),
    Case(
        "V06",
        "My skin has gone yellow and I have pain in my middle back. I'm 63.",
        {"yellow_skin_or_eyes": "present", "pain_region": "middle", "age": 63, "medications": None},
        flags=[],
        not_flags=[],
        disposition=None,
    ),
    Case(
        "V07",
        "Back pain with burning when I pee and a temperature.",
        {"painful_urination": "present", "fever": "present"},
        flags=["spinal_infection"],
        not_flags=[],
        disposition="urgent",
    ),
    Case(
        "V08",
        "I'm 80 and my back suddenly hurts badly, I nearly fainted.",
        {"age": 80, "onset_sudden": "present", "fainting": "present"},
        flags=["aortic"],
        not_flags=[],
        disposition="emergency",
    ),
]


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_the_reader_gives_the_findings_the_contract_requires(kb, case: Case) -> None:
    found = {f.id: f for f in understand(case.text, kb, TODAY).findings}
    for fid, expected in case.findings.items():
        if expected is None:
            assert fid not in found, f"{case.id}: {fid} should be left unknown, got {found[fid]}"
        elif expected in ("present", "possible", "absent"):
            assert fid in found and found[fid].status == expected, f"{case.id}: {fid} {expected} != {found.get(fid)}"
        else:
            assert fid in found and found[fid].value == expected, f"{case.id}: {fid} {expected!r} != {found.get(fid)}"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_the_triage_of_the_review_scenarios(case: Case) -> None:
    result = triage(case.text)
    reported = {hit.id for hit in result.red_flags}
    assert set(case.flags) <= reported, f"{case.id}: missing {set(case.flags) - reported}"
    assert not set(case.not_flags) & reported, f"{case.id}: should not report {set(case.not_flags) & reported}"
    if case.disposition is not None:
        assert result.disposition == case.disposition, f"{case.id}: {result.disposition} ({sorted(reported)})"


def test_a_hedged_denial_leaves_the_screening_question_to_be_asked() -> None:
    # V02: "I don't think I have any numbness between my legs" is asked directly, not closed
    result = triage("My back hurts. I don't think I have any numbness between my legs.")
    assert not result.complete
    assert "saddle_numbness" in result.unanswered_screening


@pytest.mark.parametrize(
    "text",
    [
        "I've had diabetic neuropathy with numb feet for years. I pulled my back yesterday lifting shopping.",
        "I'm 70 and for two years both my legs ache and go heavy when I walk, easing when I sit. My back is stiff.",
        "I'm 36 weeks pregnant with back ache, and I leak a bit of wee when I sneeze.",
        "I'm taking paracetamol and co-codamol together for my back.",
        "I've got a cold so I'm on Lemsip, and I'm also taking paracetamol for my back.",
    ],
)
def test_the_reviews_over_alarms_are_no_longer_emergencies(text: str) -> None:
    assert triage(text).disposition != "emergency"
