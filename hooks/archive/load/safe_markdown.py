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


def _inert_markdown() -> markdown.Markdown:
    md = markdown.Markdown(extensions=[], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


_md = _inert_markdown()


def _convert(source: str) -> str:
    _md.reset()
    return _md.convert(source)


def unsafe_links(html: str) -> list[str]:
    """Link targets Markdown produced with a scheme other than http(s)/mailto."""
    bad = []
    for href in _HREF.findall(html):
        match = _SCHEME.match(href.replace("&#58;", ":").replace("&amp;", "&"))
        if match and match.group(1).lower() not in ALLOWED_SCHEMES:
            bad.append(href)
    return bad


# Most notes are sentences with some *emphasis* and [links](https://...). Python-Markdown
# takes about 0.1 ms a note, the largest cost of loading a big archive; notes made only
# of these pieces are rendered directly, to the same HTML (tests/test_safe_markdown.py
# checks this against Python-Markdown). Anything else goes through Python-Markdown.
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
        return f'<a href="{match.group(3)}" rel="noopener nofollow">{match.group(2)}</a>'

    return _SIMPLE_PIECE.sub(piece, source)


def note_html(source: str) -> tuple[str, list[str]]:
    """An inline note (emphasis, code, links), and the forbidden link targets it had."""
    if _SIMPLE_NOTE.match(source):
        return _simple_note_html(source), []
    html = _convert(source)
    forbidden = unsafe_links(html)
    inner = _OUTER_P.match(html)
    if inner and html.count("<p>") == 1:
        html = inner.group(1)
    else:  # several paragraphs in a note: keep them apart, inline
        html = html.replace("</p>\n<p>", "<br><br>").replace("<p>", "").replace("</p>", "")
    clean = nh3.clean(
        html, tags=_INLINE_TAGS, attributes=_ATTRIBUTES, url_schemes=ALLOWED_SCHEMES, link_rel="noopener nofollow"
    )
    return clean, forbidden


def block_html(source: str) -> str:
    """A whole Markdown text (an article archived with format: markdown)."""
    return nh3.clean(
        _convert(source),
        tags=_BLOCK_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener nofollow",
    )


def plain_text(fragment: str) -> str:
    """The text of HTML made here (a note, an archived Markdown text): tags out, entities read."""
    return _html.unescape(TAG.sub("", fragment))
