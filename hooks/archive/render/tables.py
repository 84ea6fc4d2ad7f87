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
    """The stylesheet that gives each status its colour, its symbol and its label, which the badges and
    the figures draw from data-status (assets/archive-statuses.css)."""
    return "".join(
        f'[data-status="{s.id}"]{{--na-status:{s.colour};--na-symbol:{css_string(s.symbol)};'
        f"--na-label:{css_string(s.label)}}}\n"
        for s in archive.statuses.values()
    )


def css_string(value: str) -> str:
    """A CSS string of value: every character but letters, digits and spaces as a hex escape, so that
    no label can end the string or the rule."""
    return '"' + "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in value) + '"'
