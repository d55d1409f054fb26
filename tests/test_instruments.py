"""Questionnaire scoring against the published rules and worked examples."""

import pytest

from backcare.core.instruments import InstrumentError, score_peg, score_rmdq, score_startback, startback_high_risk


def startback(agree, bother):
    answers = {f"startback_{n}": n in agree for n in range(1, 9)}
    answers["startback_9"] = bother
    return score_startback(answers)


@pytest.mark.parametrize(
    ("agree", "bother", "total", "psychosocial", "risk"),
    [
        ((), "not_at_all", 0, 0, "low"),
        ((1, 2, 3), "slightly", 3, 0, "low"),  # total 3 -> low
        ((1, 2, 3, 4), "moderately", 4, 0, "medium"),  # total 4, subscale 0 -> medium
        ((5, 6, 7), "extremely", 4, 4, "high"),  # subscale 4 -> high even with total 4
        ((1, 5, 6), "very_much", 4, 3, "medium"),  # subscale 3 -> not high
        ((1, 2, 3, 4, 5, 6, 7, 8), "extremely", 9, 5, "high"),
    ],
)
def test_startback_scoring(agree, bother, total, psychosocial, risk):
    result = startback(agree, bother)
    assert (result.total, result.psychosocial, result.risk) == (total, psychosocial, risk)


def test_startback_rejects_missing_and_invalid_items():
    with pytest.raises(InstrumentError, match="startback_3"):
        score_startback({"startback_1": True, "startback_2": False, "startback_9": "slightly"})
    answers = {f"startback_{n}": False for n in range(1, 9)}
    with pytest.raises(InstrumentError, match="startback_9"):
        score_startback({**answers, "startback_9": "a lot"})


def test_peg_is_the_mean_of_three_items():
    # Krebs 2009: the score is the mean of pain, enjoyment and general activity.
    assert score_peg([7, 5, 6]).score == 6.0
    assert score_peg([10, 0, 1]).score == pytest.approx(3.67, abs=0.01)


@pytest.mark.parametrize("items", [[1, 2], [1, 2, 11], [1, -1, 2], [1, 2, True], [1, 2, 3.5]])
def test_peg_rejects_bad_answers(items):
    with pytest.raises(InstrumentError):
        score_peg(items)


def test_rmdq_counts_ticked_items_once():
    assert score_rmdq([1, 5, 9, 9, 24]).score == 4
    assert score_rmdq([]).score == 0
    assert score_rmdq(range(1, 25)).score == 24


@pytest.mark.parametrize("item", [0, 25, "3", True])
def test_rmdq_rejects_items_outside_1_to_24(item):
    with pytest.raises(InstrumentError):
        score_rmdq([item])


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({"startback_5": True, "startback_6": True, "startback_7": True, "startback_9": "extremely"}, True),
        ({"startback_5": True, "startback_6": True, "startback_7": True}, None),  # item 8 or 9 could decide
        ({"startback_5": False, "startback_6": False}, False),  # at most 3 of 5 can now be positive
        ({f"startback_{n}": True for n in range(5, 9)} | {"startback_9": "slightly"}, True),
        ({f"startback_{n}": n != 8 for n in range(5, 9)} | {"startback_9": "moderately"}, False),
    ],
)
def test_startback_high_risk_is_settled_by_items_5_to_9(answers, expected):
    assert startback_high_risk(answers) is expected
