"""How long the conversation is, and how much a result page says before anything is unfolded (not a test).

For each development vignette with text (``vignettes/dev.yaml`` and ``vignettes/text/``, as
``backcare eval`` loads them) the conversation is simulated: the person types the case's text, then
answers every question put to them from the case's expected findings (its structured answers; yes to
the findings of an expected warning sign that the text did not already show; no to any other yes/no
question; numbers and choices the case does not give are skipped, which still counts as asked).
Reported: the median and 90th percentile of questions asked before the final result, the share of
emergencies shown right after the first step (the description), the share of final results the
case allows, and the words a result page shows before anything is unfolded (closed ``<details>``
count their summary only), rendered by the web app in-process.

Targets (issue 11): median <= 12 questions, 90th percentile <= 20, every emergency after the first
step, <= 600 words before the fold of a self-care or "soon" result.

    python bench/bench_conversation.py [--policy NAME] [--limit N] [--no-pages]

--policy: conversation (default; as the terminal asks), conversation-web (pages of five, as the web
wizard asks), engine-order or engine-all (the engine's plain question order, as the web and the
terminal asked before the shared conversation).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from backcare.bootstrap import assess
from backcare.core.models import Assessment
from backcare.knowledge import KnowledgeBase, load_knowledge
from backcare.knowledge.schema import URGENCY, Disposition
from backcare.services.evaluation import Vignette, load_vignettes

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 12, 2)
BATCH = 5
PAGE = 8  # questions looked ahead for one prompt (a checklist gathers up to this many)
Evaluate = Callable[[Mapping[str, Any]], Assessment]


@dataclass(frozen=True)
class Run:
    case: Vignette
    asked: int
    items: int
    first: Assessment
    final: Assessment
    words: int | None = None


def cases() -> list[Vignette]:
    found = load_vignettes([ROOT / "vignettes" / "dev.yaml", ROOT / "vignettes" / "text"])
    return [v for v in found if v.text]


def oracle(case: Vignette, first: Assessment, kb: KnowledgeBase) -> Callable[[str], Any]:
    """The simulated person: answers from the case's expected findings."""
    fired = {hit.id for hit in first.red_flags}
    expected: set[str] = set()
    for flag in case.expect.red_flags:
        if flag not in fired and flag in kb.red_flags:
            for trigger in kb.red_flags[flag].triggers:
                expected |= kb.rule(trigger.when).findings

    def answer(fid: str) -> Any:
        if fid in case.answers:
            return case.answers[fid]
        if kb.findings[fid].type != "bool":
            return None
        return fid in expected

    return answer


def evaluator(case: Vignette, kb: KnowledgeBase) -> Evaluate:
    """``assess`` for this case's text with the text read once (the reading is a pure function of it)."""
    today = case.today or TODAY
    assert case.text is not None
    from backcare.adapters.learned.reading import read_text

    reading = read_text(case.text, kb, today)

    def run(answers: Mapping[str, Any]) -> Assessment:
        return assess(answers=answers, text=case.text, today=today, kb=kb, reader=lambda *_: reading)

    return run


def engine_order(evaluate: Evaluate, answer: Callable[[str], Any], kb: KnowledgeBase) -> tuple[int, int, Assessment]:
    """The web's policy before the shared conversation: the engine's question list, five to a page, until
    the page offers the result (no question left, every safety question put, or an urgent result)."""
    answers: dict[str, Any] = {}
    asked: list[str] = []
    while True:
        result = evaluate(answers)
        pending = [q for q in result.next_questions if q not in asked and q not in answers]
        screening_put = all(q in asked for q in result.unanswered_screening)
        if not pending or screening_put or URGENCY[result.disposition] >= URGENCY[Disposition.urgent]:
            return len(asked), len(asked), result
        for fid in pending[:BATCH]:
            asked.append(fid)
            if (value := answer(fid)) is not None:
                answers[fid] = value


def engine_all(evaluate: Evaluate, answer: Callable[[str], Any], kb: KnowledgeBase) -> tuple[int, int, Assessment]:
    """The terminal's policy before the shared conversation: the engine's list one at a time until it
    is empty (an emergency ends it)."""
    answers: dict[str, Any] = {}
    asked: list[str] = []
    while True:
        result = evaluate(answers)
        pending = [q for q in result.next_questions if q not in asked and q not in answers]
        if not pending or result.disposition == Disposition.emergency:
            return len(asked), len(asked), result
        asked.append(pending[0])
        if (value := answer(pending[0])) is not None:
            answers[pending[0]] = value


