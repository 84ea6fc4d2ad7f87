"""One claim in many articles (same-as): the shared claim's page, "also in" links, counts, suggestions and open data.

Built with the real mkdocs on the shipped archive (the seed and the Wikipedia article that relays its
"$1.5 million" figure) and on small fixtures.
"""

from __future__ import annotations

import csv
import io
import json
import time

import feedparser
from bs4 import BeautifulSoup
from conftest import html_tree
from note_parts import STATUS
from page_claimreviews import json_ld
from test_open_data import SEED, SITE_URL, annotations_of, seed_project, with_site_url

WIKI = "articles/2026/oil-production-and-smuggling-in-the-islamic-state"
SHARED = "shared/2015/russia-has-battered-isis-oil-this-week-now-putin-says-its/lost-revenue.html"


def soup(project, path: str) -> BeautifulSoup:
    return BeautifulSoup(project.page(path), "html.parser")


def test_the_shipped_chain_has_a_page_with_its_relay_as_a_timeline(project):
    seed_project(project, every_article=True)
    page = soup(project, SHARED).find("article")
    items = page.select("ol.na-timeline > li")
    assert [li.select_one("blockquote").get_text(strip=True) for li in items] == [
        "$1.5 million dollars in revenue per day",
        "US$1.5 million per day",
    ]
    first, second = items
    assert "First appearance" in first.get_text() and "2015-11-20" in first.get_text()
    assert "Industry News" in first.get_text() and "Russian Ministry of Defence" in first.get_text()
    assert "Relayed" in second.get_text() and "Wikipedia" in second.get_text()
    assert "An October 2015 estimate" in second.get_text() and "a month before the ministry" in second.get_text()
    # each appearance links to its figure in its article
    hrefs = [li.select_one(".na-timeline__article a")["href"] for li in items]
    assert hrefs == [
        "../../../" + SEED.removeprefix("articles/") + ".html#claim-lost-revenue",
        "../../../" + WIKI.removeprefix("articles/") + ".html#claim-income-per-day",
    ] or all(h.endswith(("#claim-lost-revenue", "#claim-income-per-day")) for h in hrefs)
    assert (project.site / SHARED).parent.joinpath(hrefs[1].split("#")[0]).resolve() == (
        project.site / (WIKI + ".html")
    ).resolve()
    verdict = page.find(id="verdict").find_next("p")
    assert "Unverified" in verdict.get_text() and "held once" in verdict.get_text()
    index = soup(project, "shared.html").find("article")
    (row,) = index.select("tbody tr")
    assert "$1.5 million dollars in revenue per day" in row.get_text() and "2015-11-20" in row.get_text()


def test_each_appearance_says_also_in_and_the_lists_count_the_claim_once(project):
    seed_project(project, every_article=True)
    for path, claim_id in ((SEED, "lost-revenue"), (WIKI, "income-per-day")):
        note = soup(project, path + ".html").find(id=f"note-{claim_id}")
        also = note.select_one("a.na-also-in")
        assert also.get_text() == "Also in 1 article"
        assert (project.site / path).parent.joinpath(also["href"]).resolve() == (project.site / SHARED).resolve()
        assert note["data-status"] == "unverified"
    # the linked claim holds no verdict of its own, yet shows the shared one
    wiki_note = soup(project, WIKI + ".html").find(id="note-income-per-day")
    assert "Unverified" in wiki_note.select_one(f":scope > {STATUS}").get_text()
    claims = soup(project, "claims.html").find("article")
    assert "All 16 claims" in claims.get_text()  # 17 claims in two articles, one of them carried by both
    assert claims.find("a", href="shared.html").get_text() == "1 claim"
    years = [html_tree(project.page(f"claims/{year}.html")).find("article") for year in (2015, 2026)]
    assert sum(len(year.select("a.na-also-in")) for year in years) == 2  # each appearance, on its year's page
    assert "All (16)" in " ".join(claims.get_text(" ").split())  # the status filter counts it once too
    unverified = html_tree(project.page("statuses/unverified.html")).find("article").get_text(" ")
    assert "14 claims have this status" in " ".join(unverified.split())  # 15 appearances, one claim twice


