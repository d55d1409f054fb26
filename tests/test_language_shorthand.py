"""Clinical shorthand read by the rules (``backcare.adapters.language.understand``, no sentence model):
durations and gestations in clinical notation, scores, temperatures, abbreviations, examination
findings and measurements, falls and collisions, and prescription doses. Each item has sentences
that must read a finding and look-alikes that must not."""

from __future__ import annotations

import datetime as dt

import pytest

from backcare.adapters.language.numbers import doses_per_day, durations, fall_heights, gcs_scores, power_grades
from backcare.knowledge import load_knowledge
from text_reading import ReadOn

TODAY = dt.date(2025, 6, 5)

#: The screening questions that a blanket "no red flags" must leave unknown.
SCREENING = (
    "major_trauma", "leg_numbness_both_sides", "leg_pain_both_sides", "leg_weakness", "leg_weakness_worsening",
    "saddle_numbness", "urinary_retention", "urinary_incontinence", "bowel_incontinence", "fever",
    "unexplained_weight_loss", "history_of_cancer", "chest_pain", "confusion_or_drowsiness", "difficulty_breathing",
)  # fmt: skip


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


_ON = ReadOn(TODAY)
read, status, value = _ON.read, _ON.status, _ON.value


# --- 1. durations and gestation in clinical notation -------------------------------------------


@pytest.mark.parametrize(
    ("text", "days", "over_3_months"),
    [
        ("Low back pain 4/7, came on bending to the dishwasher.", 4, False),
        ("LBP x 3/52, not settling with ibuprofen.", 21, False),
        ("Aching lower back 10/52 now.", 70, False),
        ("Back pain for 8/12, worse on standing.", 240, True),
        ("Chronic lumbar pain 18/12.", 540, True),
        ("Sudden back pain 6/24 ago while gardening.", 0, False),
        ("Back pain 48/24, can't get comfortable.", 2, False),
        ("Lumbar ache 13/52 despite physio.", 91, True),
    ],
)
def test_clinical_durations(kb, text: str, days: int, over_3_months: bool) -> None:
    found = read(kb, text)
    assert found["days_since_onset"].value == days
    assert ("pain_over_3_months" in found) is over_3_months
    if over_3_months:
        assert found["pain_over_3_months"].status == "present"


def test_durations_as_written_in_notes(kb) -> None:
    assert value(kb, "LBP x3/7, NRS 5.", "days_since_onset") == 3
    assert value(kb, "LBP 3-4/52.", "days_since_onset") == 28  # a range: the longer
    found = read(kb, "3/7 hx of LBP with fever and rigors.")  # the history now, not past history
    assert found["days_since_onset"].value == 3
    assert found["fever"].status == "present"


@pytest.mark.parametrize(
    "text",
    [
        "My back hurts 24/7, it never lets up.",  # "all the time"
        "Seen in clinic on 3/7 for back pain.",  # a date
        "Back pain since 12/12/2024.",  # a date
        "BP 128/72, back pain.",  # blood pressure
    ],
)
def test_things_that_are_not_clinical_durations(kb, text: str) -> None:
    days = value(kb, text, "days_since_onset")
    assert days is None or days > 100  # "since 12/12/2024" may be read as a date, never as 12 months


@pytest.mark.parametrize(
    ("text", "weeks"),
    [
        ("24/40, back ache in the evenings.", 24),
        ("G3P2 at 31+4/40 with pelvic girdle and low back pain.", 31),
        ("Primip 38/40 with LBP.", 38),
        ("G2P1 at 34/40, lower back pain.", 34),
    ],
)
def test_gestation_means_pregnant_with_weeks(kb, text: str, weeks: int) -> None:
    found = read(kb, text)
    assert found["pregnant"].status == "present"
    assert found["pregnancy_weeks"].value == weeks
    assert "days_since_onset" not in found  # "/40" is no duration


def test_eye_chart_is_not_a_gestation(kb) -> None:
    found = read(kb, "Back pain, VA 20/40 in the left eye.")
    assert "pregnant" not in found and "pregnancy_weeks" not in found


