"""The lay vocabulary (``vocabulary.yaml``) as validated data.

Every entry names finding ids from the catalogue; ``load_vocabulary`` checks them (and every
pattern, macro and word map) so that a typo in the data file fails loudly at start-up, naming the
entry, instead of silently never matching.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, StrictStr, ValidationError, model_validator

from backcare.adapters.language.patterns import PatternError, compile_regex, pattern_words
from backcare.knowledge import SafeYamlLoader

VOCABULARY_FILE = Path(__file__).parent / "vocabulary.yaml"

Status = Literal["present", "absent", "possible"]
Region = Literal["lower", "middle", "upper"]

#: Findings read by ``numbers`` (values) rather than by vocabulary targets; listed so that the
#: catalogue check knows they are covered.
VALUE_FINDINGS = frozenset(
    {"age", "sex", "pregnancy_weeks", "days_since_onset", "pain_score", "pain_region", "episodes_past_year",
     "medications", "onset_before_45"}
)  # fmt: skip


class VocabularyError(ValueError):
    """The vocabulary file is invalid; the message names the entry and the reason."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Examples(_Model):
    """Sentences beside a rule, run as tests: ``fires`` must be read by it, ``silent`` must not."""

    fires: list[StrictStr] = Field(min_length=2)
    silent: list[StrictStr] = Field(min_length=1)


class Target(_Model):
    """One group of patterns that read the same findings the same way."""

    id: str | None = None
    finding: str | None = None
    findings: list[str] = Field(default_factory=list)
    status: Status = "present"
    value: str | None = None
    negated_also: list[str] = Field(default_factory=list)
    only_negated: bool = False
    requires: str | None = None
    unless: str | None = None
    otherwise: list[str] = Field(default_factory=list)
    if_longstanding: list[str] | None = None
    overrides: list[str] = Field(default_factory=list)
    absent_also: list[str] = Field(default_factory=list)
    timed: bool = False
    #: The match tells a named side joining ("the right leg too"): it counts only when the text names
    #: the other side as well, or no side but its own (``targets.same_side_only``).
    joins_other_side: bool = False
    #: Findings the sentence model's reading of is asked back, not taken, when this matches: a fall
    #: told as small ("wasn't a big fall") explains the fall, so a faint read from it needs asking.
    disputes: list[str] = Field(default_factory=list)
    keeps_cues: list[Literal["HYPOTHETICAL", "FAMILY", "HISTORICAL"]] = Field(default_factory=list)
    #: A denial stated as a measure ("well under the daily maximum"): the sentence model reading the
    #: same finding as the person's own does not reopen it (``backcare.adapters.learned.merge``).
    settles: bool = False
    words: dict[str, list[str]] = Field(default_factory=dict)
    patterns: list[str] = Field(min_length=1)
    examples: Examples | None = None

    @model_validator(mode="after")
    def _one_way_to_name(self) -> Target:
        if bool(self.finding) == bool(self.findings):
            raise ValueError("give exactly one of `finding` or `findings`")
        if self.settles and self.status != "absent":
            raise ValueError("only a denial (`status: absent`) can settle a finding")
        return self

    @property
    def ids(self) -> list[str]:
        return [self.finding] if self.finding else list(self.findings)

    @property
    def all_finding_ids(self) -> list[str]:
        """Every finding id the entry can read or supersede (``requires``/``unless`` aside): the
        catalogue must hold them all, and two matches that share one are rival readings."""
        return [
            *self.ids,
            *self.negated_also,
            *(f for ids in self.words.values() for f in ids),
            *(self.if_longstanding or []),
            *self.overrides,
            *self.absent_also,
            *self.otherwise,
        ]


class ScopeEntry(_Model):
    """Mentions of the back (or flank, or a spasm); ``region`` also reads pain_region.

    ``back_pain: false`` entries (sciatica felt in the leg) put a text in scope without saying
    the back itself hurts."""

    id: str | None = None
    region: Region | None = None
    ignore: bool = False
    back_pain: bool = True
    patterns: list[str] = Field(min_length=1)
    examples: Examples | None = None


class Idiom(_Model):
    """A look-alike that names a finding it is not ("collapsed on the sofa"), with the findings
    it is mistaken for: the merge asks those back rather than take the sentence model's reading."""

    pattern: str
    hides: list[str] = Field(min_length=1)


class History(_Model):
    ever: list[str] = Field(default_factory=list)
    recent: list[str] = Field(default_factory=list)


