"""The offline copy (the zip, unpacked) opened from disk (file://) with no network: pages, notes,
indexes, search."""

from __future__ import annotations

import pytest
from note_parts import CHAIN, WORDS
from playwright.sync_api import expect

from .conftest import search, site_pages

WIDE = {"viewport": {"width": 1440, "height": 900}}


def test_every_page_opens_from_disk_styled_and_scripted(browse, offline):
    pages = site_pages(offline)
    assert len(pages) > 10
    context = browse.context(**WIDE)
    page = context.new_page()
    page.on("pageerror", lambda error: browse.errors.append(str(error)))
    for path in pages:
        page.goto(browse.file(path))
        # Material's stylesheet applied (the header is fixed/sticky) and its script ran (html.js).
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")
        assert "js" in page.evaluate("document.documentElement.className.split(' ')"), path
        assert page.locator("h1").first.inner_text().strip(), path


def _search(page, query: str):
    """The addresses of the results of query."""
    links = search(page, query).locator("a.md-search-result__link")
    return [page.evaluate("a => a.href", link) for link in links.element_handles()]


@pytest.mark.parametrize("copy", ["offline", "hosted"])
@pytest.mark.parametrize(
    "query, where",
    [
        ("525", ".na-claim"),  # a figure
        ("Shoigu", f".na-note > {CHAIN}"),  # a claimant
        ("identified", f".na-note > {WORDS}"),  # a word of a note (and not of the archived text)
    ],
)
def test_search_finds_the_article(browse, article_path, query, where, copy):
    at = browse.file if copy == "offline" else browse.http
    page = browse.open(at("index.html"), **WIDE)
    found = _search(page, query)
    article = at(article_path)
    assert article in [href.split("#")[0].split("?")[0] for href in found], found
    # ...and that article really shows the query where the reader expects it.
    page.goto(article)
    assert page.locator(where, has_text=query).count() >= 1
    if where == f".na-note > {WORDS}":
        assert page.locator(".na-text > p", has_text=query).count() == 0


def test_article_from_disk_has_its_notes_in_the_margin(browse, article_path):
    page = browse.open(browse.file(article_path), **WIDE)
    figures = page.locator(".na-claim")
    assert figures.count() >= 1
    assert figures.count() == page.locator(".na-note").count()
    # archive.js ran: the notes stand beside the text, not under their paragraph.
    text = page.locator(".na-text > p").first.bounding_box()
    note = page.locator(".na-note").first.bounding_box()
    assert note["x"] >= text["x"] + text["width"]


def test_claim_index_from_disk_leads_to_the_figure(browse):
    page = browse.open(browse.file("claims.html"), **WIDE)
    page.locator(".na-years a", has_text="2015").first.click()
    page.wait_for_url("**/claims/2015.html")
    link = page.locator("table.na-claims tbody a[href*='#claim-']").first
    figure_id = link.get_attribute("href").split("#")[1]
    words = link.inner_text()
    link.click()
    page.wait_for_load_state()
    figure = page.locator(f"#{figure_id}")
    expect(figure).to_have_text(words.strip("“”\"'"))
    expect(figure).to_be_in_viewport()