def test_gp_notation_alone_is_not_a_pregnancy(kb) -> None:
    assert "pregnant" not in read(kb, "G2P2, lower back pain 2/52.")


# --- 2. pain scores ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("LBP, NRS 8.", 8),
        ("Back pain, NRS 7/10 on movement.", 7),
        ("Mid back pain, VAS 6.", 6),
        ("Back pain, VAS 80 mm.", 8),
        ("Lower back, pain 9/10 at worst.", 9),
        ("Lower back pain, score 6 on bending.", 6),
        ("Back pain, pain: 5, worse sitting.", 5),
        ("LBP, NRS 6-7.", 7),
    ],
)
def test_pain_scores(kb, text: str, score: int) -> None:
    assert value(kb, text, "pain_score") == score


@pytest.mark.parametrize(
    "text",
    [
        "Back pain, STarT Back score 6.",
        "Back went at the match, the score was 3-1 to us.",
        "Back pain, took for the pain 2 tablets of ibuprofen.",
        "Back pain, GCS 14.",
    ],
)
def test_scores_that_are_not_pain_scores(kb, text: str) -> None:
    assert value(kb, text, "pain_score") is None


# --- 3. temperature ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fever"),
    [
        ("LBP, T 38.4.", "present"),
        ("Back pain, temp 39.1 last night.", "present"),
        ("Back pain and sweaty, 38.6°C at home.", "present"),
        ("Back pain, thermometer said 101 F.", "present"),
        ("Back pain with 102.2F this morning.", "present"),
        ("Tmax 38.9, lumbar pain.", "present"),
        ("Back pain, afebrile.", "absent"),
        ("Back pain, apyrexial on arrival.", "absent"),
        ("LBP, T 36.8.", "absent"),
        ("Back pain, temperature 36.5 C.", "absent"),
    ],
)
def test_temperatures(kb, text: str, fever: str) -> None:
    assert status(kb, text, "fever") == fever


@pytest.mark.parametrize(
    "text",
    [
        "Back went laying slabs, it was 38°C outside.",  # the weather
        "Sore back. 96F, lives alone.",  # a 96-year-old woman
    ],
)
def test_not_a_temperature(kb, text: str) -> None:
    assert status(kb, text, "fever") is None


def test_a_temperature_in_fahrenheit_is_not_an_age(kb) -> None:
    found = read(kb, "Back pain, 101 F overnight.")
    assert found["fever"].status == "present"
    assert "age" not in found and "sex" not in found


# --- 4. abbreviations, examination and measurements --------------------------------------------


