"""Rounds 15 to 27 of the reading: whose back a sentence with no person in it is, a carer passing on
a hedge, strangers, what someone clear-headed does, a symptom that recovered, the weather's degrees
(which the sentence model takes for a fever), relatives just diagnosed, sentences about someone
else, pain that spreads rather than goes, and wordings of notes and of people."""

from __future__ import annotations

import datetime as dt

import pytest

from backcare.adapters.language import understand
from backcare.bootstrap import knowledge, read_text
from text_reading import ReadOn

TODAY = dt.date(2026, 10, 15)
READ = ReadOn(TODAY)
KB = knowledge()


# --- Round 15 (from R20) -------------------------------------------------------------------------


def test_a_back_with_no_person_named_is_whoever_the_text_was_just_about() -> None:
    text = "Dad's 74, tripped over the dog and landed on his backside yesterday. Lower back's sore."
    found = READ.read(KB, text)
    assert found["age"].value == 74
    assert found["minor_trauma"].status == "present"


def test_i_am_still_the_one_with_the_back_after_my_own_sentence() -> None:
    found = READ.read(KB, "I'm 45 and fit. Lower back sore since Tuesday.")
    assert found["age"].value == 45


def test_a_carer_passing_on_a_hedged_denial_leaves_it_to_be_asked() -> None:
    text = "Dad's back is sore. He says he doesn't think there's any numbness down below."
    reading = understand(text, KB, TODAY)
    assert "saddle_numbness" in reading.doubted
    assert "saddle_numbness" not in {f.id for f in reading.findings}


def test_a_stranger_is_not_the_person() -> None:
    text = "A bloke at work had numbness down below and ended up having surgery. My back's been sore since Monday."
    assert not READ.counted(KB, text, "saddle_numbness")


def test_a_foot_drop_that_recovered_completely_is_not_counted() -> None:
    text = "Ten years ago my foot dropped for a few months, but it recovered completely. Back ache this week."
    assert not READ.counted(KB, text, "foot_drop")


def test_the_weathers_degrees_are_set_aside_and_a_model_fever_there_is_asked_back() -> None:
    text = "Laying pavers in 38 degree heat today, sweating buckets, and my lower back started cramping up."
    assert "38 degree" in understand(text, KB, TODAY).explained
    reading = read_text(text, KB, TODAY)
    assert "fever" not in {f.id for f in reading.understanding.findings if f.status != "absent"}


def test_a_temperature_in_degrees_is_still_a_fever() -> None:
    assert READ.status(KB, "Temp 38.5 degrees and back pain since Monday.", "fever") == "present"


# --- Round 16 (from R21) -------------------------------------------------------------------------


def test_a_relative_just_diagnosed_and_a_fear_of_the_same_are_not_mine() -> None:
    text = (
        "My sister's just been diagnosed with bone cancer and now I'm frightened mine is cancer too. "
        "My lower back has hurt for about three months."
    )
    assert not READ.counted(KB, text, "history_of_cancer")


def test_a_model_reading_of_weakness_held_less_surely_than_the_leg_pain_is_asked_back() -> None:
    from backcare.adapters.learned.merge import ModelReading
    from backcare.adapters.learned.reading import _ask_doubtful

    sentence = "Pain down the back of my right leg to the calf since lifting a box."
    readings = {
        "leg_weakness": ModelReading("leg_weakness", "own", "present", 0.80, sentence),
        "leg_pain_below_knee": ModelReading("leg_pain_below_knee", "own", "present", 0.85, sentence),
    }
    _ask_doubtful(readings)
    assert readings["leg_weakness"].kind == "unsure"
    assert readings["leg_pain_below_knee"].kind == "own"


# --- Round 17 (from R22) -------------------------------------------------------------------------


def test_a_notes_family_history_is_not_the_persons() -> None:
    assert not READ.counted(KB, "45M. FHx breast ca (mother). LBP 2/52.", "history_of_cancer")


