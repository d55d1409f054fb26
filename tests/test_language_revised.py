"""Free text under the revised contract (clinical spec sections 1 and 2, marks of 2026-12): the new
findings, "new or worsening" for the both-legs findings, stress leakage, hedged denials,
several paracetamol products, and the attribution fixes of the December 2026 clinical review."""

from __future__ import annotations

import datetime as dt

import pytest

from backcare.knowledge import load_knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 2)  # a Wednesday


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


_ON = ReadOn(TODAY)
read, status, counted = _ON.read, _ON.status, _ON.counted


# --- the new findings ------------------------------------------------------------------------

FIRES = [
    # pain_worse_cough_sneeze
    ("pain_worse_cough_sneeze", "My lower back is sore and it's worse whenever I cough."),
    ("pain_worse_cough_sneeze", "Every sneeze sends a jolt through my back."),
    ("pain_worse_cough_sneeze", "Back ache that really hurts when I strain on the toilet."),
    ("pain_worse_cough_sneeze", "Coughing makes my back pain much worse."),
    ("pain_worse_cough_sneeze", "Mid back pain, agony on sneezing."),
    ("pain_worse_cough_sneeze", "My back hurts more if I cough, sneeze or laugh."),
    # back_lump_or_deformity
    ("back_lump_or_deformity", "I've found a lump on my lower back and it aches."),
    ("back_lump_or_deformity", "There's a new swelling along my spine and my back is sore."),
    ("back_lump_or_deformity", "My back hurts and my wife says my spine looks more curved than it used to."),
    ("back_lump_or_deformity", "Back pain, and one of the bones in my back is sticking out."),
    ("back_lump_or_deformity", "I've noticed a change in the shape of my back, with some pain."),
    # worried_or_not_coping
    ("worried_or_not_coping", "Back spasm. I'm worried it might be something serious."),
    ("worried_or_not_coping", "My back is killing me and I'm really anxious about it."),
    ("worried_or_not_coping", "Honestly I'm not coping with this back pain any more."),
    ("worried_or_not_coping", "The pain in my back is stopping me from doing anything."),
    ("worried_or_not_coping", "I can't look after my kids because of my back."),
    ("worried_or_not_coping", "Back pain for a week, I'm at the end of my tether."),
    ("worried_or_not_coping", "I've been signed off work with my back."),
    # reduced_fetal_movements
    ("reduced_fetal_movements", "I'm 32 weeks pregnant, my back aches and the baby is moving less than usual."),
    ("reduced_fetal_movements", "28 weeks pregnant with back pain, and I haven't felt the baby kick today."),
    ("reduced_fetal_movements", "Pregnant, back ache, and the baby's movements have slowed down."),
    ("reduced_fetal_movements", "34 weeks pregnant. Backache and baby has been very quiet since last night."),
    # longstanding_leg_symptoms
    ("longstanding_leg_symptoms", "I have peripheral neuropathy and my back is stiff."),
    ("longstanding_leg_symptoms", "Both my feet have been numb for years from my diabetes. Sore back."),
    ("longstanding_leg_symptoms", "Tingling in both legs for about five years now, and I strained my back yesterday."),
    (
        "longstanding_leg_symptoms",
        "I've got spinal stenosis, both legs ache when I walk and ease when I sit down. Back stiff.",
    ),
    # paracetamol_several_products
    ("paracetamol_several_products", "I'm on co-codamol for my back and Beechams for a cold."),
    ("paracetamol_several_products", "Taking Panadol and Night Nurse for my back and the flu."),
    ("paracetamol_several_products", "My back hurts and I'm taking two things that both have paracetamol in them."),
    # pain_region: upper or middle back
    ("pain_region", "Aching in my back at the level of my bra strap."),
    ("pain_region", "Sharp pain between my shoulders since yesterday."),
    ("pain_region", "My upper spine is sore after painting the ceiling."),
    # yellow_skin_or_eyes
    ("yellow_skin_or_eyes", "The whites of my eyes have gone yellow and my back hurts."),
    ("yellow_skin_or_eyes", "My back aches and my partner says I look jaundiced."),
    ("yellow_skin_or_eyes", "Mid back pain, and my skin has a yellow tinge."),
]


