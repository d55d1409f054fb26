"""The knowledge base: reviewed YAML data files, validated into typed models at load time.

``load_knowledge()`` reads every file in ``knowledge/data`` (or another folder, for tests and for
clinicians trying an edit), validates each entry with its model from ``schema``, parses every rule
expression against the findings catalogue and checks every cross-reference. Any problem raises
``KnowledgeError`` naming the file, the line, the entry and the reason.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from backcare.core.rules import FindingKind, Rule, RuleError, Truth, Value, compile_rules, parse_rule
from backcare.knowledge.schema import (
    URGENCY,
    AdviceDef,
    ContributorDef,
    Disposition,
    Entry,
    ExerciseDef,
    FindingDef,
    InstrumentDef,
    MedicineDef,
    RedFlagDef,
    SeedClaimDef,
    SourceDef,
    Support,
    Trigger,
)

if TYPE_CHECKING:
    from backcare.core.models import Finding  # the core's models import this package's schema

DATA_DIR = Path(__file__).parent / "data"
E = TypeVar("E", bound=Entry)
#: Patterns of undecided triggers whose unanswered questions are kept (``askers_at_stake``): a few
#: kilobytes each.
STAKE_CACHE_SIZE = 512


class KnowledgeError(ValueError):
    """A data file that does not validate; the message names file, line, entry and reason."""


class FlagTrigger(NamedTuple):
    """One trigger of a red flag with what triage needs at hand: its rule, urgency and askable findings."""

    trigger: Trigger
    rule: Rule
    urgency: int
    askable: frozenset[str]


@dataclass(frozen=True)
class KnowledgeBase:
    """Everything the pure core needs, indexed by id. Built only by ``load_knowledge``."""

    sources: dict[str, SourceDef]
    findings: dict[str, FindingDef]
    red_flags: dict[str, RedFlagDef]
    contributors: dict[str, ContributorDef]
    medicines: dict[str, MedicineDef]
    advice: dict[str, AdviceDef]
    exercises: dict[str, ExerciseDef]
    seed_claims: dict[str, SeedClaimDef]
    instruments: dict[str, InstrumentDef]
    version: str
    rules: dict[str, Rule] = field(repr=False)
    # Indexes worked out once from the entries above, because every assessment needs them.
    order: dict[str, int] = field(init=False, repr=False, compare=False)
    """Each finding's place in the catalogue: questions and findings are listed in this order."""
    screening_candidates: tuple[tuple[str, Rule | None], ...] = field(init=False, repr=False, compare=False)
    """Findings asked of everyone (rule None) or while their ``screening_when`` rule holds, in order."""
    plan_questions: tuple[str, ...] = field(init=False, repr=False, compare=False)
    """Askable findings that shape the plan (``plan_relevant``), in catalogue order."""
    asked_when: dict[str, Rule | None] = field(init=False, repr=False, compare=False)
    """Each finding a person can be asked, with the rule that says when it applies (None: always)."""
    triggers: tuple[tuple[RedFlagDef, FlagTrigger], ...] = field(init=False, repr=False, compare=False)
    """Every red flag's triggers, parsed, flag after flag in catalogue order: what triage walks through."""

    def __post_init__(self) -> None:
        # A frozen dataclass sets its derived fields through object.__setattr__.
        findings = self.findings
        # for each rule, the findings in it a person can be asked (not computed by the engine)
        askable = {
            text: frozenset(fid for fid in rule.findings if not findings[fid].computed)
            for text, rule in self.rules.items()
        }
        indexes = {
            "order": {fid: n for n, fid in enumerate(findings)},
            "screening_candidates": tuple(
                (fid, None if f.screening else self.rules[str(f.screening_when)])
                for fid, f in findings.items()
                if not f.computed and (f.screening or f.screening_when)
            ),
            "plan_questions": tuple(fid for fid, f in findings.items() if f.plan_relevant and not f.computed),
            "asked_when": {
                fid: None if f.applies_when is None else self.rules[f.applies_when]
                for fid, f in findings.items()
                if not f.computed
            },
            "triggers": tuple(
                (flag, FlagTrigger(t, self.rules[t.when], URGENCY[t.disposition], askable[t.when]))
                for flag in self.red_flags.values()
                for t in flag.triggers
            ),
        }
        for name, value in indexes.items():
            object.__setattr__(self, name, value)

    @cached_property
    def trigger_truths(self) -> Callable[[Mapping[str, Value]], tuple[Truth, ...]]:
        """Every trigger's truth for these facts, in ``triggers`` order, from one compiled function
        (compiled on first use: loading stays quick for commands that never assess)."""
        return compile_rules([candidate.rule for _, candidate in self.triggers])

    @cached_property
    def askers_at_stake(self) -> Callable[[tuple[Truth, ...], int], tuple[tuple[str, Disposition], ...]]:
        """For triage's unanswered questions: given every trigger's truth and the urgency reached, each
        finding an undecided trigger of higher urgency asks about, with the most urgent disposition it
        could give, most urgent first, in catalogue order within one. Kept for the last
        ``STAKE_CACHE_SIZE`` patterns: many assessments leave the same questions unanswered."""
        by_urgency = {urgency: disposition for disposition, urgency in URGENCY.items()}

        @lru_cache(maxsize=STAKE_CACHE_SIZE)
        def at_stake(truths: tuple[Truth, ...], floor: int) -> tuple[tuple[str, Disposition], ...]:
            highest: dict[str, int] = {}
            for truth, (_, candidate) in zip(truths, self.triggers, strict=True):
                if truth is None and candidate.urgency > floor:
                    for fid in candidate.askable:
                        highest[fid] = max(highest.get(fid, floor), candidate.urgency)
            ranked = sorted(highest.items(), key=lambda item: (-item[1], self.order[item[0]]))
            return tuple((fid, by_urgency[urgency]) for fid, urgency in ranked)

        return at_stake

    @cached_property
    def yes_no_answers(self) -> dict[bool, dict[str, Finding]]:
        """Each askable yes/no finding answered yes (``True``) and no (``False``), made once: most
        structured answers are one of these."""
        from backcare.core.models import yes_no_finding

        askable = [fid for fid, f in self.findings.items() if f.type == "bool" and not f.computed]
        return {
            yes: {fid: yes_no_finding(fid, "present" if yes else "absent") for fid in askable} for yes in (True, False)
        }

    @cached_property
    def checked_answers(self) -> dict[tuple[str, int | str], Finding]:
        """Valid numbers and choices answered before, by (id, value), kept by ``parse_answers``."""
        return {}

    @cached_property
    def medicine_findings(self) -> dict[tuple[str, ...], tuple[Finding, ...]]:
        """The findings of each list of recognised medicines, kept (bounded) by ``derived_findings``."""
        return {}

    @cached_property
    def yes_no(self) -> frozenset[str]:
        """The ids of the yes/no findings: their fact is a truth, the others' a value."""
        return frozenset(fid for fid, f in self.findings.items() if f.type == "bool")

    @cached_property
    def asked_groups(self) -> tuple[tuple[Rule | None, frozenset[str]], ...]:
        """The findings a person can be asked, grouped by the rule that says when (None: always)."""
        groups: dict[Rule | None, set[str]] = {}
        for fid, rule in self.asked_when.items():
            groups.setdefault(rule, set()).add(fid)
        return tuple((rule, frozenset(fids)) for rule, fids in groups.items())

    @cached_property
    def supports(self) -> tuple[tuple[ContributorDef, Support], ...]:
        """Every contributor's supports, one after the other, in catalogue order."""
        return tuple((c, support) for c in self.contributors.values() for support in c.supports)

    @cached_property
    def support_truths(self) -> Callable[[Mapping[str, Value]], tuple[Truth, ...]]:
        """Every support's truth for these facts, in ``supports`` order, from one compiled function."""
        return compile_rules([self.rules[support.when] for _, support in self.supports])

    def rule(self, text: str) -> Rule:
        """The parsed form of a rule that appears in the data (all are parsed at load)."""
        return self.rules[text]

    def citations(self, source_ids: Iterable[str]) -> list[str]:
        return [self.sources[s].label for s in source_ids]

    def readable(self, label: str) -> str:
        """A citation as people read it, also for results saved when seeds were cited by file name."""
        return self._former_labels.get(label, label)

    @cached_property
    def _former_labels(self) -> dict[str, str]:
        return {s.former_label: s.citation for s in self.sources.values() if s.former_label != s.citation}

    def counts(self) -> dict[str, int]:
        return {
            "sources": len(self.sources),
            "findings": len(self.findings),
            "screening questions": sum(f.screening for f in self.findings.values()),
            "red flags": len(self.red_flags),
            "contributors": len(self.contributors),
            "medicines": len(self.medicines),
            "medicines listing cramps": sum(m.lists_cramps for m in self.medicines.values()),
            "advice items": len(self.advice),
            "exercises": len(self.exercises),
            "seed claims": len(self.seed_claims),
        }


SafeYamlLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's loader where PyYAML was built with it (about 7x faster on the knowledge base), else
Python's; every packaged YAML file (knowledge, vocabulary, context rules) loads with it."""


class _LineLoader(SafeYamlLoader):  # type: ignore[valid-type,misc]
    """A YAML loader that remembers the line each mapping starts on, for error messages."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    mapping: dict[Any, Any] = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _strip_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k != "__line__"}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value


def _read_entries(folder: Path, name: str, model: type[E]) -> dict[str, tuple[E, int]]:
    path = folder / name
    where = f"knowledge/data/{name}" if folder == DATA_DIR else str(path)
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except FileNotFoundError:
        raise KnowledgeError(f"{where}: file missing") from None
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{where}: not valid YAML: {exc}") from None
    if not isinstance(raw, list):
        raise KnowledgeError(f"{where}: must be a list of entries")
    out: dict[str, tuple[E, int]] = {}
    for item in raw:
        line = item.get("__line__", 0) if isinstance(item, dict) else 0
        label = item.get("id", "?") if isinstance(item, dict) else "?"
        try:
            entry = model.model_validate(_strip_lines(item))
        except ValidationError as exc:
            reasons = "; ".join(
                f"{'.'.join(str(p) for p in err['loc']) or 'entry'}: {err['msg']}" for err in exc.errors()
            )
            raise KnowledgeError(f"{where}:{line}: entry {label!r}: {reasons}") from None
        if entry.id in out:
            raise KnowledgeError(f"{where}:{line}: entry {entry.id!r}: duplicate id")
        out[entry.id] = (entry, line)
    return out


def _fingerprint(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.yaml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def load_knowledge(folder: Path | None = None) -> KnowledgeBase:
    """Load and validate the knowledge base; cached for the packaged data."""
    return _load_cached(folder or DATA_DIR)


@cache
def _load_cached(folder: Path) -> KnowledgeBase:
    files: dict[str, tuple[str, type[BaseModel]]] = {
        "sources": ("sources.yaml", SourceDef),
        "findings": ("findings.yaml", FindingDef),
        "red_flags": ("red_flags.yaml", RedFlagDef),
        "contributors": ("contributors.yaml", ContributorDef),
        "medicines": ("medicines.yaml", MedicineDef),
        "advice": ("advice.yaml", AdviceDef),
        "exercises": ("exercises.yaml", ExerciseDef),
        "seed_claims": ("seed_audit.yaml", SeedClaimDef),
        "instruments": ("instruments.yaml", InstrumentDef),
    }
    loaded = {key: _read_entries(folder, name, model) for key, (name, model) in files.items()}  # type: ignore[type-var]
    kinds = {
        fid: FindingKind(type=f.type, values=tuple(f.values))
        for fid, (f, _) in loaded["findings"].items()
        if isinstance(f, FindingDef)
    }
    rules: dict[str, Rule] = {}
    sources = loaded["sources"]

    for key, entries in loaded.items():
        name = files[key][0]
        for entry_id, (entry, line) in entries.items():
            where = f"knowledge/data/{name}:{line}: entry {entry_id!r}"
            for text in _rule_texts(entry):
                try:
                    rules.setdefault(text, parse_rule(text, kinds))
                except RuleError as exc:
                    raise KnowledgeError(f"{where}: {exc}") from None
            for ref in _source_refs(entry):
                if ref not in sources:
                    raise KnowledgeError(f"{where}: unknown source {ref!r}")
            _check_references(entry, loaded, where)

    def plain(key: str) -> dict[str, Any]:
        return {str(k): v for k, (v, _) in loaded[key].items()}

    return KnowledgeBase(
        sources=plain("sources"),
        findings=plain("findings"),
        red_flags=plain("red_flags"),
        contributors=plain("contributors"),
        medicines=plain("medicines"),
        advice=plain("advice"),
        exercises=plain("exercises"),
        seed_claims=plain("seed_claims"),
        instruments=plain("instruments"),
        version=f"{_package_version()}+kb.{_fingerprint(folder)}",
        rules=rules,
    )


def _package_version() -> str:
    from backcare import __version__

    return __version__


def _rule_texts(entry: BaseModel) -> list[str]:
    texts: list[str] = []
    if isinstance(entry, FindingDef):
        texts += [rule for rule in (entry.applies_when, entry.screening_when) if rule]
    if isinstance(entry, RedFlagDef):
        texts += [t.when for t in entry.triggers]
    if isinstance(entry, ContributorDef):
        texts += [s.when for s in entry.supports]
    if isinstance(entry, AdviceDef):
        texts += [t for t in (entry.when, entry.exclude_when, entry.caution_when) if t]
    if isinstance(entry, ExerciseDef) and entry.contraindicated_when:
        texts.append(entry.contraindicated_when)
    return texts


def _source_refs(entry: BaseModel) -> list[str]:
    refs: list[str] = list(getattr(entry, "sources", []))
    if isinstance(entry, SeedClaimDef):
        refs += [entry.seed, *entry.evidence]
    return refs


def _check_references(entry: BaseModel, loaded: Mapping[str, Mapping[str, Any]], where: str) -> None:
    if isinstance(entry, FindingDef) and entry.stable_instead:
        other = loaded["findings"].get(entry.stable_instead)
        if other is None or other[0].type != "bool" or entry.type != "bool":
            raise KnowledgeError(
                f"{where}: stable_instead must name another yes/no finding, not {entry.stable_instead!r}"
            )
    if isinstance(entry, ExerciseDef) and entry.alternative and entry.alternative not in loaded["exercises"]:
        raise KnowledgeError(f"{where}: unknown alternative exercise {entry.alternative!r}")
    if isinstance(entry, InstrumentDef):
        for item in entry.items:
            if item.finding and item.finding not in loaded["findings"]:
                raise KnowledgeError(f"{where}: item {item.number} names unknown finding {item.finding!r}")
    if isinstance(entry, MedicineDef) and entry.contains:
        from backcare.core.medicines import check_medicine_table

        parts = {pid: loaded["medicines"][pid][0] for pid in entry.contains if pid in loaded["medicines"]}
        problems = [p for p in check_medicine_table({**parts, entry.id: entry}) if p.startswith(f"{entry.id}:")]
        if problems:
            raise KnowledgeError(f"{where}: {problems[0]}")
    if isinstance(entry, SeedClaimDef):
        seed = loaded["sources"][entry.seed][0]
        if seed.kind != "seed":
            raise KnowledgeError(f"{where}: {entry.seed!r} is not a seed article")
        known = {
            k
            for key in ("red_flags", "contributors", "advice", "exercises", "findings", "medicines")
            for k in loaded[key]
        }
        for used in entry.used_by:
            if used not in known:
                raise KnowledgeError(f"{where}: used_by names unknown entry {used!r}")
