"""The learned reader in the assessment: readings to confirm, the packaged model, and `explain`."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backcare import assess
from backcare.adapters.language import understand
from backcare.adapters.learned.model import MODEL_DIR, ModelError, SentenceModel
from backcare.adapters.learned.reading import Reading, packaged_model
from backcare.core.models import ToConfirm
from backcare.entrypoints.cli import app
from backcare.knowledge import KnowledgeBase, load_knowledge

TODAY = dt.date(2026, 11, 22)
QUOTE = "the wee just won't start"


def unsure_reader(text: str, kb: KnowledgeBase, today: dt.date) -> Reading:
    rules = understand(text, kb, today)
    return Reading(rules, [ToConfirm(id="urinary_retention", evidence=QUOTE, reader_score=0.5)], rules, {}, [])


def test_a_reading_to_confirm_is_asked_first_and_keeps_the_check_open():
    result = assess(text="my back hurts", today=TODAY, reader=unsure_reader)
    assert [c.id for c in result.to_confirm] == ["urinary_retention"]
    assert result.to_confirm[0].evidence == QUOTE
    assert not result.complete
    assert result.next_questions[0] == "urinary_retention"
    assert "urinary_retention" not in {f.id for f in result.findings}
    assert "to_confirm" in json.loads(result.to_json())


def test_answering_the_question_settles_the_reading():
    result = assess(answers={"urinary_retention": True}, text=f"{QUOTE}", today=TODAY, reader=unsure_reader)
    assert result.to_confirm == []
    assert result.disposition.value == "emergency"


def test_the_packaged_model_matches_the_catalogue():
    model = packaged_model()
    kb = load_knowledge()
    assert set(model.findings) <= set(kb.findings)
    assert all(kb.findings[fid].type == "bool" for fid in model.findings)
    probs = model.probabilities([("cant feel the loo roll when I wipe", "my back went yesterday"), ("hello", "")])
    assert probs.shape == (2, len(model.findings), 5)
    assert probs.sum(axis=-1) == pytest.approx(1.0, abs=1e-4)


def test_an_altered_model_file_is_refused(tmp_path: Path):
    folder = tmp_path / "model"
    shutil.copytree(MODEL_DIR, folder)
    with (folder / "reader.onnx").open("ab") as handle:
        handle.write(b"tampered")
    with pytest.raises(ModelError, match="SHA-256"):
        SentenceModel.load(folder)
    (folder / "labels.json").unlink()
    with pytest.raises(ModelError, match="cannot be read"):
        SentenceModel.load(folder)


def test_explain_shows_each_sentence_with_each_readers_findings_and_the_merge():
    text = "My back went lifting a box. I can't feel the toilet paper when I wipe. No fever."
    result = CliRunner().invoke(app, ["explain", "--text", text, "--format", "json", "--today", "2026-11-22"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [s["text"] for s in data["sentences"]] == [
        "My back went lifting a box.",
        "I can't feel the toilet paper when I wipe.",
        "No fever.",
    ]
    second = data["sentences"][1]
    assert any(r["finding"] == "saddle_numbness" for r in second["rules"])
    assert all(r["detail"].startswith("model, ") for r in second["model"])
    assert {"finding": "fever", "status": "absent"}.items() <= next(
        r for r in data["merged"] if r["finding"] == "fever"
    ).items()


def test_explain_refuses_a_bad_date():
    result = CliRunner().invoke(app, ["explain", "--text", "back pain", "--today", "yesterday"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_a_reading_to_confirm_alone_keeps_the_check_unfinished_and_is_quoted():
    from backcare.adapters.report import to_markdown
    from backcare.core.wording import people_headline

    def foot_reader(text: str, kb: KnowledgeBase, today: dt.date) -> Reading:
        rules = understand(text, kb, today)
        return Reading(rules, [ToConfirm(id="foot_drop", evidence=QUOTE, reader_score=0.5)], rules, {}, [])

    answers = {fid: False for fid, f in load_knowledge().findings.items() if f.screening}
    result = assess(answers=answers, text="my back hurts", today=TODAY, reader=foot_reader)
    assert result.unanswered_screening == [] and not result.complete
    title, action = people_headline(result)
    assert title == "CHECK NOT FINISHED" and "1 safety question" in action
    assert f"You wrote “{QUOTE}”." in to_markdown(result, load_knowledge())


def test_the_model_cannot_make_a_man_pregnant():
    """Clinical shorthand such as "3/52" looks like a gestation; a man's text never reads pregnant."""
    import numpy as np

    from backcare.adapters.learned.model import STATUSES
    from backcare.adapters.learned.reading import Observation, decide
    from backcare.adapters.learned.sentences import split

    kb = load_knowledge()
    text = "45M, LBP 3/52 after lifting."
    sentences = split(text)
    probs = np.zeros((len(sentences), 1, len(STATUSES)), dtype=np.float32)
    probs[:, 0, STATUSES.index("present")] = 0.99
    seen = Observation(understand(text, kb, dt.date(2026, 12, 2)), sentences, probs, ["pregnant"])
    merged = {f.id: f for f in decide(seen, kb).understanding.findings}
    assert merged["sex"].value == "male"
    assert "pregnant" not in merged
    for note, counted in (("38F, LBP 3/52.", False), ("38F, 34/40, LBP 3/52.", True)):
        # a woman's note: counted where it says pregnant or gives a gestation, else asked back
        woman = Observation(understand(note, kb, dt.date(2026, 12, 2)), split(note), probs, ["pregnant"])
        reading = decide(woman, kb)
        assert ("pregnant" in {f.id for f in reading.understanding.findings}) is counted
        assert ("pregnant" in {c.id for c in reading.to_confirm}) is not counted


def test_a_sentence_reads_the_same_whatever_else_the_note_says() -> None:
    """The int8 model quantises over a whole batch: a sentence read beside longer ones in one padded
    batch read differently. Each pair is now read on its own."""
    model = packaged_model()
    pair = ("Can't feel the toilet paper when I wipe.", "My back went yesterday.")
    longer = ("I have had a long history of back trouble going back many years, with spasms off and on", "")
    alone = model.probabilities([pair])[0]
    in_a_note = model.probabilities([longer, pair, ("Numb feet.", "")])[1]
    assert abs(alone - in_a_note).max() < 1e-6


def test_a_sentence_is_read_without_padding() -> None:
    """The packaged tokenizer file pads to the model's maximum length; read alone, a pair needs no
    padding (128 tokens each made the reader seven times slower)."""
    model = packaged_model()
    encoding = model.tokenizer.encode("My back went yesterday.", "")
    assert len(encoding.ids) < 20
    assert all(encoding.attention_mask)
