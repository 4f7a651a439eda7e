"""Name analysis in linear time: mention extraction, clustering and the names.* rules on
generated news of 125,000 to 1,000,000 words.

Run: python benchmarks/names_scaling.py [--max-words N]
Prints, per size, the seconds spent (CPU time, best of three) and words per second; a
constant words/s column means linear time. The text is generated: a growing cast of people
whose surnames are sometimes written without diacritics, transliterated another way or cut
short, so every part of the clustering (keys, edits, prefixes) has work to do.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable

from mtcheck.analyze import document
from mtcheck.config import Config
from mtcheck.engine import findings
from mtcheck.model import Document
from mtcheck.names import cluster_words, extract_mentions, name_words

_FIRST = ["Ayşe", "Mehmet", "Dmitry", "Sabine", "Laia", "Hélène", "Jonas", "Elif", "Ruslan",
          "Carmen", "Tomasz", "Yelena", "Arthur", "Selim", "Katrin", "Luis"]
_SYLLABLES = ["ka", "ya", "ser", "dar", "mü", "len", "ö", "zk", "gün", "ta", "rı", "şa", "vo",
              "lek", "ni", "pe", "sko", "ov", "ür", "ba", "çe", "ğa", "ha", "ro", "mi"]
_TITLES = ["Minister", "Governor", "Judge", "Coach", "Spokesman", "Mayor", "Chairman"]
_PLACES = ["Ankara", "Berlin", "Moscow", "Madrid", "Paris", "İstanbul", "Gdańsk", "Zürich"]


def _variant(surname: str, rnd: random.Random) -> str:
    """How MT sometimes misspells a surname: drop diacritics, fold, transliterate, cut."""
    kind = rnd.random()
    if kind < 0.4:
        return surname.translate(str.maketrans("üöşçğıİé", "uoscgiIe"))
    if kind < 0.6:
        return surname.replace("ü", "ue").replace("ö", "oe")
    if kind < 0.8:
        return surname.replace("v", "w").replace("y", "i")
    return surname[:max(4, len(surname) - 2)]


def generated_article(words: int, seed: int = 11) -> str:
    """News-like paragraphs with about `words` words and a cast that grows with the text."""
    rnd = random.Random(seed)
    cast: list[tuple[str, str]] = []
    paragraphs: list[str] = []
    count = 0
    while count < words:
        if not cast or rnd.random() < 0.08:
            surname = "".join(rnd.choices(_SYLLABLES, k=rnd.randint(2, 4))).capitalize()
            cast.append((rnd.choice(_FIRST), surname))
        first, last = rnd.choice(cast[-12:])
        spelled = _variant(last, rnd) if rnd.random() < 0.05 else last
        place = rnd.choice(_PLACES)
        sentences = [
            f"{rnd.choice(_TITLES)} {first} {last} said on Monday in {place} that the "
            "plan was ready and that talks would continue next week.",
            f"However, {spelled} told reporters that prices would rise again this year.",
            f"The decision followed a meeting in {place}, officials said.",
            f"“We are ready,” {last} said after the talks.",
        ]
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return "\n\n".join(paragraphs)


def _best(run: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def _rules(doc: Document, config: Config) -> None:
    doc.memo.clear()
    findings(doc, config, strict=True)


def main() -> None:
    """Print the scaling table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-words", type=int, default=1_000_000)
    args = parser.parse_args()
    config = Config().with_overrides(select=("names",))
    sizes = [n for n in (125_000, 250_000, 500_000, 1_000_000) if n <= args.max_words]
    print(f"{'words':>9}  {'mentions':>8}  {'clusters':>8}  {'extract s':>9}  {'cluster s':>9}"
          f"  {'rules s':>8}  {'words/s (rules)':>15}")
    for size in sizes:
        doc = document(generated_article(size))
        extract_mentions(doc)  # warm the per-word caches (wordfreq, keys)
        mentions = extract_mentions(doc)
        words = name_words(mentions)
        clusters = cluster_words(words)
        extract = _best(lambda d=doc: extract_mentions(d))
        cluster = _best(lambda w=words: cluster_words(w))
        rules = _best(lambda d=doc: _rules(d, config))
        print(f"{doc.words:>9,}  {len(mentions):>8,}  {len(clusters):>8,}  {extract:>9.3f}  "
              f"{cluster:>9.3f}  {rules:>8.3f}  {doc.words / rules:>15,.0f}")


if __name__ == "__main__":
    main()
