"""Encoding damage: mojibake, replacement characters, invisible characters, HTML leftovers.

ftfy finds and repairs mojibake. `ftfy.fix_text` with its defaults also straightens
curly quotes and changes other harmless things, so "the text changed" is no
detector: the rule looks at words that hold a UTF-8 lead byte decoded as Latin-1 or
Windows-1252, keeps those that ftfy's badness heuristic calls bad, and asks only
`fix_encoding` to repair each of them.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator

import ftfy
from ftfy.badness import is_bad

from mtcheck.analyze import memoized
from mtcheck.langid import source_language
from mtcheck.model import Document, Hit
from mtcheck.rules.registry import Example, RuleContext, rule

_SPACE = " \t\n"
_MAX_WORD = 120  # how far a suspicious word may reach on either side


def _word_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The space-delimited run around [start, end) (no-break spaces stay inside)."""
    lo = start
    floor = max(0, start - _MAX_WORD)
    while lo > floor and text[lo - 1] not in _SPACE:
        lo -= 1
    hi = end
    ceiling = min(len(text), end + _MAX_WORD)
    while hi < ceiling and text[hi] not in _SPACE:
        hi += 1
    return lo, hi


def _changed_word(text: str, lo: int, hi: int, fixed: str) -> tuple[int, int, str]:
    """Narrow a repaired run to the word that changed: offsets and its repaired text."""
    original = text[lo:hi]
    head = 0
    while head < min(len(original), len(fixed)) and original[head] == fixed[head]:
        head += 1
    tail = 0
    while (tail < min(len(original), len(fixed)) - head
           and original[-1 - tail] == fixed[-1 - tail]):
        tail += 1
    start, end = lo + head, hi - tail
    # Widen to the whole word: letters, digits and the non-ASCII debris around them.
    while start > lo and (text[start - 1].isalnum() or not text[start - 1].isascii()):
        start -= 1
    while end < hi and (text[end].isalnum() or not text[end].isascii()):
        end += 1
    return start, end, fixed[start - lo:len(fixed) - (hi - end)]


# A UTF-8 lead byte read as Latin-1 or Windows-1252 (`Ã`, `Ä`, `Ð`, `â`), then a
# continuation byte read the same way (`¼`, `€`, `œ`, `°`): every two-byte and longer
# mojibake holds one. Scanning for this pair is much cheaper than ftfy's badness
# expression over the whole text; ftfy then judges each word it points at.
_LEAD_THEN_CONTINUATION = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
    "\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039"
    "\u203a\u20ac\u2122]"
)


def mojibake_spans(doc: Document) -> list[tuple[int, int, str]]:
    """(start, end, repaired text) of every word that ftfy can repair."""
    def compute(d: Document) -> list[tuple[int, int, str]]:
        text = d.text
        if text.isascii():
            return []
        out: list[tuple[int, int, str]] = []
        done = -1
        for m in _LEAD_THEN_CONTINUATION.finditer(text):
            if m.start() < done:
                continue
            # The word the suspicious pair starts in; `Â is` must not become ` is`.
            lo, hi = _word_around(text, m.start(), m.start() + 1)
            done = hi
            word = text[lo:hi]
            fixed = ftfy.fix_encoding(word) if is_bad(word) else word
            if fixed == word:
                fixed = _recoded(word)
            if fixed != word:
                out.append(_changed_word(text, lo, hi, fixed))
        return out
    return memoized(doc, "encoding.mojibake", compute)


def _recoded(word: str) -> str:
    """`Thá»›i` read back as UTF-8 (`Thới`), or `word` itself.

    ftfy leaves alone the Windows-1252 readings of some three-byte letters (Vietnamese
    `ớ` becomes `á»›`) because each of their characters also occurs in real text. A word
    with a quote or currency sign inside its letters that reads back as letters only
    is mojibake all the same, as is a currency or other sign after the `Â` of its lead
    byte.
    """
    core = word.strip(_EDGE_PUNCTUATION)
    if not any(not c.isalnum() and not c.isascii() for c in core):
        return word
    try:
        fixed = core.encode("cp1252").decode("utf-8")
    except UnicodeError:
        return word
    # `Â¥380,000`: a Latin-1 sign (`¥`, `£`, `§`, `°`) after the `Â` of its UTF-8 lead
    # byte; `Â` never stands before such a sign in real text.
    sign = _A_THEN_SIGN.search(core) is not None and all(
        c.isalnum() or c in _SIGNS_AND_SEPARATORS for c in fixed)
    if not fixed.isalpha() and not sign:
        return word
    return word.replace(core, fixed, 1)


