"""The compact frequency tables and caches answer exactly what the plain ones did."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck.analyze import document
from mtcheck.names import _template, extract_mentions
from mtcheck.wordlists import CompactTable, frequency_table, wordfreq_zipf_en

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
