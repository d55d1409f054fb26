"""The knowledge base validates at load, and a bad edit fails with file, line, entry and reason."""

import shutil
from pathlib import Path

import pytest

from backcare.knowledge import DATA_DIR, KnowledgeError, load_knowledge


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder)
    return folder


def edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text()
    assert old in text, f"fixture text {old!r} not in {name}"
    path.write_text(text.replace(old, new, 1))


def test_packaged_knowledge_base_loads_and_is_complete():
    kb = load_knowledge()
    counts = kb.counts()
    assert counts["red flags"] == 34
    assert counts["contributors"] == 18
    assert counts["medicines listing cramps"] >= 25
    assert counts["seed claims"] >= 60
    assert kb.version.startswith("0.1.0+kb.")


@pytest.mark.parametrize(
    ("name", "old", "new", "message"),
    [
        (
            "red_flags.yaml",
            "when: tearing_pain",
            "when: tearing_pian",
            r"red_flags.yaml:\d+: entry 'aortic'.*unknown finding 'tearing_pian'",
        ),
        (
            "red_flags.yaml",
            "disposition: urgent",
            "disposition: asap",
            r"red_flags.yaml:\d+: entry 'labour'.*disposition",
        ),
        (
            "medicines.yaml",
            "contains: [",
            "contains: [nosuchdrug, ",
            r"medicines.yaml:\d+: entry '\w+'.*unknown medicine 'nosuchdrug'",
        ),
        (
            "contributors.yaml",
            "sources: [seed_002, merck_cramps, nhs_dehydration]",
            "sources: [nowhere]",
            r"contributors.yaml:\d+: entry 'heat_exertion'.*unknown source 'nowhere'",
        ),
        (
            "findings.yaml",
            "  type: int\n  min: 0\n  max: 120",
            "  type: int",
            r"findings.yaml:\d+: entry 'age'.*min and max",
        ),
        ("findings.yaml", "- id: fever\n", "- id: Fever\n", r"findings.yaml:\d+: entry 'Fever'.*pattern"),
        (
            "sources.yaml",
            "- id: seed_000\n  kind: seed\n  file: 000_8ab24ce5678538e1.txt\n",
            "- id: seed_000\n  kind: seed\n",
            r"sources.yaml:\d+: entry 'seed_000'.*file name",
        ),
        ("red_flags.yaml", "- id: recurrent\n", "- id: persistent\n", r"duplicate id"),
        (
            "findings.yaml",
            "  stable_instead: longstanding_leg_symptoms\n",
            "  stable_instead: longstanding_legs\n",
            r"findings.yaml:\d+: entry 'leg_numbness_both_sides'.*stable_instead.*'longstanding_legs'",
        ),
    ],
)
def test_a_bad_edit_fails_loudly_with_file_line_and_entry(data_copy, name, old, new, message):
    edit(data_copy, name, old, new)
    with pytest.raises(KnowledgeError, match=message):
        load_knowledge(data_copy)


def test_the_error_line_points_at_the_entry(data_copy):
    edit(data_copy, "red_flags.yaml", "when: tearing_pain", "when: tearing_pian")
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(data_copy)
    line = int(str(info.value).split(":")[1])
    lines = (data_copy / "red_flags.yaml").read_text().splitlines()
    assert lines[line - 1].strip() == "- id: aortic"


def test_invalid_yaml_and_missing_file_are_reported(data_copy):
    (data_copy / "advice.yaml").write_text("- id: [unclosed\n")
    with pytest.raises(KnowledgeError, match="advice.yaml: not valid YAML"):
        load_knowledge(data_copy)
    (data_copy / "advice.yaml").unlink()
    with pytest.raises(KnowledgeError, match="advice.yaml: file missing"):
        load_knowledge(data_copy)


def test_every_cited_source_of_every_entry_resolves():
    kb = load_knowledge()
    for group in (kb.red_flags, kb.contributors, kb.advice, kb.exercises, kb.medicines):
        for entry in group.values():
            assert kb.citations(entry.sources), entry.id


def test_seed_sources_are_cited_by_title_and_old_file_names_still_read():
    kb = load_knowledge()
    seeds = [s for s in kb.sources.values() if s.kind == "seed"]
    assert len(seeds) == 5
    assert all(s.label == s.citation and s.file.endswith(".txt") for s in seeds)
    assert all(kb.readable(f"seed {s.file}") == s.citation for s in seeds)  # results saved before
    assert kb.readable("NICE NG59") == "NICE NG59"
