"""Patterns compiled ahead of time: the file reads exactly as compiling in memory does, and a file
made from another vocabulary or code, or a damaged one, is never used."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from backcare.adapters.language import compiled
from backcare.adapters.language.build import build_engine
from backcare.adapters.language.patterns import compile_regex


def test_patterns_compiled_ahead_read_as_patterns_compiled_now(tmp_path: Path) -> None:
    path = tmp_path / "compiled_patterns.json"
    written = compiled.write(path)
    loaded = compiled.load(path)
    assert loaded == written
    assert len(loaded.patterns) > 1000 and "numb" in loaded.keywords
    ahead, now = build_engine(loaded, loaded.compile), build_engine(None, compile_regex)
    for matcher in ("findings", "scope", "context"):
        assert getattr(ahead, matcher).rules() == getattr(now, matcher).rules()
    assert ahead.normaliser == now.normaliser


def test_a_file_from_another_vocabulary_or_a_damaged_one_is_not_used(tmp_path: Path) -> None:
    path = tmp_path / "compiled_patterns.json"
    assert compiled.load(path) is None  # none written
    rule = ["x\x1f", ["x"], [], False, False, []]
    path.write_text(json.dumps({"fingerprint": "another", "keywords": ["x"], "patterns": {"x": rule}}))
    assert compiled.load(path) is None
    path.write_text(json.dumps({"fingerprint": compiled.fingerprint(), "keywords": ["x"], "patterns": {"x": rule}}))
    assert compiled.load(path) == compiled.Compiled(frozenset({"x"}), {"x": compiled._token_regex("x", rule)})
    path.write_text(json.dumps({"fingerprint": compiled.fingerprint(), "keywords": ["x"], "patterns": {"x": [1]}}))
    assert compiled.load(path) is None
    path.write_text('{"fingerprint": "')
    assert compiled.load(path) is None


def test_the_fingerprint_changes_with_the_vocabulary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "language"
    copy.mkdir()
    for path in [*compiled.HERE.glob("*.py"), *compiled.HERE.glob("*.yaml")]:
        (copy / path.name).write_bytes(path.read_bytes())
    monkeypatch.setattr(compiled, "HERE", copy)
    before = compiled.fingerprint()
    assert before == compiled.fingerprint()
    vocabulary = copy / "vocabulary.yaml"
    vocabulary.write_text(vocabulary.read_text() + "\n# a comment\n")
    assert compiled.fingerprint() != before
