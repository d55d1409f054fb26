"""Round 173 of the reading (from R455 to R462, the eight sets that measured round 172; their two
missed emergencies and the other misses): a pain that "seemed to tear through" to the back, a doubt of
the normal ("not sure if I can feel my bum properly"), questions written with a full stop and answered
"NO.", a month followed by "ever since", beta-2 agonists beyond the inhalers named so far, a muscle
"like a knot", "how long will this last?", a sum that "came to 3 grams", cancer "on my radar",
chemotherapy "midway through", words in single quotes, sweat after a heat pad, the side told after
"back spasm lower", weakness "unchanged since it started" and an age after a few words of who one is."""

from __future__ import annotations

import datetime as dt

from backcare.adapters.learned.telling_words import NEEDS_WORDS
from backcare.bootstrap import knowledge
from text_reading import ReadOn

TODAY = dt.date(2026, 12, 7)
READ = ReadOn(TODAY)
KB = knowledge()


def test_a_pain_that_tears_through_to_the_back() -> None:
    text = "Aged 80. An hour ago a terrible pain which seemed to rip across from my belly into my back came on."
    assert READ.status(KB, text, "tearing_pain") == "present"
    assert "aortic" in READ.flags(text)


def test_questions_written_with_a_full_stop_answered_no() -> None:
    text = (
        "Hurt my lower back moving a sofa on Saturday. The nurse went through the list. Did I have a "
        "temperature. No. Any numbness in the saddle area. NO. So what now?"
    )
    assert READ.status(KB, text, "fever") == "absent"
    assert READ.status(KB, text, "saddle_numbness") == "absent"
    # a question left without its answer denies nothing
    assert READ.status(KB, "Lower back pain since Monday. Any fever. I feel hot and shivery tonight.", "fever") == "present"


def test_a_month_followed_by_ever_since() -> None:
    text = "I moved house in early October and my lower back has ached ever since, no better at all."
    assert READ.value(KB, text, "days_since_onset") == 67
    assert "persistent" in READ.flags(text)


def test_beta_2_agonists_beyond_the_common_inhalers() -> None:
    for name, medicine in [("clenbuterol", "clenbuterol"), ("Onbrez", "indacaterol"), ("Bambec", "bambuterol")]:
        text = f"On {name} for a while. My lower back keeps going into cramps, again and again for weeks."
        assert READ.value(KB, text, "medications") == [medicine]
        assert "medication_related" in READ.flags(text)


def test_a_muscle_like_a_knot_or_asking_how_long_tells_neither_lump_nor_length() -> None:
    lump, lasting = NEEDS_WORDS["back_lump_or_deformity"][0], NEEDS_WORDS["pain_over_3_months"][0]
    assert not lump.search("Sore between my shoulder blades after painting a ceiling, feels like a knot.")
    assert not lump.search("My back muscles are all in knots.")
    assert lump.search("There's a hard knot under the skin by my spine that wasn't there before.")
    assert not lasting.search("Tweaked my lower back at football last night. How long will this last?")
    assert lasting.search("It has been going on for so long now.")


def test_a_sum_that_came_to_grams_is_no_faint() -> None:
    text = "Back pain from lifting. I counted the paracetamol: today came to 2 grams in all."
    assert READ.status(KB, text, "fainting") is None
    assert READ.status(KB, text, "collapse") is None


def test_cancer_on_my_radar_is_a_worry_not_a_history() -> None:
    text = "My back went in spasm gardening. Dad had bowel cancer, so cancer is on my radar, but I've never had it."
    assert READ.status(KB, text, "history_of_cancer") is None


def test_chemotherapy_midway_through_weakens_the_immune_system() -> None:
    text = "My husband is midway through chemotherapy. His lower back has hurt all the time for a week."
    assert READ.status(KB, text, "immunosuppressed") == "present"


def test_a_doubt_of_the_normal_counts_where_a_belief_in_it_is_asked() -> None:
    doubt = "Back in spasm since Sunday. I can't tell whether I can feel the loo roll properly when I wipe."
    assert READ.status(KB, doubt, "saddle_numbness") == "possible"
    assert "cauda_equina" in READ.flags(doubt)
    belief = "Back in spasm since Sunday. I think I can feel the loo roll fine when I wipe."
    assert READ.status(KB, belief, "saddle_numbness") is None


def test_words_in_single_quotes_are_read_as_the_words() -> None:
    text = "Telephone triage: 45M, R loin pain 1/7, T 38.3, says he feels 'rough but ok', alert, no rigors."
    assert READ.status(KB, text, "feeling_very_unwell") == "absent"
    # ... but words quoted in the first person stay their speaker's
    assert "young_age" in READ.flags("My daughter is 3 and keeps saying 'my back hurts', for two days now.")


def test_sweat_after_a_heat_pad_is_no_cold_sweat() -> None:
    text = "Back spasm since Monday. I lay on a heating pad and felt hot and sweaty after. Temp 36.6. 30F."
    assert READ.status(KB, text, "sweating_clammy") is None
    assert "cardiac" not in READ.flags(text)


def test_the_side_told_after_back_spasm_lower() -> None:
    assert READ.value(KB, "Back spasm lower right since yesterday.", "pain_region") == "lower"


def test_weakness_unchanged_since_it_started() -> None:
    text = "Physio note: 44M, LBP 1/52 with L leg pain. L foot drop, pt says unchanged since it began on Monday."
    assert READ.status(KB, text, "leg_weakness_worsening") == "absent"
    assert "progressive_neuro_deficit" not in READ.flags(text)


def test_an_age_after_a_few_words_of_who_one_is() -> None:
    assert READ.value(KB, "Taxi driver, 61. Pain between my shoulder blades since Friday.", "age") == 61
