"""Medicine table (knowledge/data/medicines.yaml) and name matching (backcare.core.medicines)."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
import yaml

from backcare.core.answers import derived_findings
from backcare.core.medicines import (
    check_medicine_table,
    derived_medicine_facts,
    find_medicines,
    match_medicine,
    normalise_medicines,
)
from backcare.knowledge import DATA_DIR, KnowledgeBase, KnowledgeError, load_knowledge
from backcare.knowledge.schema import MedicineDef, SourceDef

# Every medicine the clinical contract names for its cramp list, as a person might type it.
SECTION_5 = {
    "furosemide": "furosemide",
    "Lasix": "furosemide",
    "bumetanide": "bumetanide",
    "hydrochlorothiazide": "hydrochlorothiazide",
    "chlortalidone": "chlortalidone",
    "indapamide": "indapamide",
    "atorvastatin": "atorvastatin",
    "simvastatin": "simvastatin",
    "rosuvastatin": "rosuvastatin",
    "pravastatin": "pravastatin",
    "raloxifene": "raloxifene",
    "Evista": "raloxifene",
    "donepezil": "donepezil",
    "Aricept": "donepezil",
    "tolcapone": "tolcapone",
    "Tasmar": "tolcapone",
    "salbutamol": "salbutamol",
    "albuterol": "salbutamol",
    "salmeterol": "salmeterol",
    "formoterol": "formoterol",
    "terbutaline": "terbutaline",
    "teriparatide": "teriparatide",
    "zoledronic acid": "zoledronic_acid",
    "ibandronate": "ibandronic_acid",
    "pregabalin": "pregabalin",
}


def _isolated_kb(folder: Path) -> KnowledgeBase:
    """The packaged sources and medicines with the other entry files emptied, so these tests do
    not depend on files other engineers are editing."""
    shutil.copytree(DATA_DIR, folder)
    for name in ("red_flags.yaml", "contributors.yaml", "advice.yaml", "exercises.yaml", "seed_audit.yaml"):
        (folder / name).write_text("[]\n", encoding="utf-8")
    return load_knowledge(folder)


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return _isolated_kb(tmp_path_factory.mktemp("kb") / "data")


def _ids(text: str, kb: KnowledgeBase) -> list[str]:
    return [m.id for m, _ in find_medicines(text, kb)]


# --- the table ---------------------------------------------------------------------------------


def test_table_validates_and_every_source_resolves() -> None:
    raw = yaml.safe_load((DATA_DIR / "medicines.yaml").read_text(encoding="utf-8"))
    sources = {
        s.id: s for s in (SourceDef.model_validate(x) for x in yaml.safe_load((DATA_DIR / "sources.yaml").read_text()))
    }
    meds = [MedicineDef.model_validate(entry) for entry in raw]
    assert len({m.id for m in meds}) == len(meds)
    for med in meds:
        missing = [s for s in med.sources if s not in sources]
        assert not missing, f"{med.id}: unknown sources {missing}"
        assert all(sources[s].kind != "seed" for s in med.sources), f"{med.id} cites a seed as its basis"


def test_packaged_knowledge_base_loads_the_same_medicines(kb: KnowledgeBase) -> None:
    full = load_knowledge()
    assert full.medicines == kb.medicines
    assert match_medicine("Lasix", full) == full.medicines["furosemide"]


def test_at_least_25_medicines_list_cramps_with_their_label_basis(kb: KnowledgeBase) -> None:
    cramp = [m for m in kb.medicines.values() if m.lists_cramps]
    assert len(cramp) >= 25
    for med in cramp:
        assert med.label_basis and len(med.label_basis) > 30, med.id


def test_label_sources_back_the_labelled_medicines(kb: KnowledgeBase) -> None:
    labelled = {m.id for m in kb.medicines.values() if any(kb.sources[s].kind == "label" for s in m.sources)}
    assert {"furosemide", "raloxifene", "donepezil", "tolcapone", "salbutamol", "pregabalin"} <= labelled


@pytest.mark.parametrize(("typed", "medicine_id"), sorted(SECTION_5.items()))
def test_every_section_5_medicine_is_on_the_cramp_list(typed: str, medicine_id: str, kb: KnowledgeBase) -> None:
    med = match_medicine(typed, kb)
    assert med is not None and med.id == medicine_id
    assert med.lists_cramps


def test_other_bisphosphonates_and_beta2_agonists_are_there(kb: KnowledgeBase) -> None:
    bisphosphonates = [m for m in kb.medicines.values() if "bisphosphonate" in m.drug_class]
    beta2 = [m for m in kb.medicines.values() if "beta-2 agonist" in m.drug_class]
    assert len(bisphosphonates) >= 3
    # alendronic acid is recognised but its label does not support it as a cramp medicine (review D25)
    assert {m.id for m in bisphosphonates if not m.lists_cramps} == {"alendronic_acid"}
    assert len(beta2) >= 4 and all(m.lists_cramps for m in beta2)


def test_no_name_belongs_to_two_medicines(kb: KnowledgeBase) -> None:
    owner: dict[str, str] = {}
    for med in kb.medicines.values():
        for name in med.all_names:
            key = "".join(ch for ch in name.lower() if ch.isalpha())
            assert owner.setdefault(key, med.id) == med.id, f"{name!r} in {owner[key]} and {med.id}"


@pytest.mark.parametrize(
    ("medicine_id", "tags"),
    [
        ("paracetamol", {"painkiller", "paracetamol"}),
        ("co_codamol", {"painkiller", "paracetamol"}),
        ("co_dydramol", {"painkiller", "paracetamol"}),
        ("codeine", {"painkiller"}),
        ("tramadol", {"painkiller"}),
        ("ibuprofen", {"painkiller", "nsaid"}),
        ("naproxen", {"painkiller", "nsaid"}),
        ("diclofenac", {"painkiller", "nsaid"}),
        ("aspirin", {"painkiller", "nsaid"}),
        ("celecoxib", {"painkiller", "nsaid"}),
        ("warfarin", {"anticoagulant"}),
        ("apixaban", {"anticoagulant"}),
        ("rivaroxaban", {"anticoagulant"}),
        ("edoxaban", {"anticoagulant"}),
        ("dabigatran", {"anticoagulant"}),
        ("heparin", {"anticoagulant"}),
        ("enoxaparin", {"anticoagulant"}),
        ("clopidogrel", {"antiplatelet"}),
        ("prasugrel", {"antiplatelet"}),
        ("ticagrelor", {"antiplatelet"}),
        ("low_dose_aspirin", {"antiplatelet"}),
        ("aspirin", {"antiplatelet"}),
        ("sertraline", {"ssri_snri"}),
        ("venlafaxine", {"ssri_snri"}),
        ("ramipril", {"acei_arb"}),
        ("methotrexate", {"nsaid_raises_level"}),
    ],
)
def test_recognised_non_cramp_medicines_carry_their_tags(medicine_id: str, tags: set[str], kb: KnowledgeBase) -> None:
    med = kb.medicines[medicine_id]
    assert not med.lists_cramps
    assert tags <= set(med.tags)


def test_clopidogrel_is_not_an_anticoagulant(kb: KnowledgeBase) -> None:
    assert "anticoagulant" not in kb.medicines["clopidogrel"].tags


# --- exact matching ------------------------------------------------------------------------------


def test_every_name_matches_its_medicine_in_any_case(kb: KnowledgeBase) -> None:
    for med in kb.medicines.values():
        for name in med.all_names:
            for typed in (name, name.upper(), name.lower(), f"  {name.title()} "):
                found = match_medicine(typed, kb)
                assert found is not None and found.id == med.id, (typed, found and found.id)


@pytest.mark.parametrize(
    ("typed", "medicine_id"),
    [
        ("Panadol", "paracetamol"),
        ("TYLENOL", "paracetamol"),
        ("acetaminophen", "paracetamol"),
        ("Nurofen", "ibuprofen"),
        ("advil", "ibuprofen"),
        ("Motrin", "ibuprofen"),
        ("Aleve", "naproxen"),
        ("Naprosyn", "naproxen"),
        ("Voltarol", "diclofenac"),
        ("Voltaren", "diclofenac"),
        ("Coumadin", "warfarin"),
        ("Eliquis", "apixaban"),
        ("Xarelto", "rivaroxaban"),
        ("Pradaxa", "dabigatran"),
        ("Plavix", "clopidogrel"),
        ("frusemide", "furosemide"),
        ("chlorthalidone", "chlortalidone"),
        ("Ventolin", "salbutamol"),
        ("Lipitor 20mg tablets", "atorvastatin"),
        ("co-codamol 30/500", "co_codamol"),
        ("Co Codamol", "co_codamol"),
        ("cocodamol", "co_codamol"),
        ("Furosémide", "furosemide"),
        ("statins", "statin_unspecified"),
        ("water tablets", "diuretic_unspecified"),
    ],
)
def test_brands_generics_and_spelling_variants(typed: str, medicine_id: str, kb: KnowledgeBase) -> None:
    med = match_medicine(typed, kb)
    assert med is not None and med.id == medicine_id


# --- misspellings and false positives ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "medicine_id"),
    [
        ("atorvastatine", "atorvastatin"),
        ("lasics", "furosemide"),
        ("furosemid", "furosemide"),
        ("simvastation", "simvastatin"),
        ("ibuprofin", "ibuprofen"),
        ("albuterall", "salbutamol"),
        ("asprin", "aspirin"),
        ("paracetemol", "paracetamol"),
        ("acetominophen", "paracetamol"),
        ("warferin", "warfarin"),
        ("naproxin", "naproxen"),
        ("neurofen", "ibuprofen"),
        ("plavicks", "clopidogrel"),
        ("zarelto", "rivaroxaban"),
        ("ibuporfen", "ibuprofen"),
        ("zoledronik acid", "zoledronic_acid"),
        ("co codamole", "co_codamol"),
    ],
)
def test_common_misspellings_match(typed: str, medicine_id: str, kb: KnowledgeBase) -> None:
    med = match_medicine(typed, kb)
    assert med is not None and med.id == medicine_id


@pytest.mark.parametrize(
    "typed",
    [
        "aspiring",
        "last",
        "stating",
        "alive",
        "lyrics",
        "station",
        "vista",
        "recast",
        "accept",
        "forte",
        "cocaine",
        "motion",
        "advice",
        "latex",
        "warfare",
        "hearing",
        "lass",
        "oxen",
        "statue",
    ],
)
def test_ordinary_words_are_not_medicines(typed: str, kb: KnowledgeBase) -> None:
    assert match_medicine(typed, kb) is None
    assert find_medicines(f"I said {typed} yesterday", kb) == []


def test_words_under_five_letters_must_match_exactly(kb: KnowledgeBase) -> None:
    short = [(n, m.id) for m in kb.medicines.values() for n in m.all_names if len(n) < 5 and n.isalpha()]
    assert short, "the table should have some short names (e.g. Oxis)"
    for name, medicine_id in short:
        found = match_medicine(name, kb)
        assert found is not None and found.id == medicine_id
        for i in range(len(name)):
            typo = name[:i] + "q" + name[i + 1 :]
            assert match_medicine(typo, kb) is None, typo


def test_a_dropped_last_letter_still_matches_long_names(kb: KnowledgeBase) -> None:
    """Typing a name short by its final letter ("furosemid", "pregabali") is a common slip.

    It must never give a different medicine; it may give none when two names are equally close
    ("anapro": Anaprox or Avapro) or the result is an English word.
    """
    checked = matched = 0
    for med in kb.medicines.values():
        for name in med.all_names:
            word = name.lower()
            if not word.isalpha() or len(word) < 7:
                continue
            found = match_medicine(word[:-1], kb)
            assert found is None or found.id == med.id, (word[:-1], found.id)
            checked += 1
            matched += found is not None
    assert checked >= 50 and matched >= 0.9 * checked, (matched, checked)


def test_ordinary_english_never_reads_as_a_medicine(kb: KnowledgeBase) -> None:
    """A broad sample of dictionary words: only real medicine names may match, and only exactly."""
    from spellchecker import SpellChecker

    names = {"".join(ch for ch in n.lower() if ch.isalpha()) for m in kb.medicines.values() for n in m.all_names}
    words = sorted(w for w in SpellChecker(language="en").word_frequency.dictionary if w.isalpha() and len(w) >= 5)
    sample = random.Random(7).sample(words, 3000)
    text = " ".join(sample)
    for _, span in find_medicines(text, kb):
        key = "".join(ch for ch in span.lower() if ch.isalpha())
        assert key in names or key[:-1] in names, span


# --- free text ----------------------------------------------------------------------------------------


def test_find_medicines_returns_each_medicine_once_with_its_exact_span(kb: KnowledgeBase) -> None:
    text = (
        "I'm aspiring to run again. Last week my GP put me on Lasics and atorvastatine; "
        "I also take Tylenol with Codeine, some IBUPROFIN and my Lasix. Stating the obvious!"
    )
    found = find_medicines(text, kb)
    assert [(m.id, span) for m, span in found] == [
        ("furosemide", "Lasics"),
        ("atorvastatin", "atorvastatine"),
        ("co_codamol", "Tylenol with Codeine"),
        ("ibuprofen", "IBUPROFIN"),
    ]
    for _, span in found:
        assert span in text


def test_spans_cover_multi_word_and_hyphenated_names(kb: KnowledgeBase) -> None:
    text = "She had zoledronic acid in May, takes Co-Codamol, and uses a blue inhaler."
    found = [(m.id, span) for m, span in find_medicines(text, kb)]
    assert found == [
        ("zoledronic_acid", "zoledronic acid"),
        ("co_codamol", "Co-Codamol"),
        ("salbutamol", "blue inhaler"),
    ]


def test_text_without_medicines_finds_none(kb: KnowledgeBase) -> None:
    text = "My lower back went into spasm after lifting boxes; it is stiff and I stayed at the station."
    assert find_medicines(text, kb) == []
    assert find_medicines("", kb) == []


def test_the_longest_name_wins(kb: KnowledgeBase) -> None:
    assert _ids("Anadin Paracetamol", kb) == ["paracetamol"]
    assert _ids("Anadin", kb) == ["aspirin"]
    assert _ids("paracetamol and codeine", kb) == ["co_codamol"]


# --- lists ------------------------------------------------------------------------------------------


def test_normalise_medicines_keeps_order_removes_repeats_and_returns_unknowns(kb: KnowledgeBase) -> None:
    meds, unknown = normalise_medicines(
        ["Lipitor", "  ", "furosemid", "mystery pill X", "atorvastatin", "Advil and Panadol", "mystery pill X"],
        kb,
    )
    assert [m.id for m in meds] == ["atorvastatin", "furosemide", "ibuprofen", "paracetamol"]
    assert unknown == ["mystery pill X"]


def test_normalise_medicines_of_nothing(kb: KnowledgeBase) -> None:
    assert normalise_medicines([], kb) == ([], [])


# --- derived facts ------------------------------------------------------------------------------------


TAG_FACTS = ("antiplatelet", "ssri_snri", "acei_arb", "diuretic", "oral_steroid", "nsaid_raises_level")
ALL_FACTS = {
    "cramp_medicine",
    "takes_painkillers",
    "anticoagulant",
    *TAG_FACTS,
    "paracetamol_several_products",
}


def _facts(kb: KnowledgeBase, *ids: str) -> dict[str, bool]:
    return derived_medicine_facts([kb.medicines[i] for i in ids])


def _true(facts: dict[str, bool]) -> set[str]:
    return {fid for fid, present in facts.items() if present}


def _typed(kb: KnowledgeBase, *names: str) -> dict[str, bool]:
    """Derived facts for a medicines list as a person types it; every name must be recognised."""
    meds, unknown = normalise_medicines(list(names), kb)
    assert unknown == []
    return derived_medicine_facts(meds)


def test_derived_facts(kb: KnowledgeBase) -> None:
    assert set(_facts(kb)) == ALL_FACTS
    assert _true(_facts(kb)) == set()
    assert _true(_facts(kb, "furosemide")) == {"cramp_medicine", "diuretic"}
    assert _facts(kb, "paracetamol")["takes_painkillers"]
    assert _true(_facts(kb, "ibuprofen", "apixaban")) == {"takes_painkillers", "anticoagulant"}
    assert _facts(kb, "clopidogrel")["anticoagulant"] is False
    assert _facts(kb, "clopidogrel", "atorvastatin")["cramp_medicine"] is True


def test_derived_facts_agree_with_the_tags_for_every_medicine(kb: KnowledgeBase) -> None:
    for med in kb.medicines.values():
        facts = derived_medicine_facts([med])
        assert facts["cramp_medicine"] == med.lists_cramps
        assert facts["anticoagulant"] == ("anticoagulant" in med.tags)
        assert facts["takes_painkillers"] == bool({"painkiller", "nsaid", "paracetamol"} & set(med.tags))
        for tag in TAG_FACTS:
            assert facts[tag] == (tag in med.tags), (med.id, tag)
        assert facts["paracetamol_several_products"] is False, med.id  # one product is never several


# --- the NSAID gate's medicine classes (clinical review D1) ---------------------------------------

# (fact, generic, brand): each class derived from a generic name and from a brand, as typed.
GATE_CLASSES = [
    ("antiplatelet", "clopidogrel", "Plavix"),
    ("antiplatelet", "prasugrel", "Efient"),
    ("antiplatelet", "ticagrelor", "Brilique"),
    ("antiplatelet", "low-dose aspirin", "Caprin"),
    ("ssri_snri", "sertraline", "Zoloft"),
    ("ssri_snri", "citalopram", "Cipramil"),
    ("ssri_snri", "escitalopram", "Lexapro"),
    ("ssri_snri", "fluoxetine", "Prozac"),
    ("ssri_snri", "paroxetine", "Seroxat"),
    ("ssri_snri", "venlafaxine", "Effexor XR"),
    ("ssri_snri", "duloxetine", "Cymbalta"),
    ("acei_arb", "ramipril", "Tritace"),
    ("acei_arb", "lisinopril", "Zestril"),
    ("acei_arb", "enalapril", "Vasotec"),
    ("acei_arb", "perindopril", "Coversyl"),
    ("acei_arb", "losartan", "Cozaar"),
    ("acei_arb", "candesartan", "Amias"),
    ("acei_arb", "valsartan", "Diovan"),
    ("acei_arb", "irbesartan", "Aprovel"),
    ("diuretic", "furosemide", "Lasix"),
    ("diuretic", "bendroflumethiazide", "Aprinox"),
    ("diuretic", "indapamide", "Natrilix"),
    ("diuretic", "spironolactone", "Aldactone"),
    ("diuretic", "amiloride", "Midamor"),
    ("diuretic", "co-amilofruse", "Frumil"),
    ("oral_steroid", "prednisolone", "Pevanti"),
    ("oral_steroid", "prednisone", "Rayos"),
    ("oral_steroid", "dexamethasone", "Neofordex"),
    ("oral_steroid", "hydrocortisone tablets", "Plenadren"),
    ("oral_steroid", "methylprednisolone", "Medrol"),
    ("nsaid_raises_level", "methotrexate", "Trexall"),
    ("nsaid_raises_level", "lithium", "Priadel"),
]


@pytest.mark.parametrize(("fact", "generic", "brand"), GATE_CLASSES)
def test_each_gate_class_is_derived_from_its_generic_and_its_brand(
    fact: str, generic: str, brand: str, kb: KnowledgeBase
) -> None:
    by_generic = match_medicine(generic, kb)
    by_brand = match_medicine(brand, kb)
    assert by_generic is not None and by_brand is not None
    assert by_generic.id == by_brand.id, (generic, brand)
    for typed in (generic, brand, brand.upper()):
        facts = _typed(kb, typed)
        assert facts[fact] is True, typed
        # only the classes the medicine really has: nothing spills over into the other facts
        assert {t for t in TAG_FACTS if facts[t]} == set(by_generic.tags) & set(TAG_FACTS), typed


@pytest.mark.parametrize("fact", TAG_FACTS)
def test_gate_classes_are_absent_for_unrelated_medicines(fact: str, kb: KnowledgeBase) -> None:
    assert _typed(kb, "Lipitor", "Ventolin", "paracetamol", "codeine")[fact] is False


def test_every_gate_class_is_covered(kb: KnowledgeBase) -> None:
    assert {fact for fact, _, _ in GATE_CLASSES} == set(TAG_FACTS)


def test_the_reviewed_medicines_lists_are_fully_recognised(kb: KnowledgeBase) -> None:
    """Review D1: S41 gave no caution; S28 added prednisolone; all of these were dropped silently."""
    s41 = _typed(kb, "furosemide", "lisinopril", "sertraline", "clopidogrel")
    assert {"diuretic", "acei_arb", "ssri_snri", "antiplatelet"} <= _true(s41)
    assert _typed(kb, "furosemide", "lisinopril", "sertraline", "clopidogrel", "prednisolone")["oral_steroid"]
    once_unknown = [
        "ramipril", "lisinopril", "sertraline", "citalopram", "fluoxetine", "gabapentin",
        "amitriptyline", "methotrexate", "co-amilofruse", "Zestoretic",
    ]  # fmt: skip
    meds, unknown = normalise_medicines(once_unknown, kb)
    assert unknown == [] and len(meds) == len(once_unknown)


def test_gabapentin_and_amitriptyline_are_recognised_without_a_gate_class(kb: KnowledgeBase) -> None:
    for typed, medicine_id in [
        ("gabapentin", "gabapentin"),
        ("Neurontin", "gabapentin"),
        ("amitriptyline", "amitriptyline"),
    ]:
        med = match_medicine(typed, kb)
        assert med is not None and med.id == medicine_id
        assert med.tags == [] and not med.lists_cramps


def test_skin_hydrocortisone_is_not_a_steroid_tablet(kb: KnowledgeBase) -> None:
    assert _typed(kb, "hydrocortisone 1% cream")["oral_steroid"] is False
    assert _typed(kb, "hydrocortisone")["oral_steroid"] is True


def test_low_dose_aspirin_is_an_antiplatelet_not_a_painkiller(kb: KnowledgeBase) -> None:
    facts = _typed(kb, "low dose aspirin")
    assert facts["antiplatelet"] and not facts["takes_painkillers"]
    plain = _typed(kb, "aspirin")  # dose unknown: both
    assert plain["antiplatelet"] and plain["takes_painkillers"]


# --- combination products ------------------------------------------------------------------------

# typed name -> (medicine id, the ingredients it must list, every tag it must carry)
COMBINATIONS = {
    "co-amilofruse": ("co_amilofruse", {"amiloride", "furosemide"}, {"diuretic"}),
    "Frumil": ("co_amilofruse", {"amiloride", "furosemide"}, {"diuretic"}),
    "Zestoretic": ("lisinopril_hydrochlorothiazide", {"lisinopril", "hydrochlorothiazide"}, {"acei_arb", "diuretic"}),
    "lisinopril/hydrochlorothiazide": (
        "lisinopril_hydrochlorothiazide",
        {"lisinopril", "hydrochlorothiazide"},
        {"acei_arb", "diuretic"},
    ),
    "Diovan HCT": ("valsartan_hydrochlorothiazide", {"valsartan", "hydrochlorothiazide"}, {"acei_arb", "diuretic"}),
    "Coversyl Plus": ("perindopril_indapamide", {"perindopril", "indapamide"}, {"acei_arb", "diuretic"}),
    "co-codamol": ("co_codamol", {"codeine", "paracetamol"}, {"painkiller", "paracetamol"}),
    "co-dydramol": ("co_dydramol", {"dihydrocodeine", "paracetamol"}, {"painkiller", "paracetamol"}),
    "Percocet": ("oxycodone_paracetamol", {"oxycodone", "paracetamol"}, {"painkiller", "paracetamol"}),
    "Vicodin": ("hydrocodone_paracetamol", {"hydrocodone", "paracetamol"}, {"painkiller", "paracetamol"}),
    "Tramacet": ("tramadol_paracetamol", {"tramadol", "paracetamol"}, {"painkiller", "paracetamol"}),
    "Nuromol": ("ibuprofen_paracetamol", {"ibuprofen", "paracetamol"}, {"painkiller", "nsaid", "paracetamol"}),
    "Excedrin": (
        "aspirin_paracetamol_caffeine",
        {"aspirin", "paracetamol"},
        {"painkiller", "nsaid", "antiplatelet", "paracetamol"},
    ),
    "Anadin Extra": (
        "aspirin_paracetamol_caffeine",
        {"aspirin", "paracetamol"},
        {"painkiller", "nsaid", "antiplatelet", "paracetamol"},
    ),
    "Nurofen Plus": ("ibuprofen_codeine", {"ibuprofen", "codeine"}, {"painkiller", "nsaid"}),
    "Lemsip Max": ("lemsip", {"paracetamol"}, {"painkiller", "paracetamol"}),
    "Beechams": ("beechams", {"paracetamol"}, {"painkiller", "paracetamol"}),
    "Beechams Powders": ("beechams_powders", {"aspirin"}, {"painkiller", "nsaid", "antiplatelet"}),
    "Night Nurse": ("night_nurse", {"paracetamol"}, {"painkiller", "paracetamol"}),
    "NyQuil": ("nyquil", {"paracetamol"}, {"painkiller", "paracetamol"}),
    "DayQuil": ("dayquil", {"paracetamol"}, {"painkiller", "paracetamol"}),
}


@pytest.mark.parametrize("typed", sorted(COMBINATIONS))
def test_a_combination_product_carries_every_ingredient_s_tags(typed: str, kb: KnowledgeBase) -> None:
    medicine_id, ingredients, tags = COMBINATIONS[typed]
    med = match_medicine(typed, kb)
    assert med is not None and med.id == medicine_id
    assert set(med.contains) == ingredients
    assert set(med.tags) == tags
    for part in ingredients:
        assert set(kb.medicines[part].tags) <= set(med.tags), part
        assert med.lists_cramps or not kb.medicines[part].lists_cramps, part
    facts = _typed(kb, typed)
    assert {t for t in TAG_FACTS if facts[t]} == tags & set(TAG_FACTS)
    assert facts["takes_painkillers"] == ("painkiller" in tags)


def test_combination_brands_no_longer_name_a_single_ingredient(kb: KnowledgeBase) -> None:
    """Review 3.4: Percocet was oxycodone only, Excedrin paracetamol only, Anadin Extra aspirin only."""
    for single in ("paracetamol", "oxycodone", "hydrocodone", "ibuprofen", "aspirin"):
        names = {n.lower() for n in kb.medicines[single].all_names}
        assert not names & {"percocet", "vicodin", "norco", "excedrin", "lemsip", "beechams", "nyquil", "dayquil"}


def test_every_product_that_contains_paracetamol_is_tagged_so(kb: KnowledgeBase) -> None:
    with_paracetamol = {m.id for m in kb.medicines.values() if "paracetamol" in m.contains or m.id == "paracetamol"}
    tagged = {m.id for m in kb.medicines.values() if "paracetamol" in m.tags}
    assert with_paracetamol == tagged
    assert len(tagged) >= 14
    assert all("painkiller" in kb.medicines[i].tags for i in tagged)


def test_the_packaged_table_is_consistent(kb: KnowledgeBase) -> None:
    assert check_medicine_table(kb.medicines) == []
    assert sum(bool(m.contains) for m in kb.medicines.values()) >= 20


def _edited_kb(folder: Path, old: str, new: str) -> KnowledgeBase:
    shutil.copytree(DATA_DIR, folder)
    path = folder / "medicines.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return load_knowledge(folder)


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ("  contains: [amiloride, furosemide]", "  contains: [amiloride, frusemid]", "unknown medicine 'frusemid'"),
        (
            "  tags: [acei_arb, diuretic]\n  contains: [lisinopril, hydrochlorothiazide]",
            "  tags: [acei_arb]\n  contains: [lisinopril, hydrochlorothiazide]",
            "lacks the tags ['diuretic']",
        ),
        ("  contains: [codeine, paracetamol]", "  contains: [codeine, co_dydramol]", "itself a combination"),
    ],
)
def test_an_inconsistent_combination_is_refused(old: str, new: str, problem: str, tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match=r"medicines.yaml:\d+: entry '\w+'") as refused:
        _edited_kb(tmp_path / "data", old, new)
    assert problem in str(refused.value)


def test_a_product_cannot_contain_itself() -> None:
    with pytest.raises(ValueError, match="contain itself"):
        MedicineDef(
            id="x_combo", generic="x", drug_class="c", lists_cramps=False, contains=["x_combo"], sources=["nice_ng59"]
        )


# --- several paracetamol products (spec section 2; review D12) ---------------------------------------


@pytest.mark.parametrize(
    ("names", "several"),
    [
        (["paracetamol", "co-codamol"], True),
        (["Lemsip", "Panadol"], True),
        (["Percocet", "NyQuil"], True),
        (["Night Nurse", "Beechams", "ibuprofen"], True),
        (["Anadin Extra", "Tylenol"], True),
        (["co-codamol"], False),
        (["Panadol", "Tylenol", "acetaminophen"], False),  # one product, named three ways
        (["co-codamol", "ibuprofen", "Nurofen Plus"], False),
        (["Beechams Powders", "paracetamol"], False),  # the powders are aspirin
        ([], False),
    ],
)
def test_two_paracetamol_products_are_several(names: list[str], several: bool, kb: KnowledgeBase) -> None:
    assert _typed(kb, *names)["paracetamol_several_products"] is several


def test_several_products_only_ever_sets_the_answer_to_yes(kb: KnowledgeBase) -> None:
    def derived(facts: dict[str, object]) -> dict[str, str]:
        return {f.id: f.status for f in derived_findings(facts, kb)}

    two = derived({"medications": ["paracetamol", "Lemsip"], "paracetamol_several_products": False})
    assert two["paracetamol_several_products"] == "present"
    one = derived({"medications": ["paracetamol"], "paracetamol_several_products": True})
    assert "paracetamol_several_products" not in one  # the person's own yes stands
    assert "anticoagulant" not in one
    assert one["takes_painkillers"] == "present" and one["ssri_snri"] == "absent"
    gate = derived({"medications": ["sertraline", "Zestoretic", "clopidogrel"]})
    assert {fid for fid, status in gate.items() if status == "present"} >= {
        "ssri_snri",
        "acei_arb",
        "diuretic",
        "antiplatelet",
        "cramp_medicine",
    }


# --- new names: typos, case and collisions ------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "medicine_id"),
    [
        ("sertaline", "sertraline"),
        ("setraline", "sertraline"),
        ("lisinipril", "lisinopril"),
        ("clopidigrel", "clopidogrel"),
        ("predisolone", "prednisolone"),
        ("prednizone", "prednisone"),
        ("citalopran", "citalopram"),
        ("escitalopran", "escitalopram"),
        ("fluoxitine", "fluoxetine"),
        ("paroxitine", "paroxetine"),
        ("venlafaxin", "venlafaxine"),
        ("duloxatine", "duloxetine"),
        ("ramapril", "ramipril"),
        ("enalipril", "enalapril"),
        ("perindipril", "perindopril"),
        ("metotrexate", "methotrexate"),
        ("dexamethazone", "dexamethasone"),
        ("hydrocortizone", "hydrocortisone"),
        ("gabapentine", "gabapentin"),
        ("amitryptyline", "amitriptyline"),
        ("prozak", "fluoxetine"),
        ("zestoretik", "lisinopril_hydrochlorothiazide"),
        ("co amilofruze", "co_amilofruse"),
        ("percoset", "oxycodone_paracetamol"),
        ("vicoden", "hydrocodone_paracetamol"),
        ("excederin", "aspirin_paracetamol_caffeine"),
        ("SERTRALINE", "sertraline"),
        ("zEsToReTiC", "lisinopril_hydrochlorothiazide"),
        ("Lisinopril-HCTZ", "lisinopril_hydrochlorothiazide"),
        ("Cozaar-Comp", "losartan_hydrochlorothiazide"),
        ("Beecham's", "beechams"),
        ("ramipril 5mg capsules", "ramipril"),
    ],
)
def test_new_names_tolerate_case_and_misspellings(typed: str, medicine_id: str, kb: KnowledgeBase) -> None:
    med = match_medicine(typed, kb)
    assert med is not None and med.id == medicine_id


def test_close_antidepressant_names_stay_apart(kb: KnowledgeBase) -> None:
    assert _ids("fuloxetine", kb) == ["fluoxetine"]  # not duloxetine: the first sound differs
    assert _ids("citalopram and escitalopram", kb) == ["citalopram", "escitalopram"]
    assert _ids("Cipramil", kb) == ["citalopram"] and _ids("Cipralex", kb) == ["escitalopram"]


@pytest.mark.parametrize(
    "text",
    [
        # one-letter slips of ordinary words that landed on medicine names added for the gate
        # ("inside": Innozide, "series": SSRIs, "greasy": Gralise, "courted": Cortaid), so those
        # names were left out or matched by the plural rule instead
        "The pain is deep insida my lower back.",
        "I had a syries of spasms last night.",
        "My skin gets grealsy with the heat pad.",
        "We curted the idea of resting in bed.",
    ],
)
def test_slips_of_ordinary_words_name_no_medicine(text: str, kb: KnowledgeBase) -> None:
    assert find_medicines(text, kb) == []


def test_ssri_plurals_still_match(kb: KnowledgeBase) -> None:
    assert _ids("SSRIs", kb) == ["ssri_unspecified"]
    assert _ids("snri antidepressants", kb) == ["ssri_unspecified"]


# --- label figures corrected after the clinical review (D25) ---------------------------------------


def _basis(med: MedicineDef) -> str:
    return " ".join((med.label_basis or "").split())


def test_atorvastatin_gives_the_label_s_placebo_controlled_figures(kb: KnowledgeBase) -> None:
    med = kb.medicines["atorvastatin"]
    assert med.lists_cramps and "statin" in med.tags
    text = _basis(med)
    assert "3.6% on any dose (4.6% at 10 mg) vs 3.0% on placebo" in text
    assert "2 in 100" not in text


def test_alendronic_acid_is_recognised_but_not_on_the_cramp_list(kb: KnowledgeBase) -> None:
    for typed in ("alendronic acid", "Alendronate", "FOSAMAX", "alendronik acid"):
        med = match_medicine(typed, kb)
        assert med is not None and med.id == "alendronic_acid", typed
    med = kb.medicines["alendronic_acid"]
    assert med.lists_cramps is False
    text = _basis(med)
    assert "0.0% on alendronate vs 1.0% on placebo" in text
    assert "low blood calcium" in text and "not the label" in text
    assert _typed(kb, "Fosamax")["cramp_medicine"] is False
