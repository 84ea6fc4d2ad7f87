"""The claims' filters: a page for each status, year and outlet, linked with their counts (from the
claims hub and from each of them)."""

from __future__ import annotations

import hashlib
import posixpath
import unicodedata
from collections import Counter, defaultdict

from .. import urls
from ..model import Archive, Claim
from .html import attr, link, plural, text
from .listing import CLAIMS_PAGE_SIZE, claim_date, claims_table, paginated, split_pages
from .page import Page


def _slugs(names) -> dict[str, str]:
    """A file name for each outlet, which other outlets do not move: urls.outlet_words, or "outlet-"
    and a digest of the name for a name without ASCII words (東京). Two names with the same words are
    refused by `check`; should they come here, the second gets its digest too."""
    slugs, taken = {}, set()
    for name in sorted(names):
        words = slug = urls.outlet_words(name)
        if not slug or slug in taken:
            digest = hashlib.sha256(unicodedata.normalize("NFC", name).encode("utf-8")).hexdigest()
            size = 8
            while not slug or slug in taken:
                slug = f"{words or 'outlet'}-{digest[:size]}"
                size += 4
        taken.add(slug)
        slugs[name] = slug
    return slugs


FILTERED_OUTLETS = 12  # outlets named in the filter bar; the Outlets page lists them all


