"""Reading the command line's input files with errors that say exactly what is wrong.

Every failure raises ``InputError``; the commands turn it into a message on standard error and
exit code 2 (bad input), without writing any output or touching stored data.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

MAX_INPUT_BYTES = 1_000_000


class InputError(ValueError):
    """Unusable input: the message names the file and the problem."""


def read_bytes(path: Path, what: str) -> bytes:
    """Read a file (or standard input for '-') up to the size limit."""
    try:
        if str(path) == "-":
            data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        else:
            with path.open("rb") as handle:
                data = handle.read(MAX_INPUT_BYTES + 1)
    except FileNotFoundError:
        raise InputError(f"{what} {path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{what} {path}: is a directory, not a file") from None
    except PermissionError:
        raise InputError(f"{what} {path}: permission denied") from None
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{what} {path}: larger than {MAX_INPUT_BYTES // 1000} kB")
    return data


def decode(data: bytes, where: str) -> str:
    if b"\x00" in data:
        raise InputError(f"{where}: binary data, expected UTF-8 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: not UTF-8 text (byte {exc.start})") from None


def parse_json(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None


def read_answers(path: Path) -> dict[str, Any]:
    """An answers file: one JSON object mapping finding ids to values."""
    where = f"answers file {path}"
    value = parse_json(decode(read_bytes(path, "answers file"), where), where)
    if not isinstance(value, dict):
        raise InputError(f"{where}: expected a JSON object mapping finding ids to values")
    return value


def read_text(path: Path) -> str:
    """Free text from a file or standard input ('-')."""
    return decode(read_bytes(path, "text file"), f"text file {path}")
