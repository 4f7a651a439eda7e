"""Reading and decoding input: files, stdin and API strings."""

from __future__ import annotations

import codecs
import sys
from dataclasses import dataclass
from pathlib import Path

from mtcheck.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True, slots=True)
class Input:
    """A decoded text and the name it is reported under."""

    name: str
    text: str


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """Decode bytes as mtcheck reads every input.

    A byte-order mark picks UTF-8, UTF-16 or UTF-32; otherwise the bytes must be
    UTF-8 unless `encoding` names a fallback. Line ends become `\\n`, exactly as
    Python's universal newlines read a file, so offsets match `read_text()`.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_with(data[len(bom):], codec, name)
    if b"\x00" in data:
        offset = data.index(b"\x00")
        raise InputError(f"{name}: looks like a binary file (NUL byte at offset {offset})")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        if encoding is None:
            raise InputError(
                f"{name}: not valid UTF-8 at byte offset {err.start} "
                f"(byte 0x{data[err.start]:02x}); pass --encoding to read it another way"
            ) from None
        text = _decode_with(data, encoding, name)
    return _universal_newlines(text)


def _decode_with(data: bytes, codec: str, name: str) -> str:
    try:
        return _universal_newlines(data.decode(codec))
    except LookupError:
        raise InputError(f"unknown encoding {codec!r}") from None
    except UnicodeDecodeError as err:
        raise InputError(f"{name}: not valid {codec} at byte offset {err.start}") from None


def _universal_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_path(path: str | Path, encoding: str | None = None) -> Input:
    """Read and decode one file; `-` reads standard input."""
    name = str(path)
    if name == "-":
        return Input("<stdin>", decode(sys.stdin.buffer.read(), "<stdin>", encoding))
    file = Path(path)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory, not a file") from None
    except OSError as err:
        raise InputError(f"{name}: cannot read ({err.strerror})") from None
    return Input(name, decode(data, name, encoding))
