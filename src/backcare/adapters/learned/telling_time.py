"""Words that tell when a complaint belongs: stable for years, new again, or over.

The sentence model reads what a sentence says, not when: these words let the reader ask back a
lasting finding told as over, or a new one told as stable for years.
"""

from __future__ import annotations

import re

from backcare.adapters.learned.telling_words import LONG_WORDS

#: Words that tell a complaint as stable for months or years, or name a chronic cause of it.
TOLD_STABLE = re.compile(rf"\b(?:{LONG_WORDS}|same as|no different)\b", re.I)
#: Words that make it new again: "worse since Monday", "over the last few days", "spreading".
CHANGED = re.compile(
    r"\b(?:new|newly|worse|worsening|sudden(?:ly)?|spread(?:s|ing)?|creeping|higher|further|recent(?:ly)?"
    r"|started|starting|began|begun|today|tonight|yesterday|this (?:morning|week)|last (?:night|week)|days?|weeks?"
    r"|hours?|gone|went|since\s+(?:yesterday|last|this|the weekend|(?:mon|tues|wednes|thurs|fri|satur|sun)day))\b",
    re.I,
)

#: Words that tell a complaint as over: "it fully went away with physio", "cleared up", "resolved".
TOLD_OVER = re.compile(
    r"\b(?:went|gone|goes)\s+away\b|\b(?:fully|completely|totally|all)\s+(?:gone|better|recovered|resolved|cleared|settled|healed)\b"
    r"|\bcleared\s+up\b|\bresolved\b|\bsettled\s+down\b|\bno\s+longer\b|\bnot\s+any\s*more\b"
    # "which went completely after physio", but not "went completely numb"
    r"|\bwent\s+(?:completely|totally|fully)\b(?=\s*(?:[.,;!)]|$|(?:after|with|when|once|by|within|over)\b))",
    re.I,
)
#: ... unless it came back: "it went away, then came back last week".
BACK_AGAIN = re.compile(r"\b(?:came|come|comes|coming)\s+back\b|\bback\s+again\b|\breturned\b|\bagain\b", re.I)
#: Findings that last by definition (leg symptoms there for months or years, pain for over three
#: months): the model's reading from a sentence that tells the complaint as over, and of nothing new,
#: is asked back ("pins and needles in both legs three years ago, it fully went away with physio").
LASTING_ONLY = ("longstanding_leg_symptoms", "pain_over_3_months")

#: Findings that are new by definition (a new lump or change of shape, new trouble with erections):
#: the model's reading from a sentence that tells it as stable for years, and of no change, is asked back.
NEW_ONLY = ("back_lump_or_deformity", "sexual_dysfunction_new")


def told_not_lasting(finding: str, words: str) -> bool:
    """Whether ``words`` tell a lasting finding as over and not back again ("it fully went away
    with physio"), or tell leg symptoms as new with no word of months or years ("since the weekend
    both feet feel numb, like walking on cotton wool")."""
    over = bool(TOLD_OVER.search(words)) and not BACK_AGAIN.search(words)
    new = finding == "longstanding_leg_symptoms" and bool(CHANGED.search(words)) and not TOLD_STABLE.search(words)
    return over or new