@pytest.mark.parametrize(("fid", "text"), FIRES, ids=[f"{f}:{t[:40]}" for f, t in FIRES])
def test_the_new_findings_are_read(kb, fid: str, text: str) -> None:
    assert counted(kb, text, fid), read(kb, text)


DOES_NOT_FIRE = [
    # the sneeze that set the pain off is its onset, not pain made worse by coughing
    ("pain_worse_cough_sneeze", "I sneezed this morning and my back went into spasm."),
    ("pain_worse_cough_sneeze", "A sneezing fit set off a spasm in my lower back."),
    ("pain_worse_cough_sneeze", "I've got a cough and a cold, and my back aches after gardening."),
    ("pain_worse_cough_sneeze", "Back ache. Coughing doesn't make it any worse."),
    # a knot is a tight muscle; a twist is an injury; a bump to the back is a knock
    ("back_lump_or_deformity", "I've got a horrible knot in my back from sitting at my desk."),
    ("back_lump_or_deformity", "I twisted my back lifting the shopping."),
    ("back_lump_or_deformity", "I bumped my back on the door frame."),
    ("back_lump_or_deformity", "I found a lump in my breast, and separately my back aches."),
    # a feared future symptom, a passing panic, someone else's worry
    ("worried_or_not_coping", "Worried I might lose bladder control because I read about it. Back spasm."),
    ("worried_or_not_coping", "My dad had back cancer so I panic whenever my back hurts."),
    ("worried_or_not_coping", "I was worried about cauda equina but I have none of the symptoms. Back spasm."),
    ("worried_or_not_coping", "My back hurts but I'm coping fine and still working."),
    ("worried_or_not_coping", "I can't work out why my back hurts."),
    ("worried_or_not_coping", "Walking keeps me going, my back is much better."),
    # the baby moving well
    ("reduced_fetal_movements", "30 weeks pregnant with back ache, baby kicking away as normal."),
    ("reduced_fetal_movements", "I'm 26 weeks pregnant and my back is sore. Baby is moving lots."),
    # one leg, or both legs new
    ("longstanding_leg_symptoms", "Sciatica down my left leg for six weeks."),
    ("longstanding_leg_symptoms", "Since yesterday both my legs have gone numb and my back is agony."),
    # one product; another medicine
    ("paracetamol_several_products", "I take paracetamol for my back, nothing else."),
    ("paracetamol_several_products", "I'm taking paracetamol and ibuprofen for my back."),
    # yellow things that are not skin or eyes
    ("yellow_skin_or_eyes", "My back hurts and my wee is dark yellow."),
    ("yellow_skin_or_eyes", "I bruised my back and the bruise has gone yellow."),
]


@pytest.mark.parametrize(("fid", "text"), DOES_NOT_FIRE, ids=[f"{f}:{t[:40]}" for f, t in DOES_NOT_FIRE])
def test_look_alikes_do_not_read_the_new_findings(kb, fid: str, text: str) -> None:
    assert not counted(kb, text, fid), read(kb, text)


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Aching in my back at the level of my bra strap.", "middle"),
        ("The back of my ribs hurts when I breathe in.", "middle"),
        ("Sharp pain between my shoulders since yesterday.", "upper"),
        ("My upper spine is sore after painting the ceiling.", "upper"),
        ("Pain between my shoulder blades, worse when I cough.", "upper"),
        ("My lower back is sore.", "lower"),
    ],
)
def test_thoracic_pain_is_read_as_its_region(kb, text: str, region: str) -> None:
    assert read(kb, text)["pain_region"].value == region


def test_the_new_findings_are_negated_like_any_other(kb) -> None:
    assert status(kb, "30 weeks pregnant, back ache, baby moving normally.", "reduced_fetal_movements") == "absent"
    assert not counted(kb, "Back pain, no lump or swelling on my back.", "back_lump_or_deformity")
    assert not counted(kb, "In case I get yellow eyes, what should I do? Back ache.", "yellow_skin_or_eyes")


# --- both legs: new or worsening, or long-standing ----------------------------------------------

