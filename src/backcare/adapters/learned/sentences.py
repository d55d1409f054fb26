"""Splitting a text into sentences with their positions (pySBD, plus line breaks and semicolons).

Clinicians' notes put one finding per line or per semicolon ("Denies saddle anaesthesia; PVR 650
ml"), so those split too; pySBD handles abbreviations and numbers ("O/E", "T 38.4"). A line broken
only to fit a width (a long line that stops mid-sentence or at a comma, the next going on in lower case) is one
sentence: "probably more than you're / meant to." is read whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from backcare.adapters.language.normalise import DICTATED_MARKS

#: Also a sentence end dictated by voice ("the air bags went off full stop today my back"), not "came
#: to a full stop".
_DICTATED_ENDS = "|".join(mark for mark, typed in DICTATED_MARKS.items() if typed != ",")
_EXTRA_BREAKS = re.compile(rf"[;\n]+|(?<!\ba)[ \t]+(?:{_DICTATED_ENDS})\b[ \t]*", re.I)
_WRAPPED = re.compile(r"(?m)^(?P<line>[^\n]{40,}[^\s.!?:;\n])\n(?=[ \t]*[a-z])")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


@cache
def _segmenter() -> Any:
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def split(text: str) -> list[Sentence]:
    """The non-empty sentences of ``text`` in order, each with its character span."""
    text = _WRAPPED.sub(lambda m: m.group("line") + " ", text)  # the same length: spans still fit
    out: list[Sentence] = []
    for span in _segmenter().segment(text):
        offset = span.start
        for piece in _EXTRA_BREAKS.split(span.sent):
            begin = text.find(piece, offset) if piece else -1
            stripped = piece.strip()
            if stripped and begin >= 0:
                lead = len(piece) - len(piece.lstrip())
                out.append(Sentence(stripped, begin + lead, begin + lead + len(stripped)))
                offset = begin + len(piece)
    return out
