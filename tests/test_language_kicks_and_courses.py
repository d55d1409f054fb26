"""Round 123 of the reading (from R199 to R202): a baby "moving not so much like normally, less
kicks"; a short course of steroid tablets years ago; a pillow "between my knees" is no second leg;
sweat the heat explains; a teenager who has "stopped going to college and won't leave his room";
"moving ... not" is no fear of moving unless it says unsafe."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import assess, knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 5)
READ = ReadOn(TODAY)
KB = knowledge()


def test_fewer_kicks_told_in_learners_english() -> None:
    text = "I am pregnant 34 week. Back pain very strong since yesterday. Today baby is moving not so much like normally, less kicks."
    assert READ.status(KB, text, "reduced_fetal_movements") == "present"
    assert "pregnancy_warning" in READ.flags(text)
    assert READ.status(KB, "Back sore and I get fewer kicks in football now.", "reduced_fetal_movements") is None


def test_moving_not_so_much_is_no_fear_of_moving() -> None:
    assert READ.status(KB, "The baby is moving not so much like normally.", "startback_5") is None
    assert READ.status(KB, "Exercise seems risky with my back like this.", "startback_5") == "present"


def test_a_short_course_of_steroid_tablets() -> None:
    text = "I'm 45. Had a 5-day course of steroid tablets for a chest infection two years ago, nothing since. Slipped on the step."
    assert READ.status(KB, text, "long_term_steroids") == "absent"
    assert "fracture" not in READ.flags(text)
    assert READ.status(KB, "I've been on steroid tablets for 3 years.", "long_term_steroids") == "present"


def test_a_pillow_between_the_knees_is_no_second_leg() -> None:
    text = (
        "my back went a week ago and now theres shooting pain down my right leg to my foot, 8/10 at worst, but "
        "lying on my side with a pillow between my knees it calms down"
    )
    result = assess(text=text, today=TODAY)
    assert "cauda_equina" not in {h.id for h in result.red_flags}
    assert "sciatica" in {h.id for h in result.red_flags}


def test_sweat_the_heat_explains() -> None:
    text = (
        "I'm 35, was painting a ceiling all weekend and now my mid back aches. No chest pain, not breathless. "
        "I was sweating but only because it was 30 degrees in the room."
    )
    assert READ.status(KB, text, "sweating_clammy") is None
    assert "cardiac" not in READ.flags(text)
    assert READ.status(KB, "Pain between my shoulder blades and I'm sweating, I feel sick.", "sweating_clammy") == "present"


def test_a_teenager_who_stopped_going_to_college() -> None:
    text = (
        "My son is 17, he hurt his back lifting weights 5 days ago. Since then he's stopped going to college and "
        "won't leave his room because of the pain."
    )
    assert READ.status(KB, text, "worried_or_not_coping") == "present"
    assert "not_coping" in READ.flags(text)
    assert READ.status(KB, "I stopped going to the gym while my back settles.", "worried_or_not_coping") is None
