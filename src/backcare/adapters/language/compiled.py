"""The vocabulary's patterns compiled ahead of time.

Turning some 1,700 written patterns into regular expressions takes about a second, which a one-off
command (``backcare assess --text``) would otherwise pay on every run. ``make install`` writes the
result to ``compiled_patterns.json`` beside the vocabulary (``python -m
backcare.adapters.language.compiled``), and the pipeline uses it only when it was made from the same
vocabulary, ConText rules, reading code and spaCy: a fingerprint of all of them is stored with it.
With no file, another fingerprint or a damaged file, the patterns are compiled in memory as before,
so the file can only save time, never change a reading.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

from backcare.adapters.language.patterns import Tokenise, TokenRegex, compile_regex

HERE = Path(__file__).parent
ARTEFACT = HERE / "compiled_patterns.json"
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Compiled:
    """Patterns compiled ahead of time (by their text) and the vocabulary's keywords."""

    keywords: frozenset[str]
    patterns: Mapping[str, TokenRegex]

    def compile(self, pattern: str, macros: Mapping[str, str], tokenise: Tokenise) -> TokenRegex:
        """The pattern compiled ahead of time, or now if it was not (a phrase of the ConText defaults)."""
        return self.patterns.get(pattern) or compile_regex(pattern, macros, tokenise)


def fingerprint() -> str:
    """What the compiled patterns depend on: the vocabulary and ConText rules, the reading code that
    tokenises and compiles them, and the spaCy and medspaCy releases (their tokenizer and defaults)."""
    digest = hashlib.sha256()
    for path in sorted([*HERE.glob("*.py"), *HERE.glob("*.yaml")]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for package in ("spacy", "medspacy"):
        digest.update(f"{package}=={version(package)}\0".encode())
    return digest.hexdigest()


def load(path: Path = ARTEFACT) -> Compiled | None:
    """The compiled patterns, if the file holds them for this very vocabulary, rules and code."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("fingerprint") != fingerprint():
            _log.info("%s is out of date: the patterns are compiled in memory", path.name)
            return None
        patterns = {source: _token_regex(source, fields) for source, fields in data["patterns"].items()}
        return Compiled(frozenset(data["keywords"]), patterns)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        _log.warning("%s is unreadable (%s): the patterns are compiled in memory", path.name, exc)
        return None


def _token_regex(source: str, fields: list[Any]) -> TokenRegex:
    expression, words, prefixes, anywhere, number, required = fields
    if not isinstance(expression, str):
        raise TypeError(f"pattern {source!r}: no expression")
    return TokenRegex(
        source, expression, frozenset(words), frozenset(prefixes), bool(anywhere), bool(number),
        tuple(frozenset(group) for group in required),
    )  # fmt: skip


def _fields(rule: TokenRegex) -> list[object]:
    return [
        rule.expression, sorted(rule.first_words), sorted(rule.first_prefixes), rule.anywhere, rule.first_number,
        [sorted(group) for group in rule.required],
    ]  # fmt: skip


def write(path: Path = ARTEFACT) -> Compiled:
    """Compile every pattern from scratch and write them with their fingerprint (atomically: a
    reader never sees half a file)."""
    from backcare.adapters.language.build import build_engine

    recorded: dict[str, TokenRegex] = {}

    def recording(pattern: str, macros: Mapping[str, str], tokenise: Tokenise) -> TokenRegex:
        recorded[pattern] = rule = compile_regex(pattern, macros, tokenise)
        return rule

    built = build_engine(None, recording)
    written = Compiled(frozenset(built.vocabulary.keywords()), recorded)
    data = {
        "fingerprint": fingerprint(),
        "keywords": sorted(written.keywords),
        "patterns": {source: _fields(rule) for source, rule in recorded.items()},
    }
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(data, out, separators=(",", ":"))
    os.chmod(temporary, 0o644)  # (made private by mkstemp) read by whoever runs backcare
    os.replace(temporary, path)
    return written


if __name__ == "__main__":
    print(f"{len(write().patterns)} patterns compiled to {ARTEFACT.name}")