def test_a_claimant_page_and_the_home_page_count_a_shared_claim_once(project):
    body_a = "The ministry said ISIS lost $1.5 million a day in oil revenue.\n"
    body_b = "Moscow repeated that ISIS lost $1.5 million a day, the ministry said.\n"
    project.article(
        "2015/first",
        body_a,
        "claims:\n  - id: revenue\n    quote: $1.5 million a day\n    claimant: russian-mod\n"
        "    status: disputed\n    note: The ministry's figure.\n",
        published="2015-11-20",
    )
    project.article(
        "2015/second",
        body_b,
        "claims:\n  - id: revenue\n    quote: $1.5 million a day\n    claimant: russian-mod\n"
        "    note: Repeated without a source.\n    same-as: 2015/first#revenue\n",
        published="2015-11-22",
    )
    assert project.build().returncode == 0
    card = html_tree(project.page("claimants/russian-mod.html")).select_one("table.na-scorecard")
    assert card.select_one("tfoot td").get_text() == "1"
    disputed = [tr for tr in card.select("tbody tr") if "Disputed" in tr.get_text()][0]
    assert disputed.select("td")[0].get_text() == "1"
    home = soup(project, "index.html").find("article").get_text(" ")
    assert "1 claim" in " ".join(home.split())


def _two(project, second_published: str, extra: str = "", *, hands: str = "russian-mod\n    via: [associated-press]"):
    project.article(
        "2015/ministry",
        "The ministry said its aircraft destroyed 525 oil tanker trucks this week.\n",
        "claims:\n  - id: trucks\n    quote: 525 oil tanker trucks\n    claimant: russian-mod\n"
        "    figure: {value: 525, unit: oil tanker trucks destroyed}\n    status: unverified\n    note: A note.\n",
        published="2015-11-20",
    )
    project.article(
        "2015/wire",
        "Russia says 525 oil tanker trucks were hit.\n",
        f"claims:\n  - id: hit\n    quote: 525 oil tanker trucks\n    claimant: {hands}\n"
        f"    status: unverified\n    note: Relayed.\n{extra}",
        published=second_published,
    )


def test_check_suggests_the_same_figure_in_another_article_within_the_window(project):
    _two(project, "2015-11-23")
    check = project.cli("check")
    assert check.returncode == 0, check.stderr
    assert (
        "docs/articles/2015/wire.claims.yml:2: hit: may be the same claim as 2015/ministry#trucks "
        '("525 oil tanker trucks", same figure: 525 oil; same claimant) — if it is, add '
        "`same-as: 2015/ministry#trucks` to this claim (its status, evidence and checked go); if not, add "
        "`distinct-from: [2015/ministry#trucks]`"
    ) in check.stdout.splitlines()
    assert "Suggestions: 1 pair of claims" in check.stdout
    assert project.build().returncode == 0
    coverage = soup(project, "coverage.html").find(id="suggested-links").find_next("table")
    assert (
        "525 oil tanker trucks" in coverage.get_text() and "docs/articles/2015/wire.claims.yml:2" in coverage.get_text()
    )


def test_on_the_same_day_the_article_archived_later_is_told_to_link_to_the_earlier(project):
    # "a-copy" sorts before "ministry" by name: the archiving date, not the file name, decides.
    _two(project, "2015-11-20")
    copy = project.docs / "articles/2015/a-copy.md"
    text = (project.docs / "articles/2015/wire.md").read_text(encoding="utf-8")
    copy.write_text(text.replace("archived: 2026-11-24", "archived: 2026-12-07"), encoding="utf-8")
    (project.docs / "articles/2015/wire.md").unlink()
    (project.docs / "articles/2015/wire.claims.yml").rename(copy.with_name("a-copy.claims.yml"))
    lines = project.cli("check").stdout.splitlines()
    assert any(
        line.startswith("docs/articles/2015/a-copy.claims.yml:2: hit: may be the same claim as 2015/ministry#trucks")
        for line in lines
    ), lines
    assert not any(line.startswith("docs/articles/2015/ministry.claims.yml") for line in lines), lines


