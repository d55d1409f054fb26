"""The diary commands end to end: add, show, chart, export, import, backup, forget."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backcare.entrypoints.cli import app

runner = CliRunner()
TODAY = dt.date.today()


def day(n: int) -> str:
    return (TODAY - dt.timedelta(days=n)).isoformat()


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def db_file(data_dir: Path) -> Path:
    return data_dir / "backcare.db"


def exported(data_dir: Path | None = None) -> dict:
    code, out, err = run("export", "--format", "json")
    assert code == 0, err
    return json.loads(out)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_scriptable_add_then_export(_isolated_data_dir: Path) -> None:
    assert not db_file(_isolated_data_dir).exists()
    code, out, err = run("diary", "add", "--date", day(2), "--pain", "6", "--spasms", "3", "--note", "stiff")
    assert code == 0, err
    assert "Saved" in out
    assert db_file(_isolated_data_dir).exists(), "the first entry creates the database"
    code, _, err = run("diary", "add", "--date", day(1), "--pain", "5", "-e", "glute_bridge:10", "--heat", "2")
    assert code == 0, err
    data = exported()
    assert [(e["date"], e["pain"], e["spasms"], e["note"]) for e in data["entries"]] == [
        (day(2), 6, 3, "stiff"),
        (day(1), 5, None, None),
    ]
    assert data["entries"][1]["exercises"] == [{"id": "glute_bridge", "repetitions": 10}]
    assert data["entries"][1]["heat_sessions"] == 2
    assert data["entries"][0]["timezone"] == "Europe/London"
    assert len(data["episodes"]) == 1 and data["episodes"][0]["onset"] == day(2)


def test_export_to_a_file(tmp_path: Path) -> None:
    run("diary", "add", "--pain", "4")
    out = tmp_path / "out" / "export.json"
    code, stdout, err = run("export", "--format", "json", "--out", str(out))
    assert code == 0, err
    assert stdout == ""
    assert [e["pain"] for e in json.loads(out.read_text())["entries"]] == [4]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "2026-13-40", "--pain", "5"], "bad date"),
        (["--date", "yesterday", "--pain", "5"], "bad date"),
        (["--date", (TODAY + dt.timedelta(days=2)).isoformat(), "--pain", "5"], "in the future"),
        (["--pain", "11"], "pain must be a whole number from 0 to 10"),
        (["--pain", "-1"], "pain must be a whole number from 0 to 10"),
        (["--pain", "5", "--peg", "5,11,3"], "peg_2"),
        (["--pain", "5", "--peg", "5,3"], "three"),
        (["--pain", "5", "--rmdq", "3,25"], "RMDQ item 25"),
        (["--pain", "5", "-e", "glute_bridges:10"], "Did you mean: glute_bridge"),
        (["--pain", "5", "-e", "glute_bridge:ten"], "repetitions"),
        (["--pain", "5", "--finding", "saddle_numbess"], "unknown finding id"),
        (["--pain", "5", "--spasms", "-3"], "--spasms"),
        ([], "give --pain"),
    ],
)
def test_bad_input_exits_2_and_saves_nothing(_isolated_data_dir: Path, args: list[str], message: str) -> None:
    code, _, err = run("diary", "add", *args)
    assert code == 2
    assert message in err
    assert not db_file(_isolated_data_dir).exists()


def test_a_red_flag_finding_retriages_immediately() -> None:
    code, out, err = run("diary", "add", "--date", day(1), "--pain", "5", "--finding", "saddle_numbness")
    assert code == 0, err
    assert "EMERGENCY" in out
    assert "cauda equina" in out.lower()
    data = exported()
    entry = data["entries"][0]
    assert entry["findings"] == {"saddle_numbness": True}
    assert entry["retriage"]["disposition"] == "emergency"
    assert "cauda_equina" in entry["retriage"]["red_flags"]
    snapshot = next(a for a in data["assessments"] if a["id"] == entry["retriage"]["assessment_id"])
    assert snapshot["kind"] == "retriage" and snapshot["disposition"] == "emergency"
    # The alert stays visible in the diary.
    code, out, _ = run("diary", "show", "--format", "json")
    trend = json.loads(out)
    alert = next(m for m in trend["messages"] if m["id"] == "red_flag")
    assert alert["disposition"] == "emergency"


def test_a_reassuring_entry_raises_no_alert() -> None:
    code, out, err = run("diary", "add", "--pain", "3", "--finding", "fever=no", "--format", "json")
    assert code == 0, err
    result = json.loads(out)
    assert result["retriage"]["alert"] is False
    assert result["entry"]["retriage"] is None


def test_show_reports_change_and_rules() -> None:
    # Day 49 of the episode: past the knowledge base's review day (the persistent red flag, day 42).
    for n, pain in ((50, 7), (30, 7), (20, 6), (1, 7)):
        assert run("diary", "add", "--date", day(n), "--pain", str(pain))[0] == 0
    code, out, err = run("diary", "show", "--format", "json")
    assert code == 0, err
    trend = json.loads(out)
    assert trend["baseline"]["pain"] == 7
    assert [r["pain"] for r in trend["rows"]] == [7, 7, 6, 7]
    assert "persistent" in [m["id"] for m in trend["messages"]]
    code, out, _ = run("diary", "show")
    assert code == 0
    assert "Baseline: pain 7/10" in out
    assert "GP or physiotherapist" in out


def test_show_prints_an_aligned_table_coloured_only_on_a_terminal() -> None:
    for n, pain, flag in ((12, 8, None), (6, 3, None), (1, 9, "saddle_numbness")):
        args = ["--finding", flag] if flag else []
        assert run("diary", "add", "--date", day(n), "--pain", str(pain), *args)[0] == 0
    code, out, err = run("diary", "show")
    assert code == 0, err
    lines = out.splitlines()
    header, rule, *rows = lines[1:6]
    assert header.split() == ["date", "day", "pain", "vs", "start", "expected", "spasms", "PEG", "RMDQ",
                              "exercises", "cold/heat", "flags"]  # fmt: skip
    assert set(rule) == {"-", " "} and len(rule) == max(len(line) for line in (header, *rows))
    # Every right-aligned column ends where its heading ends; the flags column starts where its heading starts.
    assert [r[: len(day(12))] for r in rows] == [day(12), day(6), day(1)]
    assert all(r[header.index("pain") + 3] in "0123456789" for r in rows)
    assert rows[1][header.index("vs start") : header.index("vs start") + 8].strip() == "-5 ↓"
    assert rows[2][header.index("flags") :].startswith("cauda_equina")
    assert "\x1b[" not in out, "no colour codes when the output is not a terminal"
    coloured = runner.invoke(app, ["diary", "show"], color=True).stdout
    assert "\x1b[32m" in coloured and "\x1b[31m" in coloured, "improvement green, worsening red on a terminal"


def test_rise_of_two_prompts_reassessment_at_add_time() -> None:
    run("diary", "add", "--date", day(3), "--pain", "4")
    code, out, _ = run("diary", "add", "--date", day(1), "--pain", "6")
    assert code == 0
    assert "re-assess" in out


def test_show_without_a_diary_creates_nothing(_isolated_data_dir: Path) -> None:
    code, out, _ = run("diary", "show")
    assert code == 0 and "No diary yet" in out
    code, out, _ = run("export", "--format", "json")
    assert code == 0 and json.loads(out)["entries"] == []
    assert not db_file(_isolated_data_dir).exists()


def test_chart_command_writes_a_png(tmp_path: Path) -> None:
    for n, pain in ((20, 8), (15, 7), (10, 6), (5, 5), (0, 4)):
        run("diary", "add", "--date", day(n), "--pain", str(pain))
    out = tmp_path / "pain.png"
    code, stdout, err = run("diary", "chart", "--out", str(out))
    assert code == 0, err
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "5 entries" in stdout
    code, _, err = run("diary", "chart", "--out", str(tmp_path / "pain.gif"))
    assert code == 2 and ".png or .svg" in err


def test_json_round_trip_into_another_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run("diary", "add", "--date", day(3), "--pain", "7", "--peg", "7,6,6", "--rmdq", "1,4,9", "--cold", "2")
    run("diary", "add", "--date", day(1), "--pain", "5", "-e", "walking:1", "-e", "glute_bridge:8", "-n", "better")
    run("diary", "add", "--date", day(0), "--pain", "5", "--finding", "leg_weakness")
    original = exported()
    path = tmp_path / "export.json"
    path.write_text(json.dumps(original))
    monkeypatch.setenv("BACKCARE_DATA_DIR", str(tmp_path / "other"))
    code, out, err = run("import", str(path))
    assert code == 0, err
    assert "3 entry(s)" in out
    copy = exported()
    original.pop("exported_at"), copy.pop("exported_at")
    assert copy == original
    # Importing twice adds nothing.
    code, out, _ = run("import", str(path))
    assert code == 0 and "nothing new" in out


def test_csv_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run("diary", "add", "--date", day(2), "--pain", "6", "--peg", "6,5,4", "--rmdq", "2,3", "-n", 'comma, "quote"')
    run("diary", "add", "--date", day(1), "--pain", "4", "-e", "glute_bridge:10", "--finding", "fever=false")
    code, csv_text, err = run("export", "--format", "csv")
    assert code == 0, err
    path = tmp_path / "diary.csv"
    path.write_text(csv_text)
    monkeypatch.setenv("BACKCARE_DATA_DIR", str(tmp_path / "other"))
    code, _, err = run("import", str(path))
    assert code == 0, err
    code, again, _ = run("export", "--format", "csv")
    strip = [line.rsplit(",", 4)[0] for line in csv_text.splitlines()]  # episode ids differ in a new database
    assert [line.rsplit(",", 4)[0] for line in again.splitlines()] == strip


@pytest.mark.parametrize(
    ("content", "where"),
    [
        ('{"entries": [\n  {"date": "2026-11-20", "pain": 6,}\n]}', "line 2"),
        (
            '{"entries": [\n {"date": "2026-11-20", "recorded_at": "2026-11-20T08:00:00Z",\n'
            '  "timezone": "UTC",\n  "pain": 12}\n]}',
            "line 4, column 11",
        ),
        (
            '{"entries": [{"date": "2026-02-30", "recorded_at": "2026-11-20T08:00:00Z", "timezone": "UTC", "pain": 2}]}',
            "entries[0].date",
        ),
        ('{"entries": [], "format": "something-else"}', "not a backcare export"),
        (
            '{"entries": [{"date": "2026-11-20", "recorded_at": "2026-11-20T08:00:00Z", "timezone": "UTC", "pain": 2,'
            ' "peg": {"items": [5, 5, 5], "score": 9.0}}]}',
            "does not match its items",
        ),
        (
            '{"entries": [{"date": "2026-11-20", "recorded_at": "2026-11-20T08:00:00Z", "timezone": "UTC", "pain": 2,'
            ' "findings": {"numb_bum": true}}]}',
            "unknown finding id",
        ),
        ("date,pain\n2026-11-20,5\n2026-11-21,eleven\n", "line 3, column 2 (pain)"),
        ("date,pain,colour\n2026-11-20,5,red\n", "unknown column 'colour'"),
    ],
)
def test_a_malformed_import_is_refused_without_touching_the_database(
    _isolated_data_dir: Path, tmp_path: Path, content: str, where: str
) -> None:
    run("diary", "add", "--date", day(1), "--pain", "5")
    before = digest(db_file(_isolated_data_dir))
    path = tmp_path / ("bad.csv" if content.startswith("date") else "bad.json")
    path.write_text(content)
    code, _, err = run("import", str(path))
    assert code == 2
    assert where in err
    assert "nothing was imported" in err
    assert digest(db_file(_isolated_data_dir)) == before
    assert [e["pain"] for e in exported()["entries"]] == [5]


def test_a_malformed_import_does_not_create_a_database(_isolated_data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{not json")
    assert run("import", str(path))[0] == 2
    assert not db_file(_isolated_data_dir).exists()


def test_conflicting_import_exits_2_and_changes_nothing(_isolated_data_dir: Path, tmp_path: Path) -> None:
    run("diary", "add", "--date", day(1), "--pain", "5")
    data = exported()
    data["entries"][0]["pain"] = 9
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(data))
    before = digest(db_file(_isolated_data_dir))
    code, _, err = run("import", str(path))
    assert code == 2 and "different content" in err
    assert digest(db_file(_isolated_data_dir)) == before
    code, _, err = run("import", str(path), "--replace")
    assert code == 0, err
    assert [e["pain"] for e in exported()["entries"]] == [9]


def test_backup_is_a_usable_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run("diary", "add", "--date", day(1), "--pain", "5", "-n", "first")
    target = tmp_path / "backup.db"
    code, _, err = run("backup", str(target))
    assert code == 0, err
    con = sqlite3.connect(target)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert con.execute("SELECT note FROM diary_entry").fetchall() == [("first",)]
    con.close()
    code, _, err = run("backup", str(target))
    assert code == 1 and "--force" in err
    monkeypatch.setenv("BACKCARE_DATABASE_URL", f"sqlite:///{target}")
    assert [e["note"] for e in exported()["entries"]] == ["first"]


def test_forget_asks_then_deletes_everything(_isolated_data_dir: Path) -> None:
    run("diary", "add", "--date", day(1), "--pain", "5", "-n", "private words")
    run("diary", "add", "--date", day(0), "--pain", "4", "--finding", "fever")
    code, out, _ = run("forget", input="n\n")
    assert code == 1 and "Nothing was deleted" in out
    assert len(exported()["entries"]) == 2
    code, out, err = run("forget", input="y\n")
    assert code == 0, err
    data = exported()
    assert data["entries"] == [] and data["assessments"] == [] and data["episodes"] == [] and data["profile"] is None
    assert b"private words" not in db_file(_isolated_data_dir).read_bytes()
    run("diary", "add", "--pain", "3")
    code, _, _ = run("forget", "--yes")
    assert code == 0 and exported()["entries"] == []


def test_forget_in_a_shared_database_deletes_only_the_local_person() -> None:
    """A database the web app also serves holds accounts' profiles: `backcare forget` must keep them."""
    from backcare.adapters.storage import open_store, utc_now
    from backcare.bootstrap import knowledge
    from backcare.core.diary import DiaryEntry
    from backcare.services.diary import add_entry

    assert run("diary", "add", "--date", day(1), "--pain", "5", "--finding", "fever")[0] == 0
    with open_store() as store:
        with store.unit_of_work() as uow:
            account = uow.diary.create_profile("UTC", name="account:web-user")
            uow.commit()
        entry = DiaryEntry(date=TODAY, recorded_at=utc_now(), timezone="UTC", pain=7, findings={"fever": True})
        add_entry(store, entry, kb=knowledge(), profile_id=account)
    code, _, err = run("forget", "--yes")
    assert code == 0, err
    assert exported()["entries"] == []
    with open_store() as store, store.unit_of_work(write=False, profile_id=account) as uow:
        doc = uow.diary.export()
    assert doc.profile is not None and doc.profile.id == account
    assert [e.pain for e in doc.entries] == [7] and len(doc.episodes) == 1
    assert [a.kind for a in doc.assessments] == ["retriage"]