def test_a_model_reading_in_a_sentence_about_someone_else_is_asked_back() -> None:
    text = (
        "Dad's in hospital and the man in the next bed turned out to have an aneurysm that started as back pain. "
        "I'm 40 and my lower back has ached since I've been sleeping in the chair beside Dad."
    )
    reading = read_text(text, KB, TODAY)
    counted = {f.id for f in reading.understanding.findings if f.status != "absent"}
    assert not counted & {"collapse", "fainting", "known_aaa"}


# --- Round 18 (from R23) -------------------------------------------------------------------------


def test_pain_that_went_down_the_arm_is_spreading_not_over() -> None:
    text = (
        "Back's been at me all week and tonight I got a tight pain across the chest, and it went down into me left arm."
    )
    assert READ.status(KB, text, "chest_pain") == "present"
    assert not READ.counted(KB, "I had a fever last week but it's gone now. Back sore.", "fever")


def test_a_note_that_says_it_wakes_him_nightly_is_night_pain() -> None:
    assert READ.status(KB, "47M. LBP 3/52, constant, wakes him nightly.", "night_pain") == "present"


def test_a_notes_compact_age_and_sex_is_spelled_out_for_the_model_only_where_the_rules_read_an_age() -> None:
    from backcare.adapters.learned.reading import _spelled

    assert (
        _spelled("27f, ache in the middle of my back.", {"27f"}) == "27-year-old woman, ache in the middle of my back."
    )
    assert _spelled("Temp 101F since last night.", set()) == "Temp 101F since last night."


# --- Wordings of rounds 15 to 25 ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fid", "status"),
    [
        # round 15 (from R20)
        ("He's still chatty and eating his tea, back sore.", "confusion_or_drowsiness", "absent"),
        ("He's been trying to go to the toilet and nothing will come, back agony.", "urinary_retention", "present"),
        (
            "Back pain, taking paracetamol and beechams, lost count tbh prob more than it says on the box.",
            "paracetamol_overuse",
            "present",
        ),
        # round 16 (from R21)
        ("45M, LBP 3/52. New bilat LL numbness over past week.", "leg_numbness_both_sides", "present"),
        ("Back pain since yesterday and when I make urine it is burning.", "painful_urination", "present"),
        # a clause of its own after the list: "..., and wakes her most nights" is not denied
        (
            "Back pain all the time, not relieved by rest or by any change of position, and wakes her most nights.",
            "night_pain",
            "present",
        ),
        ("Pt 39F c/o R buttock pain radiating to lateral calf x 6 wks, not improving.", "days_since_onset", "present"),
        # round 17 (from R22)
        (
            "I am pregnant 22 week, back pain. Today there is some blood, it come from the vagina.",
            "vaginal_bleeding",
            "present",
        ),
        (
            "Back spasm since yesterday, I can hardly breathe, can only say a few words at a time.",
            "difficulty_breathing",
            "present",
        ),
        ("41M. Acute LBP 3/7. Fourth episode in past 12/12.", "episodes_past_year", "present"),
        # round 19 (from R24)
        ("66F, LBP. RR 32, SpO2 87% on air, speaking in short phrases only.", "difficulty_breathing", "present"),
        ("39+0/40, G1. Back pain in regular waves q5min x1h.", "regular_tightening", "present"),
        ("39+0/40. Back pain. No PV bleeding, SROM not suspected.", "fluid_leak", "absent"),
        ("29M, acute LBP after lifting. NRS 9/10, unrelieved by rest or any position.", "pain_unrelenting", "present"),
        ("My 4-year-old keeps telling me her back hurts.", "age", "present"),
        # round 20 (from R26): a child named with "my" and an age is the patient described
        ("My 10 year old son keeps waking up in the night crying with pain in his back.", "night_pain", "present"),
        ("My 10 year old son has back pain that wakes him at night.", "night_pain", "present"),
        (
            "Dad says when he lies flat he can feel a thumping in his tummy, low back aching.",
            "pulsating_abdomen",
            "present",
        ),
        ("29M, 3rd episode acute LBP in 12/12, 2/7 after lifting.", "episodes_past_year", "present"),
        ("41F, L S1 sciatica 6/52. Power, sensation and reflexes normal.", "leg_weakness", "absent"),
        # round 21 (from R27)
        ("Since Monday my left leg just won't do what I tell it, back aching.", "leg_weakness", "present"),
        ("Back went at the weekend, I'd been sitting gaming all wknd.", "prolonged_sitting", "present"),
        # round 22 (from R29)
        ("lower back went on monday n every cough is like a knife in it", "pain_worse_cough_sneeze", "present"),
        (
            "Back sore since lifting. I looked it up and now I can't sleep for worrying.",
            "worried_or_not_coping",
            "present",
        ),
        ("There is something wrong with my waterworks since my back went.", "urinary_retention", "possible"),
        # round 23 (from R30): not sure whether is still a hedge, not a what-if
        ("I can't tell whether my legs are numb or just tingly.", "leg_numbness_both_sides", "possible"),
        (
            "Back sore for a week, and a new lump on it, just to the right of my spine.",
            "back_lump_or_deformity",
            "present",
        ),
        # round 24 (from R31)
        (
            "30 weeks, back aching, and the baby hasn't been moving like normal since last night.",
            "reduced_fetal_movements",
            "present",
        ),
        ("My left leg went weak on Tuesday but it's no worse than it was.", "leg_weakness_worsening", "absent"),
        # round 25 (from R33)
        ("I'm 71 and I passed out on the bathroom floor this morning, my back is agony.", "fainting", "present"),
        ("44F, L5 radicular pain to the big toe 1/52. Power 5/5 throughout.", "foot_drop", "absent"),
    ],
)
def test_wordings_read_as_written(text: str, fid: str, status: str) -> None:
    assert READ.status(KB, text, fid) == status


