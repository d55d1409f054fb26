"""Words for relatives, shared by the age reader ("my dad is 81") and the interpreter's reading of
whose report it is ("asking for my dad"): defined once so that the two never disagree."""

from __future__ import annotations


def _in_laws(*relatives: str) -> tuple[str, ...]:
    """In-laws as people write them, hyphenated or not: "mother-in-law", "mother in law"."""
    return tuple(f"{relative}{sep}in{sep}law" for relative in relatives for sep in ("-", " "))


#: Male relatives ("my dad", "her husband").
MALE_RELATIVES = (
    "dad", "daddy", "father", "husband", "son", "brother", "grandad", "granddad", "grandpa", "grandfather",
    "boyfriend", "uncle", "nephew", "stepdad", "stepfather", "stepson", "fiance", "da", "pa", "papa",
    "taid", "granda", "grandda", "lolo", *_in_laws("father", "brother", "son"), "fil",
    "old man", "old fella", "old feller",  # "my old man's 69": a husband or a father
)  # fmt: skip
#: Female relatives ("my mum", "his wife").
FEMALE_RELATIVES = (
    "mum", "mom", "mam", "mammy", "mummy", "mommy", "mother", "wife", "daughter", "sister", "nan", "nana", "nanna",
    "gran", "granny", "grandma", "grandmother", "girlfriend", "aunt", "auntie", "aunty", "niece", "stepmum",
    "stepmother", "stepdaughter", "fiancee", "ma", "mama", "momma", "nain", "lola",
    *_in_laws("mother", "sister", "daughter"), "mil",
    "old woman", "old lady", "old dear",  # "my old dear": a mother or a wife
)  # fmt: skip
#: Kinship words used as names ("Mum is 79", "Dad takes..."), or with "my" left out in a hurry
#: ("Daughter is 9", "Husband has..."), capitalised at a sentence start; "Mate," addresses the reader.
KIN_NAME = (
    r"(?-i:Mum|Mom|Mam|Mammy|Mummy|Mommy|Ma|Mama|Momma|Dad|Daddy|Pa|Papa|Nan|Nana|Nanna|Gran|Granny|Grandma|Grandad|Granddad|Grandpa"
    r"|Nain|Taid|Granda|Grandda|Lola|Lolo"
    r"|Daughter|Son|Husband|Hubby|Wife|Partner|Boyfriend|Girlfriend|Grandson|Granddaughter|Mother|Father|Mate(?!,)|Friend"
    r"|Neighbour|Neighbor|Flatmate|Housemate|Colleague|Coworker|Roommate)"
)
#: ... in any case, where only a name can stand: "mum is 84, back pain since she fell".
KIN_NAME_ANY_CASE = KIN_NAME.replace("(?-i:", "(?:", 1)

_HE = frozenset({"he", "him", "his", "himself"})
_SHE = frozenset({"she", "her", "hers", "herself"})
#: Words for a male person other than the writer, pronouns included: the patient is "he".
MALE = frozenset({*MALE_RELATIVES, "hubby", "bf", "boy", "lad", "grandson", *_HE})
#: Words for a female person other than the writer, pronouns included.
FEMALE = frozenset({*FEMALE_RELATIVES, "wifey", "gf", "missus", "girl", "lass", "granddaughter", *_SHE})
#: Relatives of either sex, and the others someone may write for (a flatmate, a neighbour).
NEUTRAL = frozenset(
    {"partner", "child", "kid", "toddler", "baby", "friend", "parent", "spouse", "sibling", "relative", "cousin",
     "flatmate", "housemate", "roommate", "colleague", "coworker", "neighbour", "neighbor", "mate", "buddy", "pal",
     "teammate", "player", "pupil", "newborn", "little one", "eldest", "youngest", "oldest"}
)  # fmt: skip
#: Every relative (no pronouns), longest first as a regular expression's alternatives.
RELATIONS = (MALE | FEMALE | NEUTRAL) - _HE - _SHE
RELATION_RE = "|".join(sorted(RELATIONS, key=len, reverse=True))
#: Words for a child: the age read for "child" is theirs.
CHILD_WORDS = frozenset({"son", "daughter", "boy", "girl", "grandson", "granddaughter", "kid", "child", "toddler",
                         "baby", "newborn", "nephew", "niece", "stepson", "stepdaughter", "little one", "eldest",
                         "youngest", "oldest"})  # fmt: skip
