"""schema.org ClaimReview for every claim, as JSON-LD for the article pages (written by archive.js
from the page's factored data, see article_scripts) and the downloads.

One ClaimReview per claim (https://schema.org/ClaimReview, in the shape of Google's fact-check
markup, which Google's Fact Check Explorer and Fact Check Tools API read; Google Search stopped
showing it in June 2025): `claimReviewed` is the claim in the claimant's words, cut from the
archived sentence around the quote; `itemReviewed` is a Claim by the claimant,
appearing in the archived article; `reviewRating` maps the status to a number
(Status.rating: 5 best .. 1 worst, the label as `alternateName`). schema.org has
no property for the relay chain: it is on the page and in the JSON export
(docs/data.md says so).

Addresses are absolute when `site_url` is set. Without it they are relative to
the page, which JSON-LD readers resolve against the page's address; Google's fact-check
tools want absolute ones, so a public site sets `site_url` (see docs/data.md).
"""

from __future__ import annotations

import itertools
import json
import re

from .. import urls
from ..anchor.reading import reading_text
from ..model import Archive, Article, Claim, Claimant
from ..render.sharing import shared_page

MAX_CLAIM_REVIEWED = 74  # Google: "under 75 characters"
_WORD = re.compile(r"\S+")
_CLOSING_QUOTES = "'’”\""
_SENTENCE_END = re.compile(rf"[.!?][{_CLOSING_QUOTES}]?\s|\n\s*\n")
ELLIPSIS = "…"


def claim_words(article: Article, claim: Claim, limit: int = MAX_CLAIM_REVIEWED) -> str:
    """The quote with as much of its sentence as fits in `limit` characters, '…' where it is cut.

    The words are the article's as a reader sees them (white space collapsed), never a
    summary and never the verdict.
    """
    body, spans = reading_text(article)
    index = next((i for i, c in enumerate(article.claims) if c is claim), None)
    if index is None:  # a claim not (yet) in its article: its own offsets in the body
        return words_around(article.body, claim.start, claim.end, limit)
    return words_around(body, *spans[index], limit)


def words_around(body: str, quote_start: int, quote_end: int, limit: int = MAX_CLAIM_REVIEWED) -> str:
    """The words of `body` around [quote_start, quote_end), within its sentence, in `limit` characters."""
    # Only `limit` characters on either side of the quote can be shown, so the sentence is
    # looked for within a window of about twice that (an article has thousands of characters
    # and a dozen claims). Words cut by the window are too far to be shown, and the scan
    # starts on a character no sentence end can straddle, so the result is the same.
    window = 2 * limit + 8
    scan = max(0, quote_start - window)
    while scan > 0 and (body[scan].isspace() or body[scan] in _CLOSING_QUOTES):
        scan -= 1
    start = scan
    for match in _SENTENCE_END.finditer(body, scan, quote_start):
        start = match.end()
    match = _SENTENCE_END.search(body, quote_end, quote_end + window)
    if match is None:
        end = min(len(body), quote_end + window)
    else:
        end = match.start() + (0 if match.group(0).startswith("\n") else 1)
    end = max(end, quote_end)
    words = [match.span() for match in _WORD.finditer(body, start, end)]
    # The quote's words, whole (a quote may start or end inside a word).
    inside = [i for i, (a, b) in enumerate(words) if a < quote_end and quote_start < b]
    if not inside:  # a quote of white space only cannot be anchored; keep the function total
        return " ".join(body[quote_start:quote_end].split())[:limit]
    first, last = inside[0], inside[-1]

    def shown(lo: int, hi: int) -> str:
        text = " ".join(body[words[lo][0] : words[hi][1]].split())
        return (ELLIPSIS if lo > 0 else "") + text + (ELLIPSIS if hi < len(words) - 1 else "")

    before = [0, *itertools.accumulate(b - a for a, b in words)]  # letters in the words before each

    def size(lo: int, hi: int) -> int:
        # len(shown(lo, hi)), without making it: words, one space between each, the ellipses.
        ellipses = len(ELLIPSIS) * ((lo > 0) + (hi < len(words) - 1))
        return before[hi + 1] - before[lo] + (hi - lo) + ellipses

    if size(first, last) > limit:
        quote = " ".join(body[quote_start:quote_end].split())
        return quote[: limit - 1].rstrip() + ELLIPSIS
    # Grow outwards a word at a time, alternating sides, while it fits.
    grew = True
    while grew:
        grew = False
        if last < len(words) - 1 and size(first, last + 1) <= limit:
            last, grew = last + 1, True
        if first > 0 and size(first - 1, last) <= limit:
            first, grew = first - 1, True
    return shown(first, last)


