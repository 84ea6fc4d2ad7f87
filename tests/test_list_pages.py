"""Long lists are split into pages of PAGE_SIZE rows (CLAIMS_PAGE_SIZE claims), each page linked from the
others; a claims table is one table, a row group per article."""

from __future__ import annotations

import datetime
import re

from conftest import html_tree

from hooks.archive.model import Archive, Article, Claim, Claimant, Status
from hooks.archive.render import filters, listing, tables
from hooks.archive.render import lists as pages


def _archive(claims: int) -> Archive:
    body = " ".join(f"{n} trucks." for n in range(1, claims + 1))
    article = Article("articles/a.md", "A", "Outlet", datetime.date(2026, 1, 1), "0" * 64, body)
    position = 0
    for n in range(1, claims + 1):
        quote = f"{n} trucks"
        position = body.index(quote, position)
        article.claims.append(
            Claim(
                f"c{n}",
                quote,
                "who",
                "unverified",
                "",
                None,
                start=position,
                end=position + len(quote),
                number=n,
                article=article,
            )
        )
        position += len(quote)
    statuses = {"unverified": Status("unverified", "Unverified", "#999", "?", 3, "Not checked yet.")}
    return Archive([article], {"who": Claimant("who", "Who", "organisation")}, statuses)


def test_a_years_claims_are_split_into_linked_pages_and_the_hub_lists_no_claim():
    claims = 2 * listing.CLAIMS_PAGE_SIZE + 1
    built = {page.src: page for page in pages.list_pages(_archive(claims))}
    # the claims hub is one page: every claim is on its year's pages (and its status's, its outlet's)
    assert not [src for src in built if re.fullmatch(r"claims_\d+\.md", src)]
    hub = built["claims.md"].html()
    assert "#claim-" not in hub and f"All {claims} claims" in hub
    assert f'href="claims/2026.html">2026</a></th><td>{claims}</td>' in hub
    assert all(f'href="claims/2026{suffix}.html"' in hub for suffix in ("", "_2", "_3"))
    listed = [src for src in built if re.fullmatch(r"claims/2026(_\d+)?\.md", src)]
    assert listed == ["claims/2026.md", "claims/2026_2.md", "claims/2026_3.md"]
    rows = [built[src].html().count("<tr><td>") for src in listed]
    assert rows == [listing.CLAIMS_PAGE_SIZE, listing.CLAIMS_PAGE_SIZE, 1]
    second = built["claims/2026_2.md"].html()
    assert 'href="2026.html">1</a>' in second and 'href="2026_3.html">3</a>' in second
    assert '<span aria-current="page">2</span>' in second
    # every claim is on exactly one page of its year
    quotes = re.findall(r"#claim-c(\d+)\">", "".join(built[src].html() for src in listed))
    assert sorted(map(int, quotes)) == list(range(1, claims + 1))


def test_a_claims_table_is_one_table_with_a_row_group_per_article():
    archive = _archive(3)
    second = Article("articles/b.md", "B <i>", "Other", datetime.date(2025, 5, 6), "0" * 64, "4 trucks.")
    claim = Claim("d", "4 trucks", "who", "unverified", "", None, start=0, end=8, number=1, article=second)
    second.claims.append(claim)
    html = listing.claims_table(archive, [*archive.articles[0].claims, claim], "claims/2026.md")
    assert html.count("<table") == 1 and html.count("<thead>") == 1 and html.count("<tbody>") == 2
    # read as a browser reads it: the cells', rows' and groups' end tags are left out
    table = html_tree(html).table
    heads = [th.decode_contents() for th in table.select('tbody > tr > th[colspan="5"][scope="rowgroup"]')]
    assert heads == [
        '<a href="../articles/a.html">A</a> <span>Outlet · archived 2026-01-01</span>',
        '<a href="../articles/b.html">B &lt;i&gt;</a> <span>Other · archived 2025-05-06</span>',
    ]
    # a status is its label with its id (the stylesheet draws its symbol), a date its ISO text
    statuses = [(td["data-status"], td.decode_contents()) for td in table.select("tbody > tr > td[data-status]")]
    assert statuses == [("unverified", "Unverified")] * 4 and "<time" not in html
    without = listing.claims_table(archive, [claim], "x.md", show_status=False, show_claimant=False)
    names = [th.decode_contents() for th in html_tree(without).select('thead > tr > th[scope="col"]')]
    assert names == ["Figure", "Relayed by", "Said"]
    assert 'colspan="3"' in without and "data-status" not in without


def test_the_status_stylesheet_draws_each_symbol_with_an_empty_alternative():
    css = tables.status_css(_archive(1))
    assert '[data-status="unverified"]{--na-status:#999;--na-symbol:"\\3f ";--na-label:"' in css
    # a label or symbol can never end its string, nor the rule
    assert tables.css_string('Fal"se}{x') == '"Fal\\22 se\\7d \\7b x"'


def test_outlets_get_distinct_file_names_and_plurals_are_right():
    slugs = filters._slugs(["Foo", "Foo!", "Foo 2", "Ünïcode Néws", "東京"])
    assert len(set(slugs.values())) == 5 and all(re.fullmatch(r"[a-z0-9-]+", s) for s in slugs.values())
    assert slugs["Ünïcode Néws"] == "unicode-news" and slugs["Foo"] == "foo"
    assert re.fullmatch(r"outlet-[0-9a-f]{8}", slugs["東京"]) and re.fullmatch(r"foo-[0-9a-f]{8}", slugs["Foo!"])
    # An outlet's address stays when others come: a citation of it keeps working.
    assert (
        filters._slugs(["東京", "日本", "Outlet", "Zeitung"])["東京"]
        == filters._slugs(["東京"])["東京"]
        == slugs["東京"]
    )
    assert filters._slugs(["Outlet"])["Outlet"] == "outlet"
    assert (pages.plural(1, "article"), pages.plural(2, "article"), pages.plural(0, "claim")) == (
        "1 article",
        "2 articles",
        "0 claims",
    )


def test_year_and_outlet_pages_are_split_like_the_index():
    built = {page.src: page for page in pages.list_pages(_archive(listing.CLAIMS_PAGE_SIZE + 1))}
    assert {"claims/2026.md", "claims/2026_2.md", "outlets/outlet.md", "outlets/outlet_2.md"} <= set(built)
    assert built["claims/2026_2.md"].html().count("<tr><td>") == 1


def test_on_a_claimants_page_the_claimant_is_named_in_the_chain_but_not_linked_to_itself():
    archive = _archive(2)
    archive.claimants["relay"] = Claimant("relay", "The Relay", "outlet")
    archive.claimants["wire"] = Claimant("wire", "The Wire", "outlet")
    archive.articles[0].claims[0].via[:] = ["wire", "relay"]
    built = {page.src: page for page in pages.list_pages(archive)}
    relayed = html_tree(built["claimants/relay.md"].html()).select("table.na-claims > tbody > tr > td")
    # Figure, Status, Claimant, Relayed by, Said: the chain in its order, the page's own name as text
    assert relayed[3].decode_contents() == '<a href="wire.html">The Wire</a>, The Relay'
    # everywhere else it links to the claimant's page
    year = built["claims/2026.md"].html()
    assert '<a href="../claimants/wire.html">The Wire</a>, <a href="../claimants/relay.html">The Relay</a>' in year
