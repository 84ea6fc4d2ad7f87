"""An article page: the archived text with each claim's figure marked and its note beside it.

The text is never altered: every character of the body is escaped and emitted
in order; claims and uncovered figures only wrap existing characters in an
element, and notes stand between paragraphs (where a reader without JavaScript,
a screen reader and a printer find them). A script lifts them into the margin
on wide screens.
"""

from __future__ import annotations

import re

from .. import urls
from ..anchor.markers import CLOSE, MID, OPEN
from ..anchor.quotes import paragraphs
from ..model import Archive, Article, Claim
from .html import attr, claimant_link, date, link, relay_chain, status_badge, text

_MARKER_OR_BLOCK_END = re.compile(f"{OPEN}(\\d+){MID}|{CLOSE}|</(?:p|li|h[1-6]|blockquote|pre)>")


def note(archive: Archive, claim: Claim, here: str) -> str:
    said = f' <span class="na-note__said">said {date(claim.said)}</span>' if claim.said else ""
    extras = []
    if claim.source:
        extras.append("Source: " + _link_or_title(claim.source))
    if claim.evidence:
        extras.append("Evidence: " + "; ".join(_link_or_title(e) for e in claim.evidence))
    if claim.checked:
        extras.append(f"Checked {date(claim.checked)}")
    extras.append(link(f"#claim-{claim.id}", "Permalink", cls="na-note__permalink"))
    return (
        # role="note", unnamed: a figure's aria-describedby then reads the whole note, not a label.
        f'<aside class="na-note" id="note-{claim.id}" data-claim-note="{claim.id}" data-status="{attr(claim.status)}"'
        ' role="note">'
        f'<p class="na-note__head"><span class="na-note__number">{claim.number}</span> '
        f"{status_badge(archive, claim.status, here)}{said}</p>"
        f'<p class="na-note__chain">{relay_chain(archive, claim, here)}</p>'
        f'<p class="na-note__text">{claim.note_html}</p>'
        f'<p class="na-note__links">{" · ".join(extras)}</p>'
        "</aside>"
    )


def _link_or_title(item) -> str:
    return link(item.url, item.title, external=True) if item.url else text(item.title)


def _figure_open(claim: Claim) -> str:
    return (
        f'<span class="na-claim" id="claim-{claim.id}" data-claim="{claim.id}" data-status="{attr(claim.status)}"'
        f' tabindex="0" aria-describedby="note-{claim.id}">'
    )


def _figure_close(claim: Claim) -> str:
    number = claim.number
    return f'</span><sup class="na-ref"><a href="#note-{claim.id}" aria-label="Note {number}">{number}</a></sup>'


_UNCOVERED_OPEN = '<span class="na-uncovered" title="Figure not yet annotated">'


def _paragraph_html(article: Article, start: int, end: int, claims, figures) -> str:
    marks = [(c.start, c.end, _figure_open(c), _figure_close(c)) for c in claims]
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


def _text_format(archive: Archive, article: Article) -> str:
    here = article.src
    claims = article.claims
    uncovered = [f for f in article.uncovered if not any(c.start < f.end and f.start < c.end for c in claims)]
    out = []
    for start, end in paragraphs(article.body):
        inside = [c for c in claims if start <= c.start < end]
        out.append(_paragraph_html(article, start, end, inside, [f for f in uncovered if start <= f.start < end]))
        out.extend(note(archive, c, here) for c in inside)
    return "\n".join(out)


def _markdown_format(archive: Archive, article: Article) -> str:
    html = article.markdown_html
    here = article.src
    claims = article.claims

    # Notes go after the block that holds their figure.
    out, position, waiting = [], 0, []
    for match in _MARKER_OR_BLOCK_END.finditer(html):
        out.append(html[position : match.start()])
        token = match.group(0)
        if token.startswith(OPEN):
            claim = claims[int(match.group(1))]
            waiting.append(claim)
            out.append(_figure_open(claim))
        elif token == CLOSE:
            out.append(_figure_close(waiting[-1]))
        else:
            out.append(token)
            out.extend(note(archive, c, here) for c in waiting)
            waiting = []
        position = match.end()
    out.append(html[position:])
    out.extend(note(archive, c, here) for c in waiting)
    return "".join(out)


def _provenance(archive: Archive, article: Article) -> str:
    here = article.src
    rows = [("Outlet", text(article.outlet))]
    rows.append(("Published", date(article.published) if article.published else "not recorded"))
    rows.append(("Original address", link(article.url, article.url, external=True) if article.url else "not recorded"))
    rows.append(("Archived", date(article.archived)))
    rows.append(("SHA-256", f'<code class="na-hash">{article.sha256}</code>'))
    if article.raw_src:
        raw = urls.relative(here, article.raw_src)
        rows.append(("Raw archived text", link(raw, article.raw_src.rsplit("/", 1)[-1])))
    data = urls.relative(here, urls.page_url(article.src)[: -len(".html")] + ".json")
    rows.append(("Claims", _claim_summary(archive, article) + f" · {link(data, 'JSON')}" + _annotations_link(article)))
    cells = "".join(f"<div><dt>{name}</dt><dd>{value}</dd></div>" for name, value in rows)
    return f'<dl class="na-provenance">{cells}</dl>'


def _annotations_link(article: Article) -> str:
    if not article.claims:
        return ""
    href = urls.relative(article.src, urls.data_file(article.src, ".annotations.jsonld"))
    return f" · {link(href, 'Web Annotations')}"


def _claim_summary(archive: Archive, article: Article) -> str:
    counts: dict[str, int] = {}
    for claim in article.claims:
        counts[claim.status] = counts.get(claim.status, 0) + 1
    parts = [f"{len(article.claims)} claim{'s' if len(article.claims) != 1 else ''}"]
    parts += [f"{n} {text(archive.statuses[s].label.lower())}" for s, n in counts.items()]
    uncovered = len(article.uncovered)
    if uncovered:
        parts.append(
            f'<span class="na-uncovered-count">{uncovered} figure{"s" if uncovered != 1 else ""}'
            " not yet annotated</span>"
        )
    return ", ".join(parts)


def figures_table(archive: Archive, article: Article) -> str:
    here = article.src
    if not article.claims:
        return '<p class="na-empty">No figure of this article has been annotated yet.</p>'
    rows = []
    for claim in article.claims:
        via = ", ".join(claimant_link(archive, v, here) for v in claim.via) or "—"
        rows.append(
            f'<tr><td>{claim.number}</td><td><a href="#claim-{claim.id}">{text(article.quoted(claim))}</a></td>'
            f"<td>{claimant_link(archive, claim.claimant, here)}</td><td>{via}</td>"
            f"<td>{status_badge(archive, claim.status, here)}</td></tr>"
        )
    return (
        '<table class="na-table"><thead><tr><th>#</th><th>Figure</th><th>Claimant</th>'
        f"<th>Relayed by</th><th>Status</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def article_html(archive: Archive, article: Article) -> str:
    body = _markdown_format(archive, article) if article.format == "markdown" else _text_format(archive, article)
    return (
        f'<div class="na-article" data-format="{article.format}">'
        f'<h1 id="title">{text(article.title)}</h1>'
        f"{_provenance(archive, article)}"
        f'<div class="na-text" data-archived-text>{body}</div>'
        '<h2 id="figures">Figures in this article</h2>'
        f"{figures_table(archive, article)}"
        "</div>"
    )
