"""Recognise medicines by generic or brand name, in answer lists and in free text.

Pure functions over the knowledge base (``KnowledgeBase.medicines``). People type medicine names
from memory, so matching is exact first (case, accents, hyphens and spacing ignored: "Co-Codamol",
"co codamol" and "cocodamol" are one name), then tolerant of misspellings ("atorvastatine",
"lasics", "ibuprofin"). Four guards keep ordinary words from being read as medicines:

- a word shorter than 5 letters matches exactly or not at all ("last" is never Lasix);
- a word found in an English dictionary ("aspiring", "stating", "alive") is never taken for a
  misspelt medicine: it most likely means what it says;
- the edit distance allowed grows with the length of the name (1 up to 7 letters, 2 up to 10,
  3 beyond), with one or two more edits only for spellings that sound the same by Metaphone
  ("lasics" for Lasix, "plavicks" for Plavix), and the first sound must agree;
- a word one slip away from a common English word ("proer": "proper") needs a sound-alike match,
  and when two medicines are equally close nothing is matched.

Residual risk, measured on random one-letter typos of 20,000 common English words: about 1 in
800 still lands on a medicine name. That errs towards over-triage (a medication review), never
towards missing a warning sign.

The name index is built once per knowledge-base version; rapidfuzz, jellyfish and the
pyspellchecker word list are imported lazily, and the word list is only loaded the first time a
word comes close to a medicine name. Building it also checks the combination products
(``check_medicine_table``) and refuses an inconsistent table with a ``KnowledgeError``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from backcare.core.memo import kept

if TYPE_CHECKING:
    from spellchecker import SpellChecker

    from backcare.knowledge import KnowledgeBase
    from backcare.knowledge.schema import MedicineDef

__all__ = [
    "check_medicine_table",
    "derived_medicine_facts",
    "find_medicines",
    "match_medicine",
    "normalise_medicines",
]

MIN_FUZZY_LETTERS = 5
"""Words (and names) shorter than this must match exactly."""
COMMON_WORD_COUNT = 500
"""A word this frequent in pyspellchecker's English list is a likelier meaning of a near typo."""

_WORD = re.compile(r"[^\W\d_]+")  # runs of letters: digits, hyphens and punctuation separate words


def _plain(word: str) -> str:
    """Lower case without accents, so "Furosémide" and "furosemide" are the same word."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _words(name: str) -> tuple[str, ...]:
    return tuple(_plain(m.group()) for m in _WORD.finditer(name))


@dataclass(frozen=True)
class _Candidate:
    """One medicine name as the fuzzy matcher sees it."""

    joined: str  # the name's words run together
    words: tuple[str, ...]
    medicine_id: str


@dataclass(frozen=True)
class _Index:
    medicines: Mapping[str, MedicineDef]
    exact: Mapping[tuple[str, ...], str]  # words of a name (or a multi-word name run together) -> id
    single: tuple[_Candidate, ...]  # fuzzy candidates for one word of text
    multi: Mapping[int, tuple[_Candidate, ...]]  # fuzzy candidates for n > 1 words of text
    multi_words: frozenset[str]  # every word that occurs in a multi-word name
    max_words: int
    fuzzy_cache: dict[tuple[str, ...], str | None] = field(default_factory=dict, compare=False)
    name_cache: dict[str, tuple[MedicineDef, ...]] = field(default_factory=dict, compare=False)


_INDEXES: dict[str, _Index] = {}
_FUZZY_CACHE_LIMIT = 50_000
_NAME_CACHE_LIMIT = 10_000
"""Typed medicine names kept with what they name (``normalise_medicines``): each at most 200
characters, so at most a few megabytes; people's lists repeat the same few hundred names."""


def _index(kb: KnowledgeBase) -> _Index:
    """The name index for this knowledge base, built once per ``kb.version``."""
    index = _INDEXES.get(kb.version)
    if index is None:
        index = _build_index(kb.medicines)
        _INDEXES[kb.version] = index
    return index


