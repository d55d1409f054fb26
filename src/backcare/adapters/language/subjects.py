"""Whose findings a mention is: the writer's, or someone else's ("my dad had cancer"). In a carer's report
("writing for my dad, he's 81") the person described is the patient, so cues that name them are not "someone else"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from backcare.adapters.language import kinship
from backcare.adapters.language.kinship import CHILD_WORDS, FEMALE, KIN_NAME, MALE, NEUTRAL, RELATION_RE, RELATIONS
from backcare.adapters.language.mentions import Analysis, Mention

#: A grandparent or parent named like a name, without "my": "Typing for Nan who is 78".
_NAMED_PARENT = "nan|nana|nanna|gran|granny|grandma|grandad|granddad|grandpa|mum|mom|mam|dad"
_EXPLICIT_PROXY = re.compile(
    rf"\b(?:writing|asking|messaging|posting|enquiring|inquiring|texting|typing|here|contacting\s+you|calling|checking|"
    rf"worried|concerned|query|question)\b[^.!?]{{0,25}}?\b(?:for|about|on\s+behalf\s+of|regarding|re)\s+(?:my|our)\s+"
    rf"(?:\w+\s+)?(?P<rel>{RELATION_RE})\b|^\s*(?:(?:hi|hello|hey)\b[\s,!.]*)?(?:(?:it'?s|it\s+is|this\s+is)\s+)?"
    rf"(?:for|re:?|about|regarding)\s+(?:my|our)\s+(?P<rel2>{RELATION_RE})\b"  # "hi its for my husband (41)"
    # a message that opens with whom it is for: "Typing for Nan who is 78" (not "he's confused,
    # asking for Mum")
    rf"|(?:\A|[.!?]\s+)\s*(?:writing|typing|messaging|texting|posting|asking|enquiring)\s+(?:this\s+)?"
    rf"(?:for|on\s+behalf\s+of|about)\s+(?P<rel5>{_NAMED_PARENT})\b"
    # "Dad (73) typing with my help": the relative tells it, the writer types
    rf"|\b(?P<rel3>{RELATION_RE})\b[^.!?]{{0,20}}?\b(?:typing|writing|dictating|texting)\s+(?:with|via|through)\s+my\s+help\b"
    # a parent's text that opens with the child and the age: "daughter 13, back pain that wakes her",
    # "son is 12, for 2 weeks his back pain wakes him"
    r"|\A\s*(?:my\s+)?(?P<rel4>son|daughter|boy|girl|child|kid)(?:'s\s+|\s*(?:,\s*|\s+)(?:is\s+|aged\s+)?)\d{1,2}"
    r"\s*(?:,|\.|yo\b|y/o|yrs?\b|years?\b)"
    # a call about a child named with an age, without "my": "Mum calling about daughter aged 3"
    r"|\b(?:calling|ringing|phoning|rang|phoned|writing|asking|enquiring|typing|messaging)\s+(?:about|for|re|regarding)\s+"
    r"(?:(?:her|his|their)\s+)?(?P<rel6>son|daughter|child|baby|boy|girl|toddler|grandson|granddaughter)\b"
    r"(?=\s*,?\s*(?:aged?\s+)?\d)"
    # one the writer looks after: "Mrs K (91) who I look after", "the gentleman we care for", "The lady I support"
    r"|\b(?P<cared>mrs|ms|miss|mr|lady|woman|gentleman|gent|man|client|resident)\b[^.!?]{0,20}?"
    r"\b(?:(?:who|whom|that)\s+)?(?:i|we)\s+(?:look\s+after|care\s+for|support|visit|nurse)\b",
    re.I,
)
#: Who the one looked after is, by how the carer names them ("Mrs K" is "she").
_CARED_FOR = {"mrs": "she", "ms": "she", "miss": "she", "lady": "she", "woman": "she", "mr": "he",
              "gentleman": "he", "gent": "he", "man": "he"}  # fmt: skip


@dataclass
class Proxy:
    """Who the text is about when someone writes for another person."""

    active: bool = False
    words: frozenset[str] = frozenset()
    sex: str | None = None
    writers_own: tuple[tuple[int, int], ...] = ()  # where the writer tells of themselves


#: The writer's own history beside the patient's: "I've had breast cancer myself but she's perfectly healthy", from
#: the "I" to the "myself" (not "by myself") or the patient's denial ("I've had a temperature but he hasn't").
_WRITERS_OWN = re.compile(
    r"\b(?:i|i've|ive|i'm|im|i'd)\b[^.!?;,]*?(?:(?<!\bby\s)\bmyself\b"
    r"|\bbut\s+(?:he|she)\s+(?:hasn't|hasnt|has\s+not|doesn't|doesnt|does\s+not|isn't|isnt|is\s+not|didn't|didnt)\b)"
    r"|\bi(?:'m|m|\s+am)\s+the\s+one\s+(?:who|that)\b[^.!?;()]*",  # "(I'm the one who had chest pains, not him!)"
    re.I,
)


def detect_proxy(analysis: Analysis) -> Proxy:
    """A carer's report: an explicit "asking for my dad", or back trouble only ever in the third person."""
    explicit = _EXPLICIT_PROXY.search(analysis.text)
    relation: str | None = None
    if explicit:
        relation = next((g for g in explicit.group("rel", "rel2", "rel3", "rel4", "rel5", "rel6") if g), "").lower()
        if explicit.group("cared"):
            relation = _CARED_FOR.get(explicit.group("cared").lower(), "")
    else:
        relation = _third_persons_back(analysis)
        if relation is None:
            return Proxy()
    relation = relation or "partner"  # someone else, sex unknown
    also: set[str] = set()
    if relation in {"he", "his", "him", "she", "her"} and _SUBJECT_PRONOUN.search(analysis.text):
        # "He's had back pain...": the patient is the first relative of that sex the text names (a
        # note's "33F, LBP 3/7. Mother has AAA." says no "she": the patient is the one described)
        wanted = MALE if relation in {"he", "his", "him"} else FEMALE
        for named in _NAMED.finditer(analysis.text):
            word = next((g for g in named.group("aged", "rel", "kin", "first") if g), "child").lower()
            if word in wanted:
                relation = word
                break
            if word in NEUTRAL:
                also.add(word)  # "our 8 year old ... her back": the child, a girl
                break
    if relation in MALE:
        sex: str | None = "male"
        pronouns = {"he", "him", "his", "himself"}
    elif relation in FEMALE:
        sex = "female"
        pronouns = {"she", "her", "hers", "herself"}
    else:
        sex = None
        pronouns = {"he", "him", "his", "himself", "she", "her", "hers", "herself", "they", "them", "their"}
    if relation in CHILD_WORDS:
        # "8yo daughter": the age read for a child is hers; "my son, a 9-year-old boy": one child
        also.update(word for word in CHILD_WORDS if word not in (FEMALE if sex == "male" else MALE if sex else ()))
    # "mother-in-law" is also read as the words of a cue ("mother in law")
    words = frozenset({relation, relation.replace("-", " "), *also, *pronouns})
    own = tuple(m.span() for m in _WRITERS_OWN.finditer(analysis.text))
    return Proxy(active=True, words=words, sex=sex, writers_own=own)


