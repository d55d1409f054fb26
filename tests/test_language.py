"""Free text to findings, on the real medspaCy pipeline (no fakes: these are the safety cases)."""

from __future__ import annotations

import datetime as dt

import pytest

from backcare.adapters.language import Understanding, understand
from backcare.core.models import Finding
from backcare.knowledge import load_knowledge

TODAY = dt.date(2025, 6, 5)  # a Thursday


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


def read(kb, text: str, today: dt.date = TODAY) -> dict[str, Finding]:
    return {f.id: f for f in understand(text, kb, today).findings}


def status(kb, text: str, fid: str) -> str | None:
    found = read(kb, text).get(fid)
    return found.status if found else None


# --- the known trap: "can't" and friends inside red-flag targets -------------------------------


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("My back is in spasm and I can't pee.", "urinary_retention"),
        ("Lower back pain. I cant pee since this morning.", "urinary_retention"),
        ("My back went and I cannot pass urine.", "urinary_retention"),
        ("Back spasm and I'm unable to hold my wee.", "urinary_incontinence"),
        ("Since my back went there's no feeling down there.", "saddle_numbness"),
        ("Bad back and I have no control of my bowels.", "bowel_incontinence"),
        ("I can't feel the toilet paper when I wipe, lower back pain.", "saddle_numbness"),
        ("I couldn't stop myself wetting, my back is agony.", "urinary_incontinence"),
        ("I can't control my bladder and my back hurts.", "urinary_incontinence"),
        ("Back spasm. I've been trying to wee and nothing will come out.", "urinary_retention"),
        ("My lower back hurts and I can't really feel the loo roll when I wipe.", "saddle_numbness"),
        ("Lost control of my bladder this morning, back pain.", "urinary_incontinence"),
    ],
)
def test_cant_phrasings_are_red_flags_present(kb, text: str, fid: str) -> None:
    assert status(kb, text, fid) == "present"


def test_the_cue_inside_a_target_does_not_negate_the_next_finding(kb) -> None:
    found = read(kb, "I can't pee and my legs are numb, lower back pain.")
    assert found["urinary_retention"].status == "present"
    assert found["leg_numbness_both_sides"].status == "present"


# --- negation -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("Back spasm. No fever.", "fever"),
        ("Back pain, I don't have a temperature.", "fever"),
        ("Back pain, haven't noticed any numbness down below.", "saddle_numbness"),
        ("Back ache, no sign of a fever.", "fever"),
        ("Back pain and I've never had cancer.", "history_of_cancer"),
        ("Sore back, nothing odd with the toilet or down below.", "saddle_numbness"),
        ("Sore back, nothing odd with the toilet or down below.", "urinary_retention"),
        ("My back hurts but my bladder is normal.", "urinary_incontinence"),
        ("My back hurts, peeing fine.", "urinary_retention"),
        ("Back spasm, legs strong.", "leg_weakness"),
        ("Back spasm and my head's clear.", "confusion_or_drowsiness"),
        ("Back spasm, didnt fall or anything.", "minor_trauma"),
        ("Back pain, no pain, tingling or numbness down either leg.", "leg_numbness_both_sides"),
        ("Back pain. I'm not short of breath.", "shortness_of_breath"),
    ],
)
def test_negated_and_reassured_findings_are_absent(kb, text: str, fid: str) -> None:
    assert status(kb, text, fid) == "absent"


def test_a_no_does_not_reach_a_separate_list_item(kb) -> None:
    found = read(kb, "Back pain, no fever, legs numb.")
    assert found["fever"].status == "absent"
    assert found["leg_numbness_both_sides"].status == "present"


def test_terminators_end_a_negation(kb) -> None:
    found = read(kb, "Back pain. No fever but my legs feel weak.")
    assert found["fever"].status == "absent"
    assert found["leg_weakness"].status == "present"


def test_present_wins_over_absent_for_the_same_finding(kb) -> None:
    found = read(kb, "Back pain. Bladder fine. Actually I've wet myself twice today.")
    assert found["urinary_incontinence"].status == "present"


