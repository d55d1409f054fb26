"""Seed audit (knowledge/data/seed_audit.yaml): every seed claim, its status, evidence and users."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from backcare.knowledge import DATA_DIR, load_knowledge
from backcare.knowledge.schema import SeedClaimDef, SourceDef

# Contributor ids fixed by the clinical contract (section 4); used while contributors.yaml is absent.
SPEC_CONTRIBUTORS = {
    "overexertion", "poor_technique_or_no_warmup", "muscle_fatigue", "dehydration", "heat_exertion",
    "electrolyte_imbalance", "prolonged_sitting", "sleep_posture", "strain_injury", "nerve_irritation",
    "medication", "pregnancy", "excess_weight", "hypothyroidism", "kidney_disease", "poor_circulation",
    "stress", "deconditioning",
}  # fmt: skip


def _entries(name: str) -> list[dict[str, Any]]:
    path: Path = DATA_DIR / name
    if not path.exists():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, list), name
    return data


@pytest.fixture(scope="module")
def claims() -> list[SeedClaimDef]:
    return [SeedClaimDef.model_validate(entry) for entry in _entries("seed_audit.yaml")]


@pytest.fixture(scope="module")
def sources() -> dict[str, SourceDef]:
    return {s.id: s for s in (SourceDef.model_validate(e) for e in _entries("sources.yaml"))}


def _known_entries() -> set[str]:
    contributors = {e["id"] for e in _entries("contributors.yaml")} or SPEC_CONTRIBUTORS
    return contributors | {
        e["id"] for name in ("red_flags.yaml", "findings.yaml", "medicines.yaml") for e in _entries(name)
    }


def test_at_least_60_claims_with_unique_ids(claims: list[SeedClaimDef]) -> None:
    assert len(claims) >= 60
    assert len({c.id for c in claims}) == len(claims)


def test_all_five_seeds_are_covered_thoroughly(claims: list[SeedClaimDef], sources: dict[str, SourceDef]) -> None:
    seeds = {s.id for s in sources.values() if s.kind == "seed"}
    assert len(seeds) == 5
    per_seed = Counter(c.seed for c in claims)
    assert set(per_seed) == seeds
    assert min(per_seed.values()) >= 12, per_seed


def test_claim_ids_name_their_seed(claims: list[SeedClaimDef]) -> None:
    for claim in claims:
        number = claim.seed.removeprefix("seed_")
        assert claim.id.startswith(f"s{number}_"), claim.id


def test_every_status_is_used_and_decisions_rest_on_non_seed_evidence(
    claims: list[SeedClaimDef], sources: dict[str, SourceDef]
) -> None:
    assert set(Counter(c.status for c in claims)) == {"adopted", "corrected", "not_adopted"}
    for claim in claims:
        if claim.status != "adopted":
            assert any(sources[e].kind != "seed" for e in claim.evidence), claim.id
        assert len(claim.reason) >= 20, claim.id


def test_every_source_and_reference_resolves(claims: list[SeedClaimDef], sources: dict[str, SourceDef]) -> None:
    known = _known_entries()
    for claim in claims:
        assert sources[claim.seed].kind == "seed", claim.id
        missing = [e for e in claim.evidence if e not in sources]
        assert not missing, f"{claim.id}: unknown evidence {missing}"
        unknown = [u for u in claim.used_by if u not in known]
        assert not unknown, f"{claim.id}: used_by names unknown entries {unknown}"


def test_topics_cover_causes_symptoms_warnings_treatment_exercise_prevention_mechanisms(
    claims: list[SeedClaimDef],
) -> None:
    topics = Counter(c.topic for c in claims)
    for topic in ("cause", "symptom", "warning_sign", "treatment", "exercise", "prevention", "mechanism"):
        assert topics[topic] >= 3, topics


def test_warning_signs_in_the_seeds_are_carried_by_red_flags(claims: list[SeedClaimDef]) -> None:
    red_flags = {e["id"] for e in _entries("red_flags.yaml")}
    for claim in claims:
        if claim.topic == "warning_sign":
            assert red_flags & set(claim.used_by), claim.id


@pytest.mark.parametrize(
    ("claim_id", "status", "evidence"),
    [
        ("s001_sleep_straight_on_back", "corrected", "nhs_posture"),
        ("s004_ice_delivers_blood", "not_adopted", "cochrane_heat_cold"),
        ("s001_spasm_lasts_a_minute", "corrected", "costa_2012"),
        ("s000_stretching_eliminates_pain", "corrected", "cochrane_exercise_acute"),
        ("s001_no_water_while_warm", "not_adopted", "nhs_dehydration"),
        ("s001_lack_of_glucose", "not_adopted", "merck_cramps"),
        ("s002_calf_overexertion", "not_adopted", "merck_cramps"),
        ("s002_pregnant_control_calcium", "corrected", "cochrane_pregnancy_cramps"),
        ("s004_consult_doctor_before_home_treatment", "corrected", "nice_ng59"),
        ("s003_bladder_bowel_changes", "corrected", "girft_ces"),
        ("s003_ice_20_minutes", "adopted", "nhs_ice_leaflet"),
    ],
)
def test_where_a_seed_is_wrong_the_evidence_wins(
    claims: list[SeedClaimDef], claim_id: str, status: str, evidence: str
) -> None:
    by_id = {c.id: c for c in claims}
    assert by_id[claim_id].status == status
    assert evidence in by_id[claim_id].evidence


def test_named_seed_medicines_are_on_the_cramp_list(claims: list[SeedClaimDef]) -> None:
    medicines = {e["id"]: e for e in _entries("medicines.yaml")}
    blamed = {u for c in claims if c.topic == "cause" for u in c.used_by if u in medicines}
    assert {"tolcapone", "raloxifene", "donepezil", "furosemide", "atorvastatin"} <= blamed
    assert all(medicines[u]["lists_cramps"] for u in blamed)


def test_the_packaged_knowledge_base_loads_the_audit(claims: list[SeedClaimDef]) -> None:
    kb = load_knowledge()
    assert set(kb.seed_claims) == {c.id for c in claims}
    assert kb.counts()["seed claims"] == len(claims)
