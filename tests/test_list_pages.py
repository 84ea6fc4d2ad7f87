"""Long lists are split into pages of PAGE_SIZE rows, each page linked from the others."""

from __future__ import annotations

import datetime
import re

from hooks.archive.model import Archive, Article, Claim, Claimant, Status
from hooks.archive.render import filters, listing
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


def test_the_claims_index_is_split_into_linked_pages_of_page_size_rows():
    claims = 2 * listing.PAGE_SIZE + 1
    built = {page.src: page for page in pages.list_pages(_archive(claims))}
    listed = [src for src in built if re.fullmatch(r"claims(_\d+)?\.md", src)]
    assert listed == ["claims.md", "claims_2.md", "claims_3.md"]
    rows = [built[src].html().count("<tr><td>") for src in listed]
    assert rows == [listing.PAGE_SIZE, listing.PAGE_SIZE, 1]
    second = built["claims_2.md"].html()
    assert 'href="claims.html">1</a>' in second and 'href="claims_3.html">3</a>' in second
    assert '<span aria-current="page">2</span>' in second
    # every claim is on exactly one page of the index
    quotes = re.findall(r"#claim-c(\d+)\">", "".join(built[src].html() for src in listed))
    assert sorted(map(int, quotes)) == list(range(1, claims + 1))


def test_outlets_get_distinct_file_names_and_plurals_are_right():
    slugs = filters._slugs(["Foo", "Foo!", "Foo 2", "Ünïcode Néws", "東京"])
    assert len(set(slugs.values())) == 5 and all(re.fullmatch(r"[a-z0-9-]+", s) for s in slugs.values())
    assert slugs["Ünïcode Néws"] == "unicode-news" and slugs["東京"] == "outlet"
    assert (pages.plural(1, "article"), pages.plural(2, "article"), pages.plural(0, "claim")) == (
        "1 article",
        "2 articles",
        "0 claims",
    )


def test_year_and_outlet_pages_are_split_like_the_index():
    built = {page.src: page for page in pages.list_pages(_archive(listing.PAGE_SIZE + 1))}
    assert {"claims/2026.md", "claims/2026_2.md", "outlets/outlet.md", "outlets/outlet_2.md"} <= set(built)
    assert built["claims/2026_2.md"].html().count("<tr><td>") == 1
