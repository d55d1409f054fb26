"""Fetching what an EHR did not prefetch from its FHIR server (``fhirServer``), within a time limit.

The specification lets a client send only ``fhirServer`` and a token; the service then runs its
own prefetch queries. Only the queries' results are used, and a required one that cannot be
had answers 412, so the EHR knows to prefetch instead.
"""

from __future__ import annotations

import dataclasses
import logging
from typing import Any

from backcare.adapters.interop.cds_prefetch import PREFETCH, missing_prefetch, template_query
from backcare.adapters.interop.cds_request import HookError, HookRequest, is_outcome
from backcare.adapters.interop.transfer import FHIR_JSON

log = logging.getLogger("backcare.adapters.interop")

#: Time allowed for fetching missing prefetch data from the client's FHIR server.
FETCH_TIMEOUT = 3.0


async def fetch_missing(req: HookRequest, missing: list[str], transport: Any = None) -> HookRequest:
    """The request with what it lacked fetched; ``HookError`` 412 when there is no server or it fails."""
    if req.fhir_server is None:
        raise HookError(
            412,
            f"required prefetch missing ({', '.join(missing)}) and no fhirServer to fetch it from",
            f"prefetch.{missing[0]}",
            "required",
        )
    import httpx

    headers = {"Accept": FHIR_JSON}
    if req.access_token:
        headers["Authorization"] = f"Bearer {req.access_token}"
    fetched = dict(req.prefetch)
    async with httpx.AsyncClient(transport=transport, timeout=FETCH_TIMEOUT, follow_redirects=False) as client:
        for key in [k for k in PREFETCH if k not in fetched]:
            query = template_query(key, req)
            if query is None:
                continue
            url = f"{req.fhir_server.rstrip('/')}/{query}"
            try:
                response = await client.get(url, headers=headers)
                data = response.json() if response.status_code == 200 else None
            except (httpx.HTTPError, ValueError) as exc:
                data = None
                log.warning("CDS prefetch %s from %s failed: %s", key, req.fhir_server, exc)
            if isinstance(data, dict) and not is_outcome(data):
                fetched[key] = data
            elif key in missing:
                raise HookError(412, f"could not fetch {key!r} from the FHIR server", f"prefetch.{key}", "required")
    complete = dataclasses.replace(req, prefetch=fetched)
    still = missing_prefetch(complete)
    if still:
        raise HookError(412, f"required data unavailable: {', '.join(still)}", f"prefetch.{still[0]}", "required")
    return complete
