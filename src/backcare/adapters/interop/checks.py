"""What a FHIR bundle must satisfy beyond what ``fhir.resources`` checks.

``fhir.resources`` (R4B models) checks shape: element names, types, cardinality, primitive
formats. It does not check required value-set bindings (``status: "done"`` passes), FHIR
invariants, references inside the bundle, or whether a questionnaire's answers fit its items.
These checks do, for the resources backcare reads and writes:

- required bindings and invariants of each resource type (``checks_bindings``): obs-6, con-4, the
  statuses of Observation, RiskAssessment, QuestionnaireResponse, Condition, CarePlan, Patient gender;
- questionnaires (``checks_questionnaires``): STarT Back, PEG and Roland-Morris items and scores;
- here, across the bundle: its ``type``, unique ``fullUrl``\\ s, ``urn:uuid:`` references that
  resolve inside the bundle, and the check digit of every LOINC code used.

Each problem names the resource (``Observation/abc``), the element (``valueInteger``) and its
FHIRPath-style location in the bundle (``Bundle.entry[3].resource.valueInteger``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from backcare.adapters.interop import codes as c
from backcare.adapters.interop.checks_bindings import CHECKERS
from backcare.adapters.interop.checks_problems import Collector, Problem, label, path_text
from backcare.adapters.interop.fhir_elements import Json

BUNDLE_TYPE = frozenset(
    {
        "document",
        "message",
        "transaction",
        "transaction-response",
        "batch",
        "batch-response",
        "history",
        "searchset",
        "collection",
    }
)
Location = tuple[str | int, ...]


# --- The library's validation, with the resource and element named ---------------------------------


def validate_with_library(bundle: Json) -> list[Problem]:
    """Validate with ``fhir.resources`` R4B; every error as a Problem naming resource and element."""
    from fhir.resources.R4B.bundle import Bundle
    from pydantic import ValidationError

    try:
        Bundle.model_validate(bundle)
    except ValidationError as exc:
        return [_library_problem(bundle, tuple(err["loc"]), err["msg"]) for err in exc.errors()]
    except (TypeError, ValueError, KeyError) as exc:  # the library's own errors for odd input
        return [Problem("Bundle", "", f"not a valid FHIR bundle: {exc}", "Bundle")]
    return []


def validate_resource(resource: Json, where: str) -> list[Problem]:
    """One resource (e.g. from a CDS Hooks prefetch) with the R4B model of its ``resourceType``."""
    from fhir.resources.R4B import get_fhir_model_class
    from pydantic import ValidationError

    kind = resource.get("resourceType")
    try:
        model = get_fhir_model_class(str(kind))
    except (KeyError, ValueError, TypeError, AttributeError):
        return [Problem(where, "resourceType", f"unknown FHIR resource type {kind!r}", f"{where}.resourceType")]
    try:
        model.model_validate(resource)
    except ValidationError as exc:
        out = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            out.append(Problem(f"{where} ({label(resource)})", path_text(loc), err["msg"], path_text((where, *loc))))
        return out
    except (TypeError, ValueError, KeyError) as exc:
        return [Problem(where, "", f"not a valid FHIR resource: {exc}", where)]
    return []


def _library_problem(bundle: Json, loc: Location, msg: str) -> Problem:
    if len(loc) >= 3 and loc[0] == "entry" and isinstance(loc[1], int) and loc[2] == "resource":
        entries = bundle.get("entry") or []
        resource = entries[loc[1]].get("resource") if loc[1] < len(entries) else None
        name = label(resource, loc[1]) if isinstance(resource, dict) else f"entry {loc[1]}"
        rest = [p for p in loc[3:] if not (isinstance(p, str) and p[:1].isupper())]  # drop model-name tags
        return Problem(name, path_text(rest) or "resource", msg, path_text(("Bundle", *loc[:3], *rest)))
    return Problem("Bundle", path_text(loc), msg, path_text(("Bundle", *loc)))


# --- Our own checks -------------------------------------------------------------------------------


def check_bundle(bundle: Json) -> list[Problem]:
    """Every problem the library leaves unchecked, in bundle order."""
    problems: list[Problem] = []
    if bundle.get("type") not in BUNDLE_TYPE:
        problems.append(Problem("Bundle", "type", f"{bundle.get('type')!r} is not a Bundle type", "Bundle.type"))
    entries = bundle.get("entry") or []
    urls = Counter(str(e.get("fullUrl")) for e in entries if isinstance(e, dict) and e.get("fullUrl"))
    known = set(urls)
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("resource"), dict):
            continue
        if entry.get("fullUrl") and urls[str(entry["fullUrl"])] > 1:
            problems.append(
                Problem(
                    label(entry["resource"], i),
                    "fullUrl",
                    f"{entry['fullUrl']} appears more than once",
                    f"Bundle.entry[{i}].fullUrl",
                )
            )
        problems += check_resource(entry["resource"], i, known)
    return problems


def check_resource(resource: Json, index: int, known_urls: set[str] | None = None) -> list[Problem]:
    """One resource's problems: its type's rules, LOINC check digits, references that do not resolve."""
    out = Collector(resource, index)
    checker = CHECKERS.get(str(resource.get("resourceType")))
    if checker is not None:
        checker(out, resource)
    for loc, coding in _codings(resource, ()):
        code = str(coding["code"])  # a string: ``_codings`` yields no other
        if coding.get("system") == c.LOINC and not code.startswith("LA") and not c.loinc_check_digit_ok(code):
            out.add((*loc, "code"), f"LOINC code {code!r} has a wrong check digit")
    if known_urls is not None:
        for loc, reference in _references(resource, ()):
            if reference.startswith("urn:uuid:") and reference not in known_urls:
                out.add((*loc, "reference"), f"{reference} is not in the bundle")
    return out.problems


def _codings(node: Any, loc: Location) -> Iterator[tuple[Location, Json]]:
    """Every Coding-like object (a string ``code`` beside a ``system``), outside nested resources."""
    if isinstance(node, dict):
        if "code" in node and "system" in node and isinstance(node.get("code"), str):
            yield loc, node
        for key, value in node.items():
            if key != "resource":
                yield from _codings(value, (*loc, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _codings(value, (*loc, i))


def _references(node: Any, loc: Location) -> Iterator[tuple[Location, str]]:
    if isinstance(node, dict):
        if isinstance(node.get("reference"), str):
            yield loc, node["reference"]
        for key, value in node.items():
            yield from _references(value, (*loc, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _references(value, (*loc, i))
