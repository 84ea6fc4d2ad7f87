"""A claim's citation (render/html.py citation()): what a reader pastes, and what the page carries."""

from __future__ import annotations

import dataclasses
import html
import re

from conftest import ROOT

from hooks.archive.build import load_site
from hooks.archive.render.html import citation

SITE_URL = "https://example.org/archive/"


def _seed():
    return load_site(ROOT / "docs", ROOT / "mkdocs.yml", SITE_URL)


def test_a_citation_names_who_said_what_where_and_when_and_the_archives_permalink_and_check():
    site = _seed()
    archive = site.archive
    for claim in archive.claims():
        article = claim.article
        permalink = SITE_URL + "articles/x.html#claim-" + claim.id
        cited = citation(archive, claim, permalink)
        assert cited.startswith(archive.claimants[claim.claimant].name + ", “" + article.quoted(claim) + "”")
        assert f"in {article.outlet}" in cited and permalink in cited
        assert archive.statuses[claim.status].label in cited and archive.publisher.name in cited
        if claim.said:
            assert f"said {claim.said.isoformat()}" in cited
        if claim.checked:
            assert f"(checked {claim.checked.isoformat()})" in cited
        for relay in claim.via:
            assert archive.claimants[relay].name in cited
        # missing dates leave no gap behind
        bare = citation(archive, dataclasses.replace(claim, said=None, checked=None, via=[]), permalink)
        assert "said" not in bare and "checked" not in bare and ", ," not in bare and " ." not in bare


def test_the_article_page_carries_each_claims_citation_with_its_absolute_permalink():
    site = _seed()
    article = site.archive.articles[0]
    page = site.page_html(article.src)
    for claim in article.claims:
        note = re.search(rf'<aside class="na-note" id="note-{re.escape(claim.id)}"[^>]*>', page).group(0)
        written = html.unescape(re.search(r'data-citation="([^"]*)"', note).group(1))
        permalink = html.unescape(re.search(r'data-permalink="([^"]*)"', note).group(1))
        assert permalink == SITE_URL + article.src[: -len(".md")] + ".html#claim-" + claim.id
        assert written == citation(site.archive, claim, permalink)