def shared_conversation(
    evaluate: Evaluate, answer: Callable[[str], Any], kb: KnowledgeBase, size: int | None = None
) -> tuple[int, int, Assessment]:
    """The shared conversation of ``backcare.core.conversation``, as the terminal puts it: one prompt at a
    time (a question, or a checklist of safety questions or of the plan's cautions, counted once),
    until the result is final. The single items answered inside them are counted apart. With
    ``size``, as the web wizard puts it: a safety checklist alone, else up to ``size`` questions a page.
    """
    from backcare.core.conversation import next_page, next_prompt, next_turn

    answers: dict[str, Any] = {}
    asked: list[str] = []
    singly: list[str] = []
    prompts = items = 0
    while True:
        turn = next_turn(answers, asked, evaluate, kb, limit=PAGE, singly=singly)
        prompt = next_prompt(turn, kb) if size is None else next_page(turn, kb, size)
        if prompt is None:
            return prompts, items, turn.result
        prompts += 1
        items += len(prompt.ids)
        values = {fid: answer(fid) for fid in prompt.ids}
        if prompt.checklist and (size is None or prompt.safety):
            _reply(prompt, values, answers, asked, singly)
            continue
        asked.extend(prompt.ids)
        answers.update({fid: value for fid, value in values.items() if value is not None})


def _reply(prompt: Any, values: dict[str, Any], answers: dict[str, Any], asked: list[str], singly: list[str]) -> None:
    """A checklist answered from the case: ticks where it says yes, "none" when all no, else "not sure"."""
    from backcare.core.conversation import checklist_reply

    ticked = [fid for fid, v in values.items() if v not in (None, False)]
    none = not ticked and all(v is False for v in values.values())
    reply = checklist_reply(prompt, ticked, none=none, unsure=any(v is None for v in values.values()))
    answers.update({fid: values[fid] if values[fid] is not None else v for fid, v in reply.answers.items()})
    asked.extend(reply.asked)
    singly.extend(reply.singly)


def shared_conversation_web(
    evaluate: Evaluate, answer: Callable[[str], Any], kb: KnowledgeBase
) -> tuple[int, int, Assessment]:
    """The same conversation as the web wizard puts it: a safety checklist on its own page, other
    questions up to five a page. Reported as pages (in the questions rows) and the questions on them
    (in the single-item row)."""
    return shared_conversation(evaluate, answer, kb, size=BATCH)


POLICIES = {
    "conversation": shared_conversation,
    "conversation-web": shared_conversation_web,
    "engine-order": engine_order,
    "engine-all": engine_all,
}


class FoldWords(HTMLParser):
    """Words inside ``<main>`` that show before anything is unfolded (a closed details shows its summary)."""

    def __init__(self) -> None:
        super().__init__()
        self.words = 0
        self.main = 0
        self.stack: list[str] = []
        self.hidden_depth: int | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        if tag == "main":
            self.main += 1
        if tag in {"input", "br", "img", "meta", "link", "hr", "source", "wbr"}:
            return
        self.stack.append(tag)
        hidden = tag in {"script", "style", "template"} or "hidden" in names
        if tag == "details" and "open" not in names:
            hidden = False
            self.stack[-1] = "details-closed"
        if hidden and self.hidden_depth is None:
            self.hidden_depth = len(self.stack)

    def handle_endtag(self, tag: str) -> None:
        if tag == "main":
            self.main -= 1
        if not self.stack:
            return
        depth = len(self.stack)
        self.stack.pop()
        if self.hidden_depth is not None and depth <= self.hidden_depth:
            self.hidden_depth = None

    def handle_data(self, data: str) -> None:
        if self.main <= 0 or self.hidden_depth is not None:
            return
        closed = [n for n, tag in enumerate(self.stack) if tag == "details-closed"]
        if closed and (len(self.stack) == closed[-1] + 1 or self.stack[closed[-1] + 1] != "summary"):
            return
        self.words += len(data.split())


