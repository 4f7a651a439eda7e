"""mtcheck: checks machine-translated news and scores it.

The public API is imported lazily so that `mtcheck --version` and hooks start fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Config", "Finding", "MtcheckError", "Report", "Severity", "__version__", "check"]

if TYPE_CHECKING:
    from mtcheck.config import Config
    from mtcheck.engine import check
    from mtcheck.errors import MtcheckError
    from mtcheck.model import Finding, Report, Severity

_LAZY = {
    "check": "mtcheck.engine", "Config": "mtcheck.config", "MtcheckError": "mtcheck.errors",
    "Finding": "mtcheck.model", "Report": "mtcheck.model", "Severity": "mtcheck.model",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'mtcheck' has no attribute {name!r}")