@pytest.mark.parametrize(
    ("text", "fid", "expected"),
    [
        # back pain
        ("Mechanical LBP after moving furniture.", "back_pain", "present"),
        ("NSLBP, otherwise well.", "back_pain", "present"),
        # drugs
        ("LBP, IVDU.", "iv_drug_use", "present"),
        ("Known PWID with back pain.", "iv_drug_use", "present"),
        ("Back pain, she injects heroin most days.", "iv_drug_use", "present"),
        # pregnancy
        ("32/40, LBP, PV bleed this morning.", "vaginal_bleeding", "present"),
        ("30/40, back ache, fresh PV bleeding.", "vaginal_bleeding", "present"),
        ("36/40, backache, no PV bleeding.", "vaginal_bleeding", "absent"),
        ("37/40, SROM at 0600, back pain.", "fluid_leak", "present"),
        ("39 weeks pregnant, back pain, waters broken at 0500.", "fluid_leak", "present"),
        ("31/40, lower back pain, no SROM.", "fluid_leak", "absent"),
        ("33/40, FMs reduced since yesterday, LBP.", "reduced_fetal_movements", "present"),
        ("29/40 with RFM and back pain.", "reduced_fetal_movements", "present"),
        ("Reduced FMs today, 35/40, backache.", "reduced_fetal_movements", "present"),
        ("26/40, LBP, FMs normal.", "reduced_fetal_movements", "absent"),
        ("30/40, LBP. Nil RFM, nil PV bleeding.", "reduced_fetal_movements", "absent"),
        ("30/40, LBP. No FMs since last night.", "reduced_fetal_movements", "present"),
        # fainting and collapse
        ("Severe back pain and syncope at home.", "fainting", "present"),
        ("LBP, syncopal episode in the shower.", "fainting", "present"),
        ("Back pain, passed out briefly.", "fainting", "present"),
        ("Back pain, blacked out for a moment.", "fainting", "present"),
        ("Back pain, no syncope.", "fainting", "absent"),
        ("Back pain, syncopal episode and fell in the bathroom.", "collapse", "present"),
        # aorta
        ("Back pain, pulsatile mass in the abdomen.", "pulsating_abdomen", "present"),
        ("Back pain, O/E pulsatile expansile mass.", "pulsating_abdomen", "present"),
        ("Back pain and a pulsating lump in the tummy.", "pulsating_abdomen", "present"),
        ("Back pain, abdo soft non-tender, no masses.", "pulsating_abdomen", "absent"),
        ("Known AAA, new back pain.", "known_aaa", "present"),
        ("Back pain. AAA on surveillance, 4.8 cm last scan.", "known_aaa", "present"),
        ("Back pain, he has an aneurysm they keep an eye on.", "known_aaa", "present"),
        ("Back pain, AAA screening normal at 65.", "known_aaa", "absent"),
        # jaundice
        ("Back pain, looks icteric.", "yellow_skin_or_eyes", "present"),
        ("Back pain, sclerae yellow.", "yellow_skin_or_eyes", "present"),
        ("Back pain, jaundiced.", "yellow_skin_or_eyes", "present"),
        ("Back pain, anicteric.", "yellow_skin_or_eyes", "absent"),
        # cancer
        ("LBP. PMH ca breast 2016.", "history_of_cancer", "present"),
        ("Back pain, PMH: Ca prostate on hormones.", "history_of_cancer", "present"),
        ("Back pain, background of lung Ca.", "history_of_cancer", "present"),
        ("Back pain, hx of cancer.", "history_of_cancer", "present"),
        ("Back pain, on chemo.", "history_of_cancer", "present"),
        ("Back pain, on chemo.", "immunosuppressed", "present"),
        ("Thoracic pain, known bony mets.", "history_of_cancer", "present"),
        ("Ca breast 2018, on letrozole. LBP 2/52.", "history_of_cancer", "present"),
        ("LBP, breast Ca in remission.", "history_of_cancer", "present"),
        # saddle
        ("LBP, saddle anaesthesia.", "saddle_numbness", "present"),
        ("LBP with perianal numbness since yesterday.", "saddle_numbness", "present"),
        ("LBP, reduced perineal sensation.", "saddle_numbness", "present"),
        ("LBP, denies saddle anaesthesia.", "saddle_numbness", "absent"),
        ("LBP, saddle sensation intact.", "saddle_numbness", "absent"),
        ("LBP, normal perianal sensation.", "saddle_numbness", "absent"),
        # bladder
        ("LBP, PVR 650 ml.", "urinary_retention", "present"),
        ("Back pain, bladder scan 900mls.", "urinary_retention", "present"),
        ("LBP, post-void residual of 300 mL.", "urinary_retention", "present"),
        ("LBP, PVR 40 ml.", "urinary_retention", "absent"),
        ("Back pain, painless retention.", "urinary_retention", "present"),
        ("Back pain, in retention on arrival.", "urinary_retention", "present"),
        ("Back pain, no retention.", "urinary_retention", "absent"),
        ("LBP, saddle anaesthesia and retention.", "urinary_retention", "present"),
        ("BACK PAIN AND I CAN'T PEE.", "urinary_retention", "present"),  # capitals split like "can't"
        # consciousness
        ("Back pain, GCS 13.", "confusion_or_drowsiness", "present"),
        ("Back pain, GCS 14/15.", "confusion_or_drowsiness", "present"),
        ("Back pain, GCS E3V4M6.", "confusion_or_drowsiness", "present"),
        ("Back pain, GCS 15.", "confusion_or_drowsiness", "absent"),
        # power
        ("LBP, power 4/5 L EHL.", "leg_weakness", "present"),
        ("Sciatica, ankle DF 3/5 on the right.", "leg_weakness", "present"),
        ("LBP, R hip flexion 4+/5.", "leg_weakness", "present"),
        ("LBP, weak L EHL.", "leg_weakness", "present"),
        ("LBP, power 5/5 throughout.", "leg_weakness", "absent"),
        ("LBP, neuro NAD.", "leg_weakness", "absent"),
        # worsening
        ("Leg weakness in his right leg, unchanged since last review, LBP.", "leg_weakness_worsening", "absent"),
        ("Back pain, no different from the last appointment.", "improving", "absent"),
        # straight leg raise
        ("LBP, SLR +ve on the left at 40 degrees.", "leg_pain_below_knee", "present"),
        ("LBP, positive SLR right.", "leg_pain_below_knee", "present"),
        ("LBP, straight leg raise positive at 30 degrees.", "leg_pain_below_knee", "present"),
        ("LBP, SLR positive bilaterally.", "leg_pain_both_sides", "present"),
    ],
)
def test_abbreviations_and_examination(kb, text: str, fid: str, expected: str) -> None:
    assert status(kb, text, fid) == expected


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("Back pain. Swollen ankles from fluid retention.", "urinary_retention"),
        ("LBP, PVR 150 ml.", "urinary_retention"),  # between the two cut-offs: asked
        ("LBP, grip 4/5 on the left.", "leg_weakness"),  # a hand
        ("LBP, knee pain 3/5 on a bad day.", "leg_weakness"),  # a rating out of five
        ("LBP, SLR -ve bilaterally.", "leg_pain_below_knee"),
        ("LBP, hip PROM full.", "fluid_leak"),  # a range of movement, not the waters
        ("LBP, I can breast feed fine.", "history_of_cancer"),
        ("LBP, some of it I can stomach.", "history_of_cancer"),
        ("LBP, Ca 2.4 last week.", "history_of_cancer"),  # calcium
        ("LBP, FMs and back pain worse at night, 30/40.", "reduced_fetal_movements"),
        ("LBP, NAD.", "leg_weakness"),
        ("LBP, no pregnancy test done.", "pregnant"),
    ],
)
def test_look_alikes_read_nothing(kb, text: str, fid: str) -> None:
    assert status(kb, text, fid) is None


