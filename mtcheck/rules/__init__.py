"""Rule families. Importing this package registers every rule."""

from mtcheck.rules import boilerplate, broken, encoding, fidelity, names, untranslated

__all__ = ["boilerplate", "broken", "encoding", "fidelity", "names", "untranslated"]
