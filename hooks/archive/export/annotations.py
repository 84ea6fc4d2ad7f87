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

The annotations are published a year at a time (the article's date published, else archived, as its
record in articles-YEAR.json): `annotations-YEAR.jsonld` is an AnnotationCollection that embeds its one
AnnotationPage, holding every annotation of the year's articles (the shape of the W3C test suite's
collection sample; a client reads `first.items`). These files are downloads (urls.is_download), published
beside the site: one file per article was 10,000 files and 152 MB of the site at 10,000 articles.
The year pages are also the pages of the archive's collection, `annotations.jsonld` (in the site): its
`first` and `last` name the first and last year's page, and each page's `partOf`, `startIndex`, `next`
and `prev` are the archive's paging, so that a client can walk every claim from the index.

An annotation's id keeps the address of the per-article file it was published in until December 2026
(SLUG.annotations.jsonld#CLAIM-ID): a client that stored it still finds it, on the same targets.
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
    """The article's own annotations file until December 2026: no longer written, its annotations' ids
    keep it (see the module's docstring)."""
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
    exact = body[start:end]
    return {
        "type": "TextQuoteSelector",
        "exact": _as_parsed(exact),
        "prefix": _as_parsed(before),
        "suffix": _as_parsed(after),
    }


def _as_parsed(text: str) -> str:
    """The text as the page's reader gets it: an HTML parser reads a carriage return (CRLF, or CR
    alone) as a line feed, so a CRLF text's page holds none (the raw file keeps them)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


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


def _years(archive: Archive) -> dict[str, list[Article]]:
    """The year files (urls.annotations_shard) and their articles with claims, in the archive's order."""
    years: dict[str, list[Article]] = {}
    for article in archive.articles:
        if article.claims:
            years.setdefault(urls.annotations_shard(article), []).append(article)
    return dict(sorted(years.items()))


def _year_address(site_url: str, downloads_url: str, here: str, name: str) -> str:
    """Where a year's file is published: among the downloads when they are apart (urls.download), else
    at the site's root; as written in the file at `here`."""
    return downloads_url.rstrip("/") + "/" + name if downloads_url else urls.address(site_url, here, name)


def collection(archive: Archive, site_url: str, downloads_url: str = "") -> dict:
    """The archive's AnnotationCollection, the index of the year files: first and last name their pages."""
    years = _years(archive)
    data = {
        "@context": ANNO_CONTEXT,
        "id": urls.absolute(site_url, COLLECTION_PATH),
        "type": "AnnotationCollection",
        "label": f"{archive.publisher.name}: every annotated claim, in a file a year",
        "total": sum(len(a.claims) for articles in years.values() for a in articles),
    }
    if years:
        names = list(years)
        data["first"] = _year_address(site_url, downloads_url, COLLECTION_PATH, names[0]) + "#page"
        data["last"] = _year_address(site_url, downloads_url, COLLECTION_PATH, names[-1]) + "#page"
    return data


def year_collections(archive: Archive, site_url: str, downloads_url: str = ""):
    """(name, AnnotationCollection) of each year with claims, each embedding its one page (see above)."""
    years = _years(archive)
    names = list(years)
    total = sum(len(a.claims) for articles in years.values() for a in articles)
    index = 0
    for number, name in enumerate(names):

        def address(path: str, here=name) -> str:
            return urls.address(site_url, here, path)

        def file_address(other: str, here=name) -> str:
            return _year_address(site_url, downloads_url, here, other)

        page = {
            "id": file_address(name) + "#page",
            "type": "AnnotationPage",
            # The archive's paging: the page is one of the archive's collection.
            "partOf": {"id": address(COLLECTION_PATH), "total": total},
            "startIndex": index,
        }
        if number + 1 < len(names):
            page["next"] = file_address(names[number + 1]) + "#page"
        if number > 0:
            page["prev"] = file_address(names[number - 1]) + "#page"
        # Each item keeps its @context, so an annotation taken out of the page stands alone.
        items = []
        for article in years[name]:
            reading = reading_text(article)
            items += [annotation(archive, c, site_url, name, reading) for c in article.claims]
        page["items"] = items
        index += len(items)
        label = f"{archive.publisher.name}: the annotated claims of {urls.year(years[name][0])}"
        data = {"@context": ANNO_CONTEXT, "id": file_address(name), "type": "AnnotationCollection", "label": label}
        yield name, {**data, "total": len(items), "first": page, "last": page["id"]}


def dumps(data: dict) -> str:
    # No indentation: json.dumps then uses its C encoder (as in records.py).
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
