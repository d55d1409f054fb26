"""One finding's reading and how readings of the same finding combine: present beats possible
beats absent, so a red flag stated once is never cancelled by a reassurance elsewhere."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Status = Literal["present", "absent", "possible"]


_RANK: dict[str, int] = {"absent": 0, "possible": 1, "present": 2}


@dataclass
class Read:
    """The best reading of one finding so far."""

    status: Status
    evidence: str
    value: bool | int | str | list[str] | None = None
    start: int = 0
    hedged: bool = False  # a hedged denial ("I don't think I have ..."): unknown rather than absent
    rule: str = ""  # the id of the vocabulary rule that read it, for explanations ("" for values)


def record(
    out: dict[str, Read],
    fid: str,
    status: Status,
    evidence: str,
    start: int,
    value: bool | int | str | list[str] | None = None,
    hedged: bool = False,
    rule: str = "",
) -> None:
    """Keep the strongest reading: present > possible > absent, a plain denial over a hedged one;
    the earliest among equals. ``rule`` is the vocabulary rule's id, kept to explain the reading."""
    current = out.get(fid)
    if (
        current is None
        or _RANK[status] > _RANK[current.status]
        or (status == current.status and current.hedged and not hedged)
    ):
        out[fid] = Read(status, evidence, value, start, hedged, rule)


def record_read(out: dict[str, Read], fid: str, reading: Read) -> None:
    """``record`` for a reading already made."""
    record(out, fid, reading.status, reading.evidence, reading.start, reading.value, reading.hedged, reading.rule)
