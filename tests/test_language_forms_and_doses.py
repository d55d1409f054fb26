"""Round 170 of the reading (from R443 to R446, the sets that measured round 169): forms answered with
a letter, a bracketed choice or ticked boxes; a pain scale named before its score; a leak told as
nothing new at the end of its sentence; "my fourth go of it this year"; a vehicle rolled by its
driver; doses with their strength and counts told after their form; "lost track of what I've
taken"; a date of birth in words; a message's dated heading; both sides of the back; a resident's
full name and age; blood seen at the toilet told after it; and a medicine called "Day & Night"."""

from __future__ import annotations

import datetime as dt

from backcare.adapters.learned.reading import observe
from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 7)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_forms_letter_answers() -> None:
    text = "Back pain questionnaire\n1. Age: 47\n2. Fever or chills? N\n3. History of cancer? N\n4. Chest pain? Y - tight"
    assert READ.status(KB, text, "fever") == "absent"
    assert READ.status(KB, text, "history_of_cancer") == "absent"
    assert READ.status(KB, text, "chest_pain") == "present"


def test_a_forms_marked_choice_and_boxes() -> None:
    text = (
        "Pre-assessment\nQ1 Where is the pain? [x] lower back  [ ] upper back\n"
        "Q2 Numbness between the legs?  Y / [N]\nQ3 Is it getting better?  [Y] / N"
    )
    assert READ.value(KB, text, "pain_region") == "lower"
    assert READ.status(KB, text, "saddle_numbness") == "absent"
    assert READ.status(KB, text, "improving") == "present"
    assert READ.status(KB, text, "back_pain") == "present"


def test_an_unticked_option_is_not_read_by_the_model_either() -> None:
    text = "Intake form\nChief complaint: low back spasm since Saturday\n[ ] History of cancer\n[ ] Fever/chills"
    seen = observe(text, KB, TODAY)
    assert [s.text for s in seen.sentences if "cancer" in s.text or "Fever" in s.text] == []


def test_a_pain_scale_named_before_its_score() -> None:
    text = "Lower back pain since Friday.\n5. Pain score 0-10: 7"
    assert READ.value(KB, text, "pain_score") == 7


def test_a_leak_told_as_nothing_new_at_the_end() -> None:
    text = (
        "I leak a bit when I cough, laugh or run for the bus with the kids ever since my second was born - nothing new "
        "there. Strained my lower back on Saturday."
    )
    assert not READ.counted(KB, text, "urinary_incontinence")


def test_an_episode_counted_as_a_go() -> None:
    text = "My lower back locked again on Sunday, my third go of it this year."
    assert READ.value(KB, text, "episodes_past_year") == 3


def test_a_vehicle_rolled_by_its_driver() -> None:
    text = "My brother flipped his quad on the farm this morning, his lower back is sore."
    assert READ.status(KB, text, "major_trauma") == "present"


def test_doses_with_their_strength_and_counts_after_their_form() -> None:
    text = (
        "Back pain since Friday. Yesterday I had two co-codamol 30/500 four times, and the Lemsip Max sachets "
        "for my cold, I think three of them."
    )
    assert READ.counted(KB, text, "paracetamol_overuse")


def test_lost_track_of_what_was_taken() -> None:
    text = "Back spasms since Saturday. Tylenol and DayQuil for my cold, honestly I've lost track of what I've taken."
    assert READ.status(KB, text, "paracetamol_overuse") == "present"


def test_a_date_of_birth_in_words() -> None:
    text = "Hi, it's Sue, date of birth 3rd of May 1979, my lower back has been bad since Friday."
    assert READ.value(KB, text, "age") == 47


def test_a_messages_dated_heading_is_no_start() -> None:
    text = "(Message left Monday 7 December, 09:10) My lower back has been bad since Friday."
    assert READ.value(KB, text, "days_since_onset") == 3


def test_both_sides_of_the_back_are_not_both_legs() -> None:
    text = "Since Thursday I've had a dull ache low in my back on both sides after gardening."
    assert not READ.counted(KB, text, "leg_pain_both_sides")


def test_a_residents_full_name_and_age() -> None:
    text = "Call from daughter: Mum (Mrs Joan Price, 84) slipped on her step on Saturday, low back painful since."
    assert READ.value(KB, text, "age") == 84


def test_blood_seen_at_the_toilet_told_after_it() -> None:
    text = "I am 22 weeks pregnant, low back pain since this morning, and when I went to the toilet there was some blood."
    assert READ.status(KB, text, "vaginal_bleeding") == "present"


def test_a_medicine_called_day_and_night() -> None:
    text = "Lower back strain since Friday. Took one dose of Lemsip Day & Night for my cold."
    assert not READ.counted(KB, text, "pain_unrelenting")