#: No one speaks in the first person ("LBP 2/52. Wife reports he has been confused."): a note about him or her.
FIRST_WORDS = r"i|i'm|im|i've|ive|me|my|mine|myself|mi"  # Caribbean "mi" for I, me and my
_THIRD_WORDS = r"he|she|his|her|him"  # "him" as a subject too: Caribbean "Him have a back pain"
_FIRST_PERSON = re.compile(rf"\b(?:{FIRST_WORDS}|i'd|i'll|we|our|us)\b", re.I)
_SUBJECT_PRONOUN = re.compile(rf"\b(?:{_THIRD_WORDS})\b", re.I)


def _third_persons_back(analysis: Analysis) -> str | None:
    """Who the back trouble is told of, when it is someone else's (the word naming them), else None.

    Whose back it is decides; with no back mentioned (an emergency sign only), whose signs they
    are. People describe their own back unless they say otherwise, except in a text with no first
    person at all whose backs belong to no one: then "he" or "she" is the patient."""
    first = third = told = False
    writer = _FIRST_PERSON.search(analysis.text) is not None  # a note with no "I" has no back of the writer's
    relation: str | None = None
    pool = [m for m in analysis.mentions if m.label == "scope"] or [m for m in analysis.mentions if m.label == "target"]
    own = [m.span() for m in _WRITERS_OWN.finditer(analysis.text)]  # "I've got a bad back myself" told beside hers
    for mention in pool:
        span = analysis.sentence_spans[mention.sentence]
        if _asks_about_the_back(analysis.text, span, mention) or any(a <= mention.start < b for a, b in own):
            continue
        who, word = _whose(analysis.text, span, mention)
        if who is None and mention.sentence > 0:
            # "Dad's 74, fell yesterday. Lower back's sore.": whoever the text was just about
            earlier = (analysis.sentence_spans[mention.sentence - 1][0], span[1])
            who, word = _whose(analysis.text, earlier, mention)
        if who == "third":
            third = True
            relation = relation or word
        elif who == "first" or (not third and writer):
            first = True
            told = told or who == "first"
    if third and not first and not _MINE.search(analysis.text):
        return relation or ""
    if not third and not told and not writer:
        pronoun = _SUBJECT_PRONOUN.search(analysis.text)
        return pronoun.group(0).lower() if pronoun else None
    return None


