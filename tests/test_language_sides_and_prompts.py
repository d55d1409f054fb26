"""Round 118 of the reading (from R167 to R174): a named leg "too" after the same side; a question
asked of the writer and answered yes; a form's prompt answered after it; a general question with
"Asking for a friend" and the writer's own trouble told as the only one; a note's dermatome and
"Bladder not yet assessed"; a fall told as small beside the sentence model's faint; episodes "in
about 10 months"; a child's temperature; a temperature back to normal; "upper right back"."""

from __future__ import annotations

import datetime as dt

from backcare.adapters.language.episodes import episodes
from backcare.bootstrap import assess, knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_episodes_within_a_year_told_in_months() -> None:
    assert [m.value for m in episodes("This is the fourth time in about 10 months my back has gone.")] == [4]
    assert [m.value for m in episodes("4 episodes in 8 months")] == [4]
    assert list(episodes("the third time in the last 18 months")) == []  # longer than the past year


def test_a_named_leg_too_after_the_same_side_is_one_leg() -> None:
    text = (
        "my right foot keeps slapping the floor when I walk and I can't lift my toes up on that side. "
        "Pain down the right leg too. It's been the same since Monday, not getting worse. 45 male"
    )
    assert READ.status(KB, text, "leg_pain_both_sides") is None
    assert "cauda_equina" not in READ.flags(text)
    other = "Pain down my left leg for 2 weeks. From yesterday evening right calf is also paining same way."
    assert READ.status(KB, other, "leg_pain_both_sides") == "present"
    unnamed = "Sciatica in my leg for weeks, now it's in the right leg as well."
    assert READ.status(KB, unnamed, "leg_pain_both_sides") == "present"


def test_nothing_makes_it_any_better_and_none_of_it_touches_it() -> None:
    assert READ.status(KB, "Back pain, it wakes me every night and nothing I do makes it any better.", "pain_unrelenting") == "present"
    listed = "My back aches. Lying, sitting, standing, moving, none of it touches it."
    assert READ.status(KB, listed, "pain_unrelenting") == "present"
    tried = "Back hurts. I tried ice and heat, none of it helped much but it eases when I lie down."
    assert READ.status(KB, tried, "pain_unrelenting") == "absent"


def test_a_question_asked_of_the_writer_and_answered_yes() -> None:
    text = "The nurse asked me if I had any chest pain - yes, a tight band across it. My upper back hurts, I'm 50."
    assert READ.status(KB, text, "chest_pain") == "present"
    next_sentence = "The GP asked whether I had numbness in my saddle area. Yes I do. Back pain 3 days."
    assert READ.counted(KB, next_sentence, "saddle_numbness")


def test_what_he_says_of_the_writers_face() -> None:
    text = (
        "my husband is typing this for me. I'm 58, had low back ache for a few days but in the last half "
        "hour my speech has gone slurry and he says the left side of my face is drooping."
    )
    assert READ.status(KB, text, "stroke_signs") == "present"
    assert READ.status(KB, "Back ache. In the last half hour my speech has gone slurry.", "stroke_signs") == "present"


def test_a_general_question_for_a_friend_and_the_writers_own_trouble() -> None:
    text = "Quick question, is chest pain with back pain an emergency? Asking for a friend. I've just got lower back stiffness myself."
    assert READ.status(KB, text, "chest_pain") is None
    mine = "Q: can back pain make both your legs go numb? Mine doesn't, I just read about it online. Lower back ache 4 days."
    assert "cauda_equina" not in READ.flags(mine)


def test_a_question_of_the_writers_own_is_a_report() -> None:
    # "my legs" in the question, and a denial of something else after it
    text = "Doc - is the numbness in both my legs serious? I don't have any bladder problems. Back pain 3 days."
    assert READ.status(KB, text, "leg_numbness_both_sides") == "present"
    only = "Is numbness in both legs serious? I've only got it in the mornings. Back pain 3 days."
    assert "cauda_equina" in READ.flags(only)


