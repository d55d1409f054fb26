"""backcare: safe triage, likely causes and a cited care plan for back muscle spasms and acute back pain.

The public Python API is small: ``assess`` and the ``Assessment`` model (with ``to_json``).
Imports are lazy so that ``import backcare`` (and the command line's start-up) stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Assessment", "__version__", "assess"]

if TYPE_CHECKING:
    from backcare.bootstrap import assess
    from backcare.core.models import Assessment


def __getattr__(name: str) -> Any:
    if name == "assess":
        from backcare.bootstrap import assess

        return assess
    if name == "Assessment":
        from backcare.core.models import Assessment

        return Assessment
    raise AttributeError(f"module 'backcare' has no attribute {name!r}")
