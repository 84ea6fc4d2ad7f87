"""`python -m hooks import`: a raw scraped text becomes an article that builds at once."""

from __future__ import annotations

import datetime
import hashlib

import pytest

from hooks.archive.assemble import load_archive
from hooks.importer import ImportError_, byline_date, import_article, title_of

RAW = "\ufeff#Hello World: A Title\r\n\r\nBy March 3, 2021 Somebody\r\n\r\nThey sold 1,200 cars and 45% of trucks.\r\n"


def test_title_and_byline_date():
    assert title_of("\n\n#Russia Has Battered #isis #oil This Week\n\nBy 20th November 2015") == (
        "Russia Has Battered #isis #oil This Week"
    )
    assert byline_date("T\n\nBy 20th November 2015 Industry News No Comments") == datetime.date(2015, 11, 20)
    assert byline_date("T\nBy March 3, 2021 Somebody") == datetime.date(2021, 3, 3)
    assert byline_date("T\nPublished 2019-04-30") == datetime.date(2019, 4, 30)
    assert byline_date("T\nNo date here, but 2015 and 30 September later") is None


def test_import_keeps_the_raw_bytes_and_makes_a_valid_article(tmp_path):
    raw = tmp_path / "scraped.txt"
    raw.write_bytes(RAW.encode("utf-8"))
    docs = tmp_path / "docs"
    article, copy, sidecar = import_article(raw, docs, "Test Outlet", archived=datetime.date(2026, 11, 24))
    assert article == docs / "articles" / "2021" / "hello-world-a-title.md"
    assert copy.read_bytes() == raw.read_bytes()
    text = article.read_bytes().decode("utf-8")
    front, body = text.split("\n---\n", 1)
    assert body == RAW.lstrip("\ufeff").replace("\r\n", "\n")  # the text, line endings made LF
    assert f"sha256: {hashlib.sha256(body.encode()).hexdigest()}" in front
    assert 'title: "Hello World: A Title"' in front and "published: 2021-03-03" in front
    assert '#   quote: "1,200 cars"' in sidecar.read_text() and '#   quote: "45% of trucks"' in sidecar.read_text()
    [loaded] = load_archive(docs).articles  # builds as is: no claims, figures uncovered
    assert [f.text for f in loaded.uncovered] == ["1,200", "45%"]


def test_import_never_overwrites_and_refuses_bad_input(tmp_path):
    raw = tmp_path / "scraped.txt"
    raw.write_bytes(RAW.encode("utf-8"))
    import_article(raw, tmp_path / "docs", "Outlet")
    before = {p: p.read_bytes() for p in (tmp_path / "docs").rglob("*") if p.is_file()}
    with pytest.raises(ImportError_, match="already exists: nothing was written"):
        import_article(raw, tmp_path / "docs", "Another outlet")
    assert {p: p.read_bytes() for p in (tmp_path / "docs").rglob("*") if p.is_file()} == before
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 title\n".encode("latin-1"))
    with pytest.raises(ImportError_, match=r"not UTF-8 text \(byte 0xe9 at offset 3\)"):
        import_article(latin, tmp_path / "other", "Outlet")
    with pytest.raises(ImportError_, match="--outlet is empty"):
        import_article(raw, tmp_path / "other", " ")
    with pytest.raises(ImportError_, match='--url "javascript:x" is not an http'):
        import_article(raw, tmp_path / "other", "Outlet", url="javascript:x")
    assert not (tmp_path / "other").exists()
