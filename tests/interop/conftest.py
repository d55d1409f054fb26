"""Fixtures of the interop tests: a multi-user app with the CDS Hooks token, recorded hook requests
shaped as the CDS Hooks 2.0 specification's examples, and a diary with every kind of record."""

from __future__ import annotations

import base64
import datetime as dt
import json
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

warnings.filterwarnings("ignore", message=".*httpx2.*")

from starlette.testclient import TestClient  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from backcare.entrypoints.cli import app as cli_app  # noqa: E402
from backcare.entrypoints.web.app import create_app  # noqa: E402
from backcare.entrypoints.web.settings import Settings  # noqa: E402

DATA = Path(__file__).parent / "data"
TOKEN = "test-cds-token-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SERVICE = "/cds-services/backcare-back-pain"
runner = CliRunner()


def recorded(name: str) -> dict[str, Any]:
    """A recorded patient-view request (``data/patient-view-NAME.json``)."""
    data: dict[str, Any] = json.loads((DATA / f"patient-view-{name}.json").read_text())
    return data


def cli(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(cli_app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def cds_app(tmp_path: Path) -> Callable[..., Any]:
    def make(**overrides: Any) -> Any:
        values: dict[str, Any] = {
            "database_url": f"sqlite:///{tmp_path / 'cds.db'}",
            "warm_up": False,
            "multi_user": True,
            "cds_token": TOKEN,
        }
        values.update(overrides)
        return create_app(Settings(**values))

    return make


@pytest.fixture
def cds_client(cds_app: Callable[..., Any]) -> Iterator[TestClient]:
    """An EHR calling the service server to server (no browser: no Origin header)."""
    with TestClient(cds_app(), base_url="https://backcare.test", client=("203.0.113.9", 40000)) as client:
        yield client


# --- Recorded hook requests and notes ----------------------------------------------------------


def cds_today() -> dt.date:
    """The service's today (UTC), as the routes compute it."""
    return dt.datetime.now(dt.UTC).date()


def today() -> str:
    """The service's today as a FHIR date."""
    return str(cds_today().isoformat())


def note_bundle(words: str) -> dict[str, Any]:
    """A prefetched ``note``: a search Bundle with one DocumentReference holding ``words``."""
    return {
        "resourceType": "Bundle",
        "type": "searchset",
        "entry": [
            {
                "resource": {
                    "resourceType": "DocumentReference",
                    "status": "current",
                    "subject": {"reference": "Patient/1288992"},
                    "content": [
                        {"attachment": {"contentType": "text/plain", "data": base64.b64encode(words.encode()).decode()}}
                    ],
                }
            }
        ],
    }


def recorded_note(name: str) -> str:
    """The note's words in a recorded request."""
    data = recorded(name)["prefetch"]["note"]["entry"][0]["resource"]["content"][0]["attachment"]["data"]
    return base64.b64decode(data).decode()


# --- A diary with every kind of record --------------------------------------------------------------

#: The assessment's answers: STarT Back and PEG among them, so they export as questionnaires.
ANSWERS: dict[str, Any] = {
    "age": 40,
    "trigger_lifting": True,
    "pain_score": 6,
    "days_since_onset": 2,
    **{f"startback_{n}": n in (1, 3, 5, 6, 8) for n in range(1, 9)},
    "startback_9": "very_much",
    "peg_1": 6,
    "peg_2": 5,
    "peg_3": 7,
}
#: Three days of the diary: every field; findings with a list and a complete STarT Back; a note that re-triages.
DAYS: tuple[tuple[str, ...], ...] = (
    (
        *("--date", "2026-11-20", "--pain", "6", "--spasms", "3", "--peg", "6,5,7", "--rmdq", "2,5,9"),
        *("--exercise", "glute_bridge:10", "--exercise", "glute_bridge:5", "--cold", "2", "--heat", "1"),
        *("--note", "stiff after driving"),
    ),
    (
        *("--date", "2026-11-21", "--pain", "5"),
        *("--finding", "medications=Lasix,atorvastatin", "--finding", "recurrent_spasms"),
        *(x for n in range(1, 9) for x in ("--finding", f"startback_{n}={'yes' if n % 2 else 'no'}")),
        *("--finding", "startback_9=extremely"),
    ),
    ("--date", "2026-11-22", "--pain", "4", "--note", "I can't feel the toilet paper when I wipe"),
)


@pytest.fixture
def diary(tmp_path: Path) -> None:
    """The local person's records: an assessment with STarT Back and PEG answers and its plan, and
    diary entries with every field (PEG, RMDQ, exercises, cold and heat, findings, a note that
    re-triages)."""
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(ANSWERS))
    code, _, err = cli(
        "assess", "--answers", str(path), "--text", "locked up lifting a box, peeing fine",
        "--today", "2026-11-19", "--format", "json",
    )  # fmt: skip
    assert code == 0, err
    for args in DAYS:
        code, _, err = cli("diary", "add", "--format", "json", *args)
        assert code == 0, err
