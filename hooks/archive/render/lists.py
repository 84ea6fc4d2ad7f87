"""The generated pages: home, article list, claims index, claimant and status pages, coverage.

Every page is HTML built from escaped data. Long lists are split into pages of
PAGE_SIZE rows, so no page grows with the archive.
"""

from __future__ import annotations

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


def _claims_table(archive: Archive, claims: list[Claim], here: str, *, show_claimant: bool = True) -> str:
    if not claims:
        return '<p class="na-empty">No claims.</p>'
    head = "<th>Figure</th><th>Article</th>" + ("<th>Claimant</th>" if show_claimant else "") + "<th>Status</th>"
    # A page of hundreds of rows names the same articles again and again: each article's link
    # is made once per page (claimant and status links are kept per folder by html.py).
    articles = {}
    rows = []
    for claim in claims:
        article = claim.article
        if article.src not in articles:
            href = urls.relative(here, urls.page_url(article.src))
            articles[article.src] = (attr(href), link(href, article.title))
        href, title = articles[article.src]
        figure = f'<a href="{href}#claim-{attr(claim.id)}">{text(article.quoted(claim))}</a>'
        who = f"<td>{claimant_link(archive, claim.claimant, here)}</td>" if show_claimant else ""
        badge = status_badge(archive, claim.status, here)
        rows.append(f"<tr><td>{figure}</td><td>{title}</td>{who}<td>{badge}</td></tr>")
    return f'<table class="na-table"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


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
    claims = list(archive.claims())
    made, relayed = defaultdict(list), defaultdict(list)
    for claim in claims:
        made[claim.claimant].append(claim)
        for who in dict.fromkeys(claim.via):
            relayed[who].append(claim)
    by_status = defaultdict(list)
    for claim in claims:
        by_status[claim.status].append(claim)

    status_counts = Counter(claim.status for claim in claims)
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
        intro = f"<p>All {len(claims)} claims of the archive, by article, newest first.</p>"
        downloads = _downloads(here)
        # Counted once: every page of the claims index shows the same counts.
        counts = _status_counts(archive, status_counts, here)
        return f"{intro}{counts}{downloads}{pager}{_claims_table(archive, chunk, here)}{pager}"

    pages += _paginated(urls.claims_page, "Claims", claims, claims_page)

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
            count = f"<p>{len(by_status[status.id])} claims have this status.</p>"
            return f"{about}{count}{pager}{_claims_table(archive, chunk, here)}{pager}"

        pages += _paginated(
            lambda n, s=status.id: urls.status_page(s, n), f"Status: {status.label}", by_status[status.id], status_page
        )

    pages += _paginated(lambda n: urls._paged("coverage", n), "Coverage", _uncovered(archive), _coverage(archive))
    pages.append(Page("errors.md", "Error messages", _errors, in_nav=True))
    for page in pages:
        if page.src in ("articles.md", "claims.md", "claimants.md", "coverage.md"):
            page.in_nav = True
    return pages


def _downloads(here: str) -> str:
    items = [("claims.json", "Claims (JSON)"), ("claims.csv", "Claims (CSV)"), ("claimants.json", "Claimants (JSON)")]
    items += [("annotations.jsonld", "Web Annotations (JSON-LD)"), ("feed.xml", "Atom feed")]
    links = " · ".join(link(urls.relative(here, href), label) for href, label in items)
    about = link(urls.relative(here, "data.html"), "what the files hold")
    return f'<p class="na-downloads">Download: {links} ({about})</p>'


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
        summary = f"<p>{len(made)} claims made, {len(relayed)} relayed.</p>"
        made_rows = [c for kind, c in chunk if kind == "made"]
        relayed_rows = [c for kind, c in chunk if kind == "relayed"]
        sections = ""
        if made_rows:
            table = _claims_table(archive, made_rows, here, show_claimant=False)
            sections += f'<h2 id="made">Claims made</h2>{table}'
        if relayed_rows:
            table = _claims_table(archive, relayed_rows, here)
            sections += f'<h2 id="relayed">Claims relayed</h2>{table}'
        return f'<dl class="na-facts">{"".join(facts)}</dl>{summary}{pager}{sections}{pager}'

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
    top = sorted(made.items(), key=lambda item: (-len(item[1]), item[0]))[:10]
    claimants = "".join(
        f"<li>{claimant_link(archive, who, here)}: {plural(len(those), 'claim')}</li>" for who, those in top
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
