"""Choose the merge thresholds on the development vignettes, and record the trade-off.

    .venv/bin/python training/calibrate.py [--install] [VIGNETTE FILES...]

Development data only: the repository's vignettes/dev.yaml and vignettes/text/, and the earlier
fresh sets in vignettes/fresh/ (each joined the development data after its one untouched scoring);
never a fresh set that has not been scored yet. Each candidate is scored with both readers. The
rule reader was written against dev.yaml and text/, so on them the model can only add alarms: a
candidate must still meet every development bar of ``backcare eval`` there (accuracy, emergency
recall, under-triage, trap false alarms). Among those, the earlier fresh sets decide, safety
first: most emergencies caught, then fewest under-triaged, then fewest trap false alarms, then
the highest accuracy (the most sensitive thresholds break a tie). The table of every candidate is
printed and stored in model/calibration.json.

``--report FILES`` prints the same table for other files (a fresh unseen set, after its one
untouched scoring) without choosing anything: the trade-off, emergencies caught against alarms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import sys
from pathlib import Path
from typing import Any

from backcare.adapters.learned.merge import Thresholds
from backcare.adapters.learned.model import MODEL_DIR
from backcare.adapters.learned.reading import Observation, Reading, decide, observe
from backcare.bootstrap import assess
from backcare.core.models import Assessment
from backcare.knowledge import KnowledgeBase, load_knowledge
from backcare.services.evaluation import DEFAULT_TODAY, Vignette, assess_vignette, evaluate, load_vignettes
from backcare.services.evaluation import Thresholds as EvalThresholds

ROOT = Path(__file__).resolve().parent.parent
# The triage bars of `backcare eval` (contributors are not the reader's business).
TRIAGE_BARS = EvalThresholds(contributor_hits=None)
DEV = [ROOT / "vignettes" / "dev.yaml", ROOT / "vignettes" / "text"]
FRESH = ROOT / "vignettes" / "fresh"  # earlier fresh sets, after their one untouched scoring
FIRE = (0.5, 0.6, 0.7, 0.8, 0.9)
ASK_SHARE = (0.5, 0.8)
VETO = (0.8, 0.9, 0.97)


def score(cases: list[Vignette], limits: Thresholds, seen: dict[str, Observation]) -> dict[str, Any]:
    """Evaluate the cases with these thresholds; each text is read by both readers only once."""
    kb = load_knowledge()

    def reader(text: str, kb: KnowledgeBase, today: dt.date) -> Reading:
        key = f"{today}|{text}"
        if key not in seen:
            seen[key] = observe(text, kb, today)
        return decide(seen[key], kb, limits)

    def run(v: Vignette) -> Assessment:
        if v.text is None:
            return assess_vignette(v)
        return assess(
            answers=dict(v.answers) or None, text=v.text, today=v.today or DEFAULT_TODAY, kb=kb, reader=reader
        )

    report = evaluate(cases, run)
    return {
        "meets_bars": not report.failures_against(TRIAGE_BARS),
        "accuracy": report.accuracy.value or 0.0,
        "emergency_recall": report.emergency_recall.value or 0.0,
        "under_triage": report.under_triage.numerator,
        "false_alarms": report.false_alarms.numerator,
        "over_triage": report.over_triage.numerator,
        "cases": len(cases),
    }


def _preference(row: dict[str, Any]) -> tuple[float, ...]:
    """Safety first on the earlier fresh sets, then the most sensitive thresholds."""
    fresh = row.get("fresh") or {"emergency_recall": 0.0, "under_triage": 0, "false_alarms": 0, "accuracy": 0.0}
    limits = row["thresholds"]
    return (
        -fresh["emergency_recall"],
        fresh["under_triage"],
        fresh["false_alarms"],
        -fresh["accuracy"],
        limits["fire"],
        limits["ask"],
        limits["veto"],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path, default=DEV)
    parser.add_argument("--install", action="store_true", help="write model/calibration.json")
    parser.add_argument("--report", action="store_true", help="print the table for FILES; choose nothing")
    args = parser.parse_args()
    cases = load_vignettes(args.files)
    fresh = load_vignettes([FRESH]) if FRESH.exists() and not args.report else []
    rows = []
    seen: dict[str, Observation] = {}
    for fire, share, veto in itertools.product(FIRE, ASK_SHARE, VETO):
        limits = Thresholds(fire=fire, ask=round(fire * share, 3), veto=veto)
        figures = score(cases, limits, seen)
        if fresh:
            figures["fresh"] = score(fresh, limits, seen)
        rows.append({"thresholds": vars(limits), **figures})
        print(
            f"fire {fire:.2f} ask {limits.ask:.2f} veto {veto:.2f}: accuracy {figures['accuracy']:.3f} "
            f"emergency recall {figures['emergency_recall']:.3f} under {figures['under_triage']} "
            f"over {figures['over_triage']} trap alarms {figures['false_alarms']}"
            f"{'' if figures['meets_bars'] else '  (misses a development bar)'}"
            + (
                f"\n    earlier fresh sets: accuracy {figures['fresh']['accuracy']:.3f} "
                f"emergency recall {figures['fresh']['emergency_recall']:.3f} under {figures['fresh']['under_triage']} "
                f"trap alarms {figures['fresh']['false_alarms']}"
                if fresh
                else ""
            ),
            flush=True,
        )
    if args.report:
        return
    passing = [r for r in rows if r["meets_bars"]]
    if not passing:
        sys.exit("no candidate meets the development bars; nothing chosen")
    best = min(passing, key=_preference)
    print(f"chosen: {best['thresholds']}")
    if args.install:
        record = {
            "thresholds": best["thresholds"],
            "chosen_on": [str(f.relative_to(ROOT)) for f in [*args.files, FRESH]],
            "candidates": rows,
        }
        (MODEL_DIR / "calibration.json").write_text(json.dumps(record, indent=1) + "\n")
        print(f"wrote {(MODEL_DIR / 'calibration.json').relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