LONGSTANDING = [
    "I've had diabetic neuropathy with numb feet for years. My back went yesterday.",
    "My feet have been numb for ages because of my diabetes, and now my lower back hurts after digging.",
    "Pins and needles in both feet since my chemo, and a sore back from gardening.",
    "For two years both my legs ache and go heavy when I walk, easing when I sit. Back stiff.",
    "I have spinal stenosis; both legs ache when I walk and settle when I sit down. My back is sore today.",
    "Numbness in both feet from my neuropathy, it hasn't got any worse. Pulled my back lifting.",
]


@pytest.mark.parametrize("text", LONGSTANDING)
def test_both_legs_tied_to_a_long_duration_or_a_chronic_cause_are_longstanding(kb, text: str) -> None:
    found = read(kb, text)
    assert found["longstanding_leg_symptoms"].status == "present", found
    for fid in ("leg_numbness_both_sides", "leg_pain_both_sides"):
        assert fid not in found or found[fid].status == "absent", (fid, found)


NEW_OR_WORSE = [
    ("Lower back pain for a week and now the pain goes down both legs.", "leg_pain_both_sides"),
    ("Since yesterday both my legs have gone numb and my back is agony.", "leg_numbness_both_sides"),
    ("Diabetic. Pins and needles in both feet for 2 weeks, back pain.", "leg_numbness_both_sides"),
    ("My feet have been numb for years but this week the numbness has spread up both legs.", "leg_numbness_both_sides"),
    ("Numb feet for years from neuropathy, now much worse, and my back hurts.", "leg_numbness_both_sides"),
    ("I've had back pain for years and both my legs are numb.", "leg_numbness_both_sides"),
    ("Chronic back pain and numbness in both legs.", "leg_numbness_both_sides"),
    ("Back pain for years, both legs numb.", "leg_numbness_both_sides"),
]


@pytest.mark.parametrize(("text", "fid"), NEW_OR_WORSE)
def test_both_legs_new_worse_or_not_tied_to_the_duration_stay_a_red_flag(kb, text: str, fid: str) -> None:
    assert counted(kb, text, fid), read(kb, text)


def test_the_years_of_a_neuropathy_are_not_the_back_pains(kb) -> None:
    found = read(
        kb, "I've had diabetic neuropathy with numb feet for years. I pulled my back yesterday lifting shopping."
    )
    assert "pain_over_3_months" not in found
    assert found["days_since_onset"].value == 1
    assert found["diabetes"].status == "present"
    found = read(kb, "I'm 70 and for two years both my legs ache and go heavy when I walk. My back is stiff.")
    assert "pain_over_3_months" not in found
    assert "days_since_onset" not in found


def test_years_of_back_pain_are_still_the_back_pains(kb) -> None:
    assert counted(kb, "I've had this back pain for years.", "pain_over_3_months")
    assert counted(kb, "Back pain for months now, no better.", "pain_over_3_months")


# --- leaking urine on coughing or sneezing ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I'm 36 weeks pregnant with back ache, and I leak a bit of wee when I sneeze.",
        "28 weeks pregnant, sore lower back. When I cough I leak a little.",
        "Back ache, I've leaked a little when I cough ever since my kids were born.",
        "For years I've had a bit of leaking when I laugh or jump. My back hurts after lifting.",
        "Pregnant with twins, back pain, and sneezing makes me wet myself a bit.",
    ],
)
def test_stress_leakage_longstanding_or_in_pregnancy_is_not_incontinence(kb, text: str) -> None:
    assert not counted(kb, text, "urinary_incontinence"), read(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        "Back ache and since last week I leak when I sneeze.",
        "My back went two days ago and now I leak wee when I cough.",
        "Back pain and I've been leaking urine without noticing.",
        "I'm 30 weeks pregnant, back pain, and I wet myself this morning without realising.",
        "Back pain and I'm leaking.",
    ],
)
def test_other_leakage_stays_incontinence(kb, text: str) -> None:
    assert counted(kb, text, "urinary_incontinence"), read(kb, text)


