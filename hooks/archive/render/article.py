"""An article page: the archived text with each claim's figure marked and its note beside it.

The text is never altered: every character of the body is escaped and emitted
in order; claims and uncovered figures only wrap existing characters in an
element, and notes stand between paragraphs (where a reader without JavaScript,
a screen reader and a printer find them). A script lifts them into the margin
on wide screens. A figure's note number and status symbol are drawn by CSS from
its data attributes, so the page's text around a figure is the archived text
itself (what an annotation client reads), and its accessible name says them.
"""

from __future__ import annotations

import re
from collections import Counter

from .. import urls
from ..anchor.markers import CLOSE, MID, OPEN
from ..anchor.quotes import paragraphs
from ..model import Archive, Article, Claim
from .html import attr, date, link, note_status, plural, relay_chain, status_badge, text
from .sharing import also_in

# A claim's marker, or a block's tag: a container's (a list, a quote, a table) opening or closing, the
# end of a paragraph, heading or code block.
_MARKER_OR_BLOCK = re.compile(
    f"{OPEN}(\\d+){MID}|{CLOSE}|<(/?)(ul|ol|blockquote|table|dl)\\b[^>]*>|</(?:p|h[1-6]|pre)>"
)


def note(archive: Archive, claim: Claim, here: str, site_url: str = "") -> str:
    said = f" <span>said {date(claim.said)}</span>" if claim.said else ""
    # Each item is its own element: CSS draws the " · " between them, so hiding one (the
    # permalink in print) leaves no separator behind.
    extras = []
    if claim.source:
        extras.append("Source: " + _link_or_title(claim.source))
    if claim.evidence:
        extras.append("Evidence: " + "; ".join(_link_or_title(e) for e in claim.evidence))
    if claim.checked:
        extras.append(f"Checked {date(claim.checked)}")
    if claim.shared is not None:
        extras.append(also_in(claim, here))
    items = "".join(f"<span>{extra}</span>" for extra in extras)
    # The note's number is its permalink. Its citation ("Cite") is made by archive.js from the note
    # and the article's data attributes, as render.html.citation makes it for the records: written
    # out in every note, it and the permalink were 4 KB of an article page of 12 claims.
    return (
        # role="note", unnamed: a figure's aria-describedby then reads the whole note, not a label.
        # The resting note's line in the margin, which archive.js lays out, also names the claimant:
        # archive.js copies it there from the relay chain.
        # The note's parts are known by their place (archive.css and archive.js name them so): the
        # head (number, status, when said), the relay chain, the note's words, its links. A class on
        # each was 2 KB of an article page of 12 claims.
        f'<aside class="na-note" id="note-{claim.id}" data-status="{attr(claim.status)}" role="note">'
        f'<p><a href="#claim-{claim.id}">{claim.number}</a> {note_status(archive, claim.status, here)}{said}</p>'
        f"{relay_chain(archive, claim, here)}"
        f"<p>{claim.note_html}</p>"
        f"<p>{items}</p>"
        "</aside>"
    )


def _link_or_title(item) -> str:
    return link(item.url, item.title, external=True) if item.url else text(item.title)


def _figure_open(archive: Archive, article: Article, claim: Claim) -> str:
    # The number and the symbol are drawn by CSS (::after, from data-number and the status's
    # symbol in assets/archive-statuses.css), not written in the text: the text around a figure
    # stays the archived text. archive.js makes it a button described by its note (role,
    # tabindex, aria-describedby): without the script a click does nothing, so the page does not
    # claim a button then, and ten thousand pages do not carry what the script can derive.
    return (
        f'<span class="na-claim" id="claim-{claim.id}" data-status="{attr(claim.status)}" data-number="{claim.number}">'
    )


_FIGURE_CLOSE = "</span>"


_UNCOVERED_OPEN = '<span class="na-uncovered" title="Figure not yet annotated">'


def _paragraph_html(archive: Archive, article: Article, start: int, end: int, claims, figures) -> str:
    marks = [(c.start, c.end, _figure_open(archive, article, c), _FIGURE_CLOSE) for c in claims]
    marks += [(f.start, f.end, _UNCOVERED_OPEN, "</span>") for f in figures]
    marks.sort()
    out, position = [], start
    for mark_start, mark_end, opening, closing in marks:
        if mark_start < position:
            continue  # never nest or overlap wrappers
        out.append(text(article.body[position:mark_start]))
        out.append(opening + text(article.body[mark_start:mark_end]) + closing)
        position = mark_end
    out.append(text(article.body[position:end]))
    return "<p>" + "".join(out) + "</p>"


def _text_format(archive: Archive, article: Article, site_url: str) -> str:
    here = article.src
    claims = article.claims
    uncovered = [f for f in article.uncovered if not any(c.start < f.end and f.start < c.end for c in claims)]
    out = []
    for start, end in paragraphs(article.body):
        inside = [c for c in claims if start <= c.start < end]
        shown = [f for f in uncovered if start <= f.start < end]
        out.append(_paragraph_html(archive, article, start, end, inside, shown))
        out.extend(note(archive, c, here, site_url) for c in inside)
    return "\n".join(out)


