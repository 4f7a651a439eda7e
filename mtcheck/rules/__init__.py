"""Rule families. Importing this package registers every rule."""

from mtcheck.rules import boilerplate, broken, encoding, names, untranslated

__all__ = ["boilerplate", "broken", "encoding", "names", "untranslated"]
