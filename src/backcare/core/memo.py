"""A bounded memo for the core's pure lookups: a dict that starts again when it is full.

The lookups it serves (a typed medicine name, a list of medicines, a misspelt word) repeat a few
hundred ways in real use, so emptying a full memo keeps it bounded without any bookkeeping.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def kept(memo: dict[K, V], key: K, limit: int, make: Callable[[], V]) -> V:
    """``memo[key]``, made by ``make`` the first time it is asked for (``None`` is kept too); the
    memo is emptied first when it already holds ``limit`` entries."""
    if key in memo:
        return memo[key]
    if len(memo) >= limit:
        memo.clear()
    value = memo[key] = make()
    return value
