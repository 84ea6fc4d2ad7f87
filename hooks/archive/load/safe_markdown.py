"""Markdown from untrusted hands (notes, archived Markdown texts) to inert HTML.

Raw HTML in the source is shown as text, not interpreted: Python-Markdown's
HTML handlers are removed, so `<script>` comes out as `&lt;script&gt;`. The
result then goes through nh3 (the Rust `ammonia` sanitiser) with a small allow
list, so whatever Markdown itself produces can carry no script, event handler or
`javascript:` address.
"""

from __future__ import annotations

import html as _html
import re

import markdown
import nh3

ALLOWED_SCHEMES = {"http", "https", "mailto"}
_INLINE_TAGS = {"a", "em", "strong", "code", "br", "abbr", "sub", "sup"}
_BLOCK_TAGS = _INLINE_TAGS | {"p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "hr"}
_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
_HREF = re.compile(r'href="([^"]*)"')
_SCHEME = re.compile(r"\s*([a-zA-Z][a-zA-Z0-9+.-]*):")
_OUTER_P = re.compile(r"\A<p>(.*)</p>\Z", re.S)
# A tag of the HTML made here (attribute values never hold ">": nh3 escapes it).
TAG = re.compile(r"<[^>]+>")


def unsafe_links(html: str) -> list[str]:
    """Link targets Markdown produced with a scheme other than http(s)/mailto, or protocol-relative
    (`//host/path`, which leads to another site as surely as `https://host/path`, but unseen)."""
    bad = []
    for href in _HREF.findall(html):
        target = href.replace("&#58;", ":").replace("&amp;", "&")
        match = _SCHEME.match(target)
        if (match and match.group(1).lower() not in ALLOWED_SCHEMES) or _PROTOCOL_RELATIVE.match(target):
            bad.append(href)
    return bad


# Browsers read a backslash in an address as a slash: `/\host` leads to another site too.
_PROTOCOL_RELATIVE = re.compile(r"\s*[/\\][/\\]")
# Protocol-relative addresses in a Markdown text's links, images and link definitions.
PROTOCOL_RELATIVE_LINK = re.compile(r"\]\(\s*<?\s*[/\\][/\\]|^ {0,3}\[[^\]\n]+\]:\s*<?\s*[/\\][/\\]", re.M)
# Python-Markdown's time on a paragraph grows with its length times the "[" in it (each unmatched
# one is followed to the paragraph's end): notes and Markdown texts are refused above these.
MAX_NOTE_CHARS = 5000
NOTE_COST = 50_000
TEXT_COST = 5_000_000
_WELL_FORMED_LINK = re.compile(r"\[[^\[\]\n]*\](?:\([^()\n]*\)|\[[^\[\]\n]*\]|(?!\())")
_BLOCK_BREAK = re.compile(r"\n[^\S\n]*\n")
# An image is shown as its text (its alt), as nothing of it could be shown otherwise.
_IMAGE = re.compile(r'<img\b[^>]*?\balt="([^"]*)"[^>]*>|<img\b[^>]*>')


def markdown_cost(source: str) -> int:
    """What Python-Markdown's worst case on source grows with: each paragraph's length times its "["
    that do not open a well-formed link or image (those are matched at once)."""
    if "[" not in source:
        return 0
    cost = 0
    for block in _BLOCK_BREAK.split(source):
        if "[" in block:
            cost += _WELL_FORMED_LINK.sub("", block).count("[") * len(block)
    return cost


# Most notes are sentences with some *emphasis* and [links](https://...). Python-Markdown takes
# longer to render a note than anything else loading does with it (see the Performance page):
# notes made only of these pieces are turned into HTML directly, to the same HTML
# (tests/test_safe_markdown.py checks this against Python-Markdown), and then sanitised like any
# other. Anything else goes through Python-Markdown.
_PLAIN_CHARS = r"[A-Za-z0-9 .,;:'\"()?%$/=+’‘“”–—-]"
_WORDS = r"[A-Za-z0-9][A-Za-z0-9 ]*(?<! )"
_EMPHASIS = rf"(?<![^ (])\*{_WORDS}\*(?=[ .,;:)]|\Z)"
_LINK = rf"\[{_WORDS}\]\(https?://[A-Za-z0-9./-]+\)"
# Not simple when a line would start a list or be a horizontal rule ("---").
_BLOCK_START = r"\d+\. |[-+] |(?:-+ {0,2}){3,}\Z"
_SIMPLE_NOTE = re.compile(rf"(?!{_BLOCK_START})(?:{_PLAIN_CHARS}|{_EMPHASIS}|{_LINK})+\Z")
_SIMPLE_PIECE = re.compile(rf"\*({_WORDS})\*|\[({_WORDS})\]\((https?://[A-Za-z0-9./-]+)\)")


def _simple_note_html(source: str) -> str:
    def piece(match):
        if match.group(1) is not None:
            return f"<em>{match.group(1)}</em>"
        return f'<a href="{match.group(3)}" rel="nofollow">{match.group(2)}</a>'

    return _SIMPLE_PIECE.sub(piece, source)


def _cleaner(tags: set) -> nh3.Cleaner:
    # A Cleaner holds its allow lists as built once; nh3.clean() with the same arguments builds
    # them again for every note. rel as render/html.link writes it (target is not allowed, so a
    # note's link never opens a window that noopener would guard).
    return nh3.Cleaner(tags=tags, attributes=_ATTRIBUTES, url_schemes=ALLOWED_SCHEMES, link_rel="nofollow")


_INLINE = _cleaner(_INLINE_TAGS)
_BLOCK = _cleaner(_BLOCK_TAGS)


class InertMarkdown:
    """Python-Markdown with raw HTML shown as text, then nh3. One serves a batch of files: setting
    Python-Markdown up costs about as much as rendering a note, so it is done once, when first needed."""

    def __init__(self) -> None:
        self._md: markdown.Markdown | None = None

    def _convert(self, source: str) -> str:
        if self._md is None:
            self._md = markdown.Markdown(extensions=[], output_format="html")
            self._md.preprocessors.deregister("html_block")
            self._md.inlinePatterns.deregister("html")
        self._md.reset()
        html = self._md.convert(source)
        return _IMAGE.sub(lambda m: m.group(1) or "", html) if "<img" in html else html

    def note_html(self, source: str) -> tuple[str, list[str]]:
        """An inline note (emphasis, code, links), sanitised, and the forbidden link targets it had."""
        if _SIMPLE_NOTE.match(source):
            return _INLINE.clean(_simple_note_html(source)), []
        return self.markdown_note_html(source)

    def markdown_note_html(self, source: str) -> tuple[str, list[str]]:
        """note_html through Python-Markdown, whatever the note."""
        html = self._convert(source)
        forbidden = unsafe_links(html)
        inner = _OUTER_P.match(html)
        if inner and html.count("<p>") == 1:
            html = inner.group(1)
        else:  # several paragraphs in a note: keep them apart, inline
            html = html.replace("</p>\n<p>", "<br><br>").replace("<p>", "").replace("</p>", "")
        return _INLINE.clean(html), forbidden

    def block_html(self, source: str) -> str:
        """A whole Markdown text (an article archived with format: markdown), sanitised."""
        return _BLOCK.clean(self._convert(source))


def plain_text(fragment: str) -> str:
    """The text of HTML made here (a note, an archived Markdown text): tags out, entities read."""
    return _html.unescape(TAG.sub("", fragment))
