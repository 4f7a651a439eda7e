"""Numbers, percentages, amounts, times, months and weekdays, read across locales.

A translation must carry the source's figures: `20.000` in German is `20,000` in
English, Turkish writes `%4,5` or `yüzde 4,5` for `4.5%`, and `seis millones` is
`six million`. `extract` finds such mentions in a text and gives each the set of
values it may stand for. A separator that is ambiguous on its own (`1.200` is 1200
in Turkish and 1.2 in English; MT output copies either convention) yields both
readings, so two mentions agree when their value sets meet: a figure is reported
as changed only when no reading of it fits.

Spelled-out numbers (`six`, `zwanzig`, `mil millones`) are read in English and the
common source languages. They are *weak*: they can confirm a figure on the other
side, but a tool should not accuse a translation over them, because `one` and `ein`
are as often pronouns or articles as numbers.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from mtcheck.analyze import memoized
from mtcheck.model import Document

Kind = Literal["number", "percent", "amount", "time", "month", "weekday"]
NUMERIC_KINDS: frozenset[str] = frozenset({"number", "percent", "amount", "time"})


@dataclass(frozen=True, slots=True)
class Mention:
    """A figure in a text: its span, kind, the values it may mean, and whether it is weak."""

    start: int
    end: int
    text: str
    kind: Kind
    values: frozenset[float]
    weak: bool = False

    @property
    def numeric(self) -> bool:
        """True for numbers, percentages, amounts and times (compared with each other)."""
        return self.kind in NUMERIC_KINDS

    def agrees(self, other: Mention) -> bool:
        """True when the two mentions can stand for the same figure."""
        if self.numeric != other.numeric or (not self.numeric and self.kind != other.kind):
            return False
        return not self.values.isdisjoint(other.values)

    def shown(self, near: Mention | None = None) -> str:
        """The mention with its reading in English notation where that differs.

        Of several readings (`20.000`), the one closest in size to `near` is shown.
        """
        values = sorted(v for v in self.values if v)
        if self.kind in ("month", "weekday"):
            names = _MONTH_NAMES if self.kind == "month" else _WEEKDAY_NAMES
            return f"{self.text} ({names[int(values[0]) - 1]})" if values else self.text
        if not values:
            return self.text
        value = values[0]
        if len(values) > 1 and near is not None and near.values:
            value = closest(self.values, max(near.values))
        shown = format_value(value)
        same = shown.replace(",", "") == self.text  # a year: 1982, not 1,982
        return self.text if shown in self.text or same else f"{self.text} ({shown})"


def closest(values: Iterable[float], target: float) -> float:
    """The value closest to `target` in order of magnitude."""
    return min(values, key=lambda v: abs(math.log10(max(abs(v), 1e-9))
                                         - math.log10(max(abs(target), 1e-9))))


def format_value(value: float) -> str:
    """A value in English notation: 20,000 or 68.5."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


# ---- digits ---------------------------------------------------------------------------

# Grouped thousands (1,200 / 1.200.000 / 1'000 / 20 000 with a no-break or thin space)
# with an optional decimal part, or plain digits with an optional decimal part.
_DIGITS = re.compile(
    r"(?<![\w.,])(?<![^\W\d_][-/])"
    r"(?:[0-9]{1,3}(?:([.,'’\u00a0\u202f])[0-9]{3}(?![0-9]))(?:\1[0-9]{3}(?![0-9]))*"
    r"(?:[.,][0-9]+)?"
    r"|[0-9]+(?:[.,][0-9]+)?)"
)
# In French, Russian, Polish and the Nordic languages a plain space groups thousands.
_DIGITS_SPACED = re.compile(
    r"(?<![\w.,])(?<![^\W\d_][-/])"
    r"(?:[0-9]{1,3}(?:([ .,'’\u00a0\u202f])[0-9]{3}(?![0-9]))(?:\1[0-9]{3}(?![0-9]))*"
    r"(?:[.,][0-9]+)?"
    r"|[0-9]+(?:[.,][0-9]+)?)"
)
_SPACE_GROUPING = frozenset({"fr", "ru", "pl", "uk", "cs", "sk", "sv", "no", "nb", "fi",
                             "bg", "et", "lv", "lt", "hu"})
_DIGIT_RUN = re.compile(r"[0-9]+")
_TIME = re.compile(r"(?<![\w.,:])([0-2]?[0-9])[:h]([0-5][0-9])(?![0-9])")
_NUMERIC_DATE = re.compile(
    r"(?<![\w.,/])([0-3]?[0-9])([./])([01]?[0-9])\2((?:19|20)[0-9]{2})(?![0-9])")

