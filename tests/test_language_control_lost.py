"""Round 181 of the reading (from R491 to R494, the sets that measured round 180; one of their two
missed emergencies): a loss of control told with its own "can't" after a denial of something else,
"I didn't feel it coming and couldn't hold my bowels"; and a guard that a plain denial still reaches
what "can't" be felt after it."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 7)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_loss_of_control_after_a_denial_of_something_else() -> None:
    text = "Back bad since Friday. On the bus I didn't have any warning and couldn't hold my bowels."
    assert READ.status(KB, text, "bowel_incontinence") == "present"
    assert "cauda_equina" in READ.flags(text)


def test_a_denial_still_reaches_what_cannot_be_felt() -> None:
    assert READ.status(KB, "No numbness and can't feel any weakness in my legs.", "leg_weakness") == "absent"
