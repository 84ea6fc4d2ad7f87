"""The Content-Security-Policy in Chromium: the site's own scripts run, a script in content does not."""

from __future__ import annotations

WIDE = {"width": 1440, "height": 900}


def _open(browse, url):
    console: list[str] = []
    page = browse.context(viewport=WIDE).new_page()
    page.on("console", lambda message: console.append(message.text))
    page.goto(url, wait_until="load")
    return page, console


def test_the_sites_own_scripts_run_under_the_policy(browse, article_path):
    page, console = _open(browse, browse.file(article_path))
    assert page.locator(".na-text.na-sidenotes").count() == 1  # archive.js placed the notes
    assert not [line for line in console if "Content Security Policy" in line]
    assert page.locator("meta[http-equiv='Content-Security-Policy']").count() == 1


def test_a_script_that_slipped_into_content_is_refused(browse, offline, article_path):
    original = offline / article_path
    html = original.read_text(encoding="utf-8")
    marker = '<div class="na-text" data-archived-text>'
    assert marker in html
    # Beside the real page (same assets, inside the offline copy), removed again afterwards.
    injected = original.with_name("injected-script.html")
    injected.write_text(html.replace(marker, marker + "<script>window.__pwned = 1</script>", 1), encoding="utf-8")
    try:
        page, console = _open(browse, injected.as_uri())
        assert page.evaluate("window.__pwned") is None
        assert any("Content Security Policy" in line for line in console)
    finally:
        injected.unlink()


def test_the_theme_scripts_run_from_files_and_keep_the_readers_colours(browse, article_path):
    # Material's inline scripts are files (overrides/partials/javascripts/): the policy allows no inline script,
    # and the reader's choice of colours, kept under the site's scope, follows them to a page at another depth.
    page = browse.open(browse.http(article_path), color_scheme="light", viewport=WIDE)
    policy = page.locator("meta[http-equiv='Content-Security-Policy']").get_attribute("content")
    assert policy.startswith("script-src 'self'; ") and "sha256" not in policy
    assert page.evaluate("__md_scope.href") == browse.http()
    toggle = page.locator(".md-header__option label:not([hidden])")
    toggle.click()  # following the system → light
    toggle.click()  # light → dark
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    other = page.context.new_page()
    for path in ("index.html", "claims/2015.html"):
        other.goto(browse.http(path), wait_until="domcontentloaded")
        assert other.evaluate("__md_scope.href") == browse.http()
        assert other.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
