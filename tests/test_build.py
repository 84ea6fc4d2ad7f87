"""Real `mkdocs build` runs on small archives, and what a reader gets in the HTML."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from zipfile import ZipFile

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, SEED_BODY, SEED_CLAIMS, html_tree
from note_parts import NUMBER
from page_claimreviews import json_ld

from hooks import engine
from hooks.archive.export.search_index import tokens
from hooks.archive.publish import offline

ARTICLE = "articles/a.html"


def soup(project, path=ARTICLE) -> BeautifulSoup:
    return BeautifulSoup(project.page(path), "html.parser")


def built(project):
    result = project.build()
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result


def test_each_claim_is_marked_with_its_exact_words_and_has_its_note(project):
    project.article(
        "a", SEED_BODY, SEED_CLAIMS, title="Oil strikes", published="2015-11-20", url="https://example.org/x"
    )
    built(project)
    page = soup(project)
    trucks = page.find(id="claim-tanker-trucks")
    assert trucks.get_text() == "525 oil tanker trucks"
    assert trucks["data-status"] == "unverified"
    # a button (described by its note) only once archive.js runs: without it a click does nothing
    assert not {"role", "tabindex", "aria-describedby"} & set(trucks.attrs)
    militants = page.find(id="claim-militants-killed")
    assert militants.get_text() == "over 600 militants killed" and militants["data-status"] == "disputed"

    notes = page.select("aside.na-note")
    note = page.find(id="note-tanker-trucks")
    text = " ".join(note.get_text(" ").split())
    for expected in (
        "Sergei Shoigu",
        "Russia's defence minister",
        "Russian Ministry of Defence",
        "Test Outlet",
        "Unverified",
    ):
        assert expected in text
    assert text.index("Sergei Shoigu") < text.index("Russian Ministry of Defence") < text.index("Test Outlet")
    assert "Shoigu's figure; the article gives no independent check." in text
    # the note stands right after the paragraph of its figure
    assert note.find_previous_sibling("p") is trucks.find_parent("p")
    other = page.find(id="note-militants-killed")
    assert other.find("em").get_text() == "independently"
    assert "The Associated Press" in other.get_text()

    provenance = page.find(class_="na-provenance").get_text(" ")
    sha = project.docs.joinpath("articles/a.md").read_text().split("sha256: ")[1][:64]
    for expected in ("Test Outlet", "2015-11-20", "https://example.org/x", "2026-11-24", sha):
        assert expected in provenance
    # numbered in the order of the text, each number its permalink
    numbers = [(a.get_text(), a["href"]) for a in (n.select_one(f":scope > {NUMBER}") for n in notes)]
    assert numbers == [("1", "#claim-tanker-trucks"), ("2", "#claim-militants-killed")]


def test_the_archived_text_is_unchanged_once_annotations_are_removed(project):
    body = "Line one of\na paragraph with 525 oil tanker trucks.\n\n  Indented “quote” & <b>tags</b> stay text.\n"
    claims = (
        "claims:\n  - id: t\n    quote: 525 oil tanker trucks\n    claimant: russian-mod\n"
        "    status: unverified\n    note: x\n"
    )
    project.article("a", body, claims)
    built(project)
    text = soup(project).find(class_="na-text")
    for element in text.select(".na-note, .na-ref"):
        element.decompose()
    paragraphs = [p.get_text() for p in text.find_all("p")]
    assert paragraphs == [
        "Line one of\na paragraph with 525 oil tanker trucks.",
        "Indented “quote” & <b>tags</b> stay text.\n",
    ]


def test_indexes_claimant_and_status_pages(project):
    project.article("a", SEED_BODY, SEED_CLAIMS, title="Oil strikes")
    built(project)
    claims = soup(project, "claims.html")
    assert "All 2 claims" in claims.get_text()
    # the filters: each status's page with its count, and the years and outlets
    counts = {a["href"]: a.get_text(" ", strip=True) for a in claims.select(".na-filters a")}
    assert counts["statuses/unverified.html"] == "? Unverified (1)" and counts["statuses/false.html"] == "✗ False (0)"
    assert counts["claims/2026.html"] == "2026 (2)" and counts["outlets/test-outlet.html"] == "Test Outlet (2)"
    assert claims.select_one(".na-filters [aria-current]").get_text(" ", strip=True) == "All (2)"
    assert not claims.select("table.na-claims")  # the hub leads to the claims: each is on its year's page
    assert [a["href"] for a in claims.select(".na-years th a")] == ["claims/2026.html"]
    year = html_tree(project.page("claims/2026.html"))
    assert year.select_one(".na-filters [aria-current]").get_text(" ", strip=True) == "2026 (2)"
    # grouped by article in one table: the headline once, with outlet and date, heading its claims
    (table,) = year.select("table.na-claims")
    (group,) = table.select("tbody")
    head = group.select_one("th[scope=rowgroup]")
    assert head.a.get_text() == "Oil strikes" and head["colspan"] == "5"
    assert head.span.get_text(" ", strip=True) == "Test Outlet · archived 2026-11-24"
    assert [th.get_text() for th in table.select("thead th")] == ["Figure", "Status", "Claimant", "Relayed by", "Said"]
    rows = group.select("tr")[1:]
    assert len(rows) == 2 and "Russian Ministry of Defence" in rows[0].get_text()
    status = rows[0].select("td")[1]
    assert (status["data-status"], status.get_text()) == ("unverified", "Unverified")
    assert [td.get_text() for td in rows[1].select("td")][1:] == [
        "Disputed",
        "Sergei Shoigu",
        "The Associated Press",
        "—",
    ]
    link = year.find("a", string="525 oil tanker trucks")
    assert link["href"] == "../articles/a.html#claim-tanker-trucks"

    shoigu_page = html_tree(project.page("claimants/sergei-shoigu.html"))
    shoigu = shoigu_page.get_text(" ")
    assert "2 claims made, 0 relayed" in shoigu and "525 oil tanker trucks" in shoigu
    card = {
        tr.th.get_text(" ", strip=True): [td.get_text() for td in tr.find_all("td")]
        for tr in shoigu_page.select(".na-scorecard tr")
        if tr.td
    }
    assert card["Unverified"] == ["1", "0"] and card["Disputed"] == ["1", "0"] and card["All"] == ["2", "0"]
    empty = html_tree(project.page("statuses/false.html")).select_one(".na-empty")
    assert "No claim of the archive is false yet" in empty.get_text()
    assert empty.find("a")["href"] == "../methodology.html#statuses"
    ministry = html_tree(project.page("claimants/russian-mod.html")).get_text(" ")
    assert "0 claims made, 1 relayed" in ministry and "Claims relayed" in ministry
    assert "Sergei Shoigu" in ministry  # affiliated people are listed
    disputed = html_tree(project.page("statuses/disputed.html")).get_text(" ")
    assert "over 600 militants killed" in disputed and "525 oil tanker trucks" not in disputed
    home = " ".join(soup(project, "index.html").get_text(" ").split())
    assert "1 article · 2 claims ·" in home and "1 articles" not in home
    # "most cited": only claimants who made a claim (the ministry only relayed one)
    cited = [li.get_text(" ", strip=True) for li in soup(project, "index.html").select("#claimants + ul li")]
    assert cited == ["Sergei Shoigu : 2 claims"], cited


def _archive_index(project):
    from hooks.archive.export import search_index

    return search_index.read(project.site)


def test_search_finds_the_article_by_figure_claimant_and_note(project):
    project.article("a", SEED_BODY, SEED_CLAIMS, title="Oil strikes")
    built(project)
    index = _archive_index(project)
    article = next(i for i, doc in enumerate(index["docs"]) if doc[1] == ARTICLE)
    assert index["docs"][article][0] == "Oil strikes"
    for words in ("525", "Shoigu", "oil strikes"):
        for term in tokens(words):
            postings = index["shards"][term[:2]][term]
            assert article in [doc for doc, _ in postings], term
    # each claim is a document of its own, right after its article: found by its claimant and its note
    claims = [i for i, doc in enumerate(index["docs"]) if doc[1].startswith(ARTICLE + "#claim-")]
    assert claims == [article + 1, article + 2]
    for term in tokens("Sergei Shoigu"):
        assert set(claims) <= {doc for doc, _ in index["shards"][term[:2]][term]}, term
    assert claims[1] in {doc for doc, _ in index["shards"]["in"]["independently"]}  # the AP's note
    # a word of the title weighs more than one of the text
    (_, oil), *_ = (p for p in index["shards"]["oi"]["oil"] if p[0] == article)
    (_, shoigu), *_ = (p for p in index["shards"]["sh"]["shoigu"] if p[0] == article)
    assert oil > shoigu


def test_article_pages_do_not_grow_with_the_archive(project):
    project.article("a", SEED_BODY, SEED_CLAIMS)
    built(project)
    alone = len(project.page(ARTICLE))
    for n in range(60):
        project.article(f"more/article-{n:03}", SEED_BODY, title=f"Another article {n}")
    built(project)
    page = project.page(ARTICLE)
    assert "article-059" not in page and "Another article" not in page
    assert abs(len(page) - alone) < 200, (alone, len(page))


def test_a_failed_build_leaves_the_previous_site_byte_for_byte(project):
    project.article("a", SEED_BODY, SEED_CLAIMS)
    built(project)
    before = {p: p.read_bytes() for p in project.site.rglob("*") if p.is_file()}
    sidecar = project.docs / "articles" / "a.claims.yml"
    sidecar.write_text(SEED_CLAIMS.replace("525 oil", "526 oil").replace("status: disputed", "status: disputd"))
    result = project.build()
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert 'a.claims.yml:3: tanker-trucks: quote "526 oil tanker trucks" is not in the article text' in result.stderr
    assert 'a.claims.yml:12: militants-killed: unknown status "disputd"' in result.stderr
    after = {p: p.read_bytes() for p in project.site.rglob("*") if p.is_file()}
    assert after == before


def test_a_rebuild_leaves_none_of_the_previous_sites_files_but_its_hidden_ones(project):
    # The previous build's files are set aside and removed while the next one runs
    # (publish/previous.py): the site must be what MkDocs's own cleaning would leave.
    project.article("a", SEED_BODY, SEED_CLAIMS)
    project.article("b", "Nothing to see.\n")
    built(project)
    (project.docs / "articles" / "b.md").unlink()
    (project.site / "stray.html").write_text("old")
    (project.site / "articles" / "old").mkdir()
    (project.site / "articles" / "old" / "x.html").write_text("old")
    (project.site / ".keep").write_text("mine")  # hidden: MkDocs never removes those
    (project.site / ".previous-build-stopped").mkdir()  # what a build killed meanwhile left
    (project.site / ".previous-build-stopped" / "page.html").write_text("old")
    built(project)
    files = sorted(p.relative_to(project.site).as_posix() for p in project.site.rglob("*") if p.is_file())
    assert "articles/a.html" in files and "articles/b.html" not in files
    assert not [name for name in files if "old" in name.split("/") or name.startswith((".previous", "stray"))]
    assert (project.site / ".keep").read_text() == "mine"
    zipped = ZipFile(project.site / offline.ZIP_NAME).namelist()
    assert sorted(name.split("/", 1)[1] for name in zipped) == sorted(
        {*files, offline.MANIFEST} - {offline.ZIP_NAME, offline.CHECKSUM_NAME}
    )


def test_a_dirty_build_keeps_the_previous_sites_files(project):
    project.article("a", SEED_BODY, SEED_CLAIMS)
    built(project)
    (project.site / "stray.html").write_text("old")
    result = subprocess.run(
        engine.command("build", "--dirty", "-f", str(project.config)), capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert (project.site / "stray.html").read_text() == "old"
    assert not list(project.site.glob(".previous-build-*"))


HOSTILE = '<script>alert("t")</script><img src=x onerror=alert(1)>'


def test_hostile_title_text_and_notes_are_shown_inert(project):
    body = f"Text with {HOSTILE} and 525 oil tanker trucks.\n\n<iframe src=javascript:alert(2)></iframe>\n"
    claims = (
        "claims:\n  - id: t\n    quote: 525 oil tanker trucks\n    claimant: russian-mod\n    status: unverified\n"
        f"    note: 'See {HOSTILE} and [this](https://example.org/ok \"<b>\") **now**'\n"
    )
    project.article("a", body, claims, title="'" + HOSTILE + "'", outlet="'\"><script>alert(3)</script>'")
    built(project)
    html = project.page(ARTICLE)
    page = BeautifulSoup(html, "html.parser")
    content = page.find(class_="na-article")
    assert not content.find_all(["script", "img", "iframe"])
    assert not [tag for tag in content.find_all(True) if any(a.startswith("on") for a in tag.attrs)]
    assert HOSTILE in content.find("h1").get_text()  # shown, as text
    assert HOSTILE in content.find(class_="na-text").get_text()
    note = content.find(id="note-t")
    assert HOSTILE in note.get_text() and note.find("strong").get_text() == "now"
    assert note.find("a", string="this")["href"] == "https://example.org/ok"
    # nothing from content reaches the page's head or scripts either
    assert page.find("title").get_text().startswith(HOSTILE)
    code = [s for s in page.find_all("script") if s.get("type") != "application/json"]
    assert all("alert" not in (s.string or "") for s in code)
    # the ClaimReview data is data: it carries the hostile words, escaped so they cannot end its element
    (data,) = page.find_all("script", type="application/json", id="na-claimreviews")
    assert "<" not in data.string
    (review,) = json_ld(str(page))
    assert review["claimReviewed"].endswith("onerror=alert(1)> and 525 oil tanker trucks.")


def test_a_fresh_import_builds_at_once_with_its_figures_uncovered(project):
    seed = next((ROOT.parent / "shared" / "seeds").glob("*.txt"), None)
    if seed is None:
        pytest.skip("the shared seed article is not beside the project")
    result = project.cli("import", str(seed), "--outlet", "Industry News")
    assert result.returncode == 0, result.stderr
    article, raw, sidecar = (Path(line) for line in result.stdout.split())
    assert (article.suffix, raw.suffix, sidecar.name.endswith(".claims.yml")) == (".md", ".txt", True)
    assert raw.read_bytes() == seed.read_bytes()
    again = project.cli("import", str(seed), "--outlet", "Industry News")
    assert again.returncode == 1 and "already archives this text" in again.stderr
    assert raw.read_bytes() == seed.read_bytes()
    build = built(project)
    assert "14 figures not annotated" in build.stderr  # and two dates, listed but not counted
    page = soup(project, article.relative_to(project.docs).with_suffix(".html").as_posix())
    assert [s.get_text() for s in page.select(".na-uncovered")][:3] == ["15", "525", "60,000"]
    assert "Russia Has Battered #isis #oil" in page.find("h1").get_text()
    assert "2015-11-20" in page.find(class_="na-provenance").get_text()
    assert "525 oil tanker trucks" in soup(project, "coverage.html").get_text()


def test_the_real_archive_builds_strict_with_every_figure_covered(tmp_path):
    import subprocess

    site = tmp_path / "site"
    result = subprocess.run(
        engine.command("build", "--strict", "-d", str(site)), cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    [article] = site.glob("articles/2015/*.html")
    page = BeautifulSoup(article.read_text(encoding="utf-8"), "html.parser")
    claims = page.select(".na-claim")
    notes = page.select(".na-note")
    assert len(claims) == len(notes) == 11
    assert not page.select(".na-uncovered")
    assert page.find(id="claim-tanker-trucks").get_text() == "525 oil tanker trucks"
    raw = page.find("a", string=lambda s: s and s.endswith(".txt"))
    assert (article.parent / raw["href"]).read_bytes() == next((ROOT / "docs/articles/2015").glob("*.txt")).read_bytes()


def test_generated_pages_leave_materials_search_for_the_archives_index(project):
    project.article("a", SEED_BODY, SEED_CLAIMS, title="Oil strikes")
    built(project)
    material = json.loads(project.page("search/search_index.json"))
    pages = {d["location"].split("#")[0] for d in material["docs"]}
    # Material's index: the hand-written pages only
    assert pages == {"methodology.html", "format.html", "data.html", "performance.html", "engines.html"}
    index = _archive_index(project)
    locations = [doc[1] for doc in index["docs"]]
    assert locations[0] == ARTICLE and {"index.html", "claimants.html", "statuses.html"} <= set(locations)
    for listed in ("claims.html", "statuses/unverified.html", "claimants/sergei-shoigu.html", "coverage.html"):
        assert listed not in locations
    assert index["meta"]["docs"] == len(locations)
    # what is not searched: provenance
    for term in ("sha", "256"):
        assert ARTICLE not in [locations[d] for d, _ in index["shards"].get(term[:2], {}).get(term, [])], term
    # the page itself is the full annotated page
    page = soup(project)
    assert page.find(class_="na-verdict") and page.find(class_="na-provenance")
    assert len(page.select("aside.na-note")) == 2


def test_the_builds_shortcuts_do_not_change_a_byte(project, monkeypatch):
    # overrides/partials/nav.html and tabs.html render the navigation once per folder for the
    # pages kept out of it, and generated pages skip MkDocs's Markdown pass (they have none):
    # every page must come out as if each had been rendered in full.
    project.article("2015/seed", SEED_BODY, SEED_CLAIMS)
    project.article("2016/other", SEED_BODY.replace("525", "526"), title="Another article")
    project.article("top", SEED_BODY.replace("525", "527"), title="A third article")
    assert project.build().returncode == 0
    shared = {p.relative_to(project.site): p.read_bytes() for p in project.site.rglob("*.html")}
    monkeypatch.setenv("ARCHIVE_NO_SHORTCUTS", "1")
    assert project.build().returncode == 0
    alone = {p.relative_to(project.site): p.read_bytes() for p in project.site.rglob("*.html")}
    assert shared.keys() == alone.keys() and len(shared) > 10
    for path, html in alone.items():
        assert shared[path] == html, path
    # the navigation really is on the shared pages, with links that work from their folder
    article = BeautifulSoup(shared[Path("articles/2016/other.html")], "html.parser")
    methodology = article.select_one('nav.md-nav--primary a[href$="methodology.html"]')
    assert methodology is not None and methodology["href"] == "../../methodology.html"


def test_the_site_is_built_by_the_engine_the_tests_chose(project):
    # .ci/run runs these tests twice: with MkDocs, and with ARCHIVE_ENGINE=properdocs.
    project.article("a", SEED_BODY, SEED_CLAIMS)
    built(project)
    generator = BeautifulSoup(project.page(ARTICLE), "html.parser").find("meta", attrs={"name": "generator"})
    expected = {"mkdocs": "mkdocs-1.6.1,", "properdocs": "mkdocs-ProperDocs 1.6.7,"}[engine.engine()]
    assert generator["content"].startswith(expected), generator


@pytest.mark.parametrize("claims", [None, "claims: []\n", "# nothing yet\n"])
def test_a_markdown_article_without_claims_shows_its_text(project, claims):
    body = "A *Markdown* text about 525 oil tanker trucks.\n\nA second paragraph.\n"
    project.article("a", body, claims, format="markdown")
    built(project)
    text = BeautifulSoup(project.page("articles/a.html"), "html.parser").select_one("[data-archived-text]")
    assert text.get_text(" ", strip=True) == "A Markdown text about 525 oil tanker trucks. A second paragraph."
    assert text.find("em").get_text() == "Markdown"


def test_a_markdown_articles_notes_stand_between_its_blocks_never_inside_a_list_or_quote(project):
    body = (
        "Shoigu listed the results:\n\n1. more than 800 targets\n2. 522 missions, of which:\n"
        "    * 101 cruise missiles\n\n> Quoted: 525 oil tanker trucks.\n\nThe end.\n"
    )
    claims = "".join(
        f"  - id: c{n}\n    quote: {quote}\n    claimant: russian-mod\n    status: unverified\n    note: A note.\n"
        for n, quote in enumerate(("800 targets", "101 cruise missiles", "525 oil tanker trucks"))
    )
    project.article("a", body, "claims:\n" + claims, format="markdown")
    built(project)
    text = BeautifulSoup(project.page("articles/a.html"), "html.parser").select_one(".na-text")
    # every note a child of the text, after the list (or the quote) that holds its figure
    assert [aside.parent is text for aside in text.find_all("aside")] == [True, True, True]
    assert not text.select("ol > aside, ul > aside, blockquote aside")
    order = [child.name for child in text.find_all(recursive=False)]
    assert order == ["p", "ol", "aside", "aside", "blockquote", "aside", "p"], order
    assert text.find("ol").find("ul").find(class_="na-claim").get_text() == "101 cruise missiles"
