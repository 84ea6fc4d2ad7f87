"""The site as GitHub Pages serves it: under a sub-path (/some-repo/), with 404.html for anything missing."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import yaml
from playwright.sync_api import expect

from .conftest import ROOT, SUB_PATH, site_pages

WIDE = {"viewport": {"width": 1440, "height": 900}}


def _internal_links(page) -> list[str]:
    """Absolute URLs of every link and asset the page's document refers to."""
    return page.evaluate(
        """() => [
            ...[...document.querySelectorAll('a[href]')].map(a => a.href),
            ...[...document.querySelectorAll('link[href]:not([rel=canonical]):not([rel=alternate])')].map(l => l.href),
            ...[...document.querySelectorAll('script[src], img[src], iframe[src]')].map(e => e.src),
        ]"""
    )


def test_every_link_and_asset_from_the_home_page_resolves_under_the_sub_path(browse, site):
    context = browse.context(**WIDE)
    page = context.new_page()
    page.on("pageerror", lambda error: browse.errors.append(str(error)))
    origin = browse.http()
    queue, seen, pages, files = [origin], {origin}, 0, 0
    while queue:
        url = queue.pop()
        if urlsplit(url).path.endswith((".html", "/")):
            response = page.goto(url)
            assert response.status == 200, url
            assert page.locator(".md-header").count() == 1, url
            pages += 1
            for link in _internal_links(page):
                link = urldefrag(link).url
                if link.startswith(origin) and link not in seen:
                    seen.add(link)
                    queue.append(link)
        else:
            response = context.request.get(url)
            assert response.status == 200, url
            files += 1
    # every page of the build was reached by following links from the home page
    built = set(site_pages(site))
    reached = {urlsplit(u).path[len(SUB_PATH) :] or "index.html" for u in seen}
    assert built <= reached, sorted(built - reached)
    assert pages >= len(built) and files > 0
    # and every request the pages made for assets stayed under the sub-path (checked by `browse`)
    assert all(urlsplit(u).path.startswith(SUB_PATH) for u in browse.requests)


def test_the_404_page_works_at_any_depth_under_the_sub_path(browse):
    for missing in ("no-such-page.html", "articles/2099/deep/no-such-page.html"):
        url = browse.http(missing)
        page = browse.open(url, **WIDE)
        browse.failed.remove(url)  # the 404 status of the page itself is what we asked for
        expect(page.locator("h1")).to_have_text("404 - Not found")
        # styled and scripted: Material's stylesheet and script were found from this depth
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
        assert "js" in page.evaluate("document.documentElement.className.split(' ')")
        # the way back home leads to the archive's home page
        page.locator("a.md-header__button.md-logo").click()
        page.wait_for_load_state()
        assert page.url in (browse.http(), browse.http("index.html"))
        expect(page.locator("h1").first).to_have_text("Annotated news archive")


def test_the_pages_workflow_builds_strict_and_deploys_with_the_official_actions():
    workflow = yaml.safe_load(Path(ROOT, ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    assert workflow["permissions"]["pages"] == "write" and workflow["permissions"]["id-token"] == "write"
    build = workflow["jobs"]["build"]["steps"]
    uses = [step.get("uses", "").split("@")[0] for step in build]
    assert "actions/configure-pages" in uses and "actions/upload-pages-artifact" in uses
    runs = [step for step in build if "mkdocs build" in step.get("run", "")]
    assert len(runs) == 1 and "--strict" in runs[0]["run"].split()
    assert "SITE_URL" in runs[0]["env"]
    upload = next(step for step in build if step.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site" and "--site-dir site" in runs[0]["run"]
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]


# On screen (the phone's closed drawer is beside it) and not transparent (the search's reset button
# until something is typed).
_SHOWN = """e => {
  const box = e.getBoundingClientRect();
  if (!box.width || box.left < 0 || box.right > innerWidth) return false;
  for (; e; e = e.parentElement) if (getComputedStyle(e).opacity === "0") return false;
  return true;
}"""


def test_the_theme_icons_are_drawn_hosted_and_from_disk(browse, site, article_path):
    """The header's icons are empty <svg class="na-icon-NAME"> painted by assets/theme-icons.css
    (not Material's inline paths, written into every page): each visible one shows its shape, which
    differs both from nothing and from a filled square, and every one the theme uses has a shape."""
    assert "<path" not in (site / article_path).read_text(encoding="utf-8").split("<article")[0]
    for url in (browse.http(article_path), browse.file(article_path)):
        for options in (WIDE, {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}):
            page = browse.open(url, **options)
            icons = page.locator("svg[class^='na-icon-']")
            assert icons.count() >= 6, url
            assert page.evaluate(
                """() => [...document.querySelectorAll("svg[class^='na-icon-']")]
                    .every(svg => getComputedStyle(svg).maskImage.startsWith('url("data:image/svg+xml'))"""
            ), url
            shown = [icon for icon in icons.all() if icon.is_visible() and icon.evaluate(_SHOWN)]
            assert len(shown) >= 3, url
            for icon in shown:
                drawn = icon.screenshot()
                icon.evaluate("svg => svg.style.mask = 'none'")
                square = icon.screenshot()
                icon.evaluate("svg => { svg.style.mask = ''; svg.style.backgroundColor = 'transparent' }")
                empty = icon.screenshot()
                icon.evaluate("svg => svg.style.backgroundColor = ''")
                assert drawn not in (square, empty), (url, icon.get_attribute("class"))
            page.close()
