"""The terminal conversation (``backcare assess`` without input) through the shared policy."""

from __future__ import annotations

from typing import Any

from typer.testing import CliRunner

from backcare.cli import app
from backcare.knowledge import load_knowledge

SCREENING = [fid for fid, f in load_knowledge().findings.items() if f.screening]


def run(stdin: str) -> Any:
    return CliRunner().invoke(app, ["assess", "--today", "2026-11-22", "--no-save"], input=stdin)


def test_it_asks_only_what_can_change_the_result_and_lists_the_plan_cautions_together():
    # "no" to every safety question, then Enter (skip) to anything else: the conversation ends by itself.
    result = run("\n" + "n\n" * len(SCREENING) + "\n" * 30)
    assert result.exit_code == 0, result.output
    asked = result.stdout.split("go straight to questions)")[1].split("SELF-CARE")[0]
    assert "Do any of these apply to you?" in asked  # the medicine cautions as one checklist
    assert "Type the numbers that apply" in asked
    assert asked.count("?") < 40  # not the engine's whole list
    assert "SELF-CARE" in result.stdout

