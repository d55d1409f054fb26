"""Choose the merge thresholds on the development vignettes, and record the trade-off.

    .venv/bin/python training/calibrate.py [--install] [VIGNETTE FILES...]

Development data only (the repository's vignettes/dev.yaml and vignettes/text/): never a fresh
unseen set. Each candidate is scored with both readers; the chosen one is the candidate with the
fewest under-triaged cases, then the fewest trap false alarms, then the best accuracy. The table
of every candidate is printed and stored beside the thresholds in model/calibration.json.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import json
import sys
from pathlib import Path

from backcare.evaluation import Vignette, assess_vignette, evaluate, load_vignettes
from backcare.learned.merge import Thresholds
from backcare.learned.model import MODEL_DIR
from backcare.learned.reading import read_text

ROOT = Path(__file__).resolve().parent.parent
DEV = [ROOT / "vignettes" / "dev.yaml", ROOT / "vignettes" / "text"]
FIRE = (0.3, 0.4, 0.5, 0.6, 0.7)
ASK_SHARE = (0.5, 0.8)
VETO = (0.9, 0.97)


def score(cases: list[Vignette], limits: Thresholds) -> dict[str, float]:
    reader = functools.partial(read_text, limits=limits)

    def run(v: Vignette):  # type: ignore[no-untyped-def]
        from backcare.assessment import assess

        if v.text is None:
            return assess_vignette(v)
        return assess(answers=dict(v.answers) or None, text=v.text, today=v.today, reader=reader)

    report = evaluate(cases, run)
    return {
        "accuracy": report.accuracy.value or 0.0,
        "emergency_recall": report.emergency_recall.value or 0.0,
        "under_triage": report.under_triage.numerator,
        "false_alarms": report.false_alarms.numerator,
        "over_triage": report.over_triage.numerator,
        "cases": len(cases),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path, default=DEV)
    parser.add_argument("--install", action="store_true", help="write model/calibration.json")
    args = parser.parse_args()
    cases = load_vignettes(args.files)
    rows = []
    for fire, share, veto in itertools.product(FIRE, ASK_SHARE, VETO):
        limits = Thresholds(fire=fire, ask=round(fire * share, 3), veto=veto)
        figures = score(cases, limits)
        rows.append({"thresholds": vars(limits), **figures})
        print(
            f"fire {fire:.2f} ask {limits.ask:.2f} veto {veto:.2f}: accuracy {figures['accuracy']:.3f} "
            f"emergency recall {figures['emergency_recall']:.3f} under {figures['under_triage']} "
            f"over {figures['over_triage']} trap alarms {figures['false_alarms']}",
            flush=True,
        )
    best = min(rows, key=lambda r: (r["under_triage"], r["false_alarms"], -r["accuracy"]))
    print(f"chosen: {best['thresholds']}")
    if args.install:
        record = {
            "thresholds": best["thresholds"],
            "chosen_on": [str(f.relative_to(ROOT)) for f in args.files],
            "candidates": rows,
        }
        (MODEL_DIR / "calibration.json").write_text(json.dumps(record, indent=1) + "\n")
        print(f"wrote {(MODEL_DIR / 'calibration.json').relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
