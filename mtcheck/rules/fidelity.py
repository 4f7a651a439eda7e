"""Fidelity to the source: changed figures, omitted and added sentences, lost names and quotes.

These rules read the source text, aligned sentence by sentence with the translation
(`mtcheck.align`). Every finding points into the translation: the wrong figure, the
added sentence, or the sentence next to the place where something went missing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

from mtcheck.align import Alignment, align, mentions_by_sentence
from mtcheck.analyze import memoized
from mtcheck.model import Document, Hit, Sentence
from mtcheck.numbers import (
    Mention,
    closest,
    format_value,
    is_number_or_calendar_word,
    language_of,
)
from mtcheck.rules.registry import Example, RuleContext, rule
from mtcheck.wordlists import is_english_word, wordfreq_zipf_en

_DIGIT_RUN = re.compile(r"[0-9][0-9.,'’\u00a0\u202f]*[0-9]|[0-9]")
_WORD = re.compile(r"[^\W\d_]+")
_NAME = re.compile(r"[^\W\d_][^\W\d_'’.-]*")
_QUOTED = re.compile(r"„([^“”\"]+)[“”\"]|“([^”]+)”|«([^»]+)»|\"([^\"]+)\"|‹([^›]+)›|"
                     r"「([^」]+)」|‚([^‘’]+)[‘’]")
_QUOTE_MARKS = frozenset("\"“”„«»‹›「」‘")


@dataclass(frozen=True)
class _Bilingual:
    """The alignment and figures shared by the fidelity rules."""

    alignment: Alignment
    target_mentions: tuple[tuple[Mention, ...], ...]
    source_mentions: tuple[tuple[Mention, ...], ...]
    source_lang: str | None


def _bilingual(doc: Document) -> _Bilingual:
    def compute(d: Document) -> _Bilingual:
        assert d.source is not None
        lang = language_of(d.source)
        alignment = align(d, d.source)
        return _Bilingual(alignment, mentions_by_sentence(d, d.tgt_lang),
                          mentions_by_sentence(d.source, lang), lang)

    return memoized(doc, "fidelity", compute)


def _quote(text: str, limit: int = 100) -> str:
    text = " ".join(text.split())
    return f"“{text}”" if len(text) <= limit else f"“{text[:limit - 1].rstrip()}…”"


def _words(sentence: Sentence) -> int:
    return len(_WORD.findall(sentence.text))


# ---- changed figures ------------------------------------------------------------------


@rule("fidelity.number-mismatch", category="fidelity", severity="major", needs=("source",),
      bad=[Example("Around 2,000 passengers were stranded on Friday.",
                   source="Am Freitag saßen rund 20.000 Fahrgäste fest.", src_lang="de"),
           Example("Inflation rose to 86.5 percent in March.",
                   source="Enflasyon mart ayında yüzde 68,5'e yükseldi.", src_lang="tr"),
           Example("The talks resumed on 4 May in Madrid.",
                   source="Las conversaciones se reanudaron el 4 de junio en Madrid.",
                   src_lang="es")],
      good=[Example("Around 20,000 passengers were stranded on Friday.",
                    source="Am Freitag saßen rund 20.000 Fahrgäste fest.", src_lang="de"),
            Example("Inflation rose to 68.5% in March, the office said.",
                    source="Enflasyon mart ayında %68,5'e yükseldi, dedi ofis.",
                    src_lang="tr"),
            Example("About six million people live in the region.",
                    source="En la región viven unos seis millones de personas.",
                    src_lang="es")])
def number_mismatch(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """A number, percentage, amount or date differs from the source.

    Figures are read in both languages' notations (`20.000` and `20,000`, `%4,5` and
    `4.5%`, `seis millones` and `six million`, `junio` and `June`). A figure of the
    translation is flagged when the aligned source sentence and its neighbours hold no
    figure it can stand for, while the aligned source sentence has a figure the
    translation lacks: a figure that was changed rather than moved or added.
    """
    shared = _bilingual(doc)
    pairs = shared.alignment.pairs
    for b, (targets, sources) in enumerate(pairs):
        if not targets or not sources:
            continue
        near = range(max(0, b - 1), min(len(pairs), b + 2))
        source_window = [m for k in near for j in pairs[k][1] for m in shared.source_mentions[j]]
        target_window = [m for k in near for i in pairs[k][0] for m in shared.target_mentions[i]]
        unmatched_source = [m for j in sources for m in shared.source_mentions[j]
                            if not m.weak and not any(m.agrees(t) for t in target_window)]
        if not unmatched_source:
            continue
        for i in targets:
            for mention in shared.target_mentions[i]:
                if mention.weak or any(mention.agrees(s) for s in source_window):
                    continue
                counterpart = _counterpart(mention, unmatched_source)
                if counterpart is None:
                    continue
                unmatched_source.remove(counterpart)
                yield Hit(mention.start, mention.end,
                          f"'{mention.text}' does not match the source, which has "
                          f"'{counterpart.shown(mention)}' here",
                          suggestion=_suggestion(mention, counterpart),
                          confidence=0.85 if mention.kind == counterpart.kind else 0.7)


def _counterpart(mention: Mention, candidates: Sequence[Mention]) -> Mention | None:
    """The unmatched source figure this one most likely stands for: same kind first."""
    same_class = [c for c in candidates if c.numeric == mention.numeric and
                  (c.numeric or c.kind == mention.kind)]
    if not same_class:
        return None
    same_kind = [c for c in same_class if c.kind == mention.kind]
    return (same_kind or same_class)[0]


def _suggestion(mention: Mention, source: Mention) -> str | None:
    """The translation's wording with the source's figure, for plain numbers."""
    if not mention.numeric or not source.numeric or mention.kind == "time":
        return None
    value = closest(source.values, max(mention.values))
    runs = _DIGIT_RUN.findall(mention.text)
    if len(runs) != 1:
        return None
    return _DIGIT_RUN.sub(format_value(value), mention.text, count=1)


# ---- omitted and added sentences ---------------------------------------------------------


def _gaps(doc: Document) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Runs of beads with no translation (omissions) and with no source (additions)."""
    pairs = _bilingual(doc).alignment.pairs
    omitted: list[tuple[int, int]] = []
    added: list[tuple[int, int]] = []
    b = 0
    while b < len(pairs):
        empty_target, empty_source = not pairs[b][0], not pairs[b][1]
        if not (empty_target or empty_source):
            b += 1
            continue
        end = b
        while end + 1 < len(pairs) and (not pairs[end + 1][0]) == empty_target and (
                not pairs[end + 1][1]) == empty_source:
            end += 1
        (omitted if empty_target else added).append((b, end + 1))
        b = end + 1
    return omitted, added