_A_THEN_SIGN = re.compile("\u00c2[\u00a1-\u00bf]")
_SIGNS_AND_SEPARATORS = frozenset(map(chr, range(0xA1, 0xC0))) | frozenset(".,")


_EDGE_PUNCTUATION = ".,;:!?\"'“”‘’«»()[]"


@rule("encoding.mojibake", category="encoding", severity="major",
      bad=["The minister GÃ¼ler spoke.", "Ankaraâ€™s plan was approved.",
           "The Ã‰lysÃ©e said nothing.", "In Borsa Ä°stanbul, shares rose.",
           "Farmers in Thá»›i Lai lost their rice.",
           "The fine was Â£2,500 and costs.",
           Example("Engineer Gábor Szõke said the baths in Pécs would reopen.",
                   src_lang="hu")],
      good=["The minister Güler spoke.", "Ankara’s plan was approved.", "Â is a letter.",
            "SÃO PAULO, Aug. 18 — The festival closed on Sunday."])
def mojibake(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """Text decoded with the wrong character set (mojibake).

    `GÃ¼ler` is `Güler` encoded as UTF-8 and read as Latin-1 or Windows-1252;
    ftfy's badness heuristic finds such sequences and `fix_encoding` recovers the
    word, which is the suggested fix.
    """
    for start, end, fixed in mojibake_spans(doc):
        yield Hit(start, end, f"mojibake: '{doc.text[start:end]}' should read '{fixed}'",
                  suggestion=fixed, confidence=0.95)
    yield from _latin2_as_latin1(doc)


# Hungarian `ő` and `ű` are bytes F5 and FB in Latin-2; read as Latin-1 they become `õ`
# and `û`, letters Hungarian never uses.
_LATIN2_READ_AS_LATIN1 = str.maketrans("õûÕÛ", "őűŐŰ")
_HUNGARIAN_LOOKALIKES = re.compile(r"\w*[õûÕÛ]\w*")


def _latin2_as_latin1(doc: Document) -> Iterator[Hit]:
    """`Szõke` for `Szőke`: a Hungarian text decoded as Latin-1 (one byte per letter, so
    ftfy's two-byte patterns do not show it)."""
    text = doc.text
    if not any(c in text for c in "õûÕÛ") or source_language(doc) != "hu":
        return  # cheap test first
    for m in _HUNGARIAN_LOOKALIKES.finditer(text):
        fixed = m.group().translate(_LATIN2_READ_AS_LATIN1)
        yield Hit(m.start(), m.end(), f"'{m.group()}' looks like Hungarian read with the "
                  f"wrong character set: '{fixed}'", suggestion=fixed, confidence=0.8)


# A letter lost to a lossy re-encoding: U+FFFD, or `?` between lower-case letters.
_WORD_CHARS = re.compile(r"[\w\u0300-\u036f\ufffd]*")
_LOST = re.compile("[\ufffd?]")


def _lost_letters(text: str) -> Iterator[tuple[int, int, bool]]:
    """(start, end, is U+FFFD) of each word with a lost letter."""
    end = -1
    for m in _LOST.finditer(text):
        at = m.start()
        if at < end:
            continue
        if m.group() == "?":
            before, after = text[at - 1:at], text[at + 1:at + 2]
            if not (before.isalpha() and after.isalpha() and after.islower()):
                continue
        start = at
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "\ufffd?"):
            start -= 1
        stop = _WORD_CHARS.match(text, at + 1)
        end = stop.end() if stop else at + 1
        word = text[start:end]
        if m.group() == "?" and ("\ufffd" in word or not word.replace("?", "").isalpha()
                                 or text[end:end + 1] in "/=&" or text[start - 1:start] in
                                 "/=&.-"):
            continue
        yield start, end, m.group() != "?" or "\ufffd" in word


@rule("encoding.replacement-char", category="encoding", severity="major",
      bad=["Some regions, such as Andaluc\ufffda, opened bookings.",
           "Some regions, such as Andaluc?a, opened bookings."],
      good=["Some regions, such as Andalucía, opened bookings.",
            "Would it work? Nobody knew."])