_SCALES: Mapping[str, float] = {
    "thousand": 1e3, "thousands": 1e3, "k": 1e3,
    "million": 1e6, "millions": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6,
    "billion": 1e9, "billions": 1e9, "bn": 1e9, "bln": 1e9,
    "trillion": 1e12, "trillions": 1e12, "tn": 1e12,
    # German, Dutch
    "tausend": 1e3, "tsd": 1e3, "mio": 1e6, "millionen": 1e6, "milliarde": 1e9,
    "milliarden": 1e9, "mrd": 1e9, "billionen": 1e12, "duizend": 1e3, "miljoen": 1e6,
    "miljard": 1e9,
    # Spanish, Portuguese, Italian, French
    "mil": 1e3, "mill": 1e6, "mi": 1e6, "bi": 1e9, "millón": 1e6, "millon": 1e6,
    "millones": 1e6, "millardo": 1e9, "millardos": 1e9, "billón": 1e12, "billones": 1e12,
    "milhão": 1e6, "milhões": 1e6,
    "bilhão": 1e9, "bilhões": 1e9, "mila": 1e3, "mille": 1e3, "milione": 1e6,
    "milioni": 1e6, "miliardo": 1e9, "miliardi": 1e9, "mld": 1e9, "milliard": 1e9,
    "milliards": 1e9, "md": 1e9, "mds": 1e9,
    # Turkish
    "bin": 1e3, "milyon": 1e6, "milyar": 1e9, "trilyon": 1e12,
    # Russian, Ukrainian, Polish
    "тыс": 1e3, "тысяча": 1e3, "тысячи": 1e3, "тысяч": 1e3, "млн": 1e6, "миллион": 1e6,
    "миллиона": 1e6, "миллионов": 1e6, "млрд": 1e9, "миллиард": 1e9, "миллиарда": 1e9,
    "миллиардов": 1e9, "трлн": 1e12, "тис": 1e3, "мільйонів": 1e6, "мільярдів": 1e9,
    "tys": 1e3, "tysiące": 1e3, "tysięcy": 1e3, "milion": 1e6, "miliony": 1e6,
    "milionów": 1e6, "miliard": 1e9, "miliardy": 1e9, "miliardów": 1e9,
}
# German `Billion` is a million million: it is read from the German side only.
_SCALE_AFTER = re.compile(r"[ \u00a0\u202f]?(?:-)?([^\W\d_]+)\.?", re.UNICODE)
# `mil millones` / `mil milhões` / `bin milyar` (a thousand millions).
_COMPOUND_SCALE = re.compile(r"[ \u00a0](mil|bin)[ \u00a0]([^\W\d_]+)", re.IGNORECASE)

_PERCENT_AFTER = re.compile(
    r"[ \u00a0\u202f]?(?:%|‰|(?:percent|per[ -]cent|pct|prozent|por[ \u00a0]ciento|"
    r"pour[ \u00a0]cent|per[ \u00a0]cento|por[ \u00a0]cento|procent\w*|процент\w*|"
    r"відсот\w*|pro[ \u00a0]cent)\b)", re.IGNORECASE)
_PERCENT_BEFORE = re.compile(r"(?:%|yüzde|yuzde)[ \u00a0]?$", re.IGNORECASE)
_CURRENCY_BEFORE = re.compile(r"(?:[A-Z]{0,3}[$€£¥₺₽₴₹]|USD|EUR|GBP|TL|CHF|PLN|zł)[ \u00a0]?$")
_CURRENCY_AFTER = re.compile(
    r"[ \u00a0]?(?:[$€£¥₺₽₴₹]|(?:euros?|dollars?|dólares|dolares|pounds?|sterling|lira|liras|"
    r"lirası|TL|yen|yuan|rubles?|roubles?|francs?|franken|franchi|zł|złotych|zlotys?|"
    r"złoty|reais|real|rupees?|kronor|kroner|krona|forints?|PLN|BRL|"
    r"USD|EUR|GBP|CHF|рубл\w*|доллар\w*|евро|dolar|avro|euro)\b)", re.IGNORECASE)
_CLOCK_AFTER = re.compile(r"[ \u00a0]?(a\.m\.|p\.m\.|am\b|pm\b|uhr\b|h\b|hs\b|heures?\b|"
                          r"ч\b|часов\b)", re.IGNORECASE)


def _readings(number: str) -> frozenset[float]:
    """The values a written number may stand for, locale ambiguity included."""
    digits = number.replace("\u00a0", " ").replace("\u202f", " ").replace("’", "'")
    separators = [c for c in digits if not c.isdigit()]
    if not separators:
        return frozenset({float(digits)})
    kinds = set(separators)
    last = max(digits.rfind(c) for c in kinds)
    tail = len(digits) - last - 1
    if len(kinds) == 1:
        sep = separators[0]
        if sep in " '":
            return frozenset({float(_only_digits(digits))})
        if len(separators) > 1:
            return frozenset({float(_only_digits(digits))})  # 1.200.000: grouping
        whole, _, frac = digits.partition(sep)
        decimal = float(f"{whole}.{frac}")
        if tail == 3 and whole != "0" and len(whole) <= 3:
            # 1.200 / 2,000: thousands in one convention, a decimal in the other.
            return frozenset({float(whole + frac), decimal})
        return frozenset({decimal})
    # Two kinds of separator: the last one is the decimal mark (1.200,5 / 1,200.5).
    head, frac = digits[:last], digits[last + 1:]
    return frozenset({float(f"{_only_digits(head)}.{frac}")})


