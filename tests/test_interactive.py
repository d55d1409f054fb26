"""The terminal conversation (``backcare assess`` without input) through the shared policy."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from rich.console import Console
from typer.testing import CliRunner

from backcare.entrypoints.cli import app
from backcare.entrypoints.cli.interactive import run_interactive
from backcare.knowledge import load_knowledge

KB = load_knowledge()
SCREENING = [fid for fid, f in KB.findings.items() if f.screening]
CHECKLISTS: dict[str, list[str]] = {}
for _fid in SCREENING:
    CHECKLISTS.setdefault(KB.findings[_fid].checklist or _fid, []).append(_fid)
BLADDER = CHECKLISTS[KB.findings["urinary_retention"].checklist or ""]


def run(stdin: str) -> Any:
    return CliRunner().invoke(app, ["assess", "--today", "2026-11-22", "--no-save"], input=stdin)


def converse(stdin: str, monkeypatch: pytest.MonkeyPatch) -> tuple[str, dict[str, Any]]:
    """The conversation in-process: what it printed and the answers it would save."""
    saved: dict[str, Any] = {}
    out = io.StringIO()
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = run_interactive(
        dt.date(2026, 11, 22),
        Console(file=out, width=200, force_terminal=False),
        save=lambda result, given, today: saved.update(given["answers"]),
    )
    assert code == 0, out.getvalue()
    return out.getvalue(), saved


def test_it_asks_only_what_can_change_the_result_and_lists_the_plan_cautions_together():
    # "none" to every safety checklist, then Enter (skip) to anything else: it ends by itself.
    result = run("\n" + "none\n" * len(CHECKLISTS) + "\n" * 30)
    assert result.exit_code == 0, result.output
    asked = result.stdout.split("go straight to questions)")[1].split("SELF-CARE")[0]
    assert asked.count("do you have any of these?") == len(CHECKLISTS)  # the safety screen, grouped
    assert "Do any of these apply to you?" in asked  # the medicine cautions as one checklist
    assert '"none" (or 0), or "not sure"' in asked
    assert asked.count("?") < 60  # not the engine's whole list
    assert "SELF-CARE" in result.stdout


def test_none_of_these_records_each_item_as_its_own_answer(monkeypatch):
    out, answers = converse("\n" + "none\n" * len(CHECKLISTS) + "\n" * 30, monkeypatch)
    assert all(answers[fid] is False for fid in SCREENING)
    for title in CHECKLISTS:
        assert f"{title}: do you have any of these?" in out


def test_ticked_numbers_are_present_and_the_rest_absent_and_an_emergency_ends_at_once(monkeypatch):
    number = BLADDER.index("saddle_numbness") + 1
    out, answers = converse(f"\nnone\n{number}\n" + "n\n" * 20, monkeypatch)
    assert answers["saddle_numbness"] is True
    assert all(answers[fid] is False for fid in BLADDER if fid != "saddle_numbness")
    after = out.split("EMERGENCY")[0].split(BLADDER and KB.findings[BLADDER[-1]].question)[-1]
    assert "do you have any of these?" not in after and "[y/n/?]" not in after  # nothing asked after it


def test_not_sure_asks_each_item_alone_and_skipping_them_never_ends_as_self_care(monkeypatch):
    stdin = "\nnone\nnot sure\n" + "\n" * len(BLADDER) + "none\n" * (len(CHECKLISTS) - 2) + "\n" * 30
    out, answers = converse(stdin, monkeypatch)
    for fid in BLADDER:
        assert f"{KB.findings[fid].question} [y/n/?]" in out.replace("\n", " ")  # asked on its own
        assert fid not in answers  # unknown, never taken as absent
    assert "SELF-CARE" not in out and "CHECK NOT FINISHED" in out


def test_a_bad_checklist_answer_is_asked_again():
    result = run("\nsome of them\n" + "none\n" * len(CHECKLISTS) + "\n" * 30)
    assert result.exit_code == 0, result.output
    assert "that answer does not fit" in result.stdout
