from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from mtcheck.wordcodes import WordCodes


def _codes(limit: int = 1000) -> WordCodes:
    return WordCodes(fixed=("of", "the"), classifiers={"det": lambda w: "D" if w == "the"
                                                       else None},
                     exact_classifiers={"case": lambda w: "C" if w[0].isupper() else "x"},
                     limit=limit)


def test_same_word_in_any_case_has_one_code_and_fixed_codes_are_stable():
    codes = _codes()
    encoded = codes.encode(["The", "report", "of", "the", "Report"])
    assert encoded.text[0] == encoded.text[3] == codes.code_of("the")
    assert encoded.text[1] == encoded.text[4] != encoded.text[0]
    assert encoded.classes("det")[0] == "D"
    assert encoded.classes("det")[1] == encoded.text[1]
    assert encoded.exact_classes("case") == "CxxxC"
    assert re.search(f"{codes.code_of('of')}{codes.code_of('the')}", encoded.text)


@given(st.lists(st.lists(st.sampled_from(["a", "B", "c", "D", "of", "the", "e", "f", "G"]),
                         min_size=1, max_size=12), min_size=1, max_size=20))
def test_codes_compare_like_the_words_even_across_a_restart(documents):
    codes = _codes(limit=6)  # restarts often
    for words in documents:
        encoded = codes.encode(words)
        assert len(encoded.text) == len(words)
        for i, a in enumerate(words):
            for j, b in enumerate(words):
                assert (encoded.text[i] == encoded.text[j]) == (a.lower() == b.lower())
        assert encoded.text.count(codes.code_of("of")) == [w.lower() for w in words].count("of")