@pytest.mark.parametrize(
    ("text", "fid", "expected"),
    [
        ("LBP, wt loss 6kg in 2/12.", "unexplained_weight_loss", "present"),
        ("LBP, bilat sciatica.", "leg_pain_both_sides", "present"),
        ("LBP, paraesthesia in both legs.", "leg_numbness_both_sides", "present"),
        ("LBP, B&B normal.", "bowel_incontinence", "absent"),
        ("LBP, bladder/bowels NAD.", "urinary_retention", "absent"),
        ("LBP, no sphincter disturbance.", "urinary_incontinence", "absent"),
        ("LBP, sphincter disturbance.", "urinary_retention", "possible"),
        ("LBP, no urinary sx.", "urinary_retention", "absent"),
        ("LBP, PU fine, BO normal.", "bowel_incontinence", "absent"),
        ("LBP, on pred 10mg.", "long_term_steroids", "present"),
        ("LBP, N&V since yesterday.", "vomiting_or_diarrhoea", "present"),
    ],
)
def test_more_shorthand(kb, text: str, fid: str, expected: str) -> None:
    assert status(kb, text, fid) == expected


def test_a_pregnancy_test_result(kb) -> None:
    assert status(kb, "LBP, UPT -ve.", "pregnant") == "absent"
    assert status(kb, "LBP, pregnancy test negative.", "pregnant") == "absent"
    assert status(kb, "LBP, pregnancy test positive last week.", "pregnant") == "present"


def test_unchanged_is_not_worsening_nor_better(kb) -> None:
    found = read(kb, "Right foot weakness and LBP, unchanged since the last clinic visit.")
    assert found["leg_weakness"].status == "present"
    assert found["leg_weakness_worsening"].status == "absent"
    assert found["improving"].status == "absent"