# --- uncertainty --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("Lower back spasm. I think I might have a fever.", "fever"),
        ("Back pain, maybe it's harder to pee than usual?", "urinary_retention"),
        ("Not sure if my legs are weaker, back spasm.", "leg_weakness_worsening"),
        ("Lower back pain, kind of numb between my legs.", "saddle_numbness"),
        ("Back pain and a bit sweaty.", "sweating_clammy"),
    ],
)
def test_hedged_findings_are_possible(kb, text: str, fid: str) -> None:
    assert status(kb, text, fid) == "possible"


# --- hypothetical, future, other people, history -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("In case I get a fever, what should I do? My back is in spasm.", "fever"),
        ("If I get numbness between my legs I will go to A&E. Back spasm.", "saddle_numbness"),
        ("The leaflet said to watch out for loss of bladder control. Back ache.", "urinary_incontinence"),
        ("Worried I might lose control of my bowels. Back pain for 2 days.", "bowel_incontinence"),
        ("The doctor said to look out for bladder problems. Back spasm.", "urinary_retention"),
        ("What if I can't pee? My back is really sore.", "urinary_retention"),
    ],
)
def test_hypothetical_findings_are_not_emitted(kb, text: str, fid: str) -> None:
    assert fid not in read(kb, text)


def test_a_conditional_that_describes_a_real_symptom_counts(kb) -> None:
    assert status(kb, "If I sit for long my legs go numb. Lower back pain.", "leg_numbness_both_sides") == "present"


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("My dad had bowel cancer. My back hurts.", "history_of_cancer"),
        ("My mum had cancer and my back is sore.", "history_of_cancer"),
        ("My wife is pregnant and I hurt my back lifting the cot.", "pregnant"),
        ("Cancer runs in the family. My lower back hurts.", "history_of_cancer"),
        ("My brother lost control of his bladder with a slipped disc. My back is stiff.", "urinary_incontinence"),
        ("My mum has osteoporosis but I don't. Back spasm.", "osteoporosis"),
    ],
)
def test_other_peoples_findings_are_not_emitted(kb, text: str, fid: str) -> None:
    assert fid not in read(kb, text) or read(kb, text)[fid].status == "absent"


def test_a_carers_report_is_about_the_person_described(kb) -> None:
    found = read(kb, "Writing for my dad, he's 81. He had prostate cancer. His back hurts and he can't pee.")
    assert found["history_of_cancer"].status == "present"
    assert found["urinary_retention"].status == "present"
    assert found["age"].value == 81
    assert found["sex"].value == "male"


def test_the_writers_own_age_is_not_the_patients_in_a_carers_report(kb) -> None:
    found = read(kb, "Asking for my mum, 76. I'm 50. Her back keeps going into spasm.")
    assert found["age"].value == 76
    assert found["sex"].value == "female"


def test_past_cancer_counts_but_a_resolved_fever_does_not(kb) -> None:
    found = read(kb, "I had breast cancer in 2015. I had a fever last month, fine now. My back aches.")
    assert found["history_of_cancer"].status == "present"
    assert "fever" not in found or found["fever"].status == "absent"


def test_resolved_sciatica_is_not_current_leg_pain(kb) -> None:
    found = read(kb, "I had sciatica about five years back that cleared up completely. My back is sore again.")
    assert found.get("leg_pain_below_knee") is None


def test_recent_events_count_even_when_over(kb) -> None:
    found = read(kb, "Had a stomach bug last week with vomiting, and since then my back keeps cramping.")
    assert found["vomiting_or_diarrhoea"].status == "present"
    assert found["recurrent_spasms"].status == "present"


# --- pseudo-negations ---------------------------------------------------------------------------


def test_no_better_is_not_a_negation_of_what_follows(kb) -> None:
    found = read(kb, "My back is no better and I have pins and needles in both legs.")
    assert found["improving"].status == "absent"
    assert found["leg_numbness_both_sides"].status == "present"


def test_not_only_does_not_negate(kb) -> None:
    assert status(kb, "Not only my back, I also have chest pain.", "chest_pain") == "present"


def test_not_sure_if_is_uncertainty_not_negation(kb) -> None:
    assert status(kb, "Back spasm. Not sure if I have a fever.", "fever") == "possible"


