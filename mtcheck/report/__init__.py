"""Report renderers: one module per output format."""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from typing import cast

from mtcheck.model import Report

FORMATS = ("text", "json", "markdown", "html", "sarif")
_MODULES = {"text": "text", "json": "json_report", "markdown": "markdown", "html": "html",
            "sarif": "sarif"}


def renderer(fmt: str) -> Callable[..., str]:
    """The `render(report, **options) -> str` function of a format."""
    module = importlib.import_module(f"mtcheck.report.{_MODULES[fmt]}")
    return cast(Callable[..., str], module.render)


def available_formats() -> tuple[str, ...]:
    """The formats whose renderer module exists."""
    return tuple(f for f in FORMATS
                 if importlib.util.find_spec(f"mtcheck.report.{_MODULES[f]}") is not None)


__all__ = ["FORMATS", "Report", "available_formats", "renderer"]
