"""Search with the archive's sharded index (docs/assets/search/worker.js), in Chromium: hosted under a
sub-path and from the offline copy; what is loaded when; what a result may contain."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from pathlib import Path

import pytest
from conftest import SEED_BODY, SEED_CLAIMS, Project
from playwright.sync_api import expect

from hooks.archive.export import search_index

from .conftest import ROOT, search

WIDE = {"viewport": {"width": 1440, "height": 900}}
WORKER = ROOT / "docs" / "assets" / "search" / "worker.js"


def _item_for(page, path: str):
    """The result item whose page is path (relative to the site)."""
    return page.locator(".md-search-result__item", has=page.locator(f"a[href*='{path}']"))


@pytest.mark.parametrize("copy", ["offline", "hosted"])
def test_a_prefix_finds_the_figure_and_marks_the_words(browse, article_path, copy):
    at = browse.file if copy == "offline" else browse.http
    page = browse.open(at("index.html"), **WIDE)
    search(page, "tanker tru")  # "tru" is being typed: "trucks" is found by its beginning
    item = _item_for(page, article_path)
    expect(item).to_have_count(1)
    expect(item.locator(".md-search-result__terms")).to_have_count(0)  # no term missing
    # the result leads to the article, with Material's highlight parameter
    expect(item.locator("a").first).to_have_attribute("href", at(article_path) + "?h=tanker+tru")
    # matched words are marked (here in the title), as words, whatever their case
    page.locator("input.md-search__input").fill("")
    search(page, "battered isi")
    expect(_item_for(page, article_path).locator("h1 mark")).to_have_text(["Battered", "isis"])


@pytest.mark.parametrize("copy", ["offline", "hosted"])
def test_a_query_term_found_nowhere_is_shown_missing(browse, article_path, copy):
    at = browse.file if copy == "offline" else browse.http
    page = browse.open(at("index.html"), **WIDE)
    search(page, "shoigu zqxvw ", found=["shoigu"])
    item = _item_for(page, article_path)
    # each result of the article (its claims naming Shoigu) says which word it lacks
    missing = item.locator(".md-search-result__terms del")
    expect(missing.first).to_have_text("zqxvw")
    assert set(missing.all_inner_texts()) == {"zqxvw"}


def test_hosted_pages_load_no_shard_until_the_reader_searches(browse):
    page = browse.open(browse.http("index.html"), wait_until="networkidle", **WIDE)
    # the worker got Material's small index of the hand-written pages, and nothing of the archive's
    assert any(url.endswith("/search/search_index.json") for url in browse.requests)
    assert not [url for url in browse.requests if "/search/archive/" in url]
    page.locator("input.md-search__input").click()
    page.wait_for_load_state("networkidle")
    assert not [url for url in browse.requests if "/search/archive/" in url], "focusing the box loads nothing"
    search(page, "tanker")
    loaded = [url.rsplit("/", 1)[1] for url in browse.requests if "/search/archive/" in url]
    assert loaded[0] == "meta.js" and "t_ta.js" in loaded and "d_0.js" in loaded
    assert all(url.startswith(browse.http("search/archive/")) for url in browse.requests if "/archive/" in url)


def test_the_hand_written_pages_are_found_by_section(browse):
    page = browse.open(browse.http("index.html"), **WIDE)
    search(page, "sidecar")
    item = _item_for(page, "format.html")
    assert item.locator("a").first.get_attribute("href").startswith(browse.http("format.html?h="))
    sections = item.locator("a[href*='format.html'][href*='#']")
    assert sections.count() >= 1
    expect(sections.first.locator("mark").first).to_have_text("sidecar", ignore_case=True)


@pytest.mark.parametrize(
    "text",
    [
        "525 oil tanker trucks",
        "Russia’s “Defense” Minister — Sergei Shoigu",
        "Café CRÈME brûlée naïve ÅNGSTRÖM",
        "$1.5 million; 4,518 barrels/day; 42% (2015-11-20)",
        "ﬁnance ² ½ Ⅻ ①",
        "Straße İstanbul ΣΊΣΥΦΟΣ",
        "Москва ЖЁЛТЫЙ київ",
        "東京都 ２０１５年",
        "e\u0301cole co\u0308operate",
        "snake_case kebab-case dot.case a/b",
        "<img src=x onerror=alert(1)> &amp; the of and",
        "𝐀𝐁𝐂 emoji 😀 here",
        "",
    ],
)
def test_the_workers_tokeniser_agrees_with_the_index(browser, text):
    page = browser.new_page()
    try:
        page.add_script_tag(content=WORKER.read_text(encoding="utf-8"))
        words = page.evaluate("text => tokens(text)", text)
        assert words == search_index.tokens(text)
        assert page.evaluate("words => words.map(w => fileKey(shardKey(w)))", words) == [
            search_index.file_key(search_index.shard_key(word)) for word in words
        ]
    finally:
        page.close()


def test_the_worker_reads_postings_as_the_index_writes_them(browser):
    from test_search_index import POSTINGS  # tests/test_search_index.py: numbers at the digits' limits

    written = "".join(map(search_index._digits, POSTINGS))
    page = browser.new_page()
    try:
        page.add_script_tag(content=WORKER.read_text(encoding="utf-8"))
        read = page.evaluate("text => postingsOf(text)", written)
        assert [tuple(read[k : k + 2]) for k in range(0, len(read), 2)] == search_index.decode(written)
    finally:
        page.close()


# ---- Untrusted text: an article and notes that carry markup ----

HOSTILE_TITLE = 'Oil <img src=x onerror="window.__pwned=1"> strikes'
HOSTILE_CLAIMS = SEED_CLAIMS.replace(
    "note: Shoigu's figure; the article gives no independent check.",
    "note: 'Shoigu <img src=x onerror=window.__pwned=2> said <b>so</b>; see <script>window.__pwned=3</script>'",
)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _built_and_served(project):
    """(address, site folder) of the project's build, served on 127.0.0.1 until the fixture ends."""
    result = project.build()
    assert result.returncode == 0, result.stderr
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(project.site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/", Path(project.site)
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = Project(tmp_path_factory.mktemp("hostile") / "project")
    body = "A line with <script>window.__pwned=4</script> and &lt;b&gt; in the archived text.\n\n" + SEED_BODY
    project.article("a", body, HOSTILE_CLAIMS, title=f"'{HOSTILE_TITLE}'")
    yield from _built_and_served(project)


@pytest.mark.parametrize("query", ["strikes", "onerror", "script pwned"])
def test_markup_in_titles_notes_and_text_is_shown_as_text(browser, hostile_site, query):
    base, _ = hostile_site
    context = browser.new_context(**WIDE)
    try:
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(base + "index.html")
        items = search(page, query)
        item = items.filter(has=page.locator("a[href*='articles/a.html']"))
        expect(item).to_have_count(1)
        results = page.locator(".md-search-result__list")
        assert results.locator("img, script, b").count() == 0
        assert page.evaluate("window.__pwned") is None
        shown = item.inner_text()
        if query == "strikes":
            assert "<img src=x onerror=" in shown.replace('"', "")
        elif query == "script pwned":
            assert "<script>" in shown
        assert not errors
    finally:
        context.close()


# ---- Readers' queries: what comes first ----

SEED = "articles/2015/russia-has-battered-isis-oil-this-week-now-putin-says-its.html"
# query -> the first three results (result links in the order shown: an article's headline, then
# its claims, each opening article.html#claim-ID; then the other pages).
WIKI = "articles/2026/oil-production-and-smuggling-in-the-islamic-state.html"
FIRST_RESULTS = {
    "525 oil tanker trucks": [SEED, SEED + "#claim-tanker-trucks", SEED + "#claim-oil-kept-off-market"],
    # The Wikipedia article holds "1.5 million" twice and ranks first, with its claim of "1.1 to 1.5 million".
    "1.5 million": [WIKI, WIKI + "#claim-other-reports"],
    "Shoigu": [SEED, SEED + "#claim-missions-flown", SEED + "#claim-refining-facilities"],
    "AP could not": [SEED, SEED + "#claim-militants-killed", SEED + "#claim-plane-deaths"],
    "Caspian": [SEED, SEED + "#claim-caspian-launches"],
}
# The words the query matched, as a reader sees them marked in the claim's result.
MARKED = {
    "525 oil tanker trucks": ["525", "oil", "tanker", "trucks"],
    "1.5 million": ["1", "5", "million"],
    "Shoigu": ["Shoigu"],
    "AP could not": ["AP", "could", "not"],
    "Caspian": ["Caspian"],
}


def _shown_links(page, base: str) -> list[str]:
    links = page.locator(".md-search-result__link:visible")
    return [
        href.replace(base, "").replace("?h=", "?").split("?")[0] + ("#" + href.split("#")[1] if "#" in href else "")
        for href in links.evaluate_all("links => links.map(a => a.href)")
    ]


@pytest.mark.parametrize("query", list(FIRST_RESULTS))
def test_a_readers_query_puts_its_claim_among_the_first_three_results(browse, query):
    page = browse.open(browse.http("index.html"), **WIDE)
    search(page, query)
    expected = FIRST_RESULTS[query]
    assert _shown_links(page, browse.http(""))[: len(expected)] == expected
    claim = page.locator(f".md-search-result__link[href*='#{expected[1].split('#')[1]}']")
    # the claim's result: the figure's words as its title, then claimant, status and its note's words
    title = claim.locator("h2")
    expect(title).to_have_text(re.compile(r"\d"))
    snippet = claim.locator("p").first
    expect(snippet).to_contain_text("Unverified")  # every claim of the table is unverified
    marked = snippet.locator("mark").all_inner_texts() + title.locator("mark").all_inner_texts()
    assert set(MARKED[query]) <= set(marked), marked
    # every marked word is a word of the query, whole (no "Notch" for "not")
    words = set(search_index.tokens(query))
    assert all(search_index.tokens(word)[0] in words for word in marked if search_index.tokens(word)), marked


def test_editor_pages_come_after_the_readers_pages(browse):
    page = browse.open(browse.http("index.html"), **WIDE)
    search(page, "tanker")
    pages = [link.split("#")[0] for link in _shown_links(page, browse.http(""))]
    first_editor = min(pages.index(p) for p in ("format.html", "performance.html", "engines.html") if p in pages)
    assert pages.index("data.html") < first_editor and pages.index(SEED) < first_editor
    assert pages[:2] == [SEED, SEED]  # the article, then its claim


def test_a_claim_result_opens_its_claim_from_the_offline_copy(browse):
    page = browse.open(browse.file("index.html"), **WIDE)
    search(page, "Caspian")
    claim = page.locator(".md-search-result__link[href*='#claim-caspian-launches']")
    expect(claim).to_have_attribute("href", re.compile(r"^file://.*\.html\?h=caspian#claim-caspian-launches$"))
    claim.click()
    page.wait_for_url(re.compile("#claim-caspian-launches$"))
    expect(page.locator("#claim-caspian-launches")).to_be_attached()


# ---- Claims of many articles: each result's address and byline made from its article's document ----

# Seven articles of nine claims: the index's chunks (32 documents) hold the claims of several
# articles, and the claims of the fourth article run from the first chunk into the second.
ARTICLES, CLAIMS = 7, 9
FOUND = (1, 2, 9)  # the claims whose note has the word searched (21 results: all shown)


def _said(a: int, c: int) -> str | None:
    if a == 2 and c == 2:
        return "2016-01-02"  # not the day the article's other claims were said
    if (a == 3 and c == 9) or (a == 5 and c != 1):
        return None  # the fifth article's claims mostly give no date, its first one does
    return "2015-11-20"


def _claims_file(a: int) -> str:
    lines = ["claims:"]
    for c in range(1, CLAIMS + 1):
        lines += [f"  - id: c{c}", f'    quote: "{100 * a + c} barges"', "    claimant: sergei-shoigu"]
        if c == 1:
            lines.append("    via: [russian-mod]")
        lines.append(f"    status: {['unverified', 'confirmed', 'disputed', 'false'][(a + c) % 4]}")
        if _said(a, c):
            lines.append(f"    said: {_said(a, c)}")
        word = " quokka" if c in FOUND else ""
        lines.append(f"    note: The count{word} of article {a}, figure {c}.")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def claims_site(tmp_path_factory):
    project = Project(tmp_path_factory.mktemp("claims") / "project")
    for a in range(1, ARTICLES + 1):
        counts = ", ".join(f"{100 * a + c} barges" for c in range(1, CLAIMS + 1))
        body = f"The report of day {a} counted {counts} on the river.\n"
        project.article(f"2015/claims-{a}", body, _claims_file(a), title=f"Barges on day {a}")
    yield from _built_and_served(project)


def _byline(a: int, c: int) -> str:
    chain = "Sergei Shoigu → Russian Ministry of Defence" if c == 1 else "Sergei Shoigu"
    status = ["? Unverified", "✓ Confirmed", "! Disputed", "✗ False"][(a + c) % 4]
    return f"{chain} · {status}" + (f" · said {_said(a, c)}" if _said(a, c) else "")


@pytest.mark.parametrize("copy", ["offline", "hosted"])
def test_each_claim_result_opens_its_own_articles_claim(browser, claims_site, copy):
    base, site = claims_site
    # the layout this test is about: claims of several articles in one chunk, claims in a chunk
    # after their article's
    docs = search_index.read(site)["docs"]
    article = {doc[0]: doc[3] for doc in docs if len(doc) > 3}
    chunk = search_index.CHUNK
    assert len({article[f"{100 * a + 1} barges"] for a in range(1, 5)}) == 4 and article["401 barges"] < chunk
    assert docs.index(next(d for d in docs if d[0] == "402 barges")) == chunk and article["402 barges"] < chunk
    context = browser.new_context(**WIDE)
    try:
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(base + "index.html" if copy == "hosted" else (site / "index.html").as_uri())
        search(page, "quokka")
        links = page.locator(".md-search-result__link[href*='#claim-']")
        expect(links).to_have_count(ARTICLES * len(FOUND))
        shown = links.evaluate_all(
            "links => links.map(a => [a.querySelector('h2').innerText, a.href, a.querySelector('p').innerText])"
        )
        expected = {
            f"{100 * a + c} barges": (f"articles/2015/claims-{a}.html?h=quokka#claim-c{c}", _byline(a, c))
            for a in range(1, ARTICLES + 1)
            for c in FOUND
        }
        for title, href, snippet in shown:
            link, byline = expected.pop(title)
            assert href.endswith("/" + link), (title, href)
            assert snippet.startswith(byline + " · The count quokka of article"), (title, snippet)
        assert not expected and not errors
    finally:
        context.close()