def test_a_foreign_database_file_gives_a_clear_error_and_stays_untouched(_isolated_data_dir: Path) -> None:
    path = db_file(_isolated_data_dir)
    path.write_text("this is my shopping list\n")
    before = digest(path)
    code, _, err = run("diary", "add", "--pain", "5")
    assert code == 1
    assert "not a backcare database" in err
    assert digest(path) == before
    assert run("diary", "show")[0] == 1
    assert digest(path) == before


def test_interactive_add() -> None:
    answers = "\n".join(
        [
            day(1),  # date
            "12",  # out of range: asked again
            "6",  # pain
            "2",  # spasms
            "y",  # PEG
            "6",
            "5",
            "7",
            "y",  # RMDQ
            "2,5,9",
            "glute_bridge:10",
            "1",  # cold
            "0",  # heat
            "n",  # nothing new
            "sore after gardening",
        ]
    )
    code, out, err = run("diary", "add", "-i", input=answers + "\n")
    assert code == 0, out + err
    entry = exported()["entries"][0]
    assert (entry["date"], entry["pain"], entry["spasms"]) == (day(1), 6, 2)
    assert entry["peg"] == {"score": 6.0, "items": [6, 5, 7]}
    assert entry["rmdq"] == {"score": 3, "ticked": [2, 5, 9]}
    assert entry["exercises"] == [{"id": "glute_bridge", "repetitions": 10}]
    assert entry["note"] == "sore after gardening"