def _markdown_format(archive: Archive, article: Article, site_url: str) -> str:
    html = article.markdown_html
    here = article.src
    claims = article.claims

    # Notes go after the top-level block that holds their figure, where the text's own blocks
    # stand (a note inside a list would be a list's child, which HTML does not allow).
    out, position, waiting, depth = [], 0, [], 0
    for match in _MARKER_OR_BLOCK.finditer(html):
        out.append(html[position : match.start()])
        token = match.group(0)
        if token.startswith(OPEN):
            claim = claims[int(match.group(1))]
            waiting.append(claim)
            out.append(_figure_open(archive, article, claim))
        elif token == CLOSE:
            out.append(_FIGURE_CLOSE)
        else:
            out.append(token)
            if match.group(3):  # a container opens or closes
                depth += -1 if match.group(2) else 1
            if depth == 0 and token.startswith("</"):
                out.extend(note(archive, c, here, site_url) for c in waiting)
                waiting = []
        position = match.end()
    out.append(html[position:])
    out.extend(note(archive, c, here, site_url) for c in waiting)
    return "".join(out)


def _provenance(archive: Archive, article: Article, downloads_url: str = "") -> str:
    here = article.src
    rows = [("Outlet", text(article.outlet))]
    rows.append(("Published", date(article.published) if article.published else "not recorded"))
    rows.append(("Original address", link(article.url, article.url, external=True) if article.url else "not recorded"))
    rows.append(("Archived", date(article.archived)))
    if article.licence:
        title, url = article.licence["title"], article.licence.get("url")
        rows.append(("Licence", link(url, title, external=True) if url else text(title)))
    if article.attribution:
        rows.append(("Attribution", text(article.attribution)))
    rows.append(("SHA-256", f'<code class="na-hash">{article.sha256}</code>'))
    if article.raw_src:
        raw = urls.relative(here, article.raw_src)
        rows.append(("Raw archived text", link(raw, article.raw_src.rsplit("/", 1)[-1])))
    # The article's record is in its year's file, a download (urls.articles_shard).
    shard = urls.articles_shard(article)
    data = link(urls.download(here, shard, downloads_url), "JSON") + f" (in {text(shard)})"
    rows.append(("Claims", _claim_summary(archive, article) + f" · {data}" + _annotations_link(article, downloads_url)))
    cells = "".join(f"<div><dt>{name}</dt><dd>{value}</dd></div>" for name, value in rows)
    return f'<dl class="na-provenance">{cells}</dl>'


def _annotations_link(article: Article, downloads_url: str) -> str:
    if not article.claims:
        return ""
    # In its year's file, a download like the record (urls.annotations_shard).
    shard = urls.annotations_shard(article)
    return f" · {link(urls.download(article.src, shard, downloads_url), 'Web Annotations')} (in {text(shard)})"


def _claim_summary(archive: Archive, article: Article) -> str:
    # By status, they are the verdict's, right below.
    parts = [plural(len(article.claims), "claim")]
    uncovered = len(article.uncovered)
    if uncovered:
        parts.append(f'<span class="na-uncovered-count">{plural(uncovered, "figure")} not yet annotated</span>')
    return ", ".join(parts)


def verdict(archive: Archive, article: Article) -> str:
    """The article's claims by status, the worst first. archive.js adds to each status the numbers
    of its figures, each linking to its figure, from the notes (each has its number and status):
    written out, they were 1 KB of an article page of 12 claims; without the script a reader has the
    counts here and each figure's status in the text and its note."""
    if not article.claims:
        return ""
    counts = Counter(claim.status for claim in article.claims)
    rows = "".join(
        f"<li>{status_badge(archive, status_id, article.src)} <span>{plural(counts[status_id], 'claim')}</span></li>"
        for status_id in sorted(counts, key=lambda s: archive.statuses[s].rating)
    )
    return (
        '<section class="na-verdict" aria-labelledby="verdict">'
        f'<h2 id="verdict">Verdict: {plural(len(article.claims), "claim")}</h2>'
        f"<ul>{rows}</ul></section>"
    )


def _print_source(article: Article, site_url: str) -> str:
    """On paper only: where the page is and when its text was archived (archive.js fills in the
    address when the site was built without site_url, and makes the notes' permalinks from it)."""
    address = urls.absolute(site_url, urls.page_url(article.src)) if site_url else ""
    return (
        f'<p class="na-print-source">Printed from the Annotated News Archive: '
        f'<span class="na-print-source__address">{text(address)}</span> · archived {date(article.archived)}</p>'
    )


def article_html(archive: Archive, article: Article, site_url: str = "", downloads_url: str = "") -> str:
    if article.format == "markdown":
        body = _markdown_format(archive, article, site_url)
    else:
        body = _text_format(archive, article, site_url)
    # What every note's citation shares, once (archive.js makes the citations, see note()).
    published = article.published.isoformat() if article.published else ""
    return (
        f'<div class="na-article" data-outlet="{attr(article.outlet)}"'
        f' data-published="{published}" data-publisher="{attr(archive.publisher.name)}">'
        f"{_print_source(article, site_url)}"
        f'<h1 id="title">{text(article.title)}</h1>'
        f"{_provenance(archive, article, downloads_url)}"
        f"{verdict(archive, article)}"
        f'<div class="na-text" data-archived-text>{body}</div>'
        # archive.js adds the table of the figures here, from the notes (each note has all it shows).
        + ("" if article.claims else '<p class="na-empty">No figure of this article has been annotated yet.</p>')
        + "</div>"
    )