def test_no_bleeding_or_leaking_in_pregnancy_speaks_of_bleeding_and_waters(kb) -> None:
    found = read(kb, "I'm 24 weeks pregnant and my lower back has been really sore for 3 days. No bleeding or leaking.")
    assert found["vaginal_bleeding"].status == "absent"
    assert found["fluid_leak"].status == "absent"
    assert "urinary_incontinence" not in found
    # not pregnant, a bare "leaking" is the bladder's
    found = read(kb, "Sore lower back for 3 days. No bleeding or leaking.")
    assert found["urinary_incontinence"].status == "absent"
    assert "fluid_leak" not in found
    # pregnant and leaking: the waters, a pregnancy warning sign
    assert counted(kb, "I'm 33 weeks pregnant and leaking, with back ache.", "fluid_leak")


# --- hedged denials -----------------------------------------------------------------------------

HEDGED_DENIALS = [
    ("My back hurts. I don't think I have any numbness between my legs.", "saddle_numbness"),
    ("Back pain. I think I can pee OK.", "urinary_retention"),
    ("Back spasm, probably no fever.", "fever"),
    ("Back pain. Numbness down below? I don't think so.", "saddle_numbness"),
    ("Lower back pain. Fever? Probably not.", "fever"),
    ("I'm pretty sure I haven't lost any weight. Back ache.", "unexplained_weight_loss"),
    ("Back pain. I doubt I have a temperature.", "fever"),
    ("My back hurts, I don't think I've had any trouble peeing.", "urinary_retention"),
    ("Back spasm, I think there's no numbness in my legs.", "leg_numbness_both_sides"),
    ("Sore back. Bladder seems fine I think.", "urinary_incontinence"),
]


@pytest.mark.parametrize(("text", "fid"), HEDGED_DENIALS)
def test_a_hedged_denial_is_left_unknown(kb, text: str, fid: str) -> None:
    assert fid not in read(kb, text), read(kb, text)


PLAIN_DENIALS = [
    ("My back hurts. No numbness between my legs.", "saddle_numbness"),
    ("Back pain. I can pee fine.", "urinary_retention"),
    ("Back spasm, no fever.", "fever"),
    ("Back pain. Numbness down below? No.", "saddle_numbness"),
    ("I think I pulled something lifting, no numbness in my legs.", "leg_numbness_both_sides"),
    ("No numbness, kind of stiff though, back pain.", "leg_numbness_both_sides"),
    ("Haven't lost any weight. Back ache.", "unexplained_weight_loss"),
]


@pytest.mark.parametrize(("text", "fid"), PLAIN_DENIALS)
def test_a_plain_denial_stays_absent(kb, text: str, fid: str) -> None:
    assert status(kb, text, fid) == "absent", read(kb, text)


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("My back is sore and I think I might have some numbness between my legs, not sure.", "saddle_numbness"),
        ("Back pain and maybe a temperature.", "fever"),
        ("Back spasm, I think I've had a bit of trouble peeing.", "urinary_retention"),
    ],
)
def test_a_hedged_red_flag_stays_possible(kb, text: str, fid: str) -> None:
    assert status(kb, text, fid) in ("possible", "present"), read(kb, text)


def test_a_plain_denial_beats_a_hedged_one(kb) -> None:
    text = "I don't think I have numbness down below. Actually no, no numbness between my legs at all. Back pain."
    assert status(kb, text, "saddle_numbness") == "absent"


def test_a_hedged_denial_of_improvement_stands_as_a_no(kb) -> None:
    # improving is reassuring: unknown would count in its favour, so a hedged "no" stays a no
    assert status(kb, "I don't think it's getting any better, back pain for 7 weeks.", "improving") == "absent"


# --- paracetamol --------------------------------------------------------------------------------

SEVERAL_NOT_OVERUSE = [
    "I'm taking paracetamol and co-codamol together for my back.",
    "I've got a cold so I'm on Lemsip, and I'm also taking paracetamol for my back.",
    "Back ache. I take Tylenol and sometimes NyQuil at night.",
    "Co-codamol for my back and Beechams powders for the flu.",
]


@pytest.mark.parametrize("text", SEVERAL_NOT_OVERUSE)
def test_several_products_with_no_amount_are_several_products_not_overuse(kb, text: str) -> None:
    found = read(kb, text)
    assert found["paracetamol_several_products"].status == "present", found
    assert "paracetamol_overuse" not in found, found


