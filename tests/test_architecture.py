"""The layers of ``docs/architecture.md``, checked: which package may import which.

The core is pure (it imports only itself and the knowledge base's schema), adapters never reach
up into services or entry points, services never into entry points, and only the knowledge
package and the composition root load the knowledge base.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "backcare"

#: For each layer, the backcare packages its modules may import (at any place in the module).
ALLOWED = {
    "core": {"core", "knowledge"},
    "knowledge": {"core", "knowledge"},
    "adapters": {"core", "knowledge", "adapters", "bootstrap"},
    "services": {"core", "knowledge", "adapters", "services", "bootstrap"},
    "entrypoints": {"core", "knowledge", "adapters", "services", "entrypoints", "bootstrap"},
}


def _imports(path: Path) -> set[str]:
    """The second part of every ``backcare.X`` module a file imports ("core", "adapters"...)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] if node.module != "backcare" else [f"backcare.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        found |= {n.split(".")[1] for n in names if n.startswith("backcare.") and not n.startswith("backcare.__")}
    return found


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_each_layer_imports_only_the_layers_below_it(layer: str) -> None:
    wrong = {
        f"{path.relative_to(SRC)} imports backcare.{name}"
        for path in sorted((SRC / layer).rglob("*.py"))
        for name in _imports(path) - ALLOWED[layer]
    }
    assert not wrong, sorted(wrong)


def _impure_calls(path: Path) -> list[str]:
    """Calls that read a file, the clock or the environment, or load the knowledge base."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in IMPURE_METHODS:
            found.append(f"{path.name}:{node.lineno} .{node.func.attr}()")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in IMPURE_FUNCTIONS:
            found.append(f"{path.name}:{node.lineno} {node.func.id}()")
        elif isinstance(node, ast.Attribute) and node.attr == "environ":
            found.append(f"{path.name}:{node.lineno} environ")
    return found


IMPURE_METHODS = {"now", "today", "utcnow", "read_text", "read_bytes", "open"}
IMPURE_FUNCTIONS = {"open", "load_knowledge", "input", "print"}


def test_the_core_does_no_io_and_reads_no_clock() -> None:
    offenders = [call for path in sorted((SRC / "core").rglob("*.py")) for call in _impure_calls(path)]
    assert not offenders, offenders


def test_only_the_composition_root_and_the_knowledge_package_load_the_knowledge_base() -> None:
    callers = sorted(
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if "load_knowledge" in path.read_text(encoding="utf-8")
    )
    assert callers == ["bootstrap.py", "knowledge/__init__.py"]


def test_the_checks_themselves_see_a_forbidden_import_and_a_clock(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        "import datetime as dt\nfrom backcare.entrypoints.web import app\nimport backcare.adapters.chart\n"
        "from backcare import __version__\nx = dt.date.today()\n"
    )
    assert _imports(module) == {"entrypoints", "adapters"}
    assert _impure_calls(module) == ["m.py:5 .today()"]
