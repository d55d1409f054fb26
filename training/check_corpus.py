"""Check the sentence corpus in training/corpus/: ids, statuses, voices and coverage per finding.

    python training/check_corpus.py [FINDING_ID ...]

Every error names the file and the entry's index. Exits 1 when anything is wrong.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

from backcare.knowledge import load_knowledge

CORPUS = Path(__file__).parent / "corpus"
STATUSES = {"present", "absent", "possible", "not_own"}
VOICES = {
    "lay_uk",
    "lay_us",
    "lay_au",
    "lay_ie",
    "text_speak",
    "non_native",
    "older",
    "teen",
    "carer",
    "clinician",
    "vignette",
}
KEYS = {"text", "context", "labels", "near_miss", "voice"}
MIN_PHRASINGS = 40
MIN_NEAR_MISSES = 10


def readable_findings() -> tuple[set[str], set[str]]:
    kb = load_knowledge()
    ids = {f for f, d in kb.findings.items() if d.type == "bool" and not d.computed and not f.startswith("startback")}
    red = {fid for flag in kb.red_flags.values() for t in flag.triggers for fid in kb.rule(t.when).findings} & ids
    return ids, red


def main(only: list[str]) -> int:
    ids, red = readable_findings()
    errors: list[str] = []
    labelled: Counter[str] = Counter()
    near: Counter[str] = Counter()
    for path in sorted(CORPUS.glob("*.yaml")):
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        if not isinstance(entries, list):
            errors.append(f"{path.name}: the file must be a YAML list")
            continue
        for n, entry in enumerate(entries):
            where = f"{path.name}[{n}]"
            if not isinstance(entry, dict) or not isinstance(entry.get("text"), str) or not entry["text"].strip():
                errors.append(f"{where}: needs a non-empty text")
                continue
            errors += [f"{where}: unknown key {k!r}" for k in entry if k not in KEYS]
            if entry.get("voice") not in VOICES:
                errors.append(f"{where}: voice must be one of {sorted(VOICES)}")
            labels = entry.get("labels") or {}
            for fid, status in labels.items():
                if fid not in ids:
                    errors.append(f"{where}: unknown finding {fid!r}")
                elif status not in STATUSES:
                    errors.append(f"{where}: status of {fid} must be one of {sorted(STATUSES)}")
                else:
                    labelled[fid] += 1
            for fid in entry.get("near_miss") or []:
                if fid not in ids:
                    errors.append(f"{where}: unknown near-miss finding {fid!r}")
                elif fid in labels:
                    errors.append(f"{where}: {fid} is both labelled and a near miss")
                near[fid] += 1
    for fid in sorted(only or ids):
        if labelled[fid] < MIN_PHRASINGS:
            errors.append(f"{fid}: {labelled[fid]} phrasings, at least {MIN_PHRASINGS} needed")
        if fid in red and near[fid] < MIN_NEAR_MISSES:
            errors.append(f"{fid}: {near[fid]} near misses, at least {MIN_NEAR_MISSES} needed (red-flag finding)")
    for line in errors:
        print(line)
    print(f"{sum(labelled.values())} labels, {sum(near.values())} near misses, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