def words_before_fold(html: str) -> int:
    parser = FoldWords()
    parser.feed(html)
    return parser.words


def page_words(runs: list[Run]) -> list[Run]:
    """Each final result saved and rendered by the web app in-process (local mode, a fresh database)."""
    warnings.filterwarnings("ignore")
    from starlette.testclient import TestClient

    from backcare.entrypoints.web.app import create_app
    from backcare.entrypoints.web.settings import Settings

    out: list[Run] = []
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(Settings(database_url=f"sqlite:///{tmp}/bench.db", warm_up=False))
        with TestClient(app, base_url="http://127.0.0.1:8000", client=("127.0.0.1", 50000)) as client:
            for run in runs:
                body = {"text": run.case.text, "answers": _answers_of(run.final), "today": str(run.case.today or TODAY)}
                saved = client.post("/api/v1/assessments", json=body)
                assert saved.status_code == 201, saved.text[:300]
                page = client.get(f"/assessments/{saved.json()['id']}")
                out.append(Run(run.case, run.asked, run.items, run.first, run.final, words_before_fold(page.text)))
    return out


def _answers_of(result: Assessment) -> dict[str, Any]:
    return {f.id: f.value for f in result.findings if f.source == "answers"}


def percentile(values: list[int], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    rank = share * (len(ordered) - 1)
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def table(runs: list[Run], policy: str) -> str:
    asked = [r.asked for r in runs]
    items = [r.items for r in runs]
    web = policy == "conversation-web"
    noun = "pages" if web else "questions"
    once = "questions (a checklist, of safety questions or of the plan's cautions, counts once)"
    unit = "pages (a safety checklist, or up to five questions)" if web else once
    targets = ("", "") if web else ("<= 12", "<= 20")
    emergencies = [r for r in runs if r.final.disposition == Disposition.emergency]
    at_once = [r for r in emergencies if r.asked == 0]
    allowed = [r for r in runs if r.final.disposition in r.case.expect.allowed]
    under = [r for r in runs if URGENCY[r.final.disposition] < r.case.expect.least_urgent]
    lines = [
        f"conversation policy: {policy}; {len(runs)} development vignettes with text",
        "",
        "| measure | value | target |",
        "|---|---|---|",
        f"| {unit} | | |",
        f"| {noun} before the final result, median | {statistics.median(asked):.1f} | {targets[0]} |",
        f"| {noun} before the final result, 90th percentile | {percentile(asked, 0.9):.1f} | {targets[1]} |",
        f"| {noun}, max | {max(asked)} | |",
        f"| single items answered inside them, median / 90th percentile | {statistics.median(items):.1f} / "
        f"{percentile(items, 0.9):.1f} | |",
        f"| emergencies shown right after the first step | {len(at_once)}/{len(emergencies)} | all |",
        f"| final result one the case allows | {len(allowed)}/{len(runs)} | |",
        f"| final result less urgent than the case allows | {len(under)} | |",
    ]
    return "\n".join(lines)


def words_table(runs: list[Run]) -> str:
    lines = ["", "| result page of the final result | words before the fold: median / max | target |", "|---|---|---|"]
    for disposition in Disposition:
        words = [r.words for r in runs if r.words is not None and r.final.disposition == disposition]
        target = "<= 600" if disposition in {Disposition.self_care, Disposition.soon} else ""
        if words:
            middle = f"{statistics.median(words):.0f} / {max(words)}"
            lines.append(f"| {disposition.value} (n={len(words)}) | {middle} | {target} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--policy", choices=sorted(POLICIES), default="conversation")
    parser.add_argument("--limit", type=int, default=0, help="only the first N cases")
    parser.add_argument("--no-pages", action="store_true", help="skip rendering the result pages")
    args = parser.parse_args(argv)
    kb = load_knowledge()
    policy = POLICIES[args.policy]
    runs: list[Run] = []
    for case in cases()[: args.limit or None]:
        evaluate = evaluator(case, kb)
        first = evaluate({})
        asked, items, final = policy(evaluate, oracle(case, first, kb), kb)
        runs.append(Run(case, asked, items, first, final))
    print(table(runs, args.policy), flush=True)
    if not args.no_pages:
        print(words_table(page_words(runs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
