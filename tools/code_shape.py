"""Size limits for the package: modules up to 400 lines, functions up to 60 lines.

Small modules and functions are easier to read, review and test. A module or function may stay
larger only when ``docs/architecture.md`` says why, in the table under "## Exceptions to the size
limits" (columns ``path``, ``name``, ``reason``; ``name`` is a function, ``Class.method``, or ``-``
for the whole module). Exit status 1 lists every other oversize module or function as file:line.

Usage: ``python tools/code_shape.py [ROOT]`` (ROOT: the repository, default the current folder).
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

MODULE_LIMIT = 400
FUNCTION_LIMIT = 60
PACKAGE = Path("src/backcare")
ARCHITECTURE = Path("docs/architecture.md")
HEADING = "## Exceptions to the size limits"
WHOLE_MODULE = "-"


class Oversize(NamedTuple):
    """A module (``name`` is ``-``) or function over its limit."""

    path: str
    line: int
    name: str
    size: int
    limit: int

    def __str__(self) -> str:
        what = "module" if self.name == WHOLE_MODULE else f"function {self.name}"
        return f"{self.path}:{self.line}: {what} has {self.size} lines (limit {self.limit})"


def exceptions(markdown: str) -> set[tuple[str, str]]:
    """The (path, name) pairs of the exceptions table; empty when the heading is absent."""
    lines = markdown.splitlines()
    try:
        start = next(i for i, line in enumerate(lines) if line.strip() == HEADING) + 1
    except StopIteration:
        return set()
    rows: list[list[str]] = []
    for line in lines[start:]:
        if line.startswith("#"):
            break
        if line.strip().startswith("|"):
            rows.append([cell.strip().strip("`").strip() for cell in line.strip().strip("|").split("|")])
    if not rows:
        return set()
    header = [cell.lower() for cell in rows[0]]
    path_at, name_at = header.index("path"), header.index("name")
    body = [row for row in rows[1:] if not all(set(cell) <= set("-: ") for cell in row)]
    return {(row[path_at], row[name_at] or WHOLE_MODULE) for row in body if len(row) > max(path_at, name_at)}


def _functions(tree: ast.AST, prefix: str = "") -> Iterator[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
    """Every function with its qualified name (``Class.method``, ``outer.inner``)."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            name = prefix + node.name
            if not isinstance(node, ast.ClassDef):
                yield name, node
            yield from _functions(node, name + ".")
        else:
            yield from _functions(node, prefix)


def oversize(path: Path, shown: str) -> Iterator[Oversize]:
    """The module itself and each of its functions, where over the limit."""
    text = path.read_text(encoding="utf-8")
    length = len(text.splitlines())
    if length > MODULE_LIMIT:
        yield Oversize(shown, 1, WHOLE_MODULE, length, MODULE_LIMIT)
    for name, node in _functions(ast.parse(text, filename=shown)):
        size = (node.end_lineno or node.lineno) - node.lineno + 1
        if size > FUNCTION_LIMIT:
            yield Oversize(shown, node.lineno, name, size, FUNCTION_LIMIT)


def _excused(found: Oversize, allowed: set[tuple[str, str]]) -> bool:
    bare = found.name.rsplit(".", 1)[-1]
    return (found.path, found.name) in allowed or (found.path, bare) in allowed


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else Path()
    doc = root / ARCHITECTURE
    allowed = exceptions(doc.read_text(encoding="utf-8")) if doc.is_file() else set()
    found = [
        item
        for path in sorted((root / PACKAGE).rglob("*.py"))
        for item in oversize(path, path.relative_to(root).as_posix())
    ]
    failures = [item for item in found if not _excused(item, allowed)]
    used = {(item.path, name) for item in found for name in (item.name, item.name.rsplit(".", 1)[-1])}
    for path, name in sorted(allowed - used):
        print(f"note: {ARCHITECTURE} lists {path} {name}, which is within the limits now", file=sys.stderr)
    for item in failures:
        print(item)
    if failures:
        print(f"{len(failures)} over the size limits (exceptions: {ARCHITECTURE})", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
