"""Every red flag of the clinical contract: a case that triggers it and near-misses that must not."""

import pytest

from backcare import assess
from backcare.knowledge import load_knowledge

# Every screening question answered "no", so cases differ only in what they add.
CLEAR = {fid: False for fid, f in load_knowledge().findings.items() if f.screening}

# (flag, answers that trigger it, expected flag disposition)
TRIGGERS = [
    ("cauda_equina", {"urinary_retention": True}, "emergency"),
    ("cauda_equina", {"saddle_numbness": "possible"}, "emergency"),
    ("cauda_equina", {"leg_pain_both_sides": True}, "emergency"),
    ("cauda_equina", {"sexual_dysfunction_new": True}, "emergency"),
    ("cauda_equina", {"bowel_incontinence": True}, "emergency"),
    ("progressive_neuro_deficit", {"leg_weakness_worsening": True, "leg_weakness": True}, "emergency"),
    ("progressive_neuro_deficit", {"leg_weakness": True, "unsteady_walking": True}, "emergency"),
    ("aortic", {"tearing_pain": True}, "emergency"),
    ("aortic", {"pulsating_abdomen": True}, "emergency"),
    ("aortic", {"known_aaa": True, "onset_sudden": True}, "emergency"),
    ("aortic", {"fainting": True, "pain_score": 8}, "emergency"),
    ("cardiac", {"chest_pain": True}, "emergency"),
    ("cardiac", {"pain_region": "upper", "pain_to_arm_or_jaw": True}, "emergency"),
    ("major_trauma", {"major_trauma": True}, "emergency"),
    ("general_emergency", {"stroke_signs": True}, "emergency"),
    ("general_emergency", {"confusion_or_drowsiness": True}, "emergency"),
    ("medicine_overdose", {"paracetamol_overuse": True}, "emergency"),
    ("medicine_overdose", {"yellow_skin_or_eyes": True, "medications": ["co-codamol"]}, "emergency"),
    ("pregnancy_warning", {"pregnant": True, "vaginal_bleeding": True}, "emergency"),
    ("pregnancy_warning", {"pregnant": True, "pregnancy_weeks": 36, "regular_tightening": True}, "emergency"),
    ("metastatic_cord_compression", {"history_of_cancer": True, "leg_weakness": True}, "emergency"),
    ("pregnancy_warning", {"pregnant": True, "pregnancy_weeks": 30, "reduced_fetal_movements": True}, "emergency"),
    ("medicine_overdose", {"yellow_skin_or_eyes": True, "paracetamol_several_products": True}, "emergency"),
    ("possible_sepsis", {"fever": True, "feeling_very_unwell": True}, "emergency"),
    ("possible_sepsis", {"fever": True, "confusion_or_drowsiness": "possible"}, "emergency"),
    ("jaundice", {"yellow_skin_or_eyes": True, "medications": []}, "urgent"),
    ("jaundice", {"yellow_skin_or_eyes": True, "fever": True, "medications": []}, "emergency"),
    ("back_lump", {"back_lump_or_deformity": True}, "urgent"),
    ("thoracic", {"pain_region": "middle", "age": 45}, "soon"),
    ("thoracic", {"pain_region": "upper", "age": 50}, "urgent"),
    ("thoracic", {"pain_region": "middle", "age": 30, "long_term_steroids": True}, "urgent"),
    ("cough_sneeze_pain", {"pain_worse_cough_sneeze": True}, "soon"),
    ("longstanding_neuro", {"longstanding_leg_symptoms": True}, "soon"),
    ("not_coping", {"worried_or_not_coping": True}, "soon"),
    ("paracetamol_duplication", {"paracetamol_several_products": True, "paracetamol_overuse": False}, "soon"),
    ("spinal_infection", {"fever": True}, "urgent"),
    ("spinal_infection", {"iv_drug_use": True, "pain_unrelenting": True}, "urgent"),
    ("fracture", {"minor_trauma": True, "age": 70}, "urgent"),
    ("fracture", {"onset_sudden": True, "pain_score": 8, "long_term_steroids": True}, "urgent"),
    ("malignancy", {"history_of_cancer": True}, "urgent"),
    ("nerve_deficit", {"foot_drop": True}, "urgent"),
    ("nerve_deficit", {"leg_weakness": True}, "urgent"),
    ("kidney", {"flank_pain": True, "painful_urination": True}, "urgent"),
    ("kidney", {"colicky_pain": True, "blood_in_urine": True}, "urgent"),
    ("labour", {"pregnant": True, "pregnancy_weeks": 38, "regular_tightening": True}, "urgent"),
    ("uncontrolled_pain", {"pain_score": 9, "pain_unrelenting": True}, "urgent"),
    ("constitutional", {"unexplained_weight_loss": True}, "urgent"),
    ("constitutional", {"night_pain": True, "pain_unrelenting": True}, "urgent"),
    ("night_pain_older", {"night_pain": True, "age": 50}, "soon"),
    (
        "inflammatory",
        {
            "morning_stiffness_over_30min": True,
            "improves_with_exercise": True,
            "not_improved_by_rest": True,
            "onset_before_45": True,
            "pain_over_3_months": True,
        },
        "soon",
    ),
    ("persistent", {"days_since_onset": 42}, "soon"),
    ("persistent", {"pain_over_3_months": True, "improving": True}, "soon"),
    ("sciatica", {"leg_pain_below_knee": True, "days_since_onset": 28}, "soon"),
    ("sciatica", {"leg_numbness_one_side": True, "pain_score": 8}, "soon"),
    ("sciatica", {"leg_pain_below_knee": True, "days_since_onset": 27, "pain_score": 7}, "self_care"),
    ("medication_related", {"medications": ["Lasix"], "recurrent_spasms": True}, "soon"),
    ("metabolic", {"recurrent_spasms": True, "hypothyroidism": True}, "soon"),
    ("recurrent", {"episodes_past_year": 3}, "soon"),
    ("young_age", {"age": 12}, "soon"),
    ("young_age", {"age": 4}, "urgent"),
    ("young_age", {"age": 12, "night_pain": True}, "urgent"),
    (
        "psychosocial_high_risk",
        {**{f"startback_{n}": n >= 5 for n in range(1, 9)}, "startback_9": "very_much"},
        "soon",
    ),
]

