"""Sentence segmenters side by side: accuracy on news edge cases and words/s.

Run: python benchmarks/segmenters.py
Compares mtcheck's own segmenter with blingfire and syntok (if installed).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from mtcheck.analyze import document

# Each case: the text and its expected sentences (hand-labelled, written for this benchmark).
CASES: list[tuple[str, list[str]]] = [
    ("Dr. Lane of Orbit Inc. spoke on Monday. The vote passed.",
     ["Dr. Lane of Orbit Inc. spoke on Monday.", "The vote passed."]),
    ("J. R. R. Tolkien wrote it. Fans came.", ["J. R. R. Tolkien wrote it.", "Fans came."]),
    ("Growth hit 2.5 percent in the U.S. economy. Markets rose.",
     ["Growth hit 2.5 percent in the U.S. economy.", "Markets rose."]),
    ("Talks moved to the U.S. The next round is soon.",
     ["Talks moved to the U.S.", "The next round is soon."]),
    ("“We are ready,” she said. “Are we?” He asked.",
     ["“We are ready,” she said.", "“Are we?”", "He asked."]),
    ("BERLIN (AP) — The Bundestag met at 9 a.m. on Friday. It adjourned.",
     ["BERLIN (AP) — The Bundestag met at 9 a.m. on Friday.", "It adjourned."]),
    ("Gen. Ortiz arrived. St. Paul's bells rang.",
     ["Gen. Ortiz arrived.", "St. Paul's bells rang."]),
    ("Item No. 4 sold for $3.5 million. Bidders cheered!",
     ["Item No. 4 sold for $3.5 million.", "Bidders cheered!"]),
    ("He asked why. Nobody knew... Then rain fell.",
     ["He asked why.", "Nobody knew...", "Then rain fell."]),
    ("Prof. Kaya (Ankara Univ.) disagreed. Others did not.",
     ["Prof. Kaya (Ankara Univ.) disagreed.", "Others did not."]),
]


def _ours(text: str) -> list[str]:
    return [s.text for s in document(text).sentences]


def _blingfire() -> Callable[[str], list[str]] | None:
    try:
        import blingfire
    except ImportError:
        return None
    return lambda text: [text[a:b] for a, b in blingfire.text_to_sentences_and_offsets(text)[1]]


def _syntok() -> Callable[[str], list[str]] | None:
    try:
        from syntok import segmenter
    except ImportError:
        return None

    def split(text: str) -> list[str]:
        out = []
        for paragraph in segmenter.analyze(text):
            for sentence in paragraph:
                start = sentence[0].offset
                end = sentence[-1].offset + len(sentence[-1].value)
                out.append(text[start:end])
        return out

    return split


def main() -> None:
    """Print accuracy (exact sentence lists) and throughput of each segmenter."""
    corpus = " ".join(text for text, _ in CASES) * 400
    words = len(corpus.split())
    print(f"{'segmenter':<12} {'cases right':>12} {'words/s':>12}")
    for name, split in (("mtcheck", _ours), ("blingfire", _blingfire()), ("syntok", _syntok())):
        if split is None:
            print(f"{name:<12} {'not installed':>12}")
            continue
        right = sum(split(text) == expected for text, expected in CASES)
        begin = time.perf_counter()
        split(corpus)
        rate = words / (time.perf_counter() - begin)
        print(f"{name:<12} {right:>7}/{len(CASES):<4} {rate:>12,.0f}")


if __name__ == "__main__":
    main()