def _substantive_source(doc: Document, j: int, min_words: int) -> bool:
    assert doc.source is not None
    sentence = doc.source.sentences[j]
    return (_words(sentence) >= min_words
            and doc.source.paragraphs[sentence.paragraph].kind != "meta")


def _substantive_target(doc: Document, i: int, min_words: int) -> bool:
    sentence = doc.sentences[i]
    return (_words(sentence) >= min_words
            and doc.paragraphs[sentence.paragraph].kind in ("body", "list"))


def _replaced(doc: Document, run: tuple[int, int], added: Sequence[tuple[int, int]],
              min_words: int) -> bool:
    """True when a run of omitted beads touches a run of added sentences that will be
    reported (a substitution); a line of page debris next to the gap does not count."""
    pairs = _bilingual(doc).alignment.pairs
    return any((a_end == run[0] or a_start == run[1]) and any(
        _substantive_target(doc, i, min_words) for b in range(a_start, a_end)
        for i in pairs[b][0]) for a_start, a_end in added)


@rule("fidelity.omitted-segment", category="fidelity", severity="major", needs=("source",),
      options={"min_words": 5, "min_length_ratio": 0.5, "min_source_chars": 80},
      bad=[Example("The council met on Monday. It approved the budget for next year.",
                   source="Der Rat tagte am Montag. Die Opposition verließ die Sitzung aus "
                          "Protest gegen die Kürzungen bei den Schulen. Er billigte den "
                          "Haushalt für das kommende Jahr.", src_lang="de")],
      good=[Example("The council met on Monday. It approved the budget for next year.",
                    source="Der Rat tagte am Montag. Er billigte den Haushalt für das "
                           "kommende Jahr.", src_lang="de")])
