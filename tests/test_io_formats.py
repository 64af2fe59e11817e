"""Per-format parsing: plain text, markdown front matter, HTML main text."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from extractor.errors import InputError
from extractor.io import read_file
from extractor.io.formats import (
    RecordFields,
    parse_document,
    record_to_document,
    split_front_matter,
)
from extractor.pipeline.document import Document

WH = Path(__file__).parent / "fixtures" / "wh"

ARTICLE = (
    "The foreign minister arrived in Paris on Tuesday for two days of talks with his "
    "French counterpart on trade, energy and security. Officials said the two sides "
    "agreed to deepen cooperation and to meet again before the end of the year."
)


def page(*, head: str = "", article: str = ARTICLE, charset: str = "utf-8") -> str:
    """A realistic page: scripts, navigation and a footer around one article."""
    return f"""<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>Talks in Paris | Example News</title>
{head}
<script>var tracking = "SECRET_SCRIPT_TEXT";</script>
<style>.x {{ color: red }}</style></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">NAVIGATION_LINK_TEXT</a></li></ul></nav>
<article><h1>Talks in Paris</h1>
<p>{article}</p>
<p>{article}</p>
</article>
<footer>FOOTER_BOILERPLATE Copyright Example News. All rights reserved.</footer>
</body></html>"""


def parse(data: bytes, name: str) -> Document:
    return parse_document(data, name=name, doc_id=name, source=name)


# -------------------------------------------------------------------- text


def test_text_file_is_kept_as_is_with_a_dateline_date(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"31-5-2023 (YANGON) Talks.\r\nSecond line.\n")
    doc = read_file(path)
    assert doc.text == "31-5-2023 (YANGON) Talks.\nSecond line.\n"
    assert doc.published == date(2023, 5, 31)
    assert doc.meta["date_source"] == "dateline"
    assert doc.doc_id == str(path)
    assert doc.source == str(path)


def test_text_without_dateline_has_no_date(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("The minister met his counterpart on May 31, 2023.", encoding="utf-8")
    assert read_file(path).published is None


# ---------------------------------------------------------------- markdown


def test_front_matter_gives_date_title_url_and_is_removed_from_text(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        "---\ndate: '2024-10-10'\npublished_time: 2024-10-09 17:11:51-04:00\n"
        'source_url: https://example.org/a\ntitle: "Senator\\_Tim Johnson"\ntags: x\n---\n'
        " \nSenator Tim Johnson was a fighter.\n",
        encoding="utf-8",
    )
    doc = read_file(path)
    assert doc.text == "Senator Tim Johnson was a fighter."
    assert doc.published == date(2024, 10, 10)  # `date` wins over `published_time`
    assert doc.title == "Senator Tim Johnson"  # the YAML no-break space is normalised
    assert doc.url == "https://example.org/a"
    assert doc.meta["front_matter"]["tags"] == "x"
    assert doc.meta["front_matter"]["published_time"] == "2024-10-09T17:11:51-04:00"


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ("published_time: 2024-10-09 23:30:00-04:00", date(2024, 10, 9)),
        ("published: 2023-05-31", date(2023, 5, 31)),
        ("published: May 31, 2023", date(2023, 5, 31)),
        ("date: not a date\npublished: 2023-05-31", date(2023, 5, 31)),
    ],
)
def test_front_matter_date_keys(front: str, expected: date) -> None:
    doc = parse(f"---\n{front}\nurl: https://e.org/x\n---\nBody.\n".encode(), "a.md")
    assert doc.published == expected
    assert doc.url == "https://e.org/x"


def test_malformed_front_matter_keeps_the_whole_text() -> None:
    text = "---\ntitle: [unclosed\ndate: : :\n---\nBody text.\n"
    doc = parse(text.encode(), "a.md")
    assert doc.text == text
    assert doc.title is None
    assert "malformed front matter" in doc.meta["front_matter_error"]


@pytest.mark.parametrize(
    ("front", "warning"),
    [
        ("date: 2023-02-30", "front matter 'date' is not a date ('2023-02-30'); ignored"),
        ("published: 2023-13-01T25:61:00", "front matter 'published' is not a date"),
        ("a: &x [1]\nb: *x", "front matter refused: YAML aliases (*name) are not allowed"),
        ("n: " + "[" * 40 + "]" * 40, "front matter refused: nested deeper than 32 levels"),
        ("x: " + "y" * 70_000, "front matter longer than 65536 characters"),
        ("? [a, b]\n: 1", "malformed front matter: while constructing a mapping"),
        ("d: !!python/object:os.system x", "malformed front matter: could not determine"),
    ],
)
def test_bad_front_matter_is_a_warning_on_a_document_that_is_still_read(
    front: str, warning: str
) -> None:
    doc = parse(f"---\n{front}\n---\nBody text.\n".encode(), "a.md")
    assert "Body text." in doc.text
    assert doc.published is None
    (found,) = doc.warnings
    assert found.startswith(warning)


def test_front_matter_that_is_not_a_mapping_keeps_the_whole_text() -> None:
    text = "---\njust a horizontal rule section\n---\nBody.\n"
    front, body, error = split_front_matter(text)
    assert front is None
    assert body == text
    assert error == "front matter is not a YAML mapping"


def test_markdown_without_front_matter_uses_a_dateline() -> None:
    doc = parse(b"# Title\n\nWASHINGTON, January 30, 2026 - Text.\n", "a.markdown")
    assert doc.text.startswith("# Title")
    assert doc.published == date(2026, 1, 30)


def test_record_warnings_for_an_unreadable_date_and_lone_surrogates() -> None:
    fields = RecordFields()
    record = {"id": "r", "text": "caf\ud800 text", "published": "2023-02-30", "title": "T\udfff"}
    doc = record_to_document(record, fields=fields, doc_id="r", source="x:1", fmt="jsonl")
    assert doc.text == "caf\ufffd text" and doc.title == "T\ufffd"
    assert doc.meta["unparsed_date"] == "2023-02-30"
    assert doc.warnings == (
        "field 'text' held invalid characters (lone surrogates)",
        "field 'published' is not a date ('2023-02-30'); ignored",
    )
    assert len(doc.text_sha256) == 64


def test_documents_carry_the_sha256_of_their_text() -> None:
    doc = parse(b"Some text.", "a.txt")
    assert doc.text_sha256 == hashlib.sha256(b"Some text.").hexdigest()
    assert Document("x", "Some text.").text_sha256 == doc.text_sha256


def test_front_matter_only_is_no_text() -> None:
    with pytest.raises(InputError, match="no text"):
        parse(b"---\ntitle: x\n---\n  \n", "a.md")


def test_real_white_house_statements() -> None:
    paths = sorted(WH.glob("*.md"))
    assert len(paths) == 3
    docs = {path.name[:10]: read_file(path) for path in paths}
    cyprus = docs["2024-10-29"]
    assert cyprus.published == date(2024, 10, 29)
    assert cyprus.title == (
        "Statement from Press Secretary Karine Jean-Pierre on the Visit of President "
        "Nikos Christodoulides of the Republic of Cyprus"
    )
    assert cyprus.url is not None and cyprus.url.startswith("https://bidenwhitehouse.archives.gov/")
    assert cyprus.text.startswith("On October 30, President Joseph R. Biden, Jr. will host")
    assert "source_url" not in cyprus.text
    assert docs["2026-07-21"].published == date(2026, 7, 21)
    assert docs["2024-10-22"].title is not None and "Slovenia" in docs["2024-10-22"].title


# -------------------------------------------------------------------- html


def test_html_main_text_without_scripts_or_boilerplate() -> None:
    head = (
        '<meta property="article:published_time" content="2023-05-31T10:00:00Z">'
        '<link rel="canonical" href="https://news.example.org/paris-talks">'
    )
    doc = parse(page(head=head).encode(), "a.html")
    text = doc.text
    assert "foreign minister arrived in Paris" in text
    for junk in ("SECRET_SCRIPT_TEXT", "NAVIGATION_LINK_TEXT", "FOOTER_BOILERPLATE", "color: red"):
        assert junk not in text
    assert doc.published == date(2023, 5, 31)
    assert doc.meta["date_source"] == "html metadata"
    assert doc.title == "Talks in Paris"
    assert doc.url == "https://news.example.org/paris-talks"


def test_html_without_date_metadata_falls_back_to_a_dateline() -> None:
    doc = parse(page(article="WASHINGTON, January 30, 2026 - " + ARTICLE).encode(), "a.htm")
    assert doc.published == date(2026, 1, 30)
    assert doc.meta["date_source"] == "dateline"


def test_html_in_a_declared_legacy_charset() -> None:
    article = ARTICLE + " “It was a naïve hope,” said the café owner."
    data = page(article=article, charset="windows-1252").encode("cp1252")
    assert "“It was a naïve hope,” said the café owner." in parse(data, "a.html").text


def test_html_fragment_without_html_tag_still_parses() -> None:
    doc = parse(f"<p>{ARTICLE}</p>".encode(), "a.html")
    assert doc.text == ARTICLE


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><script>var x = 'only a script';</script></body></html>",
        "<html><head><title>t</title></head><body>   </body></html>",
    ],
)
def test_html_without_article_text_is_an_input_error(html: str) -> None:
    with pytest.raises(InputError, match="no article text found in HTML"):
        parse(html.encode(), "empty.html")


def test_read_file_refuses_multi_document_and_unknown_types(tmp_path: Path) -> None:
    for name in ("a.jsonl", "a.pdf"):
        path = tmp_path / name
        path.write_text("x", encoding="utf-8")
        with pytest.raises(InputError, match="unsupported file type"):
            read_file(path)


def test_read_file_names_a_missing_path(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing\.txt: cannot read"):
        read_file(tmp_path / "missing.txt")
