"""The generated pages: home, article list, claims hub, claimant and status pages, coverage.

Every page is HTML built from escaped data. Long lists are split into pages of
PAGE_SIZE rows (CLAIMS_PAGE_SIZE claims), so no page grows with the archive.
"""

from __future__ import annotations

import posixpath
from collections import Counter, defaultdict
from dataclasses import replace
from itertools import repeat

from .. import urls
from ..model import Archive, Claim
from .editors import coverage_page, errors_page, uncovered_articles
from .filters import Filters
from .html import claimant_link, date, link, plural, status_badge, text
from .listing import CLAIMS_PAGE_SIZE, claims_table, dated, downloads_html, paginated, status_counts
from .page import Page
from .shared import shared_pages
from .sharing import distinct


def list_pages(archive: Archive, downloads_url: str = "") -> list[Page]:
    # Sorted once: every list below keeps this order (a status's, a claimant's, a year's and an
    # outlet's claims are all taken from it in order).
    # The preview hands the next archive its claims sorted already (preview/session.py: the last
    # archive's, the edited article's claims taken out and put in).
    claims = archive.memo.get("dated") or dated(archive.claims())
    archive.memo["dated"] = claims
    made, relayed = defaultdict(list), defaultdict(list)
    for claim in claims:
        made[claim.claimant].append(claim)
        for who in dict.fromkeys(claim.via):
            relayed[who].append(claim)
    by_status = defaultdict(list)
    for claim in claims:
        by_status[claim.status].append(claim)
    filters = Filters(archive, claims)

    # counts: the page shows counts over the whole archive (the preview re-renders it when they change).
    pages = [
        Page(
            "index.md",
            "Home",
            lambda: _home(archive, claims, made, downloads_url),
            in_nav=True,
            searchable=True,
            counts=True,
        )
    ]

    def articles_page(here, chunk, pager):
        rows = "".join(
            f"<tr><td>{link(urls.relative(here, urls.page_url(a.src)), a.title)}</td><td>{text(a.outlet)}</td>"
            f"<td>{a.published or '—'}</td><td>{a.archived}</td>"
            f"<td>{len(a.claims)}</td><td>{len(a.uncovered)}</td></tr>"
            for a in chunk
        )
        table = (
            '<table class="na-table"><thead><tr><th>Title</th><th>Outlet</th><th>Published</th><th>Archived</th>'
            f"<th>Claims</th><th>Figures not annotated</th></tr></thead><tbody>{rows}</tbody></table>"
        )
        return f"<p>{plural(len(archive.articles), 'archived article')}, newest first.</p>{pager}{table}{pager}"

    pages += paginated(urls.articles_page, "Articles", archive.articles, articles_page)

    # Counted once here, not in each page's head: a status's list has a page per 1,000 claims.
    claim_count = distinct(claims)
    status_count = {status: distinct(by_status[status]) for status in archive.statuses}

    def claims_hub():
        # The claims themselves are on the year pages (claims/YEAR.html), a status's and an outlet's:
        # this page says how many there are and leads to each of them.
        here = "claims.md"
        intro = (
            f"<p>All {plural(claim_count, 'claim')} of the archive, by the year they were said, their status "
            "and the outlet that published them: each page lists its claims grouped by article, newest first "
            "(by the date the article was published, else archived).</p>"
        )
        if archive.shared:
            shared = link(urls.relative(here, "shared.html"), plural(len(archive.shared), "claim"))
            intro += f"<p>{shared} of them {'is' if len(archive.shared) == 1 else 'are'} in more than one article.</p>"
        return (
            f"<h1>Claims</h1>{intro}{filters.html(here)}{filters.years_table(here)}"
            f"{downloads_html(here, downloads_url, archive)}"
        )

    pages.append(Page("claims.md", "Claims", claims_hub, counts=True))
    pages += _counting(filters.pages())

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
        replace(page, searchable=True, counts=True)
        for page in paginated(lambda n: urls._paged("claimants", n), "Claimants", everyone, claimants_page)
    ]
    for claimant in archive.claimants.values():
        pages += _claimant_pages(archive, claimant, made[claimant.id], relayed[claimant.id])

    pages.append(
        Page(
            "statuses.md",
            "Statuses",
            lambda: _statuses_overview(archive, claims),
            in_nav=True,
            searchable=True,
            counts=True,
        )
    )
    for status in archive.statuses.values():

        def status_head(here, chunk, status=status):
            about = f"<p>{status_badge(archive, status.id)} {text(status.description)}</p>"
            count = status_count[status.id]
            how = link(urls.relative(here, "methodology.html#statuses"), "how statuses are assigned")
            said = (
                f"<p>{plural(count, 'claim')} {'has' if count == 1 else 'have'} this status ({how}).</p>"
                if count
                else ""
            )
            return f"{about}{said}{filters.html(here, status=status.id)}"

        def status_page(here, chunk, pager, status=status, head=status_head):
            how = link(urls.relative(here, "methodology.html#statuses"), "how statuses are assigned")
            empty = (
                f"No claim of the archive is {text(status.label.lower())} yet: this status is given when the "
                f"evidence supports it, and none does so far. See {how}."
            )
            # Every claim here has this status, which the page's title and first line say: no column for it
            # (a badge is 130 bytes, on every row).
            table = claims_table(archive, chunk, here, show_status=False, empty=empty)
            return f"{head(here, chunk)}{pager}{table}{pager}"

        pages += _counting(
            paginated(
                lambda n, s=status.id: urls.status_page(s, n),
                f"Status: {status.label}",
                by_status[status.id],
                status_page,
                status_head,
                CLAIMS_PAGE_SIZE,
            )
        )

    pages += _counting(
        paginated(lambda n: urls._paged("coverage", n), "Coverage", uncovered_articles(archive), coverage_page(archive))
    )
    pages.append(Page("errors.md", "Error messages", errors_page, in_nav=True))
    pages += shared_pages(archive)
    for page in pages:
        if page.src in ("articles.md", "claims.md", "claimants.md", "coverage.md"):
            page.in_nav = True
    return pages


