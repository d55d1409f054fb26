"""Round 101 of the reading (from R121 and R122): thrown over a car's bonnet; Scots "intae the back
o' us"; chest tightness that goes when the walking stops; an age told as a year of birth, or after
a name; "the sciatic thing" and where it travels; both buttocks and thighs; legs "heavy and numb";
"yellow sclerae"; a day's paracetamol "never gone over what the packet says"; and the look-alikes: a
star sign, the kids off sick, a fright at a price, a horse's saddle."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_thrown_over_the_bonnet() -> None:
    text = "A car pulled out of a side road and I went over the bonnet and landed on the road. Back sore today."
    assert READ.status(KB, text, "major_trauma") == "present"
    leaning = "Leaned over the bonnet to check the oil yesterday and my lower back went."
    assert READ.status(KB, leaning, "major_trauma") != "present"


def test_scots_into_the_back_of_us() -> None:
    text = "Wis in the motor last nicht, some eejit went intae the back o' us at aboot 40. Ma lower back's stiff."
    assert READ.status(KB, text, "major_trauma") == "present"


def test_chest_tightness_that_goes_when_the_walking_stops() -> None:
    text = "Mid back pain for weeks. Walking up the hill today: tightness across the chest, went away when I stopped."
    assert READ.status(KB, text, "chest_pain") == "present"
    assert "cardiac" in READ.flags(text)
    over = "Mid back pain for weeks. I had a tight chest with a cold in March, but that went away."
    assert "cardiac" not in READ.flags(over)


def test_an_age_told_as_a_year_of_birth() -> None:
    assert READ.value(KB, "Retired teacher, 67 (born 1959). Low back aching for three weeks.", "age") == 67
    assert READ.value(KB, "I was born in '58 and my lower back has been sore since Monday.", "age") == 68
    assert READ.value(KB, "Back pain since Monday. DOB 12/03/1951.", "age") == 75
    assert READ.value(KB, "My son was born in 2019 and lifting him hurt my back.", "age") is None


def test_an_age_after_the_writers_name() -> None:
    text = "Morning, it's Nerys, 74, from Ferndale. I slipped on the back step and went down on my bottom."
    assert READ.value(KB, text, "age") == 74
    assert "fracture" in READ.flags(text)


def test_the_sciatic_thing_and_where_it_travels() -> None:
    text = (
        "The sciatic thing started five weeks ago, goes from my left buttock down the back of the leg to the "
        "outside of my foot. The right leg's fine."
    )
    assert READ.status(KB, text, "leg_pain_below_knee") == "present"
    assert "sciatica" in READ.flags(text)


def test_both_buttocks_and_thighs_for_years() -> None:
    text = (
        "72M, known spinal stenosis. Bilateral buttock and thigh aching on walking, eased by sitting, unchanged "
        "for 2 years. Flare of low back pain for 3 weeks."
    )
    assert READ.status(KB, text, "longstanding_leg_symptoms") == "present"
    assert "longstanding_neuro" in READ.flags(text)


def test_legs_heavy_and_numb() -> None:
    text = "Pain in the middle of her back for a month, and since the weekend both her legs feel heavy and numb."
    assert READ.status(KB, text, "leg_numbness_both_sides") == "present"
    assert "cauda_equina" in READ.flags(text)


def test_yellow_sclerae() -> None:
    text = "ED triage: 55F, 4/7 R-sided upper back/flank pain, yellow sclerae, T 38.5 with rigors. No medicines."
    assert READ.status(KB, text, "yellow_skin_or_eyes") == "present"
    assert "jaundice" in READ.flags(text)


def test_never_gone_over_what_the_packet_says() -> None:
    text = (
        "Lower back spasm since Monday. I take 2 paracetamol morning and lunch, then a Beechams hot lemon in the "
        "evening, and just realised it has paracetamol in too. I've never gone over what the packet says for a day."
    )
    assert READ.status(KB, text, "paracetamol_overuse") == "absent"
    assert "medicine_overdose" not in READ.flags(text)


def test_look_alikes() -> None:
    star = "Tweaked my lower back at climbing. Mate says it's cos I'm a Cancer and we carry everything. 26, 3/10."
    assert "malignancy" not in READ.flags(star)
    survivor = "I'm a cancer survivor, breast 2019, and my lower back has ached for two weeks."
    assert READ.status(KB, survivor, "history_of_cancer") == "present"
    kids = "Stuck indoors for a week with the kids off sick and my lower back has seized up from the sofa. 35."
    assert READ.status(KB, kids, "worried_or_not_coping") != "present"
    price = "39M, back twinged tying my shoes, and I almost fainted when I saw what the physio charges."
    assert READ.status(KB, price, "fainting") != "present"
    standing = "Lower back pain and I almost fainted when I stood up this morning."
    assert READ.status(KB, standing, "fainting") != "absent"
    saddle = "Hoisted my horse's saddle onto the rack after a lesson on Thursday and felt a twinge in my low back."
    assert READ.status(KB, saddle, "major_trauma") != "present"
