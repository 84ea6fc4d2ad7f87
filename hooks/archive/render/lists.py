"""The generated pages: home, article list, claims index, claimant and status pages, coverage.

Every page is HTML built from escaped data. Long lists are split into pages of
PAGE_SIZE rows, so no page grows with the archive.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import replace

from .. import urls
from ..messages import MESSAGES
from ..model import Archive, Claim
from .html import attr, claimant_link, date, link, plural, status_badge, text
from .page import Page

# 500 rows: a page a reader scans or searches with the browser's find. Each page also costs the
# whole theme (navigation, header, scripts) to build and to download, so fewer, longer pages
# build quicker (the Performance page has the figures).
PAGE_SIZE = 500


def _pages(items: list, size: int = PAGE_SIZE) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]


def _pager(here: str, page_src: Callable[[int], str], current: int, total: int) -> str:
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


def dated(claims) -> list[Claim]:
    """Newest article first by its date (published, else archived); an article's claims in reading order."""

    def key(claim):
        article = claim.article
        return (-(article.published or article.archived).toordinal(), article.src, claim.number)

    return sorted(claims, key=key)


def _article_line(article, here: str, level: int) -> str:
    """An article's headline once, with its outlet and date, above its claims."""
    href = urls.relative(here, urls.page_url(article.src))
    when = f"published {date(article.published)}" if article.published else f"archived {date(article.archived)}"
    return (
        f'<h{level} class="na-group__title">{link(href, article.title)}</h{level}>'
        f'<p class="na-group__meta">{text(article.outlet)} · {when}</p>'
    ), attr(href)


def _claims_table(
    archive: Archive,
    claims: list[Claim],
    here: str,
    *,
    show_claimant: bool = True,
    level: int = 2,
    empty: str = "No claims.",
) -> str:
    """Claims grouped by article (consecutive claims of one article share its headline): figure,
    claimant, who relayed it, status and the date it was said."""
    if not claims:
        return f'<p class="na-empty">{empty}</p>'
    # The status right after the figure: on a phone the table scrolls sideways, and those two show first.
    head = "<th>Figure</th><th>Status</th>" + ("<th>Claimant</th>" if show_claimant else "")
    head += "<th>Relayed by</th><th>Said</th>"
    out = []
    at = 0
    while at < len(claims):
        article = claims[at].article
        group_end = at
        while group_end < len(claims) and claims[group_end].article is article:
            group_end += 1
        title, href = _article_line(article, here, level)
        rows = []
        for claim in claims[at:group_end]:
            figure = f'<a href="{href}#claim-{attr(claim.id)}">{text(article.quoted(claim))}</a>'
            who = f"<td>{claimant_link(archive, claim.claimant, here)}</td>" if show_claimant else ""
            relays = ", ".join(claimant_link(archive, via, here) for via in dict.fromkeys(claim.via)) or "—"
            said = date(claim.said) if claim.said else "—"
            badge = status_badge(archive, claim.status, here)
            rows.append(
                f'<tr><td>{figure}</td><td>{badge}</td>{who}<td>{relays}</td><td class="na-date">{said}</td></tr>'
            )
        out.append(
            f'<section class="na-group">{title}<div class="na-scroll"><table class="na-table">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div></section>"
        )
        at = group_end
    return "".join(out)


def _status_counts(archive: Archive, counts: Counter, here: str) -> str:
    items = "".join(f"<li>{status_badge(archive, s, here)}: {counts.get(s, 0)}</li>" for s in archive.statuses)
    return f'<ul class="na-counts">{items}</ul>'


def _paginated(src_of, title: str, rows: list, render_page: Callable[[str, list, str], str]) -> list[Page]:
    chunks = _pages(rows)
    generated = []
    for number, chunk in enumerate(chunks, 1):
        src = src_of(number)
        page_title = title if number == 1 else f"{title} (page {number})"

        def html(src=src, chunk=chunk, number=number, page_title=page_title):
            pager = _pager(src, src_of, number, len(chunks))
            return f"<h1>{text(page_title)}</h1>{render_page(src, chunk, pager)}"

        generated.append(Page(src, page_title, html))
    return generated