def test_plan_schedule_exports_as_ics() -> None:
    from backcare.adapters.storage import open_store
    from backcare.bootstrap import assess
    from backcare.services.assessments import record_assessment

    assert run("export", "--format", "ics")[0] == 1
    assessment = assess(answers={"age": 30, "pain_score": 5, "days_since_onset": 1}, today=TODAY)
    with open_store() as store:
        record_assessment(store, assessment, {"answers": {"age": 30}}, "Europe/London", TODAY)
    code, out, err = run("export", "--format", "ics")
    assert code == 0, err
    assert out.startswith("BEGIN:VCALENDAR")
    assert out.count("BEGIN:VEVENT") == len(assessment.plan.schedule) if assessment.plan else False


@pytest.mark.postgres
def test_cli_against_postgres(postgres_url: str, monkeypatch: pytest.MonkeyPatch, _isolated_data_dir: Path) -> None:
    monkeypatch.setenv("BACKCARE_DATABASE_URL", postgres_url)
    code, _, err = run("diary", "add", "--date", day(1), "--pain", "6", "-e", "walking:1")
    assert code == 0, err
    assert [e["pain"] for e in exported()["entries"]] == [6]
    assert not db_file(_isolated_data_dir).exists()
    backup = _isolated_data_dir / "pg-backup.json"
    code, _, err = run("backup", str(backup))
    assert code == 0, err
    assert [e["pain"] for e in json.loads(backup.read_text())["entries"]] == [6]
    code, _, err = run("forget", "--yes")
    assert code == 0, err
    assert exported()["entries"] == []