#: The writer's own trouble set beside someone else's: "Dad broke his back ..., but mine's just from digging" (not
#: "a friend of mine"), or the writer's own legs ("leg pain down to my calf ... my mum had a slipped disc").
_MINE = re.compile(
    r"(?<!\bof\s)\bmine\b|\bmy\s+(?:left\s+|right\s+)?(?:leg|legs|calf|calves|foot|feet|thigh|thighs|buttock|buttocks)\b",
    re.I,
)


def _asks_about_the_back(text: str, sentence: tuple[int, int], mention: Mention) -> bool:
    """A question about "the back" ("What do I do for the back?") or "their back" ("Anyone else's kid
    complaining about their back??") says nothing of whose it is: the writer asking is not the one in
    pain."""
    told = text[sentence[0] : sentence[1]].rstrip()
    before = text[max(sentence[0], mention.start - 5) : mention.start]
    named = mention.text.lower().startswith(("the ", "their ")) or re.search(r"\b(?:the|their)\s+$", before) is not None
    return told.endswith("?") and named


_CHILD = r"(?:my|our)\s+\d{1,2}\s*-?\s*(?:years?|yrs?|y)\s*-?\s*(?:old|o)s?\b"  # "one of my 14 year olds"


#: Someone's child named by age, with or without "my": "8yo daughter", "a 6 year old son".
_AGED = r"\b\d{1,2}\s*-?\s*(?:yo|y/o|y\.o\.?|(?:years?|yrs?|yr|y)\s*-?\s*(?:old|o))\s+(?P<aged>son|daughter|boy|girl|grandson|granddaughter|kid|child|toddler|baby|nephew|niece)\b"  # noqa: E501


#: A relative who tells what they saw is the informant of a note, not its patient: "Mum reports
#: back pain x2/7" in a child's triage note; "Mum here", "Dad of a newborn", "mum of three": the writer.
_NOT_INFORMANT = (
    r"(?!\s+(?:reports?|reported|reporting|says|said|states|stated|describes|described|tells|told|noticed|rang|"
    r"phoned|called|mentioned|mentions|explained|explains|here|(?:of|to)\s+(?:a|an|one|two|three|four|five|twins))\b)"
)


#: A kinship name opening the text or a label, in any case: "mum is 84, back pain since she fell" (not "FHx: father")
_AT_OPENING = r"(?:\A\s*|(?<=[:;]\s)(?<!hx:\s)(?<!history:\s)(?<!fh:\s))"
_OPENING_KIN = rf"{kinship.KIN_NAME_ANY_CASE}\b"

#: A relative the text names: "my dad", "Mum" (as a name), "my 11 yr old", "8yo daughter" ("my 10 year old son": a son).
_NAMED = re.compile(
    rf"(?:\b(?:my|our)\s+)?{_AGED}|\b(?:my|our|me|mi|ma)\s+(?:\w+\s+)?(?P<rel>{RELATION_RE})s?\b"
    rf"|\b(?P<kin>{KIN_NAME})\b{_NOT_INFORMANT}|{_CHILD}"
    rf"|{_AT_OPENING}(?P<first>{_OPENING_KIN}){_NOT_INFORMANT}",
    re.I,
)