OVERUSE = [
    "I've been taking 12 paracetamol a day for my back plus Lemsip at night.",
    "Taking co-codamol 30/500, two every four hours, and Lemsip Max in between for my cold.",
    "I've lost count of how many paracetamol I've had today for my back, plus some Lemsip.",
    "Not sure how many tablets I've taken, paracetamol and co-codamol, my back is so bad.",
    "I think I've taken too many paracetamol for my back.",
    "Full dose of paracetamol every day plus Night Nurse on top for a cold. Back strain.",
    "Tylenol every 4 hours for my back plus NyQuil. Probably over the limit.",
    "Two co-dydramol 6 times a day for my back.",
]


@pytest.mark.parametrize("text", OVERUSE)
def test_overuse_needs_an_amount_over_the_maximum_or_not_knowing(kb, text: str) -> None:
    assert counted(kb, text, "paracetamol_overuse"), read(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        "I take 8 paracetamol a day for my back, two every six hours.",
        "Two paracetamol every 4 to 6 hours as it says on the packet.",
        "I took 2 paracetamol this morning and 2 at lunch for my back spasm.",
        "Two ibuprofen every four hours for my back.",
        "I've lost count of how many times my back has gone this year.",
        "I'm over the limit for driving hours this week, back is sore.",
    ],
)
def test_amounts_within_the_maximum_or_about_something_else_are_not_overuse(kb, text: str) -> None:
    assert not counted(kb, text, "paracetamol_overuse"), read(kb, text)


# --- attribution (review D24) -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "My back hurts. I've lost a stone on purpose since January by dieting.",
        "Dropped 10 kg on Mounjaro this year, and my lower back aches.",
        "I've been on a diet and lost weight, which was the plan. Sore back after the gym.",
        "Back pain. I'm trying to lose weight and have lost a few pounds.",
    ],
)
def test_weight_lost_on_purpose_is_not_unexplained(kb, text: str) -> None:
    assert not counted(kb, text, "unexplained_weight_loss"), read(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        "Back pain. I've lost 6 kg without trying, not dieting.",
        "My back aches at night and I've lost weight but I don't know why.",
    ],
)
def test_weight_lost_without_trying_stays_unexplained(kb, text: str) -> None:
    assert counted(kb, text, "unexplained_weight_loss"), read(kb, text)


def test_a_date_in_the_dieting_clause_is_not_the_onset(kb) -> None:
    found = read(kb, "My back hurts. I've lost a stone on purpose since January by dieting.")
    assert "days_since_onset" not in found
    assert "pain_over_3_months" not in found


@pytest.mark.parametrize(
    "text",
    [
        "I'm on prednisolone for years for my asthma and hurt my back yesterday.",
        "I've had an underactive thyroid for years. Back spasm since Monday.",
        "My knees have had arthritis for years. Back sore after gardening yesterday.",
    ],
)
def test_years_of_another_condition_are_not_months_of_back_pain(kb, text: str) -> None:
    assert not counted(kb, text, "pain_over_3_months"), read(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        "For two years both my legs ache when I walk, easing when I sit. My back is stiff.",
        "My back is better when I lie down.",
        "Back pain that eases if I sit with a cushion behind me.",
        "The spasm settles when I lie on my side.",
    ],
)
def test_relief_by_posture_is_not_improving(kb, text: str) -> None:
    assert "improving" not in read(kb, text), read(kb, text)


@pytest.mark.parametrize(
    "text",
    ["My back is getting better each day.", "The spasm is slowly easing.", "Back much better than last week."],
)
def test_getting_better_is_still_improving(kb, text: str) -> None:
    assert status(kb, text, "improving") == "present"


def test_a_hedged_denial_is_handed_on_as_doubted(kb) -> None:
    """The merge must know the rules heard a hedged denial, so that it asks instead of counting."""
    from backcare.adapters.language import understand

    reading = understand("My back is sore. I don't think I have any numbness down there.", kb, TODAY)
    assert "saddle_numbness" in reading.doubted
    assert "saddle_numbness" not in {f.id for f in reading.findings}