class Vocabulary(_Model):
    version: int
    normalise: dict[str, str] = Field(default_factory=dict)
    macros: dict[str, str] = Field(default_factory=dict)
    history: History = History()
    scope: list[ScopeEntry] = Field(min_length=1)
    targets: list[Target] = Field(min_length=1)
    ignore: list[str | Idiom] = Field(default_factory=list)
    paracetamol_products: list[str] = Field(default_factory=list)
    #: Products whose tablet holds more paracetamol than the usual 500 mg, by name, in mg.
    paracetamol_strengths: dict[str, Annotated[int, Field(gt=500, le=1000)]] = Field(default_factory=dict)
    _lines: dict[tuple[str, int], int] = PrivateAttr(default_factory=dict)

    def keywords(self) -> set[str]:
        """Every plain word the patterns use: what a misspelt word may be corrected to."""
        words: set[str] = set()
        every = [p for t in self.targets for p in t.patterns] + [p for s in self.scope for p in s.patterns]
        for pattern in every + list(self.paracetamol_products) + list(self.macros.values()):
            words |= pattern_words(pattern, self.macros)
        words |= set(self.normalise.values())
        return {w for w in words if w.isalpha()}


#: A rule id: lower-case words joined by dots, the first its main finding ("saddle_numbness.wiping").
RULE_ID = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+")


def where(vocabulary: Vocabulary, section: str, index: int) -> str:
    """File, line and entry of ``vocabulary.<section>[index]``, for error messages."""
    entry: Target | ScopeEntry = (vocabulary.targets if section == "targets" else vocabulary.scope)[index]
    line = vocabulary._lines.get((section, index))
    named = entry.id or (", ".join(entry.ids) if isinstance(entry, Target) else "")
    return f"vocabulary.yaml{f':{line}' if line else ''}: {section}[{index}]{f' ({named})' if named else ''}"


def _where(vocabulary: Vocabulary, index: int) -> str:
    return where(vocabulary, "targets", index)


def check_rules(vocabulary: Vocabulary, complete: bool = True) -> None:
    """Every rule's id (format, main finding first, unique) and examples (sentences, none twice).

    ``complete``: every entry must have both (the packaged file); otherwise only those given are
    checked (a small test vocabulary)."""
    seen: dict[str, str] = {}
    entries: list[tuple[str, int, Target | ScopeEntry]] = [("targets", i, t) for i, t in enumerate(vocabulary.targets)]
    entries += [("scope", i, e) for i, e in enumerate(vocabulary.scope)]
    for section, i, entry in entries:
        here = where(vocabulary, section, i)
        if entry.id is None or entry.examples is None:
            if complete:
                raise VocabularyError(f"{here}: every rule needs an `id` and `examples` (fires, silent)")
            continue
        prefix = f"{entry.ids[0]}." if isinstance(entry, Target) else "scope."
        if not RULE_ID.fullmatch(entry.id) or not entry.id.startswith(prefix):
            raise VocabularyError(f"{here}: id {entry.id!r} must be lower-case words joined by dots after {prefix!r}")
        if entry.id in seen:
            raise VocabularyError(f"{here}: id {entry.id!r} is already used by {seen[entry.id]}")
        seen[entry.id] = f"{section}[{i}]"
        sentences = [*entry.examples.fires, *entry.examples.silent]
        for text in sentences:
            if not text.strip():
                raise VocabularyError(f"{here}: an example is empty")
            if sentences.count(text) > 1:
                raise VocabularyError(f"{here}: the example {text!r} is given twice")


def validate_against(vocabulary: Vocabulary, catalogue: Mapping[str, object]) -> None:
    """Check every finding id against the catalogue; raise VocabularyError naming the entry."""
    from backcare.knowledge.schema import FindingDef

    def kind(fid: str) -> str | None:
        definition = catalogue.get(fid)
        return definition.type if isinstance(definition, FindingDef) else None

    for i, target in enumerate(vocabulary.targets):
        named = [*target.all_finding_ids, *target.disputes, *(fid for fid in (target.requires, target.unless) if fid)]
        for fid in named:
            if fid not in catalogue:
                raise VocabularyError(f"{_where(vocabulary, i)}: unknown finding id {fid!r}")
        if target.otherwise and not target.unless:
            raise VocabularyError(f"{_where(vocabulary, i)}: `otherwise` needs `unless`")
        for fid in [*target.ids, *(target.if_longstanding or []), *target.otherwise]:
            definition = catalogue[fid]
            if target.value is not None:
                values = getattr(definition, "values", [])
                if target.value not in values:
                    raise VocabularyError(f"{_where(vocabulary, i)}: {target.value!r} is not a value of {fid!r}")
            elif kind(fid) != "bool":
                raise VocabularyError(f"{_where(vocabulary, i)}: {fid!r} is not a yes/no finding; give a value")
    for idiom in vocabulary.ignore:
        if isinstance(idiom, str):
            continue
        for fid in idiom.hides:
            if fid not in catalogue:
                raise VocabularyError(f"vocabulary.yaml: ignore {idiom.pattern!r}: unknown finding id {fid!r}")
    for group in (vocabulary.history.ever, vocabulary.history.recent):
        for fid in group:
            if fid not in catalogue:
                raise VocabularyError(f"vocabulary.yaml: history: unknown finding id {fid!r}")
    for fid in VALUE_FINDINGS:
        if fid not in catalogue:
            raise VocabularyError(f"backcare.adapters.language reads {fid!r}, which the catalogue lacks")


