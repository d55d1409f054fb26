"""Repeated code in the package: pylint's duplicate-code check, allowed in at most a few places.

Copied blocks drift apart when one copy is fixed and the other is not. The check's settings
(at least 6 similar lines, imports, docstrings and comments ignored) are in ``pyproject.toml``
under ``[tool.pylint]``; this wrapper counts the places pylint reports and fails over the budget.

Usage: ``python tools/duplicates.py [PATH ...]`` (default ``src/backcare``).
"""

from __future__ import annotations

import sys

from pylint.lint import Run
from pylint.reporters import CollectingReporter

#: The most places of repeated code tolerated; lower it as duplicates are removed.
BUDGET = 5


def duplicate_places(paths: list[str]) -> list[str]:
    """pylint's report of each place (a block found in two or more modules), as text."""
    reporter = CollectingReporter()
    Run([*paths], reporter=reporter, exit=False)
    return [message.msg for message in reporter.messages if message.symbol == "duplicate-code"]


def main(argv: list[str]) -> int:
    places = duplicate_places(argv or ["src/backcare"])
    for number, place in enumerate(places, start=1):
        print(f"{number}. {place}\n")
    verdict = "over" if len(places) > BUDGET else "within"
    print(f"{len(places)} place(s) of repeated code, {verdict} the budget of {BUDGET}")
    return 1 if len(places) > BUDGET else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