def test_a_fever_told_as_all_gone_now_is_over() -> None:
    text = "Had the flu with a high temperature three weeks ago, that's all gone now. Lower back sore."
    assert not READ.counted(KB, text, "fever")
    assert READ.status(KB, "Fever since yesterday, that's why I'm writing.", "fever") == "present"


def test_normal_saturations_are_not_difficulty_breathing() -> None:
    assert READ.status(KB, "LBP 2/52. SpO2 97% on air, RR 16.", "difficulty_breathing") is None


def test_a_window_in_a_note_is_not_how_long_it_has_lasted() -> None:
    """ "in 12/12" is the past year and "review in 2/52" is ahead: neither is days since onset."""
    understood = understand("29M, 3rd episode acute LBP in 12/12, 2/7 after lifting.", KB, TODAY)
    values = {f.id: f.value for f in understood.findings}
    assert values["days_since_onset"] == 2 and values["episodes_past_year"] == 3
    assert "pain_over_3_months" not in values


def test_a_fall_the_model_also_reads_as_a_collapse_is_asked_back() -> None:
    from backcare.adapters.learned.merge import ModelReading
    from backcare.adapters.learned.reading import _ask_doubtful

    sentence = "She slipped on the kitchen floor and landed on her bottom."
    readings = {
        "collapse": ModelReading("collapse", "own", "present", 0.91, sentence),
        "fainting": ModelReading("fainting", "own", "present", 0.71, sentence),
        "minor_trauma": ModelReading("minor_trauma", "own", "present", 0.99, sentence),
    }
    _ask_doubtful(readings)
    assert readings["collapse"].kind == readings["fainting"].kind == "unsure"
    assert readings["minor_trauma"].kind == "own"


def test_a_coughing_fit_is_set_aside_so_a_model_collapse_there_is_asked_back() -> None:
    understood = understand("Sudden sharp low back pain in the middle of a coughing fit last night.", KB, TODAY)
    assert {"collapse", "fainting"} <= set(understood.not_own)