def check_patterns(vocabulary: Vocabulary, tokenise: Callable[[str], list[str]]) -> None:
    """Check the macros and word replacements (the pipeline reports a bad target pattern, with
    its entry, when it compiles it)."""
    for name, text in vocabulary.macros.items():
        try:
            compile_regex(text, vocabulary.macros, tokenise)
        except PatternError as exc:
            raise VocabularyError(f"vocabulary.yaml: macro {name}: {exc}") from None
    for word, replacement in vocabulary.normalise.items():
        if " " in word or " " in replacement or not replacement:
            raise VocabularyError(f"vocabulary.yaml: normalise: {word!r} -> {replacement!r} must map one word to one")
    named = {name for p in vocabulary.paracetamol_products for name in p.strip("()").split("|")}
    for name in vocabulary.paracetamol_strengths:
        if name not in named:
            raise VocabularyError(f"vocabulary.yaml: paracetamol_strengths: {name!r} is not a paracetamol product")


def _entry_lines(text: str) -> dict[tuple[str, int], int]:
    """The line each ``targets`` and ``scope`` entry starts on, so that errors can point at it."""
    root = yaml.compose(text, Loader=SafeYamlLoader)
    lines: dict[tuple[str, int], int] = {}
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if key.value in ("targets", "scope") and isinstance(value, yaml.SequenceNode):
                for i, item in enumerate(value.value):
                    lines[(key.value, i)] = item.start_mark.line + 1
    return lines


def _reason(err: Mapping[str, object], raw: object, lines: Mapping[tuple[str, int], int], name: str) -> str:
    """One validation error, with the entry's line and name when it is inside an entry."""
    loc = list(err["loc"])  # type: ignore[call-overload]
    path = ".".join(str(p) for p in loc) or "file"
    if len(loc) > 1 and loc[0] in ("targets", "scope") and isinstance(loc[1], int) and isinstance(raw, dict):
        entries = raw.get(loc[0])
        entry = entries[loc[1]] if isinstance(entries, list) and loc[1] < len(entries) else None
        named = entry.get("id") or entry.get("finding") or entry.get("findings") if isinstance(entry, dict) else None
        line = lines.get((str(loc[0]), loc[1]))
        field = ".".join(str(p) for p in loc[2:]) or "entry"
        entry_name = f"{loc[0]}[{loc[1]}]{f' ({named})' if named else ''}"
        return f"{name}{f':{line}' if line else ''}: {entry_name}: {field}: {err['msg']}"
    return f"{name}: {path}: {err['msg']}"


def parse_vocabulary(text: str, where: str = "vocabulary.yaml", complete: bool = False) -> Vocabulary:
    """Parse and check a vocabulary; ``complete``: every rule must have an id and examples."""
    try:
        raw = yaml.load(text, Loader=SafeYamlLoader)
        lines = _entry_lines(text)
    except yaml.YAMLError as exc:
        raise VocabularyError(f"{where}: not valid YAML: {exc}") from None
    try:
        vocabulary = Vocabulary.model_validate(raw)
    except ValidationError as exc:
        raise VocabularyError("; ".join(_reason(err, raw, lines, where) for err in exc.errors())) from None
    vocabulary._lines = lines
    check_rules(vocabulary, complete)
    return vocabulary


@cache
def load_vocabulary(path: Path = VOCABULARY_FILE) -> Vocabulary:
    """The packaged vocabulary (cached), every rule with its id and examples. Catalogue checks
    happen in ``validate_against``."""
    return parse_vocabulary(path.read_text(encoding="utf-8"), where=path.name, complete=True)
