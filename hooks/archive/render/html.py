"""The pieces of HTML every page is made of: escaped text and attributes, links, dates, status
badges, claimant links and relay chains. Everything from content goes through attr() or text()."""

from __future__ import annotations

from html import escape

from .. import urls
from ..model import Archive, Claim


def attr(value) -> str:
    return escape(str(value), quote=True)


def text(value) -> str:
    return escape(str(value), quote=False)


def link(href: str, label: str, *, external: bool = False, cls: str = "") -> str:
    # nofollow: the archive links sources, it does not vouch for them. No noopener: no link of the
    # site opens a new window (none has a target), so there is no opener to withhold.
    extra = ' rel="nofollow"' if external else ""
    klass = f' class="{cls}"' if cls else ""
    return f'<a href="{attr(href)}"{klass}{extra}>{text(label)}</a>'


def date(value) -> str:
    # An ISO date is its own machine-readable form: HTML reads <time>'s text when it has no datetime
    # (thousands of dates on a list page, each written once instead of twice).
    return f"<time>{value.isoformat()}</time>"


def status_badge(archive: Archive, status_id: str, here: str | None = None) -> str:
    status = archive.statuses[status_id]
    # The symbol is drawn by CSS from data-status (assets/archive-statuses.css, hidden from screen
    # readers there): written out, it cost 60 bytes on each of the hundreds of thousands of badges.
    label = text(status.label)
    if here is None:
        return f'<span class="na-status" data-status="{attr(status_id)}">{label}</span>'
    return _linked(
        archive,
        "status",
        status_id,
        here,
        lambda href: f'<a class="na-status" data-status="{attr(status_id)}" href="{attr(href)}">{label}</a>',
    )


def claimant_link(archive: Archive, claimant_id: str, here: str) -> str:
    claimant = archive.claimants[claimant_id]
    return _linked(archive, "claimant", claimant_id, here, lambda href: link(href, claimant.name))


def note_status(archive: Archive, status_id: str, here: str) -> str:
    """A note's status: a link to its page, known by its place (the head's second link, as archive.css
    and archive.js select it), coloured and given its symbol by the note's own data-status."""
    label = text(archive.statuses[status_id].label)
    return _linked(archive, "note-status", status_id, here, lambda href: f'<a href="{attr(href)}">{label}</a>')


_PAGE_OF = {"status": urls.status_page, "note-status": urls.status_page, "claimant": urls.claimant_page}


def _linked(archive: Archive, kind: str, target: str, here: str, make) -> str:
    """make(href) for the page of a status or claimant, made once per folder it is linked from."""
    key = (kind, target, urls.folder(here))  # a page's folder is its source's
    if key not in archive.links:
        archive.links[key] = make(urls.relative(here, urls.page_url(_PAGE_OF[kind](target))))
    return archive.links[key]


def relay_chain(archive: Archive, claim: Claim, here: str) -> str:
    """Claimant (with role) → each relay → the outlet, claimants linked to their pages: an ordered list."""
    shown = []
    for hop in archive.relay(claim):
        if hop.claimant is None:
            shown.append(text(hop.name))
        else:
            described = f", {text(hop.description)}" if hop.description else ""
            shown.append(claimant_link(archive, hop.claimant, here) + described)
    # The arrows between the hops are drawn by CSS, "relayed to" their alternative text (archive.css);
    # the items' end tags are left out, as HTML allows: an arrow's own element and each hop's end tag
    # were 40 bytes a hop on every note.
    return '<ol class="na-chain">' + "".join(f"<li>{hop}" for hop in shown) + "</ol>"


def citation(archive: Archive, claim: Claim, permalink: str) -> str:
    """A claim as a reader cites it, in plain text: who said the quoted words, where and when, and
    the archive's verdict with its permalink and the date it was checked. The article page offers
    it under "Cite"; the claim's JSON record carries the same text."""
    article = claim.article
    relayed = ", ".join(archive.claimants[who].name for who in claim.via)
    parts = [
        f"{archive.claimants[claim.claimant].name}, “{article.quoted(claim)}”",
        f"said {claim.said.isoformat()}" if claim.said else "",
        f"relayed by {relayed}" if relayed else "",
        f"in {article.outlet}" + (f", {article.published.isoformat()}" if article.published else ""),
    ]
    said = ", ".join(part for part in parts if part)
    checked = f" (checked {claim.checked.isoformat()})" if claim.checked else ""
    status = archive.statuses[claim.status].label
    return f"{said}. Rated {status} by {archive.publisher.name}, {permalink}{checked}."


def plural(count: int, word: str, words: str | None = None) -> str:
    """'1 claim', '2 claims' (words: the plural when it is not word + 's')."""
    return f"{count} {word if count == 1 else (words or word + 's')}"