def test_cant_bend_does_not_negate_the_leg_pain_after_it(kb) -> None:
    assert status(
        kb, "My back is stiff, I can't bend without pain shooting down my left leg.", "leg_pain_below_knee"
    ) == ("present")


# --- lay vocabulary ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("Back spasm and I wet myself.", "urinary_incontinence"),
        ("Lower back pain and I'm numb down below.", "saddle_numbness"),
        ("My back went and my legs are like jelly.", "leg_weakness"),
        ("My legs keep giving way since my back went.", "leg_weakness"),
        ("My foot is slapping when I walk since I hurt my back.", "foot_drop"),
        ("I've got a temperature and my back hurts.", "fever"),
        ("Sweats and shivers with this back pain.", "fever"),
        ("Sweated buckets at the gym and now my back is cramping.", "heavy_sweating"),
        ("Back again discomfort muscle spasms, legs are robust.", "back_pain"),
        ("Lower back pain with numbess in both legs.", "leg_numbness_both_sides"),
        ("My lower bak has been spazming.", "back_pain"),
        ("My back is killing me and my pee is pink.", "blood_in_urine"),
        ("Pain between my shoulder blades and my jaw aches.", "pain_to_arm_or_jaw"),
    ],
)
def test_lay_and_misspelt_words_are_understood(kb, text: str, fid: str) -> None:
    assert status(kb, text, fid) == "present"


def test_sweated_buckets_is_not_clamminess(kb) -> None:
    assert "sweating_clammy" not in read(kb, "Went for a run and sweated buckets, now my back is cramping.")


# --- numbers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "age", "sex"),
    [
        ("I'm 67 and my back hurts.", 67, None),
        ("67yo woman, back pain.", 67, "female"),
        ("I'm a 67-year-old man with a sore back.", 67, "male"),
        ("67M lower back pain.", 67, "male"),
        ("36f back spasms.", 36, "female"),
        ("In my seventies, back trouble.", 70, None),
        ("I am 50 years of age and my back aches.", 50, None),
    ],
)
def test_age_and_sex(kb, text: str, age: int, sex: str | None) -> None:
    found = read(kb, text)
    assert found["age"].value == age
    if sex:
        assert found["sex"].value == sex


def test_weeks_are_not_an_age(kb) -> None:
    found = read(kb, "I'm 24 weeks pregnant and I'm 31. Back ache.")
    assert found["age"].value == 31
    assert found["pregnancy_weeks"].value == 24
    assert found["pregnant"].status == "present"
    assert found["sex"].value == "female"


def test_months_pregnant_become_weeks(kb) -> None:
    assert read(kb, "7 months pregnant and my back is killing me.")["pregnancy_weeks"].value == 30


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Back pain since yesterday.", 1),
        ("Back pain since Tuesday.", 2),  # TODAY is a Thursday
        ("My back went on Monday.", 3),
        ("Back spasm started 3 days ago.", 3),
        ("Back pain for a fortnight.", 14),
        ("Hurt my back 7 weeks ago now.", 49),
        ("Back pain since this morning.", 0),
        ("Back spasm since last night.", 0),
        ("My lower back has been bad for about 8 months.", 240),
    ],
)
def test_days_since_onset(kb, text: str, days: int) -> None:
    assert read(kb, text)["days_since_onset"].value == days


def test_long_history_is_pain_over_3_months(kb) -> None:
    assert read(kb, "My lower back has been bad for about 8 months.")["pain_over_3_months"].status == "present"


def test_a_conditions_duration_is_not_the_onset(kb) -> None:
    assert "days_since_onset" not in read(kb, "Back pain. I've been on prednisolone for 5 years.")


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("Back pain 8/10.", 8),
        ("My back is eight out of ten.", 8),
        ("Back spasm, 7 out of 10.", 7),
        ("Back pain is 9 out of 10 when it grabs but settles to about a 3/10.", 9),
    ],
)
def test_pain_scores(kb, text: str, score: int) -> None:
    assert read(kb, text)["pain_score"].value == score


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Pain in my lower back.", "lower"),
        ("Pain between my shoulder blades.", "upper"),
        ("Ache in the middle of my back.", "middle"),
    ],
)
def test_pain_region(kb, text: str, region: str) -> None:
    assert read(kb, text)["pain_region"].value == region


