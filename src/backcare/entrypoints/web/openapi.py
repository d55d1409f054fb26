"""The OpenAPI document, made precise from the knowledge base: every finding id with its own type.

The request models accept answers as loosely as the command line does (the core checks each one
and names the field when it is wrong); the document, though, lists exactly which ids exist and
what each takes, so clients (and the fuzzer) know what a valid request is.
"""

from __future__ import annotations

from typing import Any

from backcare.core.answers import bool_words
from backcare.knowledge import KnowledgeBase
from backcare.knowledge.schema import FindingDef

BOOL_WORDS = bool_words()


def finding_schema(definition: FindingDef, nullable: bool, allow_list: bool = True) -> dict[str, Any]:
    """JSON Schema of one finding's value."""
    desc = definition.question
    options: list[dict[str, Any]]
    if definition.type == "bool":
        options = [{"type": "boolean"}, {"type": "string", "enum": BOOL_WORDS}]
    elif definition.type == "int":
        options = [{"type": "integer", "minimum": definition.min, "maximum": definition.max}]
    elif definition.type == "enum":
        options = [{"type": "string", "enum": list(definition.values)}]
    elif allow_list:
        options = [{"type": "array", "items": {"type": "string", "maxLength": 200}, "maxItems": 100}]
    else:
        options = [{"type": "string", "maxLength": 200, "description": "names separated by commas"}]
    if nullable:
        options.append({"type": "null"})
    schema: dict[str, Any] = options[0] if len(options) == 1 else {"anyOf": options}
    return {**schema, "description": desc}


def answers_schema(kb: KnowledgeBase, nullable: bool, allow_list: bool = True) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            fid: finding_schema(d, nullable, allow_list) for fid, d in kb.findings.items() if not d.computed
        },
    }


LOCAL_TIME = {"type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9](:[0-5][0-9](\\.[0-9]+)?)?$"}


def _local_times(node: Any) -> None:
    """Times of day are local ("08:00:00"); JSON Schema's ``time`` format would demand a UTC offset."""
    if isinstance(node, dict):
        if node.get("format") == "time":
            node.pop("format")
            node.update({k: v for k, v in LOCAL_TIME.items() if k not in node})
            node["pattern"] = LOCAL_TIME["pattern"]
        for value in node.values():
            _local_times(value)
    elif isinstance(node, list):
        for value in node:
            _local_times(value)


def conforms(value: Any, definition: FindingDef, allow_list: bool = True) -> bool:
    """Whether an answer has the type the document gives its finding (ranges are the core's check)."""
    if value is None:
        return True
    if definition.type == "bool":
        return isinstance(value, bool) or (isinstance(value, str) and value in BOOL_WORDS)
    if definition.type == "int":
        if isinstance(value, float):
            return value.is_integer()
        return isinstance(value, int) and not isinstance(value, bool)
    if definition.type == "enum":
        return isinstance(value, str) and value in definition.values
    if allow_list:
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return isinstance(value, str)


ASSESS_BEFORE = "`POST /assess` answers exactly what `backcare assess --format json` prints."
ASSESS_NOW = (
    "`POST /assess` answers compact JSON: the triage, red flags, contributors, findings and `to_confirm`, "
    "with `plan_link` in place of the plan; `POST /assess?include=plan` answers the whole assessment, "
    "the document `backcare assess --format json` prints."
)


def refine(document: dict[str, Any], kb: KnowledgeBase) -> dict[str, Any]:
    """Replace the free-form answer maps of the request schemas by the catalogue's precise ones."""
    _local_times(document)
    info = document.get("info", {})
    info["description"] = info.get("description", "").replace(ASSESS_BEFORE, ASSESS_NOW)
    schemas = document.get("components", {}).get("schemas", {})
    if "AssessRequest" in schemas:  # text, answers or both: at least one of them, not null
        schemas["AssessRequest"]["anyOf"] = [
            {"required": ["text"], "properties": {"text": {"type": "string"}}},
            {"required": ["answers"], "properties": {"answers": {"type": "object"}}},
        ]
    assess = schemas.get("AssessRequest", {}).get("properties", {})
    if "answers" in assess:
        description = assess["answers"].get("description", "")
        assess["answers"] = {
            "anyOf": [answers_schema(kb, nullable=True), {"type": "null"}],
            "description": description + '; null or "unknown" means not answered',
        }
    entry = schemas.get("EntryInput", {}).get("properties", {})
    if "findings" in entry:
        description = entry["findings"].get("description", "")
        entry["findings"] = {**answers_schema(kb, nullable=False, allow_list=False), "description": description}
    return document


def expected(definition: FindingDef, allow_list: bool = True) -> str:
    """What ``conforms`` wants, in words for the error message."""
    if definition.type == "bool":
        return "expected true, false, null or one of " + ", ".join(f'"{w}"' for w in BOOL_WORDS)
    if definition.type == "int":
        return f"expected a whole number from {definition.min} to {definition.max}"
    if definition.type == "enum":
        return "expected one of " + ", ".join(f'"{v}"' for v in definition.values)
    return "expected a list of names" if allow_list else "expected names separated by commas"