def _only_digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


# ---- words ----------------------------------------------------------------------------

_UNITS: Mapping[str, Mapping[str, float]] = {
    "en": {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
           "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
           "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
           "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
           "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9,
           "trillion": 1e12, "dozen": 12, "first": 1, "second": 2, "third": 3,
           "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
           "tenth": 10, "eleventh": 11, "twelfth": 12, "twentieth": 20, "hundredth": 100,
           "half": 0.5, "quarter": 0.25, "double": 2, "twice": 2, "triple": 3},
    "de": {"null": 0, "ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "eins": 1,
           "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8,
           "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14,
           "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19,
           "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60,
           "siebzig": 70, "achtzig": 80, "neunzig": 90, "hundert": 100, "tausend": 1e3,
           "million": 1e6, "millionen": 1e6, "milliarde": 1e9, "milliarden": 1e9,
           "erste": 1, "ersten": 1, "zweite": 2, "zweiten": 2, "dritte": 3, "dritten": 3,
           "vierte": 4, "vierten": 4, "fünfte": 5, "fünften": 5, "hälfte": 0.5,
           "halb": 0.5, "halbe": 0.5, "viertel": 0.25, "fünftel": 0.2, "drittel": 1 / 3,
           "doppelt": 2},
    "es": {"cero": 0, "un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4,
           "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10,
           "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15,
           "dieciséis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19,
           "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60,
           "setenta": 70, "ochenta": 80, "noventa": 90, "cien": 100, "ciento": 100,
           "doscientos": 200, "trescientos": 300, "quinientos": 500, "mil": 1e3,
           "millón": 1e6, "millones": 1e6, "primer": 1, "primero": 1, "primera": 1,
           "segundo": 2, "segunda": 2, "tercer": 3, "tercero": 3, "tercera": 3,
           "cuarto": 4, "quinto": 5, "mitad": 0.5, "medio": 0.5, "doble": 2},
    "pt": {"um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3, "quatro": 4, "cinco": 5,
           "seis": 6, "sete": 7, "oito": 8, "nove": 9, "dez": 10, "onze": 11, "doze": 12,
           "vinte": 20, "trinta": 30, "quarenta": 40, "cinquenta": 50, "cem": 100,
           "cento": 100, "mil": 1e3, "milhão": 1e6, "milhões": 1e6, "metade": 0.5,
           "primeiro": 1, "primeira": 1, "segundo": 2, "terceiro": 3},
    "it": {"uno": 1, "una": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6,
           "sette": 7, "otto": 8, "nove": 9, "dieci": 10, "undici": 11, "dodici": 12,
           "venti": 20, "trenta": 30, "quaranta": 40, "cinquanta": 50, "cento": 100,
           "mille": 1e3, "mila": 1e3, "milione": 1e6, "milioni": 1e6, "miliardo": 1e9,
           "miliardi": 1e9, "metà": 0.5, "primo": 1, "prima": 1, "secondo": 2,
           "terzo": 3},
    "fr": {"zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
           "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12,
           "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20,
           "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100,
           "cents": 100, "mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9,
           "milliards": 1e9, "premier": 1, "première": 1, "deuxième": 2, "second": 2,
           "troisième": 3, "moitié": 0.5, "demi": 0.5, "quart": 0.25, "double": 2},
    "tr": {"sıfır": 0, "bir": 1, "iki": 2, "üç": 3, "dört": 4, "beş": 5, "altı": 6,
           "yedi": 7, "sekiz": 8, "dokuz": 9, "on": 10, "yirmi": 20, "otuz": 30,
           "kırk": 40, "elli": 50, "altmış": 60, "yetmiş": 70, "seksen": 80, "doksan": 90,
           "yüz": 100, "bin": 1e3, "milyon": 1e6, "milyar": 1e9, "birinci": 1,
           "ikinci": 2, "üçüncü": 3, "dördüncü": 4, "yarım": 0.5, "yarısı": 0.5,
           "çeyrek": 0.25},
    "ru": {"ноль": 0, "один": 1, "одна": 1, "одно": 1, "два": 2, "две": 2, "три": 3,
           "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9,
           "десять": 10, "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50,
           "сто": 100, "тысяча": 1e3, "тысячи": 1e3, "тысяч": 1e3, "миллион": 1e6,
           "миллиона": 1e6, "миллионов": 1e6, "миллиард": 1e9, "миллиарда": 1e9,
           "миллиардов": 1e9, "половина": 0.5, "первый": 1, "второй": 2, "третий": 3},
    "pl": {"jeden": 1, "jedna": 1, "dwa": 2, "dwie": 2, "trzy": 3, "cztery": 4,
           "pięć": 5, "sześć": 6, "siedem": 7, "osiem": 8, "dziewięć": 9, "dziesięć": 10,
           "dwadzieścia": 20, "sto": 100, "tysiąc": 1e3, "tysiące": 1e3, "tysięcy": 1e3,
           "milion": 1e6, "miliony": 1e6, "milionów": 1e6, "miliard": 1e9},
    "nl": {"een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7,
           "acht": 8, "negen": 9, "tien": 10, "twintig": 20, "honderd": 100,
           "duizend": 1e3, "miljoen": 1e6, "miljard": 1e9},
}
# Words that read as numbers but are above all something else in running text:
# they confirm a figure (weak) but never start a multi-word number on their own.
_SCALE_WORDS = frozenset({"hundred", "thousand", "million", "billion", "trillion", "hundert",
                          "tausend", "millionen", "milliarde", "milliarden", "cien",
                          "ciento", "mil", "millón", "millones", "mille", "mila",
                          "milione", "milioni", "miliardo", "miliardi", "milliard",
                          "milliards", "millions", "yüz", "bin", "milyon", "milyar",
                          "cento", "cem", "milhão", "milhões", "cent", "cents", "тысяча",
                          "тысячи", "тысяч", "миллион", "миллиона", "миллионов",
                          "миллиард", "миллиарда", "миллиардов", "сто", "tysiąc",
                          "tysiące", "tysięcy", "milion", "miliony", "milionów", "miliard",
                          "honderd", "duizend", "miljoen", "miljard"})
