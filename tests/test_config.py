from __future__ import annotations

import pytest

from mtcheck.config import Config, find_config, from_mapping, load_config
from mtcheck.errors import ConfigError, MtcheckError
from mtcheck.model import Severity
from mtcheck.rules.registry import get_rule


def test_longest_prefix_wins():
    cfg = Config(select=("broken",), ignore=("broken.doubled-word",))
    assert not cfg.enabled(get_rule("broken.doubled-word"))
    cfg = Config(select=("broken.doubled-word",), ignore=("broken",))
    assert cfg.enabled(get_rule("broken.doubled-word"))
    assert not cfg.enabled(get_rule("names.inconsistent-spelling"))


def test_severity_override_by_prefix():
    cfg = from_mapping({"severity": {"broken": "critical"}})
    assert cfg.severity_of(get_rule("broken.doubled-word")) is Severity.CRITICAL


def test_unknown_rule_names_the_nearest():
    with pytest.raises(ConfigError, match=r"did you mean 'broken\.doubled-word'"):
        from_mapping({"ignore": ["broken.doubled-words"]})


def test_unknown_option_names_the_nearest():
    with pytest.raises(ConfigError, match="did you mean 'threshold'"):
        from_mapping({"treshold": 90})


def test_bad_values_are_config_errors():
    with pytest.raises(ConfigError):
        from_mapping({"threshold": "high"})
    with pytest.raises(ConfigError):
        from_mapping({"severity": {"broken": "fatal"}})


def test_found_upward_in_each_file_kind(tmp_path):
    article = tmp_path / "news" / "deep" / "a.txt"
    article.parent.mkdir(parents=True)
    article.write_text("x")
    assert find_config(article) is None
    (tmp_path / "setup.cfg").write_text(
        "[mtcheck]\nthreshold = 80\nignore = broken\nseverity = names: minor\n")
    assert load_config(find_config(article)).threshold == 80
    (tmp_path / "news" / "pyproject.toml").write_text(
        "[tool.mtcheck]\nthreshold = 85\nselect = ['names']\n")
    found = find_config(article)
    assert found == tmp_path / "news" / "pyproject.toml"
    assert load_config(found).select == ("names",)
    (tmp_path / "news" / "deep" / "mtcheck.toml").write_text("threshold = 70\n")
    assert load_config(find_config(article)).threshold == 70


def test_setup_cfg_lists_and_maps(tmp_path):
    cfg_file = tmp_path / "setup.cfg"
    cfg_file.write_text("[mtcheck]\nignore =\n  broken\n  boilerplate\n"
                        "weights = minor: 2, major: 4\n")
    cfg = load_config(cfg_file)
    assert cfg.ignore == ("broken", "boilerplate")
    assert cfg.weights["minor"] == 2.0
    assert cfg.weights["critical"] == 10.0


def test_broken_toml_is_a_config_error(tmp_path):
    bad = tmp_path / "mtcheck.toml"
    bad.write_text("threshold = [")
    with pytest.raises(ConfigError, match="cannot parse"):
        load_config(bad)


def test_glossary_path_is_relative_to_the_config_file(tmp_path, monkeypatch):
    (tmp_path / "names.tsv").write_text("Kavcıoğlu\tKavcioglu\n", encoding="utf-8")
    (tmp_path / "mtcheck.toml").write_text('glossary = "names.tsv"\n')
    monkeypatch.chdir("/")
    cfg = load_config(tmp_path / "mtcheck.toml")
    assert cfg.glossary == str(tmp_path / "names.tsv")


def test_unreadable_glossary_is_an_error_at_load_time(tmp_path):
    (tmp_path / "mtcheck.toml").write_text('glossary = "missing.tsv"\n')
    with pytest.raises(MtcheckError, match=r"missing\.tsv"):
        load_config(tmp_path / "mtcheck.toml")


def test_bad_boilerplate_pattern_is_a_config_error():
    with pytest.raises(ConfigError, match="boilerplate"):
        from_mapping({"boilerplate-patterns": ["(unclosed"]})
