"""Round 177 of the reading (from R475 to R478, the sets that measured round 176; their four missed
emergencies and the other misses): a carer's own incontinence beside the one they lift at work, a
relative's things handled ("move his piano"), waking up wet, the saddle pointed back to ("that
area has gone numb"), "never actually", an energy crash, numbness since birth, not coping told
as "can't keep doing", a symptom tested and found harmless, a letter's "Dear colleague", an
illness "in the family", a near miss on the road and a hit told as "taken out by", pain in the
buttock "and down the back of my leg", and "back's been bad 10 days"."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 7)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_carers_own_incontinence_beside_the_one_lifted_at_work() -> None:
    text = "Today I wet myself and didn't feel it happen. Back's been bad since Monday after moving a patient up the bed."
    assert READ.status(KB, text, "urinary_incontinence") == "present"
    assert "cauda_equina" in READ.flags(text)


def test_a_relatives_things_handled_leave_the_back_the_writers() -> None:
    text = "Helped my dad shift his wardrobe on Sunday, back's been in bits since and today I had an accident and wet myself."
    assert READ.status(KB, text, "back_pain") == "present"
    assert READ.counted(KB, text, "urinary_incontinence")


def test_waking_up_wet() -> None:
    assert READ.status(KB, "Woke up wet this morning for the first time ever, my back is agony.", "urinary_incontinence") == "present"
    assert READ.status(KB, "I keep waking up wet with sweat since the flu, back aches.", "urinary_incontinence") is None


def test_the_saddle_pointed_back_to() -> None:
    text = "I could always feel my bottom and privates fine, and since last night that area has gone numb. Back is bad."
    assert READ.status(KB, text, "saddle_numbness") == "present"
    assert READ.status(KB, "My bum feels fine, but that bit of my thigh is numb. Back aches.", "saddle_numbness") != "present"


def test_never_actually() -> None:
    text = "I get a bit dizzy standing up quickly but I've never actually fainted. Lower back sore for 4 days."
    assert READ.status(KB, text, "fainting") == "absent"


def test_an_energy_crash_is_no_collision() -> None:
    text = "Long covid. I'm in a PEM crash again since the party, flat out like always after a crash. Back aches from standing."
    assert READ.status(KB, text, "major_trauma") is None


def test_numbness_since_birth_that_has_not_changed() -> None:
    text = "I've had no feeling in my legs since birth and nothing has changed there. Back sore for 3 days."
    assert READ.status(KB, text, "longstanding_leg_symptoms") == "present"
    assert READ.status(KB, text, "leg_numbness_both_sides") is None


def test_not_coping_told_as_cant_keep_doing() -> None:
    text = "My back's been sore for two weeks. I can't keep doing the lifting at home and I don't know how we're going to manage."
    assert READ.status(KB, text, "worried_or_not_coping") == "present"


def test_a_symptom_tested_and_found_harmless() -> None:
    text = "Had chest pain in the summer, the hospital did an ECG and bloods and it turned out to be indigestion. Back sore."
    assert not READ.counted(KB, text, "chest_pain")
    assert READ.counted(KB, "I have chest pain now, last time it turned out to be reflux. Back sore.", "chest_pain")


def test_a_letters_greeting_names_no_one() -> None:
    text = "Dear colleague, 52M with hypothyroidism, recurrent lumbar spasms over the last six weeks. Thank you."
    assert READ.status(KB, text, "hypothyroidism") == "present"


def test_an_illness_in_the_family() -> None:
    text = "I'm careful because of an aneurysm in the family. My low back aches after gardening, I'm 45."
    assert READ.status(KB, text, "known_aaa") is None
    assert READ.status(KB, "Aneurysms run in the family. My low back aches.", "known_aaa") is None


def test_a_near_miss_and_a_hit_on_the_road() -> None:
    near = "Almost got wiped out by a van on the bike this morning, nothing touched me. Back tight since."
    assert READ.status(KB, near, "major_trauma") is None
    assert READ.status(KB, "Got taken out by a van on the bike this morning, back is agony.", "major_trauma") == "present"


def test_pain_in_the_buttock_and_down_the_leg() -> None:
    text = "Aching in my left buttock and down the back of my leg into the calf for 3 weeks."
    assert READ.status(KB, text, "leg_pain_below_knee") == "present"


def test_a_length_told_after_bad() -> None:
    assert READ.value(KB, "Back's been bad 10 days after the gym.", "days_since_onset") == 10


def test_a_whole_band_with_a_fever() -> None:
    text = "The whole band has had a fever this week. My lower back is stiff from the bunk on the bus."
    assert READ.status(KB, text, "fever") is None