def _counting(pages: list[Page]) -> list[Page]:
    for page in pages:
        page.counts = True
    return pages


def _scorecard(archive: Archive, made: list[Claim], relayed: list[Claim], here: str) -> str:
    """A claimant's claims made and relayed, by status (a row per status: narrow enough for a phone)."""
    made_by, relayed_by = _by_status(made), _by_status(relayed)
    rows = "".join(
        f'<tr><th scope="row">{status_badge(archive, s.id, here)}</th>'
        f"<td>{made_by.get(s.id, 0)}</td><td>{relayed_by.get(s.id, 0)}</td></tr>"
        for s in archive.statuses.values()
    )
    return (
        '<table class="na-table na-scorecard"><caption>Claims by status</caption>'
        '<thead><tr><th scope="col">Status</th><th scope="col">Made</th><th scope="col">Relayed</th></tr></thead>'
        f'<tbody>{rows}</tbody><tfoot><tr><th scope="row">All</th>'
        f"<td>{distinct(made)}</td><td>{distinct(relayed)}</td></tr>"
        "</tfoot></table>"
    )


def _by_status(claims) -> Counter:
    """Claims by status, a claim shared by several articles counted once."""
    once = {c.shared.key if c.shared is not None else id(c): c for c in claims}
    return Counter(c.status for c in once.values())


def _claimant_pages(archive: Archive, claimant, made: list[Claim], relayed: list[Claim]) -> list[Page]:
    # Pairs made by zip (in C): 120,000 of them at 10,000 articles, again for each edit under the preview.
    rows = list(zip(repeat("made"), made)) + list(zip(repeat("relayed"), relayed))
    # The head is the same on every page of the claimant (its links are relative to the folder):
    # made once, not once a page (it counts every claim of the claimant; the preview makes it for
    # each page of a claimant whose claims an edit changes).
    heads: dict[str, str] = {}

    def head(here, chunk):
        folder = posixpath.dirname(here)
        if folder not in heads:
            heads[folder] = made_head(here)
        return heads[folder]

    def made_head(here):
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
        summary = f"<p>{plural(distinct(made), 'claim')} made, {distinct(relayed)} relayed.</p>"
        if not rows:
            summary = (
                "<p>No claim of the archive is this claimant's yet, and none passed through them: they are "
                "in the registry for a claim to come, or as the affiliation of others.</p>"
            )
        card = _scorecard(archive, made, relayed, here) if rows else ""
        return f'<dl class="na-facts">{"".join(facts)}</dl>{summary}{card}'

    def page(here, chunk, pager):
        made_rows = [c for kind, c in chunk if kind == "made"]
        relayed_rows = [c for kind, c in chunk if kind == "relayed"]
        sections = ""
        if made_rows:
            table = claims_table(archive, made_rows, here, show_claimant=False, page_of=claimant.id)
            sections += f'<h2 id="made">Claims made</h2>{table}'
        if relayed_rows:
            table = claims_table(archive, relayed_rows, here, page_of=claimant.id)
            sections += f'<h2 id="relayed">Claims relayed</h2>{table}'
        return f"{head(here, chunk)}{pager}{sections}{pager}"

    return paginated(lambda n: urls.claimant_page(claimant.id, n), claimant.name, rows, page, head, CLAIMS_PAGE_SIZE)


def _statuses_overview(archive: Archive, claims) -> str:
    counts = _by_status(claims)
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


def _home(archive: Archive, claims: list[Claim], made, downloads_url: str) -> str:
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
        f"{_count(distinct(claims), 'claim')} · {_count(len(archive.claimants), 'claimant')} · "
        f"{link('coverage.html', plural(uncovered, 'figure') + ' not yet annotated')}</p>"
        f'<h2 id="by-status">Claims by status</h2>{status_counts(archive, _by_status(claims), here)}'
        f"<p>{link('claims.html', 'All claims')} · {link('articles.html', 'All articles')} · "
        f"{link('claimants.html', 'All claimants')} · {link('methodology.html', 'Methodology')}</p>"
        f"{downloads_html(here, downloads_url, archive)}"
        f"{_offline_copy(here, downloads_url)}"
        f'<h2 id="latest">Latest articles</h2><ul>{latest or "<li>None yet.</li>"}</ul>'
        f'<h2 id="claimants">Most-cited claimants</h2><ul>{claimants or "<li>None yet.</li>"}</ul>'
    )


def _count(count: int, word: str) -> str:
    return f"<strong>{count}</strong> {plural(count, word).split(' ', 1)[1]}"


def _offline_copy(here: str, downloads_url: str) -> str:
    zip_, checksum = (urls.download(here, name, downloads_url) for name in (urls.OFFLINE_ZIP, urls.OFFLINE_CHECKSUM))
    return (
        f'<p class="na-offline">Read it offline: {link(zip_, "the whole archive as one zip")} '
        "(unzip it and open <code>index.html</code>; the <code>SHA256SUMS</code> file inside lists the "
        f"checksum of every file; {link(checksum, 'checksum of the zip')}).</p>"
    )
