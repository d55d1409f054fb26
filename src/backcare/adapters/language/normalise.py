"""Cleaning raw text and giving every token a normalised form the vocabulary is written in.

People paste anything: control bytes, emoji, a whole e-mail thread, text-speak, typos. Cleaning
makes the text safe and bounded; normalisation makes "cant", "can't" and "cannot" one thing, and
reads "numbess" as "numbness". Typo correction is deliberately narrow: only a word that is in
no English dictionary, at least five letters long, and within one or two edits of a word the
vocabulary actually uses is corrected ("seeing" is never read as "weeing").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

MAX_CHARS = 6_000
"""Longer texts are cut here: a triage description is a paragraph, not a book."""

MIN_FUZZY_LETTERS = 5

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff\ufffd]")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"', "\u00b4": "'",
                         "\u2013": "-", "\u2014": " - ", "\u2212": "-", "\u00a0": " ",
                         # an emoji's presentation selector would glue a full stop to it ("🏃‍♂️.")
                         "\ufe0e": "", "\ufe0f": ""})  # fmt: skip
#: A blank line, or a line that starts a list item or a numbered question ("Q8 Fever?"; not a
#: reading wrapped onto it, "T\n38.6"), a quoted line ("> "; not a note's ">200 m") or a form's
#: labelled answer ("Confused/drowsy: no", "Loss of bladder or bowel control: No"; a line wrapped
#: mid-sentence, "say how many in the last 24 h: ...", or "nothing\ntouches it: lying, sitting", is
#: no label).
_BREAK = re.compile(
    r"\n[ \t]*(?:\n|[-*\u2022\u25cf#]|>(?!\d)|\d+[.)](?!\d)|[Qq]\d{1,2}\b[.):]?|(?=[A-Z][\w /'&()-]{0,45}:"
    r"|(?![\w /'&-]*\b(?:it|me|him|them|us)\s*:)[a-z][\w /'&-]{0,30}:))\s*"
)
#: The labels of a written question and answer ("Q: Fever? A: No."): the question and its answer
#: are read as if typed "Fever? No.".
_QA_LABEL = re.compile(r"(^|[.?!\n])([ \t]*)(?:q|a|ans|answer|question)[ \t]*:[ \t]*", re.I)
#: Punctuation dictated by voice ("we hit a van comma not fast full stop"); not "in a comma" (a coma)
#: or "came to a full stop".
DICTATED_MARKS = {"comma": ",", "full stop": ".", "new line": " .", "new paragraph": " .", "question mark": "?",
                  "exclamation mark": "!"}  # fmt: skip
_DICTATED = re.compile(rf"[ \t]*\b(?<!\ba )(?P<mark>{'|'.join(DICTATED_MARKS)})\b", re.I)
#: Scots and Irish "o'" for "of" ("the back o' us", "a cup o' tea"); not "o'clock".
_OF = re.compile(r"\b([oO])'(?=\s)")
#: A note's "x2d", "x3w": for so many days or weeks, written out so that the "d." of "x2d." is no
#: abbreviation that hides the end of the sentence.
_TIMES_UNIT = re.compile(r"\b([xX]) ?(\d{1,3}) ?(d|w|wk)\b")
_TIMES_UNIT_NAMES = {"d": "days", "w": "weeks", "wk": "weeks"}
#: A note's side or sex letter ending a sentence ("dermatome L. Saddle sensation intact", "38M.
#: Reduced ..."): its full stop is the sentence's, not an abbreviation's that hides the end.
_LETTER_STOP = re.compile(r"(?:(?<=\s)[LR]|(?<=\d)[MF])\.(?=\s+[A-Z])")
#: A word or two in quotation marks ("sudden "ripping" pain", a note's "feels 'rough but OK'"): read as
#: the words themselves (a single quote only between non-letters, so never an apostrophe; and never
#: words quoted in the first person, which are their speaker's: "she keeps saying 'my back hurts'").
_SCARE_QUOTES = re.compile(
    r'"([A-Za-z][\w\'-]*(?: [\w\'-]+){0,2})"'
    r"|(?<!\w)'(?![^']*\b(?i:i|my|me|mine|we|our|us)\b)([A-Za-z][\w-]*(?: [\w-]+){0,3})'(?!\w)"
)
#: A form's one-letter answer ("Fever or chills? N", "Chest pain? Y - a heavy feeling"), and the choice
#: marked between the two ("Y / [N]", "[Y] / N"): written out, so that a "no" denies the question.
_LETTER_ANSWER = re.compile(r"(?<=[?:])[ \t]*(?:(?P<y>y)|n)(?=[ \t]*(?:$|[-.,;]))", re.I | re.M)
_MARKED_CHOICE = re.compile(r"\[\s*(?P<y>y|yes)\s*\]\s*/\s*(?:n|no)\b|\b(?:y|yes)\s*/\s*\[\s*(?:n|no)\s*\]", re.I)
#: A question written with a full stop and answered on its own ("Any fever. NO.", "Had I got numb bits
#: down below. No."): its stop made a question mark, so that the answer denies it as "Fever? No." does.
_UNMARKED_QUESTION = re.compile(
    r"(?:^|(?<=[.!?]\s))(?:any|(?:had|have|has|did|do|does|was|were|is|are|am|could|can)\s+"
    r"(?:i|you|he|she|we|they|there|it|my|your|his|her)\b)[^.!?\n]{1,100}\."
    r"(?=[ \t]+(?:no|nope|nah|none|never|yes|yep|yeah)[ \t]*(?:[.!]|$))",
    re.I | re.M,
)
#: A form's boxes: an option left unticked ("[ ] upper back") says nothing; a ticked one is its words.
UNTICKED = re.compile(r"\[[ \t]*\][^\[\n]*")
_TICKED = re.compile(r"\[[ \t]*[x\u2713\u2714][ \t]*\][ \t]*", re.I)
_SPACES = re.compile(r"[ \t\r\f\v]+")
_NEWLINE = re.compile(r"\s*\n\s*")


@dataclass(frozen=True)
class CleanText:
    """Text ready for the pipeline, with what was done to it."""

    text: str
    truncated: bool
    removed_control: bool


def clean(raw: str, max_chars: int = MAX_CHARS) -> CleanText:
    """Bounded, printable text; list items and blank lines become sentence ends."""
    text = raw if isinstance(raw, str) else str(raw)
    text = text.encode("utf-8", "ignore").decode("utf-8")  # lone surrogates cannot be processed
    truncated = len(text) > max_chars
    if truncated:
        cut = text[:max_chars]
        end = max(cut.rfind(". "), cut.rfind("\n"))
        text = cut[: end + 1] if end > max_chars // 2 else cut
    removed = len(text) != len(raw) and not truncated
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    stripped = _CONTROL.sub(" ", text)
    removed = removed or stripped != text
    text = _DICTATED.sub(lambda m: DICTATED_MARKS[" ".join(m["mark"].lower().split())], stripped)
    text = _TICKED.sub("", UNTICKED.sub("", text))
    for answer in (_MARKED_CHOICE, _LETTER_ANSWER):
        text = answer.sub(lambda m: " yes." if m["y"] else " no.", text)
    text = _UNMARKED_QUESTION.sub(lambda m: m[0][:-1] + "?", text)
    text = _BREAK.sub(_sentence_break, _QA_LABEL.sub(r"\1\2", text))
    text = _NEWLINE.sub(" ", _OF.sub(r"\1f", text))
    text = _TIMES_UNIT.sub(lambda m: f"{m[1]}{m[2]} {_TIMES_UNIT_NAMES[m[3].lower()]}", text)
    text = _SCARE_QUOTES.sub(lambda m: m[1] or m[2], text)
    text = _LETTER_STOP.sub(lambda m: m[0][:-1] + " .", text)
    text = _SPACES.sub(" ", text).strip()
    return CleanText(text=text, truncated=truncated, removed_control=removed)


def _sentence_break(match: re.Match[str]) -> str:
    """A list item or a paragraph break ends a sentence, so a "no" cannot reach into the next."""
    return " . "


#: Negative verbs of Scots ("a cannae breathe", "it wisnae there") and Jamaican English ("mi cyaan
#: pass water"): the tokenizer splits each into its verb, as typed, and the rest ("nae", "an"), read
#: as the verb's standard form and "not".
NEGATIVE_VERBS: Mapping[str, tuple[str, str]] = {
    "cannae": ("can", "can"), "canna": ("can", "can"), "dinnae": ("din", "do"), "dinna": ("din", "do"),
    "didnae": ("did", "did"), "doesnae": ("does", "does"), "isnae": ("is", "is"), "wisnae": ("wis", "was"),
    "wasnae": ("was", "was"), "werenae": ("were", "were"), "couldnae": ("could", "could"),
    "wouldnae": ("would", "would"), "widnae": ("wid", "would"), "shouldnae": ("should", "should"),
    "hasnae": ("has", "has"), "havnae": ("hav", "have"), "havenae": ("have", "have"), "arenae": ("are", "are"),
    "willnae": ("will", "will"), "wullnae": ("wull", "will"), "urnae": ("ur", "are"), "wurnae": ("wur", "were"),
    "huvnae": ("huv", "have"), "hivnae": ("hiv", "have"), "hudnae": ("hud", "had"), "disnae": ("dis", "does"),
    "cudnae": ("cud", "could"), "shudnae": ("shud", "should"),
    "cyaan": ("cya", "can"), "kyaan": ("kya", "can"), "doan": ("do", "do"),
}  # fmt: skip


# Token forms that spaCy's tokenizer produces for contractions: their normalised word.
_CONTRACTIONS: Mapping[str, str] = {
    "n't": "not", "nt": "not", "ca": "can", "wo": "will", "sha": "shall", "ai": "is",
    "'ve": "have", "ve": "have", "'ll": "will", "'re": "are", "'d": "would", "'m": "am",
}  # fmt: skip


def base_norm(text: str, previous: str | None) -> str:
    """The normalised form of one token before any vocabulary mapping."""
    lower = text.lower()
    if lower in _CONTRACTIONS and (lower.startswith("'") or lower == "n't" or previous is not None):
        return _CONTRACTIONS[lower]
    if lower == "m" and previous == "i":
        return "am"
    if lower in {"'s", "s"} and previous in _IS_BEFORE:
        return "is"  # "it's not" -> "it is not": the "not" then fuses with its auxiliary
    if not lower.isascii():
        lower = _fold_accents(lower)
    return lower


#: Words after which "'s" is "is" ("it's", "that's"), not a possessive.
_IS_BEFORE = frozenset({"it", "he", "she", "that", "there", "what", "who", "where", "here", "this", "everything"})


def _fold_accents(word: str) -> str:
    """ "rosé" -> "rose", "naïve" -> "naive": people type accents, the vocabulary has none."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


