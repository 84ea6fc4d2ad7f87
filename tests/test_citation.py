"""A claim's citation (render/html.py citation()): what a reader pastes, and what the page carries."""

from __future__ import annotations

import dataclasses

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
