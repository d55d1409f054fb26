"""Safety properties of free text, end to end: each red-flag symptom written plainly fires its flag,
hedged it still fires, and negated, hypothetical or about someone else it does not."""

import datetime as dt
from typing import Any

import pytest

from backcare import assess
from backcare.knowledge import KnowledgeBase

TODAY = dt.date(2026, 11, 22)

# (red flag, how a person might name the symptom)
SYMPTOMS = [
    ("cauda_equina", "numbness between my legs"),
    ("cauda_equina", "trouble passing urine"),
    ("cauda_equina", "leaking wee"),
    ("cauda_equina", "loss of control of my bowels"),
    ("cauda_equina", "pins and needles in both legs"),
    ("progressive_neuro_deficit", "leg weakness that is getting worse"),
    ("cardiac", "chest pain"),
    ("spinal_infection", "a fever"),
    ("malignancy", "had cancer"),
    ("aortic", "a sudden tearing pain in my back"),
    ("general_emergency", "difficulty breathing"),
]

FRAMES = {
    "plain": ("My lower back has been in spasm for two days and I have {s}.", True),
    "hedged": ("My lower back has been in spasm for two days and I think I might have {s}.", True),
    "negated": ("My lower back has been in spasm for two days. I do not have {s}.", False),
    "hypothetical": ("My lower back has been in spasm for two days. The leaflet says to watch out for {s}.", False),
    "someone else": ("My lower back has been in spasm for two days. My dad has {s}.", False),
}


@pytest.mark.parametrize(("flag", "symptom"), SYMPTOMS, ids=[f"{f}:{s}" for f, s in SYMPTOMS])
@pytest.mark.parametrize("frame", FRAMES)
def test_red_flag_fires_only_when_the_person_has_it(flag: str, symptom: str, frame: str) -> None:
    template, fires = FRAMES[frame]
    if frame in ("negated", "someone else") and symptom.startswith("had "):
        template = template.replace("I do not have {s}", "I have never {s}").replace("has {s}", "{s}")
    text = template.format(s=symptom)
    reported = {f.id for f in assess(text=text, today=TODAY).red_flags}
    assert (flag in reported) is fires, f"{text!r} -> {sorted(reported)}"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t ",
        "🙂🙂🙂",
        "\x00\x01\x02 binary \xff",
        "Me duele mucho la espalda desde ayer.",
        "back " * 200_000,
    ],
)
def test_odd_text_is_never_a_silent_self_care(text: str) -> None:
    result = assess(text=text, today=TODAY)
    assert not result.complete
    assert result.unanswered_screening
    assert result.messages


# --- revised 2026-12: hedged denials, and long-standing symptoms in both legs ------------------


def _rules_only(text: str, kb: KnowledgeBase, today: dt.date) -> Any:
    """The rule reader alone (``backcare.adapters.language``), without the learned sentence model."""
    from backcare.adapters.language import understand
    from backcare.adapters.learned.reading import Reading

    rules = understand(text, kb, today)
    return Reading(rules, [], rules, {}, [])


# (screening finding, how a person might name it)
SCREENING = [
    ("saddle_numbness", "numbness between my legs"),
    ("urinary_retention", "trouble passing urine"),
    ("bowel_incontinence", "bowel accidents"),
    ("fever", "a fever"),
]


@pytest.mark.parametrize(("fid", "symptom"), SCREENING, ids=[s for _, s in SCREENING])
@pytest.mark.parametrize(
    "template",
    [
        "My lower back has been in spasm for two days. I don't think I have {s}.",
        "My lower back has been in spasm for two days and probably no {s}.",
        "My lower back has been in spasm for two days. {S}? I don't think so.",
    ],
)
def test_a_hedged_denial_leaves_the_screening_question_open(fid: str, symptom: str, template: str) -> None:
    text = template.format(s=symptom, S=symptom[0].upper() + symptom[1:]).replace("no a ", "no ")
    result = assess(text=text, today=TODAY, reader=_rules_only)
    assert fid not in {f.id for f in result.findings if f.source == "text"}, text
    assert fid in result.unanswered_screening, text


@pytest.mark.parametrize(
    ("text", "emergency"),
    [
        ("My lower back went yesterday. I've had numb feet for years from my diabetic neuropathy.", False),
        ("Lower back pain since Monday, and tingling in both feet for years because of my diabetes.", False),
        ("My lower back went yesterday and since then both my feet have gone numb.", True),
        ("Numb feet for years from neuropathy, but this week both legs have gone numb. Back agony.", True),
    ],
)
def test_both_legs_are_an_emergency_only_when_new_or_worse(text: str, emergency: bool) -> None:
    result = assess(text=text, today=TODAY, reader=_rules_only)
    assert ("cauda_equina" in {f.id for f in result.red_flags}) is emergency, text


def test_a_broken_rules_file_is_an_error_not_an_empty_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    """Outside the tests a reading bug gives an empty reading (the questions still get asked), but a
    vocabulary or rules file that does not compile must not pass as a text that says nothing."""
    from backcare.adapters.language import pipeline
    from backcare.adapters.language.context_rules import ContextRulesError
    from backcare.adapters.language.reader import read
    from backcare.bootstrap import knowledge

    def broken() -> None:
        raise ContextRulesError("context_rules.yaml: rules[35]: a gap is written ~N")

    monkeypatch.delenv("BACKCARE_STRICT_READING")
    monkeypatch.setattr(pipeline, "engine", broken)
    with pytest.raises(ContextRulesError):
        read("I can't feel the toilet paper when I wipe", knowledge(), TODAY)
