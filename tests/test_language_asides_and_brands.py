"""Round 171 of the reading (from R447 to R450, the sets that measured round 170): a person named only
in a bracketed aside, a relative's possessive typed without its apostrophe, a baby named by its age
in weeks, a disc bulge, "just chill", a sick note asked about, facet joint injections, and statins
by their Indian brand names."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 7)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_person_named_in_a_bracketed_aside() -> None:
    carer = (
        "My mother, 68, has osteoporosis. Yesterday while lifting my son (her grandson, 2 years) suddenly she got "
        "severe pain in her lower back, 8/10."
    )
    assert READ.status(KB, carer, "onset_sudden") == "present"
    own = "My boyfriend was rubbing my back last night (movie night, kids at my mum's) and he found a lump on my lower back."
    assert READ.status(KB, own, "back_lump_or_deformity") == "present"
    named = "My son's 20 and his upper back aches after work. His gran (my mum) has osteoporosis, which is why I ask."
    assert not READ.counted(KB, named, "osteoporosis")


def test_a_relatives_possessive_without_its_apostrophe() -> None:
    text = "my husbands eyes have gone yellow the last few days and he has pain in his back. he's not on any medication."
    assert READ.status(KB, text, "yellow_skin_or_eyes") == "present"


def test_a_baby_named_by_its_age_in_weeks() -> None:
    text = "My 3 week old has jaundice and I've been carrying him awkwardly, now my lower back aches."
    assert not READ.counted(KB, text, "yellow_skin_or_eyes")


def test_a_disc_bulge_is_no_lump() -> None:
    text = "Had a disc bulge at L4/5 back in 2020, physio sorted it. Low back ache again since Friday."
    assert not READ.counted(KB, text, "back_lump_or_deformity")


def test_just_chill_is_no_fever() -> None:
    text = "lower back sore since footy on thurs. do i need to see someone or just chill"
    assert not READ.counted(KB, text, "fever")


def test_a_sick_note_asked_about() -> None:
    text = "On Friday I lift boxes and my back make spasm. I can go to work tomorrow or I must have sick note?"
    assert not READ.counted(KB, text, "worried_or_not_coping")


def test_facet_joint_injections() -> None:
    text = "60M, L3/4 and L4/5 facet joint injections 2/52 ago, back pain since."
    assert READ.status(KB, text, "recent_spinal_procedure") == "present"


def test_a_statin_by_its_indian_brand() -> None:
    text = "I take Rosuvas 10 for cholesterol. For three weeks spasms in my lower back again and again."
    assert READ.value(KB, text, "medications") == ["rosuvastatin"]
    asked = "Taking Atorva 20 for two months. Spasms in my lower back again and again. Should I stop Atorva myself?"
    assert READ.value(KB, asked, "medications") == ["atorvastatin"]
