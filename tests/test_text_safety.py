"""Safety properties of free text, end to end: each red-flag symptom written plainly fires its flag,
hedged it still fires, and negated, hypothetical or about someone else it does not."""

import datetime as dt

import pytest

from backcare import assess

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
def test_red_flag_fires_only_when_the_person_has_it(flag, symptom, frame):
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
def test_odd_text_is_never_a_silent_self_care(text):
    result = assess(text=text, today=TODAY)
    assert not result.complete
    assert result.unanswered_screening
    assert result.messages
