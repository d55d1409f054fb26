"""The lay vocabulary (``vocabulary.yaml``) as validated data.

Every entry names finding ids from the catalogue; ``load_vocabulary`` checks them (and every
pattern, macro and word map) so that a typo in the data file fails loudly at start-up, naming the
entry, instead of silently never matching.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from backcare.language.patterns import PatternError, compile_regex, pattern_words

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


class Target(_Model):
    """One group of patterns that read the same findings the same way."""

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
    keeps_cues: list[Literal["HYPOTHETICAL", "FAMILY", "HISTORICAL"]] = Field(default_factory=list)
    words: dict[str, list[str]] = Field(default_factory=dict)
    patterns: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def _one_way_to_name(self) -> Target:
        if bool(self.finding) == bool(self.findings):
            raise ValueError("give exactly one of `finding` or `findings`")
        return self

    @property
    def ids(self) -> list[str]:
        return [self.finding] if self.finding else list(self.findings)


class ScopeEntry(_Model):
    """Mentions of the back (or flank, or a spasm); ``region`` also reads pain_region.

    ``back_pain: false`` entries (sciatica felt in the leg) put a text in scope without saying
    the back itself hurts."""

    region: Region | None = None
    ignore: bool = False
    back_pain: bool = True
    patterns: list[str] = Field(min_length=1)


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
    ignore: list[str] = Field(default_factory=list)
    paracetamol_products: list[str] = Field(default_factory=list)

    def keywords(self) -> set[str]:
        """Every plain word the patterns use: what a misspelt word may be corrected to."""
        words: set[str] = set()
        every = [p for t in self.targets for p in t.patterns] + [p for s in self.scope for p in s.patterns]
        for pattern in every + list(self.paracetamol_products) + list(self.macros.values()):
            words |= pattern_words(pattern, self.macros)
        words |= set(self.normalise.values())
        return {w for w in words if w.isalpha()}


def _where(index: int, target: Target) -> str:
    return f"vocabulary.yaml: targets[{index}] ({', '.join(target.ids)})"


def validate_against(vocabulary: Vocabulary, catalogue: Mapping[str, object]) -> None:
    """Check every finding id against the catalogue; raise VocabularyError naming the entry."""
    from backcare.knowledge.schema import FindingDef

    def kind(fid: str) -> str | None:
        definition = catalogue.get(fid)
        return definition.type if isinstance(definition, FindingDef) else None

    for i, target in enumerate(vocabulary.targets):
        named = [
            *target.ids,
            *target.negated_also,
            *(f for ids in target.words.values() for f in ids),
            *(target.if_longstanding or []),
            *target.overrides,
            *target.absent_also,
            *target.otherwise,
        ]
        named += [fid for fid in (target.requires, target.unless) if fid]
        for fid in named:
            if fid not in catalogue:
                raise VocabularyError(f"{_where(i, target)}: unknown finding id {fid!r}")
        if target.otherwise and not target.unless:
            raise VocabularyError(f"{_where(i, target)}: `otherwise` needs `unless`")
        for fid in [*target.ids, *(target.if_longstanding or []), *target.otherwise]:
            definition = catalogue[fid]
            if target.value is not None:
                values = getattr(definition, "values", [])
                if target.value not in values:
                    raise VocabularyError(f"{_where(i, target)}: {target.value!r} is not a value of {fid!r}")
            elif kind(fid) != "bool":
                raise VocabularyError(f"{_where(i, target)}: {fid!r} is not a yes/no finding; give a value")
    for group in (vocabulary.history.ever, vocabulary.history.recent):
        for fid in group:
            if fid not in catalogue:
                raise VocabularyError(f"vocabulary.yaml: history: unknown finding id {fid!r}")
    for fid in VALUE_FINDINGS:
        if fid not in catalogue:
            raise VocabularyError(f"backcare.language reads {fid!r}, which the catalogue lacks")


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


def parse_vocabulary(text: str, where: str = "vocabulary.yaml") -> Vocabulary:
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise VocabularyError(f"{where}: not valid YAML: {exc}") from None
    try:
        return Vocabulary.model_validate(raw)
    except ValidationError as exc:
        reasons = "; ".join(f"{'.'.join(str(p) for p in err['loc']) or 'file'}: {err['msg']}" for err in exc.errors())
        raise VocabularyError(f"{where}: {reasons}") from None


@cache
def load_vocabulary(path: Path = VOCABULARY_FILE) -> Vocabulary:
    """The packaged vocabulary (cached). Catalogue checks happen in ``validate_against``."""
    return parse_vocabulary(path.read_text(encoding="utf-8"), where=path.name)
