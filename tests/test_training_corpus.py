"""The reader's training corpus is reviewed data: checked like the knowledge base, in every test run."""

import importlib
import sys
from pathlib import Path

TRAINING = Path(__file__).resolve().parents[1] / "training"


def _load(name: str):
    sys.path.insert(0, str(TRAINING))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(TRAINING))


def test_the_corpus_passes_its_check(capsys):
    assert _load("check_corpus").main([]) == 0, capsys.readouterr().out


def test_the_packaged_model_was_trained_on_the_readable_findings():
    import json

    from backcare.adapters.learned.model import MODEL_DIR

    labels = json.loads((MODEL_DIR / "labels.json").read_text())
    assert labels["findings"] == _load("corpus_data").readable_ids()