def list_pages(archive: Archive) -> list[Page]:
    # Sorted once: every list below keeps this order (the claims index, a status's, a claimant's,
    # a year's and an outlet's claims are all taken from it in order).
    claims = dated(archive.claims())
    made, relayed = defaultdict(list), defaultdict(list)
    for claim in claims:
        made[claim.claimant].append(claim)
        for who in dict.fromkeys(claim.via):
            relayed[who].append(claim)
    by_status = defaultdict(list)
    for claim in claims:
        by_status[claim.status].append(claim)
    filters = _Filters(archive, claims)

    pages = [Page("index.md", "Home", lambda: _home(archive, claims, made), in_nav=True, searchable=True)]

    def articles_page(here, chunk, pager):
        rows = "".join(
            f"<tr><td>{link(urls.relative(here, urls.page_url(a.src)), a.title)}</td><td>{text(a.outlet)}</td>"
            f"<td>{date(a.published) if a.published else '—'}</td><td>{date(a.archived)}</td>"
            f"<td>{len(a.claims)}</td><td>{len(a.uncovered)}</td></tr>"
            for a in chunk
        )
        table = (
            '<table class="na-table"><thead><tr><th>Title</th><th>Outlet</th><th>Published</th><th>Archived</th>'
            f"<th>Claims</th><th>Figures not annotated</th></tr></thead><tbody>{rows}</tbody></table>"
        )
        return f"<p>{len(archive.articles)} archived articles, newest first.</p>{pager}{table}{pager}"

    pages += _paginated(urls.articles_page, "Articles", archive.articles, articles_page)

    def claims_page(here, chunk, pager):
        intro = (
            f"<p>All {plural(len(claims), 'claim')} of the archive, by article, newest first (by the date "
            "the article was published, else archived).</p>"
        )
        downloads = _downloads(here)
        # The filters count the claims of each status, year and outlet.
        return f"{intro}{filters.html(here)}{downloads}{pager}{_claims_table(archive, chunk, here)}{pager}"

    pages += _paginated(urls.claims_page, "Claims", claims, claims_page)
    pages += filters.pages()

    def claimants_page(here, chunk, pager):
        rows = "".join(
            f"<tr><td>{claimant_link(archive, c.id, here)}</td><td>{text(archive.description(c.id))}</td>"
            f"<td>{text(c.kind)}</td><td>{len(made[c.id])}</td><td>{len(relayed[c.id])}</td></tr>"
            for c in chunk
        )
        table = (
            '<table class="na-table"><thead><tr><th>Name</th><th>Role</th><th>Kind</th><th>Claims made</th>'
            f"<th>Claims relayed</th></tr></thead><tbody>{rows}</tbody></table>"
        )
        return f"{pager}{table}{pager}"

    everyone = sorted(archive.claimants.values(), key=lambda c: c.name.lower())
    # The claimants list is searchable: a name finds its row (and the notes that name it).
    pages += [
        replace(page, searchable=True)
        for page in _paginated(lambda n: urls._paged("claimants", n), "Claimants", everyone, claimants_page)
    ]
    for claimant in archive.claimants.values():
        pages += _claimant_pages(archive, claimant, made[claimant.id], relayed[claimant.id])

    pages.append(
        Page("statuses.md", "Statuses", lambda: _statuses_overview(archive, claims), in_nav=True, searchable=True)
    )
    for status in archive.statuses.values():

        def status_page(here, chunk, pager, status=status):
            about = f"<p>{status_badge(archive, status.id)} {text(status.description)}</p>"
            count = len(by_status[status.id])
            how = link(urls.relative(here, "methodology.html#statuses"), "how statuses are assigned")
            said = (
                f"<p>{plural(count, 'claim')} {'has' if count == 1 else 'have'} this status ({how}).</p>"
                if count
                else ""
            )
            empty = (
                f"No claim of the archive is {text(status.label.lower())} yet: this status is given when the "
                f"evidence supports it, and none does so far. See {how}."
            )
            table = _claims_table(archive, chunk, here, empty=empty)
            return f"{about}{said}{filters.html(here, status=status.id)}{pager}{table}{pager}"

        pages += _paginated(
            lambda n, s=status.id: urls.status_page(s, n),
            f"Status: {status.label}",
            by_status[status.id],
            status_page,
        )

    pages += _paginated(lambda n: urls._paged("coverage", n), "Coverage", _uncovered(archive), _coverage(archive))
    pages.append(Page("errors.md", "Error messages", _errors, in_nav=True))
    for page in pages:
        if page.src in ("articles.md", "claims.md", "claimants.md", "coverage.md"):
            page.in_nav = True
    return pages


_SLUG = re.compile(r"[a-z0-9]+")


