"""A least-recently-used cache of response bodies, bounded by their total size in bytes.

A count bound (256 entries) let one worker hold about 33 MB of assessment documents; a byte bound
keeps memory predictable whatever the documents' size. ``cachetools.LRUCache`` does the eviction,
weighing each entry with ``getsizeof``; this wrapper adds the lock (the text path runs in a worker
thread), the key's own size and the hit counters. Each worker process has its own cache.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Hashable

from cachetools import LRUCache

DEFAULT_BYTES = 8 * 1024 * 1024
ENV = "BACKCARE_RESPONSE_CACHE_BYTES"

Entry = tuple[bytes, int]


def _cost(entry: Entry) -> int:
    return entry[1]


class ByteLRU:
    """Bytes by key; the least recently used go first once ``limit`` bytes are exceeded (0: off)."""

    def __init__(self, limit: int) -> None:
        self.hits = 0
        self.misses = 0
        self._lock = threading.Lock()
        self._items: LRUCache[Hashable, Entry] = LRUCache(maxsize=0, getsizeof=_cost)
        self.limit = limit

    @property
    def limit(self) -> int:
        return int(self._items.maxsize)

    @limit.setter
    def limit(self, value: int) -> None:
        """A new bound starts an empty cache."""
        with self._lock:
            self._items = LRUCache(maxsize=max(0, value), getsizeof=_cost)

    @property
    def size(self) -> int:
        return int(self._items.currsize)

    def get(self, key: Hashable) -> bytes | None:
        with self._lock:
            found = self._items.get(key)
            if found is None:
                self.misses += 1
                return None
            self.hits += 1
            return found[0]

    def put(self, key: Hashable, value: bytes, key_bytes: int = 0) -> None:
        """Keep ``value``; ``key_bytes`` is what the key holds (a long text), counted with it."""
        cost = len(value) + key_bytes
        with self._lock:
            if cost <= self._items.maxsize:  # a larger one would not fit even alone
                self._items[key] = (value, cost)

    def __len__(self) -> int:
        return len(self._items)


def _limit_from_env() -> int:
    raw = os.environ.get(ENV, "").strip()
    return int(raw) if raw.isdigit() else DEFAULT_BYTES


RESPONSES = ByteLRU(_limit_from_env())
"""The ``POST /api/v1/assess`` answers of this process."""
