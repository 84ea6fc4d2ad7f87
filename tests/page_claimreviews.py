"""An article page's ClaimReviews as archive.js writes them out (docs/assets/archive.js,
claimReviews), made in Python from the page's HTML and its data (hooks/archive/export/page_reviews.py).
The tests compare these with the downloads' reviews, and tests/browser/test_claimreview_page.py
compares what the script wrote in Chromium with these."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup, NavigableString
from note_parts import STATUS

from hooks.archive.export.claimreview import ELLIPSIS, agent
from hooks.archive.export.page_reviews import CUT_AFTER, CUT_BEFORE, JS_SPACE, REVIEWS_ID, SHOWN


def json_ld(html: str) -> list[dict]:
    page = BeautifulSoup(html, "lxml")  # as a browser reads it: the relay chain leaves out its end tags
    block = page.find("script", id=REVIEWS_ID)
    if block is None:
        return []
    data = json.loads(block.string)
    out = []
    for claim_id, words, author, *rest in data["own"]:
        note = page.find(id="note-" + claim_id)
        review = merge(data["common"], rest[0] if rest else {})
        review["url"] = data["page"] + "#claim-" + claim_id
        label = page.select_one(f'[id="note-{claim_id}"] > {STATUS}').get_text()
        rating = {"ratingValue": data["ratings"][note["data-status"]], "alternateName": label}
        review["reviewRating"] = {**review["reviewRating"], **rating}
        if not isinstance(words, str):
            words = _words_around(page.find(id="claim-" + claim_id), words)
        review["claimReviewed"] = words
        author = _agent(data["agents"][author], note)
        item = review["itemReviewed"] = {**review["itemReviewed"], "author": author}
        if "appearance" in item:
            bare = {"@type": "WebPage"}
            item["appearance"] = [{**a, "url": data["page"]} if a == bare else a for a in item["appearance"]]
        out.append(review)
    return out


def _words_around(figure, place: list[int]) -> str:
    back, length, cuts = place
    paragraph = figure.parent
    before = []
    for node in paragraph.descendants:
        if node is figure:
            break
        if isinstance(node, NavigableString):
            before.append(str(node))
    text = paragraph.get_text().encode("utf-16-le")
    start = len("".join(before).encode("utf-16-le")) - 2 * back
    words = JS_SPACE.sub(" ", text[start : start + 2 * length].decode("utf-16-le"))
    return (ELLIPSIS if cuts & CUT_BEFORE else "") + words + (ELLIPSIS if cuts & CUT_AFTER else "")


def _agent(row: list, note) -> dict:
    hop = note.find(class_="na-chain").find("li")
    name = hop.contents[0].get_text()
    described = hop.get_text()[len(name) + 2 :]
    kind, who, role, affiliation, url = [*row, "", "", ""][:5]

    def seen(value, shown: str):
        return shown if value == SHOWN else value

    return agent([kind, seen(who, name), seen(role, described), seen(affiliation, described), url])


def merge(common: dict, own: dict) -> dict:
    out = dict(common)
    for key, value in own.items():
        out[key] = merge(out[key], value) if isinstance(out.get(key), dict) and isinstance(value, dict) else value
    return out
