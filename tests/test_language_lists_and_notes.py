"""How far a "no" reaches in a list, whose finding a note's shorthand describes, how long a note
says the trouble has lasted, and which model readings the sentence itself puts in doubt."""

from __future__ import annotations

import datetime as dt

import pytest

from backcare.adapters.learned.merge import ModelReading
from backcare.adapters.learned.reading import _ask_doubtful
from backcare.bootstrap import knowledge, read_text
from backcare.core.models import Finding
from text_reading import ReadOn

READ = ReadOn(dt.date(2026, 10, 15))
KB = knowledge()

# --- A "no" over a long list ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "denied"),
    [
        (
            "No fever, weight loss, cancer, injury, chest pain, breathing problems or confusion.",
            ["fever", "unexplained_weight_loss", "history_of_cancer", "chest_pain", "confusion_or_drowsiness"],
        ),
        ("GP note: 36F, mechanical LBP. Denies fever, wt loss, saddle anaesthesia.", ["fever", "saddle_numbness"]),
    ],
)
def test_a_no_reaches_every_item_of_a_list(text: str, denied: list[str]) -> None:
    found = READ.read(KB, text)
    assert {fid: found[fid].status for fid in denied if fid in found} == dict.fromkeys(denied, "absent")


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("No fever, my legs are numb and I can't pee.", "urinary_retention"),
        ("No fever or chills, but I can't feel my legs since this morning.", "leg_numbness_both_sides"),
        ("Nothing eases it, numb down below since this morning.", "saddle_numbness"),
        ("No fever, legs numb.", "leg_numbness_both_sides"),
    ],
)
def test_a_new_clause_or_a_lay_list_without_or_still_stands(text: str, fid: str) -> None:
    assert READ.counted(KB, text, fid)


# --- Whose finding a note describes ----------------------------------------------------------------


def test_a_notes_age_and_sex_name_the_patient_whose_he_it_is() -> None:
    text = "ED triage: 63M, rigors at home. T 39.4. Looks grey, says he has never felt this ill."
    assert READ.counted(KB, text, "feeling_very_unwell")


def test_a_temperature_in_fahrenheit_names_nobody() -> None:
    assert "sex" not in READ.read(KB, "Back pain, 101F overnight, feeling hot.")


def test_someone_who_noticed_a_sign_is_not_the_one_with_it() -> None:
    text = "45M on co-codamol for his back. Wife noticed yellowing of the whites of his eyes."
    assert READ.counted(KB, text, "yellow_skin_or_eyes")


# --- How long it has lasted ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("3 week history of back pain.", 21),
        ("48F, LBP 5 months, mechanical.", 150),
        ("Back pain of 3 weeks duration.", 21),
        ("Since 2 days my back hurts.", 2),
    ],
)
def test_a_notes_duration_is_read(text: str, days: int) -> None:
    assert READ.value(KB, text, "days_since_onset") == days


def test_a_history_of_cancer_is_still_history() -> None:
    assert READ.status(KB, "He has a history of cancer.", "history_of_cancer") == "present"


def test_the_model_is_not_taken_on_three_months_against_a_read_duration() -> None:
    found = {f.id: f for f in read_text("3 week history of back pain.", KB, READ.today).understanding.findings}
    assert "pain_over_3_months" not in found


# --- Model readings the sentence puts in doubt ------------------------------------------------------


def _own(fid: str, score: float, sentence: str) -> ModelReading:
    return ModelReading(fid, "own", "present", score, sentence)


def test_both_legs_in_a_sentence_about_one_leg_is_asked_back() -> None:
    one = "pain down the back of my left leg into the calf"
    both = "pain down both my legs since yesterday"
    readings = {"leg_pain_both_sides": _own("leg_pain_both_sides", 0.9, one)}
    _ask_doubtful(readings)
    assert readings["leg_pain_both_sides"].kind == "unsure"
    readings = {"leg_pain_both_sides": _own("leg_pain_both_sides", 0.9, both)}
    _ask_doubtful(readings)
    assert readings["leg_pain_both_sides"].kind == "own"
    saddle = "I don't think there's any numbness between my legs"  # the saddle, not both legs
    readings = {"leg_numbness_both_sides": _own("leg_numbness_both_sides", 0.9, saddle)}
    _ask_doubtful(readings)
    assert readings["leg_numbness_both_sides"].kind == "unsure"


