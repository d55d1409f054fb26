"""Free text to findings: what a person wrote about their back, as catalogue findings.

``understand(text, kb, today)`` cleans the text, runs the pipeline (spaCy's tokenizer, the
vocabulary's patterns as regular expressions, medspaCy's ConText; built once per process) and
reads the findings with their status: present, absent (negated) or possible
(hedged). Mentions that are hypothetical ("in case I get a fever") or about someone else ("my
dad had cancer") are not the person's findings and are left out. It never raises on odd input:
empty, huge, binary or foreign text gives an empty, out-of-scope reading with a message.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from backcare.core.models import Finding

if TYPE_CHECKING:
    from backcare.knowledge import KnowledgeBase

__all__ = ["Understanding", "understand"]


class Understanding(BaseModel):
    """What was read from one text."""

    model_config = ConfigDict(frozen=True)

    findings: list[Finding] = Field(default_factory=list)
    in_scope: bool = Field(description="False when nothing concerns the back, spine, flank or a spasm")
    messages: list[str] = Field(default_factory=list)
    explained: list[str] = Field(
        default_factory=list,
        description="words read as a look-alike of a warning sign and set aside (a leak on sneezing in pregnancy)",
    )
    not_own: dict[str, str] = Field(
        default_factory=dict,
        description="findings named but not as the person's own (hypothetical, someone else's), with the words",
    )
    idioms: list[str] = Field(
        default_factory=list,
        description='the findings in `not_own` only because an idiom names them ("collapsed on the sofa")',
    )
    for_someone_else: bool = Field(
        False, description='a carer\'s report ("asking for my dad"): the person described is the patient'
    )
    doubted: list[str] = Field(
        default_factory=list,
        description="findings denied with a hedge (\"I don't think I'm numb\"): left unknown, to be asked",
    )
    rules: dict[str, str] = Field(
        default_factory=dict,
        description="the id of the vocabulary rule that read each finding (`backcare explain` shows it)",
    )


def understand(text: str, kb: KnowledgeBase, today: dt.date) -> Understanding:
    """Read ``text`` into findings (source "text"), using ``today`` for "since Tuesday"."""
    from backcare.adapters.language.reader import read

    return read(text, kb, today)