def check_medicine_table(medicines: Mapping[str, MedicineDef]) -> list[str]:
    """Problems with the combination products of a medicine table; empty when it is consistent.

    A product's ``contains`` must name medicines of the table that are not combinations
    themselves, the product must carry every tag of every one of them, and it must list cramps
    when one of them does. The derived facts read a product's own tags, so this is what makes
    "Zestoretic" count as both an ACE inhibitor and a diuretic.
    """
    problems: list[str] = []
    for med in medicines.values():
        for part_id in med.contains:
            part = medicines.get(part_id)
            if part is None:
                problems.append(f"{med.id}: contains unknown medicine {part_id!r}")
                continue
            if part.contains:
                problems.append(f"{med.id}: contains {part_id!r}, itself a combination; name its ingredients")
            missing = [tag for tag in part.tags if tag not in med.tags]
            if missing:
                problems.append(f"{med.id}: lacks the tags {missing} of its ingredient {part_id!r}")
            if part.lists_cramps and not med.lists_cramps:
                problems.append(f"{med.id}: its ingredient {part_id!r} lists cramps, so it must too")
    return problems


def _build_index(medicines: Mapping[str, MedicineDef]) -> _Index:
    problems = check_medicine_table(medicines)
    if problems:
        from backcare.knowledge import KnowledgeError

        raise KnowledgeError("knowledge/data/medicines.yaml: " + "; ".join(problems))
    exact: dict[tuple[str, ...], str] = {}
    single: list[_Candidate] = []
    multi: dict[int, list[_Candidate]] = {}
    for med in medicines.values():
        for name in med.all_names:
            words = _words(name)
            if not words:
                continue
            joined = "".join(words)
            exact.setdefault(words, med.id)
            exact.setdefault((joined,), med.id)
            if len(joined) >= MIN_FUZZY_LETTERS:
                single.append(_Candidate(joined, (joined,), med.id))
            if len(words) > 1:
                multi.setdefault(len(words), []).append(_Candidate(joined, words, med.id))
    return _Index(
        medicines=dict(medicines),
        exact=exact,
        single=tuple(single),
        multi={n: tuple(c) for n, c in multi.items()},
        multi_words=frozenset(w for cands in multi.values() for c in cands for w in c.words),
        max_words=max((len(w) for w in exact), default=1),
    )


@cache
def _speller() -> SpellChecker:
    from spellchecker import SpellChecker

    return SpellChecker(language="en", distance=1)


def _english_words() -> Mapping[str, int]:
    """Ordinary English words and their counts (pyspellchecker's list)."""
    words: Mapping[str, int] = _speller().word_frequency.dictionary
    return words


def _near_common_word(word: str) -> bool:
    """Whether one typing slip turns ``word`` into a common English word ("proer": "proper")."""
    words = _english_words()
    return any(words.get(w, 0) >= COMMON_WORD_COUNT for w in _speller().edit_distance_1(word))


@lru_cache(maxsize=4096)
def _sound(word: str) -> str:
    import jellyfish

    return jellyfish.metaphone(word)


def _allowed_edits(name_length: int) -> int:
    if name_length <= 7:
        return 1
    return 2 if name_length <= 10 else 3


def _close_enough(query: str, name: str, distance: int) -> tuple[bool, bool]:
    """Whether ``query`` may be a misspelling of ``name``, and whether it sounds the same."""
    if min(len(query), len(name)) < MIN_FUZZY_LETTERS:
        return False, False
    q_sound, n_sound = _sound(query), _sound(name)
    if query[0] != name[0] and q_sound[:1] != n_sound[:1]:
        return False, False
    same_sound = len(n_sound) >= 3 and q_sound == n_sound
    allowed = _allowed_edits(len(name))
    if distance <= allowed:
        return True, same_sound
    return same_sound and distance <= allowed + (2 if len(n_sound) >= 4 else 1), same_sound