@pytest.mark.parametrize(
    ("fid", "sentence", "kind"),
    [
        ("saddle_numbness", "Pain is in down part of back.", "unsure"),  # no word of feeling
        ("saddle_numbness", "I can't feel anything down there when I wipe.", "own"),
        ("saddle_numbness", "Numb between my legs since this morning.", "own"),
        ("leg_weakness", "- nothing going down my legs", "unsure"),  # no word of strength
        ("leg_weakness", "Started 3 days ago when I lifted a bag of cement.", "unsure"),
        ("leg_weakness", "My right leg keeps giving way.", "own"),
        ("leg_weakness", "I can't get up the stairs, my left leg won't push.", "own"),
        ("leg_weakness", "Power 4/5 L EHL.", "own"),
        ("foot_drop", "Sprained my ankle stepping off a kerb, it's swollen but I can walk on it.", "unsure"),
        ("foot_drop", "My foot slaps down when I walk.", "own"),
        ("leg_weakness_worsening", "Power 5/5 both legs, R leg asymptomatic.", "unsure"),  # no word of change
        ("leg_weakness_worsening", "My left leg is getting weaker every day.", "own"),
        ("leg_weakness_worsening", "Now I can't lift my foot at all.", "own"),
        ("collapse", "Sudden severe LBP 8/10 while reaching into a cupboard, no trauma.", "unsure"),
        ("fainting", "Sudden severe LBP 8/10 while reaching into a cupboard, no trauma.", "unsure"),
        ("tearing_pain", "Sudden severe LBP 8/10 while reaching into a cupboard, no trauma.", "unsure"),
        ("collapse", "She went down in the hallway and was out for a minute.", "own"),
        ("fainting", "I blacked out on the stairs.", "own"),
        ("fainting", "My wife says I was out for maybe half a minute.", "own"),
        ("tearing_pain", "It feels like something is ripping through to my back.", "own"),
        ("back_lump_or_deformity", "Lower back has been stiff for a couple of weeks, about a 4/10.", "unsure"),
        ("back_lump_or_deformity", "There's a new lump on my lower back that's getting bigger.", "own"),
        ("history_of_cancer", "On water tablets for my heart, cramps in my back for weeks.", "unsure"),
        ("history_of_cancer", "Had a lumpectomy and radiotherapy six years ago.", "own"),
        ("longstanding_leg_symptoms", "New bilateral leg numbness.", "unsure"),
        ("longstanding_leg_symptoms", "My feet have tingled for years with my sugar.", "own"),
        ("fever", "28M, LBP 6/12, insidious onset.", "unsure"),
        ("fever", "I've been shivering and sweating all night.", "own"),
        ("pregnant", "LBP >3/12, fluctuating, mechanical pattern.", "unsure"),
        ("pregnant", "35+2, backache coming and going.", "own"),
        ("unexplained_weight_loss", "LBP >3/12, fluctuating, mechanical pattern.", "unsure"),
        ("unexplained_weight_loss", "My jeans are falling off me and I'm not dieting.", "own"),
        ("major_trauma", "Pulled my back getting out of the car yesterday.", "unsure"),
        ("major_trauma", "Came off my motorbike at 40 mph this morning.", "own"),
    ],
)
def test_a_warning_sign_in_a_sentence_without_its_words_is_asked_back(fid: str, sentence: str, kind: str) -> None:
    """Saddle numbness needs a word of feeling, weakness one of strength, a collapse one of going
    down: the model's reading from a sentence without them is asked back, not counted."""
    readings = {fid: _own(fid, 0.85, sentence)}
    _ask_doubtful(readings)
    assert readings[fid].kind == kind