def test_a_hedged_denial_of_anything_wrong_down_there_is_asked() -> None:
    understood = understand("Back sore. I don't think there's anything wrong with my waterworks.", KB, TODAY)
    assert "urinary_retention" in understood.doubted
    assert "urinary_retention" not in {f.id for f in understood.findings}


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        # round 20 (from R26): leakage on coughing since childbirth long ago
        (
            "I've had a bit of leakage when I cough or laugh ever since my third baby, 20 years ago. Low back aches.",
            "urinary_incontinence",
        ),
        # round 21 (from R27): a journey, not a stumble
        ("Grandad's back has been stiff since a long car trip at the weekend, he hasn't fallen.", "minor_trauma"),
        # round 22 (from R29): "that back pain" after "read online that" is no back, so the cue reaches it
        (
            "I've never had cancer but I read online that back pain can be cancer and now I'm scared.",
            "history_of_cancer",
        ),
        # round 23 (from R30): a fever waited for, a note's past history
        ("LBP after lifting. Should I wait and see whether I run a temperature?", "fever"),
        ("41M, LBP 1/52 after squash, improving. PMH: MVC 2011, no residual issues.", "major_trauma"),
        # round 25 (from R33): a question put to the person, a leak "been like that" for years
        (
            "Fell off a chair yesterday. The nurse on the phone asked about accidents with my water. Not sure.",
            "urinary_incontinence",
        ),
        (
            "I leak a little when I sneeze or jump, been like that since I had them ten years ago. Back sore.",
            "urinary_incontinence",
        ),
        # round 26 (from R34): a Mammy's or a mom's cancer
        ("Mammy had cancer in her spine. My own lower back is stiff.", "history_of_cancer"),
        ("My mom had breast cancer. My back hurts.", "history_of_cancer"),
    ],
)
def test_what_is_not_the_persons_now_is_not_counted(text: str, fid: str) -> None:
    assert not READ.counted(KB, text, fid)


# --- Round 27 (from R35 and R36): the rule reader alone --------------------------------------------


def _rules(text: str) -> dict[str, tuple[str, object]]:
    return {f.id: (f.status, f.value) for f in understand(text, KB, TODAY).findings}


@pytest.mark.parametrize(
    ("text", "fid", "status"),
    [
        # "there is this" tells what is there: no question ("is this serious?")
        ("Back sore. But there's this squeezing pressure in the middle of my chest.", "chest_pain", "present"),
        (
            "I've been on a diet since January and lost 10 kilos. Back went yesterday.",
            "unexplained_weight_loss",
            "absent",
        ),
        ("Sciatica in the left leg a good while, now it's gone into both legs.", "leg_pain_both_sides", "present"),
        ("48M, LBP + L sciatica 6/52. Power, sensation, reflexes normal.", "leg_weakness", "absent"),
        ("Lower back crook after gardening. Been 3 days, nothing down the legs.", "leg_pain_below_knee", "absent"),
        (
            "My back is very bad, 9 from 10, nothing is helping, lying, sitting, standing.",
            "pain_unrelenting",
            "present",
        ),
        (
            "My lower back has been sore for 3 weeks and sneezing sets that off too.",
            "pain_worse_cough_sneeze",
            "present",
        ),
        ("Back spasms. Bloods: Mg 0.85, adj Ca 2.35, K 4.1.", "low_calcium_magnesium_potassium", "absent"),
        ("Both legs tingle when I walk, been exactly the same for years.", "longstanding_leg_symptoms", "present"),
        # "weaker" compares with before or the other leg; weaker than yesterday is worse
        ("My left leg's been weaker for a week. It hasn't got any worse.", "leg_weakness_worsening", "absent"),
        ("My legs are weaker today than yesterday and my back is agony.", "leg_weakness_worsening", "present"),
    ],
)
def test_round_27_wordings_read_by_the_rules(text: str, fid: str, status: str) -> None:
    assert _rules(text)[fid][0] == status


def test_a_notes_thoracic_levels_are_the_middle_of_the_back() -> None:
    assert _rules("27M. T6-T8 paraspinal pain 2/52, worse with rotation.")["pain_region"] == ("present", "middle")


def test_the_fourth_time_this_yr_is_four_episodes() -> None:
    found = _rules("this is the 4th time this yr my back has gone, always when i lift at work")
    assert found["episodes_past_year"] == ("present", 4)


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("i inject dont judge. backs been bad a week. no temp that i know of.", "fever"),
        ("No numbness down below as far as I can tell, back sore.", "saddle_numbness"),
    ],
)
def test_a_denial_with_a_hedge_after_it_is_asked(text: str, fid: str) -> None:
    understood = understand(text, KB, TODAY)
    assert fid in understood.doubted
    assert fid not in {f.id for f in understood.findings}


