"""What every list page is made of: pages of PAGE_SIZE rows (CLAIMS_PAGE_SIZE claims) with a pager,
claims tables grouped by article, status counts, the downloads line. Every piece is HTML built from escaped data."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from .. import urls
from ..model import Archive, Claim
from .html import attr, claimant_link, link, status_badge, text
from .page import Page
from .sharing import also_in

# 500 rows: a page a reader scans or searches with the browser's find. Each page also costs the
# whole theme (navigation, header, scripts) to build and to download, so fewer, longer pages
# build quicker (the Performance page has the figures).
PAGE_SIZE = 500
# A claims table's rows are lean (about 300 bytes, half of what they were: Performance, Site size),
# so its pages hold twice as many for the same weight, and cost the theme half as often.
CLAIMS_PAGE_SIZE = 1000


def split_pages(items: list, size: int = PAGE_SIZE) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]


def pager_nav(here: str, page_src: Callable[[int], str], current: int, total: int) -> str:
    if total <= 1:
        return ""
    shown = sorted({1, total, *range(max(1, current - 3), min(total, current + 3) + 1)})
    parts, previous = [], 0
    for number in shown:
        if number - previous > 1:
            parts.append("<span>…</span>")
        if number == current:
            parts.append(f'<span aria-current="page">{number}</span>')
        else:
            parts.append(link(urls.relative(here, urls.page_url(page_src(number))), str(number)))
        previous = number
    return f'<nav class="na-pager" aria-label="Pages">Page {" ".join(parts)} of {total}</nav>'


def claim_date(claim: Claim):
    """When a claim was made, as the lists date and sort it: said, else its article's publication or archiving."""
    return claim.said or claim.article.published or claim.article.archived


def dated_key(claim: Claim) -> tuple:
    """Where a claim stands in the lists: no two claims have the same (see dated)."""
    article = claim.article
    return (-(article.published or article.archived).toordinal(), article.src, claim.number)


def dated(claims) -> list[Claim]:
    """Newest article first by its date (published, else archived); an article's claims in reading order."""
    return sorted(claims, key=dated_key)


def article_row(archive: Archive, article, here: str, columns: int) -> tuple[str, str]:
    """The first row of an article's claims: its headline once, with its outlet and date, heading them;
    and the escaped link to its page. Its th and tr are left open, as every row of a claims table
    (claims_table says why). Made once per folder it is shown from: an article heads a group on the
    page of each of its claimants and statuses."""
    key = (article.src, urls.folder(here), columns)
    rows = archive.memo.setdefault("article_rows", {})  # the memo is never handed on: an edit's article is new
    if key not in rows:
        href = urls.relative(here, urls.page_url(article.src))
        when = f"published {article.published}" if article.published else f"archived {article.archived}"
        rows[key] = (
            (
                f'<tr><th colspan="{columns}" scope="rowgroup">{link(href, article.title)} '
                f"<span>{text(article.outlet)} · {when}</span>"
            ),
            attr(href),
        )
    return rows[key]


def claims_table(
    archive: Archive,
    claims: list[Claim],
    here: str,
    *,
    show_claimant: bool = True,
    show_status: bool = True,
    empty: str = "No claims.",
    page_of: str | None = None,
) -> str:
    """Claims grouped by article, in one table: a row group per article (consecutive claims of one
    article), headed by its headline; a row per claim: figure, status, claimant, who relayed it and
    the date it was said. Thousands of rows a page, so each is lean: the status is its label and a
    data-status the stylesheet draws its symbol and colour from (the page links the status pages
    once, in its filters or scorecard), a date is its ISO text.

    Its cells, rows and row groups write no end tag: they would repeat on each of thousands of rows,
    and the HTML standard lets a page leave out those that what follows implies ("Optional tags": a
    cell ends at the next cell or the end of its row, a row at the next row or the end of its group,
    the thead at the first tbody, a tbody at the next one or the end of the table), so a browser
    builds the same table without them. The thead's may go because a table here always has a row
    group (no claim, no table). Kept: </table>; every <tbody> (a tbody's start tag may not be left
    out after a group whose end tag was); the </a> and </span> in the cells (never optional).

    page_of: the claimant whose page this is. Among those who relayed a claim, they are named, where
    they stand in the chain, but not linked: a link there would lead to the page the reader is on."""
    if not claims:
        return f'<p class="na-empty">{empty}</p>'
    # The status right after the figure: on a phone the table scrolls sideways, and those two show first.
    names = ["Figure", "Status" if show_status else "", "Claimant" if show_claimant else "", "Relayed by", "Said"]
    head = "".join(f'<th scope="col">{name}' for name in names if name)
    columns = head.count("<th ")
    labels = {s.id: f'<td data-status="{attr(s.id)}">{text(s.label)}' for s in archive.statuses.values()}

    # Each chain of relays, joined once per table (a table's links share its page's folder; each
    # claimant's link is made once per folder by claimant_link).
    chains: dict[tuple, str] = {}

    def relays(via: tuple) -> str:
        if via not in chains:
            named = [
                text(archive.claimants[v].name) if v == page_of else claimant_link(archive, v, here)
                for v in dict.fromkeys(via)
            ]
            chains[via] = ", ".join(named) or "—"
        return chains[via]

    out = [f'<table class="na-table na-claims"><thead><tr>{head}']
    at = 0
    while at < len(claims):
        article = claims[at].article
        group_end = at
        while group_end < len(claims) and claims[group_end].article is article:
            group_end += 1
        title, href = article_row(archive, article, here, columns)
        rows = [f"<tbody>{title}"]
        for claim in claims[at:group_end]:
            figure = f'<a href="{href}#claim-{attr(claim.id)}">{text(article.quoted(claim))}</a>'
            if claim.shared is not None:
                figure += f" {also_in(claim, here)}"
            status = labels[claim.status] if show_status else ""
            who = f"<td>{claimant_link(archive, claim.claimant, here)}" if show_claimant else ""
            rows.append(f"<tr><td>{figure}{status}{who}<td>{relays(tuple(claim.via))}<td>{claim.said or '—'}")
        out.append("".join(rows))
        at = group_end
    out.append("</table>")
    return "".join(out)


