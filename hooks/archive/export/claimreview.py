"""schema.org ClaimReview for every claim, as JSON-LD for the article pages (written by archive.js
from the data export/page_reviews.py writes) and the downloads.

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
    return shown_words(body, quote_start, quote_end, words_window(body, quote_start, quote_end, limit), limit)


def shown_words(body: str, quote_start: int, quote_end: int, window, limit: int = MAX_CLAIM_REVIEWED) -> str:
    """words_around's words, from its words_window."""
    if window is None:
        quote = " ".join(body[quote_start:quote_end].split())
        return quote and quote[: limit - 1].rstrip() + ELLIPSIS
    start, end, cut_before, cut_after = window
    return (ELLIPSIS if cut_before else "") + " ".join(body[start:end].split()) + (ELLIPSIS if cut_after else "")


def words_window(body: str, quote_start: int, quote_end: int, limit: int = MAX_CLAIM_REVIEWED):
    """(start, end, cut before, cut after): the words words_around shows are body[start:end], white
    space collapsed, with an ellipsis where the sentence goes on. None when the quote's words alone
    are over `limit` (words_around cuts the quote) or the quote is white space only."""
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
        return None
    first, last = inside[0], inside[-1]
    before = [0, *itertools.accumulate(b - a for a, b in words)]  # letters in the words before each

    def size(lo: int, hi: int) -> int:
        # The words shown, one space between each, and the ellipses.
        ellipses = len(ELLIPSIS) * ((lo > 0) + (hi < len(words) - 1))
        return before[hi + 1] - before[lo] + (hi - lo) + ellipses

    if size(first, last) > limit:
        return None
    # Grow outwards a word at a time, alternating sides, while it fits.
    grew = True
    while grew:
        grew = False
        if last < len(words) - 1 and size(first, last + 1) <= limit:
            last, grew = last + 1, True
        if first > 0 and size(first - 1, last) <= limit:
            first, grew = first - 1, True
    return words[first][0], words[last][1], first > 0, last < len(words) - 1


def reviewed_words(archive: Archive, article: Article) -> tuple[str, list, list[str]]:
    """(the article's reading text, each claim's words_window in it, each claim's claimReviewed), in
    the article's order: once per archive (its memo, never handed on), as both the article's page
    (page_reviews) and the year feeds use them."""
    known = archive.memo.setdefault("reviewed_words", {})
    if article.src not in known:
        body, spans = reading_text(article)
        windows = [words_window(body, *span) for span in spans]
        words = [shown_words(body, *span, window) for span, window in zip(spans, windows, strict=True)]
        known[article.src] = body, windows, words
    return known[article.src]


def work_out_words(archive: Archive) -> None:
    """Every article's reviewed_words, before the data files' child process is forked: worked out
    there too otherwise, for the year feeds, while the build works them out for the pages."""
    for article in archive.articles:
        reviewed_words(archive, article)


def agent_row(archive: Archive, claimant: Claimant) -> list:
    """A claimant as the Claim's author, in a row: [schema.org type, name, role, affiliation, url],
    the empty fields at its end left out. The article pages carry their authors so (page_reviews)."""
    affiliation = archive.claimants[claimant.affiliation].name if claimant.affiliation else ""
    row = ["Person" if claimant.kind == "person" else "Organization", claimant.name, claimant.role or "", affiliation]
    row.append(claimant.url or "")
    while not row[-1]:
        row.pop()
    return row


def agent(row: list) -> dict:
    """The schema.org Person or Organization of an agent_row (archive.js makes the same)."""
    kind, name, role, affiliation, url = [*row, "", "", ""][:5]
    person = kind == "Person"
    out = {"@type": kind, "name": name}
    if role:
        out["jobTitle" if person else "description"] = role
    if affiliation:
        out["affiliation" if person else "parentOrganization"] = {"@type": "Organization", "name": affiliation}
    if url:
        out["url"] = url
    return out


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
    """`words`: claimReviewed, and `shared`: _shared(), when the caller has them already (see page_reviews).
    here: the file the review is written in, which relative addresses start from (the article's page
    by default)."""
    article = claim.article
    here = here or article.src
    status = archive.statuses[claim.status]
    appearance, author = shared or _shared(archive, article, site_url, here)
    item = {
        "@type": "Claim",
        "author": agent(agent_row(archive, archive.claimants[claim.claimant])),
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


def article_reviews(archive: Archive, article: Article, site_url: str = "") -> list:
    """Every claim's ClaimReview, in the article's order."""
    return list(_reviews(archive, article, site_url, article.src))


def _reviews(archive: Archive, article: Article, site_url: str, here: str):
    _, _, words = reviewed_words(archive, article)
    shared = _shared(archive, article, site_url, here) if article.claims else None
    for claim, said in zip(article.claims, words, strict=True):
        yield claim_review(archive, claim, site_url, said, shared, here)


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
