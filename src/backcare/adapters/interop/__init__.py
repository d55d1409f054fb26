"""Talking to clinicians' systems: FHIR R4 export and import, and a CDS Hooks service.

- ``fhir_export``: a person's records as a FHIR R4 ``Bundle`` (R4B models of ``fhir.resources``),
  built by ``fhir_records`` (Patient, episodes, assessments, plans), ``fhir_diary`` (entries),
  ``fhir_questionnaires`` (PEG, Roland-Morris, STarT Back) on ``fhir_resources`` (ids, skeletons);
- ``fhir_import``: a Bundle (backcare's own, or a clinician's questionnaires and pain observations)
  back into records (``fhir_import_records``, ``fhir_import_entries``), refused whole with the
  resource and element named when anything is wrong (``fhir_import_errors``);
- ``checks``: what the bundle must satisfy beyond what ``fhir.resources`` validates, with
  ``checks_bindings`` (value sets, invariants), ``checks_questionnaires`` and ``checks_problems``;
- ``fhir_elements`` and ``codes``: reading FHIR elements, and the code systems and codes used;
- ``transfer``: the two above over a store, for ``backcare export|import --format fhir`` and the API;
- ``cds_service``: the CDS Hooks 2.0 service (``/cds-services``), which reads the clinician's note
  with the same ``assess`` as the API and never touches anyone's stored records: ``cds_request``,
  ``cds_prefetch`` (``cds_facts``, ``cds_note``, ``cds_fetch``), ``cds_evaluation`` (the memo),
  ``cds_cards`` and ``cds_feedback`` (stored by ``store``);
- ``web``: the routers, installed into the web app by ``install``.
"""