def test_temperature_readings(kb) -> None:
    assert read(kb, "Back pain and a temperature of 38.9.")["fever"].status == "present"
    assert read(kb, "Back pain, my temp is 36.8.")["fever"].status == "absent"


def test_episodes_this_year(kb) -> None:
    assert read(kb, "This is the 4th time this year my back has gone into spasm.")["episodes_past_year"].value == 4


# --- medicines -----------------------------------------------------------------------------------


def test_medicines_by_brand_are_listed_by_generic_name(kb) -> None:
    found = read(kb, "Back spasms. I take Lipitor and Lasix.")
    assert found["medications"].value == ["atorvastatin", "furosemide"]


def test_negated_and_asked_about_medicines_are_not_listed(kb) -> None:
    found = read(kb, "Bad back. I take warfarin but I don't take ibuprofen. Is it ok to take Tylenol?")
    assert found["medications"].value == ["warfarin"]


def test_several_paracetamol_products_are_several_products_not_overuse(kb) -> None:
    # revised 2026-12: several products is asked about (the 24-hour total), not overuse by itself
    text = "Hurt my back. Taking paracetamol plus Lemsip for a cold and a couple of my wife's co-codamol."
    found = read(kb, text)
    assert found["paracetamol_several_products"].status == "present"
    assert "paracetamol_overuse" not in found


def test_paracetamol_within_the_label_is_not_overuse(kb) -> None:
    text = "Back spasm. Taking paracetamol exactly like the packet says, nothing else with paracetamol in it."
    found = read(kb, text)
    assert found.get("paracetamol_overuse") is None or found["paracetamol_overuse"].status == "absent"


# --- scope and robustness -------------------------------------------------------------------------


def test_back_text_is_in_scope_with_back_pain(kb) -> None:
    result = understand("My lower back went into spasm.", kb, TODAY)
    assert result.in_scope
    assert {f.id: f.status for f in result.findings}["back_pain"] == "present"
    assert all(f.source == "text" for f in result.findings)


@pytest.mark.parametrize("text", ["What's the weather like today?", "I have a headache and a sore throat."])
def test_non_back_text_is_out_of_scope_with_nothing_read(kb, text: str) -> None:
    result = understand(text, kb, TODAY)
    assert not result.in_scope
    assert result.findings == []
    assert result.messages


def test_out_of_scope_text_keeps_emergency_signs(kb) -> None:
    result = understand("I have crushing chest pain.", kb, TODAY)
    assert not result.in_scope
    assert {f.id for f in result.findings} == {"chest_pain"}


@pytest.mark.parametrize(
    "text",
    ["", "   \n\t ", "\x00\x01\x02\x7f", "😀😀 🔥", "Me duele mucho la espalda desde ayer.", "腰が痛い", "\ud800 back"],
)
def test_odd_input_never_crashes(kb, text: str) -> None:
    result = understand(text, kb, TODAY)
    assert isinstance(result, Understanding)


def test_empty_text_says_so(kb) -> None:
    result = understand("   ", kb, TODAY)
    assert not result.in_scope and result.findings == [] and result.messages


def test_another_language_gets_a_message(kb) -> None:
    result = understand("Me duele mucho la espalda desde ayer y no puedo dormir bien por la noche.", kb, TODAY)
    assert any("English" in m for m in result.messages)


def test_a_huge_text_is_cut_with_a_message(kb) -> None:
    text = "I can't pee and my back hurts. " + "Nothing else to say really. " * 40_000  # about 1 MB
    result = understand(text, kb, TODAY)
    assert any("only the first part" in m for m in result.messages)
    assert {f.id: f.status for f in result.findings}["urinary_retention"] == "present"


def test_understanding_is_frozen(kb) -> None:
    result = understand("My back hurts.", kb, TODAY)
    with pytest.raises(Exception):  # noqa: B017 - pydantic raises its own ValidationError
        result.in_scope = False