@pytest.mark.parametrize(
    "text",
    [
        "LBP 2/52, red flags negative.",
        "No red flags. Lower back pain 6/52 with sciatica.",
        "Back pain, no RF.",
        "LBP 3/7. RF screen negative. NRS 4.",
        "Back ache, red flags: none.",
        "LBP, nil red flags, NAD.",
    ],
)
def test_a_blanket_no_red_flags_reads_no_screening_finding(kb, text: str) -> None:
    found = read(kb, text)
    assert found["back_pain"].status == "present"  # the "no" does not reach past the phrase
    assert not any(fid in found for fid in SCREENING), {fid: found[fid].status for fid in SCREENING if fid in found}


@pytest.mark.parametrize(
    "text",
    [
        "LBP 2/52. Safety netting: saddle anaesthesia, urinary retention, bilateral sciatica.",
        "LBP, safety-netted re CES symptoms (saddle anaesthesia, retention).",
        "LBP. Red flags discussed: saddle anaesthesia, retention, fever.",
        "LBP. Given advice re: saddle anaesthesia and retention.",
        "LBP. If GCS drops below 15 or T over 38, call 999.",
    ],
)
def test_advice_in_notes_is_not_the_patients_finding(kb, text: str) -> None:
    found = read(kb, text)
    assert not any(found[fid].status != "absent" for fid in SCREENING if fid in found), found


def test_named_red_flags_still_read_as_written(kb) -> None:
    assert status(kb, "Red flags: saddle anaesthesia. LBP.", "saddle_numbness") == "present"
    found = read(kb, "No red flags, no saddle anaesthesia, no retention. LBP.")
    assert found["saddle_numbness"].status == "absent"
    assert found["urinary_retention"].status == "absent"


# --- 5. falls and collisions -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Back pain since he fell off a ladder clearing the gutters.",
        "Fell through the loft hatch onto the landing, back pain.",
        "Slipped off the roof on Tuesday, lower back pain.",
        "Fell off the scaffold at work, back pain.",
        "Thrown from my horse at the weekend, sore back.",
        "Fell down a flight of stairs, back pain.",
        "Tumbled downstairs in the night, back pain.",
        "Fell about 2 metres onto concrete, back pain.",
        "Fell 8 ft off a trailer, back pain.",
        "Fell from a height of 1.5m, lower back pain.",
        "Knocked off my bike by a car on the way to work, back pain.",
        "A van hit me on the zebra crossing, back pain.",
        "Hit by a car yesterday, back pain.",
        "Car crash on the motorway, back pain since.",
        "RTC 2/7 ago, LBP.",
        "RTA last week, back pain.",
        "Motorbike accident, back pain.",
        "Big rugby tackle on Saturday, back pain.",
        "Back pain after a sports collision at hockey.",
        "Fell down 6 steps, back pain.",
        "I went head first down the stairs last night, back pain.",
        "Slipped and fell down the stairs, back pain.",
        "Fell two storeys, back pain.",
        "My car was hit from behind at the lights, back pain.",
        "Someone landed on me in a scrum, back pain.",
        "Bike vs car this morning, LBP.",
        "FFH at work, LBP.",
    ],
)
def test_major_trauma(kb, text: str) -> None:
    found = read(kb, text)
    assert found["major_trauma"].status == "present"
    assert found.get("minor_trauma") is None or found["minor_trauma"].status != "present"


@pytest.mark.parametrize(
    "text",
    [
        "Tripped on the flat yesterday, back pain.",
        "Slipped on the wet kitchen floor, back pain.",
        "Fell off the kerb, back pain.",
        "Fell from standing height, sore lower back.",
        "Tripped over the dog and landed on my bottom, back pain.",
        "Missed the last two steps and landed on my bum, back pain.",
        "Fell about 3 feet, back pain.",
        "Fell over carrying a 6 ft plank, back pain.",
        "Slipped in the shower, back pain.",
        "Fell off a low stool, back pain.",
    ],
)
def test_minor_trauma_stays_minor(kb, text: str) -> None:
    found = read(kb, text)
    assert found["minor_trauma"].status == "present"
    assert found.get("major_trauma") is None or found["major_trauma"].status == "absent"


