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
