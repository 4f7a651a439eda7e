"""Untranslated text: source-language words, hybrid tokens, foreign sentences, copied source.

One shared analysis per document (mtcheck.foreign, memoized) looks at every
distinct word once: a word is English, or it carries evidence of another
language (wordfreq frequencies in the article's source language against
English, letters English does not use, another script). The rules read it:

- `untranslated.sentence`: a sentence, clause or line where such words dominate,
  confirmed by language identification (run only on those few candidates);
- `untranslated.source-word`: a single source word left in an English sentence;
- `untranslated.hybrid-token`: a source word glued to an English one (`zamIt's`);
- `untranslated.copied-source`: a sentence copied from the source text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import regex

from mtcheck.analyze import line_column, sentence_at
from mtcheck.foreign.context import Spans, trim
from mtcheck.foreign.copies import copied_sentences
from mtcheck.foreign.lexicon import PARTICLES, translations
from mtcheck.foreign.marks import analysis, candidate_languages
from mtcheck.foreign.sentences import foreign_spans
from mtcheck.foreign.words import meta_labels, source_phrases, source_words
from mtcheck.langid import language_name, unusual_words
from mtcheck.model import Document, Hit
from mtcheck.rules.registry import Example, RuleContext, rule
from mtcheck.wordlists import (
    FREQUENCY_LANGUAGES,
    evidence,
    foreign_letters,
    in_english_lexicon,
    zipf,
)


@rule("untranslated.sentence", category="untranslated", severity="critical",
      bad=["Prices rose sharply in March. Die Bahn bezeichnete den Streik als "
           "unverhältnismäßig. The talks resume on Monday.",
           "The minister spoke on Friday. Это решение не останется без ответа.",
           "The harvest was poor this year. Los agricultores piden ayudas al gobierno "
           "para cubrir las pérdidas.",
           "The union called off the strike.\n\nLesen Sie auch\n\nTrains run normally."],
      good=["The film “Mujeres al borde de un ataque de nervios” was shown outdoors.",
            "Her translation replaces the edition titled *Der kleine Hobbit* on shelves.",
            "Castilla y León and Andalucía opened booking systems online.",
            "Shares of Limmat Privatbank fell in Zürich on Friday."],
      options={"min_confidence": 0.8})
def sentence(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """A whole sentence, clause or line left in another language.

    Language identification runs only on sentences where most words already lean
    to another language (word frequencies, letters, script), so it stays cheap.
    Quoted titles (`“Mujeres al borde de un ataque de nervios”`) and short quoted
    terms are left alone. With a source text, a sentence copied from it is left
    to `untranslated.copied-source`.
    """
    for span in foreign_spans(doc, ctx.number("min_confidence")):
        name = language_name(span.lang) if span.lang != "und" else "another language"
        yield Hit(span.start, span.end, f"{span.kind} in {name} left untranslated",
                  confidence=round(span.confidence, 3))


@rule("untranslated.source-word", category="untranslated", severity="major",
      bad=["Credit growth ve deposit rates are being watched closely.",
           "The court ruled on Wednesday, laut a statement from its press office.",
           "Según the regional minister, consumption must fall.",
           "The economy keeps growing despite all санкции, he said.",
           "The company raised 600 million euros, selon a press release.",
           Example("The bank held its faiz decision until May.", src_lang="tr")],
      good=["Erdoğan met the mayor of São Paulo in Zürich.",
            "After the fiesta, guests took a siesta at the café.",
            "The Bundestag debated détente with Moscow.",
            "Fenerbahçe and Beşiktaş are rivals.",
            "Lula da Silva visited Castilla y León.",
            "Many die in the floods each year, the den of thieves said."],
      options={"margin": 2.0, "min_zipf": 3.0})
def source_word(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """A word of the source language left in an English sentence.

    A lower-case word is flagged when it is far more frequent in the article's
    source language (given by `--src-lang`, detected from the source text, or
    guessed from the article's non-English words) than in English and English
    does not know it as a word; letters that English does not use (ş, ß, ñ) and
    other scripts (Cyrillic) count as evidence too. Proper names, established
    loanwords (kebab, fiesta, détente), English homographs (`die`, `den`),
    particles inside names (`Castilla y León`) and quoted titles are not flagged;
    a capitalized word only at the start of a sentence, with strong evidence.
    """
    table = translations()
    langs = analysis(doc).langs
    covered: Spans | None = None
    exempt = analysis(doc).exempt
    for start, end, lang, english in source_phrases(doc, langs):
        if covered is None:
            covered = Spans.of([(s.start, s.end) for s in foreign_spans(doc)])
        if not covered.overlaps(start, end) and not exempt.overlaps(start, end):
            text = doc.text[start:end]
            fix = english[:1].upper() + english[1:] if text[:1].isupper() else english
            name = language_name(lang)
            article = "an" if name[:1] in "AEIOU" else "a"
            yield Hit(start, end, f"'{text}' is {article} {name} expression "
                      f"('{english}')", suggestion=fix, confidence=0.85)
    for found in (*source_words(doc, ctx.number("margin"), ctx.number("min_zipf")),
                  *meta_labels(doc)):
        v = found.verdict
        suggestion: str | None = None
        if v.script is not None:
            message = f"{v.script} word '{v.word}' left untranslated"
        else:
            lang = v.lang or "und"
            shown = f"lemma '{v.lemma}'" if v.lemma else "the word"
            name = language_name(lang)
            article = "an" if name[:1] in "AEIOU" else "a"
            message = (f"'{v.word}' is {article} {name} word ({shown} is about "
                       f"{_times(v.margin)} more frequent in {name} "
                       f"than in English)")
            suggestion = table.get((lang, v.lower))
            if suggestion and v.word[:1].isupper():
                suggestion = suggestion[:1].upper() + suggestion[1:]
        yield Hit(found.start, found.end, message, suggestion=suggestion,
                  confidence=found.confidence)

def _times(margin: float) -> str:
    """A frequency ratio from a Zipf margin, to two significant figures (`420,000×`)."""
    ratio = 10 ** margin
    digits = max(0, len(str(int(ratio))) - 2)
    return f"{round(ratio, -digits):,.0f}×"


# A lower-case run (with inner apostrophes: `aujourd'hui`) glued to a capitalized
# word: `zamIt's`, `yüzdeThe`, `sowieA`, `bereitsBröller`; at the start of a sentence
# the source word may be capitalized too: `InoltreThe`.
_GLUED = regex.compile(r"(\p{L}?\p{Ll}{2,}(?:['’]\p{Ll}+)*)(\p{Lu}\p{Ll}*(?:['’]\p{Ll}+)?)")
# Where a lower-case letter meets a capital: rare, so found first.
_JOINT = regex.compile(r"\p{Lu}(?<=\p{Ll}\p{Lu})")
_WORD_AROUND = regex.compile(r"[\w'’]+")


def glued_words(text: str) -> Iterator[regex.Match[str]]:
    """Words made of a lower-case run and a capitalized word (`zamIt's`), as matches."""
    return _glued_at(text, (joint.start() for joint in _JOINT.finditer(text)))


# Beyond this many words with a joint, finding each one costs more than one scan.
_MOST_FINDS = 16


def _glued_in(doc: Document) -> Iterator[regex.Match[str]]:
    """`glued_words(doc.text)`, with the joints looked for only where they can be.

    Letters next to each other are always in one token, so every joint of the text
    lies in an occurrence of one of the document's words that has a joint; those are
    few, and `str.find` finds their occurrences faster than a regex scans the text.
    """
    text = doc.text
    words = list(filter(_has_joint, unusual_words(doc)))
    if len(words) > _MOST_FINDS:
        return glued_words(text)  # each `find` reads the whole text: one regex scan is less
    joints: set[int] = set()
    for word in words:
        at = text.find(word)
        while at >= 0:
            joints.update(m.start() for m in _JOINT.finditer(text, at, at + len(word)))
            at = text.find(word, at + 1)
    return _glued_at(text, sorted(joints))


def _glued_at(text: str, joints: Iterable[int]) -> Iterator[regex.Match[str]]:
    """The glued words around `joints`, the offsets of capitals after a lower-case letter
    (ascending)."""
    last = -1
    for joint in joints:
        start = joint - 1
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "'’"):
            start -= 1
        if start <= last:
            continue
        word = _WORD_AROUND.match(text, start)
        if word is None:
            continue
        last = word.end()
        m = _GLUED.fullmatch(text, start, word.end())
        if m is not None:
            yield m


@lru_cache(maxsize=1 << 16)
def _has_joint(word: str) -> bool:
    """True when a word has a lower-case letter before a capital (`_JOINT`)."""
    return _JOINT.search(word) is not None


@rule("untranslated.hybrid-token", category="untranslated", severity="major",
      bad=["The deal is close. zamIt's useless to speculate.",
           "Prices rose by yüzdeThe ten percent.",
           "The trend slowed. eğilimdeIn the statement, the bank said more.",
           Example("The fund led the round. toutefoisThe amount stayed small.",
                   src_lang="fr"),
           Example("Talks stalled in May. InoltreThe region pledged new funds.",
                   src_lang="it"),
           Example("The court ruled on Monday. sowieA spokesperson declined to comment.",
                   src_lang="de"),
           Example("The vote was close. ancakGülaoğlu criticized the opposition.",
                   src_lang="tr")],
      good=["She bought an iPhone and sold it on eBay.", "The McDonald family met.",
            "He works for deGrasse Labs.", "Travellers booked with easyJet again.",
            Example("CaixaBank raised its dividend. Analysts at HarperCollins agreed.",
                    src_lang="es"),
            Example("Readers of laRepubblica and users of TikTok and WhatsApp agreed.",
                    src_lang="it")])
def hybrid_token(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """A source-language word glued to an English word or a name by the MT system.

    MT systems sometimes emit a source word without a space before the next
    word (`zamIt's`, `sowieA`, `ancakGülaoğlu`). The left part must not be English
    or a name particle and must carry evidence of the source language (its
    frequency there, or letters English does not use), so brand names such as
    `iPhone`, `easyJet` or `laRepubblica` pass; when the right part is not an English
    word but a name, the left part must be a clear source word. A capitalized left
    part (`InoltreThe`) counts only at the start of a sentence and only for a listed
    source connective, since company names are glued the same way (`CaixaBank`).
    The right part is suggested as the fix.
    """
    langs: tuple[str, ...] | None = None
    for m in _glued_in(doc):
        left, right = m.group(1), m.group(2)
        lower = left.lower()
        if lower in PARTICLES or in_english_lexicon(lower):
            continue
        if langs is None:
            # Without a known source language every language may claim the left part.
            langs = candidate_languages(doc) or tuple(sorted(FREQUENCY_LANGUAGES))
        ev = evidence(lower, langs)
        listed = ev.lang is not None and (ev.lang, lower) in translations()
        if zipf(lower, "en") >= 3.5 and not listed:
            continue
        if left[:1].isupper():
            if not listed or not _starts_sentence(doc, m.start()):
                continue
        elif not _english_part(right):
            if not (listed or (ev.lang is not None and ev.zipf_src >= 4.0 and ev.margin >= 2.5)):
                continue
        elif not foreign_letters(left) and not (
                ev.lang is not None and ev.zipf_src >= 3.0 and ev.margin >= 1.5):
            continue
        where = f" ({language_name(ev.lang)})" if ev.lang and ev.zipf_src >= 2.5 else ""
        yield Hit(m.start(), m.end(), f"'{left}'{where} is glued to '{right}': an "
                  f"untranslated source word fused with the next word", suggestion=right,
                  confidence=0.9 if ev.lang else 0.75)


def _starts_sentence(doc: Document, offset: int) -> bool:
    """True when only opening quotes or brackets stand between a sentence start and `offset`."""
    found = sentence_at(doc, offset)
    return found is not None and not doc.text[found.start:offset].strip("“\"'‘«„([ ")


def _english_part(word: str) -> bool:
    lower = word.lower().replace("’", "'")
    return lower in ("a", "i") or zipf(lower, "en") >= 4.0 or in_english_lexicon(lower)


@rule("untranslated.copied-source", category="untranslated", severity="critical",
      needs=("source",),
      bad=[Example("Rates were held. Merkez Bankası bir sonraki kararını Mayısta açıklayacak.",
                   source="Faiz sabit kaldı. Merkez Bankası bir sonraki kararını Mayısta "
                          "açıklayacak.", src_lang="tr")],
      good=[Example("Rates were held. The bank will announce its next decision in May.",
                    source="Faiz sabit kaldı. Merkez Bankası bir sonraki kararını Mayısta "
                           "açıklayacak.", src_lang="tr"),
            Example("Real Madrid beat Barcelona 2-1 in the Santiago Bernabéu Stadium.",
                    source="Real Madrid beat Barcelona 2-1 in the Santiago Bernabéu "
                           "Stadium.", src_lang="es")],
      options={"similarity": 0.9})
def copied_source(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """A sentence of the translation that copies a sentence of the source.

    MT pipelines pass a segment through untouched when translation fails. A
    target sentence identical or nearly identical (normalized, rapidfuzz ratio
    at least `similarity`) to a source sentence, and not plausibly English
    (names and numbers can be identical in both), is flagged.
    """
    if doc.source is None:
        return
    copies = copied_sentences(doc, ctx.number("similarity"))
    for index, copy in sorted(copies.items()):
        s = doc.sentences[index]
        start, end = trim(doc.text, s.start, s.end)
        line, _ = line_column(doc.source, doc.source.sentences[copy.source_index].start)
        yield Hit(start, end, f"sentence copied from the source (line {line}, "
                  f"{copy.similarity:.0%} identical) instead of translated",
                  confidence=round(min(1.0, copy.similarity), 3))
