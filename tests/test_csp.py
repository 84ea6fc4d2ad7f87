"""The Content-Security-Policy, in a real Chromium: the site's scripts run, injected ones do not."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT

playwright = pytest.importorskip("playwright.sync_api")

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


@pytest.fixture(scope="module")
def article_page(tmp_path_factory):
    site = tmp_path_factory.mktemp("csp") / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(site)], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    [page] = site.glob("articles/2015/*.html")
    return page


def _load(path, width=1440):
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": width, "height": 900})
        console = []
        page.on("console", lambda message: console.append(message.text))
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        state = page.evaluate(
            "() => ({pwned: window.__pwned === 1,"
            " sidenotes: !!document.querySelector('.na-text.na-sidenotes'),"
            " search: !!document.querySelector('.md-search__input')})"
        )
        browser.close()
    return state, console


def test_the_sites_own_scripts_run_under_the_policy(article_page):
    state, console = _load(article_page)
    assert state["sidenotes"]  # archive.js placed the notes
    assert not [line for line in console if "Content Security Policy" in line]


def test_a_script_that_slipped_into_content_is_refused(article_page, tmp_path):
    html = article_page.read_text(encoding="utf-8")
    marker = '<div class="na-text" data-archived-text>'
    assert marker in html
    injected = html.replace(marker, marker + "<script>window.__pwned = 1</script><p onclick=x>", 1)
    copy = article_page.with_name("injected.html")
    copy.write_text(injected, encoding="utf-8")
    state, console = _load(copy)
    assert not state["pwned"]
    assert any("Content Security Policy" in line for line in console)
