"""Running the packaged sentence model: onnxruntime for the network, ``tokenizers`` for the words.

``SentenceModel.load()`` reads ``model/`` (the int8 ONNX file, the tokenizer and ``labels.json``,
whose SHA-256 of the ONNX file is checked), and ``probabilities`` turns (sentence, previous
sentence) pairs into, for every readable finding, the probability of each status: none,
present, absent, possible (hedged) and not_own (hypothetical, someone else's, long past).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

MODEL_DIR = Path(__file__).parent / "model"
STATUSES = ("none", "present", "absent", "possible", "not_own")


class ModelError(RuntimeError):
    """The packaged model is missing or does not match its record."""


@dataclass(frozen=True)
class SentenceModel:
    findings: tuple[str, ...]
    max_length: int
    session: Any
    tokenizer: Any
    card: dict[str, Any]

    @classmethod
    def load(cls, folder: Path = MODEL_DIR, threads: int = 1) -> SentenceModel:
        """Load the model from ``folder``; raises ``ModelError`` when a file is missing or altered.

        One thread by default: a note's few short sentences gain little from a second one, which
        costs about 60 % more CPU per note (a server runs one process per core instead).
        """
        import onnxruntime
        from tokenizers import Tokenizer

        try:
            card = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
            onnx = (folder / "reader.onnx").read_bytes()
            tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        except Exception as error:  # OSError, JSON errors, and tokenizers raises a plain Exception
            raise ModelError(f"the sentence model in {folder} cannot be read: {error}") from error
        if hashlib.sha256(onnx).hexdigest() != card.get("model_sha256"):
            raise ModelError(f"{folder / 'reader.onnx'} does not match the SHA-256 recorded in labels.json")
        if tuple(card.get("statuses", ())) != STATUSES:
            raise ModelError(f"labels.json in {folder} has statuses {card.get('statuses')}, expected {STATUSES}")
        max_length = int(card["max_length"])
        tokenizer.enable_truncation(max_length=max_length, strategy="longest_first")
        tokenizer.no_padding()  # the file pads to max_length; one pair at a time needs no padding
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        session = onnxruntime.InferenceSession(onnx, options, providers=["CPUExecutionProvider"])
        return cls(tuple(card["findings"]), max_length, session, tokenizer, card)

    def probabilities(self, pairs: Sequence[tuple[str, str]]) -> npt.NDArray[np.float32]:
        """Probabilities of shape (len(pairs), findings, statuses) for (sentence, previous) pairs."""
        if not pairs:
            return np.zeros((0, len(self.findings), len(STATUSES)), dtype=np.float32)
        # One pair per run: the int8 model quantises its activations with a scale taken over the
        # whole batch, so in a padded batch a sentence's reading moved (by up to 0.31) with the other
        # sentences of the note. Alone, a reading depends on the sentence and its neighbour only,
        # and no time goes on padding (a note reads about 10 % faster).
        logits = np.concatenate([self._run(pair) for pair in pairs])
        logits = logits - logits.max(axis=-1, keepdims=True)
        exp = np.exp(logits)
        probs: npt.NDArray[np.float32] = (exp / exp.sum(axis=-1, keepdims=True)).astype(np.float32)
        return probs

    def _run(self, pair: tuple[str, str]) -> npt.NDArray[np.float32]:
        encoding = self.tokenizer.encode(*pair)
        feed = {
            "input_ids": np.array([encoding.ids], dtype=np.int64),
            "attention_mask": np.array([encoding.attention_mask], dtype=np.int64),
            "token_type_ids": np.array([encoding.type_ids], dtype=np.int64),
        }
        result: npt.NDArray[np.float32] = self.session.run(None, feed)[0]
        return result