@dataclass(frozen=True)
class Normaliser:
    """Maps a token's text to the word the vocabulary uses: replacements, then typo repair."""

    replacements: Mapping[str, str]
    keywords: frozenset[str]

    def norm(self, text: str, previous: str | None) -> str:
        word = base_norm(text, previous)
        mapped = self.replacements.get(word)
        if mapped is not None:
            return mapped
        if len(word) >= MIN_FUZZY_LETTERS and word.isalpha() and word not in self.keywords:
            return _correct(word, self.keywords) or word
        return word


def make_normaliser(replacements: Mapping[str, str], keywords: Iterable[str]) -> Normaliser:
    words = frozenset(k for k in keywords if len(k) >= MIN_FUZZY_LETTERS)
    return Normaliser(replacements=dict(replacements), keywords=words)


@cache
def english_words() -> frozenset[str]:
    """Ordinary English words (pyspellchecker's list): never "corrected" into something else."""
    from spellchecker import SpellChecker

    return frozenset(SpellChecker(language="en", distance=1).word_frequency.dictionary)


_CORRECTIONS: dict[tuple[str, frozenset[str]], str | None] = {}


def _correct(word: str, keywords: frozenset[str]) -> str | None:
    """The one vocabulary word ``word`` is a misspelling of, or None (cached per word)."""
    key = (word, keywords)
    if key in _CORRECTIONS:
        return _CORRECTIONS[key]
    result: str | None = None
    if word.endswith("in") and word + "g" in keywords and word not in english_words():
        result = word + "g"  # a dropped "g" ("fallin", "achin") before any nearer slip ("fallen")
    elif word not in english_words():
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        allowed = 1 if len(word) < 8 else 2
        hits = process.extract(word, keywords, scorer=OSA.distance, score_cutoff=allowed, limit=3)
        best = sorted((int(d), cand) for cand, d, _ in hits if cand[0] == word[0] or _first_slip(word, int(d)))
        if best and (len(best) == 1 or best[0][0] < best[1][0]):
            result = best[0][1]
    if len(_CORRECTIONS) > 50_000:
        _CORRECTIONS.clear()
    _CORRECTIONS[key] = result
    return result


def _first_slip(word: str, distance: int) -> bool:
    """Whether a word may differ from the vocabulary word in its first letter: a single slip in a
    word of six letters or more ("kumor", a word for the lower back, is not "tumor")."""
    return distance == 1 and len(word) > 5


def looks_like_english(words: list[str]) -> bool:
    """Whether enough of the alphabetic words are English (a rough check for another language)."""
    alpha = [w for w in words if w.isalpha() and len(w) > 1]
    if len(alpha) < 4:
        return True
    known = english_words()
    share = sum(w.lower() in known for w in alpha) / len(alpha)
    return share >= 0.5