def _slugs(names) -> dict[str, str]:
    """A file name for each outlet: its ASCII words joined by "-", numbered when two names share it."""
    slugs, taken = {}, set()
    for name in sorted(names):
        ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
        base = slug = "-".join(_SLUG.findall(ascii_name)) or "outlet"
        number = 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        taken.add(slug)
        slugs[name] = slug
    return slugs


FILTERED_OUTLETS = 12  # outlets named in the filter bar; the Outlets page lists them all


class _Filters:
    """The claims index's filters, as pages: a status's page (statuses/ID.html), a year's
    (claims/YEAR.html) and an outlet's (outlets/SLUG.html), each grouped by article like the index,
    and the claimants list for a claimant's page. Nothing is filtered in the browser: a filter is a
    link, so it works hosted and offline and downloads one page, whatever the archive's size."""

    def __init__(self, archive: Archive, claims: list[Claim]):
        self.archive = archive
        self.by_status = Counter(claim.status for claim in claims)
        self.by_year = defaultdict(list)
        for claim in claims:
            self.by_year[claim_date(claim).year].append(claim)
        self.by_outlet = defaultdict(list)
        for claim in claims:
            self.by_outlet[claim.article.outlet].append(claim)
        self.slugs = _slugs(self.by_outlet)

    def html(self, here: str, *, status: str = "", year: int = 0, outlet: str = "") -> str:
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
        every = plural(len(busiest), "outlet")
        outlets.append(f"<li>{link(urls.relative(here, urls.page_url('outlets.md')), f'the list of all {every}')}</li>")
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

    def pages(self) -> list[Page]:
        archive = self.archive
        made = []

        for year, claims in self.by_year.items():

            def year_page(here, chunk, pager, year=year):
                count = plural(len(self.by_year[year]), "claim")
                when = "(or, when the date said is not known, published or archived then)"
                intro = f"<p>{count} said in {year} {when}, newest article first.</p>"
                return f"{intro}{self.html(here, year=year)}{pager}{_claims_table(archive, chunk, here)}{pager}"

            made += _paginated(lambda n, y=year: urls.claims_year_page(y, n), f"Claims of {year}", claims, year_page)
        for outlet, claims in self.by_outlet.items():

            def outlet_page(here, chunk, pager, outlet=outlet):
                count = plural(len(self.by_outlet[outlet]), "claim")
                intro = f"<p>{count} in articles of {text(outlet)}, newest article first.</p>"
                return f"{intro}{self.html(here, outlet=outlet)}{pager}{_claims_table(archive, chunk, here)}{pager}"

            slug = self.slugs[outlet]
            made += _paginated(lambda n, s=slug: urls.outlet_page(s, n), f"Outlet: {outlet}", claims, outlet_page)

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

        made += _paginated(lambda n: urls._paged("outlets", n), "Outlets", everyone, outlets_page)
        return made


def _downloads(here: str) -> str:
    items = [("claims.json", "Claims (JSON)"), ("claims.csv", "Claims (CSV)"), ("claimants.json", "Claimants (JSON)")]
    items += [("annotations.jsonld", "Web Annotations (JSON-LD)"), ("feed.xml", "Atom feed")]
    links = " · ".join(link(urls.relative(here, href), label) for href, label in items)
    about = link(urls.relative(here, "data.html"), "what the files hold")
    return f'<p class="na-downloads">Download: {links} ({about})</p>'


def _scorecard(archive: Archive, made: list[Claim], relayed: list[Claim], here: str) -> str:
    """A claimant's claims made and relayed, by status (a row per status: narrow enough for a phone)."""
    made_by, relayed_by = Counter(c.status for c in made), Counter(c.status for c in relayed)
    rows = "".join(
        f'<tr><th scope="row">{status_badge(archive, s.id, here)}</th>'
        f"<td>{made_by.get(s.id, 0)}</td><td>{relayed_by.get(s.id, 0)}</td></tr>"
        for s in archive.statuses.values()
    )
    return (
        '<table class="na-table na-scorecard"><caption>Claims by status</caption>'
        '<thead><tr><th scope="col">Status</th><th scope="col">Made</th><th scope="col">Relayed</th></tr></thead>'
        f'<tbody>{rows}</tbody><tfoot><tr><th scope="row">All</th><td>{len(made)}</td><td>{len(relayed)}</td></tr>'
        "</tfoot></table>"
    )


