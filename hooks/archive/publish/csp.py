"""A Content-Security-Policy for every page: no script may run unless the site shipped it.

Scripts from files on the site are allowed ('self'); inline scripts only when they are
the theme's own, each allowed by its SHA-256 (the archive's overrides make Material's three
inline scripts files, overrides/partials/javascripts/, so its pages have none, but a theme
upgrade or a hand-written template may bring one). The page's content (archived text, notes,
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

# Looked for in the page's UTF-8 bytes with ASCII letters lowered (bytes.lower keeps the
# length, so positions are the page's), with str.find rather than one regular expression:
# "(.*?)</script>" crawled through each 13 KB JSON-LD block a character at a time.
_SRC = re.compile(rb"\bsrc=")
_DATA_TYPE = re.compile(rb"""\btype=["']?(application/(?:ld\+)?json)""")


def _inline_scripts(page: bytes):
    """The text of each <script> element without a src (as <script(?![^>]*\bsrc=)[^>]*>(.*?)</script>, any case)."""
    lowered = page.lower()
    start = lowered.find(b"<script")
    while start != -1:
        tag_end = lowered.find(b">", start)
        if tag_end == -1:
            return
        attrs = lowered[start + 7 : tag_end]
        end = -1 if _SRC.search(attrs) else lowered.find(b"</script>", tag_end)
        if end == -1:  # a script with a src, or one never closed: not inline
            start = lowered.find(b"<script", start + 1)
            continue
        yield attrs, page[tag_end + 1 : end]
        start = lowered.find(b"<script", end + 9)


FIXED = "object-src 'none'; base-uri 'self'; form-action 'self'"


@functools.lru_cache(maxsize=256)  # the theme's scripts are the same on every page
def _hash(script: bytes) -> str:
    digest = hashlib.sha256(script).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def policy(*theme: str) -> str:
    """The policy for a page, from the theme's parts of it (the page without its content): the
    hashes of their inline scripts, never of anything in the content."""
    hashes = {
        _hash(body)
        for part in theme
        for attrs, body in _inline_scripts(part.encode("utf-8"))
        if not _DATA_TYPE.search(attrs)
    }
    sources = " ".join(["'self'", *sorted(hashes)])
    return f"script-src {sources}; {FIXED}"


def with_policy(head: str, policy: str) -> str:
    """`head`, the page's part that holds its <head> start tag, with the policy's <meta> right after it."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return _HEAD.sub(lambda m: m.group(0) + meta, head, count=1)


_HEAD = re.compile(r"<head([^>]*)>")
