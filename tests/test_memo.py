"""``backcare.core.memo.kept``: made once per key, ``None`` kept too, emptied when full."""

from __future__ import annotations

from backcare.core.memo import kept


def test_a_value_is_made_once_and_none_is_kept_too() -> None:
    made: list[str] = []
    memo: dict[str, str | None] = {}

    def make(key: str) -> str | None:
        made.append(key)
        return None if key == "none" else key.upper()

    for key in ("a", "none", "a", "none"):
        kept(memo, key, 10, lambda key=key: make(key))
    assert made == ["a", "none"] and memo == {"a": "A", "none": None}


def test_a_full_memo_starts_again() -> None:
    memo: dict[int, int] = {}
    for n in range(7):
        assert kept(memo, n, 3, lambda n=n: n * n) == n * n
        assert len(memo) <= 3
    assert memo == {6: 36}
