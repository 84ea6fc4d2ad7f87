"""A claim carried by two articles, in Chromium: the "also in" link of each appearance's note leads to
the shared claim's page, whose timeline reads in date order, on a phone and on a desktop, hosted and
from the offline copy."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

SEED = "articles/2015/russia-has-battered-isis-oil-this-week-now-putin-says-its.html"
WIKI = "articles/2026/oil-production-and-smuggling-in-the-islamic-state.html"
SHARED = "shared/2015/russia-has-battered-isis-oil-this-week-now-putin-says-its/lost-revenue.html"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1440, "height": 900}}

_TIMELINE = """() => [...document.querySelectorAll('.na-timeline > li')].map(li => {
    const r = li.getBoundingClientRect();
    return {top: r.top, left: r.left, right: r.right, words: li.querySelector('blockquote').innerText.trim(),
            kind: li.querySelector('.na-timeline__kind').innerText};
})"""


def _open_note(page, claim: str, phone: bool):
    figure = page.locator(f"#claim-{claim}")
    figure.evaluate("f => f.scrollIntoView({block: 'center'})")
    x, y = figure.evaluate("f => { const r = f.getClientRects()[0]; return [r.left + 4, r.top + r.height / 2]; }")
    if phone:
        page.touchscreen.tap(x, y)
    else:
        page.mouse.click(x, y)
    link = page.locator(f"#note-{claim} a.na-also-in")
    expect(link).to_be_visible()
    expect(link).to_have_text("Also in 1 article")
    return link


@pytest.mark.parametrize("device", ["phone", "desktop"])
@pytest.mark.parametrize("start", [(SEED, "lost-revenue"), (WIKI, "income-per-day")], ids=["seed", "wikipedia"])
def test_also_in_leads_to_the_timeline_of_the_claim(browse, device, start):
    article, claim = start
    phone = device == "phone"
    page = browse.open(browse.http(article), **(PHONE if phone else DESKTOP))
    link = _open_note(page, claim, phone)
    box = link.bounding_box()
    assert 0 <= box["x"] and box["x"] + box["width"] <= page.viewport_size["width"]
    if phone:
        page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    else:
        link.click()
    page.wait_for_url("**/" + SHARED)
    items = page.evaluate(_TIMELINE)
    assert [i["words"] for i in items] == ["$1.5 million dollars in revenue per day", "US$1.5 million per day"]
    assert [i["kind"] for i in items] == ["First appearance", "Relayed"]
    assert items[0]["top"] < items[1]["top"]  # in date order, down the page
    width = page.viewport_size["width"]
    assert all(0 <= i["left"] and i["right"] <= width for i in items)  # nothing runs off a phone's screen
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    expect(page.locator("#verdict + p .na-status")).to_have_text("Unverified")
    # each appearance links back to its figure
    page.locator(".na-timeline > li").nth(1).locator(".na-timeline__article a").click()
    page.wait_for_url("**/" + WIKI + "#claim-income-per-day")
    expect(page.locator("#claim-income-per-day")).to_be_visible()


def test_the_shared_claim_works_from_the_offline_copy(browse):
    page = browse.open(browse.file(SEED), **DESKTOP)
    _open_note(page, "lost-revenue", phone=False).click()
    page.wait_for_url("**/" + SHARED)
    assert len(page.evaluate(_TIMELINE)) == 2
    page.goto(browse.file("claims.html"))
    page.locator("a[href='shared.html']").click()
    page.wait_for_url("**/shared.html")
    expect(page.locator("article tbody tr")).to_have_count(1)
