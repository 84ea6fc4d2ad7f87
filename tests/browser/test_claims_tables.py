"""The claims tables of the list pages as Chromium reads them.

Their cells, rows and row groups are written without the end tags HTML lets a page leave out
(listing.claims_table): the table a reader gets must be the one the markup means, on every list
page of the build: a row group per article headed by its headline across the whole table, then a
row per claim whose cells stand under their columns, its figure linking to that claim in its article.
"""

from __future__ import annotations

import re

from .conftest import site_pages

WIDE = {"viewport": {"width": 1440, "height": 900}}
LISTS = ("claims/", "statuses/", "outlets/", "claimants/")

# Each claims table of the page as the browser built it: its element children, each row's cells
# with where they stand, and each cell's links.
TABLES = """() => [...document.querySelectorAll('table.na-claims')].map(table => {
    const cell = c => { const box = c.getBoundingClientRect();
        return {tag: c.tagName, scope: c.getAttribute('scope'), span: c.colSpan, status: c.dataset.status || null,
                text: c.textContent.trim(), left: box.left, right: box.right,
                links: [...c.querySelectorAll('a')].map(a => ({href: a.href, text: a.textContent}))}; };
    const rows = section => [...section.rows].map(r => ({children: [...r.children].map(e => e.tagName),
                                                         cells: [...r.cells].map(cell)}));
    return {children: [...table.children].map(e => e.tagName),
            head: rows(table.tHead),
            groups: [...table.tBodies].map(b => ({children: [...b.children].map(e => e.tagName), rows: rows(b)}))};
})"""


def _claim_marks(page, url: str) -> dict[str, str]:
    """The figures of the article at url: {claim id: its words as the page shows them}."""
    page.goto(url)
    marks = page.eval_on_selector_all(".na-text .na-claim[id^='claim-']", "els => els.map(e => [e.id, e.textContent])")
    return {id.removeprefix("claim-"): words for id, words in marks}


def _lined_up(cell, column) -> bool:
    return abs(cell["left"] - column["left"]) < 1 and abs(cell["right"] - column["right"]) < 1


def test_every_list_pages_claims_table_is_read_as_rows_under_their_columns_linking_their_claims(browse, site):
    pages = [path for path in site_pages(site) if path.startswith(LISTS)]
    assert {path.split("/")[0] for path in pages} == {folder.rstrip("/") for folder in LISTS}
    page = browse.context(**WIDE).new_page()
    page.on("pageerror", lambda error: browse.errors.append(str(error)))
    tables, rows = {}, 0
    for path in pages:
        page.goto(browse.http(path))
        tables[path] = page.evaluate(TABLES)
    articles = page.context.new_page()
    articles.on("pageerror", lambda error: browse.errors.append(str(error)))
    marks: dict[str, dict[str, str]] = {}  # article URL: its figures
    on_year_pages = []
    for path, found in tables.items():
        for table in found:
            # a head row then a row group per article, nothing else (no row or text outside them)
            assert table["children"][0] == "THEAD" and set(table["children"][1:]) == {"TBODY"}, path
            (head,) = table["head"]
            columns = head["cells"]
            names = [c["text"] for c in columns]
            assert names[0] == "Figure" and names[-2:] == ["Relayed by", "Said"], (path, names)
            assert {c["tag"] for c in columns} == {"TH"} and {c["scope"] for c in columns} == {"col"}, path
            for group in table["groups"]:
                assert set(group["children"]) == {"TR"}, path
                title, *claims = group["rows"]
                # the headline: one cell heading the group, across the whole table
                (heading,) = title["cells"]
                assert (heading["tag"], heading["scope"], heading["span"]) == ("TH", "rowgroup", len(columns)), path
                assert _lined_up(heading, {"left": columns[0]["left"], "right": columns[-1]["right"]}), path
                article = heading["links"][0]["href"]
                assert "#" not in article and article.endswith(".html"), (path, article)
                assert claims, (path, article)
                for row in claims:
                    cells = row["cells"]
                    assert row["children"] == ["TD"] * len(columns), (path, row)
                    assert all(_lined_up(c, column) for c, column in zip(cells, columns, strict=True)), (path, row)
                    by_name = dict(zip(names, cells, strict=True))
                    # the figure: its words, linking to that claim in the article the group heads
                    figure = by_name["Figure"]["links"][0]
                    assert figure["href"].startswith(article + "#claim-"), (path, figure, article)
                    if article not in marks:
                        marks[article] = _claim_marks(articles, article)
                    claim = figure["href"].split("#claim-", 1)[1]
                    assert marks[article].get(claim) == figure["text"], (path, figure)
                    if "Status" in by_name:
                        assert by_name["Status"]["status"] and by_name["Status"]["text"], (path, row)
                    if "Claimant" in by_name:
                        assert "/claimants/" in by_name["Claimant"]["links"][0]["href"], (path, row)
                    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}|—", by_name["Said"]["text"]), (path, row)
                    if path.startswith("claims/"):
                        on_year_pages.append((article, claim))
                    rows += 1
    assert rows >= 30 and len(marks) >= 2
    # the years' pages list every claim of every article, each once
    assert sorted(on_year_pages) == sorted((article, claim) for article, figures in marks.items() for claim in figures)


def test_the_filter_bars_rows_start_their_values_in_one_column(browse, site):
    page = browse.open(browse.http("statuses/unverified.html"), **WIDE)
    starts = page.eval_on_selector_all(
        ".na-filters .na-filters__row",
        "rows => rows.map(r => [r.querySelector('.na-filters__name').textContent, r.querySelector("
        "'.na-filters__name ~ * a, .na-filters__name ~ a, [aria-current]').getBoundingClientRect().left])",
    )
    assert len(starts) >= 4, starts  # status, year, outlet, claimant
    assert max(x for _, x in starts) - min(x for _, x in starts) < 1, starts
