"""API fuzzing with schemathesis against the app's own OpenAPI document: no input gives a 500.

Bounded: a fixed number of generated examples per operation (valid and invalid data, derandomised
so runs repeat), without schemathesis's exhaustive coverage phase, so the run takes well under a
minute. Every response is also checked against the documented status codes, content types and
response schemas, and valid requests must be accepted, invalid ones rejected.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings

from backcare.entrypoints.web.app import create_app
from backcare.entrypoints.web.settings import Settings

EXAMPLES = 40

# schemathesis parametrises at collection time, so the app (with its own database) is built here.
_folder = tempfile.mkdtemp(prefix="backcare-fuzz-")
atexit.register(shutil.rmtree, _folder, True)
# The in-process client is neither on loopback nor named 127.0.0.1: only those two checks are lifted.
_app = create_app(
    Settings(database_url=f"sqlite:///{_folder}/fuzz.db", warm_up=False, loopback_only=False, allowed_hosts=("*",))
)
schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", _app)
schema.config.phases.update(phases=["examples", "fuzzing"])


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)
def test_api_never_fails_on_generated_input(case: Any) -> None:
    case.call_and_validate()