def replacement_char(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """A letter replaced by U+FFFD (�) or `?` when the text passed through a lossy encoding.

    The original letter is lost and cannot be recovered from the text alone.
    """
    text = doc.text
    if "\ufffd" not in text and "?" not in text:
        return
    for start, end, replacement in _lost_letters(text):
        word = text[start:end]
        if replacement:
            yield Hit(start, end, f"'{word}' holds the replacement character U+FFFD: "
                      "a letter was lost in decoding", confidence=0.95)
        else:
            yield Hit(start, end, f"'{word}' has '?' inside a word: a letter was "
                      "probably lost in a lossy encoding", confidence=0.6)


# Zero-width and bidirectional controls, soft hyphens, C0/C1 controls, private use.
_INVISIBLE = re.compile(
    "[\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad\u180e"
    "\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\ue000-\uf8ff]+"
)
# Joiners that scripts and emoji sequences need.
_JOINERS = frozenset("\u200c\u200d")


@rule("encoding.invisible-char", category="encoding", severity="minor",
      bad=["The drills took place in the Kalinin\u200bgrad region.",
           "The index rose\x0c 2 percent."],
      good=["The drills took place in the Kaliningrad region.",
            "The family posted 👨\u200d👩\u200d👧 on social media."])
def invisible_char(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """An invisible or control character inside the text (zero-width space, soft hyphen, …).

    Such characters break search, name matching and spell checking without being
    seen. The fix deletes them (a control character between two words becomes a
    space). Zero-width joiners inside emoji or scripts that need them are kept.
    """
    text = doc.text
    covered = [(s, e) for s, e, _ in mojibake_spans(doc)]
    for m in _INVISIBLE.finditer(text):
        chars = m.group()
        if set(chars) <= _JOINERS and _joins_script(text, m.start(), m.end()):
            continue
        if m.start() == 0 and chars == "\ufeff":
            continue  # a byte-order mark
        if any(s <= m.start() < e for s, e in covered):
            continue  # part of a mojibake word, repaired there
        names = ", ".join(dict.fromkeys(_name(c) for c in chars))
        before, after = text[m.start() - 1:m.start()], text[m.end():m.end() + 1]
        glue = " " if any(c < " " or "\x7f" <= c <= "\x9f" for c in chars) and \
            before.strip() and after.strip() else ""
        context = text[max(0, m.start() - 15):m.end() + 15].replace("\n", " ")
        yield Hit(m.start(), m.end(), f"invisible character {names} in '{context.strip()}'",
                  suggestion=glue, confidence=0.9)


def _name(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, 'control character')}"


def _joins_script(text: str, start: int, end: int) -> bool:
    """A joiner between two non-Latin characters (emoji, Arabic, Indic) does real work."""
    before = text[start - 1:start]
    after = text[end:end + 1]
    return bool(before and after) and not (before.isascii() or after.isascii())


_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_TAG = re.compile(
    r"</?(?:a|abbr|b|blockquote|br|div|em|figcaption|figure|font|h[1-6]|hr|i|iframe|img|li|"
    r"ol|p|script|small|span|strong|style|sub|sup|table|td|th|tr|u|ul)"
    # attributes have values (`class="x"`); `a<b and c>d` is arithmetic, not a tag
    r"(?:\s+[\w:-]+\s*=\s*(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s>]+))*\s*/?>", re.IGNORECASE)
_BLOCK_TAG = re.compile(r"(?i)</?(?:br|p|div|li|h[1-6]|tr|td|hr|blockquote)\b")


@rule("encoding.html-leftover", category="encoding", severity="minor",
      bad=["The landlords' association Haus &amp; Grund criticized it.",
           "According to the Kremlin&#39;s spokesman, talks will resume.",
           "The president promised support.<br>"],
      good=["The landlords' association Haus & Grund criticized it.",
            "Prices rose 5% as a<b and c>d in the model."])
def html_leftover(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    """An HTML entity (`&amp;`, `&#39;`) or tag (`<br>`) left in the plain text.

    The scraper or CMS did not decode its HTML. The fix decodes the entity or
    deletes the tag (a block tag between two words becomes a space).
    """
    text = doc.text
    if "&" in text:
        for m in _ENTITY.finditer(text):
            decoded = html.unescape(m.group())
            if decoded != m.group():
                decoded = decoded.replace("\u00a0", " ")
                yield Hit(m.start(), m.end(), f"HTML entity '{m.group()}' left in the text "
                          f"(it stands for '{decoded}')", suggestion=decoded, confidence=0.95)
    if "<" in text:
        for m in _TAG.finditer(text):
            before, after = text[m.start() - 1:m.start()], text[m.end():m.end() + 1]
            glue = " " if _BLOCK_TAG.match(m.group()) and before.strip() and after.strip() \
                else ""
            yield Hit(m.start(), m.end(), f"HTML tag '{m.group()}' left in the text",
                      suggestion=glue, confidence=0.9)
