"""An article page: the archived text with each claim's figure marked and its note beside it.

The text is never altered: every character of the body is escaped and emitted
in order; claims and uncovered figures only wrap existing characters in an
element, and notes stand between paragraphs (where a reader without JavaScript,
a screen reader and a printer find them). A script lifts them into the margin
on wide screens.
"""

from __future__ import annotations

import posixpath
import re
from html import escape

from . import urls
from .model import Archive, Article, Claim

PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")

# Markers that stand for claim boundaries while an archived Markdown text goes
# through Markdown. They are Unicode noncharacters, which never occur in text
# (the loader refuses bodies that contain them).
OPEN, MID, CLOSE = "\ufdd0", "\ufdd1", "\ufdd2"
MARKERS = re.compile(f"[{OPEN}{MID}{CLOSE}]")
# A claim marker as it stands in markdown_html: OPEN, the claim's index, MID; or CLOSE.
CLAIM_MARKS = re.compile(f"{OPEN}\\d+{MID}|{CLOSE}")
_MARKER_OR_BLOCK_END = re.compile(f"{OPEN}(\\d+){MID}|{CLOSE}|</(?:p|li|h[1-6]|blockquote|pre)>")


def attr(value) -> str:
    return escape(str(value), quote=True)


def text(value) -> str:
    return escape(str(value), quote=False)


def link(href: str, label: str, *, external: bool = False, cls: str = "") -> str:
    extra = ' rel="nofollow noopener"' if external else ""
    klass = f' class="{cls}"' if cls else ""
    return f'<a href="{attr(href)}"{klass}{extra}>{text(label)}</a>'


def date(value) -> str:
    return f'<time datetime="{value.isoformat()}">{value.isoformat()}</time>'


def status_badge(archive: Archive, status_id: str, here: str | None = None) -> str:
    status = archive.statuses[status_id]
    label = f'<span class="na-status__symbol" aria-hidden="true">{text(status.symbol)}</span> {text(status.label)}'
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


_PAGE_OF = {"status": urls.status_page, "claimant": urls.claimant_page}


def _linked(archive: Archive, kind: str, target: str, here: str, make) -> str:
    """make(href) for the page of a status or claimant, made once per folder it is linked from."""
    key = (kind, target, posixpath.dirname(here))  # a page's folder is its source's
    if key not in archive.links:
        archive.links[key] = make(urls.relative(here, urls.page_url(_PAGE_OF[kind](target))))
    return archive.links[key]


def claimant_description(archive: Archive, claimant_id: str) -> str:
    """The claimant's role, or failing that its affiliation, as escaped text."""
    claimant = archive.claimants[claimant_id]
    if claimant.role:
        return text(claimant.role)
    if claimant.affiliation:
        return text(archive.claimants[claimant.affiliation].name)
    return ""


def _chain(archive: Archive, claim: Claim, name) -> list[str]:
    """The hops of a claim's relay chain: the claimant (with role), each relay, the outlet.

    name(claimant_id) shows a claimant (a link, or plain text).
    """
    hops = [name(who) for who in (claim.claimant, *claim.via)]
    description = claimant_description(archive, claim.claimant)
    if description:
        hops[0] += f", {description}"
    return [*hops, text(claim.article.outlet)]


def relay_chain(archive: Archive, claim: Claim, here: str) -> str:
    """Claimant (with role) → each relay → the outlet, claimants linked to their pages."""
    *hops, outlet = _chain(archive, claim, lambda who: claimant_link(archive, who, here))
    hops.append(f'<span class="na-chain__outlet">{outlet}</span>')
    return ' <span class="na-chain__arrow" aria-label="relayed to">→</span> '.join(hops)


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


def paragraphs(body: str):
    """[start, end) of each paragraph of a text-format body."""
    start = 0
    for match in PARAGRAPH_BREAK.finditer(body):
        if body[start : match.start()].strip():
            yield start, match.start()
        start = match.end()
    if body[start:].strip():
        yield start, len(body)


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


def marked_markdown(article: Article) -> str:
    """The Markdown body with invisible markers around each claim's quote."""
    pieces, position = [], 0
    for index, claim in enumerate(article.claims):
        pieces += [
            article.body[position : claim.start],
            f"{OPEN}{index}{MID}",
            article.body[claim.start : claim.end],
            CLOSE,
        ]
        position = claim.end
    pieces.append(article.body[position:])
    return "".join(pieces)


def markdown_claims_problem(html: str, count: int) -> dict[int, str]:
    """Claims (by index) whose markers did not come through Markdown as one run of text, with a message code."""
    problems = {}
    for index in range(count):
        opening = html.find(f"{OPEN}{index}{MID}")
        closing = html.find(CLOSE, opening)
        if opening == -1 or closing == -1 or html.rfind("<", 0, opening) > html.rfind(">", 0, opening):
            problems[index] = "quote-in-markup"  # lost, or inside a tag (a link address)
        elif "<" in html[opening:closing]:
            problems[index] = "quote-crosses-formatting"
    return problems


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
