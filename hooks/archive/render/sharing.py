"""A claim shared by several articles, as the other pages mention it: its page's path, "also in N articles",
and counts that take it once. Kept apart from shared.py, which builds the pages on listing.py's pieces."""

from __future__ import annotations

from .. import urls
from ..model import Claim, SharedClaim
from .html import link, plural


def shared_page(group: SharedClaim) -> str:
    return f"shared/{group.key}.md"


def other_articles(claim: Claim) -> int:
    """How many other articles carry this claim."""
    return len({c.article.src for c in claim.shared.appearances} - {claim.article.src})


def also_in(claim: Claim, here: str) -> str:
    """ "Also in 2 articles", linking the shared claim's page ("" for a claim of one article)."""
    if claim.shared is None:
        return ""
    count = other_articles(claim)
    label = f"Also in {plural(count, 'article')}" if count else "Shared claim"
    return link(urls.relative(here, urls.page_url(shared_page(claim.shared))), label, cls="na-also-in")


def distinct(claims) -> int:
    """How many claims these are, a claim shared by several articles counted once."""
    return len({c.shared.key if c.shared is not None else id(c) for c in claims})
