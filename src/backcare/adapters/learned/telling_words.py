"""The words a sentence needs before the sentence model's reading of it counts.

The model reads whole sentences and sometimes reads a warning sign into one that cannot state it ("pain is in
down part of back" as numbness in the saddle). A reading of a finding listed in ``NEEDS_WORDS`` counts only
from a sentence with words of each kind listed; otherwise it is asked back. The words that tell when a
complaint belongs (stable for years, new again, over) are in ``telling_time``.
"""

from __future__ import annotations

import re

#: A side one lies on is no second leg: "left leg pain ... eases lying on my right side".
_NOT_LYING = "".join(f"(?<!on {w} )(?<!onto {w} )" for w in ("my", "his", "her", "the"))

#: Findings the model may only count from a sentence that has words without which the finding cannot be stated:
#: both legs need two legs, numbness in the saddle a feeling ("pain is in down part of back" was read as saddle
#: numbness). Otherwise the reading is asked back.
#: "right" as a word of degree is no side: "down my left leg right into the calf".
_RIGHT_SIDE = (
    r"\b(?:right|r)\b(?!\s+(?:into|down|up|through|to|in|across|along|away|now|there|here|at|by|over|round|around"
    r"|from|under|behind|on|off|out|back)\b)"
)
_BILATERAL = re.compile(
    # "between my legs" and "inner thighs" are the saddle, "a pillow between my knees" a way of lying
    r"\b(?:both|(?<!between my )(?<!between the )(?<!between his )(?<!between her )(?<!inner )"
    r"(?:legs|thighs|knees|ankles|feet)"
    # "lying with my knees up" is a way of lying, not a second leg
    r"(?!\s+(?:up|raised|bent|drawn\s+up|pulled\s+up|tucked\s+up|crossed|to\s+(?:my|the|his|her)\s+chest)\b)"
    r"|bilateral(?:ly)?|bilat|b/l|either|each|calves|shins|sides)\b"
    rf"|{_NOT_LYING}\b(?:left|l)\b.*{_NOT_LYING}{_RIGHT_SIDE}|{_NOT_LYING}{_RIGHT_SIDE}.*{_NOT_LYING}\b(?:left|l)\b",
    re.I,
)
#: One leg told as spared ("nothing down the left leg", "my left leg is totally fine") is no second leg.
_ONE_SIDE_SPARED = re.compile(
    r"^(?!.*\b(?:nothing|not|no\s+pain|no\s+problems?)\s+(?:down|in|into|with)\s+(?:the|my|his|her)\s+(?:left|right|other)"
    r"\s+(?:leg|side|one)\b)(?!.*\b(?:left|right|other)\s+(?:leg|side|one)\s+(?:is|'s|feels|seems)\s+(?:totally\s+"
    r"|completely\s+|perfectly\s+)?(?:fine|ok|okay|normal|all\s+right|alright|grand|good|unaffected)\b)"
    r"(?!.*\b(?:sensation|power|reflexes|feeling|tone)\s+(?:is\s+|are\s+)?(?:intact|normal|nad)\b)",  # a note's exam
    re.I | re.S,
)
#: "felt really rough" is feeling ill, no feeling in the skin; "feels like a UTI" a likeness to an illness.
_UNWELL_AFTER = (
    r"(?!\s+(?:really\s+|so\s+|very\s+|a\s+bit\s+|quite\s+|pretty\s+)?(?:rough|ill|sick|unwell|awful|terrible|dreadful"
    r"|poorly|tired|exhausted|rubbish|crap|lousy|grim|weak|faint|hot|cold|shivery|feverish|better|worse|fine|ok|okay"
    r"|good|great|low|down|sad|anxious|stressed|like\s+(?:an?\s+)?(?:uti|(?:water|urine|bladder|kidney)\s+infection|cystitis))\b)"
)
#: A feeling (or strength) told as normal is no change: "sore from the saddle, feeling is completely normal".
_FEELING_NORMAL = (
    r"(?!\s+(?:is|'s|are|was|has\s+been|feels|seems|looks)\s+(?:\w+\s+)?(?:normal|fine|ok|okay|intact|unchanged|the\s+same"
    r"|all\s+there)\b)"
)
_FEELING = re.compile(
    rf"\b(?:numb\w*|(?:feel\w*|felt){_UNWELL_AFTER}{_FEELING_NORMAL}|sensation\w*|sensory|tingl\w*|pins|needles|dead|an(?:a)?esth\w*|par(?:a)?esth\w*"
    r"|wip(?!ed\s+out)\w*|sx|symptoms?|fuzzy|buzz\w*|cold|prickl\w*|nothing)\b",
    re.I,
)
#: Products that hold paracetamol, by name.
_PARACETAMOL = (
    r"paracetamol\w*|acetaminophen|co-?codamol|codamol|co-?dydramol|panadol|tylenol|calpol|solpadeine|lemsip"
    r"|beechams|night nurse|day nurse|excedrin"
)
#: What a dose is counted in: "2 paracetamol", "two tablets", "1 x Panadol".
_DOSE_FORMS = rf"{_PARACETAMOL}|tabs?|tablets?|pills?|caplets?|capsules?|painkillers?"
#: What makes a number no amount taken: a time ("6 hours"), a pain score ("10/10"), an age and sex ("33F").
_NOT_AN_AMOUNT = r"h|hrs?|hours?|d|days?|wks?|weeks?|mins?|minutes?|months?|yrs?|years?|y/?o|/10|[mf]"
#: Words of quantity: more paracetamol than the packet allows cannot be told without one ("two every three hours",
#: "the whole packet", "popping them like sweets"); one dose is none ("took 2 paracetamol this morning").
_ONE_DOSE = rf"(?!(?:1|2|one|two)\s+(?:x\s+)?(?:\w+\s+)?(?:{_DOSE_FORMS})\b)"
#: A temperature is no amount either: "today I'm 37.2", "38 degrees".
_NOT_A_TEMPERATURE = r"(?!(?:3[4-9]|4[0-2])(?:\.\d|\s*(?:°|degrees?\b|c\b)))"
_AMOUNT = re.compile(
    rf"(?<![\d/.]){_ONE_DOSE}{_NOT_A_TEMPERATURE}\d++(?!\s*(?:{_NOT_AN_AMOUNT})\b)"
    r"|\b(?:too many|too much|more|over\w*|exceed\w*|max\w*|limit\w*|extra|double\w*|lots|loads|handfuls?|a lot"
    r"|heaps|whole|packets?|box(?:es)?|every|constantly|non-?stop|sweets|smarties|necking|popping|od|all day"
    r"|dozen|several|many|much)\b"
    rf"|\b{_ONE_DOSE}(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve)\b",
    re.I,
)
#: Words of strength or of what a leg will not do: weakness cannot be told without one ("gives
#: way", "dragging my foot", "can't get up the stairs", "power 4/5"; not the stair one slipped on). The
#: model alone reads it into "nothing going down my legs" or "started when I lifted a bag of cement".
_ON_THE = "".join(f"(?<!{w} )" for w in ("on the", "bottom", "top", "last", "first"))
_WEAK_WORDS = (
    rf"weak\w*|strength{_FEELING_NORMAL}|strong|power{_FEELING_NORMAL}|[0-5]/5|mrc|give[sn]?|gave|giving|buckl\w*|heavy"
    r"|heaviness|lead|drag\w*|drop\w*|catch\w*|slap\w*|scuff\w*|stumbl\w*|trip\w*|jelly|wobbl\w*|hold\w*|useless|floppy|dead"
    rf"|collaps\w*|fall\w*|fell|{_ON_THE}(?:stairs?|steps?)|kerb|curb|climb\w*|(?:not|stopped) working|let\w* me down"
    r"|(?:can'?t|cannot|can not|couldn'?t|could not|unable|won'?t|will not|doesn'?t|does not|didn'?t|did not"
    r"|isn'?t|is not)"
    # what the back will not let them do, or what a child does not want, is no weakness: "won't bend
    # down to pick up her toys", "doesn't want to walk today"
    r"(?!\s+(?:even\s+|really\s+|to\s+)?(?:bend|sit|lie|sleep|turn|twist|straighten|stop|settle|eat|play|let|cope|want|wanna)\b)"
)
#: A foot a pain reaches is no word of strength: "into my left leg all the way to the foot".
_REACHED = "".join(f"(?<!{p} {d} )" for p in ("to", "into", "in") for d in ("the", "my"))
_STRENGTH = re.compile(rf"\b(?:{_WEAK_WORDS}|{_REACHED}(?:foot|feet|toes?)|tip-?toes?|heels?)\b", re.I)
#: Weakness getting worse is told with a word of strength or of what a weak foot does ("catching more each day"),
#: not only the foot a pain reaches: the model read it into "pain from my waist down my left leg reaching my foot".
_WEAKENING = re.compile(rf"\b(?:{_WEAK_WORDS})\b", re.I)
#: A foot that drops or drags is told with what it does, not only the foot a pain reaches: the
#: model read it into "L S1 radicular pain to lateral foot".
_FOOT = re.compile(
    r"\b(?:drag\w*|slap\w*|drop\w*|scuff\w*|catch\w*|trip\w*|heels?|dorsiflex\w*|high-?step\w*|hang\w*|flop\w*|weak\w*"
    r"|ehl|(?:go|goes|point|points|pull|pulls|bend|bends|come|comes)\s+up"
    # a foot or toes that will not lift, never the lifting that hurt the back
    r"|(?:lift|rais)\w*\s+(?:up\s+)?(?:my|the|his|her|your|their)?\s*(?:left|right|l|r)?\s*(?:foot|feet|toes?|ankle)"
    r"|(?:foot|feet|toes?)\s+(?:[\w']+\s+){0,3}(?:lift|rais)\w*)\b",
    re.I,
)
#: Words of change: weakness getting worse cannot be told without one ("weaker every day", "now I can't lift it at
#: all"). The model read it into "Power 5/5 both legs, R leg asymptomatic". When it began is no such word: "has gone
#: weak ... since my back went 4 days ago" is new weakness, not weakness getting worse (a "today" may set now against
#: before: "Today: DF 2/5, EHL 1/5, new foot drop").
_WORSENING = re.compile(
    r"\b(?:wors\w*|weaker|weakening|progress\w*|deteriorat\w*|more|increas\w*|spread\w*|every|each|getting|becom\w*|became"
    r"|declin\w*|further|less|steadily|now|today|any ?more|no longer|stopped|day by day|by the (?:day|hour)"
    # what it could do before: "yesterday I could walk, today my legs won't hold me"
    r"|could (?:still |just )?(?:walk|stand|lift|climb|get|manage|move)"
    # one day against another: "Today I cannot stand on the toes, yesterday I could", "by Wednesday"
    r"|yesterday\b[^.!?]*\b(?:today|now|this morning)|(?:this morning)\b[^.!?]*\byesterday"
    r"|by (?:mon|tues|wednes|thurs|fri|satur|sun)day|by (?:the )?(?:next|following) (?:day|morning)"
    r"|by (?:tonight|this morning|then))\b",
    re.I,
)
#: Words of going down or of consciousness: a collapse or a faint cannot be told without one. The
#: model read both, and a tearing pain, into "Sudden severe LBP 8/10 while reaching into a cupboard",
#: and into "me back went, low down" (a place, not a fall: a bare "down" is no such word).
_WENT_DOWN = re.compile(
    r"\b(?:collaps\w*|fell|fall\w*|floor|ground|pass(?:ed|ing)? out|black\w*|faint\w*|keel\w*|dropp?\w*|deck"
    r"|(?:went|gone|go|goes|going|came|come|crumpled|hit the) down|down (?:she|he|i|they) went"
    r"|unconscious\w*|unresponsive|conscious\w*|out cold|came to|come (?:round|to)|came round|slump\w*|syncop\w*"
    r"|funny turn|dizz\w*|light-?headed|woozy|swoon\w*|legs (?:went|gave)|found (?:him|her|them|myself)|loc|tloc|gcs"
    r"|(?:was|were|is|went|knocked|conked|spark) out|out (?:for|cold)|next thing|woke up on|zonked)\b",
    re.I,
)
#: A lump or a change of shape is told with a word for it: the model read one into "Lower back has
#: been stiff for a couple of weeks". A muscle "like a knot" or "in knots" is tight, not lumpy.
_LUMP = re.compile(
    r"\b(?:lump\w*|bump\w*|swell\w*|swollen|mass|growth|curv\w*|hump\w*|deform\w*|step|bulg\w*|bony"
    r"|(?<!like a )(?<!in )knots?|kyphos\w*|scolios\w*|crooked|lipoma|cyst|shape|sticks? out|sticking out|protrud\w*"
    r"|bone|hunch\w*|stoop\w*|bent over|dowager)\b",
    re.I,
)
#: A tearing or ripping pain is told with those words (or a knife through to the back).
_TEARING = re.compile(r"\b(?:tear\w*|tore|torn|rip\w*|split\w*|knife|rent|shredd?\w*|dissect\w*)\b", re.I)
#: A cancer, its treatment or its follow-up is told with a word for it: the model read a history of
#: cancer into "on water tablets for my heart".
_CANCER = re.compile(
    r"\b(?:canc\w*|cancer\w*|ca|tumou?r\w*|carcinoma\w*|malignan\w*|oncolog\w*|chemo\w*|radio\w*|radiation"
    r"|lymphoma\w*|leuk(?:a)?emi\w*|myeloma\w*|melanoma\w*|sarcoma\w*|hodgkin\w*|neoplas\w*|mets|metasta\w*"
    r"|mastectomy|lumpectomy|prostatectomy|mesothelioma|glioma|seminoma|nsclc|sclc|dcis|cll|cml|aml|nhl|rcc|hcc"
    r"|remission|all clear|biops\w*|growth|lump\w*|big c|hormone therapy"
    r"|tamoxifen|letrozole|anastrozole|immunotherapy|palliative|hospice|macmillan|scan\w*|psa)\b",
    re.I,
)
#: A long time, or a chronic cause: the words the stability checks here and in ``telling_time`` share.
LONG_WORDS = (
    r"\d+ ?y|years?|yrs?|decades?|months|ages|long time|always|chronic|long-?standing|stable|unchanged"
    r"|neuropath\w*|stenosis|diabet\w*|claudication"
)
#: Symptoms stable for months or years are told with a duration or a chronic cause (not "New bilateral leg numbness").
_LONG_TOLD = re.compile(
    rf"\b(?:{LONG_WORDS}|mths|yonks|forever|life|usual|same|no change|nothing new|walk\w*|chemo\w*|ms|sclerosis"
    r"|b12|alcohol|restless|charcot|baby|babies|birth|kids|children|known)\b",
    re.I,
)
#: A fever is told with a word of heat, cold, shivers, sweats, a temperature or an infection (not "28M, LBP 6/12").
_FEVERISH = re.compile(
    r"\b(?:fever\w*|febrile|afebrile|pyrex\w*|apyrex\w*|temp\w*|(?:hot|cold)(?!\s+(?:bath|shower|tub|water|pack|compress|"
    r"towel|flannel|drink|tea|chocolate|weather|day|floor|spell|snap))|chill\w*|shiver\w*|shak\w*|rigou?rs?"
    r"|sweat\w*|clammy|flu\w*|burning|boiling|freezing|roasting|\d+(?:\.\d+)?\s?(?:c|°c?|degrees|f)|t\s?\d+\w*"
    r"|seps\w*|septic|infect\w*|covid|virus|bug)\b",
    re.I,
)
#: Fluid from the vagina is told with a word for fluid or for leaking (the model read its absence into "No PV
#: bleeding, FM normal, no tightenings." after "clear fluid leaking PV since 07:00").
_LEAKING = re.compile(
    r"\b(?:fluid\w*|waters?|leak\w*|wet\w*|damp\w*|trickl\w*|gush\w*|liquid|discharge|membranes|srom|prom|pprom"
    r"|liquor|pads?|soak\w*|drip\w*|dribbl\w*|pop(?:ped)?|broke(?:n)?|burst)\b",
    re.I,
)
#: A text that tells of a pregnancy at all: a word for it, the baby, its weeks or its care. Without one the model's
#: readings of the pregnancy group are not taken ("It's firm and doesn't move much", of a lump, read as a baby).
TELLS_A_PREGNANCY = re.compile(
    # (not a baby already born: "My baby is 5 months old")
    r"\b(?:preg\w*|expecting|baby(?!\s+(?:is|was|'s)\s+\d+\s*(?:weeks?|months?)\s+old)|babies|bump|gestation\w*|trimester"
    r"|midwi\w*|antenatal|obstetric\w*|maternity"
    r"|labou?r|contraction\w*|edd|lmp|ivf|g\dp\d|\d+\+?\d*/40|\d+ ?(?:weeks?|wks?|w) ?(?:\+ ?\d|pregnant|gone|along)"
    r"|due (?:date|in|on)|twins?|foetus|fetus|fetal|foetal|womb|waters|at \d{1,2} ?(?:weeks?|wks?)"
    r"|[1-4]\d ?\+ ?[0-6])\b"
    # a gestation told first, as a note or a hurried message does: "34 weeks. Lower back aching"
    r"|^\s*\d{1,2} ?(?:weeks?|wks?|w)\b(?!\s+ago)",
    re.I,
)
#: A text told after the birth, no pregnancy now ("Had my daughter 2 weeks ago"): its midwife and bleeding tell none.
AFTER_A_BIRTH = re.compile(
    r"^(?![\s\S]*\b(?:i'?m|i\s+am|currently|now|again)\s+(?:\w+\s+){0,3}pregnant)[\s\S]*\b"
    r"(?:post-?natal|post-?partum|gave\s+birth|since\s+(?:the|my)\s+(?:birth|delivery|c-?section|section)"
    r"|(?:had|delivered)\s+(?:my|our|the|a|her)\s+(?:\w+\s+)?(?:baby|daughter|son|twins|girl|boy)\b"
    r"[^.!?]{0,20}?\b(?:days?|weeks?|months?)\s+ago"
    r"|\b(?:baby|daughter|son|twins|girl|boy)\s+(?:was|were)\s+born\b[^.!?]{0,20}?\b(?:days?|weeks?|months?)\s+ago"
    r"|\b(?:baby|newborn|twins)\s+(?:is|are|'s)\s+(?:only\s+|just\s+|now\s+)?\d{1,2}\s*(?:days?|weeks?|months?)\b"
    r"(?!\s+(?:pregnant|along|gone)))",  # the baby's age: "baby is 9 weeks, been hauling the car seat"
    re.I,
)
#: A pregnancy is told with a word for it, its weeks or its care (not a note's "LBP >3/12, fluctuating").
_PREGNANCY = re.compile(
    r"\b(?:preg\w*|expecting|baby|babies|bump|weeks?|wks?|w|gestation\w*|trimester|midwi\w*|antenatal|obstetric\w*"
    r"|maternity|labou?r|contraction\w*|tightening\w*|kick\w*|mov\w*|edd|lmp|ivf|g\dp\d|\d+\+?\d*/40|due|twins?"
    r"|foetus|fetus|fetal|foetal|womb|scan|bleed\w*|waters?|leak\w*|discharge|fluid|pads?|trickl\w*|gush\w*|waves?"
    r"|tumm\w*|belly|hard|\d{1,2} ?\+ ?[0-6])\b",
    re.I,
)
#: Losing weight is told with a word for weight, its measure or what shows it: the model read it into the same note.
_WEIGHT = re.compile(
    r"\b(?:weigh\w*|wt|kgs?|lbs?|pounds?|stones?|st|lost|los\w*|thin\w*|skinny|slim\w*|clothes|belt|trousers|jeans"
    r"|baggy|loose|dropp?\w*|appetite|eat\w*|ate|food|hungry|cachex\w*|wasting|gaunt|bmi|bony|skin and bone)\b",
    re.I,
)
#: Major trauma is told with an impact, a fall, a height or what followed: the model read it into "pulled my back
#: getting out the car". A speed is in km an hour, not a run's "easy 5 km". A horse, a bicycle, "off" alone ("push it
#: off the road") and a board that is no spinal board ("stiff as a board") are no impact: a fall from a horse is told.
_IMPACT = re.compile(
    r"\b(?:crash\w*|collid\w*|collision\w*|rtc|rta|mva|mvc|hit|knock\w*|thrown|threw|fell|fall\w*|height\w*"
    r"|ladder|roof|scaffold\w*|stairs?|steps?|motorbike|accident\w*|impact\w*|run over|struck|vs|versus"
    r"|(?:came|come|comes|coming|went|flew|flown|slid|skidded|tumbled|bounced|spun|veered|knocked|bucked|tipped)\s+off"
    r"|mph|kph|kmh|km\s*/\s*h|km\s+(?:an|per)\s+hour|speed\w*|tackl\w*|spear\w*|trauma\w*|injur\w*|smash\w*|roll\w*|flip\w*|write-?off|airbags?|whiplash"
    r"|land\w*|t-?boned|rear-?ended|shunt\w*|into|windscreen|pile-?up|skid\w*|slipp?\w*|trampoline|div\w*|jump\w*"
    r"|blows?|kick\w*|punch\w*|assault\w*|attack\w*|beat\w*|ambulance|a&e|resus|collar|(?:spinal\s+|back|long\s+)board|metres|meters|feet|ft"
    r"|storey|floor|ground|went down|came down|over the handlebars|bonnet|lorry|van|bus|truck|tractor|quad)\b",
    re.I,
)
#: Pain spreading to the arm, neck or jaw is told with a word for one of them (the model read it into a note's
#: "Mid-thoracic pain 2/52, gradual onset").
_ARM_OR_JAW = re.compile(
    r"\b(?:arms?|neck|jaws?|shoulders?|elbows?|hands?|fingers?|wrists?|throat|chin|teeth|tooth|collar\s*bones?"
    r"|clavicles?|upper\s+limbs?|ulnar)\b",
    re.I,
)
#: Pain for over three months is told with a length of time or a word for lasting: the model read it into "back
#: pain, 62 yrs, male" (the age is taken out first). A time "later" is a gap ("three months later, I've tweaked my
#: back"); "how long will this last?" asks for a length.
_LASTING = re.compile(
    r"\b(?:months?|mths?|mnths?|mos|years?|yrs?|yr|decades?|chronic\w*|(?<!how )long\w*|ages|always|forever|persist\w*"
    # (not a "since" of today: "complaining of low back pain since teatime")
    r"|since(?!\s+(?:this|today|tonight|teatime|lunch\w*|breakfast|dinner\w*|supper\w*|yesterday|last\s+night))"
    r"|ongoing|on and off|on-off|never|constant\w*|recurr\w*|weeks|wks|winter|summer|spring|autumn|christmas"
    r"|\d+ ?(?:m|y|/12|/52))\b(?!\s+later\b)",
    re.I,
)
#: Confusion or drowsiness is told with a word for the mind, sleep or what the person cannot do or say: the model read
#: it into "I'm lying awake worrying", "it's 2am and I can't sleep", "she's finally asleep so I'm googling instead of
#: sleeping" (sleep missed, or another's, is none).
_MIND = re.compile(
    r"\b(?:confus\w*|drows\w*|(?<!instead\sof\s)(?<!not\s)(?:sleep(?:y|ier|iness|ing)|slept)(?!\s+(?:poorly|badly|bad|terribly|rubbish|fitfully|lightly))"
    r"|(?<!finally\s)(?<!'s\s)(?<!is\s)(?<!are\s)asleep|muddl\w*|disorient\w*|delir\w*|sense|nonsense|gibberish|fairies"
    r"|out of it|with it|woozy|fog\w*|befuddl\w*|daz\w*|grogg\w*|letharg\w*|wak(?:e|es|ing|en|ened)|rous\w*"
    r"|responsive|unresponsive|eyes|know\w*|knew|recogni[sz]\w*|strange\w*|odd|weird"
    r"|himself|herself|myself|vacant|star(?:e|es|ed|ing)|blank|spaced|zonk\w*|incoheren\w*|slurr\w*|gcs|amts?|4at"
    r"|agitat\w*|doz\w*|nodd\w*|drift\w*|conscious\w*|alert|orient\w*|obtund\w*|stupor|sedat\w*|dopey|talk\w*"
    r"|speech|speak\w*|words|memory|forget\w*|forgot\w*|remember\w*|hallucin\w*|seeing|mixed|wander\w*"
    r"|bewilder\w*|faint\w*|collaps\w*|doolally|gaga|loopy)\b",
    re.I,
)
#: Worry or not coping is told with a word for a feeling, a fear or what it does to the person: the
#: model read it into a father-to-be's "Anything I can do so I can still help her?".
_FEELING_LOW = re.compile(
    r"\b(?:worr\w*|anx\w*|scar\w*|fright\w*|terrif\w*|panic\w*|stress\w*|cop\w*|struggl\w*|overwhelm\w*"
    r"|despair\w*|desperat\w*|hopeless\w*|helpless\w*|low|down|depress\w*|cry\w*|cried|tears?|tearful|mood\w*"
    r"|nerves?|nervous|afraid|fear\w*|dread\w*|tether|losing it|lost it|falling apart|breaking|broke|sleep\w*"
    r"|awake|googl\w*|obsess\w*|convinced|paranoid|upset\w*|distress\w*|sick|beside|freak\w*|mental\w*|wits"
    r"|anymore|any more|take it|enough|give up|giving up|go on|no point|suicid\w*|life|living|miserable|fed up|tired of"
    r"|exhaust\w*|worn|drained|alone|lonely|isolat\w*|hate|hating|unbearable|bear|manag\w*|deal\w*|handle"
    r"|head|mind|mad|crazy|crack\w*|snap\w*|angry|anger|frustrat\w*|cancer|serious|wrong|end it|end of)\b",
    re.I,
)
#: Too much paracetamol is also told with a word for what was taken: the model read it into "Pain
#: about 3 out of 10." after a sentence that named two paracetamol.
_TAKEN_WHAT = re.compile(
    rf"\b(?:{_PARACETAMOL}"
    r"|nurofen|sudafed|tabs?|tablets?|pills?|caplets?|capsules?|painkillers?"
    r"|pain killers?|doses?|meds|medication|medicines?|packets?|box(?:es)?|sachets?|them|popping|necking|swallow\w*"
    r"|taken|took|taking|od|overdose\w*|max\w*|limit\w*|g|gm|grams?|mg)\b",
    re.I,
)
#: A sentence about another painkiller only ("took 6 tablets of ibuprofen", "16 Nurofen") tells no paracetamol:
#: this matches unless another medicine is named and no paracetamol product is.
_NOT_ONLY_ANOTHER = re.compile(
    r"\A(?!.*\b(?:ibuprofen|naproxen|diclofenac|aspirin|tramadol|codeine|morphine|gabapentin|pregabalin"
    r"|amitriptyline|mefenamic|celecoxib|etoricoxib|nurofen|advil|motrin|brufen|voltarol|naprosyn|feldene)\b)"
    rf"|\b(?:{_PARACETAMOL})\b",
    re.I | re.S,
)
#: Words of urine that will not come: retention cannot be told without one ("can't", "nothing comes",
#: "straining", "full"). The model read it into "I am also going to toilet many times".
_NOT_PASSING = re.compile(
    r"\b(?:can'?t|cannot|can not|couldn'?t|could not|won'?t|wouldn'?t|unable|not|no|nothing|never|hardly|barely"
    r"|struggl\w*|hard|difficult\w*|trouble|strain\w*|wait\w*|hesitan\w*|dribbl\w*|weak|slow|stream|flow|trickle"
    r"|retention|retain\w*|catheter\w*|full|empty\w*|stuck|block\w*|burst\w*|since|(?<!every\s)(?<!half\s)hours?|pvr|residual|ml|bladder"
    r"|haven'?t|hasn'?t|didn'?t|doesn'?t|don'?t|cyaan|cannae|only|little|drops?|stopped|start\w*)\b",
    re.I,
)
#: ... and a word for urine or where it goes: the model read retention into "unable to stand on
#: tiptoe on R, weak push-off when walking".
_URINE = re.compile(
    r"\b(?:wee(?:s|d|ing)?|pee(?:s|d|ing)?|urin\w*|water|void\w*|bladder|toilet|loo|piss\w*|pvr|residual|catheter\w*|retention"
    r"|stream|flow|waterworks|micturi\w*|bathroom|lavatory|dunny|jacks|slash|ml|go|going|nothing comes?)\b",
    re.I,
)
#: Words of balance lost: the model read unsteadiness into "weak push-off when walking".
_BALANCE = re.compile(
    r"\b(?:unsteady|steady|wobbl\w*|balance|stagger\w*|sway\w*|veer\w*|fall\w*|fell|trip\w*|drunk|gait|ataxi\w*"
    r"|clumsy|shuffl\w*|giv\w* way|gave way|hold\w* on|holding|stick|frame|walker|furniture|walls?|bump\w*|zig\w*"
    r"|legs? like|all over the place|keel\w*|topple\w*|unstable|dizzy)\b",
    re.I,
)
#: "bad" or "worse" told of the back or the pain is no word of illness: "My low back has been bad
#: for 5 days and since last night I've felt shivery and hot"; nor is "not too bad".
_NOT_THE_BACKS = "".join(
    f"(?<!{w} )" for w in ("back", "back's", "been", "pain", "pain's", "is", "was", "getting", "got", "not", "not too")
)
#: Feeling very unwell is told with a word of illness or of how bad ("rough", "like death", "not right"): the model
#: read "Feel ok now." as very unwell. A fever's words ("felt shivery and hot") are the fever, not how ill.
_UNWELL = re.compile(
    r"\b(?:unwell|ill|illness|(?<!sleeping )(?<!sleep )(?<!slept )(?<!eating )(?<!coping )(?<!walking )poorly"
    r"|sick\w*|rough|awful|terrible|dreadful|horrible|horrendous|rotten|lousy|grotty"
    rf"|grim|crap\w*|shit\w*|rubbish|{_NOT_THE_BACKS}(?:bad|worse)|worst|dying|die|death|dead|wiped|floored|exhausted|drained|weak\w*"
    r"|faint\w*|clammy|sweat\w*|shak\w*|flu\w*|run\s+down|knocked|peaky|septic|sepsis|toxic"
    r"|unresponsive|collaps\w*|gr[ae]y|pale|mottled|letharg\w*|listless|confus\w*|drows\w*|bed\w*|struggl\w*"
    r"|off\s+colou?r|under\s+the\s+weather|out\s+of\s+it|unwel|systemically|fatigue\w*|tired)\b"
    r"|\b(?:not|n't|never|nae|no)\s+(?:feel\w*\s+)?(?:at\s+all\s+)?(?:ok|okay|well|right|good|great|myself|himself|herself"
    r"|themselves|(?:too|so)\s+(?:good|great|well|clever|hot))\b",
    re.I,
)
#: Unrelenting pain is told with a word of easing, rest, position or time: not as a bare "Pain 4/10.".
_RELENTLESS = re.compile(
    r"\b(?:nothing|none|no|not|n't|never|nowhere|nae|nuttin|constant\w*|continu\w*|non-?stop|24/7|unrelent\w*|relentless\w*"
    r"|unremitting|persist\w*|always|all\s+the\s+time|day|days|night\w*|whatever|matter|however|rest\w*|ly(?:ing)?|lie\w*"
    r"|lay\w*|sit\w*|sat|stand\w*|position\w*|posture|comfort\w*|comfy|eas\w*|reliev\w*|relief|help\w*|settl\w*|let\w*"
    r"|budg\w*|shift\w*|touch\w*|stop\w*|same|unchanged|chang\w*|better|improv\w*|any\w*|every\w*|still|agony|unbearable"
    r"|bearable|awake|sleep\w*|go(?:es)?\s+away|gone|off|pills?|tablets?|painkillers?|medic\w*|meds|morphine|codeine"
    r"|ibuprofen|paracetamol|co-codamol)\b",
    re.I,
)
#: A watched aneurysm is told with a word for it or for how it is watched: the model read "UA: large
#: blood." as one ("the swelling they keep an eye on" still reads).
_ANEURYSM = re.compile(
    r"\b(?:aneur\w*|aaa|aort\w*|triple\s*a|swelling|bulg\w*|balloon\w*|arter\w*|vessel|scan\w*|surveillance|watch\w*"
    r"|eye\s+on|monitor\w*|graft|evar|stent\w*|vascular)\b",
    re.I,
)
#: A spinal operation or injection is told by what was done: the model read one into a bare "Couple of weeks.".
_PROCEDURE = re.compile(
    r"\b(?:operat\w*|surg\w*|ops?|inject\w*|jabs?|epidural\w*|spinal|lumbar|puncture|procedure\w*|fusion|\w*ectom\w*"
    r"|\w*otom\w*|\w*plasty|decompress\w*|blocks?|an(?:a)?esth\w*|steroids?|stimulator|implant\w*|ablat\w*|facets?"
    r"|rods?|screws?|metalwork|scars?|wound|incision|stitch\w*|drain\w*|biops\w*|discs?|nerve|root)\b",
    re.I,
)
#: A blood thinner is told by name or by what it does: the model read "Afebrile." as one.
_THINNER = re.compile(
    r"\b(?:warfarin|coumadin|apixaban|eliquis|rivaroxaban|xarelto|edoxaban|lixiana|savaysa|dabigatran|pradaxa|heparin"
    r"|\w*parin|clexane|fragmin|anti-?coag\w*|doac|noac|inr|thinn\w*|thins|clot\w*|bleed\w*)\b",
    re.I,
)
NEEDS_WORDS: dict[str, tuple[re.Pattern[str], ...]] = {
    "known_aaa": (_ANEURYSM,),
    "anticoagulant": (_THINNER,),
    "pain_unrelenting": (_RELENTLESS,),
    "urinary_retention": (_NOT_PASSING, _URINE),
    "unsteady_walking": (_BALANCE,),
    "leg_pain_both_sides": (_BILATERAL, _ONE_SIDE_SPARED),
    "leg_numbness_both_sides": (_BILATERAL, _ONE_SIDE_SPARED),
    "saddle_numbness": (_FEELING,),
    "paracetamol_overuse": (_AMOUNT, _TAKEN_WHAT, _NOT_ONLY_ANOTHER),
    "leg_weakness": (_STRENGTH,),
    "leg_weakness_worsening": (_WORSENING, _WEAKENING),
    "foot_drop": (_FOOT,),
    "collapse": (_WENT_DOWN,),
    "fainting": (_WENT_DOWN,),
    "tearing_pain": (_TEARING,),
    "back_lump_or_deformity": (_LUMP,),
    "history_of_cancer": (_CANCER,),
    "fever": (_FEVERISH,),
    "major_trauma": (_IMPACT,),
    "pain_to_arm_or_jaw": (_ARM_OR_JAW,),
    "pregnant": (_PREGNANCY,),
    "fluid_leak": (_LEAKING,),
    "unexplained_weight_loss": (_WEIGHT,),
    "longstanding_leg_symptoms": (_LONG_TOLD,),
    "pain_over_3_months": (_LASTING,),
    "confusion_or_drowsiness": (_MIND,),
    "worried_or_not_coping": (_FEELING_LOW,),
    "feeling_very_unwell": (_UNWELL,),
    "recent_spinal_procedure": (_PROCEDURE,),
}
"""Findings the model may count only from a sentence with words of each kind listed."""

#: Of those, the findings the model may not deny either from a sentence without the words: it read "No PV bleeding"
#: as no fluid leaking. (Other denials stand: "bladder and bowels normal" after a garbled "know numbness".)
DENIED_WITH_WORDS = frozenset({"fluid_leak"})
