"""W3C Web Annotations (https://www.w3.org/TR/annotation-model/) for every claim.

Each claim is an Annotation with one target or two, each anchoring exactly on the resource it names:

- the article's page on this site (text/html), by a TextQuoteSelector: `exact` is the quote as
  the page shows it, `prefix` and `suffix` the (up to) CONTEXT characters of the page's text
  before and after it, within its paragraph (on the page, notes stand between paragraphs); for a
  text article that is the archived text itself, for a Markdown article the text as rendered
  (anchor/reading.py). The page's text also holds its header, navigation and notes, so no
  character offset is given for it;
- when the raw archived text beside the article (SLUG.txt, published with the site) is the body
  byte for byte, that file (text/plain), by a TextPositionSelector (`start`/`end`: offsets in
  Unicode code points of the quote in the file, which are the body's, as in the JSON) and a
  TextQuoteSelector cut from the same text.

Addresses are absolute when `site_url` is set (the Web Annotation model wants
IRIs); without it they are relative to the file that holds them.

Clients such as Hypothesis find the quote in the page's text and use prefix and
suffix to choose among repeats. The bodies are TextualBodies: the claimant (and
relay chain), the status label, and the note as plain text.

The per-article files are the AnnotationPages of one AnnotationCollection
(`annotations.jsonld`), chained with `next`/`prev`, one page per article with claims.
"""

from __future__ import annotations

import datetime
import json
import re

from .. import urls
from ..anchor.reading import reading_text
from ..load.safe_markdown import plain_text
from ..model import Archive, Article, Claim
from ..render.sharing import shared_page

CONTEXT = 32
ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
COLLECTION_PATH = "annotations.jsonld"
PAGE_SUFFIX = ".annotations.jsonld"
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")


def page_path(article: Article) -> str:
    return urls.data_file(article.src, PAGE_SUFFIX)


def _timestamp(day: datetime.date) -> str:
    return day.isoformat() + "T00:00:00Z"


def quote_selector(article: Article, claim: Claim, context: int = CONTEXT, reading=None) -> dict:
    """exact, prefix and suffix from the article's reading text (the body itself for text articles)."""
    body, spans = reading or reading_text(article)
    start, end = spans[next(i for i, c in enumerate(article.claims) if c is claim)]
    before = body[max(0, start - context) : start]
    after = body[end : end + context]
    # Context stops at a paragraph break: on the page, a note may stand there.
    breaks = list(_PARAGRAPH_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    first_break = _PARAGRAPH_BREAK.search(after)
    if first_break:
        after = after[: first_break.start()]
    return {"type": "TextQuoteSelector", "exact": body[start:end], "prefix": before, "suffix": after}


def raw_selectors(article: Article, claim: Claim, context: int = CONTEXT) -> list[dict]:
    """The quote in the archived text itself (the body; the raw file when raw_exact): offsets and context."""
    body = article.body
    quote = {
        "type": "TextQuoteSelector",
        "exact": body[claim.start : claim.end],
        "prefix": body[max(0, claim.start - context) : claim.start],
        "suffix": body[claim.end : claim.end + context],
    }
    return [{"type": "TextPositionSelector", "start": claim.start, "end": claim.end}, quote]


def _chain(archive: Archive, claim: Claim) -> str:
    return " → ".join(hop.name + (f" ({hop.description})" if hop.description else "") for hop in archive.relay(claim))


def _text(value: str, purpose: str) -> dict:
    return {"type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain", "language": "en"}


def annotation(archive: Archive, claim: Claim, site_url: str, here: str = "", reading=None) -> dict:
    """`here`: the file the annotation is written in (for relative addresses when site_url is empty)."""
    article = claim.article
    here = here or page_path(article)

    def address(path: str) -> str:
        return urls.address(site_url, here, path)

    status = archive.statuses[claim.status]
    claimant = archive.claimants[claim.claimant]
    creator = {"type": "Organization", "name": archive.publisher.name}
    if site_url:
        creator["homepage"] = site_url
    return {
        "@context": ANNO_CONTEXT,
        "id": address(page_path(article)) + "#" + claim.id,
        "type": "Annotation",
        "motivation": "assessing",
        "created": _timestamp(claim.checked or article.archived),
        "creator": creator,
        "body": [
            _text(f"Claimant: {claimant.name}. Relay chain: {_chain(archive, claim)}", "identifying"),
            _text(f"Status: {status.label}", "assessing"),
            _text(plain_text(claim.note_html), "commenting"),
            # A web resource with a purpose must be a SpecificResource (model 3.3.5).
            {"type": "SpecificResource", "source": address(urls.claim_permalink(claim)), "purpose": "linking"},
            *_shared_body(claim, address),
        ],
        "target": _targets(article, claim, address, reading),
    }


def _shared_body(claim: Claim, address) -> list[dict]:
    """A claim carried by several articles: its shared page names it, the same for every appearance."""
    if claim.shared is None:
        return []
    return [
        {
            "type": "SpecificResource",
            "source": address(urls.page_url(shared_page(claim.shared))),
            "purpose": "identifying",
        }
    ]


def _targets(article: Article, claim: Claim, address, reading) -> list[dict]:
    page = {
        "source": address(urls.page_url(article.src)),
        "type": "Text",
        "format": "text/html",
        "selector": quote_selector(article, claim, reading=reading),
    }
    if not article.raw_exact:
        return [page]
    raw = {"source": address(article.raw_src), "type": "Text", "format": "text/plain"}
    return [page, {**raw, "selector": raw_selectors(article, claim)}]


def _annotated(archive: Archive) -> list[Article]:
    return [a for a in archive.articles if a.claims]


def collection(archive: Archive, site_url: str) -> dict:
    articles = _annotated(archive)
    data = {
        "@context": ANNO_CONTEXT,
        "id": urls.absolute(site_url, COLLECTION_PATH),
        "type": "AnnotationCollection",
        "label": f"{archive.publisher.name}: every annotated claim",
        "total": sum(len(a.claims) for a in articles),
    }
    if articles:
        data["first"] = urls.absolute(site_url, page_path(articles[0]))
        data["last"] = urls.absolute(site_url, page_path(articles[-1]))
    return data


def pages(archive: Archive, site_url: str):
    """(path, AnnotationPage) for each article with claims, in the collection's order."""
    articles = _annotated(archive)
    total = sum(len(a.claims) for a in articles)
    index = 0
    for number, article in enumerate(articles):
        here = page_path(article)

        def address(path: str, here=here) -> str:
            return urls.address(site_url, here, path)

        page = {
            "@context": ANNO_CONTEXT,
            "id": address(here),
            "type": "AnnotationPage",
            "partOf": {
                "id": address(COLLECTION_PATH),
                "total": total,
            },
            "startIndex": index,
        }
        if number + 1 < len(articles):
            page["next"] = address(page_path(articles[number + 1]))
        if number > 0:
            page["prev"] = address(page_path(articles[number - 1]))
        # Each item keeps its @context, so an annotation taken out of the page stands alone.
        reading = reading_text(article)
        page["items"] = [annotation(archive, c, site_url, here, reading) for c in article.claims]
        index += len(article.claims)
        yield page_path(article), page


def dumps(data: dict) -> str:
    # No indentation: json.dumps then uses its C encoder (as in records.py).
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