def _claimant_pages(archive: Archive, claimant, made: list[Claim], relayed: list[Claim]) -> list[Page]:
    rows = [("made", c) for c in made] + [("relayed", c) for c in relayed]

    def page(here, chunk, pager):
        facts = [f"<dt>Kind</dt><dd>{text(claimant.kind)}</dd>"]
        if claimant.role:
            facts.append(f"<dt>Role</dt><dd>{text(claimant.role)}</dd>")
        if claimant.affiliation:
            facts.append(f"<dt>Affiliation</dt><dd>{claimant_link(archive, claimant.affiliation, here)}</dd>")
        if claimant.url:
            facts.append(f"<dt>Web</dt><dd>{link(claimant.url, claimant.url, external=True)}</dd>")
        members = [c for c in archive.claimants.values() if c.affiliation == claimant.id]
        if members:
            names = ", ".join(claimant_link(archive, m.id, here) for m in members)
            facts.append(f"<dt>People and bodies affiliated</dt><dd>{names}</dd>")
        summary = f"<p>{plural(len(made), 'claim')} made, {len(relayed)} relayed.</p>"
        if not rows:
            summary = (
                "<p>No claim of the archive is this claimant's yet, and none passed through them: they are "
                "in the registry for a claim to come, or as the affiliation of others.</p>"
            )
        card = _scorecard(archive, made, relayed, here) if rows else ""
        made_rows = [c for kind, c in chunk if kind == "made"]
        relayed_rows = [c for kind, c in chunk if kind == "relayed"]
        sections = ""
        if made_rows:
            table = _claims_table(archive, made_rows, here, show_claimant=False, level=3)
            sections += f'<h2 id="made">Claims made</h2>{table}'
        if relayed_rows:
            table = _claims_table(archive, relayed_rows, here, level=3)
            sections += f'<h2 id="relayed">Claims relayed</h2>{table}'
        return f'<dl class="na-facts">{"".join(facts)}</dl>{summary}{card}{pager}{sections}{pager}'

    return _paginated(lambda n: urls.claimant_page(claimant.id, n), claimant.name, rows, page)