# Ordinals, fractions and multipliers stand alone: `one fifth` is not six.
_STANDALONE = frozenset({
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "twentieth", "hundredth", "half", "quarter",
    "double", "twice", "triple", "dozen", "erste", "ersten", "zweite", "zweiten",
    "dritte", "dritten", "vierte", "vierten", "fünfte", "fünften", "hälfte", "halb",
    "halbe", "viertel", "fünftel", "drittel", "doppelt", "primer", "primero", "primera",
    "segundo", "segunda", "tercer", "tercero", "tercera", "cuarto", "quinto", "mitad",
    "medio", "doble", "metade", "primeiro", "primeira", "terceiro", "metà", "primo",
    "prima", "secondo", "terzo", "premier", "première", "deuxième", "troisième", "moitié",
    "demi", "quart", "birinci", "ikinci", "üçüncü", "dördüncü",
    "yarım", "yarısı", "çeyrek", "половина", "первый", "второй", "третий"}) | frozenset(
    w for table in _UNITS.values() for w, v in table.items() if 0 < v < 1)
# German fuses units and tens into one word: `fünfundzwanzig`.
_GERMAN_COMPOUND = re.compile(
    r"(ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)und"
    r"(zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig)$")


# Articles read as `one` only before a number word (`eine Million`), never alone.
_ARTICLES = frozenset({"ein", "eine", "einen", "einem", "einer", "un", "una", "uno", "une",
                       "um", "uma", "bir", "een", "jeden", "jedna", "один", "одна", "одно"})


def _trie(words: Iterable[str]) -> str:
    """A regex alternation of words, as a trie: a failed position costs one character test
    instead of one attempt per word (Python's `re` does not merge alternatives itself)."""
    root: dict[str, dict[str, Any]] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict[str, Any]]) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        group = "(?:" + "|".join(branches) + ")"
        return group + "?" if "" in node else group

    return emit(root)


@cache
def _word_regex(lang: str) -> re.Pattern[str] | None:
    words = _UNITS.get(lang)
    if not words:
        return None
    joinable = _trie(w for w in words if w not in _STANDALONE and w not in _ARTICLES)
    alone = _trie(w for w in words if w in _STANDALONE and w not in _ARTICLES)
    articles = _trie(w for w in words if w in _ARTICLES)
    if lang == "de":
        joinable = r"(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)und\w+|" + joinable
    # A run of number words joined by spaces, hyphens or `and`/`y`/`e`/`und`/`et`.
    joiner = r"(?:[ \u00a0-]|[ \u00a0](?:and|y|e|und|et|и|ve)[ \u00a0])"
    run = rf"(?:{joinable})(?:{joiner}(?:{joinable}))*"
    with_article = rf"|(?:{articles})(?:{joiner}(?:{joinable}))+" if articles else ""
    return re.compile(rf"\b(?<![\w-])(?:{alone}|{run}{with_article})(?![\w-])",
                      re.IGNORECASE)


def _word_value(phrase: str, lang: str) -> float | None:
    """The value of a spelled-out number (`two hundred thousand`, `mil millones`)."""
    table = _UNITS[lang]
    parts = [p for p in re.split(r"[ \u00a0-]+", phrase.lower())
             if p not in ("and", "y", "e", "und", "et", "и", "ve")]
    total = 0.0
    current = 0.0
    for part in parts:
        value = table.get(part)
        if value is None and lang == "de":
            compound = _GERMAN_COMPOUND.match(part)
            if compound:
                value = table[compound.group(1)] + table[compound.group(2)]
        if value is None:
            return None
        if value >= 1000:
            if total + current < value:
                total = ((total + current) or 1.0) * value
            else:
                total += (current or 1.0) * value
            current = 0.0
        elif value == 100:
            current = (current or 1.0) * 100
        else:
            current += value
    return total + current