def test_a_grave_reading_held_less_surely_than_the_milder_one_is_asked_back() -> None:
    fall = "I'm 75 and tripped over the cat, landed on my bottom."
    readings = {"major_trauma": _own("major_trauma", 0.88, fall), "minor_trauma": _own("minor_trauma", 0.99, fall)}
    _ask_doubtful(readings)
    assert readings["major_trauma"].kind == "unsure" and readings["minor_trauma"].kind == "own"
    crash = "hit by a car at 40 mph, tripped getting out"
    readings = {"major_trauma": _own("major_trauma", 0.97, crash), "minor_trauma": _own("minor_trauma", 0.8, crash)}
    _ask_doubtful(readings)
    assert readings["major_trauma"].kind == "own"


# --- Idioms, other people, and words of the spine (round 6) ------------------------------------------


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("When the physio quoted me 80 pounds I nearly had a stroke!", "stroke_signs"),
        ("This week has been a total car crash at work and my back has seized up.", "major_trauma"),
        ("The whole house has had flu with fevers, but I haven't, and my back is sore.", "fever"),
        (
            "I've had erection problems for about five years, nothing has changed, and my back aches.",
            "sexual_dysfunction_new",
        ),
    ],
)
def test_an_idiom_another_persons_illness_or_a_long_standing_problem_is_not_a_new_sign(text: str, fid: str) -> None:
    assert not READ.counted(KB, text, fid)


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("I was in a car crash last week and my back hurts.", "major_trauma"),
        ("my bf has back pain and now his face has gone droopy on one side and his words are slurred", "stroke_signs"),
        ("57F PMH breast ca 2019. New thoracolumbar pain 3/52, mechanical.", "history_of_cancer"),
    ],
)
def test_the_real_thing_still_counts(text: str, fid: str) -> None:
    assert READ.counted(KB, text, fid)


def test_thoracolumbar_pain_is_back_pain() -> None:
    assert READ.status(KB, "New thoracolumbar pain 3/52, mechanical.", "back_pain") == "present"


# --- Round 28 (from R39) -------------------------------------------------------------------------


def test_too_much_paracetamol_read_from_a_sentence_with_no_word_of_quantity_gives_way_to_a_plain_denial() -> None:
    sentence = "I take Panadol for my back and some cold tablets that contain paracetamol too."
    denial = Finding(id="paracetamol_overuse", status="absent", value=False, evidence="well under the daily maximum")
    readings = {"paracetamol_overuse": ModelReading("paracetamol_overuse", "own", "present", 0.8, sentence)}
    _ask_doubtful(readings, [denial])
    assert "paracetamol_overuse" not in readings  # the rules' denial stands
    readings = {"paracetamol_overuse": ModelReading("paracetamol_overuse", "own", "present", 0.8, sentence)}
    _ask_doubtful(readings)
    assert readings["paracetamol_overuse"].kind == "unsure"  # no denial: asked back, not taken
    counted = "I've been taking two every three hours, more than the packet says."
    readings = {"paracetamol_overuse": ModelReading("paracetamol_overuse", "own", "present", 0.8, counted)}
    _ask_doubtful(readings, [denial])
    assert readings["paracetamol_overuse"].kind == "own"


def test_weakness_the_model_alone_reads_into_a_sentence_the_rules_read_as_leg_pain_is_asked_back() -> None:
    sentence = "Pain down the back of my left leg to below the knee for six weeks now."
    pain = Finding(id="leg_pain_below_knee", status="present", value=True, evidence="Pain down the back of my left leg")
    readings = {"leg_weakness": ModelReading("leg_weakness", "own", "present", 0.92, sentence)}
    _ask_doubtful(readings, [pain])
    assert readings["leg_weakness"].kind == "unsure"
    weak = Finding(id="leg_weakness", status="present", value=True, evidence="gone weak")
    readings = {"leg_weakness": ModelReading("leg_weakness", "own", "present", 0.92, sentence + " It's gone weak.")}
    _ask_doubtful(readings, [pain, weak])
    assert readings["leg_weakness"].kind == "own"