#: The subject of a clinician's note or a textbook case: "A 45-year-old man reports...", "Pt c/o".
_CASE = (
    r"\b(?:a|an)\s+\d{1,3}\s*-?\s*(?:years?|yrs?|yr|y)\s*-?\s*(?:old|o)\s+(?P<case>man|woman|male|female|gentleman"
    r"|lady|patient)\b|\b(?P<patient>patient|pt|resident|service user|client|pupil|student)\b"
    # a person named by title, as a carer or a note names them: "Mrs P is 86", "Mr Jones"
    r"|\b(?P<title>mrs|ms|miss|mr|mx)\.?\s+(?=[A-Z])"
    # one of those the writer looks after or coaches: "One of my sprinters", "one of our ladies"
    r"|\bone\s+of\s+(?:my|our)\s+(?:\w+\s+)?(?P<group>\w+s|squad|team|crew|class|group)\b"
    # a note's "63M", "45 yo F" (not a temperature: "101 F", "99F")
    r"|\b(?:1[6-9]|[2-8]\d|9[0-4])(?:\s?(?:yo|y/o|yrs?)\s?)?(?P<letter>(?-i:[MF]))\b"
)
#: Who a title or a note's letter names: "Mrs P" and "45F" a woman, "Mr D" and "63M" a man ("Mx": neither).
_TITLED = {"mr": "man", "mrs": "woman", "ms": "woman", "miss": "woman"}
_LETTERED = {"M": "man", "F": "woman"}


#: Not a possessive: "'s" for "has" or "is" ("my husband's had back pain", "Dad's always been fit", "my mum's 66").
_NOT_POSSESSIVE = r"(?!'s\b(?!\s+(?:(?:had|been|got|gotten|gone|just|always|never|started|now|not|also|still)\b|\d)))"

#: Words after which a person named is the object, not the one told of: "lifting my son", "since my second baby".
_HANDLING = ("lifting", "lift", "carry", "carrying", "carried", "lifted", "up", "helping", "helped", "driving", "drove",
    "taking", "took", "bringing", "brought", "pushing", "moving", "move", "moved", "shift", "shifted",
    "shifting")  # fmt: skip
_OBJECT_OF = ("to", "at", "from", "with", "for", "since", "after", "visit", "visiting", "see", "saw", *_HANDLING)
_NOT_AN_OBJECT = "".join(rf"(?<!\b{word}\s)" for word in _OBJECT_OF)
#: ... before an age ("lifting my 2 year old") or one handled at work ("lifting a resident"): the writer's back.
_NOT_AN_AGED_OBJECT = "".join(rf"(?<!\b{word}\s{det}\s)" for word in _OBJECT_OF for det in ("my", "our"))
_NOT_HANDLED = "".join(rf"(?<!\b{w}\s{d}\s)" for w in _HANDLING for d in ("a", "an", "the"))

_PERSON = re.compile(
    rf"{_NOT_AN_OBJECT}\b(?:my|our|me|mi|ma)\s+(?:\w+\s+)?(?P<rel>{RELATION_RE})s?\b{_NOT_POSSESSIVE}|"
    rf"{_NOT_AN_OBJECT}(?:\b(?:my|our)\s+)?{_NOT_AN_AGED_OBJECT}{_AGED}|{_NOT_AN_OBJECT}\b(?P<child>{_CHILD})|"
    rf"\b(?P<kin>{KIN_NAME})\b{_NOT_POSSESSIVE}{_NOT_INFORMANT}|"
    rf"{_AT_OPENING}(?P<opening>{_OPENING_KIN}){_NOT_POSSESSIVE}{_NOT_INFORMANT}|"
    rf"\b(?P<first>{FIRST_WORDS})\b|{_NOT_AN_OBJECT}\b(?P<third>{_THIRD_WORDS})\b|{_NOT_HANDLED}(?:{_CASE})",
    re.I,
)


#: Words quoted ("she keeps saying 'my back hurts mummy'"): their "my" is the speaker's.
_QUOTED = re.compile(r"(?:(?<=\s)|^)['\"“‘](?P<q>[^\"“”‘’\n]{2,160}?)['\"”’](?=[\s.,!?;:]|$)")


def _quoted_speaker(text: str, sentence: tuple[int, int], mention: Mention) -> tuple[str | None, str | None] | None:
    """Whose words a mention inside quotation marks is: the person named before the quote in its
    sentence ("she keeps saying 'my back hurts'" is hers); None when it is not quoted."""
    for quote in _QUOTED.finditer(text, sentence[0], sentence[1]):
        if quote.start("q") <= mention.start and mention.end <= quote.end("q"):
            speaker = _whose(text, (sentence[0], quote.start()), _Spot(quote.start(), quote.start()))
            return speaker if speaker[0] is not None else None
    return None


