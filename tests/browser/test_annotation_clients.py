"""The exported W3C Web Annotations read by other people's clients in Chromium: Apache Annotator
(@apache-annotator/dom, exact TextQuoteSelector matching) and dom-anchor-text-position
(TextPositionSelector). Every selector of the seed article must land exactly on its figure, on
the resource its target names: the article's page, or the raw archived text beside it."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from .conftest import PAGES_URL, ROOT

ESBUILD = ROOT / "node_modules" / ".bin" / "esbuild"
ENTRY = ROOT / "tests" / "browser" / "clients" / "annotation_clients.js"


@pytest.fixture(scope="module")
def clients(tmp_path_factory) -> str:
    """The clients, bundled from node_modules (npm ci) into one script: never from a CDN."""
    if not ESBUILD.exists():
        pytest.skip("npm ci has not been run (esbuild, @apache-annotator/dom, dom-anchor-text-position)")
    out = tmp_path_factory.mktemp("clients") / "clients.js"
    subprocess.run(
        [str(ESBUILD), str(ENTRY), "--bundle", "--format=iife", f"--outfile={out}", "--log-level=warning"],
        cwd=ROOT,
        check=True,
        timeout=60,
    )
    return out.read_text(encoding="utf-8")


def _open_with_clients(browse, url: str, clients: str):
    # The clients are injected as an inline script: the test tool, not the site, bypasses its CSP.
    page = browse.open(url, bypass_csp=True)
    page.add_script_tag(content=clients)
    return page


def _selectors(browse, site, article_path, clients, media_type: str):
    """(claim, the page the target names, selector, the quote) of every selector whose target has media_type."""
    # The year's file the article's header links ("Web Annotations"): a collection with its one page embedded.
    header = (site / article_path).read_text(encoding="utf-8")
    (name,) = re.findall(r'<a href="(?:\.\./)*(annotations-\d{4}\.jsonld)">Web Annotations</a>', header)
    year = json.loads((site / name).read_text(encoding="utf-8"))
    items = [item for item in year["first"]["items"] if item["target"][0]["source"] == PAGES_URL + article_path]
    assert len(items) == 11
    opened = {}
    for annotation in items:
        claim = annotation["id"].rsplit("#", 1)[1]
        exact = annotation["target"][0]["selector"]["exact"]
        (target,) = [target for target in annotation["target"] if target["format"] == media_type]
        url = target["source"].replace(PAGES_URL, browse.http())
        if url not in opened:
            opened[url] = _open_with_clients(browse, url, clients)
        selectors = target["selector"] if isinstance(target["selector"], list) else [target["selector"]]
        for selector in selectors:
            yield claim, opened[url], selector, exact


def _quote_matches(page, selector) -> list[dict]:
    return page.evaluate("s => annotationClients.quoteMatches(s)", selector)


def test_the_raw_texts_positions_and_quotes_land_exactly_on_each_figure(browse, site, article_path, clients):
    checked = 0
    for claim, page, selector, exact in _selectors(browse, site, article_path, clients, "text/plain"):
        if selector["type"] == "TextPositionSelector":
            assert page.evaluate("s => annotationClients.positionText(s)", selector) == exact, (claim, selector)
        else:
            assert [m["text"] for m in _quote_matches(page, selector)] == [exact], (claim, selector)
        checked += 1
    assert checked == 11 * 2


def test_the_pages_quotes_land_exactly_on_each_figure(browse, site, article_path, clients):
    checked = 0
    for claim, page, selector, exact in _selectors(browse, site, article_path, clients, "text/html"):
        if page.locator(".na-claim + sup.na-ref").count():
            # The page's note numbers stand in its text right after each figure, so no suffix can
            # match: the article page's redesign (issue 12, items 1-4) takes them out of the text.
            pytest.xfail("the page sets each note number in the text right after its figure")
        found = _quote_matches(page, selector)
        assert [m["text"] for m in found] == [exact], (claim, selector, found)
        assert found[0]["claim"] == claim, (claim, found)  # inside the figure's own element
        checked += 1
    assert checked == 11
