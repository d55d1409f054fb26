"""Medicine table (knowledge/data/medicines.yaml) and name matching (backcare.medicines)."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
import yaml

from backcare.knowledge import DATA_DIR, KnowledgeBase, load_knowledge
from backcare.knowledge.schema import MedicineDef, SourceDef
from backcare.medicines import (
    derived_medicine_facts,
    find_medicines,
    match_medicine,
    normalise_medicines,
)

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
    "alendronate": "alendronic_acid",
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
    assert len(bisphosphonates) >= 3 and all(m.lists_cramps for m in bisphosphonates)
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
        ("paracetamol", {"painkiller"}),
        ("co_codamol", {"painkiller"}),
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


def _facts(kb: KnowledgeBase, *ids: str) -> dict[str, bool]:
    return derived_medicine_facts([kb.medicines[i] for i in ids])


def test_derived_facts(kb: KnowledgeBase) -> None:
    assert _facts(kb) == {"cramp_medicine": False, "takes_painkillers": False, "anticoagulant": False}
    assert _facts(kb, "furosemide") == {"cramp_medicine": True, "takes_painkillers": False, "anticoagulant": False}
    assert _facts(kb, "paracetamol")["takes_painkillers"]
    assert _facts(kb, "ibuprofen", "apixaban") == {
        "cramp_medicine": False,
        "takes_painkillers": True,
        "anticoagulant": True,
    }
    assert _facts(kb, "clopidogrel")["anticoagulant"] is False
    assert _facts(kb, "clopidogrel", "atorvastatin")["cramp_medicine"] is True


def test_derived_facts_agree_with_the_tags_for_every_medicine(kb: KnowledgeBase) -> None:
    for med in kb.medicines.values():
        facts = derived_medicine_facts([med])
        assert facts["cramp_medicine"] == med.lists_cramps
        assert facts["anticoagulant"] == ("anticoagulant" in med.tags)
        assert facts["takes_painkillers"] == bool({"painkiller", "nsaid"} & set(med.tags))
