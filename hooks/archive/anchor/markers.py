"""Claim boundaries carried through Markdown: an archived Markdown text is rendered with a marker
before and after each claim's quote, so that the HTML tells where each quote stands.

The markers are Unicode noncharacters, which never occur in text (load/article.py refuses bodies
that contain them: NONCHARACTERS).
"""

from __future__ import annotations

import re

from ..model import Article

OPEN, MID, CLOSE = "\ufdd0", "\ufdd1", "\ufdd2"
# A claim marker as it stands in markdown_html: OPEN, the claim's index, MID; or CLOSE.
CLAIM_MARKS = re.compile(f"{OPEN}(\\d+){MID}|{CLOSE}")


def marked_markdown(article: Article) -> str:
    """The Markdown body with invisible markers around each claim's quote."""
    pieces, position = [], 0
    for index, claim in enumerate(article.claims):
        pieces += [
            article.body[position : claim.start],
            f"{OPEN}{index}{MID}",
            article.body[claim.start : claim.end],
            CLOSE,
        ]
        position = claim.end
    pieces.append(article.body[position:])
    return "".join(pieces)


def markdown_claims_problem(html: str, count: int) -> dict[int, str]:
    """Claims (by index) whose markers did not come through Markdown as one run of text, with a message code."""
    problems = {}
    for index in range(count):
        opening = html.find(f"{OPEN}{index}{MID}")
        closing = html.find(CLOSE, opening)
        if opening == -1 or closing == -1 or html.rfind("<", 0, opening) > html.rfind(">", 0, opening):
            problems[index] = "quote-in-markup"  # lost, or inside a tag (a link address)
        elif "<" in html[opening:closing]:
            problems[index] = "quote-crosses-formatting"
    return problems
