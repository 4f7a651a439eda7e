from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from mtcheck.patterns import alternation


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