def _bracketed(text: str, start: int, end: int) -> bool:
    """Whether ``end`` is inside brackets opened after ``start``: "since my second baby (he's 9 now)"."""
    return text.count("(", start, end) > text.count(")", start, end)


@dataclass(frozen=True)
class _Spot:
    """A place in the text to ask whose it is (the start of a quote)."""

    start: int
    end: int
    text: str = ""


def _patients_pronoun(text: str) -> bool:
    """A "he" or "she" that can be the patient's: not one that a relative named just before it owns
    ("My dad had prostate cancer that spread to his spine")."""
    owner = re.compile(rf"\b(?:my|our)\s+(?:\w+\s+)?(?:{RELATION_RE})\b[^.!?]*$", re.I)
    return any(not owner.search(text[max(0, m.start() - 60) : m.start()]) for m in _SUBJECT_PRONOUN.finditer(text))


def _whose(text: str, sentence: tuple[int, int], mention: Mention | _Spot) -> tuple[str | None, str | None]:
    """Whose back a mention is: "first" (mine), "third" (his, my dad's) or None (cannot tell).

    Words quoted are their speaker's; otherwise the possessive right before the mention decides,
    else the nearest person named before it in the sentence, else the first one after it.
    """
    quoted = _quoted_speaker(text, sentence, mention) if isinstance(mention, Mention) else None
    if quoted is not None:
        return quoted
    own = re.match(r"(my|mi|his|her)\b", mention.text.lower())
    if own:
        return ("first", None) if own.group(1) in ("my", "mi") else ("third", own.group(1))
    before = text[max(sentence[0], mention.start - 14) : mention.start].lower()
    lead = text[max(sentence[0], mention.start - 30) : mention.start]
    named = re.search(rf"\b(?:my|our)\s+(?:\w+\s+)?({RELATION_RE})\s+$", lead, re.I)
    if named:
        return "third", named.group(1).lower()  # "my son collapsed"
    if re.search(r"\b(?:my|i|me)\s+(?!(?:his|her|their)\s)(?:\w+\s+)?$", before):
        return "first", None
    if re.search(r"\b(?:ma|mi)\s+(?:(?:lower|upper|middle|mid|low)\s+)?$", before, re.I):
        return "first", None  # Scots "Ma lower back's been sair", Caribbean "mi back" (not "Ma's back")
    near = text[max(sentence[0], mention.start - 26) : mention.start]
    region = r"(?:(?:lower|upper|middle|mid|low)\s+)?"  # "my dad's lower back hurts": "back hurts" is his too
    possessor = re.search(rf"\b({RELATION_RE})(?:'s|s')?\s*{region}$", near, re.I)
    if (possessor and re.search(rf"(?:'s|s')\s*{region}$", near)) or mention.text.lower().startswith(("'s", "s'")):
        return "third", possessor.group(1).lower() if possessor else None
    if re.search(r"\b(?:his|her)\s+(?:\w+\s+)?$", before):
        word = re.search(r"\b(his|her)\s+(?:\w+\s+)?$", before)
        return "third", word.group(1) if word else None
    aside = _bracketed(text, sentence[0], mention.start)  # one named in an aside is not whom it is about
    refs = [r for r in _PERSON.finditer(text, *sentence) if aside or not _bracketed(text, sentence[0], r.start())]
    earlier = [r for r in refs if r.end() <= mention.start]
    later = [r for r in refs if r.start() >= mention.end and not _THEIR_HISTORY.match(text, r.end())]
    chosen = earlier[-1] if earlier else later[0] if later else None
    if chosen is None:
        return None, None
    if chosen.group("first"):
        return "first", None
    if chosen.group("child"):
        return "third", "child"
    if chosen.group("aged"):
        return "third", chosen.group("aged").lower()
    if chosen.group("letter") and (
        any(r.group("first") for r in earlier[:-1]) or (_FIRST_PERSON.search(text) and not _patients_pronoun(text))
    ):
        return "first", None  # the writer's own "me - 27M", or "46M. ... I've never had cancer" with no "he" or "she"
    if chosen.group("group") and chosen.group("group").lower()[:-1] in RELATIONS:
        return "third", chosen.group("group").lower()[:-1]  # "one of my girls (14)": a girl
    if any(chosen.group(name) for name in ("case", "patient", "letter", "title", "group")):
        titled = _TITLED.get((chosen.group("title") or "").lower()) or _LETTERED.get(chosen.group("letter") or "", "")
        case = (chosen.group("case") or titled).lower()
        if case in ("man", "male", "gentleman"):
            return "third", "he"
        return "third", "she" if case in ("woman", "female", "lady") else "patient"
    return "third", next((g for g in chosen.group("third", "rel", "kin", "opening") if g), "").lower()