@pytest.mark.parametrize(
    "text", ["Back pain, no fall.", "Back spasm, didn't slip or fall.", "LBP, no falls or injuries."]
)
def test_no_fall_rules_out_both(kb, text: str) -> None:
    found = read(kb, text)
    assert found["major_trauma"].status == "absent"
    assert found["minor_trauma"].status == "absent"


def test_fall_from_standing_rules_out_major_trauma(kb) -> None:
    found = read(kb, "Ground-level fall at home, LBP.")
    assert found["minor_trauma"].status == "present"
    assert found["major_trauma"].status == "absent"


def test_a_fainting_fall_is_also_a_minor_fall(kb) -> None:
    found = read(kb, "82F, vasovagal and fell in the kitchen, back pain.")
    assert found["collapse"].status == "present"
    assert found["minor_trauma"].status == "present"


# --- 6. doses ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "LBP, on co-codamol 30/500 2 tabs QDS.",
        "Back pain, paracetamol 1g QDS.",
        "Back pain. Co-dydramol 10/500 two tablets four times a day.",
        "Back pain, co-codamol 8/500 2 tabs QDS and ibuprofen 400mg TDS.",  # ibuprofen is not paracetamol
        "Back pain, the leaflet says max 2 tabs QDS and I take co-codamol 1 tab BD.",
        # the person's own total holds the doses listed before it
        "Back pain. Yesterday it was 2 paracetamol tablets and 2 Lemsip sachets, 3 g altogether.",
    ],
)
def test_doses_at_or_under_the_maximum_are_not_overuse(kb, text: str) -> None:
    # not over: left unknown, or denied where the person states their own sum ("3 g altogether")
    assert status(kb, text, "paracetamol_overuse") == ("absent" if "altogether" in text else None)


@pytest.mark.parametrize(
    "text",
    [
        "LBP, co-codamol 30/500 2 tabs QDS plus an OTC paracetamol 1 g on top.",
        "Back pain. Co-codamol 30/500 2 tabs QDS. Also paracetamol 1 g PRN.",
        "Back pain, paracetamol 1g QDS and co-dydramol 10/500 2 QDS.",
        "Back pain, paracetamol 1g 4-hourly.",
        "Back pain, two co-codamol every three hours.",
        "Back pain, paracetamol, I've had 5 g altogether today.",
        # a total under the listed doses does not hide them
        "Back pain, paracetamol 1g QDS and co-dydramol 10/500 2 QDS, 3 g altogether.",
    ],
)
def test_doses_over_the_maximum_are_overuse(kb, text: str) -> None:
    assert status(kb, text, "paracetamol_overuse") == "present"


# --- the number readers on their own -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tablets"),
    [
        ("co-codamol 30/500 2 tabs QDS", 8.0),
        ("paracetamol 1 g PRN", 2.0),
        ("paracetamol 500mg 2 tabs 6-hourly", 8.0),
        ("2 x 500mg QDS", 8.0),
        ("1000mg", 2.0),
        ("2 tablets 4 times daily", 8.0),
    ],
)
def test_doses_per_day(text: str, tablets: float) -> None:
    assert [v.value for v in doses_per_day(text)] == [tablets]


def test_clinical_duration_values() -> None:
    assert [v.value for v in durations("3/7 and 2/52 and 6/12 and 12/24", TODAY)] == [3, 14, 180, 0]
    assert [v.value for v in durations("24/7", TODAY)] == []


def test_gcs_power_and_heights() -> None:
    assert [v.value for v in gcs_scores("GCS 12/15")] == [12]
    assert [v.value for v in gcs_scores("E4 V4 M6")] == [14]
    assert [v.value for v in power_grades("L EHL 4-/5")] == [3.7]
    assert [v.value for v in power_grades("biceps 4/5")] == []
    assert [v.value for v in fall_heights("fell 10 ft")] == [3.05]
    assert [v.value for v in fall_heights("fell 45 M")] == []
    assert [v.value for v in fall_heights("roofer, fall from ~4m onto back")] == [4.0]  # a note's "about"
