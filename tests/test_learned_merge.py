"""The merge of the two readers is a safety decision: each branch of its policy, with made-up readings."""

from __future__ import annotations

import numpy as np
import pytest

from backcare.adapters.learned.merge import ModelReading, Thresholds, merge, model_readings
from backcare.adapters.learned.sentences import Sentence, split
from backcare.core.models import Finding

LIMITS = Thresholds(fire=0.5, ask=0.25, deny=0.6, deny_safety=0.9, veto=0.95)
SIGNS = frozenset({"urinary_retention", "saddle_numbness"})


def rule(fid: str, status: str) -> Finding:
    return Finding(id=fid, status=status, value=status != "absent", evidence="words", source="text")


def reading(fid: str, kind: str, score: float, status: str | None = None) -> ModelReading:
    return ModelReading(fid, kind, status or kind, score, "the sentence")


@pytest.mark.parametrize(
    ("rules", "model", "kept", "asked"),
    [
        # A warning sign the rules read as the person's own counts...
        ([rule("urinary_retention", "present")], reading("urinary_retention", "own", 0.9, "present"), "present", False),
        # ...even when the model is unsure or mildly disagrees...
        ([rule("urinary_retention", "present")], reading("urinary_retention", "absent", 0.8), "present", False),
        # ...but a confident denial by the model sends it back to the person.
        ([rule("urinary_retention", "present")], reading("urinary_retention", "absent", 0.97), None, True),
        ([rule("urinary_retention", "possible")], reading("urinary_retention", "not_own", 0.99), None, True),
        # Missed by the rules: the model's confident reading counts, with the sentence as evidence...
        ([], reading("urinary_retention", "own", 0.7, "present"), "present", False),
        # ...a hedged one counts too, as "possible" (an uncertain warning sign counts as present)...
        ([], reading("urinary_retention", "own", 0.7, "possible"), "possible", False),
        # Unsure: asked back, not recorded.
        ([], reading("urinary_retention", "unsure", 0.3), None, True),
        # Denied by the rules but read as the person's own (or hedged) by the model: asked back.
        ([rule("saddle_numbness", "absent")], reading("saddle_numbness", "own", 0.6, "possible"), None, True),
        ([rule("saddle_numbness", "absent")], reading("saddle_numbness", "absent", 0.9), "absent", False),
        # A model-only denial of a warning sign needs high confidence to close the question.
        ([], reading("saddle_numbness", "absent", 0.8), None, False),
        ([], reading("saddle_numbness", "absent", 0.95), "absent", False),
        # Not the person's (hypothetical, someone else's) never counts.
        ([], reading("saddle_numbness", "not_own", 0.9), None, False),
    ],
)
def test_warning_sign_policy(rules, model, kept, asked):
    findings, confirm = merge(rules, {model.finding: model}, SIGNS, LIMITS)
    got = {f.id: f.status for f in findings}.get(model.finding)
    assert got == kept
    assert (model.finding in {c.id for c in confirm}) is asked


def test_a_hedged_denial_the_rules_heard_is_asked_back_not_counted():
    """ "I don't think I'm numb down there": the rules leave it unknown, the model reads it hedged."""
    hedged = reading("saddle_numbness", "own", 0.8, "possible")
    findings, confirm = merge([], {"saddle_numbness": hedged}, SIGNS, LIMITS, doubted=frozenset({"saddle_numbness"}))
    assert "saddle_numbness" not in {f.id for f in findings}
    assert [c.id for c in confirm] == ["saddle_numbness"]


def test_a_denial_stated_as_a_measure_stands_against_the_model():
    """ "Well under the daily maximum": the model reads the doses and limits as too much."""
    denied = [rule("paracetamol_overuse", "absent")]
    overuse = {"paracetamol_overuse": reading("paracetamol_overuse", "own", 0.9, "present")}
    signs = SIGNS | {"paracetamol_overuse"}
    findings, confirm = merge(denied, overuse, signs, LIMITS, settled=frozenset({"paracetamol_overuse"}))
    assert {f.id: f.status for f in findings} == {"paracetamol_overuse": "absent"} and confirm == []
    findings, confirm = merge(denied, overuse, signs, LIMITS)  # any other denial: asked back
    assert findings == [] and [c.id for c in confirm] == ["paracetamol_overuse"]


def test_only_a_denial_can_settle_a_finding():
    from pydantic import ValidationError

    from backcare.adapters.language.vocabulary import Target

    with pytest.raises(ValidationError, match="only a denial"):
        Target(id="x.y", finding="fever", settles=True, patterns=["hot"])


def test_other_findings_rules_win_and_the_model_fills_gaps():
    rules = [rule("trigger_lifting", "absent")]
    readings = {
        "trigger_lifting": reading("trigger_lifting", "own", 0.99, "present"),
        "stress": reading("stress", "own", 0.8, "present"),
        "sedentary": reading("sedentary", "unsure", 0.3),
    }
    findings, confirm = merge(rules, readings, SIGNS, LIMITS)
    assert {f.id: f.status for f in findings} == {"trigger_lifting": "absent", "stress": "present"}
    assert confirm == []