def test_a_dismissed_or_linked_or_distant_match_is_not_suggested(project):
    _two(project, "2015-11-23", "    distinct-from: [2015/ministry#trucks]\n")
    assert "Suggestions" not in project.cli("check").stdout
    (project.docs / "articles/2015/wire.claims.yml").unlink()
    (project.docs / "articles/2015/ministry.claims.yml").unlink()
    _two(project, "2016-03-01")  # more than a month later: a new claim more likely than a relay
    assert "Suggestions" not in project.cli("check").stdout
    _two(project, "2015-11-23", hands="associated-press")  # no hand in common: two outlets, one figure
    assert "Suggestions" not in project.cli("check").stdout
    _two(project, "2015-11-23", hands="sergei-shoigu")  # the minister and his ministry
    assert "same figure: 525 oil; claimants of one body" in project.cli("check").stdout
    linked = "    same-as: 2015/ministry#trucks\n"
    _two(project, "2015-11-23")
    path = project.docs / "articles/2015/wire.claims.yml"
    path.write_text(path.read_text().replace("    status: unverified\n", linked), encoding="utf-8")
    check = project.cli("check")
    assert check.returncode == 0 and "Suggestions" not in check.stdout, check.stdout + check.stderr


def test_near_identical_words_are_suggested_without_a_figure(project):
    project.article(
        "2015/one",
        "Officials said the convoy stretched beyond the horizon for dozens of kilometres.\n",
        "claims:\n  - id: convoy\n    quote: the convoy stretched beyond the horizon\n    claimant: russian-mod\n"
        "    status: unverified\n    note: A note.\n",
        published="2015-11-20",
    )
    project.article(
        "2015/two",
        "Putin said: The convoy stretched beyond the horizon.\n",
        "claims:\n  - id: convoy\n    quote: The convoy stretched beyond the horizon\n    claimant: russian-mod\n"
        "    status: unverified\n    note: A note.\n",
        published="2015-11-21",
    )
    check = project.cli("check")
    assert "two.claims.yml:2: convoy: may be the same claim as 2015/one#convoy" in check.stdout
    assert "the same words; same claimant" in check.stdout


def test_open_data_carry_the_shared_claim_with_all_its_appearances(project):
    seed_project(project, every_article=True)
    wiki_page, seed_page = SITE_URL + WIKI + ".html", SITE_URL + SEED + ".html"
    (review,) = [b for b in json_ld(project.page(WIKI + ".html")) if b["url"].endswith("#claim-income-per-day")]
    item = review["itemReviewed"]
    assert item["url"] == SITE_URL + SHARED
    assert [a["url"] for a in item["appearance"]] == [
        seed_page,
        "https://en.wikipedia.org/wiki/Oil_production_and_smuggling_in_the_Islamic_State",
        wiki_page,
    ]
    assert item["firstAppearance"]["url"] == seed_page  # the seed keeps no original address
    assert item["datePublished"] == "2015-11-20"  # undated on Wikipedia: made when it first appeared
    assert review["reviewRating"]["alternateName"] == "Unverified"
    (seed_review,) = [b for b in json_ld(project.page(SEED + ".html")) if b["url"].endswith("#claim-lost-revenue")]
    assert seed_review["itemReviewed"]["appearance"] == item["appearance"]
    records = {r["claim_id"]: r for r in json.loads(project.page("claims.json"))["claims"]}
    shared = records["income-per-day"]["shared"]
    assert shared == records["lost-revenue"]["shared"]
    assert shared["first_appearance"] == seed_page + "#claim-lost-revenue"
    assert shared["appearances"] == [seed_page + "#claim-lost-revenue", wiki_page + "#claim-income-per-day"]
    assert shared["page"] == SITE_URL + SHARED and records["income-per-day"]["status"] == "unverified"
    assert "shared" not in records["tanker-trucks"]
    rows = {r["claim_id"]: r for r in csv.DictReader(io.StringIO(project.page("claims.csv")))}
    assert rows["income-per-day"]["shared_claim"] == SITE_URL + SHARED
    assert rows["income-per-day"]["appearances"].split() == shared["appearances"]
    assert rows["tanker-trucks"]["shared_claim"] == ""
    annotations = annotations_of(project, WIKI + ".html")
    (annotation,) = [a for a in annotations if a["id"].endswith("#income-per-day")]
    assert {"type": "SpecificResource", "source": SITE_URL + SHARED, "purpose": "identifying"} in annotation["body"]


