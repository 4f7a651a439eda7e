"""Word lists shared by the rules, loaded once from wordfreq."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The 30,000 most frequent English words, lower-cased."""
    from wordfreq import top_n_list

    return frozenset(top_n_list("en", 30_000))


def is_english_word(word: str) -> bool:
    """True when `word` (lower-cased) is a frequent English word."""
    return word in english_words()