def test_onset_starts_an_episode_and_a_conflicting_onset_is_refused() -> None:
    assert run("diary", "add", "--date", day(2), "--pain", "6", "--onset", day(9))[0] == 0
    assert exported()["episodes"][0]["onset"] == day(9)
    code, _, err = run("diary", "add", "--date", day(1), "--pain", "6", "--onset", day(5))
    assert code == 2 and "--new-episode" in err
    assert len(exported()["entries"]) == 1
    code, _, err = run("diary", "add", "--date", day(1), "--pain", "3", "--onset", day(1), "--new-episode")
    assert code == 0, err
    episodes = exported()["episodes"]
    assert sorted((e["onset"], e["status"]) for e in episodes) == [(day(9), "resolved"), (day(1), "active")]
    code, out, _ = run("diary", "show", "--format", "json")
    assert [r["pain"] for r in json.loads(out)["rows"]] == [3]


def _text_understood() -> bool:
    try:
        from backcare.adapters.language import understand  # noqa: F401
    except ImportError:
        return False
    return True


def test_a_note_is_checked_for_warning_signs() -> None:
    code, out, err = run(
        "diary", "add", "--date", day(1), "--pain", "5", "--note", "I can't feel the toilet paper when I wipe"
    )
    assert code == 0, err
    entry = exported()["entries"][0]
    assert entry["note"] == "I can't feel the toilet paper when I wipe"
    if not _text_understood():
        # Until free text is understood the entry is kept and the person is told the note was not checked.
        assert "could not be checked" in err
        assert entry["retriage"] is None
    else:
        assert "EMERGENCY" in out
        assert entry["retriage"]["disposition"] == "emergency"
        assert "cauda_equina" in entry["retriage"]["red_flags"]
