from __future__ import annotations

import codecs

import pytest

from mtcheck.errors import InputError
from mtcheck.load import decode, read_path


@pytest.mark.parametrize("data", [
    "Güler said.\n".encode(),
    codecs.BOM_UTF8 + "Güler said.\n".encode(),
    "Güler said.\n".encode("utf-16"),
    "Güler said.\n".encode("utf-16-be").join([codecs.BOM_UTF16_BE, b""]),
    "Güler said.\r\n".encode(),
])
def test_decodes_utf8_boms_utf16_and_crlf(data):
    assert decode(data, "x") == "Güler said.\n"


def test_invalid_utf8_names_the_byte_offset():
    with pytest.raises(InputError, match=r"f\.txt: not valid UTF-8 at byte offset 3"):
        decode(b"abc\xff", "f.txt")


def test_explicit_fallback_encoding():
    assert decode("Göç".encode("cp1254"), "f", encoding="cp1254") == "Göç"


def test_unknown_fallback_encoding_is_an_input_error():
    with pytest.raises(InputError, match="unknown encoding"):
        decode(b"\xff", "f", encoding="no-such-codec")


def test_binary_is_rejected():
    with pytest.raises(InputError, match="binary"):
        decode(b"PK\x03\x04\x00\x00", "a.zip")


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_path(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="directory"):
        read_path(tmp_path)