# ---- months and weekdays --------------------------------------------------------------

_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                  "Sunday")
# Month names per language, January first; Russian and Polish in the forms news uses.
_MONTHS: Mapping[str, tuple[tuple[str, ...], ...]] = {
    "en": (*((m, m[:3]) if m != "May" else (m,) for m in _MONTH_NAMES[:8]),
           ("September", "Sept", "Sep"), *((m, m[:3]) for m in _MONTH_NAMES[9:])),
    "de": (("januar", "jänner"), ("februar",), ("märz",), ("april",), ("mai",), ("juni",),
           ("juli",), ("august",), ("september",), ("oktober",), ("november",),
           ("dezember",)),
    "es": (("enero",), ("febrero",), ("marzo",), ("abril",), ("mayo",), ("junio",),
           ("julio",), ("agosto",), ("septiembre", "setiembre"), ("octubre",),
           ("noviembre",), ("diciembre",)),
    "pt": (("janeiro",), ("fevereiro",), ("março",), ("abril",), ("maio",), ("junho",),
           ("julho",), ("agosto",), ("setembro",), ("outubro",), ("novembro",),
           ("dezembro",)),
    "it": (("gennaio",), ("febbraio",), ("marzo",), ("aprile",), ("maggio",), ("giugno",),
           ("luglio",), ("agosto",), ("settembre",), ("ottobre",), ("novembre",),
           ("dicembre",)),
    "fr": (("janvier",), ("février",), ("mars",), ("avril",), ("mai",), ("juin",),
           ("juillet",), ("août",), ("septembre",), ("octobre",), ("novembre",),
           ("décembre",)),
    "tr": (("ocak",), ("şubat",), ("mart",), ("nisan",), ("mayıs",), ("haziran",),
           ("temmuz",), ("ağustos",), ("eylül",), ("ekim",), ("kasım",), ("aralık",)),
    "ru": (("январ[ьяею]",), ("феврал[ьяею]",), ("март[ауе]?",), ("апрел[ьяею]",),
           ("ма[йяею]",), ("июн[ьяею]",), ("июл[ьяею]",), ("август[ауе]?",),
           ("сентябр[ьяеюё]",), ("октябр[ьяеюё]",), ("ноябр[ьяеюё]",),
           ("декабр[ьяеюё]",)),
    "pl": (("styczeń", "stycznia"), ("luty", "lutego"), ("marzec", "marca"),
           ("kwiecień", "kwietnia"), ("maj", "maja"), ("czerwiec", "czerwca"),
           ("lipiec", "lipca"), ("sierpień", "sierpnia"), ("wrzesień", "września"),
           ("październik", "października"), ("listopad", "listopada"),
           ("grudzień", "grudnia")),
    "nl": (("januari",), ("februari",), ("maart",), ("april",), ("mei",), ("juni",),
           ("juli",), ("augustus",), ("september",), ("oktober",), ("november",),
           ("december",)),
}
_WEEKDAYS: Mapping[str, tuple[str, ...]] = {
    "en": tuple(_WEEKDAY_NAMES),
    "de": ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    "pt": ("segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira",
           "sábado", "domingo"),
    "it": ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "tr": ("pazartesi", "salı", "çarşamba", "perşembe", "cuma", "cumartesi", "pazar"),
    "ru": ("понедельник", "вторник", "сред[аеуы]", "четверг", "пятниц[аеуы]",
           "суббот[аеуы]", "воскресень[ея]"),
    "pl": ("poniedziałek", "wtorek", "środ[aęy]", "czwartek", "piątek", "sobot[aęy]",
           "niedziel[aęi]"),
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
}
# Languages that capitalize month and day names (English, German); elsewhere they are
# lower case, and a capitalized `Mars` or `Domingo` is a planet or a person.
_CAPITALIZED_CALENDAR = frozenset({"en", "de"})


def _forms(name: str) -> list[str]:
    """`январ[ьяею]` → январь, января, январе, январю; `март[ауе]?` also март."""
    pattern = re.fullmatch(r"(\w+)\[(\w+)\](\??)", name)
    if pattern is None:
        return [name]
    stem, endings, optional = pattern.groups()
    return [stem + e for e in endings] + ([stem] if optional else [])


@cache
def _calendar_table(lang: str) -> dict[str, tuple[Kind, int]]:
    """Every month and weekday form of a language → (kind, number); lower case except
    for English, whose names are matched as capitalized words."""
    table: dict[str, tuple[Kind, int]] = {}
    for i, names in enumerate(_MONTHS.get(lang, ())):
        for name in names:
            table.update((form, ("month", i + 1)) for form in _forms(name))
    for i, name in enumerate(_WEEKDAYS.get(lang, ())):
        table.update((form, ("weekday", i + 1)) for form in _forms(name))
    return table


