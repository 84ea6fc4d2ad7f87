"""The editors' banner of `mkdocs serve`: while the archive cannot be rebuilt, every served page says so.

The preview then shows the last archive that loaded (an article deleted since is still there), so
each page carries the problems that keep it from being rebuilt, `path:line: message`, until they
are fixed. Only the preview's pages carry it (hooks/mkdocs_hooks.py): never a built site.
"""

from __future__ import annotations

import re
from html import escape

_BODY = re.compile(r"<body\b[^>]*>")
MAX_LINES = 20


def stale_banner(lines: list[str]) -> str:
    shown = "".join(f"<li><code>{escape(line)}</code></li>" for line in lines[:MAX_LINES])
    more = f"<li>… and {len(lines) - MAX_LINES} more (see the terminal)</li>" if len(lines) > MAX_LINES else ""
    return (
        '<div class="na-stale" role="alert"><p><strong>Preview out of date:</strong> the archive cannot be '
        "rebuilt until these problems are fixed; this page shows the last archive that built.</p>"
        f"<ul>{shown}{more}</ul></div>"
    )


def with_stale_banner(page: str, lines: list[str]) -> str:
    """The page with the banner at the top of its body."""
    match = _BODY.search(page)
    if match is None:
        return stale_banner(lines) + page
    return page[: match.end()] + stale_banner(lines) + page[match.end() :]
