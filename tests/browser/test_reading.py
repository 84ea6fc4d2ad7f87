"""The article page as a reader meets it, measured in Chromium: notes level with their figures on the
seed article and on a dense one (20 figures in 5 short paragraphs), taps on a phone, permalinks,
copy link and citation, the verdict, and the page's text equal to the archived text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from note_parts import CHAIN, LINKS, NUMBER, SAID, STATUS, WORDS
from playwright.sync_api import expect

from .conftest import PAGES_URL, dense_article

RESTING = 120  # px: a resting note's top from its figure's top
ACTIVE = 12  # px: the active note's top from its figure's top
WIDTHS = [1440, 1024]
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
DENSE = "articles/2015/dense.html"

# What the tests measured, printed at the end of the session (pytest -s shows it): for the report.
MEASURED: dict[str, object] = {}


@pytest.fixture(scope="module", autouse=True)
def _report_measurements():
    """Prints what the tests measured when they are done (shown with `pytest -s`)."""
    yield
    for name, value in MEASURED.items():
        print(f"MEASURED {name}: {value}")


@pytest.fixture
def pages(browse, article_path, dense_server):
    """which -> URL of the seed article or of the dense one."""
    browse.servers.append(dense_server)
    return {"seed": browse.http(article_path), "dense": dense_server + DENSE}


def _wide(width: int) -> dict:
    return {"viewport": {"width": width, "height": 900}}


def _claims(page) -> list[str]:
    return page.eval_on_selector_all(".na-text .na-claim", "els => els.map(e => e.id.slice(6))")


_DISTANCES = """() => [...document.querySelectorAll('.na-text > .na-note')].map(n => {
    const f = document.getElementById('claim-' + n.id.slice(5));
    return n.getBoundingClientRect().top - f.getBoundingClientRect().top; })"""

_ACTIVE = """id => { const n = document.getElementById('note-' + id), f = document.getElementById('claim-' + id);
    const nb = n.getBoundingClientRect(), fb = f.getBoundingClientRect();
    const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
    return {distance: nb.top - fb.top, top: nb.top, bottom: nb.bottom, left: nb.left, right: nb.right,
            header, height: innerHeight, width: innerWidth, open: n.classList.contains('na-open'),
            marked: f.classList.contains('na-active'),
            others: document.querySelectorAll('.na-note.na-open').length}; }"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("which", ["seed", "dense"])
def test_every_resting_note_starts_near_its_figure(browse, pages, which, width):
    page = browse.open(pages[which], **_wide(width))
    claims = _claims(page)
    assert len(claims) == (20 if which == "dense" else len(claims)) and len(claims) >= 2
    distances = page.evaluate(_DISTANCES)
    assert len(distances) == len(claims)
    MEASURED[f"resting {which} {width}px: largest distance"] = round(max(abs(d) for d in distances))
    assert max(abs(d) for d in distances) <= RESTING, distances
    # resting notes are compact (one line: number, status, claimant) and never overlap
    boxes = page.eval_on_selector_all(
        ".na-text > .na-note", "els => els.map(e => [e.getBoundingClientRect().top, e.getBoundingClientRect().bottom])"
    )
    assert all(bottom - top <= 40 for top, bottom in boxes), boxes
    assert all(b[0] >= a[1] for a, b in zip(boxes, boxes[1:], strict=False))
    note = page.locator(f"#note-{claims[0]}")
    expect(note.locator(f":scope > {NUMBER}")).to_be_visible()
    expect(note.locator(".na-note__claimant")).to_be_visible()
    expect(note.locator(f":scope > {STATUS}")).to_be_visible()
    # the margin holds the notes: no text under them
    right = max(
        p["x"] + p["width"]
        for p in page.locator(".na-text > p").evaluate_all(
            "els => els.map(e => { const r = e.getBoundingClientRect(); return {x: r.left, width: r.width}; })"
        )
    )
    assert all(b["left"] >= right for b in [page.evaluate(_ACTIVE, c) for c in claims])


def _activate(page, claim: str, how: str):
    figure = page.locator(f"#claim-{claim}")
    if how == "hover":
        figure.evaluate("f => f.scrollIntoView({block: 'center'})")
        box = figure.evaluate("f => { const r = f.getClientRects()[0]; return [r.left + 3, r.top + r.height / 2]; }")
        page.mouse.move(*box)
    elif how == "focus":
        figure.focus()
    elif how == "click":
        box = figure.evaluate("f => { const r = f.getClientRects()[0]; return r.top; }")
        if not 100 < box < 800:
            figure.evaluate("f => f.scrollIntoView({block: 'center'})")
        box = figure.evaluate("f => { const r = f.getClientRects()[0]; return [r.left + 3, r.top + r.height / 2]; }")
        page.mouse.click(*box)
    else:  # the address names it
        page.evaluate("id => { location.hash = 'claim-' + id; }", claim)
        expect(figure).to_have_class(re.compile("na-targeted"))