#: A relative named after the back with their own history ("back aching since sunday, my dad had cancer") is not its.
_THEIR_HISTORY = re.compile(r"\s+(?:had|has\s+had|'s\s+had|died|passed\s+away|was\s+diagnosed|also\s+had)\b", re.I)


_DETERMINERS = frozenset({"my", "our", "his", "her", "their", "your", "the", "a"})


#: A relative named in the plural is one of them ("one of the children placed with us"); "my husbands eyes" are his.
_SINGULAR = {f"{word}s": word for word in RELATIONS if " " not in word} | {"children": "child"}
#: A third person's own body inside the words of a finding: "lost control of her bladder".
_THEIR_BODY = frozenset({"her", "his", "their", "herself", "himself", "themselves"})
#: ... except a baby felt moving: "I've hardly felt her kick today" is the writer's pregnancy.
_FELT = frozenset({"felt", "feel", "feeling", "feels"})
_STIRS = ("kick", "mov", "wriggl")


#: A child named by an age: "my 3 year old", "our 18-month-old".
_AGED_CHILD = re.compile(r"\b\d+\s*-?\s*(?:years?|yrs?|months?)\s*-?\s*old\b", re.I)


#: A finding whose own words open with another's going down ("I caught her as she went down"): theirs,
#: as "she collapsed" is, where the cue stands outside the finding's words.
_THEY_WENT_DOWN = frozenset({"went", "passed", "fainted", "collapsed", "keeled", "blacked", "dropped", "hit"})


def _opens_with_their_fall(mention: Mention) -> bool:
    return len(mention.norms) > 1 and mention.norms[0] in {"she", "he"} and mention.norms[1] in _THEY_WENT_DOWN


def about_someone_else(mention: Mention, proxy: Proxy) -> bool:
    """Whether a family cue makes the mention someone else's; in a carer's report, cues that name
    the person described do not. In the writer's own account, "her bladder" or "his legs" is someone
    else's even when the cue naming them is out of reach ("the lady in the next bed ... lost control
    of her bladder"), unless it befell the writer ("two of their forwards landed on top of me")."""
    if (
        not proxy.active
        and mention.label == "target"
        and ((_THEIR_BODY.intersection(mention.norms) and "me" not in mention.norms) or _opens_with_their_fall(mention))
        and not _a_baby_felt(mention)
    ):
        return True
    for cue in mention.family:
        said = [_SINGULAR.get(w, w) for w in re.findall(r"[a-z']+", cue.replace("'s", " ").replace("s'", " "))]
        words = set(said) | ({"child"} if _AGED_CHILD.search(cue) else set())  # "my 3 year old"
        named = words - _DETERMINERS  # "her mother" is the patient's mother, not the patient
        phrase = " ".join(w for w in said if w not in _DETERMINERS)  # "my little one"
        another = {"another", "other"} & words  # "another girl on the team" is not the girl described
        if proxy.active and not another and ((named or words) & proxy.words or phrase in proxy.words):
            continue
        if mention.label in {"medicine", "product"} and _possessive(cue):
            continue  # "a couple of my wife's co-codamol": taken by the writer
        return True
    return False


def _possessive(cue: str) -> bool:
    """A relative's cue that is a possessive: "my wife's", "my sons'", or typed without its
    apostrophe ("from my mums cupboard"); "my husband's on simvastatin" is his."""
    last = cue.split()[-1] if cue.split() else ""
    return cue.endswith(("'s", "s'")) or (last.endswith("s") and last[:-1] in RELATIONS)


def _a_baby_felt(mention: Mention) -> bool:
    """ "I've hardly felt her kick today", "she hasn't done her usual kicking": the "her" is the
    writer's baby, not another person."""
    told = _FELT | {"usual", "normal"}
    return bool(told.intersection(mention.norms)) and any(w.startswith(_STIRS) for w in mention.norms)


def counts_for_person(mention: Mention, proxy: Proxy) -> bool:
    """Whether a mention is the person's own, now or in fact: not hypothetical, not someone else's
    (in a carer's report, not the writer's own either)."""
    if any(start <= mention.start < end for start, end in proxy.writers_own):
        return False
    return not mention.hypothetical and not about_someone_else(mention, proxy)
