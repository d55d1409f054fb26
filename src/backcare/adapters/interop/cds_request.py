"""A CDS Hooks 2.0 ``patient-view`` request: its shape checked, and the errors the service answers with.

The service trusts nothing in a request: every element it uses is checked here first, and a
request it refuses gets an HTTP status and an ``OperationOutcome`` naming the element, so the
EHR's integrator can see what to fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from backcare.adapters.interop.fhir_elements import Json

SERVICE_ID = "backcare-back-pain"
HOOK = "patient-view"

_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_FHIR_ID = re.compile(r"^[A-Za-z0-9\-.]{1,64}$")
_URL = re.compile(r"^https?://[^\s]+$")
#: The elements of ``fhirAuthorization`` the specification requires, with their JSON types.
_AUTHORIZATION = (("access_token", str), ("token_type", str), ("expires_in", int), ("scope", str), ("subject", str))


class HookError(Exception):
    """A request the service refuses: the HTTP status and an OperationOutcome issue."""

    def __init__(self, status: int, message: str, expression: str | None = None, code: str = "invalid") -> None:
        self.status = status
        self.message = message
        self.expression = expression
        self.code = code
        super().__init__(message)


def operation_outcome(
    message: str, expression: str | None = None, code: str = "invalid", severity: str = "error"
) -> Json:
    """A one-issue ``OperationOutcome``: how FHIR and CDS Hooks clients expect to be told what went wrong."""
    issue: Json = {"severity": severity, "code": code, "details": {"text": message}, "diagnostics": message}
    if expression:
        issue["expression"] = [expression]
    return {"resourceType": "OperationOutcome", "issue": [issue]}


def is_outcome(value: Any) -> bool:
    """An ``OperationOutcome`` in place of prefetched data: the client could not get that data."""
    return isinstance(value, dict) and value.get("resourceType") == "OperationOutcome"


@dataclass(frozen=True)
class HookRequest:
    hook_instance: str
    patient_id: str
    user_id: str
    encounter_id: str | None
    fhir_server: str | None
    access_token: str | None
    prefetch: dict[str, Any]


def parse_request(body: Any) -> HookRequest:
    """Check the request's shape (CDS Hooks 2.0, patient-view context); ``HookError`` 400 otherwise."""
    if not isinstance(body, dict):
        raise HookError(400, "the request body must be a JSON object")
    hook = body.get("hook")
    if hook != HOOK:
        raise HookError(400, f"this service answers the {HOOK!r} hook, not {hook!r}", "hook", "not-supported")
    instance = body.get("hookInstance")
    if not isinstance(instance, str) or not _UUID.match(instance):
        raise HookError(400, "hookInstance must be a UUID", "hookInstance")
    patient_id, user_id, encounter_id = _context(body.get("context"))
    server = body.get("fhirServer")
    if server is not None and (not isinstance(server, str) or not _URL.match(server)):
        raise HookError(400, "fhirServer must be an http(s) URL", "fhirServer")
    token = _access_token(body.get("fhirAuthorization"), server)
    prefetch = body.get("prefetch", {})
    if not isinstance(prefetch, dict):
        raise HookError(400, "prefetch must be an object", "prefetch")
    return HookRequest(instance, patient_id, user_id, encounter_id, server, token, dict(prefetch))


def _context(context: Any) -> tuple[str, str, str | None]:
    """The patient, the user and the encounter (optional) of a patient-view context."""
    if not isinstance(context, dict):
        raise HookError(400, "context must be an object with userId and patientId", "context", "required")
    patient_id = context.get("patientId")
    if not isinstance(patient_id, str) or not _FHIR_ID.match(patient_id):
        raise HookError(400, "context.patientId must be a FHIR id", "context.patientId", "required")
    user_id = context.get("userId")
    if not isinstance(user_id, str) or not user_id or len(user_id) > 200:
        raise HookError(400, "context.userId is required (e.g. Practitioner/123)", "context.userId", "required")
    encounter_id = context.get("encounterId")
    if encounter_id is not None and (not isinstance(encounter_id, str) or not _FHIR_ID.match(encounter_id)):
        raise HookError(400, "context.encounterId must be a FHIR id", "context.encounterId")
    return patient_id, user_id, encounter_id


def _access_token(auth: Any, server: Any) -> str | None:
    """The bearer token for the client's FHIR server, if the client sent one (complete, as specified)."""
    if auth is None:
        return None
    if server is None:
        raise HookError(400, "fhirServer is required when fhirAuthorization is sent", "fhirServer", "required")
    if not isinstance(auth, dict):
        raise HookError(400, "fhirAuthorization must be an object", "fhirAuthorization")
    for key, kind in _AUTHORIZATION:
        if not isinstance(auth.get(key), kind) or isinstance(auth.get(key), bool):
            raise HookError(400, f"fhirAuthorization.{key} is required", f"fhirAuthorization.{key}", "required")
    if auth["token_type"] != "Bearer":
        raise HookError(400, "fhirAuthorization.token_type must be Bearer", "fhirAuthorization.token_type")
    return str(auth["access_token"])