class Filters:
    """The claims' filters, as pages: a status's page (statuses/ID.html), a year's
    (claims/YEAR.html) and an outlet's (outlets/SLUG.html), each grouped by article,
    and the claimants list for a claimant's page. Nothing is filtered in the browser: a filter is a
    link, so it works hosted and offline and downloads one page, whatever the archive's size."""

    def __init__(self, archive: Archive, claims: list[Claim]):
        self.archive = archive
        # A claim carried by several articles counts once by status (a year or an outlet counts each appearance).
        self.by_status = Counter(c.status for c in {c.shared.key if c.shared else id(c): c for c in claims}.values())
        self.by_year = defaultdict(list)
        for claim in claims:
            self.by_year[claim_date(claim).year].append(claim)
        self.by_outlet = defaultdict(list)
        for claim in claims:
            self.by_outlet[claim.article.outlet].append(claim)
        self.slugs = _slugs(self.by_outlet)
        # A bar's links depend on the folder of the page only: one bar per folder and selection (a
        # list's pages share it; the preview makes the bars of every list again when counts change).
        self.bars: dict[tuple, str] = {}

    def html(self, here: str, *, status: str = "", year: int = 0, outlet: str = "") -> str:
        key = (posixpath.dirname(here), here.startswith("claims"), status, year, outlet)
        if key not in self.bars:
            self.bars[key] = self._html(here, status=status, year=year, outlet=outlet)
        return self.bars[key]

    def _html(self, here: str, *, status: str, year: int, outlet: str) -> str:
        def item(href: str, label: str, count: int, current: bool) -> str:
            shown = f"{text(label)} <small>({count})</small>"
            if current:
                return f'<li><span aria-current="page">{shown}</span></li>'
            return f'<li><a href="{attr(urls.relative(here, urls.page_url(href)))}">{shown}</a></li>'

        archive = self.archive
        total = sum(self.by_status.values())
        everything = item("claims.md", "All", total, not (status or year or outlet) and here.startswith("claims"))
        statuses = [
            item(urls.status_page(s.id), f"{s.symbol} {s.label}", self.by_status.get(s.id, 0), s.id == status)
            for s in archive.statuses.values()
        ]
        years = [
            item(urls.claims_year_page(y), str(y), len(self.by_year[y]), y == year)
            for y in sorted(self.by_year, reverse=True)
        ]
        busiest = sorted(self.by_outlet, key=lambda name: (-len(self.by_outlet[name]), name))
        named = busiest[:FILTERED_OUTLETS]
        if outlet and outlet not in named:
            named.append(outlet)
        outlets = [item(urls.outlet_page(self.slugs[o]), o, len(self.by_outlet[o]), o == outlet) for o in named]
        # The Outlets page lists them all (the bar names the busiest FILTERED_OUTLETS).
        every = link(urls.relative(here, urls.page_url("outlets.md")), "the list of outlets")
        outlets.append(f"<li>{every} <small>({len(busiest)})</small></li>")
        claimants = link(urls.relative(here, urls.page_url(urls._paged("claimants", 1))), "the claimants list")

        def row(name: str, items: list[str]) -> str:
            label = f'<span class="na-filters__name">{name}</span>'
            return f'<div class="na-filters__row">{label}<ul>{"".join(items)}</ul></div>'

        return (
            '<nav class="na-filters" aria-label="Filter the claims">'
            + row("Status", [everything, *statuses])
            + row("Year said", years)
            + row("Outlet", outlets)
            + f'<p class="na-filters__row"><span class="na-filters__name">Claimant</span> {claimants}</p>'
            + "</nav>"
        )

    def years_table(self, here: str) -> str:
        """Each year's claims and every page of them (the claims hub's table)."""
        rows = []
        for year in sorted(self.by_year, reverse=True):
            count = len(self.by_year[year])
            numbers = range(1, len(split_pages(self.by_year[year], CLAIMS_PAGE_SIZE)) + 1)
            pages = " ".join(
                link(urls.relative(here, urls.page_url(urls.claims_year_page(year, n))), str(n)) for n in numbers
            )
            year_link = link(urls.relative(here, urls.page_url(urls.claims_year_page(year))), str(year))
            rows.append(f'<tr><th scope="row">{year_link}</th><td>{count}</td><td>{pages}</td></tr>')
        return (
            '<table class="na-table na-years"><caption>Claims by year said</caption><thead><tr>'
            '<th scope="col">Year</th><th scope="col">Claims</th><th scope="col">Pages</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>"
        )

    def pages(self) -> list[Page]:
        archive = self.archive
        made = []

        for year, claims in self.by_year.items():

            def year_head(here, chunk, year=year):
                count = plural(len(self.by_year[year]), "claim")
                when = "(or, when the date said is not known, published or archived then)"
                intro = f"<p>{count} said in {year} {when}, newest article first.</p>"
                return f"{intro}{self.html(here, year=year)}"

            def year_page(here, chunk, pager, head=year_head):
                return f"{head(here, chunk)}{pager}{claims_table(archive, chunk, here)}{pager}"

            made += paginated(
                lambda n, y=year: urls.claims_year_page(y, n),
                f"Claims of {year}",
                claims,
                year_page,
                year_head,
                CLAIMS_PAGE_SIZE,
            )
        for outlet, claims in self.by_outlet.items():

            def outlet_head(here, chunk, outlet=outlet):
                count = plural(len(self.by_outlet[outlet]), "claim")
                intro = f"<p>{count} in articles of {text(outlet)}, newest article first.</p>"
                return f"{intro}{self.html(here, outlet=outlet)}"

            def outlet_page(here, chunk, pager, head=outlet_head):
                return f"{head(here, chunk)}{pager}{claims_table(archive, chunk, here)}{pager}"

            slug = self.slugs[outlet]
            made += paginated(
                lambda n, s=slug: urls.outlet_page(s, n),
                f"Outlet: {outlet}",
                claims,
                outlet_page,
                outlet_head,
                CLAIMS_PAGE_SIZE,
            )

        everyone = sorted(self.by_outlet, key=lambda name: name.lower())

        def outlets_page(here, chunk, pager):
            rows = "".join(
                f"<tr><td>{link(urls.relative(here, urls.page_url(urls.outlet_page(self.slugs[o]))), o)}</td>"
                f"<td>{len(self.by_outlet[o])}</td></tr>"
                for o in chunk
            )
            head = "<thead><tr><th>Outlet</th><th>Claims</th></tr></thead>"
            table = f'<table class="na-table">{head}<tbody>{rows}</tbody></table>'
            return f"{pager}{table}{pager}"

        made += paginated(lambda n: urls._paged("outlets", n), "Outlets", everyone, outlets_page)
        return made
