"""The command line: outputs per the JSON contract, batch mode, and every bad-input path."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backcare.entrypoints.cli import app
from backcare.knowledge import load_knowledge

runner = CliRunner()
CLEAR = {fid: False for fid, f in load_knowledge().findings.items() if f.screening}


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return path


def run(*args: str, stdin: str | None = None):
    return runner.invoke(app, list(args), input=stdin)


def test_json_output_follows_the_contract(tmp_path):
    answers = write(tmp_path, "a.json", json.dumps({**CLEAR, "saddle_numbness": True, "age": 40}))
    result = run("assess", "--answers", str(answers), "--format", "json", "--today", "2026-11-22")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    for key in (
        "disposition",
        "complete",
        "in_scope",
        "unanswered_screening",
        "red_flags",
        "contributors",
        "findings",
        "plan",
        "disclaimer",
    ):
        assert key in out
    assert out["disposition"] == "emergency"
    flag = out["red_flags"][0]
    assert flag["id"] == "cauda_equina" and flag["because"] == ["saddle_numbness"] and flag["advice"]
    assert {"id": "saddle_numbness", "status": "present"}.items() <= out["findings"][
        [f["id"] for f in out["findings"]].index("saddle_numbness")
    ].items()


def test_text_and_markdown_outputs_show_disposition_and_disclaimer(tmp_path):
    answers = write(tmp_path, "a.json", json.dumps({**CLEAR, "trigger_lifting": True}))
    for fmt in ("text", "markdown"):
        result = run("assess", "--answers", str(answers), "--format", fmt)
        assert result.exit_code == 0, result.output
        assert "SELF-CARE" in result.stdout
        assert "not a diagnosis" in result.stdout
        assert result.stdout.count("not a diagnosis") == 1


def test_incomplete_answers_say_what_is_missing(tmp_path):
    answers = write(tmp_path, "a.json", json.dumps({"trigger_lifting": True}))
    out = json.loads(run("assess", "--answers", str(answers), "--format", "json").stdout)
    assert out["complete"] is False
    assert "fever" in out["unanswered_screening"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"fevr": true}', "fevr: unknown finding id. Did you mean: fever"),
        ('{"age": "old"}', "age: expected a whole number"),
        ('{"age": 130}', "age: 130 is out of range (0 to 120)"),
        ('{"pain_score": 11}', "pain_score: 11 is out of range (0 to 10)"),
        ('{"fever": 3}', "fever: expected true, false"),
        ('{"sex": "robot"}', "sex: 'robot' is not one of female, male, other"),
        ('{"fever": true,\n "age": }', "malformed JSON at line 2, column"),
        ("[1, 2]", "expected a JSON object"),
        ('{"cramp_medicine": true}', "cramp_medicine: unknown finding id"),
    ],
)
def test_bad_answers_exit_2_with_a_message_naming_the_problem(tmp_path, content, message):
    answers = write(tmp_path, "bad.json", content)
    result = run("assess", "--answers", str(answers))
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_binary_missing_and_huge_files_are_rejected(tmp_path):
    binary = write(tmp_path, "bin.json", b"\x00\x01\xff{}")
    assert "binary data" in run("assess", "--answers", str(binary)).stderr
    assert "no such file" in run("assess", "--answers", str(tmp_path / "nope.json")).stderr
    huge = write(tmp_path, "huge.json", "{" + " " * 1_100_000 + "}")
    result = run("assess", "--answers", str(huge))
    assert result.exit_code == 2 and "larger than" in result.stderr
    latin = write(tmp_path, "latin.json", '{"medications": ["caf\xe9"]}'.encode("latin-1"))
    assert "not UTF-8" in run("assess", "--answers", str(latin)).stderr


def test_batch_streams_in_order_and_reports_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "a", "answers": {**CLEAR, "chest_pain": True}}),
        "{not json",
        json.dumps({"id": "c", "answers": {"pain_score": 42}}),
        json.dumps({"id": "d", **CLEAR, "trigger_lifting": True}),
    ]
    batch = write(tmp_path, "in.jsonl", "\n".join(lines) + "\n")
    result = run("assess", "--jsonl", str(batch), "--format", "json")
    assert result.exit_code == 2
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r.get("id") for r in rows] == ["a", None, "c", "d"]
    assert rows[0]["disposition"] == "emergency"
    assert rows[1]["line"] == 2 and "malformed JSON" in rows[1]["error"]
    assert rows[2]["line"] == 3 and "pain_score" in rows[2]["error"]
    assert rows[3]["disposition"] == "self_care" and rows[3]["complete"] is True


def test_plan_command_writes_a_calendar(tmp_path):
    answers = write(tmp_path, "a.json", json.dumps({**CLEAR, "trigger_lifting": True, "days_since_onset": 1}))
    ics = tmp_path / "plan.ics"
    result = run("plan", "--answers", str(answers), "--ics", str(ics), "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert "Sources:" in result.stdout
    assert ics.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_questionnaire_scores_from_a_file_and_rejects_bad_answers(tmp_path):
    good = {f"startback_{n}": n >= 5 for n in range(1, 9)} | {"startback_9": "extremely"}
    result = run("questionnaire", "startback", "--answers", str(write(tmp_path, "s.json", json.dumps(good))), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout.splitlines()[0]) == {"total": 5, "psychosocial": 5, "risk": "high"}
    assert "Keele University" in result.stdout
    bad = run("questionnaire", "peg", "--answers", str(write(tmp_path, "p.json", '{"peg_1": 3}')))
    assert bad.exit_code == 2 and "peg_2" in bad.stderr
    rmdq = run("questionnaire", "rmdq", "--answers", str(write(tmp_path, "r.json", '{"ticked": [1, 2, 30]}')))
    assert rmdq.exit_code == 2 and "30" in rmdq.stderr


def test_interactive_questionnaire_and_interrupt():
    answers = "\n".join(["y", "n", "y", "n", "y", "y", "n", "n", "very_much"]) + "\n"
    result = run("questionnaire", "startback", stdin=answers)
    assert result.exit_code == 0, result.output
    assert "total 5" in result.stdout and "medium" in result.stdout


def test_kb_commands():
    check = run("kb", "check")
    assert check.exit_code == 0 and "red flags" in check.stdout
    listed = run("kb", "sources").stdout
    assert "Find Out About Back Pain" in listed and ".txt" not in listed  # seeds by title, never by file
    seeds = run("kb", "seeds")
    assert seeds.exit_code == 0 and "correction" in seeds.stdout
    assert re.search(r"\d+ claims: \d+ adopted, \d+ adopted with a correction, \d+ not adopted", seeds.stdout)


def test_kb_check_reports_a_bad_data_folder(tmp_path):
    result = run("kb", "check", "--data", str(tmp_path))
    assert result.exit_code == 1 and "file missing" in result.stderr


def test_interactive_assessment_asks_screening_first_and_ends_cleanly():
    # No free text, "no" to the safety questions, then finish early with "q".
    screening = [fid for fid, f in load_knowledge().findings.items() if f.screening]
    result = run("assess", "--today", "2026-11-22", stdin="\n" + "n\n" * len(screening) + "q\n")
    assert result.exit_code == 0, result.output
    asked = result.stdout.split("go straight to questions)")[1]
    assert asked.index("confused") < asked.index("fever") < asked.index("SELF-CARE")
    assert "safety question(s) left" in asked
    assert "Still to answer" not in asked


def test_interactive_uses_the_description_and_asks_again_after_a_bad_answer():
    stdin = "my back went into spasm lifting a box\n\n" + "n\n" * 3 + "maybe not\nq\n"
    result = run("assess", "--today", "2026-11-22", stdin=stdin)
    assert result.exit_code == 0, result.output
    assert "This is what we understood" in result.stdout
    assert "does not fit" in result.stdout


def test_interactive_stops_cleanly_on_end_of_input():
    result = run("assess", stdin="")
    assert result.exit_code == 130
    assert "Nothing was saved" in result.stdout


def test_version_and_help():
    assert run("--version").stdout.strip() == "backcare 0.1.0"
    for command in ("assess", "plan", "questionnaire", "eval", "kb"):
        assert run(command, "--help").exit_code == 0


def test_help_does_not_import_heavy_libraries():
    code = (
        "import sys; from backcare.entrypoints.cli import app; "
        "heavy = [m for m in ('pydantic', 'spacy', 'medspacy', 'icalendar', 'yaml') if m in sys.modules]; "
        "print(heavy)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    assert out.stdout.strip() == "[]"


def _first_trigger_per_flag():
    from test_triage import TRIGGERS

    seen: dict[str, dict] = {}
    for flag, answers, _ in TRIGGERS:
        seen.setdefault(flag, answers)
    return sorted(seen.items())


@pytest.mark.parametrize(("flag", "answers"), _first_trigger_per_flag())
def test_every_red_flag_can_be_triggered_through_the_command_line(tmp_path, flag, answers):
    path = write(tmp_path, "a.json", json.dumps({**CLEAR, **answers}))
    result = run("assess", "--answers", str(path), "--format", "json", "--no-save")
    assert result.exit_code == 0, result.output
    assert flag in {f["id"] for f in json.loads(result.stdout)["red_flags"]}


def test_structured_commands_do_not_load_the_language_pipeline(tmp_path):
    path = write(tmp_path, "a.json", json.dumps({**CLEAR, "trigger_lifting": True}))
    code = (
        "import sys; from backcare.entrypoints.cli import app\n"
        "try:\n"
        f"    app(['assess', '--answers', {str(path)!r}, '--format', 'json', '--no-save'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('LOADED', sorted(m for m in ('spacy', 'medspacy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "LOADED []"


def _near_misses():
    from test_triage import NEAR_MISSES

    return NEAR_MISSES


@pytest.mark.parametrize(("flag", "answers"), _near_misses())
def test_no_near_miss_triggers_its_flag_through_the_command_line(tmp_path, flag, answers):
    path = write(tmp_path, "a.json", json.dumps({**CLEAR, **answers}))
    result = run("assess", "--answers", str(path), "--format", "json", "--no-save")
    assert result.exit_code == 0, result.output
    assert flag not in {f["id"] for f in json.loads(result.stdout)["red_flags"]}


def test_interactive_emergency_ends_the_questions_at_once():
    # No text; ticking the first item of the first safety checklist (new confusion) is an emergency:
    # no more questions.
    result = run("assess", "--today", "2026-11-22", "--no-save", stdin="\n1\n" + "n\n" * 40)
    assert result.exit_code == 0, result.output
    asked = result.stdout.split("go straight to questions)")[1]
    before_result = asked.split("EMERGENCY")[0]
    assert before_result.count("safety question(s) left") == 1
    assert before_result.count("do you have any of these?") == 1


def test_interactive_safety_questions_come_as_a_few_checklists_and_not_sure_asks_each_alone():
    kb = load_knowledge()
    titles = list(dict.fromkeys(f.checklist for f in kb.findings.values() if f.screening))
    stdin = "\n" + "none\n" + "?\n" + "n\n" * 4 + "none\n" * (len(titles) - 2) + "\n" * 30
    result = run("assess", "--today", "2026-11-22", "--no-save", stdin=stdin)
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert out.count("do you have any of these?") == len(titles)
    bladder = [f for f in kb.findings.values() if f.checklist == titles[1]]
    assert all(f"{f.question} [y/n/?]" in out for f in bladder)  # each then asked on its own
    assert "SELF-CARE" in out


def test_the_script_runs_without_the_collector_and_long_commands_turn_it_back_on(monkeypatch, tmp_path) -> None:
    """``backcare`` (the script) disables cyclic garbage collection for short commands; an evaluation
    turns it back on."""
    import gc

    from backcare.entrypoints import cli, launch

    seen: list[bool] = []
    exits: list[object] = []

    def ended(code: object) -> None:
        exits.append(code)
        raise SystemExit(code)

    monkeypatch.setattr(cli, "main", lambda: seen.append(gc.isenabled()))
    monkeypatch.setattr(launch.os, "_exit", ended)
    try:
        with pytest.raises(SystemExit):
            launch.main()
        assert seen == [False]
        assert exits == [0]
        empty = tmp_path / "none.yaml"
        empty.write_text("[]\n")
        CliRunner().invoke(cli.app, ["eval", str(empty)])
        assert gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.parametrize(("code", "status"), [(None, 0), (0, 0), (2, 2), ("a message", 1)])
def test_the_script_ends_with_the_commands_exit_status(monkeypatch, capsys, code, status) -> None:
    from backcare.entrypoints import launch

    exits: list[object] = []
    monkeypatch.setattr(launch.os, "_exit", exits.append)
    launch.quick_exit(code)
    assert exits == [status]
    if isinstance(code, str):
        assert code in capsys.readouterr().err