def _agent(archive: Archive, claimant: Claimant) -> dict:
    kind = "Person" if claimant.kind == "person" else "Organization"
    agent = {"@type": kind, "name": claimant.name}
    if claimant.role:
        agent["jobTitle" if kind == "Person" else "description"] = claimant.role
    if claimant.affiliation:
        affiliation = archive.claimants[claimant.affiliation]
        key = "affiliation" if kind == "Person" else "parentOrganization"
        agent[key] = {"@type": "Organization", "name": affiliation.name}
    if claimant.url:
        agent["url"] = claimant.url
    return agent


def _archive_page(article: Article, site_url: str, here: str) -> dict:
    # Its name and date are the page's own (its title, its archive date): only where it is.
    return {"@type": "WebPage", "url": urls.address(site_url, here, urls.page_url(article.src))}


def _original(article: Article) -> dict | None:
    # Only where it is: its headline, outlet and date are the archived page's, a dozen times on it otherwise.
    return {"@type": "NewsArticle", "url": article.url} if article.url else None


def claim_review(
    archive: Archive,
    claim: Claim,
    site_url: str = "",
    words: str | None = None,
    shared: tuple[list, dict] | None = None,
    here: str | None = None,
) -> dict:
    """`words`: claimReviewed, and `shared`: _shared(), when the caller has them already (see article_scripts).
    here: the file the review is written in, which relative addresses start from (the article's page
    by default)."""
    article = claim.article
    here = here or article.src
    status = archive.statuses[claim.status]
    appearance, author = shared or _shared(archive, article, site_url, here)
    item = {
        "@type": "Claim",
        "author": _agent(archive, archive.claimants[claim.claimant]),
        "appearance": appearance,
    }
    said = claim.said or article.published
    if not said and claim.shared is not None:  # one claim in many articles: it was made when it first appeared
        first = claim.shared.first
        said = first.said or first.article.published
    if said:
        item["datePublished"] = said.isoformat()
    if claim.shared is not None:
        _shared_claim(archive, claim, site_url, item, here)
    if claim.source and claim.source.url:
        item["firstAppearance"] = {"@type": "CreativeWork", "url": claim.source.url, "name": claim.source.title}
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": urls.address(site_url, here, urls.claim_permalink(claim)),
        "claimReviewed": claim_words(article, claim) if words is None else words,
        "itemReviewed": item,
        "author": author,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": status.rating,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": status.label,
        },
    }
    reviewed = claim.checked or article.archived
    review["datePublished"] = reviewed.isoformat()
    return review


def _shared_claim(archive: Archive, claim: Claim, site_url: str, item: dict, here: str) -> None:
    """A claim carried by several articles: every article's appearance (the first first), the first
    appearance, and the shared claim's page as the Claim's url: the same on every article's review."""
    group = claim.shared
    # An article once, though it may carry the claim twice.
    pages = list({c.article.src: c.article for c in group.appearances}.values())

    def appearances(article: Article) -> list[dict]:
        """The original article (when its address is known), then the archived copy."""
        page = _archive_page(article, site_url, here)
        return [a for a in (_original(article), page) if a]

    item["appearance"] = [a for article in pages for a in appearances(article)]
    item["firstAppearance"] = appearances(group.first.article)[0]
    item["url"] = urls.address(site_url, here, urls.page_url(shared_page(group)))


def _shared(archive: Archive, article: Article, site_url: str, here: str) -> tuple[list, dict]:
    """What every claim of an article says alike: where the claim appeared, who reviewed it."""
    appearance = [a for a in (_original(article), _archive_page(article, site_url, here)) if a]
    publisher = archive.publisher
    author = {"@type": "Organization", "name": publisher.name}
    if publisher.url or site_url:
        author["url"] = publisher.url or site_url
    return appearance, author