@cache
def _calendar_regex(lang: str) -> re.Pattern[str] | None:
    table = _calendar_table(lang)
    if not table:
        return None
    # Turkish attaches case endings after an apostrophe (Mayıs'ta); abbreviations take a dot.
    tail = {"tr": r"(?:['’]\w+)?", "ru": "", "pl": ""}.get(lang, r"\.?")
    flags = 0 if lang == "en" else re.IGNORECASE
    return re.compile(rf"\b(?<![\w-])(?:{_trie(table)}){tail}(?![\w-])", flags)


_EN_ABBREVIATIONS = frozenset(
    ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"])
# English `May` is also a verb and `March` a noun: read them as months only next to a
# day number or a year, or after a preposition that takes a date.
_AMBIGUOUS_EN = frozenset({"May", "March"})
_DATE_CONTEXT_BEFORE = re.compile(
    r"(?:\b(?:in|of|on|since|until|till|by|from|to|early|late|mid|last|next|this|"
    r"between|and|through)[ -]|[0-9][ \u00a0]|[0-9](?:st|nd|rd|th)[ \u00a0](?:of[ \u00a0])?)$")
_DATE_CONTEXT_AFTER = re.compile(r"^[ \u00a0](?:[0-9]|of[ \u00a0][0-9])")
_DAY_BEFORE = re.compile(r"[0-9]\.?[ \u00a0](?:de[ \u00a0])?$")


# ---- extraction -----------------------------------------------------------------------


def extract(text: str, lang: str | None, start: int = 0, end: int | None = None,
            word_starts: Iterable[int] | None = None) -> list[Mention]:
    """Every figure, month and weekday in `text[start:end]`, in text order.

    `lang` picks the number words and calendar names to read (`en` for the
    translation, the source language for the source); digits are read in every
    language. `word_starts`, when given, are the only offsets where a number word or
    a calendar name may start (see `candidate_starts`): a document's tokens find
    them faster than a regex scan of the whole text.
    """
    stop = len(text) if end is None else end
    out: list[Mention] = []
    digits = _DIGITS_SPACED if (lang or "")[:2] in _SPACE_GROUPING else _DIGITS
    consumed = start
    # One fast scan for runs of digits; the patterns with look-behinds are only tried
    # where a run starts (a scan with them would test every position of the text).
    for run in _DIGIT_RUN.finditer(text, start, stop):
        at = run.start()
        if at < consumed:
            continue  # inside a figure already read (1.200.000, 23.05.2024)
        date = _NUMERIC_DATE.match(text, at, stop)
        if date:
            out.extend(_date_mentions(date))
            consumed = date.end()
            continue
        clock = _TIME.match(text, at, stop)
        mention = _time_mention(text, clock) if clock else None
        if mention is None:
            number = digits.match(text, at, stop)
            mention = _digit_mention(text, number) if number else None
        if mention is not None:
            out.append(mention)
            consumed = mention.end
    code = (lang or "")[:2]
    for pattern, read in ((_word_regex(code), _word_mentions),
                          (_calendar_regex(code), _calendar_mentions)):
        if pattern is None:
            continue
        if word_starts is None:
            matches = pattern.finditer(text, start, stop)
        else:
            found = (pattern.match(text, pos, stop) for pos in word_starts
                     if start <= pos < stop)
            matches = (m for m in found if m is not None)
        out.extend(read(text, code, matches))
    out.sort(key=lambda x: (x.start, x.end))
    return _drop_nested(out)


def candidate_starts(words: Iterable[tuple[int, str]], lang: str | None) -> list[int]:
    """The offsets of words that may start a number word or a calendar name.

    `words` are (offset, text) pairs, such as a document's tokens; a word counts when
    its lower-case form, up to an apostrophe, hyphen or dot, is in the language's list.
    """
    vocabulary = _vocabulary((lang or "")[:2])
    if not vocabulary:
        return []
    out: list[int] = []
    for offset, word in words:
        low = word.lower()
        if (low in vocabulary
                or (not low.isalpha() and _HEAD.split(low, 1)[0] in vocabulary)
                or ("und" in low and _GERMAN_COMPOUND.match(low))):
            out.append(offset)
    return out


_HEAD = re.compile(r"['’.\-]")


@cache
def _vocabulary(lang: str) -> frozenset[str]:
    calendar = {w.lower() for w in _calendar_table(lang)} if lang else set()
    return frozenset({*_UNITS.get(lang, {}), *calendar})


def _drop_nested(mentions: list[Mention]) -> list[Mention]:
    """Keep the outer of overlapping mentions (`six million` over `six`)."""
    kept: list[Mention] = []
    for m in mentions:
        if kept and m.start < kept[-1].end and (m.start, m.end) != (kept[-1].start,
                                                                     kept[-1].end):
            if m.end - m.start > kept[-1].end - kept[-1].start:
                kept[-1] = m
            continue
        kept.append(m)
    return kept


def _date_mentions(m: re.Match[str]) -> list[Mention]:
    day, month, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
    text = m.group()
    # 05/07/2024 is 5 July in Europe and May 7 in the US: both readings stay possible.
    days = {day, month} if m.group(2) == "/" and day <= 12 else {day}
    months = {v for v in (month, day) if 1 <= v <= 12} if m.group(2) == "/" else {month}
    return [
        Mention(m.start(), m.end(), text, "number", frozenset(float(d) for d in days)),
        Mention(m.start(), m.end(), text, "month", frozenset(float(v) for v in months)),
        Mention(m.start(), m.end(), text, "number", frozenset({float(year)})),
    ]


def _time_mention(text: str, m: re.Match[str]) -> Mention | None:
    hour, minute = int(m.group(1)), int(m.group(2))
    if hour > 24:
        return None
    end = m.end()
    values = {hour + minute / 100}
    clock = _CLOCK_AFTER.match(text, end)
    if clock:
        end = clock.end()
        if clock.group(1).lower().startswith("p") and hour < 12:
            values.add(hour + 12 + minute / 100)
    return Mention(m.start(), end, text[m.start():end], "time", frozenset(values))


def _digit_mention(text: str, m: re.Match[str]) -> Mention:
    start, end = m.start(), m.end()
    values = set(_readings(m.group()))
    kind: Kind = "number"
    before = text[max(0, start - 8):start]
    prefix = _PERCENT_BEFORE.search(before)
    if prefix:
        kind = "percent"
    else:
        prefix = _CURRENCY_BEFORE.search(before)
        kind = "amount" if prefix else "number"
    if prefix:
        start -= len(prefix.group())
    # A scale word replaces the bare readings: `12 million` is not the `12` of a date.
    compound = _COMPOUND_SCALE.match(text, end)
    scale_word = _SCALE_AFTER.match(text, end)
    if compound and _SCALES.get(compound.group(2).lower(), 0) >= 1e6:
        factor = 1e3 * _SCALES[compound.group(2).lower()]
        values = {v * factor for v in _readings(m.group())}
        end = compound.end()
    elif scale_word and scale_word.group(1).lower() in _SCALES and _scale_fits(
            scale_word.group(1), text, scale_word.end()):
        word = scale_word.group(1)
        base = _readings(m.group())
        values = {v * _SCALES[word.lower()] for v in base}
        if word in ("Billion", "Billionen"):
            values |= {v * 1e12 for v in base}  # German `Billion` is 10^12
        end = scale_word.end() - (1 if scale_word.group().endswith(".") and
                                  not _abbreviated(word) else 0)
    percent = _PERCENT_AFTER.match(text, end)
    if percent:
        kind = "percent"
        end = percent.end()
    else:
        currency = _CURRENCY_AFTER.match(text, end)
        if currency:
            kind = "amount"
            end = currency.end()
        else:
            clock = _CLOCK_AFTER.match(text, end)
            hour = min(values)
            if clock and hour == int(hour) and hour <= 24 and kind == "number":
                kind = "time"
                end = clock.end()
                if clock.group(1).lower().startswith("p") and hour < 12:
                    values.add(hour + 12)
    return Mention(start, end, text[start:end], kind, frozenset(values))


def _abbreviated(word: str) -> bool:
    return word.lower() in ("mio", "mrd", "mln", "mld", "bn", "mn", "tys", "тыс", "млн",
                            "млрд", "трлн", "md", "mds", "bln", "tn", "тис", "tsd", "mill")


def _scale_fits(word: str, text: str, end: int) -> bool:
    """Single letters (`m`, `k`) count as scales only glued to the number (`$5m`, `3k`)."""
    if len(word) > 1:
        return True
    return end - len(word) >= 1 and not text[end - len(word) - 1].isspace()


def _word_mentions(text: str, code: str, matches: Iterable[re.Match[str]]) -> list[Mention]:
    out: list[Mention] = []
    for m in matches:
        value = _word_value(m.group(), code)
        if value is None:
            continue
        if m.group().lower() in _SCALE_WORDS:
            continue  # a bare `thousand` or `mil` belongs to a digit before it, if any
        kind: Kind = "number"
        end = m.end()
        percent = _PERCENT_AFTER.match(text, end)
        if percent:
            kind, end = "percent", percent.end()
        out.append(Mention(m.start(), end, text[m.start():end], kind,
                           frozenset({value}), weak=True))
    return out


def _calendar_mentions(text: str, code: str, matches: Iterable[re.Match[str]],
                       ) -> list[Mention]:
    out: list[Mention] = []
    table = _calendar_table(code)
    for m in matches:
        word = m.group()
        base = re.split(r"['’.]", word, maxsplit=1)[0]
        entry = table.get(base if code == "en" else base.lower())
        if entry is None:
            continue  # a case-folding quirk (Turkish dotted İ) made the match
        kind, number = entry
        if code not in _CAPITALIZED_CALENDAR and not word[:1].islower() and not (
                _DAY_BEFORE.search(text, max(0, m.start() - 8), m.start())
                or _DATE_CONTEXT_AFTER.match(text[m.end():m.end() + 6])):
            continue  # capitalized `Mars`, `Domingo`, `Kasım`: a planet or a person
        if code == "de" and not word[:1].isupper():
            continue
        if code == "en" and base in _AMBIGUOUS_EN and not (
                _DATE_CONTEXT_BEFORE.search(text, max(0, m.start() - 12), m.start())
                or _DATE_CONTEXT_AFTER.match(text[m.end():m.end() + 6])):
            continue
        if code == "en" and base in _EN_ABBREVIATIONS and not (
                word.endswith(".") or _DATE_CONTEXT_AFTER.match(text[m.end():m.end() + 6])):
            continue  # `Jan`, `Dec` are names too unless written as a date
        end = m.end()
        if word.endswith(".") and base not in _EN_ABBREVIATIONS:
            word, end = word[:-1], end - 1  # a full stop, not an abbreviation's dot
        out.append(Mention(m.start(), end, word, kind, frozenset({float(number)})))
    return out


def is_number_or_calendar_word(word: str, lang: str | None) -> bool:
    """True for a month, weekday or number word of the language (`Montag`, `Millionen`)."""
    code = (lang or "")[:2]
    if word.lower() in _UNITS.get(code, {}) or word.lower() in _SCALES:
        return True
    pattern = _calendar_regex(code) if code else None
    return bool(pattern and pattern.fullmatch(word))


# ---- the language of a source text ----------------------------------------------------

def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_FUNCTION_WORDS: Mapping[str, frozenset[str]] = {
    "de": _word_set("der die das und nicht mit sich des auf für ist im den dem eine ein "
                    "auch als nach wird bei sind noch wie einem über so zum war haben nur "
                    "oder aber vor zur bis mehr durch man sein wurde sei"),
    "es": _word_set("de la que el en los del se las por un para con una su al lo como "
                    "más pero sus le ya o este sí porque esta entre cuando muy sin sobre "
                    "también me hasta hay donde quien desde todo nos durante"),
    "fr": _word_set("de la le et les des en un du une que est pour qui dans par plus pas "
                    "au sur ne se ce il sont avec ou mais été aux cette ont leur elle "
                    "nous comme tout"),
    "it": _word_set("di che il la per non un una sono gli le con del della più anche "
                    "come dei nel alla ma ha questo essere delle degli nella stato"),
    "pt": _word_set("de que não o da do em um para com uma os no se na por mais as dos "
                    "como mas ao ele das à seu sua ou quando muito nos já também pelo "
                    "pela até isso"),
    "tr": _word_set("ve bir bu da de için ile olarak daha çok gibi en olan sonra kadar "
                    "ancak ise değil yüzde göre ama ya veya şu oldu olduğunu"),
    "ru": _word_set("и в не на что с по как к из за от для у о же это но все так был "
                    "его она они также при уже"),
    "pl": _word_set("i w nie na że się z do to jest o jak po ale od za przez oraz "
                    "jego także już który która było"),
    "nl": _word_set("de het een en van in is dat op te zijn met voor niet aan er om ook "
                    "als bij door maar naar dan wordt"),
    "en": _word_set("the and of to in is that for on with was as by at from has have "
                    "it its are be this which"),
}
_WORDS = re.compile(r"[^\W\d_]+")


def guess_language(text: str, limit: int = 20_000) -> str | None:
    """The language whose function words are most frequent in (the start of) a text.

    A cheap stand-in for a language identifier when the source language is not
    given: it only picks the tables of number words and calendar names to read.
    """
    counts = dict.fromkeys(_FUNCTION_WORDS, 0)
    total = 0
    for m in _WORDS.finditer(text, 0, min(len(text), limit)):
        word = m.group().lower()
        total += 1
        for lang, words in _FUNCTION_WORDS.items():
            if word in words:
                counts[lang] += 1
    best = max(counts, key=lambda k: counts[k])
    return best if total and counts[best] >= max(2, total // 50) else None


def language_of(doc: Document) -> str | None:
    """A document's language: the one it was declared with, else a guess from its words."""
    if doc.tgt_lang and doc.tgt_lang != "und":
        return doc.tgt_lang
    return memoized(doc, "language-guess", lambda d: guess_language(d.text))


def document_mentions(doc: Document, lang: str | None) -> tuple[Mention, ...]:
    """Every figure of a document read in `lang` (memoized: rules and alignment share it)."""
    def compute(d: Document) -> tuple[Mention, ...]:
        starts = candidate_starts(((t.start, t.text) for t in d.tokens), lang)
        return tuple(extract(d.text, lang, word_starts=starts))

    return memoized(doc, f"mentions:{lang}", compute)
