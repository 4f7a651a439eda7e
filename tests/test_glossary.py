"""Glossary files (TSV, CSV, TOML), their errors, and the names.glossary-variant rule."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from mtcheck.analyze import document
from mtcheck.cli import main
from mtcheck.config import Config
from mtcheck.engine import findings
from mtcheck.errors import ConfigError, InputError
from mtcheck.glossary import load_glossary, parse_glossary, parse_inline_terms

TSV = "# names of the central bank story\ncanonical\tvariants\nKavcıoğlu\tKavcioglu|Kavcıoglu\n" \
      "Selim Aydoğan\n\nTürkiye\tTurkiye\tTurkei\n"
CSV = 'canonical,variant,variant\nKavcıoğlu,Kavcioglu,Kavcıoglu\n"Aydoğan, Selim",Aydogan\n'
TOML = """
[terms]
"Kavcıoğlu" = ["Kavcioglu", "Kavcıoglu"]
"Selim Aydoğan" = []

[[term]]
canonical = "Türkiye"
variants = ["Turkiye", "Turkei"]
note = "official English name since 2022"
"""


def _file(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "text"), [("g.tsv", TSV), ("g.toml", TOML)])
def test_tsv_and_toml_read_the_same_entries(tmp_path, name, text):
    glossary = load_glossary(_file(tmp_path, name, text))
    entries = {e.canonical: e.variants for e in glossary.entries}
    assert entries == {"Kavcıoğlu": ("Kavcioglu", "Kavcıoglu"), "Selim Aydoğan": (),
                       "Türkiye": ("Turkiye", "Turkei")}
    assert glossary.variant_map()["Turkei"] == "Türkiye"


def test_csv_with_header_and_quoted_cells(tmp_path):
    glossary = load_glossary(_file(tmp_path, "g.csv", CSV))
    assert [(e.canonical, e.variants, e.line) for e in glossary.entries] == [
        ("Kavcıoğlu", ("Kavcioglu", "Kavcıoglu"), 2), ("Aydoğan, Selim", ("Aydogan",), 3)]


def test_inline_terms():
    glossary = parse_inline_terms("Kavcıoğlu: Kavcioglu | Kavcıoglu; Selim Aydoğan\nTürkiye")
    assert glossary.canonical_forms == {"Kavcıoğlu", "Selim Aydoğan", "Türkiye"}


@pytest.mark.parametrize(("name", "text", "message"), [
    ("g.toml", "[terms\n", "cannot parse glossary"),
    ("g.toml", "[words]\nx = []\n", "unknown glossary key(s) words"),
    ("g.toml", '[terms]\n"Kaya" = 3\n', "variants of 'Kaya' must be a list of strings"),
    ("g.toml", '[[term]]\nvariants = ["x"]\n', "needs canonical"),
    ("g.toml", '[[term]]\ncanonical = "A"\nspelling = "B"\n', "unknown key(s) spelling"),
    ("g.tsv", "Kaya\tKaja\n\tKaia\n", "g.tsv:2: the first column (the canonical form) is empty"),
    ("g.tsv", "Kaya\tKaja\nKaya\n", "g.tsv:2: 'Kaya' is listed twice"),
    ("g.tsv", "Kaya\tKaja\nKaja\n", "'Kaja' is a canonical form and also a variant"),
    ("g.tsv", "Kaya\tKaja\nKara\tKaja\n", "variant 'Kaja' belongs to both 'Kaya' and 'Kara'"),
    ("g.tsv", "Kaya\tKaya\n", "'Kaya' is listed as a variant of itself"),
    ("g.json", "{}", "unknown glossary format '.json'"),
])
def test_bad_content_is_a_config_error_naming_file_and_line(tmp_path, name, text, message):
    path = _file(tmp_path, name, text)
    with pytest.raises(ConfigError) as err:
        load_glossary(path)
    assert message in str(err.value)
    assert str(path) in str(err.value)


def test_missing_or_undecodable_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot read glossary"):
        load_glossary(tmp_path / "missing.tsv")
    with pytest.raises(InputError, match="not a file"):
        load_glossary(tmp_path)
    latin = tmp_path / "latin.tsv"
    latin.write_bytes("Müller\tMueller\n".encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8"):
        load_glossary(latin)


def test_glossary_is_loaded_once_per_path_until_it_changes(tmp_path):
    path = _file(tmp_path, "g.tsv", "Kaya\tKaja\n")
    first = load_glossary(path)
    assert load_glossary(str(path)) is first
    path.write_text("Kaya\tKaja\tCaya\n", encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert load_glossary(path).entries[0].variants == ("Kaja", "Caya")


def test_parse_glossary_takes_text_directly():
    assert parse_glossary("Kaya\tKaja\n", ".tsv").entries[0].canonical == "Kaya"


# ---------------------------------------------------------------- the rule


def _glossary_findings(text: str, config: Config) -> list[tuple[str, str | None]]:
    doc = document(text, "<test>")
    found, _ = findings(doc, config.with_overrides(select=("names.glossary-variant",)),
                        strict=True)
    for f in found:
        assert text[f.start:f.end] == f.text
    return [(f.text, f.suggestion) for f in found]


@pytest.fixture
def with_file(tmp_path) -> Config:
    return Config(glossary=str(_file(tmp_path, "g.toml", TOML)))


def test_listed_variants_are_flagged_everywhere(with_file):
    text = "Governor Kavcioglu spoke. Kavcioglu said rates held. Officials in Turkei agreed."
    assert _glossary_findings(text, with_file) == [
        ("Kavcioglu", "Kavcıoğlu"), ("Kavcioglu", "Kavcıoğlu"), ("Turkei", "Türkiye")]


def test_unlisted_key_variants_of_canonical_words_are_flagged(with_file):
    text = "Governor Selim Aydogan spoke in Turkiye. Kavçıoğlu was absent."
    assert _glossary_findings(text, with_file) == [
        ("Aydogan", "Aydoğan"), ("Turkiye", "Türkiye"), ("Kavçıoğlu", "Kavcıoğlu")]


def test_canonical_spellings_and_all_caps_do_not_fire(with_file):
    text = "KAVCIOĞLU SPEAKS\n\nGovernor Selim Aydoğan and Kavcıoğlu met in Türkiye."
    assert _glossary_findings(text, with_file) == []


def test_inline_terms_option(tmp_path):
    config = Config(rule_options={"names.glossary-variant": {
        "terms": "Kavcıoğlu: Kavcioglu; Selim Aydoğan"}})
    assert _glossary_findings("Governor Kavcioglu met Selim Aydogan.", config) == [
        ("Kavcioglu", "Kavcıoğlu"), ("Aydogan", "Aydoğan")]


def test_no_glossary_no_findings():
    assert _glossary_findings("Governor Kavcioglu spoke.", Config()) == []


def test_glossary_form_wins_the_inconsistency_vote(tmp_path):
    config = Config(glossary=str(_file(tmp_path, "g.tsv", "Kavcıoğlu\n")),
                    select=("names.inconsistent-spelling",))
    text = "Governor Kavcioglu spoke. Kavcioglu said rates held. Kavcıoğlu left."
    found, _ = findings(document(text), config, strict=True)
    assert [(f.text, f.suggestion) for f in found] == [("Kavcioglu", "Kavcıoğlu")]


def test_cli_glossary_option_reaches_the_rule(tmp_path):
    article = _file(tmp_path, "a.txt", "Governor Kavcioglu spoke on Monday.\n")
    glossary = _file(tmp_path, "g.tsv", "Kavcıoğlu\tKavcioglu\n")
    result = CliRunner().invoke(main, ["check", "--format", "json", "--select", "names",
                                       "--glossary", str(glossary), str(article)])
    report = json.loads(result.stdout)
    rules = [f["rule"] for f in report["documents"][0]["findings"]]
    assert rules == ["names.glossary-variant"]
