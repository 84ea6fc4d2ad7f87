"""An article page's ClaimReviews, as the data archive.js writes them out from (one JSON-LD block each).

Twelve reviews of one article written whole were a fifth of an article page. What they say alike
(the context, the article, the reviewer, the scale) is written once, in `common`, and each review's
own part after it (factor()); archive.js merges them back key by key. What the page or a table
gives is not written with each review either:

- its address is the page's and "#claim-" + its claim's id; its rating is its status's, which the
  claim's note gives (its data-status and, in its head, the status's label), with the status's
  value from `ratings`; the claim's appearance on this page is the page's address;
- its claim's author is a row of `agents` (claimreview.agent_row), each claimant once, in which
  what the claim's note shows is SHOWN: the relay chain's first hop is the claimant's name, linked,
  then ", " and its role, or failing that its affiliation's name (render/html.relay_chain);
- its `claimReviewed`, when the words are the page's own (a `text` article, whose paragraphs are
  its text's: anchor/quotes.paragraphs), is where they stand in the figure's paragraph: [the UTF-16
  units from their start to the figure's, their length, 1 if cut before + 2 if cut after].
  archive.js reads them there and collapses their white space, as claimreview.words_around does.
  Where the page's text could read otherwise (a carriage return, which an HTML parser reads as a
  line feed and a CRLF as one; a NUL; white space that Python and JavaScript tell apart), or the
  words are not the text's (a Markdown article's, a quote cut short), the words themselves are
  written.

An own part is [claim id, claimReviewed, author's row, the rest], the rest left out when empty.
"""

from __future__ import annotations

import re

from .. import urls
from ..anchor.quotes import paragraphs
from ..model import Archive, Article, Claim
from .claimreview import agent_row, article_reviews, reviewed_words, script

REVIEWS_ID = "na-claimreviews"  # archive.js makes the page's JSON-LD from this element
SHOWN = 0  # an agent's name, role or affiliation: as the claim's note shows it
CUT_BEFORE, CUT_AFTER = 1, 2

# JavaScript's \s (ECMAScript WhiteSpace and LineTerminator); Python's str.split() splits on these
# and on a few more (U+001C..U+001F, U+0085), and not on U+FEFF.
JS_SPACE = re.compile("[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+")


def article_scripts(archive: Archive, article: Article, site_url: str = "") -> str:
    """The page's ClaimReviews as archive.js reads them (empty when it has none)."""
    if not article.claims:
        return ""
    body, windows, _ = reviewed_words(archive, article)
    reviews = article_reviews(archive, article, site_url)
    page = urls.address(site_url, article.src, urls.page_url(article.src))
    blocks = list(paragraphs(body)) if article.format == "text" else []
    ratings, agents, heads = {}, [], []
    for claim, review, window in zip(article.claims, reviews, windows, strict=True):
        del review["url"]
        rating = review["reviewRating"]
        ratings[claim.status] = rating.pop("ratingValue")
        del rating["alternateName"]
        row = _shown(agent_row(archive, archive.claimants[claim.claimant]))
        del review["itemReviewed"]["author"]
        if row not in agents:
            agents.append(row)
        said = review.pop("claimReviewed")
        for appearance in review["itemReviewed"].get("appearance", []):
            if appearance == {"@type": "WebPage", "url": page}:
                del appearance["url"]  # this page: its address is "page"
        heads.append([claim.id, _on_page(body, window, blocks, claim) or said, agents.index(row)])
    common, own = factor(reviews)
    data = {
        "page": page,
        "ratings": ratings,
        "agents": agents,
        "common": common,
        "own": [[*head, rest] if rest else head for head, rest in zip(heads, own, strict=True)],
    }
    return script(data, "application/json", REVIEWS_ID)


def _shown(row: list) -> list:
    """An agent_row with what the relay chain's first hop shows as SHOWN."""
    kind, _, role, affiliation, url = [*row, "", "", ""][:5]
    row = [kind, SHOWN, SHOWN if role else "", SHOWN if affiliation and not role else affiliation, url]
    while row[-1] == "":
        row.pop()
    return row


def _on_page(body: str, window, blocks: list[tuple[int, int]], claim: Claim) -> list | None:
    """Where claimReviewed (its words_window) stands in the figure's paragraph of a text article's page, or None."""
    if window is None or not blocks:
        return None
    start, end, cut_before, cut_after = window
    paragraph, paragraph_end = next((a, b) for a, b in blocks if a <= claim.start < b)
    read = body[paragraph:end]
    if not paragraph <= start <= end <= paragraph_end or "\r" in read or "\0" in read:
        return None
    words = body[start:end]
    if JS_SPACE.sub(" ", words) != " ".join(words.split()):
        return None
    cuts = (CUT_BEFORE if cut_before else 0) + (CUT_AFTER if cut_after else 0)
    return [_utf16(body[start : claim.start]), _utf16(words), cuts]


def _utf16(text: str) -> int:
    """Its length as JavaScript counts it."""
    return len(text.encode("utf-16-le")) // 2


def factor(items: list[dict]) -> tuple[dict, list[dict]]:
    """(what all the items say alike, what each says besides): merging common and own[i] key by key
    gives items[i]. Objects are factored key by key, any other value (arrays included) whole."""
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