@pytest.mark.parametrize(
    ("text", "fid", "counted"),
    [
        # leaking on a cough since childbirth, told with the number of children
        (
            "A bit of leaking when I cough or laugh ever since my three kids were born. Back aches.",
            "urinary_incontinence",
            False,
        ),
        ("I leak when I cough ever since my 2 children were born, and my back hurts.", "onset_before_45", False),
        ("My back has been bad since I was 19.", "onset_before_45", True),
        # a choice to make is no confusion; being confused is
        ("Hello, I am confused which is better for my back, ice or heat?", "confusion_or_drowsiness", False),
        ("He's confused and doesn't know which day it is, back pain.", "confusion_or_drowsiness", True),
        # an uncertain report of the past counts; a what-if does not
        ("My back hurts. I think I might have wet myself in the night.", "urinary_incontinence", True),
        ("My back hurts so much I might wet myself.", "urinary_incontinence", False),
        # Australian: a "crook back" is a bad back
        ("Crook back since yesterday arvo, 66 years old.", "back_pain", True),
        # round 29 (from R41): a note's interscapular ache is upper back pain; a movement that makes it
        # worse is no injury
        ("55M, interscapular ache 2/52, worse on twisting. No CP, no SOB.", "back_pain", True),
        ("55M, interscapular ache 2/52, worse on twisting. No CP, no SOB.", "minor_trauma", False),
        ("I twisted my back lifting a box.", "minor_trauma", True),
        # round 30 (from R42): a friend's back pain that "turned out to be cancer" is the friend's
        (
            "My friend's back pain turned out to be cancer. I've had a sore lower back for a week.",
            "history_of_cancer",
            False,
        ),
        ("My back hurts and I have had cancer.", "history_of_cancer", True),
        # leaking "but that's been the case since my second baby" is long-standing; "now worse" is new
        (
            "Lower back sore. I leak a bit when I laugh, but that's been the case since my second baby ten years ago.",
            "urinary_incontinence",
            False,
        ),
        (
            "My back hurts. I leak when I cough but now it's worse, it's been like that since my baby.",
            "urinary_incontinence",
            True,
        ),
        # weight lost "but that's on purpose"
        (
            "Lower back ache. I've lost 3 kg this month but that's on purpose, I'm on a diet.",
            "unexplained_weight_loss",
            False,
        ),
        ("Lower back ache. I've lost 3 kg and it was not on purpose.", "unexplained_weight_loss", True),
    ],
)
def test_round_28_readings(text: str, fid: str, counted: bool) -> None:
    assert READ.counted(KB, text, fid) is counted


def test_passing_urine_often_is_set_aside_so_a_model_retention_there_is_asked_back() -> None:
    from backcare.adapters.language import understand

    understood = understand("Burning when I wee and I'm going every half hour, pain in my right side.", KB, READ.today)
    assert understood.not_own == {"urinary_retention": "going every half hour"}


@pytest.mark.parametrize(
    ("text", "episodes"),
    [
        ("Physio note: 35F, 4 episodes of acute LBP in the past 12 months including this one.", 4),
        ("This year my lower back has gone four times, this latest one after lifting.", 4),
        ("This year I have had two children and my back hurts five times a day.", None),
    ],
)
def test_episodes_told_with_their_kind_or_with_the_window_first(text: str, episodes: int | None) -> None:
    assert READ.value(KB, text, "episodes_past_year") == episodes


def test_weakness_not_getting_any_worse_denies_worsening() -> None:
    text = "My right leg feels weak since my back went. It's been exactly the same all week, not getting any worse."
    assert READ.status(KB, text, "leg_weakness_worsening") == "absent"
