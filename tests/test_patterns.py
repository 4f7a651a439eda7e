from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from mtcheck.patterns import alternation
from mtcheck.rules.broken._shared import _word_before
from mtcheck.rules.broken.agreement import _words_before


@given(st.lists(st.sampled_from(["said", "says", "say", "saying", "stated", "pointed out",
                                 "point out", "add", "added", "a", "s.a", "out"]),
                min_size=1, max_size=8),
       st.text(alphabet="sayidtpon ue.x", max_size=30))
def test_a_trie_alternation_matches_what_the_longest_first_alternation_matches(words, text):
    longest_first = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in set(words)),
                                    key=len, reverse=True))
    plain = re.compile(rf"\b(?:{longest_first})\b")
    trie = re.compile(rf"\b(?:{alternation(words)})\b")
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


_TEXT = st.text(alphabet="ab’- ,.\n\t1é", max_size=60)


@given(_TEXT, st.integers(0, 60), st.sampled_from([20, 40]))
def test_the_word_before_reads_like_the_end_anchored_pattern(text, end, reach):
    end = min(end, len(text))
    found = re.compile(r"(\w+)[^\w\n]*$").search(text, max(0, end - reach), end)
    before = _word_before(text, end, reach)
    got = (before.word, before.start, before.end) if before else None
    assert got == ((found.group(1), found.start(1), found.end(1)) if found else None)


@given(_TEXT, st.integers(0, 60))
def test_the_words_before_read_like_the_end_anchored_pattern(text, end):
    end = min(end, len(text))
    found = re.compile(r"(?:[A-Za-z'’-]+[^\S\n]+){1,5}$").search(text, max(0, end - 80), end)
    assert _words_before(text, end) == (found.group() if found else None)
