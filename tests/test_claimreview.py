"""claimReviewed: the claim in the claimant's words, under 75 characters."""

from __future__ import annotations

import datetime

from hooks.archive.claimreview import claim_words
from hooks.archive.model import Article, Claim


def words(body: str, quote: str) -> str:
    article = Article("articles/a.md", "t", "o", datetime.date(2026, 1, 1), "0" * 64, body)
    start = body.index(quote)
    claim = Claim("c", quote, "x", "unverified", "", None, start=start, end=start + len(quote), article=article)
    return claim_words(article, claim)


def test_a_short_sentence_is_given_whole():
    assert words("First one. He said 525 oil tanker trucks burned. Next.", "525 oil tanker trucks") == (
        "He said 525 oil tanker trucks burned."
    )


def test_a_long_sentence_is_cut_at_words_around_the_quote():
    body = "Officials said on Friday that " + "very " * 20 + "many, 525 oil tanker trucks, were hit " + "again " * 20
    text = words(body, "525 oil tanker trucks")
    assert len(text) < 75 and text.startswith("…") and text.endswith("…")
    assert "525 oil tanker trucks" in text
    assert text.strip("…") in " ".join(body.split())


def test_a_quote_inside_a_word_keeps_the_word_and_a_long_quote_is_cut():
    assert words("They lost ($1.5m) a day.", "1.5m") == "They lost ($1.5m) a day."
    quote = "x" * 100
    assert words(f"A {quote} b.", quote) == "x" * 73 + "…"
