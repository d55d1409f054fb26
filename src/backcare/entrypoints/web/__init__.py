"""backcare's web app: server-rendered pages and the JSON API over the same pure core and storage.

``create_app(settings)`` (in ``backcare.entrypoints.web.app``) builds the FastAPI app; ``backcare serve`` runs
it on uvicorn. Local mode serves one person on 127.0.0.1 without login; ``--multi-user`` adds
accounts, sessions and per-account isolation, with all state in the shared database.
"""

from __future__ import annotations

from backcare.entrypoints.web.settings import Settings

__all__ = ["Settings"]
