"""Round 169 of the reading (from R439 to R442, the sets that measured round 168): a foot of snow,
well "for years" before this pain, starts told by part of a month or glossed in brackets, a weekday
before a note's date, whose a possessive's sentence is, a past fever over, ages named beside a
person, another poster's quoted words, and which leg "my good one" is."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 7)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_depth_of_snow_is_no_heavy_leg() -> None:
    text = "Shifted about a foot of heavy snow off the drive on Saturday and my lower back has ached since."
    assert not READ.counted(KB, text, "leg_weakness")


def test_well_for_years_is_not_pain_for_years() -> None:
    text = "My bladder's been normal for years, my lower back went on Friday."
    assert not READ.counted(KB, text, "pain_over_3_months")
    assert READ.value(KB, text, "days_since_onset") == 3
    told_as_a_finding = "Feeling down below fine for years now, but my lower back went on Friday."
    assert not READ.counted(KB, told_as_a_finding, "pain_over_3_months")
    a_length = "Been crook in the lower back a good 3 months now, on and off."
    assert READ.counted(KB, a_length, "pain_over_3_months")


def test_a_cough_that_gives_a_jolt() -> None:
    text = "Lower back strain from the gym on Thursday. Every sneeze gives me a sharp twinge in it."
    assert READ.status(KB, text, "pain_worse_cough_sneeze") == "present"


def test_a_start_told_by_part_of_a_month() -> None:
    text = "My lower back started hurting in mid-October and it hasn't really let up."
    assert READ.value(KB, text, "days_since_onset") == 53


def test_a_length_told_now_nearly() -> None:
    text = "The ache in my low back is dull, but it's now nearly 7 weeks and no better."
    assert READ.value(KB, text, "days_since_onset") == 49


def test_a_weekday_before_a_note_date() -> None:
    text = "Physio note. 24F netballer, LBP after training Wed 2/12, no radiation, improving."
    assert not READ.counted(KB, text, "pain_over_3_months")
    assert READ.value(KB, text, "days_since_onset") != 60


def test_a_start_glossed_in_brackets_after_a_longer_lead() -> None:
    text = "Since about ten days after we moved house (start of November) my lower back has been sore every day."
    assert READ.value(KB, text, "days_since_onset") == 36


def test_her_cot_does_not_make_the_pain_hers() -> None:
    text = "I lifted the baby out of her cot this morning and felt a sudden sharp pain in my lower back."
    assert READ.status(KB, text, "onset_sudden") == "present"


def test_a_relatives_operation_told_with_a_reason() -> None:
    text = "My lower back is stiff. My dad had a disc problem and needed surgery because of bladder trouble."
    assert not READ.counted(KB, text, "urinary_retention")


def test_where_the_children_are_is_no_ones_story() -> None:
    text = "Date night (kids at my mum's) and both legs went numb and my back is agony."
    assert READ.counted(KB, text, "leg_numbness_both_sides")


def test_a_fever_over_after_its_length() -> None:
    text = "Had flu a fortnight ago with a fever for three days, all cleared up. My back went on Saturday lifting."
    assert not READ.counted(KB, text, "fever")


def test_a_residents_age_told_beside_him() -> None:
    text = (
        "Care home. One of our residents, an 88 year old gentleman, slipped off the edge of his bed today. "
        "He says his lower back hurts."
    )
    assert READ.value(KB, text, "age") == 88


def test_a_pupils_age_in_brackets() -> None:
    text = "Accident form: Y11 pupil (15) fell off the vault in PE. Complaining of pain in the lower back."
    assert READ.value(KB, text, "age") == 15


def test_a_question_to_others_about_their_back() -> None:
    text = "Anyone else's teen moaning about their back?? My 13yo says his lower back has ached for a week."
    assert READ.value(KB, text, "age") == 13
    assert READ.status(KB, text, "back_pain") == "present"


def test_another_posters_quoted_words() -> None:
    text = (
        'Re: spasms. Quote from Jo_K: "my bum went numb and I couldn\'t wee, ended up in theatre". '
        "Yikes Jo. Mine is just a stiff lower back since Friday, no numbness."
    )
    assert not READ.counted(KB, text, "saddle_numbness")


def test_my_good_leg_named_is_not_a_good_leg() -> None:
    text = "Since Saturday my back hurts and my right leg (my good one) feels weak."
    assert READ.status(KB, text, "leg_weakness") != "absent"