# (flag, answers that come close but must not trigger it)
NEAR_MISSES = [
    ("cauda_equina", {"leg_pain_below_knee": True, "leg_numbness_one_side": True}),
    ("progressive_neuro_deficit", {"leg_weakness": True}),
    ("aortic", {"known_aaa": True, "onset_sudden": False, "pain_score": 4}),
    ("aortic", {"pulsating_abdomen": True, "back_pain": False}),
    ("cardiac", {"pain_region": "lower", "sweating_clammy": True}),
    ("cardiac", {"heavy_sweating": True, "pain_region": "upper"}),
    ("medicine_overdose", {"yellow_skin_or_eyes": True, "medications": []}),
    ("pregnancy_warning", {"pregnant": True, "pregnancy_weeks": 37, "regular_tightening": True}),
    ("pregnancy_warning", {"pregnant": False, "vaginal_bleeding": True}),
    ("metastatic_cord_compression", {"history_of_cancer": True, "leg_numbness_one_side": True}),
    ("pregnancy_warning", {"pregnant": False, "reduced_fetal_movements": True}),
    ("medicine_overdose", {"paracetamol_several_products": True, "paracetamol_overuse": False}),
    ("possible_sepsis", {"fever": True, "feeling_very_unwell": False}),
    ("possible_sepsis", {"feeling_very_unwell": True, "fever": False}),
    ("jaundice", {"yellow_skin_or_eyes": True, "medications": ["paracetamol"]}),
    ("jaundice", {"yellow_skin_or_eyes": False, "fever": True}),
    ("back_lump", {"back_lump_or_deformity": False, "pain_region": "lower"}),
    ("thoracic", {"pain_region": "lower", "age": 70}),
    ("thoracic", {"pain_region": "upper", "chest_pain": True}),
    ("thoracic", {"pain_region": "middle", "shortness_of_breath": True}),
    ("cough_sneeze_pain", {"pain_worse_cough_sneeze": True, "back_pain": False}),
    ("longstanding_neuro", {"longstanding_leg_symptoms": False, "leg_numbness_one_side": True}),
    ("not_coping", {"worried_or_not_coping": False, "stress": True}),
    ("paracetamol_duplication", {"paracetamol_several_products": True}),
    ("paracetamol_duplication", {"paracetamol_several_products": True, "paracetamol_overuse": True}),
    ("cauda_equina", {"longstanding_leg_symptoms": True}),
    ("spinal_infection", {"fever": True, "back_pain": False}),
    ("spinal_infection", {"iv_drug_use": True, "pain_unrelenting": False, "feeling_very_unwell": False}),
    ("fracture", {"minor_trauma": True, "age": 69, "osteoporosis": False, "long_term_steroids": False}),
    ("fracture", {"onset_sudden": True, "pain_score": 6, "osteoporosis": True}),
    ("malignancy", {"history_of_cancer": True, "leg_weakness": True}),
    ("nerve_deficit", {"leg_weakness": True, "leg_weakness_worsening": True}),
    ("kidney", {"flank_pain": True, "painful_urination": False}),
    ("kidney", {"colicky_pain": True, "blood_in_urine": False}),
    ("labour", {"pregnant": True, "pregnancy_weeks": 36, "regular_tightening": True}),
    ("uncontrolled_pain", {"pain_score": 8, "pain_unrelenting": True}),
    ("constitutional", {"night_pain": True, "pain_unrelenting": False}),
    ("night_pain_older", {"night_pain": True, "age": 49}),
    ("night_pain_older", {"night_pain": True, "age": 60, "pain_unrelenting": True}),
    (
        "inflammatory",
        {
            "morning_stiffness_over_30min": True,
            "improves_with_exercise": True,
            "not_improved_by_rest": True,
            "onset_before_45": False,
            "night_pain": False,
            "alternating_buttock_pain": False,
            "pain_over_3_months": True,
        },
    ),
    ("persistent", {"days_since_onset": 41}),
    ("persistent", {"days_since_onset": 60, "improving": True}),
    ("sciatica", {"leg_pain_below_knee": True, "fever": True}),
    ("medication_related", {"medications": ["Lasix"], "recurrent_spasms": False}),
    ("medication_related", {"medications": ["ibuprofen"], "recurrent_spasms": True}),
    ("metabolic", {"recurrent_spasms": False, "hypothyroidism": True}),
    ("recurrent", {"episodes_past_year": 2}),
    ("young_age", {"age": 16}),
    (
        "psychosocial_high_risk",
        {**{f"startback_{n}": n in (1, 2, 3, 4, 5, 6, 7) for n in range(1, 9)}, "startback_9": "moderately"},
    ),
]