def omitted_segment(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """A source sentence has no counterpart in the translation, or is cut short.

    Source sentences left without a partner by the alignment are reported on the
    translated sentence just before the gap (just after it at the start of the text),
    quoting what is missing. A sentence much shorter than its source, for the length
    ratio of the article, is reported too: part of it may have been dropped.
    """
    assert doc.source is not None
    shared = _bilingual(doc)
    pairs = shared.alignment.pairs
    omitted, added = _gaps(doc)
    min_words = int(ctx.number("min_words"))
    for start, end in omitted:
        missing = [j for b in range(start, end) for j in pairs[b][1]
                   if _substantive_source(doc, j, min_words)]
        if not missing or _replaced(doc, (start, end), added, min_words):
            continue
        neighbour = _neighbour_sentence(pairs, start, end)
        if neighbour is None:
            continue
        anchor, where = neighbour
        sentence = doc.sentences[anchor]
        more = f" (and {len(missing) - 1} more source sentence(s))" if len(missing) > 1 else ""
        yield Hit(sentence.start, sentence.end,
                  f"the source sentence {_quote(doc.source.sentences[missing[0]].text)}"
                  f"{more} is missing from the translation {where} this sentence",
                  confidence=0.75)
    ratio = shared.alignment.ratio
    min_ratio = ctx.number("min_length_ratio")
    min_chars = ctx.number("min_source_chars")
    for targets, sources in pairs:
        if not targets or not sources:
            continue
        source_len = sum(len(doc.source.sentences[j].text) for j in sources)
        target_len = sum(len(doc.sentences[i].text) for i in targets)
        if source_len < min_chars or target_len >= min_ratio * ratio * source_len:
            continue
        first = doc.sentences[targets[0]]
        last = doc.sentences[targets[-1]]
        share = round(100 * target_len / (ratio * source_len))
        yield Hit(first.start, last.end,
                  f"this translation is {share}% of the length expected for its source "
                  f"{_quote(' '.join(doc.source.sentences[j].text for j in sources))}: "
                  f"part of it may be missing", confidence=0.6)


def _neighbour_sentence(pairs: Sequence[tuple[tuple[int, ...], tuple[int, ...]]],
                        start: int, end: int) -> tuple[int, str] | None:
    """The translated sentence just before beads start..end, else the one just after."""
    for b in range(start - 1, -1, -1):
        if pairs[b][0]:
            return pairs[b][0][-1], "after"
    for b in range(end, len(pairs)):
        if pairs[b][0]:
            return pairs[b][0][0], "before"
    return None


@rule("fidelity.added-segment", category="fidelity", severity="major", needs=("source",),
      options={"min_words": 4, "max_length_ratio": 2.0, "min_added_chars": 60},
      bad=[Example("The council met on Monday. Many residents are said to be deeply unhappy "
                   "with the decision. It approved the budget for next year.",
                   source="Der Rat tagte am Montag. Er billigte den Haushalt für das "
                          "kommende Jahr.", src_lang="de")],
      good=[Example("The council met on Monday. It approved the budget for next year.",
                    source="Der Rat tagte am Montag. Er billigte den Haushalt für das "
                           "kommende Jahr.", src_lang="de")])
def added_segment(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """A sentence of the translation has no counterpart in the source, or runs far longer.

    MT systems sometimes invent a sentence (a hallucination) or repeat one. Short
    lines and headings without a partner are left to the boilerplate rules; a
    sentence that took the place of a different source sentence is reported here
    with the source sentence it replaced. A translated sentence more than twice as
    long as its source, for the length ratio of the article, is reported too.
    """
    assert doc.source is not None
    shared = _bilingual(doc)
    pairs = shared.alignment.pairs
    omitted, added = _gaps(doc)
    min_words = int(ctx.number("min_words"))
    for start, end in added:
        replaced = [j for o_start, o_end in omitted if o_end == start or o_start == end
                    for b in range(o_start, o_end) for j in pairs[b][1]]
        for b in range(start, end):
            for i in pairs[b][0]:
                if not _substantive_target(doc, i, min_words):
                    continue
                sentence = doc.sentences[i]
                message = "this sentence has no counterpart in the source"
                if replaced:
                    message = (f"this sentence does not translate the source sentence "
                               f"{_quote(doc.source.sentences[replaced[0]].text)}")
                yield Hit(sentence.start, sentence.end, message, confidence=0.7)
    ratio = shared.alignment.ratio
    max_ratio = ctx.number("max_length_ratio")
    min_added = ctx.number("min_added_chars")
    for targets, sources in pairs:
        if not targets or not sources:
            continue
        expected = ratio * sum(len(doc.source.sentences[j].text) for j in sources)
        first, last = doc.sentences[targets[0]], doc.sentences[targets[-1]]
        length = sum(len(doc.sentences[i].text) for i in targets)
        if length > max_ratio * expected and length - expected >= min_added:
            source = " ".join(doc.source.sentences[j].text for j in sources)
            yield Hit(first.start, last.end,
                      f"this translation is {round(100 * length / expected)}% of the length "
                      f"expected for its source {_quote(source)}: it may add to it",
                      confidence=0.55)


# ---- names and quotations ----------------------------------------------------------------


@rule("fidelity.missing-name", category="fidelity", severity="minor", needs=("source",),
      options={"max_source_zipf": 5.0, "max_rarest_zipf": 4.5, "min_english_zipf": 1.5},
      bad=[Example("The mayor opened the new bridge on Monday.",
                   source="Bürgermeisterin Katrin Albers eröffnete am Montag die neue "
                          "Brücke.", src_lang="de")],
      good=[Example("Mayor Katrin Albers opened the new bridge on Monday.",
                    source="Bürgermeisterin Katrin Albers eröffnete am Montag die neue "
                           "Brücke.", src_lang="de")])
def missing_name(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """A name in the source appears nowhere in the translation.

    People and places keep their names in translation, up to transliteration and
    diacritics (`Kröger`, `Kroeger`; `Песков`, `Peskov`). A capitalized source word that
    is used as a name in English text too, and that no word of the translation
    resembles, was probably dropped; it is reported on the aligned sentence. Only names
    of two words or more (`Emre Kalkan`) are checked, as a lone capitalized word is as
    often a German noun or a place with an English name of its own; a name whose words
    are all common in the source language (`Asociación Española`) is an institution
    that gets translated; and a name is not reported while another part of it (a
    surname) is still there.
    """
    assert doc.source is not None
    shared = _bilingual(doc)
    present = _TargetWords(doc)
    lang = shared.source_lang or ""
    max_zipf = ctx.number("max_source_zipf")
    max_rarest = ctx.number("max_rarest_zipf")
    min_en = ctx.number("min_english_zipf")
    by_sentence: dict[int, list[str]] = {}
    for targets, sources in shared.alignment.pairs:
        if not targets:
            continue
        for j in sources:
            for run in _name_runs(doc.source.sentences[j].text):
                if len(run) < 2 or min(_source_zipf(w, lang) for w in run) >= max_rarest:
                    continue
                candidates = [w for w in run if _name_like(w, lang, max_zipf, min_en)]
                if not candidates or any(present.has(w) for w in run):
                    continue
                by_sentence.setdefault(targets[0], []).extend(candidates)
    for i, names in sorted(by_sentence.items()):
        sentence = doc.sentences[i]
        shown = ", ".join(f"'{n}'" for n in dict.fromkeys(names))
        yield Hit(sentence.start, sentence.end,
                  f"the source names {shown} here; the translation never mentions "
                  f"{'it' if len(set(names)) == 1 else 'them'}", confidence=0.6)


def _name_runs(text: str) -> list[list[str]]:
    """Runs of consecutive capitalized words after the first word of a sentence."""
    runs: list[list[str]] = []
    previous_end: int | None = None
    for m in _NAME.finditer(text):
        word = m.group()
        if not word[0].isupper() or word.isupper():
            previous_end = None
            continue
        if not text[:m.start()].strip(" \"'“„«‚(-—"):
            continue  # the first word of a sentence is capitalized anyway
        if previous_end is not None and not text[previous_end:m.start()].strip():
            runs[-1].append(word)
        else:
            runs.append([word])
        previous_end = m.end()
    return runs


def _fold(word: str) -> str:
    return anyascii(word).lower()


@lru_cache(maxsize=8192)
def _source_zipf(word: str, lang: str) -> float:
    """How common a word is in the source language (0 when the language is unknown)."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word.lower(), lang)) if lang else 0.0


@lru_cache(maxsize=8192)
def _name_like(word: str, lang: str, max_source_zipf: float, min_english_zipf: float,
               ) -> bool:
    """A capitalized source word that English text also uses as a name."""
    folded = _fold(word)
    if len(folded) < 4 or not folded.isalpha() or is_english_word(folded):
        return False
    if is_number_or_calendar_word(word, lang):
        return False
    if _source_zipf(word, lang) >= max_source_zipf:
        return False  # a common word of the source language, or a place with an exonym
    return wordfreq_zipf_en(folded) >= min_english_zipf


class _TargetWords:
    """The words of the translation, folded, for lenient lookups of source names."""

    def __init__(self, doc: Document) -> None:
        self.words = memoized(doc, "fidelity-folded-words",
                              lambda d: frozenset(map(_fold, set(_WORD.findall(d.text)))))
        by_prefix: dict[str, list[str]] = {}
        for w in self.words:
            by_prefix.setdefault(w[:3], []).append(w)
        self.by_prefix = by_prefix

    def has(self, word: str) -> bool:
        """True when the translation has the word or a spelling or declension of it."""
        from rapidfuzz.fuzz import ratio

        folded = _fold(word)
        variants = {folded, _fold(word.replace("ö", "oe").replace("ü", "ue")
                                  .replace("ä", "ae").replace("ß", "ss"))}
        if variants & self.words:
            return True
        for candidate in self.by_prefix.get(folded[:3], ()):
            short, long_ = sorted((candidate, folded), key=len)
            if len(short) >= 4 and long_.startswith(short[:max(4, len(short) - 1)]):
                return True
            if any(ratio(v, candidate) >= 75 for v in variants):
                return True
        return False


@rule("fidelity.lost-quote", category="fidelity", severity="minor", needs=("source",),
      options={"min_words": 4},
      bad=[Example("The minister said that the country was ready to take every step "
                   "needed to keep prices stable.",
                   source="„Wir sind bereit, jeden nötigen Schritt für stabile Preise zu "
                          "gehen“, sagte der Minister.", src_lang="de")],
      good=[Example("“We are ready to take every step needed to keep prices stable,” the "
                    "minister said.",
                    source="„Wir sind bereit, jeden nötigen Schritt für stabile Preise zu "
                           "gehen“, sagte der Minister.", src_lang="de")])
def lost_quote(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """A quotation in the source is no longer a quotation in the translation.

    News keeps what a person said word for word in quotation marks. When the source
    quotes someone and the aligned translation has no quotation mark at all, the
    quote was turned into reported speech or dropped.
    """
    assert doc.source is not None
    pairs = _bilingual(doc).alignment.pairs
    min_words = int(ctx.number("min_words"))
    for b, (targets, sources) in enumerate(pairs):
        if not targets:
            continue
        quoted = [q for j in sources for q in _quotations(doc.source.sentences[j].text)
                  if len(_WORD.findall(q)) >= min_words]
        if not quoted:
            continue
        near = [i for k in range(max(0, b - 1), min(len(pairs), b + 2)) for i in pairs[k][0]]
        if any(c in _QUOTE_MARKS for i in near for c in doc.sentences[i].text):
            continue
        sentence = doc.sentences[targets[0]]
        last = doc.sentences[targets[-1]]
        yield Hit(sentence.start, last.end,
                  f"the source quotes {_quote(quoted[0], 80)} but the translation has no "
                  f"quotation here", confidence=0.6)


def _quotations(text: str) -> list[str]:
    return [next(g for g in m.groups() if g) for m in _QUOTED.finditer(text)]