@pytest.mark.parametrize("how", ["hover", "focus", "click", "target"])
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("which", ["seed", "dense"])
def test_the_active_note_opens_level_with_its_figure_and_on_screen(browse, pages, which, width, how):
    page = browse.open(pages[which], **_wide(width))
    worst = 0.0
    for claim in _claims(page):
        _activate(page, claim, how)
        got = page.evaluate(_ACTIVE, claim)
        assert got["open"] and got["marked"] and got["others"] == 1, (claim, got)
        assert abs(got["distance"]) <= ACTIVE, (claim, got)
        assert got["top"] >= got["header"] and got["bottom"] <= got["height"], (claim, got)
        assert got["right"] <= got["width"], (claim, got)
        # the open note shows all of itself: its note text and its links
        expect(page.locator(f"#note-{claim} > {WORDS}")).to_be_visible()
        expect(page.locator(f"#note-{claim} > {LINKS}")).to_be_in_viewport()
        # the others stay clear of it
        boxes = page.eval_on_selector_all(
            ".na-text > .na-note",
            "els => els.map(e => [e.getBoundingClientRect().top, e.getBoundingClientRect().bottom])",
        )
        assert all(b[0] >= a[1] - 0.5 for a, b in zip(boxes, boxes[1:], strict=False)), (claim, boxes)
        worst = max(worst, abs(got["distance"]))
    MEASURED[f"active ({how}) {which} {width}px: largest distance"] = round(worst)
    if how in ("focus", "click"):
        page.keyboard.press("Escape")
        assert page.locator(".na-note.na-open").count() == 0


def _tap_point(figure) -> tuple[float, float]:
    return figure.evaluate(
        "f => { const r = f.getClientRects()[0]; return [r.left + Math.min(8, r.width / 2), r.top + r.height / 2]; }"
    )


_POPOVER = """id => { const n = document.getElementById('note-' + id), f = document.getElementById('claim-' + id);
    const rects = f.getClientRects(), nb = n.getBoundingClientRect();
    const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
    return {open: n.classList.contains('na-popover'), others: document.querySelectorAll('.na-popover').length,
            line: rects[rects.length - 1].bottom, first: rects[0].top, top: nb.top, bottom: nb.bottom,
            left: nb.left, right: nb.right, header, height: innerHeight,
            expanded: f.getAttribute('aria-expanded')}; }"""


@pytest.mark.parametrize("which", ["seed", "dense"])
def test_phone_every_figure_opens_its_own_note_on_the_first_tap_at_any_height(browse, pages, which):
    page = browse.open(pages[which], **PHONE)
    claims = _claims(page)
    # folded by default: no note takes room in the text
    for claim in claims:
        expect(page.locator(f"#note-{claim}")).not_to_be_in_viewport()
        assert page.locator(f"#note-{claim}").bounding_box()["height"] <= 1
    right, tried, failures = 0, 0, []
    for claim in claims:
        figure = page.locator(f"#claim-{claim}")
        for at in (0.2, 0.5, 0.8):
            figure.evaluate("(f, at) => window.scrollBy(0, f.getClientRects()[0].top - innerHeight * at)", at)
            page.touchscreen.tap(*_tap_point(figure))
            tried += 1
            got = page.evaluate(_POPOVER, claim)
            ok = (
                got["open"]
                and got["others"] == 1
                and got["expanded"] == "true"
                and got["top"] >= got["line"]  # under the figure's line: the line stays readable
                and got["top"] - got["line"] <= 8
                and got["first"] >= got["header"]
                and got["bottom"] <= got["height"]
                and got["left"] >= 0
                and got["right"] <= 390
            )
            if ok:
                right += 1
            else:
                failures.append((claim, at, got))
            # a second tap on the figure closes it
            page.touchscreen.tap(*_tap_point(figure))
            assert page.evaluate(_POPOVER, claim)["open"] is False, (claim, at)
    MEASURED[f"phone taps {which}: right note opened"] = f"{right}/{tried}"
    assert right == tried == 3 * len(claims), failures
    # Escape closes it, and so does a tap elsewhere
    figure = page.locator(f"#claim-{claims[-1]}")
    page.touchscreen.tap(*_tap_point(figure))
    assert page.evaluate(_POPOVER, claims[-1])["open"]
    page.keyboard.press("Escape")
    assert not page.evaluate(_POPOVER, claims[-1])["open"]
    page.touchscreen.tap(*_tap_point(figure))
    page.locator(".na-provenance").tap()
    assert page.locator(".na-popover").count() == 0


