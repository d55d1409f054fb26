"""Round 85 of the reading (from R105): a "not" on the last word of another "not"'s reach does not
let the first one reach past it ("she hasn't been sleeping ... and hasn't been able to look after
the kids" is not coping); a number that is a time, a pain score or an age is no amount of
paracetamol taken; a slip in the first letter of a short word is no vocabulary word ("kumor", a word
for the lower back, is not "tumor")."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_not_ends_where_the_next_not_begins() -> None:
    text = "She hasn't been sleeping well at all lately and hasn't been able to look after the kids."
    assert READ.status(KB, text, "worried_or_not_coping") == "present"
    assert READ.status(KB, "She hasn't been able to look after the kids.", "worried_or_not_coping") == "present"
    assert READ.status(KB, "No numbness and no trouble peeing.", "urinary_retention") == "absent"


def test_a_time_a_score_or_an_age_is_no_amount_taken() -> None:
    from backcare.adapters.learned.telling_words import NEEDS_WORDS

    def told(sentence: str) -> bool:
        return all(words.search(sentence) for words in NEEDS_WORDS["paracetamol_overuse"])

    assert not told("Been like this 5 hours, took some nurofen.")
    assert not told("Pain 10/10 since I took the tablets")
    assert not told("41M, took tablets")
    assert told("Took 8 paracetamol in 6 hours.")
    assert told("taking 2 co-codamol every 3 hours")
    assert told("took 1g four times and then more")


def test_a_first_letter_slip_in_a_short_word_is_no_correction() -> None:
    text = "My kumor (lower back) is sore again, third time this year."
    assert READ.status(KB, text, "history_of_cancer") != "present"
    assert READ.status(KB, "Had breast vancer in 2019, back aches at night now.", "history_of_cancer") == "present"
    assert READ.status(KB, "Had a tumuor removed from my bowel last year.", "history_of_cancer") == "present"
