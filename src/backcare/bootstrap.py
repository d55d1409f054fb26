"""The composition root: the one place that loads the knowledge base and wires the readers to the core.

The core (``backcare.core``) takes everything it needs as arguments: the knowledge base, the date
and the text reader. Entry points and services get them here, so the knowledge base is read once
per process and a test or a ``kb check`` can hand the core another one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from backcare.knowledge import KnowledgeBase, load_knowledge

if TYPE_CHECKING:
    from backcare.adapters.learned.reading import Reading
    from backcare.core.assessment import TextReader
    from backcare.core.models import Assessment


@lru_cache(maxsize=1)
def knowledge() -> KnowledgeBase:
    """The packaged knowledge base, loaded and validated once per process."""
    return load_knowledge()


def knowledge_from(folder: Path) -> KnowledgeBase:
    """Another data folder's knowledge base (``backcare kb check --data``: to try an edit on a copy)."""
    return load_knowledge(folder)


def read_text(text: str, kb: KnowledgeBase, today: dt.date) -> Reading:
    """The free-text reader: the rules and the learned sentence reader, merged."""
    from backcare.adapters.learned.reading import read_text as both_readers

    return both_readers(text, kb, today)


def assess(
    answers: Mapping[str, Any] | None = None,
    text: str | None = None,
    today: dt.date | None = None,
    kb: KnowledgeBase | None = None,
    with_plan: bool = True,
    reader: TextReader | None = None,
) -> Assessment:
    """The core's ``assess`` wired to the packaged knowledge base, both text readers and today's date.

    Each default can be replaced (another knowledge base, a stub reader in a test). Raises
    ``backcare.core.answers.AnswerError`` for an unusable answer.
    """
    from backcare.core.assessment import assess as assess_findings

    return assess_findings(
        answers,
        text=text,
        today=today or dt.date.today(),
        kb=kb or knowledge(),
        reader=reader or read_text,
        with_plan=with_plan,
    )
