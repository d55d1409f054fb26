"""Round 7 of the reading: idioms the rules set aside are not taken from the sentence model
either, carers who leave out "my", an age then beside an age now, one leg fine, and a note's
age-and-sex line that the model mistook for a temperature."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from backcare.adapters.language import understand
from backcare.adapters.language.doses import doses_per_day
from backcare.adapters.learned.merge import ModelReading, Thresholds, merge
from backcare.adapters.learned.reading import Observation, _ask_doubtful, _without_demographics
from backcare.adapters.learned.sentences import split
from backcare.bootstrap import knowledge, read_text
from backcare.core.models import Finding
from text_reading import ReadOn

TODAY = dt.date(2026, 10, 15)
READ = ReadOn(TODAY)
KB = knowledge()

# --- Idioms: what the rules set aside is asked back, not taken from the model -------------------


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("Finished a night shift and just collapsed on the couch, my lower back is stiff.", "collapse"),
        ("The week has been a total car crash and my back has gone into spasm.", "major_trauma"),
    ],
)
def test_an_idiom_is_named_but_not_the_persons(text: str, fid: str) -> None:
    rules = READ.read(KB, text)
    assert fid not in rules
    assert fid in understand(text, KB, TODAY).not_own


def test_a_model_reading_against_an_idiom_is_asked_back_not_counted() -> None:
    reading = ModelReading("collapse", "own", "present", 0.9, "I collapsed on the sofa after work.")
    findings, confirm = merge([], {"collapse": reading}, frozenset({"collapse"}), Thresholds(), frozenset({"collapse"}))
    assert [f.id for f in findings] == []
    assert [c.id for c in confirm] == ["collapse"]


def test_a_real_collapse_beside_an_idiom_still_counts() -> None:
    text = "Got home and collapsed on the sofa. Later I collapsed in the kitchen and hit the floor."
    assert READ.status(KB, text, "collapse") == "present"


# --- Carers who leave out "my" ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "age", "sex"),
    [
        ("Son is 12, his lower back hurts after football.", 12, "male"),
        ("Husband is 58 and his back went this morning lifting the mower.", 58, "male"),
        ("Wife is 71. Her back has been sore since she bent to pick up the cat.", 71, "female"),
    ],
)
def test_a_relative_named_without_my_is_the_person_asked_for(text: str, age: int, sex: str) -> None:
    found = READ.read(KB, text)
    assert found["age"].value == age
    assert found["sex"].value == sex
    assert found["back_pain"].status == "present"


# --- An age then, beside the age now -----------------------------------------------------------


def test_an_accident_at_an_earlier_age_is_long_past() -> None:
    text = "I came off my motorbike when I was 22; I'm 50 now. Sore back since gardening yesterday."
    assert READ.status(KB, text, "major_trauma") is None


def test_a_cancer_at_an_earlier_age_is_still_a_history_of_cancer() -> None:
    assert READ.counted(KB, "I had bowel cancer when I was 55. My back aches at night now.", "history_of_cancer")


# --- One leg fine ----------------------------------------------------------------------------


def test_one_leg_fine_denies_both_legs_not_the_other_leg() -> None:
    found = READ.read(KB, "Pain from my right buttock down to my ankle for a week. Left leg is fine.")
    assert found["leg_pain_both_sides"].status == "absent"
    assert found["leg_pain_below_knee"].status == "present"
    assert "leg_weakness" not in found


# --- A line that is only an age and a sex -----------------------------------------------------


def test_an_age_and_sex_line_gives_the_model_nothing_to_read() -> None:
    sentences = split("Back spasms for two days. 44F.")
    probs = np.full((2, 1, 4), 0.25, dtype=np.float32)
    seen = Observation(rules=read_text("x", KB, TODAY).rules, sentences=sentences, probs=probs, findings=["fever"])
    cleared = _without_demographics(seen)
    assert cleared[0].tolist() == probs[0].tolist()
    assert float(cleared[1].sum()) == 0.0


def test_fever_is_not_read_from_an_age_and_sex_line() -> None:
    reading = read_text("My lower back keeps going into spasm. 38F.", KB, TODAY)
    found: dict[str, Finding] = {f.id: f for f in reading.understanding.findings}
    assert "fever" not in found or found["fever"].status == "absent"
    assert found["age"].value == 38


# --- Round 8: "'s" for "has", what a label allows, a question quoted, Scots, fear ------------------


def test_a_relatives_s_for_has_makes_them_the_person_asked_for() -> None:
    found = READ.read(KB, "My wife's had back pain for days and now her face has dropped and she can't talk properly.")
    assert found["stroke_signs"].status == "present"
    assert found["back_pain"].status == "present"


def test_a_relatives_s_before_a_number_is_their_age() -> None:
    assert READ.value(KB, "My mum's 83 and she slipped on the rug this morning, her back hurts.", "age") == 83


def test_a_back_that_keeps_going_into_cramps_has_recurrent_spasms() -> None:
    assert READ.status(KB, "My lower back keeps going into cramps every few days.", "recurrent_spasms") == "present"


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("I leak a bit when I cough or laugh ever since my twins were born. Back sore after digging.", False),
        ("Since yesterday I leak when I cough or sneeze and my back is agony.", True),
    ],
)
def test_a_leak_on_coughing_since_childbirth_is_long_standing(text: str, counted: bool) -> None:
    assert READ.counted(KB, text, "urinary_incontinence") is counted


def test_scots_nae_is_no() -> None:
    assert READ.status(KB, "Nae numbness anywhere. Back went lifting a sofa.", "leg_numbness_both_sides") == "absent"


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("Honestly I'm shitting myself about what the scan will show; my back is sore.", False),
        ("I've shit myself twice today without knowing and my back is agony.", True),
    ],
)
def test_fear_told_as_soiling_is_an_idiom(text: str, counted: bool) -> None:
    assert READ.counted(KB, text, "bowel_incontinence") is counted


def test_a_question_quoted_before_its_answer_is_not_a_symptom() -> None:
    text = "You asked about numbness down below - I don't think I have any. Back spasm since yesterday."
    assert not READ.counted(KB, text, "saddle_numbness")


def test_the_limit_on_the_box_is_not_a_dose_taken() -> None:
    text = "In the last 24 hours it's 3 grams of paracetamol in total, under the 4 g on the box."
    assert [m.value for m in doses_per_day(text)] == [6.0]


# --- Round 9: a baby that moves, luck, a year, "my own back", an age on its own --------------------


def test_a_baby_that_has_stopped_moving_means_a_pregnancy() -> None:
    found = READ.read(KB, "28 wks. Back ache today and the baby has hardly moved since this morning.")
    assert found["reduced_fetal_movements"].status == "present"
    assert found["pregnant"].status == "present"


def test_a_stroke_of_luck_is_no_stroke() -> None:
    assert (
        READ.status(KB, "By a stroke of luck the GP could see me today; my back went yesterday.", "stroke_signs")
        is None
    )


def test_back_in_a_year_is_a_time_not_the_back() -> None:
    assert READ.status(KB, "I had shingles back in 2019.", "back_pain") is None
    assert READ.status(KB, "My back in the mornings is stiff.", "back_pain") == "present"


def test_my_own_back_is_the_back() -> None:
    assert READ.status(KB, "My own back: sore since I lifted the shopping.", "back_pain") == "present"


@pytest.mark.parametrize(
    ("text", "age"), [("63. Pain between my shoulder blades for a week.", 63), ("3. Back pain.", None)]
)
def test_an_age_alone_as_the_first_sentence(text: str, age: int | None) -> None:
    assert READ.value(KB, text, "age") == age


def test_a_symptom_that_has_gone_is_neither_new_nor_long_standing() -> None:
    found = READ.read(KB, "I had numbness in both legs after a disc op but it cleared up completely. Back sore today.")
    assert "leg_numbness_both_sides" not in found or found["leg_numbness_both_sides"].status == "absent"
    assert "longstanding_leg_symptoms" not in found


# --- Round 10: after a spinal operation, better then, lifting into a car ---------------------------


def test_an_operation_on_the_spine_puts_a_text_about_the_back() -> None:
    reading = read_text("Had a laminectomy 3 weeks ago and for 4 days the pain is constant.", KB, TODAY)
    assert reading.rules.in_scope


def test_better_then_is_not_better_now() -> None:
    text = "The wound was settling but for the last 4 days the pain is constant after my discectomy."
    assert READ.status(KB, text, "improving") is None


def test_a_grave_model_reading_of_a_lift_is_asked_back() -> None:
    grave = ModelReading("major_trauma", "own", "present", 0.97, "My back went when I lifted the mower into the car.")
    lift = ModelReading("trigger_lifting", "own", "present", 0.92, grave.sentence)
    readings = {"major_trauma": grave, "trigger_lifting": lift}
    ruled = [Finding(id="trigger_lifting", status="present", value=True, evidence="lifted", source="text")]
    _ask_doubtful(readings, ruled)
    assert readings["major_trauma"].kind == "unsure"
    collision = {"major_trauma": grave, "trigger_lifting": lift}
    _ask_doubtful(collision, [*ruled, Finding(id="major_trauma", status="present", value=True, evidence="car")])
    assert collision["major_trauma"].kind == "own"


# --- Round 11: gym words, things that collapse, a tablet's strength, the cough told first ---------


def test_a_heavy_leg_day_is_training_not_weak_legs() -> None:
    assert READ.status(KB, "Lower back sore after a heavy leg day at the gym.", "leg_weakness") is None


def test_a_shelf_that_collapsed_is_not_a_person_who_did() -> None:
    assert READ.status(KB, "The racking at work collapsed and I caught a box; my back twinged.", "collapse") is None
    assert READ.status(KB, "He collapsed in the warehouse.", "collapse") == "present"


def test_a_tablets_strength_is_not_a_dose_taken() -> None:
    assert [m.value for m in doses_per_day("taking paracetamol 500 mg tablets for my back")] == []
    assert [m.value for m in doses_per_day("500 mg tablets, 2 qds")] == [8.0]


def test_pain_on_coughing_told_cough_first() -> None:
    text = "Every time I sneeze or cough it's like a jolt through my lower back."
    assert READ.status(KB, text, "pain_worse_cough_sneeze") == "present"


# --- Idioms that name what they are mistaken for ------------------------------------------------


def test_an_idiom_names_the_findings_it_hides_and_they_are_asked_back() -> None:
    reading = read_text("Crashed out on the couch after my shift and woke up with a stiff lower back.", KB, TODAY)
    asked = {c.id for c in reading.to_confirm}
    found = {f.id for f in reading.understanding.findings if f.status != "absent"}
    assert "collapse" not in found
    assert "collapse" in reading.rules.not_own
    assert asked <= {"collapse", "fainting", "major_trauma", "minor_trauma"}


def test_an_idiom_naming_an_unknown_finding_is_refused() -> None:
    from backcare.adapters.language.vocabulary import Idiom, VocabularyError, load_vocabulary, validate_against

    vocabulary = load_vocabulary()
    bad = vocabulary.model_copy(update={"ignore": [*vocabulary.ignore, Idiom(pattern="a b", hides=["no_such"])]})
    with pytest.raises(VocabularyError, match="no_such"):
        validate_against(bad, KB.findings)


# --- Round 13: a slide to the floor, the other leg too, an age in brackets ------------------------


def test_a_slide_from_a_chair_to_the_floor_is_a_minor_fall() -> None:
    text = "Resident slid from her armchair to the floor this afternoon and now has low back pain."
    assert READ.status(KB, text, "minor_trauma") == "present"


def test_pain_in_the_other_leg_as_well_is_both_legs() -> None:
    text = "Sciatica down my left leg for a fortnight. Since last night it's shooting down my right leg as well."
    assert READ.status(KB, text, "leg_pain_both_sides") == "present"


def test_an_age_in_brackets_is_an_age_not_a_duration() -> None:
    found = READ.read(KB, "Mr T (81 years) has had back pain since Tuesday.")
    assert found["age"].value == 81
    assert found["days_since_onset"].value < 10


def test_a_cue_inside_a_finding_negates_no_list_after_it() -> None:
    """The "can't" of "can't catch my breath" is part of that finding: it does not deny the next
    item of the comma list ("really struggling to breathe")."""
    text = "My lower back went this morning and now I can't catch my breath, really struggling to breathe."
    assert READ.status(KB, text, "difficulty_breathing") == "present"
    denied = "No fever, weight loss, cancer, injury, chest pain, breathing problems or confusion."
    assert READ.status(KB, denied, "chest_pain") == "absent"  # a plain "no" still reaches the list


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("Dad had bowel cancer, so cancer's always on my mind, but my back just aches from the gym.", "history_of_cancer"),
        ("My husbands got covid with a high temp, I'm fine, my back aches from the gym.", "fever"),
    ],
)
def test_a_fear_or_a_relatives_illness_is_not_the_persons(text: str, fid: str) -> None:
    found = READ.read(KB, text).get(fid)
    assert found is None or found.status == "absent"


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("63. back pain for 3 weeks and it wakes me at night", 63),  # a bare age opening the text
        ("4F brought by mum. C/o back pain 3/7, keeps pointing to lower back.", 4),  # a note on a child
    ],
)
def test_an_age_that_opens_a_text_is_read(text: str, age: int) -> None:
    assert READ.value(KB, text, "age") == age


def test_a_small_fall_and_bleeding_long_over_are_told_as_such() -> None:
    fall = "80 yrs old, slid off the edge of the bed onto the floor, wasnt a big fall, lower back sore"
    assert READ.status(KB, fall, "minor_trauma") == "present"
    assert READ.status(KB, fall, "major_trauma") != "present"
    past = "30 wks pregnant. Had a bit of bleeding at 8 weeks but it was all fine and nothing since. Back ache."
    assert READ.status(KB, past, "vaginal_bleeding") not in ("present", "possible")