def test_a_forms_prompt_answered_after_it() -> None:
    text = "Back sore 4 days after a spin class, 36. Fever? No. Weight loss? I've lost 4 kg but that's on purpose."
    assert READ.status(KB, text, "unexplained_weight_loss") == "absent"
    assert "constitutional" not in READ.flags(text)
    yes = "Back sore 4 days, 60. Weight loss? Yes about a stone without trying."
    assert "constitutional" in READ.flags(yes)


def test_a_notes_dermatome_is_one_leg_not_the_saddle() -> None:
    text = (
        "38M, R L5 radiculopathy 3/52. O/E EHL 4/5 R, ankle DF 4+/5, unchanged from assessment 1/52 ago, "
        "not progressing. Reduced sensation R L5 dermatome. No bilateral sx, no sphincter disturbance."
    )
    assert READ.status(KB, text, "leg_numbness_one_side") == "present"
    result = assess(text=text, today=TODAY)
    assert result.disposition == "urgent"
    assert "cauda_equina" not in {hit.id for hit in result.red_flags}


def test_feet_and_legs_numb_for_years_from_diabetes() -> None:
    text = (
        "I'm 47 and I've had numb tingly feet and legs on both sides for years from my diabetes, nothing new there. "
        "My low back has ached since Saturday when I was carrying shopping."
    )
    assert "cauda_equina" not in READ.flags(text)
    assert "cauda_equina" in READ.flags("Back pain for years and both legs numb since yesterday.")


def test_a_notes_weakness_and_numbness_of_both_legs_and_bladder_not_assessed() -> None:
    text = "61M. LBP 3/52. O/E bilateral LL weakness and numbness both legs, gait unsteady. Bladder not yet assessed."
    assert READ.status(KB, text, "leg_weakness") == "present"
    assert "progressive_neuro_deficit" in READ.flags(text)
    result = assess(text=text, today=TODAY)
    findings = {f.id: f.status for f in result.findings}
    assert findings.get("urinary_incontinence") is None  # not assessed is not normal
    assert "urinary_incontinence" in result.unanswered_screening


def test_a_fall_told_as_small_beside_a_read_faint() -> None:
    text = (
        "Mum is 76 and slipped on the wet bathroom floor this morning, she sat down hard on her bottom. "
        "Didn't hit her head, wasn't a big fall, just from standing. Now her lower back is very sore and "
        "she's struggling to get up from the chair."
    )
    result = assess(text=text, today=TODAY)
    assert result.disposition == "urgent"
    assert "fainting" not in {f.id for f in result.findings if f.status == "present"}


def test_durations_episodes_and_regions_in_other_words() -> None:
    assert READ.value(KB, "41F. Back pain now 8 weeks, from lifting the toddler.", "days_since_onset") == 56
    recurrent = "This is the fourth time in about 10 months my lower back has gone into spasm. 39, nurse."
    assert READ.value(KB, recurrent, "episodes_past_year") == 4
    upper = "I'm 58 and have had a dull ache in my upper right back for about a week."
    assert READ.value(KB, upper, "pain_region") == "upper"
    twinge = "Twinge down the back of my left leg to just below the knee, started 5 days ago with the back pain."
    assert READ.status(KB, twinge, "leg_pain_below_knee") == "present"


def test_a_childs_temperature_and_one_back_to_normal() -> None:
    child = "My little boy has a temperature and has wanted carrying all day. Now my lower back is killing me. I'm 31."
    assert READ.status(KB, child, "fever") != "present"
    gone = "I had flu last week with a temperature but it's been normal for five days now. My lower back has ached for 3 days."
    assert "spinal_infection" not in READ.flags(gone)
    own = "I've had a temperature of 38.5 since yesterday and my lower back is agony, oh boy."
    assert "spinal_infection" in READ.flags(own)
