"""Claims carried by several articles (chains.py): a page for each, the relay as a timeline, and their index.

shared/YEAR/SLUG/ID.html is named after the claim holding the verdict; shared.html lists them all.
Every piece is HTML built from escaped data.
"""

from __future__ import annotations

from .. import urls
from ..model import Archive, Claim, SharedClaim, appearance_date
from .html import date, link, plural, relay_chain, status_badge, text
from .listing import paginated
from .page import Page
from .sharing import shared_page

INDEX = "shared.md"  # the index of shared claims


def _figure(claim: Claim) -> str:
    figure = claim.figure
    if not figure:
        return ""
    value = figure["value"]
    shown = f"{value:,}" if isinstance(value, int) else f"{value:,g}"
    return f"{shown} {figure['unit']}" if figure.get("unit") else shown


def _appearance(archive: Archive, claim: Claim, first: Claim, here: str) -> str:
    article = claim.article
    href = urls.relative(here, urls.claim_permalink(claim))
    value, first_value = (claim.figure or {}).get("value"), (first.figure or {}).get("value")
    changed = ""
    if claim is not first and value is not None and first_value is not None and value != first_value:
        changed = f'<p class="na-timeline__changed">Value changed: {text(_figure(first))} → {text(_figure(claim))}</p>'
    label = "First appearance" if claim is first else "Relayed"
    said = f" · said {date(claim.said)}" if claim.said else ""
    when = date(appearance_date(claim))
    return (
        f'<li class="na-timeline__item" id="in-{text(article.stem.replace("/", "-"))}-{text(claim.id)}">'
        f'<p class="na-timeline__when">{when} · <span class="na-timeline__kind">{label}</span>{said}</p>'
        f'<p class="na-timeline__article">{link(href, article.title)} '
        f'<span class="na-timeline__outlet">{text(article.outlet)}</span></p>'
        f'<blockquote class="na-timeline__quote"><p>{text(article.quoted(claim))}</p></blockquote>'
        f"{relay_chain(archive, claim, here)}"
        f"{changed}"
        f'<p class="na-timeline__note">{claim.note_html}</p>'
        "</li>"
    )


def _page_html(archive: Archive, group: SharedClaim, here: str) -> str:
    verdict, first = group.verdict, group.first
    evidence = "".join(
        f"<li>{link(e.url, e.title, external=True) if e.url else text(e.title)}</li>" for e in verdict.evidence
    )
    evidence_html = f"<p>Evidence:</p><ul>{evidence}</ul>" if evidence else "<p>No evidence is cited yet.</p>"
    checked = f" Checked {date(verdict.checked)}." if verdict.checked else ""
    held = link(urls.relative(here, urls.claim_permalink(verdict)), verdict.article.title)
    articles = len({c.article.src for c in group.appearances})
    items = "".join(_appearance(archive, c, first, here) for c in group.appearances)
    return (
        f'<p class="na-lead">One claim in {plural(articles, "article")}, first as '
        f"“{text(first.article.quoted(first))}” ({text(first.article.outlet)}, {date(appearance_date(first))}).</p>"
        f'<h2 id="verdict">Verdict</h2><p>{status_badge(archive, verdict.status, here)}{checked} '
        f"The verdict is held once, for every article that carries the claim (in {held}).</p>{evidence_html}"
        f'<h2 id="timeline">Who said it, who passed it on</h2>'
        f'<ol class="na-timeline">{items}</ol>'
        f"<p>{link(urls.relative(here, urls.page_url(INDEX)), 'All shared claims')}</p>"
    )


def shared_pages(archive: Archive) -> list[Page]:
    """A page per shared claim, and their index (none of either when no claim is shared)."""
    if not archive.shared:
        return []
    pages = []
    for group in archive.shared.values():
        src = shared_page(group)
        title = f"Shared claim: {group.first.article.quoted(group.first)}"
        pages.append(Page(src, title, lambda g=group, s=src, t=title: f"<h1>{text(t)}</h1>{_page_html(archive, g, s)}"))

    def index(here, chunk, pager):
        rows = "".join(
            f"<tr><td>{link(urls.relative(here, urls.page_url(shared_page(g))), g.first.article.quoted(g.first))}</td>"
            f"<td>{status_badge(archive, g.verdict.status, here)}</td>"
            f"<td>{len({c.article.src for c in g.appearances})}</td>"
            f'<td class="na-date">{date(appearance_date(g.first))}</td><td>{text(g.first.article.outlet)}</td></tr>'
            for g in chunk
        )
        table = (
            '<div class="na-scroll"><table class="na-table"><thead><tr><th>Claim (first wording)</th><th>Status</th>'
            "<th>Articles</th><th>First appeared</th><th>First outlet</th></tr></thead>"
            f"<tbody>{rows}</tbody></table></div>"
        )
        intro = (
            f"<p>{plural(len(archive.shared), 'claim')} carried by more than one article, linked by their editors "
            f"(see {link(urls.relative(here, 'format.html#one-claim-in-many-articles'), 'the content format')}), "
            "in the order they first appeared.</p>"
        )
        return f"{intro}{pager}{table}{pager}"

    pages += paginated(lambda n: urls._paged("shared", n), "Shared claims", list(archive.shared.values()), index)
    return pages
