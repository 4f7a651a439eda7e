"""Typed errors. Library code raises these; only the CLI edge turns them into messages."""

from __future__ import annotations


class MtcheckError(Exception):
    """Base class of every error mtcheck raises on purpose."""


class InputError(MtcheckError):
    """An input file or text cannot be read or decoded."""


class ConfigError(MtcheckError):
    """The configuration names an unknown option or rule, or holds a bad value."""


class UsageError(MtcheckError):
    """Arguments that do not fit together (for example a rule that needs a missing source)."""
