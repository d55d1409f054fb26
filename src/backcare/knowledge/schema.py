"""Typed models for the knowledge-base data files.

Every YAML file under ``knowledge/data`` is a list of entries checked by one of these models when
the knowledge base loads. Cross-references (rule expressions, source ids, exercise ids) are checked
afterwards by ``knowledge.load``, so a bad edit fails with the file, the entry and the reason.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


class Disposition(StrEnum):
    """How urgently to seek care, most urgent first in ``URGENCY``."""

    emergency = "emergency"
    urgent = "urgent"
    soon = "soon"
    self_care = "self_care"


URGENCY: dict[Disposition, int] = {
    Disposition.self_care: 0,
    Disposition.soon: 1,
    Disposition.urgent: 2,
    Disposition.emergency: 3,
}

Id = str
FindingType = Literal["bool", "int", "enum", "list"]


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Id = Field(pattern=r"^[a-z][a-z0-9_]*$")


class SourceDef(Entry):
    """A citable source: a seed article (by file name), a guideline, a review, a trial or a label."""

    kind: Literal["seed", "guideline", "review", "trial", "paper", "label", "instrument"]
    citation: str = Field(min_length=3)
    file: str | None = None
    url: str | None = None

    @model_validator(mode="after")
    def _seed_has_file(self) -> SourceDef:
        if self.kind == "seed" and not self.file:
            raise ValueError("a seed source needs its file name")
        return self

    @property
    def label(self) -> str:
        """How results cite this source: its readable citation (a seed article's title too)."""
        return self.citation

    @property
    def former_label(self) -> str:
        """How results saved before seeds were cited by title named this one ("seed <file name>")."""
        return f"seed {self.file}" if self.kind == "seed" else self.citation


class FindingDef(Entry):
    """One question of the catalogue (spec section 2)."""

    group: str
    question: str
    type: FindingType
    screening: bool = False
    reassuring: bool = False
    computed: bool = Field(False, description="derived by the engine; never asked nor accepted as input")
    values: list[str] = Field(default_factory=list)
    min: int | None = None
    max: int | None = None
    help: str = ""
    applies_when: str | None = None
    screening_when: str | None = Field(None, description="a rule: while true, the question is screening too")
    plan_relevant: bool = False
    value_labels: dict[str, str] = Field(default_factory=dict)
    stable_instead: str | None = Field(
        None,
        description="the finding this one is instead when told as stable for months or years "
        "(the both-legs findings mean new or worsening: a known stenosis is longstanding_leg_symptoms)",
    )
    checklist: str | None = Field(
        None,
        min_length=3,
        description="safety questions sharing this title are asked together: 'Do you have any of these?'",
    )

    @model_validator(mode="after")
    def _type_details(self) -> FindingDef:
        if self.checklist is not None and (self.type != "bool" or not (self.screening or self.screening_when)):
            raise ValueError("only a yes/no safety question (screening or screening_when) joins a checklist")
        if self.type == "enum" and not self.values:
            raise ValueError("an enum finding needs its values")
        if self.type != "enum" and self.values:
            raise ValueError("only enum findings take values")
        if self.type == "int" and (self.min is None or self.max is None):
            raise ValueError("an int finding needs min and max")
        return self


class Trigger(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    when: str
    disposition: Disposition
    action: str | None = Field(None, description="this trigger's own action, where it differs from the flag's")


class RedFlagDef(Entry):
    """A warning sign (spec section 3): triggers as rule expressions, the disposition each gives."""

    name: str
    explanation: str
    action: str
    watch_for: str = Field(description="how the safety net describes it to a person")
    triggers: list[Trigger] = Field(min_length=1)
    suppressed_at: Disposition | None = Field(
        None, description="not reported when another flag at this urgency or above fires"
    )
    keeps_contributors: bool = Field(
        False,
        description="at urgent level, likely contributors are still shown (no harmless cause competes with the flag)",
    )
    sources: list[Id] = Field(min_length=1)


class Support(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    when: str
    weight: float = Field(gt=0, le=1)


class ContributorDef(Entry):
    """A likely cause (spec section 4) with the findings that support it."""

    name: str
    explanation: str
    supports: list[Support] = Field(min_length=1)
    sources: list[Id] = Field(min_length=1)


MedicineTag = Literal[
    "anticoagulant",
    "antiplatelet",
    "nsaid",
    "painkiller",
    "paracetamol",
    "diuretic",
    "statin",
    "ssri_snri",
    "acei_arb",
    "oral_steroid",
    "nsaid_raises_level",
]
"""Medicine classes the engine reasons with: the NSAID gate, paracetamol totals, cramp contributors."""


class MedicineDef(Entry):
    """A medicine the engine recognises by generic or brand name (spec section 5)."""

    generic: str
    other_names: list[str] = Field(default_factory=list)
    brands: list[str] = Field(default_factory=list)
    drug_class: str
    lists_cramps: bool
    label_basis: str | None = Field(None, description="what the label or evidence says about cramps")
    tags: list[MedicineTag] = Field(default_factory=list)
    contains: list[Id] = Field(
        default_factory=list,
        description=(
            "combination products: the medicines of this table it contains; the product must carry "
            "all their tags (and list cramps if one of them does), checked against the table by "
            "backcare.core.medicines.check_medicine_table"
        ),
    )
    sources: list[Id] = Field(min_length=1)

    @model_validator(mode="after")
    def _label_for_cramps(self) -> MedicineDef:
        if self.lists_cramps and not self.label_basis:
            raise ValueError("a medicine on the cramp list needs its label basis")
        return self

    @model_validator(mode="after")
    def _contents(self) -> MedicineDef:
        if self.id in self.contains:
            raise ValueError("a product cannot contain itself")
        if len(set(self.contains)) != len(self.contains):
            raise ValueError("contains names a medicine twice")
        if len(set(self.tags)) != len(self.tags):
            raise ValueError("tags names a tag twice")
        return self

    @property
    def all_names(self) -> list[str]:
        return [self.generic, *self.other_names, *self.brands]


AdviceCategory = Literal[
    "urgent_action",
    "activity",
    "cold",
    "heat",
    "pain_relief",
    "massage",
    "sleep",
    "exercise",
    "sciatica",
    "pregnancy",
    "prevention",
    "medicines",
    "expectations",
    "review",
]


class AdviceSchedule(BaseModel):
    """When an advice item becomes sessions in the day-by-day schedule.

    Days count like ``AdviceDef.from_day``: days since the episode started (0 = the first day),
    inclusive at both ends, so a window can differ from the item's own (heat is advised from the
    start "if it helps more", but scheduled after the cold days).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    times: list[dt.time] = Field(min_length=1, description='times of day, quoted "HH:MM" strings')
    minutes: int = Field(ge=1, le=120)
    details: str = Field(min_length=3)
    from_day: int = Field(0, ge=0)
    until_day: int | None = Field(None, ge=0)

    @field_validator("times", mode="before")
    @classmethod
    def _quoted_times(cls, value: Any) -> Any:
        # Unquoted YAML 1.1 reads 12:00 as the number 720, which pydantic would take as seconds.
        if isinstance(value, list) and not all(isinstance(v, str | dt.time) for v in value):
            raise ValueError('times must be quoted "HH:MM" strings')
        return value


class AdviceDef(Entry):
    """One piece of care-plan advice (spec section 6) and when it applies."""

    category: AdviceCategory
    title: str
    text: str
    when: str | None = Field(None, description="shown only when this rule is true")
    exclude_when: str | None = Field(None, description="left out when this rule is true (contraindication)")
    exclude_note: str | None = Field(
        None, description="shown when exclude_when is unknown: the contraindication spelt out"
    )
    caution_when: str | None = None
    caution: str | None = None
    from_day: int = Field(0, ge=0)
    until_day: int | None = Field(None, ge=0)
    dispositions: list[Disposition] = Field(
        default_factory=lambda: [Disposition.urgent, Disposition.soon, Disposition.self_care]
    )
    schedule: AdviceSchedule | None = None
    sources: list[Id] = Field(min_length=1)

    @model_validator(mode="after")
    def _caution_pair(self) -> AdviceDef:
        if (self.caution_when is None) != (self.caution is None):
            raise ValueError("caution_when and caution go together")
        if (self.exclude_when is None) != (self.exclude_note is None):
            raise ValueError("exclude_when and exclude_note go together")
        return self


class Dosage(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    sets: int = Field(1, ge=1, le=5)
    reps: int = Field(ge=1, le=30)
    hold_seconds: int = Field(0, ge=0, le=120)
    per_side: bool = False
    rest_seconds: int = Field(30, ge=0, le=300)
    minutes: int | None = Field(None, ge=1, le=120, description="timed activity: each rep is a bout this long")


class ExerciseDef(Entry):
    """An exercise with its dosage, cues, contraindications and weekly progression."""

    name: str
    position: Literal["lying_back", "side_lying", "lying_front", "all_fours", "sitting", "standing", "walking"]
    purpose: str
    steps: list[str] = Field(min_length=1)
    cues: list[str] = Field(default_factory=list)
    start_day: int = Field(2, ge=0)
    dosage: list[Dosage] = Field(min_length=1, description="week 1, week 2, ...; the last one holds after")
    contraindicated_when: str | None = None
    contraindication_note: str | None = Field(None, description="shown as a cue when contraindicated_when is unknown")
    alternative: Id | None = Field(None, description="the exercise to offer instead when contraindicated")
    alternative_only: bool = Field(False, description="offered only in place of another exercise")
    severe_pain_ok: bool = False
    stop_if: str = "it causes sharp pain, pain spreading down a leg, or numbness or tingling"
    sources: list[Id] = Field(min_length=1)

    @model_validator(mode="after")
    def _contraindication_pair(self) -> ExerciseDef:
        if (self.contraindicated_when is None) != (self.contraindication_note is None):
            raise ValueError("contraindicated_when and contraindication_note go together")
        return self


class SeedClaimDef(Entry):
    """One substantive claim from a seed article and what the project did with it."""

    seed: Id = Field(description="source id of the seed article")
    topic: Literal["cause", "symptom", "warning_sign", "treatment", "exercise", "prevention", "mechanism", "course"]
    claim: str
    status: Literal["adopted", "corrected", "not_adopted"]
    reason: str
    evidence: list[Id] = Field(default_factory=list)
    used_by: list[Id] = Field(default_factory=list, description="knowledge entries that carry it")

    @model_validator(mode="after")
    def _evidence_for_decisions(self) -> SeedClaimDef:
        if self.status != "adopted" and not self.evidence:
            raise ValueError("a corrected or not-adopted claim needs the evidence behind the decision")
        return self


class InstrumentItem(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    number: int = Field(ge=1)
    finding: Id | None = Field(None, description="the catalogue finding that holds this item's answer")
    text: str | None = Field(None, description="item wording, when it is not a catalogue finding")

    @model_validator(mode="after")
    def _one_wording(self) -> InstrumentItem:
        if (self.finding is None) == (self.text is None):
            raise ValueError("an item has either a finding or its own text")
        return self


class InstrumentDef(Entry):
    """A validated questionnaire (spec section 7), shown unmodified with its copyright line."""

    name: str
    instructions: str
    items: list[InstrumentItem] = Field(min_length=1)
    copyright: str | None = None
    licence: str
    sources: list[Id] = Field(min_length=1)