def test_a_hedged_denial_that_the_bladder_is_any_different_is_asked() -> None:
    understood = understand("Sciatica 7 weeks. I don't think my bladder is any different, not sure.", KB, TODAY)
    assert "urinary_retention" in understood.doubted
    assert "urinary_retention" not in {f.id for f in understood.findings}


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        # no one speaks in the first person: "he" is the patient, and a reporter's words are theirs
        ("LBP 2/52. Wife reports he has been confused and drowsy today.", "confusion_or_drowsiness"),
        ("LBP 2/52. He reports numbness in both legs since yesterday.", "leg_numbness_both_sides"),
        ("The whites of his eyes look yellow.", "yellow_skin_or_eyes"),
        ("Mr K (51), R L5 radiculopathy. Ankle dorsiflexion has dropped from 4/5 to 2/5.", "leg_weakness_worsening"),
        ("Back bad for weeks, legs gone weak, grabbing the kitchen counter to stay upright.", "unsteady_walking"),
        # "my mum's 66" is "is", not a possessive; "nothing'll" is "nothing will"
        ("My mum's 66 and has had lower back pain for days. Today she's got a temperature of 39.2.", "fever"),
        ("Ringing about my husband. He's been trying to go to the toilet and nothing'll come.", "urinary_retention"),
    ],
)
def test_a_note_told_of_him_or_her_is_the_patients(text: str, fid: str) -> None:
    assert _rules(text)[fid][0] == "present"


def test_her_bladder_in_my_own_account_is_someone_elses() -> None:
    text = "The lady in the next bed when I had my knee done lost control of her bladder. Mine's just stiff low down."
    understood = understand(text, KB, TODAY)
    assert "urinary_incontinence" in understood.not_own
    assert "urinary_incontinence" not in {f.id for f in understood.findings}


@pytest.mark.parametrize(
    ("text", "fid", "value"),
    [
        ("My back is agony. It's a 9 or 10, nothing touches it.", "pain_score", 10),
        ("Back pain's a 9, a solid 9.", "pain_score", 9),
        ("My back is very pain since yesterday, 9 from 10.", "pain_score", 9),
        ("Just an ache in my lower back, going on 8 weeks, not really changing.", "days_since_onset", 56),
        ("72F, chronic LBP > 1 yr, lumbar canal stenosis on MRI.", "pain_over_3_months", True),
        (
            "71F, HF on furosemide. Recurrent lumbar muscle cramps x 4/52. K+ 3.3.",
            "low_calcium_magnesium_potassium",
            True,
        ),
        ("71F, HF on furosemide. Recurrent lumbar muscle cramps x 4/52.", "recurrent_spasms", True),
        ("71F, HF on furosemide. Recurrent lumbar muscle cramps x 4/52.", "heart_failure", True),
    ],
)
def test_round_27_values_read_by_the_rules(text: str, fid: str, value: object) -> None:
    assert _rules(text)[fid] == ("present", value)


@pytest.mark.parametrize(
    "text",
    [
        "Back in 2014 I had a prolapsed disc, sorted with physio and completely gone for years. This week my low back is sore.",
        "Bad car crash in 2009, but my back has been fine for years since. This week I've strained my lower back.",
    ],
)
def test_years_of_being_well_are_not_years_of_pain(text: str) -> None:
    found = _rules(text)
    assert "pain_over_3_months" not in found
    assert found["days_since_onset"][1] <= 7  # "this week", not years


def test_a_chest_of_drawers_is_no_chest_pain() -> None:
    assert not READ.counted(KB, "Moved a heavy chest of drawers yesterday and my lower back is tight.", "chest_pain")


def test_feeling_when_the_bladder_is_full_is_no_retention() -> None:
    assert "urinary_retention" not in _rules(
        "Lower back since Thursday. No leaks, and I can feel when my bladder's full."
    )
