"""Round 147 of the reading (from R323 to R326, their missed emergency first): a sports collision told
as "got cleaned up" or a player coming down on the back; "not coping with it at all" and what
worry does; a start as a written date after "since", or after where it started; pain "all the way
down" the leg; a lump on one side of the back; "if I end up with a temperature"; a pharmacist's
calculated total; a leak that physio sorted; in pregnancy, what got soaked and a text that opens
"34 weeks."; "cancer's in the family"; a medical drama; "passes water"; a toilet every half hour
is no retention; a temperature is no amount of tablets; "three nights running"; a finding after
"and" keeps its subject; "sciatica" as a name gives way to "it doesn't go down either leg"; one leg
told as spared is no second leg."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 6)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_sports_collision_told_as_what_happened() -> None:
    text = "Got cleaned up in a marking contest at footy, back sore since. 24M."
    assert READ.status(KB, text, "major_trauma") == "present"
    assert READ.status(KB, "At footy a big lad came down right on my back. 20.", "major_trauma") == "present"


def test_not_coping_and_what_worry_does() -> None:
    assert "not_coping" in READ.flags("Lower back for 10 days. It's not going away and I'm not coping at all.")
    text = "My back's been sore a fortnight and it's really getting to me, I lie awake worrying every night."
    assert "not_coping" in READ.flags(text)


def test_a_start_as_a_written_date_or_after_where_it_started() -> None:
    assert READ.value(KB, "Physio note. 50F, LBP since 15/10/26, no better.", "days_since_onset") == 52
    text = "The pain started in my lower back on 1 November and now runs down into my calf."
    assert READ.value(KB, text, "days_since_onset") == 35


def test_pain_all_the_way_down_the_leg() -> None:
    text = "Sharp pain from my right buttock all the way down the back of my leg since Sunday. 40M."
    assert READ.status(KB, text, "leg_pain_below_knee") == "present"


def test_a_lump_on_one_side_of_the_back() -> None:
    text = "There's a lump on the left side of my lower back that wasn't there last month."
    assert READ.status(KB, text, "back_lump_or_deformity") == "present"


def test_if_i_end_up_with_a_temperature() -> None:
    text = "Back sore from the garden. Wondering, if I end up with a fever after my booster, is that an infection?"
    assert "spinal_infection" not in READ.flags(text)


def test_a_pharmacists_calculated_total() -> None:
    text = (
        "Pharmacist: Panadol 2 tabs once yesterday and Lemsip 2 sachets yesterday. Calculated paracetamol last 24 h"
        " = 3 g, below the 4 g max. Back strain."
    )
    assert "medicine_overdose" not in READ.flags(text)


def test_a_leak_that_physio_sorted() -> None:
    text = "After my first baby I had some leaking when I coughed, but physio sorted that out. Back twinge since Monday. 40F."
    assert "cauda_equina" not in READ.flags(text)


def test_in_pregnancy_what_got_soaked() -> None:
    text = "31 weeks pregnant. About an hour ago there was a gush of clear fluid that soaked my knickers. Back aching."
    assert "cauda_equina" not in READ.flags(text)
    assert READ.status(KB, "34 weeks. Lower back aching all day and I've just felt a gush.", "pregnant") == "present"


def test_cancer_in_the_family() -> None:
    text = "Cancer's in the family, my mum had breast cancer. My lower back is sore from lifting at work. 40."
    assert "malignancy" not in READ.flags(text)


def test_a_medical_drama() -> None:
    text = "Watching a hospital drama last night, a man collapsed from a burst aneurysm. My back is stiff after the gym. 29."
    assert not {"aortic", "general_emergency"} & READ.flags(text)


def test_passes_water() -> None:
    text = "Grandad, 88: pain in his right side round to the back and it stings when he passes water."
    assert READ.status(KB, text, "painful_urination") == "present"


def test_a_toilet_every_half_hour_is_no_retention() -> None:
    from backcare.adapters.learned.telling_words import NEEDS_WORDS

    def told(sentence: str) -> bool:
        return all(words.search(sentence) for words in NEEDS_WORDS["urinary_retention"])

    assert not told("She keeps asking for the toilet every half hour.")
    assert told("He hasn't been for a wee for hours.")


def test_a_temperature_is_no_amount() -> None:
    text = "Back pain a week, shivery at night, 38.5 on Friday. Took paracetamol and today I'm 37.3. 40M."
    assert "medicine_overdose" not in READ.flags(text)


def test_three_nights_running() -> None:
    text = "Back pain for a week. Three nights running I've woken up drenched and shivering. 44M."
    assert READ.status(KB, text, "trigger_strenuous_exercise") is None


def test_a_finding_after_and_keeps_its_subject() -> None:
    text = "My uncle had a bad disc and he couldn't feel his feet and couldn't pee. My own back is just stiff. 33."
    assert "cauda_equina" not in READ.flags(text)


def test_a_name_for_the_pain_gives_way_to_plain_words() -> None:
    text = "I reckon it's sciatica but it's just across my lower back, it doesn't go down either leg. 30F."
    assert READ.status(KB, text, "leg_pain_below_knee") == "absent"
    text = "Sciatica since Monday, 9/10, it doesn't go down my left leg."
    assert READ.status(KB, text, "leg_pain_below_knee") == "present"


def test_one_leg_told_as_spared_is_no_second_leg() -> None:
    assert "cauda_equina" not in READ.flags("Sciatica in my right leg since Monday, nothing down the left leg. 40M.")
    assert "cauda_equina" in READ.flags("Pain down my left leg and now my right leg too. 40M.")