@pytest.mark.parametrize("device", ["wide", "phone"])
@pytest.mark.parametrize("where", ["hosted", "file"])
def test_a_permalink_opens_on_its_figure_with_its_note_open(browse, article_path, where, device):
    options = PHONE if device == "phone" else _wide(1440)
    base = browse.http(article_path) if where == "hosted" else browse.file(article_path)
    first = browse.open(base, **options)
    claims = _claims(first)
    first.close()
    for claim in (claims[-1], claims[len(claims) // 2]):
        page = browse.open(f"{base}#claim-{claim}", **options)
        figure = page.locator(f"#claim-{claim}")
        expect(figure).to_have_class(re.compile("na-targeted"))
        expect(figure).to_be_in_viewport()
        if device == "wide":
            got = page.evaluate(_ACTIVE, claim)
            assert got["open"] and abs(got["distance"]) <= ACTIVE, got
            assert got["top"] >= got["header"] and got["bottom"] <= got["height"], got
        else:
            got = page.evaluate(_POPOVER, claim)
            assert got["open"] and got["top"] >= got["line"] and got["bottom"] <= got["height"], got
            assert got["first"] >= got["header"], got
        page.close()


def test_each_note_copies_its_link_and_a_ready_citation(browse, article_path):
    context = browse.context(viewport={"width": 1440, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.on("pageerror", lambda error: browse.errors.append(str(error)))
    page.goto(browse.http(article_path))
    claim = _claims(page)[-1]
    page.locator(f"#claim-{claim}").click()
    note = page.locator(f"#note-{claim}")
    note.get_by_role("button", name="Copy link").click()
    expect(note.get_by_role("status")).to_have_text("Link copied")
    permalink = PAGES_URL + article_path + f"#claim-{claim}"
    assert page.evaluate("navigator.clipboard.readText()") == permalink
    note.get_by_role("button", name="Cite").click()
    expect(note.get_by_role("status")).to_have_text("Citation copied")
    cited = page.evaluate("navigator.clipboard.readText()")
    expect(note.locator(".na-note__citation")).to_have_text(cited)
    quote = page.locator(f"#claim-{claim}").evaluate("f => f.textContent")
    claimant = note.locator(f":scope > {CHAIN} a").first.inner_text()
    outlet = page.locator(".na-provenance dd").first.inner_text()
    said = note.locator(f":scope > {SAID}").inner_text()
    checked = note.locator(f":scope > {LINKS} time").inner_text()
    for part in (claimant, f"“{quote}”", outlet, f"said {said}", permalink, f"checked {checked}"):
        assert part in cited, (part, cited)


def test_every_notes_citation_is_the_one_its_record_carries(browse, site, article_path):
    """The page makes each citation from its note (archive.js); the open data writes it in Python:
    a reader who cites from the page and one who cites from the data cite the same words."""
    records = {c["permalink"]: c["citation"] for c in json.loads((site / "claims.json").read_text())["claims"]}
    page = browse.open(browse.http(article_path), **_wide(1440))
    cited = {}
    for claim in _claims(page):
        page.locator(f"#claim-{claim}").click()
        page.locator(f"#note-{claim}").get_by_role("button", name="Cite").click()
        citation = page.locator(f"#note-{claim} .na-note__citation").inner_text()
        cited[PAGES_URL + article_path + f"#claim-{claim}"] = citation
    assert cited and cited == {link: records[link] for link in cited}


@pytest.mark.parametrize("which", ["seed", "dense"])
def test_the_page_text_of_the_article_is_the_archived_text(browse, pages, site, dense_site, article_path, which):
    """What an annotation client reads: the paragraphs' text, note numbers and symbols not in it."""
    page = browse.open(pages[which], **_wide(1440))
    if which == "dense":
        body = dense_article()[0]
    else:
        source = Path(__file__).resolve().parents[2] / "docs" / article_path.replace(".html", ".md")
        body = source.read_text(encoding="utf-8").split("\n---\n", 1)[1].lstrip("\n")
    shown = page.eval_on_selector_all(".na-text > p", "ps => ps.map(p => p.textContent)")
    assert " ".join(" ".join(shown).split()) == " ".join(body.split())
    assert page.locator(".na-text sup, .na-text .na-ref").count() == 0
    # the number and the status symbol are still drawn beside each figure, and named
    for claim in _claims(page):
        figure = page.locator(f"#claim-{claim}")
        drawn = figure.evaluate("f => getComputedStyle(f, '::after').content")
        number = page.locator(f"#note-{claim} > {NUMBER}").inner_text()
        badge = page.locator(f"#note-{claim} > {STATUS}")
        label = badge.inner_text().strip()
        symbol = badge.evaluate("b => getComputedStyle(b, '::before').content").split('"')[1].strip()
        assert symbol and symbol not in label, symbol
        assert symbol in drawn and number in drawn, (claim, drawn)
        expect(figure).to_have_accessible_name(re.compile(re.escape(f"note {number}, {label}")))


def test_the_article_opens_with_its_verdict_linking_to_each_figure(browse, article_path):
    page = browse.open(browse.http(article_path), **_wide(1440))
    claims = _claims(page)
    verdict = page.locator(".na-verdict")
    expect(verdict.locator("h2")).to_have_text(f"Verdict: {len(claims)} claims")
    links = verdict.locator(".na-verdict__figures a")
    assert sorted(links.evaluate_all("as => as.map(a => a.getAttribute('href'))")) == sorted(
        f"#claim-{c}" for c in claims
    )
    # each status's row counts its claims, and its links lead to figures of that status
    for row in verdict.locator("li").all():
        status = row.locator(".na-status").get_attribute("data-status")
        targets = row.locator(".na-verdict__figures a").evaluate_all("as => as.map(a => a.hash.slice(7))")
        count = len(targets)
        expect(row.locator(":scope > span").first).to_have_text(f"{count} claim{'s' if count != 1 else ''}")
        for claim in targets:
            expect(page.locator(f"#claim-{claim}")).to_have_attribute("data-status", status)
    # a link says which note and figure it leads to, not only its number
    for link in links.all():
        figure = page.locator(link.get_attribute("href"))
        number = page.locator(f"#note-{link.get_attribute('href')[7:]} > {NUMBER}").inner_text()
        assert link.inner_text() == number
        expect(link).to_have_accessible_name(f"note {number}: {figure.inner_text().strip()}")
    box = verdict.bounding_box()
    assert box["y"] < page.locator(".na-text").bounding_box()["y"]
    # following one opens the note on its figure
    links.last.click()
    claim = links.last.get_attribute("href")[len("#claim-") :]
    got = page.evaluate(_ACTIVE, claim)
    assert got["open"] and abs(got["distance"]) <= ACTIVE, got


_FOCUSED = """() => { const e = document.activeElement;
    if (!e || e === document.body) return null;
    const r = e.getBoundingClientRect();
    const x = Math.min(Math.max(r.left + Math.min(4, r.width / 2), 0), innerWidth - 1);
    const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
    const hit = document.elementFromPoint(x, y);
    return {name: e.outerHTML.slice(0, 120), width: r.width, height: r.height, top: r.top, bottom: r.bottom,
            seen: !!hit && (e.contains(hit) || hit.contains(e)), skip: e.matches('.md-skip')}; }"""


@pytest.mark.parametrize("device", ["wide", "phone"])
def test_the_keyboard_starts_with_a_skip_link_and_never_lands_on_something_hidden(browse, article_path, device):
    page = browse.open(browse.http(article_path), **(PHONE if device == "phone" else _wide(1440)))
    page.keyboard.press("Tab")
    first = page.evaluate(_FOCUSED)
    assert first and first["skip"] and first["seen"], first
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    # past the header and tabs: the next stop is in the article
    assert page.evaluate("document.activeElement.closest('.md-content') !== null")
    hidden, stops = [], 0
    for _ in range(300):
        got = page.evaluate(_FOCUSED)
        if got is None or "md-footer" in page.evaluate("document.activeElement.closest('footer')?.className || ''"):
            break
        stops += 1
        if not (got["width"] > 0 and got["height"] > 0 and got["seen"]):
            hidden.append(got)
        page.keyboard.press("Tab")
    assert stops > 20 and not hidden, hidden


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_on_paper_the_page_gives_its_address_its_archive_date_and_its_links_addresses(browse, article_path, javascript):
    page = browse.open(browse.http(article_path), java_script_enabled=javascript, **_wide(1440))
    page.emulate_media(media="print")
    source = page.locator(".na-print-source")
    expect(source).to_be_visible()
    archived = page.locator(".na-provenance time").nth(1).inner_text()
    expect(source).to_contain_text(PAGES_URL + article_path)  # the build knows its address (SITE_URL)
    expect(source).to_contain_text(f"archived {archived}")
    # every external link prints its address after it; with the script, the site's own links too
    after = page.eval_on_selector_all(
        ".md-content a[href]:not([href^='#'])",
        f"""as => as.map(a => [a.getAttribute('href'), a.href, getComputedStyle(a, '::after').content,
            a.closest('.na-chain, .na-verdict') !== null
            || a.matches('.na-status, .na-note > {STATUS}, .headerlink')])""",
    )
    external = [(href, content) for href, _, content, _ in after if href.startswith("http")]
    assert external and all(href in content for href, content in external), external
    if javascript:
        internal = [(url, content) for href, url, content, skip in after if not href.startswith("http") and not skip]
        assert internal and all(url in content for url, content in internal), internal
    # no separator is left dangling: the first item shown in a note's links has none before it
    for links in page.locator(f".na-note > {LINKS}").all():
        items = links.locator(":scope > span:not(.na-note__copied)").evaluate_all(
            "els => els.filter(e => getComputedStyle(e).display !== 'none')"
            ".map(e => [e.innerText, getComputedStyle(e, '::before').content])"
        )
        assert items and items[0][1] in ("none", "normal"), items
        assert all(not text.strip().endswith("·") for text, _ in items), items


def test_on_a_phone_the_figures_table_shows_each_figures_status_beside_it(browse, article_path):
    page = browse.open(browse.http(article_path), **PHONE)
    table = page.locator("#figures + table")
    names = table.locator("thead th").all_inner_texts()
    assert names[:3] == ["#", "Figure", "Status"], names  # the list pages' order
    table.scroll_into_view_if_needed()
    width = page.evaluate("window.innerWidth")
    rows = table.locator("tbody tr").all()
    assert len(rows) == len(_claims(page))
    for row in rows:  # in view without scrolling the table sideways
        badge = row.locator("td").nth(2).locator(".na-status").bounding_box()
        assert badge and badge["x"] + badge["width"] <= width, (badge, width)


@pytest.mark.parametrize("device", ["wide", "phone"])
def test_the_figures_table_is_ruled_padded_left_aligned_with_dates_on_one_line(browse, article_path, device):
    page = browse.open(browse.http(article_path), **(PHONE if device == "phone" else _wide(1440)))
    table = page.locator("table.na-table").first
    style = table.evaluate(
        """t => { const th = t.querySelector('th'), td = t.querySelector('td'), s = getComputedStyle;
        return {border: s(t).borderTopWidth, align: s(th).textAlign, padding: parseFloat(s(td).paddingLeft),
                rule: s(td).borderTopWidth, scroll: t.scrollWidth, client: t.clientWidth,
                page: document.documentElement.scrollWidth,
                dates: [...t.querySelectorAll('time')].map(e => e.getClientRects().length)}; }"""
    )
    assert style["border"] != "0px" and style["rule"] != "0px", style
    assert style["align"] in ("left", "start") and style["padding"] >= 8, style
    assert style["dates"] and all(lines == 1 for lines in style["dates"]), style  # a date never wraps
    if device == "phone":
        # too wide for a phone: the table scrolls sideways, the page does not
        assert style["scroll"] > style["client"] and style["page"] <= 390, style


def test_a_relay_chain_shows_its_arrows_and_says_relayed_to(browse, article_path):
    page = browse.open(browse.http(article_path), **_wide(1440))
    chains = [c for c in page.locator(f".na-note > {CHAIN}").all() if c.locator(":scope > li").count() >= 3]
    assert chains
    chain = chains[0]
    hops = chain.locator(":scope > li")
    assert hops.first.evaluate("li => getComputedStyle(li, '::before').content") in ("none", "normal")
    arrow = hops.nth(1).evaluate("li => getComputedStyle(li, '::before').content")
    assert arrow == '" → " / "relayed to"', arrow
    # one line, as a sentence is
    assert len({round(box["y"]) for box in (hop.bounding_box() for hop in hops.all()[:2])}) == 1
    # a screen reader hears who passed the claim to whom: "<claimant>, <role> relayed to <relay> relayed to <outlet>"
    spoken = chain.aria_snapshot()
    assert spoken.count("relayed to") == hops.count() - 1, spoken
    assert spoken.index("relayed to") < spoken.index(chain.locator("a").nth(1).inner_text()), spoken
