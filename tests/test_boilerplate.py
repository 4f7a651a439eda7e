"""boilerplate.* rules: page furniture in many languages, user patterns, no prose."""

from __future__ import annotations

import pytest

from mtcheck.analyze import document
from mtcheck.config import Config
from mtcheck.engine import findings
from mtcheck.errors import ConfigError
from mtcheck.rules.boilerplate import compile_patterns, debris_kind

STORY = "The ministry said on Monday that the new rules would apply from June.\n\n"


def _found(text: str, config: Config | None = None) -> list[tuple[str, str]]:
    cfg = (config or Config()).with_overrides(select=("boilerplate",))
    result, _ = findings(document(text), cfg, strict=True)
    return [(f.rule, f.text) for f in result]


@pytest.mark.parametrize(("line", "kind"), [
    ("Share on Facebook", "share prompt"),
    ("Facebook | Twitter | WhatsApp", "share prompt"),
    ("Paylaş", "share prompt"),
    ("Condividi su Facebook", "share prompt"),
    ("Follow us on Instagram", "share prompt"),
    ("Be the first to comment", "comment prompt"),
    ("Leave a comment", "comment prompt"),
    ("Comments (12)", "comment prompt"),
    ("Yorum yaz", "comment prompt"),
    ("Kommentare", "comment prompt"),
    ("Laisser un commentaire", "comment prompt"),
    ("Related Articles", "related-content header"),
    ("Read more: Rail strike to go ahead on Friday", "related-content header"),
    ("Lesen Sie auch", "related-content header"),
    ("À lire aussi : la SNCF ouvre une ligne", "related-content header"),
    ("Читайте также", "related-content header"),
    ("İlgili Haberler", "related-content header"),
    ("Tags: economy, inflation, rates", "tags line"),
    ("Etiketler: ekonomi, enflasyon", "tags line"),
    ("We use cookies to improve your experience on our website.", "cookie banner"),
    ("Accept all cookies", "cookie banner"),
    ("Subscribe to our newsletter", "newsletter banner"),
    ("Sign up for our daily newsletter and get the news first", "newsletter banner"),
    ("Source: Anadolu Agency", "source line"),
    ("Quelle: dpa", "source line"),
    ("Advertisement", "ad label"),
    ("Publicidad", "ad label"),
    ("Реклама", "ad label"),
    ("Click here to read the full report", "page furniture"),
    ("© 2024 Example Media Group", "page furniture"),
    ("Copyright 2023 Example News", "page furniture"),
    ("Tutti i diritti riservati", "page furniture"),
    ("Reproducción prohibida © 2025", "page furniture"),
    ("Responsible editor: Li Na", "page furniture"),
    ("Deel dit bericht", "share prompt"),
    ("Partager cet article", "share prompt"),
    ("Подписывайтесь на наш канал в Telegram", "share prompt"),
    ("Subscribe to our YouTube channel", "share prompt"),
    ("اقرأ أيضا", "related-content header"),
    ("Lees ook: Nieuwe dijken voor Zeeland", "related-content header"),
    ("Related: Why the ferry fares went up", "related-content header"),
    ("Related coverage", "related-content header"),
    ("Follow Kraków Today on Instagram for more stories from Małopolska", "share prompt"),
    ("Join our Telegram group for breaking news from the coast every day.", "share prompt"),
    ("Lihat Juga: Harga beras naik lagi", "related-content header"),
    ("Xem thêm: Hà Nội mở tuyến buýt mới", "related-content header"),
    ("ⓒ Gwangju Herald", "page furniture"),
    ("Unauthorized copying of this article is prohibited by law.", "page furniture"),
    ("Scan the QR code to join the Hainan Daily channel on Douyin", "share prompt"),
])
def test_debris_kinds(line, kind):
    assert debris_kind(line) == kind


@pytest.mark.parametrize("line", [
    "Share prices rose 3% in early trading on Monday.",
    "Scan the QR code at the gate, the ticket inspectors told the passengers.",
    "The source of the leak has not been identified, the ministry said.",
    "Comments by the minister angered the opposition.",
    "Tags on the luggage were checked at the border, officials said.",
    "Advertisements for the event appeared in 40 newspapers.",
    "By Jane Doe",
    "(Reporting by Jane Doe; Editing by Tom Ross)",
    "The company said it uses cookies and other data to target advertising.",
    "Copyright lawyers said the ruling would be appealed.",
    "Subscribers to the channel rose by 40% last year, the company said.",
    "Related charges against two other men were dropped in May.",
    "Follow-up talks on the budget are planned for June.",
    "Unauthorised building on the dunes will be torn down, the council said.",
    "Following the storm on Monday, the ferries stayed in port.",
    "Unauthorised use of drones near the airport is banned, police said.",
])
def test_prose_and_credits_are_not_debris(line):
    assert debris_kind(line) is None


def test_debris_is_line_level_and_suggests_deleting_it():
    text = STORY + "Related News\n\nBe the first to comment\n"
    result, _ = findings(document(text), Config().with_overrides(select=("boilerplate",)),
                         strict=True)
    assert [(f.text, f.suggestion, f.line) for f in result] == [
        ("Related News", "", 3), ("Be the first to comment", "", 5)]


def test_debris_inside_a_paragraph_is_not_flagged():
    assert _found("Prices rose. Share on Facebook if you agree, the poster said.") == []


def test_user_patterns_extend_the_list():
    config = Config(boilerplate_patterns=(r"more from .{1,40}", r"ÖNE ÇIKANLAR"))
    text = STORY + "More from the Ankara desk\n\nÖne çıkanlar\n"
    assert _found(text, config) == [("boilerplate.web-debris", "More from the Ankara desk"),
                                    ("boilerplate.web-debris", "Öne çıkanlar")]
    assert _found(text) == []


def test_a_bad_user_pattern_is_a_config_error():
    with pytest.raises(ConfigError, match=r"'\(unclosed' is not a valid regular expression"):
        compile_patterns(("(unclosed",))


def test_trailing_debris_needs_known_debris_beside_it():
    unknown = STORY + "Teile diesen Artikel jetzt\n"
    assert _found(unknown) == []
    beside_known = STORY + "Teile diesen Artikel jetzt\n\nKommentare\n"
    assert ("boilerplate.trailing-debris", "Teile diesen Artikel jetzt") in _found(beside_known)


def test_trailing_fact_box_is_not_debris():
    text = STORY + "Key numbers\n\nPlayed: 9\n\nSource: ministry\n"
    assert _found(text) == [("boilerplate.web-debris", "Source: ministry")]