def test_model_readings_take_the_most_telling_sentence():
    sentences = [Sentence("no numbness yesterday", 0, 21), Sentence("now numb down there", 22, 41)]
    probs = np.zeros((2, 2, 5), dtype=np.float32)
    probs[:, :, 0] = 1.0  # nothing about the second finding
    probs[0, 0] = [0.05, 0.0, 0.95, 0.0, 0.0]  # denied in the first sentence
    probs[1, 0] = [0.1, 0.7, 0.0, 0.2, 0.0]  # present in the second
    readings = model_readings(sentences, probs, ["saddle_numbness", "fever"], LIMITS)
    assert readings["saddle_numbness"].kind == "own"
    assert readings["saddle_numbness"].sentence == "now numb down there"
    assert "fever" not in readings


def test_a_model_torn_between_sentences_denies_nothing():
    sentences = [Sentence("a cannae get ma breath", 0, 22), Sentence("it's no ma chest", 23, 39)]
    probs = np.zeros((2, 1, 5), dtype=np.float32)
    probs[0, 0] = [0.5, 0.45, 0.05, 0.0, 0.0]  # held as the person's own, though below "ask"
    probs[1, 0] = [0.04, 0.01, 0.95, 0.0, 0.0]  # and denied, surely, in a sentence about the chest
    limits = Thresholds(fire=0.7, ask=0.56, deny=0.6, deny_safety=0.9, veto=0.97, torn=0.4)
    assert model_readings(sentences, probs, ["shortness_of_breath"], limits) == {}
    probs[0, 0] = [0.7, 0.25, 0.05, 0.0, 0.0]  # only faintly held: the denial counts
    assert model_readings(sentences, probs, ["shortness_of_breath"], limits)["shortness_of_breath"].kind == "absent"


def test_hedged_reading_is_possible_and_a_weak_one_is_unsure():
    sentences = [Sentence("maybe numb", 0, 10)]
    probs = np.array([[[0.3, 0.2, 0.0, 0.5, 0.0], [0.7, 0.2, 0.0, 0.1, 0.0]]], dtype=np.float32)
    readings = model_readings(sentences, probs, ["saddle_numbness", "fever"], LIMITS)
    assert (readings["saddle_numbness"].kind, readings["saddle_numbness"].status) == ("own", "possible")
    assert readings["fever"].kind == "unsure"


def test_sentences_split_on_punctuation_lines_and_semicolons_with_their_spans():
    text = "O/E: T 38.4, HR 110. Denies saddle anaesthesia; PVR 650 ml.\nmy back went lifting"
    sentences = split(text)
    assert [s.text for s in sentences] == [
        "O/E: T 38.4, HR 110.",
        "Denies saddle anaesthesia",
        "PVR 650 ml.",
        "my back went lifting",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert split("") == [] and split(" \n ; ") == []


def test_a_line_broken_only_to_fit_a_width_is_one_sentence_but_a_notes_lines_are_not():
    text = (
        "Honestly I've lost track of how many since yesterday morning, probably more than you're\n"
        "meant to. I feel fine.\nLBP 3/52\ndenies saddle anaesthesia"
    )
    assert [s.text for s in split(text)] == [
        "Honestly I've lost track of how many since yesterday morning, probably more than you're meant to.",
        "I feel fine.",
        "LBP 3/52",
        "denies saddle anaesthesia",
    ]
    assert all(text[s.start : s.end].replace("\n", " ") == s.text for s in split(text))


def test_a_sign_the_rules_saw_as_not_the_persons_is_asked_back_when_the_model_reads_it_as_own():
    model = reading("saddle_numbness", "own", 0.95, "present")
    findings, confirm = merge([], {"saddle_numbness": model}, SIGNS, LIMITS, frozenset({"saddle_numbness"}))
    assert findings == [] and [c.id for c in confirm] == ["saddle_numbness"]
    agreed = reading("saddle_numbness", "not_own", 0.9)
    findings, confirm = merge([], {"saddle_numbness": agreed}, SIGNS, LIMITS, frozenset({"saddle_numbness"}))
    assert findings == [] and confirm == []


def test_a_sign_read_by_the_model_in_words_the_rules_set_aside_is_asked_back():
    model = ModelReading("fluid_leak", "own", "present", 0.9, "36 weeks and I leak a bit of wee when I sneeze")
    findings, confirm = merge(
        [], {"fluid_leak": model}, frozenset({"fluid_leak"}), LIMITS, explained=["leak a bit of wee when I sneeze"]
    )
    assert findings == [] and [c.id for c in confirm] == ["fluid_leak"]
    elsewhere = ModelReading("fluid_leak", "own", "present", 0.9, "my waters went this morning")
    findings, _ = merge(
        [], {"fluid_leak": elsewhere}, frozenset({"fluid_leak"}), LIMITS, explained=["leak when I sneeze"]
    )
    assert [f.id for f in findings] == ["fluid_leak"]
