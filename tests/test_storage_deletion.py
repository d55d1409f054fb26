"""Deletion deletes: after an account deletion or ``forget`` no byte of the person's text is left in
the SQLite database file, its write-ahead log or its shared-memory file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import func, select
from starlette.testclient import TestClient
from typer.testing import CliRunner

from backcare.adapters.storage.orm import AttemptCounterRow
from backcare.entrypoints.cli import app as cli
from backcare.entrypoints.web.app import create_app
from backcare.entrypoints.web.settings import Settings

PASSWORD = "correct horse battery"
CLEAR = {"fever": False, "saddle_numbness": False, "trigger_lifting": True}


def copies(folder: Path, needle: str) -> dict[str, int]:
    """How often ``needle`` occurs in each database file of the folder (UTF-8 bytes)."""
    found = {}
    for path in sorted(folder.iterdir()):
        if path.name.startswith("backcare.db") or path.name.startswith("web.db"):
            found[path.name] = path.read_bytes().count(needle.encode())
    return found


def fill(client: TestClient, marker: str, headers: dict[str, str]) -> None:
    for i in range(3):
        r = client.post("/api/v1/diary/entries", json={"pain": 4, "note": f"{marker} note {i}"}, headers=headers)
        assert r.status_code == 201, r.text
        body = {"text": f"{marker} hurt my back lifting", "answers": {"age": 40, "medications": [f"{marker}ol"]}}
        assert client.post("/api/v1/assessments", json=body, headers=headers).status_code == 201


def test_account_deletion_leaves_no_copy_in_the_sqlite_files(tmp_path: Path) -> None:
    folder = tmp_path / "db"
    folder.mkdir()
    app = create_app(Settings(database_url=f"sqlite:///{folder / 'web.db'}", warm_up=False, multi_user=True))
    keep = TestClient(app, base_url="https://backcare.test", client=("203.0.113.1", 1))
    assert keep.post("/api/v1/auth/register", json={"username": "keeper", "password": PASSWORD}).status_code == 201
    client = TestClient(app, base_url="https://backcare.test", client=("203.0.113.2", 1))
    r = client.post("/api/v1/auth/register", json={"username": "zq-unique-user", "password": PASSWORD})
    token = r.json()["csrf_token"]
    fill(client, "Xylophonic-marker", {"x-csrf-token": token})
    for _ in range(2):
        other = TestClient(app, base_url="https://backcare.test", client=("203.0.113.3", 1))
        other.post("/api/v1/auth/login", json={"username": "zq-unique-user", "password": "not the password"})
    assert copies(folder, "Xylophonic-marker")["web.db-wal"] > 0  # the test can see the text before
    assert client.delete("/api/v1/account", headers={"x-csrf-token": token}).status_code == 204
    assert set(copies(folder, "Xylophonic-marker").values()) == {0}, copies(folder, "Xylophonic-marker")
    assert set(copies(folder, "zq-unique-user").values()) == {0}, copies(folder, "zq-unique-user")
    with app.state.ctx.store.engine.connect() as conn:
        counters = select(func.count()).select_from(AttemptCounterRow)
        assert conn.scalar(counters.where(AttemptCounterRow.account_key.is_not(None))) == 0
    assert keep.get("/api/v1/auth/session").json()["username"] == "keeper"  # the other account is intact


def test_local_deletion_through_the_web_leaves_no_copy(tmp_path: Path) -> None:
    folder = tmp_path / "db"
    folder.mkdir()
    app = create_app(Settings(database_url=f"sqlite:///{folder / 'web.db'}", warm_up=False))
    client = TestClient(app, base_url="http://127.0.0.1:8000", client=("127.0.0.1", 1))
    fill(client, "Quixotic-marker", {})
    assert client.delete("/api/v1/account").status_code == 204
    assert set(copies(folder, "Quixotic-marker").values()) == {0}, copies(folder, "Quixotic-marker")


def test_forget_leaves_no_copy(_isolated_data_dir: Path) -> None:
    runner = CliRunner()
    day = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    for i in range(3):
        result = runner.invoke(cli, ["diary", "add", "--date", day, "--pain", "3", "--note", f"Zebrine-marker {i}"])
        assert result.exit_code == 0, result.stderr
    assert sum(copies(_isolated_data_dir, "Zebrine-marker").values()) > 0
    result = runner.invoke(cli, ["forget", "--yes"])
    assert result.exit_code == 0, result.stderr
    assert set(copies(_isolated_data_dir, "Zebrine-marker").values()) == {0}
