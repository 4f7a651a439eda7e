"""Short-span language identification: accuracy and spans/s, English against one language.

Run: python benchmarks/langid.py [--per-pair N] [--seed S]

Spans of one to three words, half English and half Turkish, German or Spanish, are
drawn from two pools and each detector says English or the other language:

- `wordfreq`: words ranked 2,000-20,000 in wordfreq's lists, leaving out the words
  that both languages share. mtcheck's own unigram model reads the same tables,
  so its figure here is an upper bound; the pool tests the other detectors.
- `text`: one-to-three-word windows of real prose: the source texts of
  corpora/annotated/dev for Turkish, German and Spanish, the clean English
  articles for English. No detector has seen them.
- `sentences`: the whole sentences of the same texts (words/s matters here: the
  rules identify the language of candidate sentences).

Detectors: langdetect (seeded), mtcheck's wordfreq unigram model
(`mtcheck.langid.frequency_span_guess`), and lingua restricted to English and the
other language when `lingua-language-detector` is installed. Accuracy counts a
span right when the detector names its language; an answer outside the pair
(langdetect may say Dutch) is wrong.
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections.abc import Callable
from pathlib import Path

from mtcheck.langid import (
    _lingua,
    _lingua_guess,
    detect,
    frequency_span_guess,
)

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "corpora" / "annotated" / "dev"
PAIRS = ("tr", "de", "es")
SOURCES = {"tr": "tr-central-bank-rates.src.txt", "de": "de-rail-strike.src.txt",
           "es": "es-drought-weather.src.txt"}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")

Span = tuple[str, str]  # (text, language)
Detector = Callable[[str], str]


def wordfreq_pool(lang: str, n: int, rng: random.Random) -> list[Span]:
    """`n` English and `n` `lang` spans from the middle ranks of wordfreq's lists."""
    from wordfreq import top_n_list

    english = top_n_list("en", 20_000)
    other = top_n_list(lang, 20_000)
    shared = set(english) & set(other)
    pools = {"en": [w for w in english[2_000:] if w.isalpha() and w not in shared],
             lang: [w for w in other[2_000:] if w.isalpha() and w not in shared]}
    return _spans(pools, n, rng, contiguous=False)


def text_pool(lang: str, n: int, rng: random.Random) -> list[Span]:
    """`n` English and `n` `lang` windows of running text from the dev corpus."""
    english = [w for p in sorted(DEV.glob("clean-*.txt")) for w in _WORD.findall(p.read_text())]
    other = _WORD.findall((DEV / SOURCES[lang]).read_text())
    return _spans({"en": english, lang: other}, n, rng, contiguous=True)


def sentence_pool(lang: str, n: int, rng: random.Random) -> list[Span]:
    """Whole sentences: the dev source text in `lang` and the clean English articles."""
    from mtcheck.analyze import document

    english = [s.text for p in sorted(DEV.glob("clean-*.txt"))
               for s in document(p.read_text()).sentences if len(s.text.split()) >= 4]
    other = [s.text for s in document((DEV / SOURCES[lang]).read_text()).sentences
             if len(s.text.split()) >= 4]
    out = [(t, "en") for t in rng.sample(english, min(n, len(english)))]
    out += [(t, lang) for t in rng.sample(other, min(n, len(other)))]
    rng.shuffle(out)
    return out


def _spans(pools: dict[str, list[str]], n: int, rng: random.Random,
           contiguous: bool) -> list[Span]:
    out: list[Span] = []
    for lang, words in pools.items():
        for _ in range(n):
            size = rng.randint(1, 3)
            if contiguous:
                start = rng.randrange(len(words) - size)
                chosen = words[start:start + size]
            else:
                chosen = rng.sample(words, size)
            out.append((" ".join(chosen), lang))
    rng.shuffle(out)
    return out


def detectors(lang: str) -> dict[str, Detector]:
    """The detectors available here, each answering a language code."""
    found: dict[str, Detector] = {
        "langdetect": lambda text: detect(text).lang,
        "wordfreq (mtcheck)": lambda text: frequency_span_guess(text, (lang,)).lang,
    }
    lingua = _lingua((lang,))
    if lingua is not None:
        found["lingua (en+1)"] = lambda text: _lingua_guess(lingua, text).lang
    return found


def measure(detector: Detector, spans: list[Span]) -> tuple[float, float, float]:
    """Accuracy, spans per second and words per second (after warm-up calls: lingua
    loads its models lazily)."""
    for text, _ in spans[:20]:
        detector(text)
    start = time.perf_counter()
    right = sum(detector(text) == lang for text, lang in spans)
    elapsed = time.perf_counter() - start
    words = sum(len(text.split()) for text, _ in spans)
    return right / len(spans), len(spans) / elapsed, words / elapsed


def main() -> None:
    """Print one table per pool: accuracy and spans/s of each detector per language pair."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-pair", type=int, default=300,
                        help="spans per language in each pair (default 300)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    pools = (("wordfreq", wordfreq_pool, "1-3-word spans"), ("text", text_pool, "1-3-word spans"),
             ("sentences", sentence_pool, "whole sentences, as many as the texts hold"))
    for pool_name, pool, what in pools:
        print(f"\npool: {pool_name} (up to {args.per_pair} English + {args.per_pair} other "
              f"per pair; {what})")
        print(f"{'pair':<7} {'detector':<20} {'accuracy':>8} {'spans/s':>10} {'words/s':>11}")
        for lang in PAIRS:
            spans = pool(lang, args.per_pair, random.Random(f"{args.seed}-{lang}"))
            for name, detector in detectors(lang).items():
                accuracy, rate, words = measure(detector, spans)
                print(f"en-{lang:<4} {name:<20} {accuracy:>8.3f} {rate:>10,.0f} {words:>11,.0f}")


if __name__ == "__main__":
    main()
