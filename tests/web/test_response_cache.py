"""The response cache: bounded by bytes, least recently used out first, off at 0."""

from __future__ import annotations

from backcare.entrypoints.web.response_cache import ByteLRU


def test_cache_stays_within_its_byte_bound_dropping_the_least_recently_used():
    cache = ByteLRU(limit=10)
    cache.put("a", b"1234")
    cache.put("b", b"1234")
    assert cache.get("a") == b"1234"  # a is now the most recently used
    cache.put("c", b"1234")
    assert cache.size <= 10 and len(cache) == 2
    assert cache.get("b") is None and cache.get("a") == b"1234" and cache.get("c") == b"1234"
    assert (cache.hits, cache.misses) == (3, 1)


def test_replacing_a_key_counts_its_new_size_and_oversized_values_are_not_kept():
    cache = ByteLRU(limit=10)
    cache.put("a", b"12345678")
    cache.put("a", b"12")
    assert cache.size == 2
    cache.put("big", b"x" * 11)
    assert cache.get("big") is None and cache.size == 2


def test_a_zero_limit_turns_the_cache_off():
    cache = ByteLRU(limit=0)
    cache.put("a", b"x")
    assert cache.get("a") is None and len(cache) == 0


def test_the_key_counts_towards_the_bound():
    cache = ByteLRU(limit=10)
    cache.put("a", b"1234", key_bytes=4)
    cache.put("b", b"1234", key_bytes=4)
    assert cache.size == 8 and len(cache) == 1 and cache.get("a") is None
