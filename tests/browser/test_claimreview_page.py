"""The article pages' ClaimReview JSON-LD, as search engines and tools that run the page's scripts
read it: archive.js writes out each claim's review from the page's factored data
(hooks/archive/export/claimreview.py, article_scripts); these tests read what it wrote."""

from __future__ import annotations

import os
import subprocess

import pytest
from test_open_data import json_ld

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