def test_the_feed_reports_a_shared_verdict_once(project):
    with_site_url(project)
    project.article(
        "2015/first",
        "The ministry said 525 oil tanker trucks were destroyed.\n",
        "claims:\n  - id: trucks\n    quote: 525 oil tanker trucks\n    claimant: russian-mod\n"
        "    status: disputed\n    checked: 2026-12-01\n    note: Disputed since.\n",
        published="2015-11-20",
    )
    project.article(
        "2015/second",
        "A wire story repeated it: 525 oil tanker trucks.\n",
        "claims:\n  - id: trucks\n    quote: 525 oil tanker trucks\n    claimant: russian-mod\n"
        "    note: Repeated.\n    same-as: 2015/first#trucks\n",
        published="2015-11-21",
    )
    assert project.build().returncode == 0
    feed = feedparser.parse(project.page("feed.xml"))
    verdicts = [e.link for e in feed.entries if "#claim-" in e.link]  # the others announce the articles
    assert verdicts == [SITE_URL + "articles/2015/first.html#claim-trucks"]


def test_suggestions_stay_cheap_at_scale():
    """10,000 claims sharing few figures: the index compares neighbours in time, never all pairs."""
    import datetime

    from hooks.archive import suggest
    from hooks.archive.model import Archive, Article, Claim

    articles = []
    for n in range(5000):
        day = datetime.date(2015, 1, 1) + datetime.timedelta(days=n % 700)
        body = f"Officials said {n % 50} oil tanker trucks and {n} barrels were counted.\n"
        article = Article(f"articles/x/{n}.md", "t", f"Outlet {n % 7}", day, "0" * 64, body, published=day)
        start = body.index(f"{n % 50} oil")
        claims = [Claim("a", f"{n % 50} oil tanker trucks", "c", "unverified", "n", 1, start=start, end=start + 20)]
        start = body.index(f"{n} barrels")
        claims.append(
            Claim("b", f"{n} barrels", "c", "unverified", "n", 2, start=start, end=start + len(f"{n} barrels"))
        )
        for claim in claims:
            claim.article = article
        article.claims = claims
        articles.append(article)
    archive = Archive(articles, {}, {})
    began = time.perf_counter()
    found = suggest.suggestions(archive)
    took = time.perf_counter() - began
    assert found and all(s.claim.article is not s.other.article for s in found)
    assert all(abs((s.claim.article.published - s.other.article.published).days) <= suggest.WINDOW_DAYS for s in found)
    assert len(found) <= suggest.PER_CLAIM * 10_000
    assert took < 10, took


def test_the_timeline_says_where_the_value_changed(project):
    project.article(
        "2015/ministry",
        "The ministry said its aircraft destroyed 525 oil tanker trucks this week.\n",
        "claims:\n  - id: trucks\n    quote: 525 oil tanker trucks\n    claimant: russian-mod\n"
        "    figure: {value: 525, unit: oil tanker trucks}\n    status: unverified\n    note: The count.\n",
        published="2015-11-20",
    )
    project.article(
        "2015/wire",
        "Russia says some 500 tanker trucks were hit.\n",
        "claims:\n  - id: hit\n    quote: some 500 tanker trucks\n    claimant: russian-mod\n"
        "    figure: {value: 500, unit: oil tanker trucks}\n    note: Rounded down.\n"
        "    same-as: 2015/ministry#trucks\n",
        published="2015-11-21",
    )
    assert project.build().returncode == 0
    page = soup(project, "shared/2015/ministry/trucks.html").find("article")
    first, second = page.select("ol.na-timeline > li")
    assert first.select_one(".na-timeline__changed") is None
    assert second.select_one(".na-timeline__changed").get_text() == (
        "Value changed: 525 oil tanker trucks → 500 oil tanker trucks"
    )
    assert "Rounded down." in second.get_text() and "some 500 tanker trucks" in second.get_text()
