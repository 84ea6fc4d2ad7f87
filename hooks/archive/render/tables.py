"""Tables that hand-written pages ask for by a marker (the status vocabulary, the ClaimReview ratings)."""

from __future__ import annotations

from ..model import Archive
from .html import status_badge, text

STATUS_TABLE_MARKER = "<!-- archive:status-table -->"
RATING_TABLE_MARKER = "<!-- archive:rating-table -->"


def expand_markers(archive: Archive, markdown: str) -> str:
    """A hand-written page's Markdown with each marker replaced by its table."""
    if STATUS_TABLE_MARKER in markdown:
        markdown = markdown.replace(STATUS_TABLE_MARKER, status_table(archive))
    if RATING_TABLE_MARKER in markdown:
        markdown = markdown.replace(RATING_TABLE_MARKER, rating_table(archive))
    return markdown


def rating_table(archive: Archive) -> str:
    """Each status's ClaimReview rating (docs/data.md), as configured."""
    rows = "".join(
        f"<tr><td>{status_badge(archive, s.id)}</td><td><code>{text(s.id)}</code></td><td>{s.rating}</td></tr>"
        for s in sorted(archive.statuses.values(), key=lambda s: -s.rating)
    )
    return (
        '<table class="na-table"><thead><tr><th>Status (<code>alternateName</code>)</th><th>In YAML</th>'
        f"<th><code>ratingValue</code></th></tr></thead><tbody>{rows}</tbody></table>"
    )


def status_table(archive: Archive) -> str:
    rows = "".join(
        f"<tr><td>{status_badge(archive, s.id)}</td><td><code>{text(s.id)}</code></td>"
        f"<td>{text(s.description)}</td></tr>"
        for s in archive.statuses.values()
    )
    return (
        '<table class="na-table"><thead><tr><th>Status</th><th>In YAML</th><th>Meaning</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )


def status_css(archive: Archive) -> str:
    """The stylesheet that gives each status its colour (assets/archive-statuses.css), and its symbol
    in the claims tables' status cells (drawn here once, not written in each of their rows; the
    empty alternative text after "/" keeps screen readers to the label beside it)."""
    rules = []
    for s in archive.statuses.values():
        symbol = _css_string(s.symbol + " ")
        rules.append(f'[data-status="{s.id}"]{{--na-status:{s.colour}}}\n')
        rules.append(f'.na-claims td[data-status="{s.id}"]::before{{content:{symbol};content:{symbol}/""}}\n')
    return "".join(rules)


def _css_string(value: str) -> str:
    """value as a CSS string: every character but letters and digits as a CSS escape."""
    return '"' + "".join(c if c.isascii() and c.isalnum() else f"\\{ord(c):x} " for c in value) + '"'