def _best(hits: Iterable[tuple[int, bool, str]]) -> str | None:
    """The closest candidate's medicine; None when two different medicines are equally close."""
    ranked = sorted(hits, key=lambda h: (h[0], not h[1]))
    if not ranked:
        return None
    top = ranked[0]
    rivals = {h[2] for h in ranked if (h[0], h[1]) == (top[0], top[1])}
    return top[2] if len(rivals) == 1 else None


def _fuzzy_one(word: str, index: _Index) -> str | None:
    if len(word) < MIN_FUZZY_LETTERS:
        return None
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    cutoff = max(_allowed_edits(len(word)) + 1, len(word) // 2 + 1)
    choices = [c.joined for c in index.single]
    hits: list[tuple[int, bool, str]] = []
    for _, distance, pos in process.extract(word, choices, scorer=OSA.distance, score_cutoff=cutoff, limit=None):
        cand = index.single[pos]
        ok, same_sound = _close_enough(word, cand.joined, int(distance))
        if ok:
            hits.append((int(distance), same_sound, cand.medicine_id))
    if not hits or word in _english_words():
        return None
    if _near_common_word(word):  # "proer" is likelier "proper" than ProAir, unless it sounds the same
        hits = [h for h in hits if h[1]]
    return _best(hits)


def _fuzzy_many(words: tuple[str, ...], index: _Index) -> str | None:
    """A multi-word name with at least one word exact and the others close ("zoledronik acid")."""
    if not index.multi_words.intersection(words):
        return None
    from rapidfuzz.distance import OSA

    query = "".join(words)
    hits: list[tuple[int, bool, str]] = []
    for cand in index.multi.get(len(words), ()):
        pairs = list(zip(words, cand.words, strict=True))
        differing = [q for q, n in pairs if q != n]
        if len(differing) == len(pairs) or any(len(q) < MIN_FUZZY_LETTERS for q in differing):
            continue
        distance = OSA.distance(query, cand.joined)
        ok, same_sound = _close_enough(query, cand.joined, distance)
        if ok and not any(q in _english_words() for q in differing):
            hits.append((distance, same_sound, cand.medicine_id))
    return _best(hits)


def _fuzzy(words: tuple[str, ...], index: _Index) -> str | None:
    def match() -> str | None:
        return _fuzzy_one(words[0], index) if len(words) == 1 else _fuzzy_many(words, index)

    return kept(index.fuzzy_cache, words, _FUZZY_CACHE_LIMIT, match)


def _exact(words: tuple[str, ...], index: _Index) -> str | None:
    found = index.exact.get(words)
    last = words[-1]
    if found is None and len(last) >= MIN_FUZZY_LETTERS and last.endswith("s"):
        found = index.exact.get((*words[:-1], last[:-1]))  # a plural: "statins", "Ventolins"
    return found


def _match_at(words: Sequence[str], start: int, index: _Index) -> tuple[str, int] | None:
    """The longest name starting at ``start``: exact before fuzzy at each length."""
    for n in range(min(index.max_words, len(words) - start), 0, -1):
        span = tuple(words[start : start + n])
        found = _exact(span, index) or _fuzzy(span, index)
        if found is not None:
            return found, n
    return None


def find_medicines(text: str, kb: KnowledgeBase) -> list[tuple[MedicineDef, str]]:
    """Medicines mentioned in free text, each once, in order, with the exact text that named it.

    Whether a mention is negated ("I don't take warfarin") is for the language layer to decide.
    """
    index = _index(kb)
    tokens = list(_WORD.finditer(text))
    words = [_plain(t.group()) for t in tokens]
    found: list[tuple[MedicineDef, str]] = []
    seen: set[str] = set()
    i = 0
    while i < len(words):
        hit = _match_at(words, i, index)
        if hit is None:
            i += 1
            continue
        medicine_id, n = hit
        if medicine_id not in seen:
            seen.add(medicine_id)
            found.append((index.medicines[medicine_id], text[tokens[i].start() : tokens[i + n - 1].end()]))
        i += n
    return found


def match_medicine(name: str, kb: KnowledgeBase) -> MedicineDef | None:
    """The medicine a typed name refers to ("Lipitor 20mg", "furosemid"), or None.

    A name that mentions several medicines ("Tylenol and Advil") gives the first; use
    ``normalise_medicines`` to keep them all.
    """
    hits = find_medicines(name, kb)
    return hits[0][0] if hits else None


def normalise_medicines(names: Iterable[str], kb: KnowledgeBase) -> tuple[list[MedicineDef], list[str]]:
    """Recognised medicines in input order without repeats, and the names not recognised, as given.

    An entry naming more than one medicine contributes each of them.
    """
    matched: list[MedicineDef] = []
    unmatched: list[str] = []
    seen: set[str] = set()
    for name in names:
        hits = _named(name, kb)
        if not hits:
            if name.strip() and name not in unmatched:
                unmatched.append(name)
            continue
        for med in hits:
            if med.id not in seen:
                seen.add(med.id)
                matched.append(med)
    return matched, unmatched


def _named(name: str, kb: KnowledgeBase) -> tuple[MedicineDef, ...]:
    """The medicines one typed name mentions, in order; kept per name, as every assessment of a
    list reads it again (its facts, then a contributor's wording)."""
    return kept(_index(kb).name_cache, name, _NAME_CACHE_LIMIT, lambda: tuple(m for m, _ in find_medicines(name, kb)))


_TAG_FACTS = ("antiplatelet", "ssri_snri", "acei_arb", "diuretic", "oral_steroid", "nsaid_raises_level")
"""Medicine tags that become computed findings of the same name (the NSAID safety gate reads them)."""


def derived_medicine_facts(meds: Sequence[MedicineDef]) -> dict[str, bool]:
    """The findings that follow from what someone takes, from the recognised medicines listed.

    - ``cramp_medicine``: a medicine whose label or evidence lists cramps or spasms;
    - ``takes_painkillers``: any painkiller, NSAID or paracetamol product (the overdose and
      jaundice flags read it);
    - ``anticoagulant``: an anticoagulant (warfarin, a DOAC, a heparin); antiplatelets do not
      count here;
    - ``antiplatelet``: clopidogrel, prasugrel, ticagrelor, dipyridamole or aspirin (plain aspirin
      counts, as its dose is rarely given, and so do products that contain it);
    - ``ssri_snri``: an SSRI or SNRI antidepressant;
    - ``acei_arb``: an ACE inhibitor or an angiotensin II receptor blocker;
    - ``diuretic``: a diuretic (water tablet);
    - ``oral_steroid``: a corticosteroid taken by mouth (not a cream or an inhaler);
    - ``nsaid_raises_level``: methotrexate or lithium, whose blood level NSAIDs can raise;
    - ``paracetamol_several_products``: two or more different products that contain paracetamol
      (co-codamol and Lemsip, say). Products are table entries: brands of plain paracetamol
      (Panadol, Tylenol) are one product, each combination product is its own.

    A combination product counts for every ingredient: it carries their tags
    (``check_medicine_table`` makes sure of it). Medicines that are not recognised count for
    nothing, so a False here means "none of the recognised medicines", not "none at all".
    ``anticoagulant`` and ``paracetamol_several_products`` are also questions a person answers:
    the caller should use a True from here but let a False leave the person's own answer (or
    unknown) in place. An empty list gives all False: leave the facts unknown instead when the
    question was not asked.
    """
    tags: set[str] = set().union(*(m.tags for m in meds))  # a fact holds when any medicine carries its tag
    facts = {
        "cramp_medicine": any(m.lists_cramps for m in meds),
        "takes_painkillers": not tags.isdisjoint(("painkiller", "nsaid", "paracetamol")),
        "anticoagulant": "anticoagulant" in tags,
    }
    facts.update({tag: tag in tags for tag in _TAG_FACTS})
    facts["paracetamol_several_products"] = len({m.id for m in meds if "paracetamol" in m.tags}) >= 2
    return facts
