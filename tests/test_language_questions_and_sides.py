"""Round 107 of the reading (from R131 and R132): a question about what the writer has is still a
report ("Is it normal with a bad back that I can't feel the toilet paper?"), while a question about
anyone ("is it bad if you ...") stays a question; and the side one lies on is no second leg ("left
leg pain ... eases lying on my right side")."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 4)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_question_about_what_the_writer_has_is_a_report() -> None:
    text = "Is it normal with a bad back that I can't really feel the toilet paper when I wipe? Sore 2 weeks, 35F."
    assert "cauda_equina" in READ.flags(text)
    assert "cauda_equina" in READ.flags("Is it bad that my legs are both numb since this morning?")
    asked = "Is it bad if you can't feel the toilet paper when you wipe? Just wondering. Pulled my back, 35."
    assert "cauda_equina" not in READ.flags(asked)


def test_the_side_one_lies_on_is_no_second_leg() -> None:
    text = "Left leg pain below the knee started 4 days ago, about 8/10, eases a bit lying on my right side. 30M"
    assert "cauda_equina" not in READ.flags(text)
    both = "Pain down my left leg since Monday and now down my right leg too, 30M."
    assert "cauda_equina" in READ.flags(both)
