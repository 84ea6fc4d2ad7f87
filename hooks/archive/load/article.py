"""An article file: its front matter checked, its body kept exactly as archived."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from ..model import Article
from . import fields, safe_markdown
from .source import RAW_SUFFIX, Source, check_block

# Unicode noncharacters never occur in text: anchor/markers.py carries claim boundaries through
# Markdown with these three, so an archived Markdown text must not hold them.
NONCHARACTERS = re.compile("[\ufdd0-\ufdd2]")
_ADDRESS = re.compile(r"[^\s)>]*")


def _split_front_matter(source: Source, data: bytes):
    """The front matter's text, and the body as bytes (what sha256 covers) and as text."""
    first_newline = data.find(b"\n")
    if first_newline == -1 or data[:first_newline].rstrip(b"\r") != b"---":
        source.problem(1, "no-front-matter")
        return None
    position = first_newline + 1
    while position < len(data):
        end = data.find(b"\n", position)
        line_end = len(data) if end == -1 else end
        if data[position:line_end].rstrip(b"\r") in (b"---", b"..."):
            body_start = line_end + 1 if end != -1 else len(data)
            front = data[first_newline + 1 : position].decode("utf-8")
            body_bytes = data[body_start:]
            return front, body_bytes, body_bytes.decode("utf-8"), data.count(b"\n", 0, body_start) + 1
        if end == -1:
            break
        position = end + 1
    source.problem(1, "front-matter-unclosed")
    return None


def load_article(source: Source, docs_dir: Path) -> Article | None:
    """The article of source, its claims not yet read; None after reporting why it cannot be."""
    read = source.read_text()
    if read is None:
        return None
    data, _ = read
    split = _split_front_matter(source, data)
    if split is None:
        return None
    front_text, body_bytes, body, body_line = split
    meta = source.yaml("\n" + front_text)  # the blank line stands for '---': lines match the file
    if meta is None:
        if not front_text.strip():
            source.problem(2, "front-matter-empty")
        return None
    clean = check_block(source, meta, fields.FRONT_MATTER, "the front matter")
    if clean is None:
        return None
    actual = hashlib.sha256(body_bytes).hexdigest()
    if clean["sha256"] != actual:
        source.problem(meta.key_lines.get("sha256"), "hash-mismatch", actual=actual)
        return None
    if clean.get("published") and clean["published"] > clean["archived"]:
        line = meta.key_lines.get("published")
        source.problem(line, "published-after-archived", published=clean["published"], archived=clean["archived"])
        return None
    src = source.path.relative_to(docs_dir).as_posix()
    raw = source.path.with_suffix(RAW_SUFFIX)
    raw_size = raw.stat().st_size if raw.is_file() else None
    article = Article(
        src=src,
        body=body,
        body_line=body_line,
        outlet_line=meta.key_lines.get("outlet"),
        raw_src=raw.relative_to(docs_dir).as_posix() if raw_size is not None else None,
        # Most raw files are the body byte for byte (others differ by CRLF or a byte-order mark):
        # the Web Annotations then give the quote's offsets in that file (export/annotations.py).
        raw_exact=raw_size == len(body_bytes) and raw.read_bytes() == body_bytes,
        **clean,
    )
    body_line = front_text.count("\n") + 3  # after the two '---' lines
    if clean.get("format") == "markdown" and not _markdown_ok(source, body, body_line):
        return None
    return article


def _markdown_ok(source: Source, body: str, body_line: int) -> bool:
    """A Markdown text that can be rendered safely, in bounded time (else its problem is reported)."""
    if NONCHARACTERS.search(body):
        source.problem(None, "noncharacters")
        return False
    link = safe_markdown.PROTOCOL_RELATIVE_LINK.search(body)
    if link:
        address = _ADDRESS.match(body, link.end() - 2).group()
        source.problem(body.count("\n", 0, link.start()) + body_line, "text-forbidden-link", value=address)
        return False
    if safe_markdown.markdown_cost(body) > safe_markdown.TEXT_COST:
        source.problem(None, "markdown-too-complex", what="the text")
        return False
    return True
