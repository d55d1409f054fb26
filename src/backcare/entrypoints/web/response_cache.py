"""A least-recently-used cache of response bodies, bounded by their total size in bytes.

A count bound (256 entries) let one worker hold about 33 MB of assessment documents; a byte bound
keeps memory predictable whatever the documents' size. Each worker process has its own cache.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Hashable

DEFAULT_BYTES = 8 * 1024 * 1024
ENV = "BACKCARE_RESPONSE_CACHE_BYTES"


class ByteLRU:
    """Bytes by key; the least recently used go first once ``limit`` bytes are exceeded (0: off)."""

    def __init__(self, limit: int) -> None:
        self.limit = max(0, limit)
        self.size = 0
        self.hits = 0
        self.misses = 0
        self._items: OrderedDict[Hashable, tuple[bytes, int]] = OrderedDict()
        self._lock = threading.Lock()  # the text path runs in a worker thread

    def get(self, key: Hashable) -> bytes | None:
        with self._lock:
            found = self._items.get(key)
            if found is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return found[0]

    def put(self, key: Hashable, value: bytes, key_bytes: int = 0) -> None:
        """Keep ``value``; ``key_bytes`` is what the key holds (a long text), counted with it."""
        cost = len(value) + key_bytes
        if cost > self.limit:
            return
        with self._lock:
            old = self._items.pop(key, None)
            self.size += cost - (old[1] if old is not None else 0)
            self._items[key] = (value, cost)
            while self.size > self.limit:
                _, (_, dropped) = self._items.popitem(last=False)
                self.size -= dropped

    def __len__(self) -> int:
        return len(self._items)


def _limit_from_env() -> int:
    raw = os.environ.get(ENV, "").strip()
    return int(raw) if raw.isdigit() else DEFAULT_BYTES


RESPONSES = ByteLRU(_limit_from_env())
"""The ``POST /api/v1/assess`` answers of this process."""
