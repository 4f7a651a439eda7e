"""The compact frequency tables and caches answer exactly what the plain ones did."""

from __future__ import annotations

import marshal
import os
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck import wordlists
from mtcheck.analyze import document
from mtcheck.names import _template, extract_mentions
from mtcheck.wordlists import (
    CompactTable,
    cache_path,
    cached_build,
    frequency_table,
    wordfreq_zipf_en,
)

_WORDS = st.text(alphabet="abcdeçşüöñß'’-1 ", min_size=0, max_size=8)


@given(st.lists(st.lists(_WORDS, max_size=6), max_size=8), st.lists(_WORDS, max_size=20))
@settings(max_examples=200, deadline=None)
def test_compact_table_matches_a_dict(buckets: list[list[str]], probes: list[str]) -> None:
    plain: dict[str, int] = {}
    for index, bucket in enumerate(buckets):
        for word in bucket:
            plain.setdefault(word, index)
    table = CompactTable(buckets)
    assert len(table) == len(plain)
    for word in [*plain, *probes]:
        assert table.bucket(word) == plain.get(word, -1)
        assert (word in table) == (word in plain)


def test_small_language_table_lookups() -> None:
    german = frequency_table("de")
    assert german.get("und", 0.0) > 6.0
    assert german.get("und-nicht-da", 0.0) == 0.0


@given(st.sampled_from(["müller", "o'brien", "erdoğan's", "straße", "kavcıoğlu", "peskov",
                        "the", "zqxv", "2024", "e-mail", "café", "Müller", "", "x",
                        "i̇stanbul", "aviator", "vimeo"]))
@settings(max_examples=30, deadline=None)
def test_english_zipf_is_wordfreqs(word: str) -> None:
    from wordfreq import zipf_frequency

    assert wordfreq_zipf_en(word) == zipf_frequency(word, "en")


def test_name_templates_depend_on_the_articles_lower_case_words() -> None:
    # `Bank` opens a sentence in both texts; only the second writes `bank` in lower case,
    # which makes the capitalized one a common word there: the shared cache must not mix
    # the two answers.
    first = document("Bank Leumi raised rates. Analysts expect more.")
    second = document("Bank Leumi raised rates. The bank said more would follow.")
    for doc in (first, second, first):
        fresh = []
        for m in extract_mentions(doc):
            fresh.append(m.text)
        lowercase = frozenset(t.text for t in doc.tokens)
        expected = _template("Bank Leumi", True, False, False, lowercase)
        assert expected is not None
        assert fresh[0] == "Bank Leumi"[expected[0]:expected[1]]


# The on-disk cache of built tables ------------------------------------------------

def _counting_build(calls: list[int]) -> CompactTable:
    calls.append(1)
    return CompactTable([["und", "der"], ["nicht", "und"], ["straße"]])


def _cached(calls: list[int]) -> CompactTable:
    return cached_build("test-table", lambda: _counting_build(calls),
                        CompactTable.dump, CompactTable.load)


def _same(table: CompactTable) -> None:
    assert len(table) == 4
    assert [table.bucket(w) for w in ("und", "der", "nicht", "straße", "zqx")] == [0, 0, 1, 2, -1]


def test_cache_is_written_once_and_read_back(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(tmp_path))
    calls: list[int] = []
    _same(_cached(calls))
    assert cache_path("test-table").is_file()
    _same(_cached(calls))
    assert len(calls) == 1  # the second answer came from the file
    # Written through a temporary file that was renamed: nothing else is left behind.
    assert [p.name for p in tmp_path.iterdir()] == [cache_path("test-table").name]


def test_failed_write_leaves_no_partial_file(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(tmp_path))

    def refuse(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)
    calls: list[int] = []
    _same(_cached(calls))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty"])
def test_corrupt_cache_file_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       damage: str) -> None:
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(tmp_path))
    calls: list[int] = []
    _cached(calls)
    path = cache_path("test-table")
    raw = bytearray(path.read_bytes())
    if damage == "truncate":
        raw = raw[: len(raw) // 2]
    elif damage == "flip":
        raw[-3] ^= 0xFF
    elif damage == "garbage":
        raw = bytearray(b"not a table at all" * 10)
    else:
        raw = bytearray()
    path.write_bytes(bytes(raw))
    _same(_cached(calls))
    assert len(calls) == 2  # the damaged file was not trusted
    _same(_cached(calls))
    assert len(calls) == 2  # and it was replaced by a good one


def test_valid_checksum_with_inconsistent_parts_is_rebuilt(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A file whose checksum is right but whose arrays do not fit together (written by
    # a buggy version under the same key) must still not be trusted.
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(tmp_path))
    path = cache_path("test-table")
    hashes, buckets, offsets, blob = CompactTable([["a", "b"]]).dump()  # type: ignore[misc]
    payload = marshal.dumps((wordlists._cache_key(), (hashes, buckets, offsets, blob + "x")))
    path.write_bytes(wordlists._MAGIC + zlib.crc32(payload).to_bytes(4, "little") + payload)
    calls: list[int] = []
    _same(_cached(calls))
    assert len(calls) == 1


def test_unwritable_cache_dir_falls_back_to_building(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    # A folder under a regular file can be neither created nor written, even by root.
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(blocker / "cache"))
    calls: list[int] = []
    _same(_cached(calls))
    _same(_cached(calls))
    assert len(calls) == 2


@given(st.lists(st.lists(_WORDS, max_size=6), max_size=8), st.lists(_WORDS, max_size=20))
@settings(max_examples=100, deadline=None)
def test_dumped_table_loads_to_the_same_table(buckets: list[list[str]],
                                              probes: list[str]) -> None:
    table = CompactTable(buckets)
    loaded = CompactTable.load(marshal.loads(marshal.dumps(table.dump())))  # type: ignore[arg-type]
    assert len(loaded) == len(table)
    for word in [w for bucket in buckets for w in bucket] + probes:
        assert loaded.bucket(word) == table.bucket(word)


def test_cached_english_table_matches_the_built_one() -> None:
    table, tail = wordlists._english()
    rebuilt = wordlists._load_english(wordlists._dump_english((table, tail)))
    assert list(rebuilt[0].items()) == list(table.items())
    assert rebuilt[1].dump() == tail.dump()


def test_lemminflect_words_match_get_all_lemmas() -> None:
    from lemminflect import getAllLemmas

    for word in ("dog", "running", "die", "pour", "und", "zqxv", "Houses", "ein", "the"):
        assert wordlists._lemminflect_knows(word) == bool(getAllLemmas(word))
