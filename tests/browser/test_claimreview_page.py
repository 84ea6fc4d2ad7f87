"""The article pages' ClaimReview JSON-LD, as search engines and tools that run the page's scripts
read it: archive.js writes out each claim's review from the page's factored data
(hooks/archive/export/claimreview.py, article_scripts); these tests read what it wrote."""

from __future__ import annotations

import json
import os
import subprocess

import pytest
from bs4 import BeautifulSoup
from page_claimreviews import json_ld

from hooks.archive.export.page_reviews import REVIEWS_ID

from .conftest import ROOT, site_pages

_WRITTEN = "() => [...document.querySelectorAll('script[type=\"application/ld+json\"]')].map(s => JSON.parse(s.text))"


def _articles(site) -> list[str]:
    paths = ["articles/" + path for path in site_pages(site / "articles")]
    return [path for path in paths if 'id="na-claimreviews"' in (site / path).read_text(encoding="utf-8")]


def test_every_article_page_writes_out_the_claimreviews_the_build_made(browse, site):
    pages = _articles(site)
    assert len(pages) >= 2
    for path in pages:
        page = browse.open(browse.http(path))
        written = page.evaluate(_WRITTEN)
        made = json_ld((site / path).read_text(encoding="utf-8"))
        assert written == made and len(made) == page.locator(".na-text .na-claim").count(), path
        page.close()


def test_google_structured_data_testing_tool_finds_no_error(browse, site, tmp_path):
    """Cross-check with the npm structured-data-testing-tool (offline), Google preset, on the page as
    rendered (with the JSON-LD archive.js wrote)."""
    sdtt = ROOT / "node_modules" / ".bin" / "sdtt"
    if not sdtt.exists():
        if os.environ.get("CI"):
            pytest.fail("node_modules/.bin/sdtt is missing: .ci/run installs it with `npm ci`")
        pytest.skip("npm ci has not been run")
    path = _articles(site)[0]
    page = browse.open(browse.http(path))
    rendered = tmp_path / "rendered.html"
    rendered.write_text(page.content(), encoding="utf-8")

    def check(file):
        result = subprocess.run(
            [str(sdtt), "--file", str(file), "--presets", "Google", "--schemas", "ClaimReview"],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        return result.returncode, result.stdout + result.stderr

    code, output = check(rendered)
    assert code == 0, output
    assert "Failed: 0" in output and "Schema.org schemas: ClaimReview" in output
    # ... and it does fail a ClaimReview without its rating
    broken = tmp_path / "broken.html"
    broken.write_text(rendered.read_text(encoding="utf-8").replace('"reviewRating":', '"rating":'), encoding="utf-8")
    code, output = check(broken)
    assert code != 0 and "reviewRating" in output


# Around each figure, text that a page's script could read otherwise than the build: characters
# outside the Basic Multilingual Plane (two UTF-16 units each), white space that only Python's
# str.split() or only JavaScript's \s takes for white space, line breaks inside a paragraph, a
# figure next to another, a figure in a sentence too long to show whole, and a carriage return.
_AWKWARD = (
    "The 🛢️ report 𝐬𝐚𝐢𝐝 that 525 oil tanker trucks burned\u00a0last week.\n"
    "\n"
    "Officials\u2028counted\tover 600 militants killed in\u3000one strike.\n"
    "\n"
    "A\u0085separator and 15 oil refining facilities, then 12 ships and 30 depots were hit.\n"
    "\n"
    "Byte\ufefforder before 40 pumps lost, said the ministry.\n"
    "\n"
    "Very long sentence with many words that goes on and on about 77 burned wells and keeps going "
    "well past any length a review could show, across the whole line.\r\n"
    "\r\n"
    "After a carriage return, 90 trucks were seen.\n"
)
# Claimants whose names and roles hold what the chain also uses (", "), with and without a role,
# an affiliation, an address.
_AWKWARD_CLAIMANTS = """\
claimants:
  smith: {name: "Smith, John", kind: person, role: "adviser, energy", affiliation: russian-mod}
  doe: {name: Jane Doe, kind: person, affiliation: russian-mod, url: "https://example.org/doe"}
  agency: {name: "Oil & Gas, Agency", kind: organisation, role: a regulator, affiliation: russian-mod}
"""
_AWKWARD_CLAIMS = (
    _AWKWARD_CLAIMANTS
    + "claims:\n"
    + "".join(
        f"  - id: c{number}\n    quote: {quote}\n    claimant: {claimant}\n    status: unverified\n    note: Checked.\n"
        for number, (quote, claimant) in enumerate(
            [
                ("525 oil tanker trucks", "smith"),
                ("over 600 militants killed", "doe"),
                ("15 oil refining facilities", "agency"),
                ("12 ships", "russian-mod"),
                ("30 depots", "sergei-shoigu"),
                ("40 pumps lost", "smith"),
                ("77 burned wells", "associated-press"),
                ("90 trucks", "doe"),
            ]
        )
    )
)


def test_the_script_reads_each_review_s_words_and_claimant_as_the_build_made_them(browser, tmp_path):
    """claimReviewed, which the page's script reads out of the figure's paragraph where the build
    could say where it stands there, and the claimant it reads out of the note's relay chain, are
    word for word the downloads' (claimreviews-YEAR.jsonld)."""
    from conftest import Project

    project = Project(tmp_path / "project")
    project.article("a", _AWKWARD, _AWKWARD_CLAIMS, published="2015-11-20")
    result = project.build()
    assert result.returncode == 0, result.stderr
    feed = json.loads(project.page("claimreviews-2015.jsonld"))["dataFeedElement"]
    made = [(r["claimReviewed"], r["itemReviewed"]["author"]) for r in feed]
    assert len(made) == 8 and any(words.startswith("…") for words, _ in made)
    assert {"@type": "Organization", "name": "The Associated Press"} in [author for _, author in made]
    data = json.loads(BeautifulSoup(project.page("articles/a.html"), "html.parser").find(id=REVIEWS_ID).string)
    read_on_page = [own[2] for own in data["own"] if not isinstance(own[2], str)]
    assert len(read_on_page) >= 4  # the rest are written out: the test covers both
    context = browser.new_context()
    page = context.new_page()
    page.goto((project.site / "articles" / "a.html").as_uri())
    written = [(review["claimReviewed"], review["itemReviewed"]["author"]) for review in page.evaluate(_WRITTEN)]
    context.close()
    assert written == made
