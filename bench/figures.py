"""Shared by the benchmarks: medians with their spread, and rows for the one table ``make bench`` prints.

Every figure is reported against a reference measured in the same run (a no-op endpoint, the bare
pipeline, plain sqlite3, a bare interpreter), because on a shared machine an absolute number says
more about the neighbours than about backcare. A bench run with ``--rows FILE`` appends its rows
to FILE as JSON lines; ``bench/run_all.py`` prints them as one table.
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True)
class Row:
    """One figure: its median and range over rounds, the reference's median and their ratio."""

    bench: str
    figure: str
    unit: str
    median: float
    low: float
    high: float
    reference: str = ""
    ratio: float | None = None
    target: str = ""
    met: bool | None = None


def compile_package() -> None:
    """Write the package's bytecode before a new process is timed, as an installed copy has it.

    pip compiles a package when it installs it; a checkout installed for development compiles
    each module on first import, except where ``PYTHONDONTWRITEBYTECODE`` is set, and there every
    new process would compile every module again: a start-up figure would measure the compiler."""
    import compileall

    import backcare

    compileall.compile_dir(Path(backcare.__file__).parent, quiet=1)


def spread(values: Sequence[float]) -> tuple[float, float, float]:
    """Median, minimum and maximum of the rounds."""
    return statistics.median(values), min(values), max(values)


def row(bench: str, figure: str, unit: str, values: Sequence[float], **extra: object) -> Row:
    median, low, high = spread(values)
    return Row(bench, figure, unit, median, low, high, **extra)  # type: ignore[arg-type]


def ratios(numerators: Sequence[float], denominators: Sequence[float]) -> list[float]:
    """Ratios round by round (each round's figure against the same round's reference)."""
    return [n / d if d else 0.0 for n, d in zip(numerators, denominators, strict=True)]


def emit(rows: Sequence[Row], path: str | None) -> None:
    """Print the rows; with ``path``, also append them there for ``run_all.py``."""
    print(table(rows))
    if path:
        with Path(path).open("a", encoding="utf-8") as out:
            for r in rows:
                out.write(json.dumps(asdict(r)) + "\n")


def load(path: Path) -> list[Row]:
    return [Row(**json.loads(line)) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _number(value: float) -> str:
    return f"{value:.3g}" if abs(value) < 100 else f"{value:.0f}"


def table(rows: Sequence[Row]) -> str:
    """A plain-text table: figure, median [min-max], reference, ratio, target."""
    head = ("bench", "figure", "median [min-max]", "reference", "ratio", "target")
    body = [
        (
            r.bench,
            r.figure,
            f"{_number(r.median)} [{_number(r.low)}-{_number(r.high)}] {r.unit}",
            r.reference,
            "" if r.ratio is None else f"{r.ratio:.3g}",
            r.target + ("" if r.met is None else (" met" if r.met else " NOT MET")),
        )
        for r in rows
    ]
    widths = [max(len(x[i]) for x in [head, *body]) for i in range(len(head))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() for line in [head, *body]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
