"""Round 168 of the reading (from R431 to R434, the sets that measured round 167): a start told
roughly ("started around the 1st of November"), a pharmacist's "Totalled last 24h: approx 3.5 g",
and "feels rough but ok", played down in the same breath."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 6)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_start_told_roughly() -> None:
    text = "Pain down the back of my left leg to the heel, started around the 3rd of November, no better since."
    assert READ.value(KB, text, "days_since_onset") == 33


def test_a_total_told_as_totalled() -> None:
    text = (
        "Pharmacy: 52F, back pain, co-codamol 30/500 2 tabs QDS and Lemsip at night. Totalled last 24h: approx 3 g "
        "paracetamol, below the label max."
    )
    assert READ.status(KB, text, "paracetamol_overuse") == "absent"


def test_rough_but_ok_is_not_very_unwell() -> None:
    text = "Urgent care: 31F, L loin pain 1/7, dysuria, T 38.2. Alert, drinking, 'feels rough but ok'."
    assert not READ.counted(KB, text, "feeling_very_unwell")
