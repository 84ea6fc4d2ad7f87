"""A Content-Security-Policy for every page: no script may run unless the site shipped it.

Scripts from files on the site are allowed ('self'); inline scripts only when they are
the theme's own, each allowed by its SHA-256. The page's content (archived text, notes,
titles) is left out when the hashes are taken, so even a script that slipped into
content would be refused by the browser. The policy goes in a <meta> element at the top
of <head>, before any script, because a static host (GitHub Pages, a file on disk) sends
no headers of ours.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S | re.I)
_DATA_TYPE = re.compile(r"""\btype=["']?(application/(?:ld\+)?json)""", re.I)

FIXED = "object-src 'none'; base-uri 'self'; form-action 'self'"


@functools.lru_cache(maxsize=256)  # the theme's scripts are the same on every page
def _hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def policy(page_html: str, content: str) -> str:
    """The policy for a page: its theme scripts' hashes, never its content's."""
    # Content with no script tag at all (the usual case: text is escaped, notes sanitised)
    # need not be cut out of the page first, which is half the cost on a large page.
    has_script = content and "<script" in content.lower()
    theme_part = page_html.replace(content, "") if has_script else page_html
    hashes = sorted({_hash(body) for attrs, body in _INLINE_SCRIPT.findall(theme_part) if not _DATA_TYPE.search(attrs)})
    return f"script-src 'self' {' '.join(hashes)}; {FIXED}".replace("  ", " ")


def with_policy(page_html: str, content: str) -> str:
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(page_html, content)}">'
    return re.sub(r"<head([^>]*)>", lambda m: m.group(0) + meta, page_html, count=1)