def status_counts(archive: Archive, counts: Counter, here: str) -> str:
    items = "".join(f"<li>{status_badge(archive, s, here)}: {counts.get(s, 0)}</li>" for s in archive.statuses)
    return f'<ul class="na-counts">{items}</ul>'


def paginated(
    src_of, title: str, rows: list, render_page: Callable[[str, list, str], str], head=None, size: int = PAGE_SIZE
) -> list[Page]:
    """The pages of a list, of `size` rows. head(here, chunk), if given, is the first part of what
    render_page returns: the part that does not depend on the rows shown (see Page.head)."""
    chunks = split_pages(rows, size)
    generated = []
    for number, chunk in enumerate(chunks, 1):
        src = src_of(number)
        page_title = title if number == 1 else f"{title} (page {number})"

        def html(src=src, chunk=chunk, number=number, page_title=page_title):
            pager = pager_nav(src, src_of, number, len(chunks))
            return f"<h1>{text(page_title)}</h1>{render_page(src, chunk, pager)}"

        page = Page(src, page_title, html, family=title, rows=chunk)
        if head is not None:
            page.head = lambda src=src, chunk=chunk: head(src, chunk)
        generated.append(page)
    return generated


def downloads_html(here: str, downloads_url: str = "", archive: Archive | None = None) -> str:
    # claims.json, claims.csv and the articles by year are downloads (published beside the site by the
    # Pages workflow).
    items = [(urls.download(here, "claims.json", downloads_url), "Claims (JSON)")]
    items += [(urls.download(here, "claims.csv", downloads_url), "Claims (CSV)")]
    items += [(urls.relative(here, "claimants.json"), "Claimants (JSON)")]
    items += [(urls.relative(here, "annotations.jsonld"), "Web Annotations (JSON-LD)")]
    items += [(urls.relative(here, "feed.xml"), "Atom feed")]
    links = " · ".join(link(href, label) for href, label in items)
    about = link(urls.relative(here, "data.html"), "what the files hold")
    by_year = ""
    for what, names in _shards(archive) if archive else ():
        year = lambda name: name.split("-")[-1].split(".")[0]  # noqa: E731 - articles-2015.json -> 2015
        years = " · ".join(link(urls.download(here, name, downloads_url), year(name)) for name in names)
        by_year += f"; {what}: {years}" if years else ""
    return f'<p class="na-downloads">Download: {links}{by_year} ({about})</p>'


def _shards(archive: Archive) -> list[str]:
    """The years' downloads, once per archive: every page of the claims index shows them (4.8 million
    calls for a status edit at 10,000 articles under the preview, 9 of its 43 s under the profiler)."""
    if "shards" not in archive.memo:
        articles = archive.articles
        archive.memo["shards"] = [
            ("each article with its claims, by year (JSON)", sorted({urls.articles_shard(a) for a in articles})),
            (
                "the ClaimReviews, by year (JSON-LD)",
                sorted({urls.claimreviews_shard(a) for a in articles if a.claims}),
            ),
        ]
    return archive.memo["shards"]