def _statuses_overview(archive: Archive, claims) -> str:
    counts = Counter(c.status for c in claims)
    here = "statuses.md"
    rows = "".join(
        f"<tr><td>{status_badge(archive, s.id, here)}</td><td>{text(s.description)}</td>"
        f"<td>{counts.get(s.id, 0)}</td></tr>"
        for s in archive.statuses.values()
    )
    return (
        "<h1>Statuses</h1><p>Browse the claims by what is known about them. "
        f"{link('methodology.html', 'How statuses are assigned')}.</p>"
        '<table class="na-table"><thead><tr><th>Status</th><th>Meaning</th><th>Claims</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )


def _home(archive: Archive, claims: list[Claim], made) -> str:
    here = "index.md"
    latest = "".join(
        f"<li>{link(urls.page_url(a.src), a.title)} <small>{text(a.outlet)}, archived {date(a.archived)}"
        f" · {plural(len(a.claims), 'claim')}</small></li>"
        for a in archive.articles[:10]
    )
    # Only claimants who made a claim: one with none is not "cited".
    top = sorted(((who, those) for who, those in made.items() if those), key=lambda item: (-len(item[1]), item[0]))
    claimants = "".join(
        f"<li>{claimant_link(archive, who, here)}: {plural(len(those), 'claim')}</li>" for who, those in top[:10]
    )
    uncovered = sum(len(a.uncovered) for a in archive.articles)
    return (
        "<h1>Annotated news archive</h1>"
        '<p class="na-lead">Archived news articles in which every figure stands next to who claimed it, '
        "who relayed it, and what is known about whether it holds up.</p>"
        f'<p class="na-stats">{_count(len(archive.articles), "article")} · '
        f"{_count(len(claims), 'claim')} · {_count(len(archive.claimants), 'claimant')} · "
        f"{link('coverage.html', plural(uncovered, 'figure') + ' not yet annotated')}</p>"
        f'<h2 id="by-status">Claims by status</h2>{_status_counts(archive, Counter(c.status for c in claims), here)}'
        f"<p>{link('claims.html', 'All claims')} · {link('articles.html', 'All articles')} · "
        f"{link('claimants.html', 'All claimants')} · {link('methodology.html', 'Methodology')}</p>"
        f"{_downloads(here)}"
        f"{_offline_copy()}"
        f'<h2 id="latest">Latest articles</h2><ul>{latest or "<li>None yet.</li>"}</ul>'
        f'<h2 id="claimants">Most-cited claimants</h2><ul>{claimants or "<li>None yet.</li>"}</ul>'
    )


def _count(count: int, word: str) -> str:
    return f"<strong>{count}</strong> {plural(count, word).split(' ', 1)[1]}"


def _offline_copy() -> str:
    return (
        f'<p class="na-offline">Read it offline: {link(urls.OFFLINE_ZIP, "the whole archive as one zip")} '
        "(unzip it and open <code>index.html</code>; the <code>SHA256SUMS</code> file inside lists the "
        f"checksum of every file; {link(urls.OFFLINE_CHECKSUM, 'checksum of the zip')}).</p>"
    )


def _uncovered(archive: Archive) -> list:
    return [article for article in archive.articles if article.uncovered]


def _coverage(archive: Archive):
    """The coverage report's page maker: articles with figures no claim covers, 200 a page."""
    total = sum(1 for a in archive.articles for f in a.figures if f.kind != "date")
    dismissed = [(a, f, d) for a in archive.articles for f, d in a.dismissed]
    covered = total - sum(len(a.uncovered) for a in archive.articles) - len(dismissed)

    def page(here, chunk, pager):
        rows = []
        for article in chunk:
            missing = article.uncovered
            figures = ", ".join(f"<code>{text(f.suggestion)}</code>" for f in missing[:20])
            more = f" and {len(missing) - 20} more" if len(missing) > 20 else ""
            rows.append(
                f"<tr><td>{link(urls.relative(here, urls.page_url(article.src)), article.title)}</td>"
                f"<td><code>{text('docs/' + (article.sidecar_src or article.stem + '.claims.yml'))}</code></td>"
                f"<td>{len(missing)}</td><td>{figures}{more}</td></tr>"
            )
        table = (
            '<table class="na-table"><thead><tr><th>Article</th><th>Claims file</th><th>Figures not annotated</th>'
            f"<th>Figures</th></tr></thead><tbody>{''.join(rows)}</tbody></table>{pager}"
            if rows
            else "<p>Every figure found in the archive is covered by a claim or dismissed.</p>"
        )
        lead = (
            "<p>For editors: figures found in the archived texts (numbers, amounts, percentages, ranges, "
            f"fractions, counts; dates are not counted) that no claim covers yet. {covered} of {total} figures "
            f"are covered by a claim, {len(dismissed)} dismissed as no claim.</p>"
        )
        return f"{lead}{pager}{table}{_dismissed_table(dismissed, here) if here == urls._paged('coverage', 1) else ''}"

    return page


MOST_DISMISSED_SHOWN = 200  # the page stays light at 10,000 articles; the claims files hold the rest


def _dismissed_table(dismissed: list, here: str) -> str:
    """The figures editors dismissed as no claim (`dismissed:` in claims files), with their reasons."""
    if not dismissed:
        return ""
    rows = "".join(
        f"<tr><td>{link(urls.relative(here, urls.page_url(a.src)), a.title)}</td>"
        f"<td><code>{text(f.text)}</code></td><td>{text(d.reason)}</td>"
        f"<td><code>{text('docs/' + (a.sidecar_src or a.stem + '.claims.yml'))}:{d.line}</code></td></tr>"
        for a, f, d in dismissed[:MOST_DISMISSED_SHOWN]
    )
    more = len(dismissed) - MOST_DISMISSED_SHOWN
    rows += f'<tr><td colspan="4">… and {more} more</td></tr>' if more > 0 else ""
    return (
        '<h2 id="dismissed">Dismissed figures</h2><p>Figures found in the text that editors marked as no claim.</p>'
        '<table class="na-table na-dismissed"><thead><tr><th>Article</th><th>Figure</th><th>Reason</th>'
        f"<th>Where</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def _errors() -> str:
    """Every problem the build can report, generated from messages.py so it cannot drift."""
    entries = []
    for message in MESSAGES.values():
        what = message.what.format(**message.example)
        fix = message.fix.format(**message.example)
        entries.append(
            f'<h2 id="{message.code}"><code>{message.code}</code></h2>'
            f'<p class="na-error-line"><code>path:line: claim-id: {text(what)} — {text(fix)}</code></p>'
            f"<p>{text(message.meaning)}</p>"
        )
    return (
        "<h1>Error messages</h1><p>Every problem that <code>mkdocs build</code> and <code>python -m hooks check</code> "
        "can report, with an example of its line, what it means and how to fix it. Each problem is one line: "
        "the file, the line, the claim (when there is one), what is wrong, and after the dash how to fix it. "
        "A build with any problem writes nothing, so the last good site stays as it was.</p>"
        f"<p>{len(MESSAGES)} messages.</p>{''.join(entries)}"
    )
