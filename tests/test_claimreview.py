"""claimReviewed: the claim in the claimant's words, under 75 characters."""

from __future__ import annotations

import datetime
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.archive.export.claimreview import _SENTENCE_END, ELLIPSIS, claim_words, words_around
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


def _whole_body_words_around(body, quote_start, quote_end, limit):
    """The definition, without the window words_around looks in: sentences found from the body's start."""
    start = 0
    for match in _SENTENCE_END.finditer(body, 0, quote_start):
        start = match.end()
    match = _SENTENCE_END.search(body, quote_end)
    end = len(body) if match is None else match.start() + (0 if match.group(0).startswith("\n") else 1)
    end = max(end, quote_end)
    words = [(start + m.start(), start + m.end()) for m in re.finditer(r"\S+", body[start:end])]
    inside = [i for i, (a, b) in enumerate(words) if a < quote_end and quote_start < b]
    if not inside:
        return " ".join(body[quote_start:quote_end].split())[:limit]
    first, last = inside[0], inside[-1]

    def shown(lo, hi):
        text = " ".join(body[words[lo][0] : words[hi][1]].split())
        return (ELLIPSIS if lo > 0 else "") + text + (ELLIPSIS if hi < len(words) - 1 else "")

    if len(shown(first, last)) > limit:
        return " ".join(body[quote_start:quote_end].split())[: limit - 1].rstrip() + ELLIPSIS
    grew = True
    while grew:
        grew = False
        if last < len(words) - 1 and len(shown(first, last + 1)) <= limit:
            last, grew = last + 1, True
        if first > 0 and len(shown(first - 1, last)) <= limit:
            first, grew = first - 1, True
    return shown(first, last)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="ab c.d!\n?’\"”'x\t\u00a0\u2003", min_size=1, max_size=300), st.data(), st.integers(1, 80))
def test_looking_in_a_window_gives_the_words_of_the_whole_sentence(body, data, limit):
    start = data.draw(st.integers(0, len(body) - 1))
    end = data.draw(st.integers(start + 1, len(body)))
    assert words_around(body, start, end, limit) == _whole_body_words_around(body, start, end, limit)
