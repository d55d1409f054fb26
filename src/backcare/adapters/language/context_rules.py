"""ConText modifiers for patient-written text: medspaCy's defaults, trimmed, plus lay rules.

The rules live in ``context_rules.yaml``; this module validates them and turns them into
medspaCy ``ConTextRule`` objects. One rule needs code: a conditional "if" is hypothetical in "if I
get a fever I'll call" but not in "if I sit for long my legs go numb" (a real, recurring symptom),
so it carries an ``on_modifies`` check.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from backcare.adapters.language.patterns import (
    Compile,
    PatternError,
    Tokenise,
    TokenRegex,
    compile_phrase,
    compile_regex,
    regex_from_token_pattern,
)
from backcare.knowledge import SafeYamlLoader

if TYPE_CHECKING:
    from spacy.tokens import Span

RULES_FILE = Path(__file__).parent / "context_rules.yaml"

Category = Literal[
    "NEGATED_EXISTENCE",
    "POSSIBLE_EXISTENCE",
    "HYPOTHETICAL",
    "FAMILY",
    "HISTORICAL",
    "SELF",
    "CURRENT",
    "LONGSTANDING",
    "CLAUSE",
    "PSEUDO",
]
Direction = Literal["FORWARD", "BACKWARD", "BIDIRECTIONAL", "TERMINATE", "PSEUDO"]


class ContextRulesError(ValueError):
    """The context rules file is invalid; the message names the rule and the reason."""


class LayRule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    category: Category
    direction: Direction
    max_scope: int | None = Field(None, gt=0)
    terminated_by: list[Category] = Field(default_factory=list)
    kind: Literal["remote", "resolved", "hedge", "worse", "returned"] | None = None
    # "sentence": the cue reaches every finding on its side of it in the sentence, past clause
    # breaks, unless the sentence tells of something now or new (``context_apply``)
    reach: Literal["sentence"] | None = None
    on_modifies: Literal["conditional_clause", "followed_by_gerund"] | None = None
    patterns: list[str] = Field(min_length=1)


class RulesFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    drop_default: list[str] = Field(default_factory=list)
    default_max_scope: dict[str, int] = Field(default_factory=dict)
    rules: list[LayRule] = Field(min_length=1)


# --- the conditional "if" -----------------------------------------------------------------------

#: Words that make an "if" sentence advice or a worry about the future, not a description.
FUTURE_MARKERS = frozenset(
    {"will", "would", "should", "shall", "going", "call", "ring", "phone", "seek", "need", "must", "a&e", "er",
     "emergency", "doctor", "hospital", "999", "911", "111", "112", "leaflet", "told", "said", "says", "advice",
     "advised", "warned", "worried", "worry", "happens", "happen", "what", "ever", "case", "help", "ambulance",
     "urgently", "immediately", "straight", "right", "pharmacist", "nurse", "midwife", "contact", "ask"}
)  # fmt: skip
#: Verbs that, right after "if I", introduce a symptom ("if I get numbness", "if I couldn't pee",
#: "if I end up with a temperature"), not a trigger.
ONSET_VERBS = frozenset(
    {"get", "gets", "got", "develop", "develops", "notice", "notices", "start", "starts", "experience",
     "lose", "loses", "have", "has", "become", "becomes", "feel", "feels", "suddenly", "can", "ca", "go", "goes",
     "began", "begin", "see", "find", "could", "could not", "were", "end", "ends", "catch", "spike"}
)  # fmt: skip


def conditional_clause(target: Span, modifier: Span, between: Span) -> bool:
    """Whether an "if" makes ``target`` hypothetical (advice or worry), not a habitual symptom."""
    sentence = target.sent
    norms = {t.norm_ for t in sentence}
    if norms & FUTURE_MARKERS:
        return True
    if any(t.norm_ in {",", ";", "-"} for t in between):
        return False  # the target is in the main clause: "if I bend, pain shoots down my leg"
    # (the target's own first word too: "if I couldn't pee" is read from "couldn't")
    after = [t.norm_ for t in modifier.doc[modifier.end : min(target.start + 1, modifier.end + 3)]]
    return any(word in ONSET_VERBS for word in after)


#: After "worried about": a feared condition, not one the person has ("worried about cancer").
FEARED = frozenset(
    {"getting", "it", "this", "that", "something", "a", "an", "cancer", "tumor", "tumors", "cauda", "infection",
     "fracture", "stroke", "aneurysm", "serious", "paralysis"}
)  # fmt: skip


def followed_by_gerund(target: Span, modifier: Span, between: Span) -> bool:
    """ "worried about losing control" or "worried about cancer" is a fear for the future;
    "worried about the numbness" (or "my cancer") is not."""
    doc = modifier.doc
    if modifier.end >= len(doc):
        return False
    following = doc[modifier.end].norm_
    return following.endswith("ing") or following in FEARED


CALLBACKS: dict[str, Callable[[Any, Any, Any], bool]] = {
    "conditional_clause": conditional_clause,
    "followed_by_gerund": followed_by_gerund,
}


# --- loading --------------------------------------------------------------------------------------


def parse_rules(text: str, where: str = "context_rules.yaml") -> RulesFile:
    try:
        raw = yaml.load(text, Loader=SafeYamlLoader)
        return RulesFile.model_validate(raw)
    except yaml.YAMLError as exc:
        raise ContextRulesError(f"{where}: not valid YAML: {exc}") from None
    except ValidationError as exc:
        reasons = "; ".join(f"{'.'.join(str(p) for p in err['loc']) or 'file'}: {err['msg']}" for err in exc.errors())
        raise ContextRulesError(f"{where}: {reasons}") from None


@cache
def load_rules(path: Path = RULES_FILE) -> RulesFile:
    return parse_rules(path.read_text(encoding="utf-8"), where=path.name)


def build_context_rules(
    rules_file: RulesFile, macros: dict[str, str], tokenise: Tokenise, compile: Compile = compile_regex
) -> list[tuple[Any, TokenRegex]]:
    """medspaCy's default rules (minus ``drop_default``) and the lay rules: each a ConTextRule (what
    the cue means and how far it reaches) with the compiled pattern that finds the cue."""
    import medspacy
    from medspacy.context import ConTextRule

    defaults_path = Path(medspacy.__file__).resolve().parents[1] / "resources" / "en" / "context_rules.json"
    out: list[tuple[Any, TokenRegex]] = []
    known_defaults: set[str] = set()
    for rule in ConTextRule.from_json(str(defaults_path)):
        known_defaults.add(rule.literal)
        if rule.literal in rules_file.drop_default:
            continue
        if rule.max_scope is None and rule.category in rules_file.default_max_scope:
            rule.max_scope = rules_file.default_max_scope[rule.category]
        if isinstance(rule.pattern, list):
            out.append((rule, regex_from_token_pattern(rule.literal, rule.pattern)))
        else:
            out.append((rule, compile_phrase(rule.literal, tokenise)))
    unknown = set(rules_file.drop_default) - known_defaults
    if unknown:
        raise ContextRulesError(f"context_rules.yaml: drop_default names no default rule: {sorted(unknown)}")
    for index, lay in enumerate(rules_file.rules):
        for text in lay.patterns:
            try:
                compiled = compile(text, macros, tokenise)
            except PatternError as exc:
                raise ContextRulesError(f"context_rules.yaml: rules[{index}]: {exc}") from None
            rule = ConTextRule(
                literal=text,
                category=lay.category,
                direction=lay.direction,
                max_scope=lay.max_scope,
                terminated_by=set(lay.terminated_by) or None,
                on_modifies=CALLBACKS[lay.on_modifies] if lay.on_modifies else None,
                metadata={key: value for key, value in (("kind", lay.kind), ("reach", lay.reach)) if value} or None,
            )
            out.append((rule, compiled))
    return out