def script(data, kind: str = "application/ld+json", element_id: str = "") -> str:
    """A <script type=kind> element whose text can never end the element early.

    "<", ">" and "&" are written as JSON escapes, so no "</script>" or "<!--" can
    appear in it, whatever the archived text holds; JSON parsers read the same values.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    named = f' id="{element_id}"' if element_id else ""
    return f'<script type="{kind}"{named}>{text}</script>'


def article_reviews(archive: Archive, article: Article, site_url: str = "") -> list[dict]:
    """Every claim's ClaimReview, in the article's order."""
    return list(_reviews(archive, article, site_url, article.src))


def _reviews(archive: Archive, article: Article, site_url: str, here: str):
    body, spans = reading_text(article)
    shared = _shared(archive, article, site_url, here) if article.claims else None
    for claim, span in zip(article.claims, spans, strict=True):
        yield claim_review(archive, claim, site_url, words_around(body, *span), shared, here)


def year_feeds(archive: Archive, site_url: str = ""):
    """(path, JSON-LD) of each year's ClaimReviews (urls.claimreviews_shard), downloads beside the site
    for the tools that read ClaimReview without running a page's scripts: a schema.org DataFeed, the
    form fact-check aggregators take ClaimReview feeds in, its elements the reviews as the pages carry
    them (addresses absolute under site_url, else from the site's root, where the file is)."""
    years: dict[str, list[dict]] = {}
    for article in archive.articles:
        if article.claims:
            here = urls.claimreviews_shard(article)
            years.setdefault(here, []).extend(_reviews(archive, article, site_url, here))
    for path, reviews in years.items():
        elements = [{key: value for key, value in review.items() if key != "@context"} for review in reviews]
        feed = {"@context": "https://schema.org", "@type": "DataFeed", "dataFeedElement": elements}
        yield path, json.dumps(feed, ensure_ascii=False, separators=(",", ":"))


REVIEWS_ID = "na-claimreviews"  # archive.js makes the page's JSON-LD from this element
_OWN_RATING = ("ratingValue", "alternateName")  # what a review's rating says of its status


def article_scripts(archive: Archive, article: Article, site_url: str = "") -> str:
    """An article page's ClaimReviews, for archive.js to write out as one JSON-LD block each (empty
    when it has none; reviews() reads it back). A dozen reviews of one article say most things
    alike (the context, the article, the reviewer, the scale): that is written once, and each
    review's own part after it (factor() and merge()); written whole, the reviews were a fifth of an
    article page. What a review's claim id and status give is not written with it: its address is
    the page's and "#claim-" + the id, its rating the status's (once a status, in "ratings"), and the
    claim's appearance on this page is the page's address."""
    reviews = article_reviews(archive, article, site_url)
    if not reviews:
        return ""
    page = urls.address(site_url, article.src, urls.page_url(article.src))
    ratings = {}
    for claim, review in zip(article.claims, reviews, strict=True):
        del review["url"]
        rating = review["reviewRating"]
        ratings[claim.status] = {key: rating.pop(key) for key in _OWN_RATING}
        for appearance in review["itemReviewed"].get("appearance", []):
            if appearance == {"@type": "WebPage", "url": page}:
                del appearance["url"]  # this page: its address is "page"
    common, own = factor(reviews)
    data = {
        "page": page,
        "ratings": ratings,
        "common": common,
        "own": [[claim.id, claim.status, rest] for claim, rest in zip(article.claims, own, strict=True)],
    }
    return script(data, "application/json", REVIEWS_ID)


def reviews(data: dict) -> list[dict]:
    """The ClaimReviews of article_scripts()'s data, as archive.js writes them out."""
    out = []
    for claim_id, status, own in data["own"]:
        review = merge(data["common"], own)
        review["url"] = data["page"] + "#claim-" + claim_id
        review["reviewRating"] = {**review["reviewRating"], **data["ratings"][status]}
        item = review["itemReviewed"] = dict(review["itemReviewed"])  # not the data's own
        if "appearance" in item:
            item["appearance"] = [_here(appearance, data["page"]) for appearance in item["appearance"]]
        out.append(review)
    return out


def _here(appearance: dict, page: str) -> dict:
    # The page's own appearance is written without its address (article_scripts).
    return {**appearance, "url": page} if appearance == {"@type": "WebPage"} else appearance


def factor(items: list[dict]) -> tuple[dict, list[dict]]:
    """(what all the items say alike, what each says besides): merge(common, own[i]) == items[i].
    Objects are factored key by key, any other value (arrays included) whole."""
    common = {}
    for key, value in items[0].items():
        values = [item.get(key, _ABSENT) for item in items]
        if all(isinstance(v, dict) for v in values):
            alike, _ = factor(values)
            if alike:
                common[key] = alike
        elif all(v == value for v in values):
            common[key] = value
    return common, [_besides(item, common) for item in items]


_ABSENT = object()


def _besides(item: dict, common: dict) -> dict:
    out = {}
    for key, value in item.items():
        if key not in common:
            out[key] = value
        elif isinstance(value, dict) and value != common[key]:
            rest = _besides(value, common[key])
            if rest:
                out[key] = rest
    return out


def merge(common: dict, own: dict) -> dict:
    """The item factor() took apart (archive.js merges the same way)."""
    out = dict(common)
    for key, value in own.items():
        out[key] = merge(out[key], value) if isinstance(out.get(key), dict) and isinstance(value, dict) else value
    return out