def flags(answers):
    return {f.id: f.disposition.value for f in assess(answers={**CLEAR, **answers}).red_flags}


@pytest.mark.parametrize(("flag", "answers", "disposition"), TRIGGERS)
def test_flag_triggers(flag, answers, disposition):
    assert flags(answers).get(flag) == disposition


@pytest.mark.parametrize(("flag", "answers"), NEAR_MISSES)
def test_near_miss_does_not_trigger(flag, answers):
    assert flag not in flags(answers)


def test_every_red_flag_in_the_catalogue_has_a_trigger_case():
    assert {flag for flag, _, _ in TRIGGERS} == set(load_knowledge().red_flags)


def test_overall_disposition_is_the_most_urgent_flag():
    result = assess(answers={**CLEAR, "minor_trauma": True, "age": 75, "urinary_incontinence": True})
    assert result.disposition.value == "emergency"
    assert {f.id for f in result.red_flags} >= {"fracture", "cauda_equina"}


def test_no_flag_means_self_care_and_complete():
    result = assess(answers={**CLEAR, "trigger_lifting": True, "pain_score": 5})
    assert result.disposition.value == "self_care"
    assert result.complete
    assert result.red_flags == []


def test_sciatica_is_not_reported_next_to_an_urgent_flag():
    result = assess(answers={**CLEAR, "leg_pain_below_knee": True, "fever": True})
    ids = [f.id for f in result.red_flags]
    assert "spinal_infection" in ids and "sciatica" not in ids


def test_because_lists_the_findings_that_fired():
    result = assess(answers={**CLEAR, "minor_trauma": True, "age": 80, "osteoporosis": True})
    fracture = next(f for f in result.red_flags if f.id == "fracture")
    assert set(fracture.because) == {"minor_trauma", "age", "osteoporosis"}
    assert fracture.sources
