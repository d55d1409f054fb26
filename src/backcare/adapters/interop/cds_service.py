"""The CDS Hooks 2.0 ``patient-view`` service: prefetched FHIR data in, cards out. No I/O here.

The clinician's latest note (``DocumentReference`` text, else the ``Encounter`` reason) is read
by the same ``assess`` and packaged text reader that ``POST /api/v1/assess`` uses
(``backcare.bootstrap.assess(answers, text, today)``). The steps, each
in its module: the request (``cds_request``), the prefetch (``cds_prefetch``, ``cds_facts``,
``cds_note``), the assessment (``cds_evaluation``) and the cards (``cds_cards``); feedback on
cards is ``cds_feedback``. Nothing here reads or writes anyone's stored records: the service
only sees the request.
"""

from __future__ import annotations

import datetime as dt

from backcare.adapters.interop.cds_cards import cards
from backcare.adapters.interop.cds_evaluation import Evaluation, evaluate, nothing_to_read
from backcare.adapters.interop.cds_facts import Facts
from backcare.adapters.interop.cds_prefetch import PREFETCH, read_prefetch
from backcare.adapters.interop.cds_request import HOOK, SERVICE_ID, HookRequest
from backcare.adapters.interop.fhir_elements import Json


def discovery() -> Json:
    """The discovery document (``GET /cds-services``): the one service, its prefetch and how to call it."""
    return {
        "services": [
            {
                "hook": HOOK,
                "title": "backcare: warning signs in back pain",
                "id": SERVICE_ID,
                "description": (
                    "Reads the patient's latest clinical note (DocumentReference text or Encounter reason), recent "
                    "back-pain Conditions and pain and temperature Observations for warning signs of serious back "
                    "pain (cauda equina syndrome, cord compression, infection, fracture, aortic or cardiac causes and "
                    "others). Cards: critical for an emergency sign (quoted from the note, with the action), warning "
                    "for a same-day review, info with a link to backcare's plan for routine or self-care back pain; "
                    "no card when nothing about back pain is known."
                ),
                "prefetch": dict(PREFETCH),
                "usageRequirements": (
                    "Send prefetch 'patient' and 'note' (or 'encounter'), or a fhirServer (with fhirAuthorization) "
                    "for the service to fetch them; otherwise it answers 412. Authorization: Bearer <the shared token "
                    "agreed with the backcare operator>. Information and triage support, not a diagnosis."
                ),
                "version": "STU2",
            }
        ]
    }


def respond(ev: Evaluation | None, facts: Facts, launch_url: str) -> Json:
    """The hook's response body: ``{"cards": [...]}``."""
    from backcare.bootstrap import knowledge

    if ev is None:
        return {"cards": []}
    return {"cards": cards(ev, facts, launch_url, knowledge())}


def answer(req: HookRequest, today: dt.date, launch_url: str) -> Json:
    """The whole service in one call (prefetch already complete)."""
    facts = read_prefetch(req, today)
    return respond(None if nothing_to_read(facts) else evaluate(facts, today), facts, launch_url)
