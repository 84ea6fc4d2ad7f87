"""Finding the figures of a text: numbers, amounts and percentages, with their words.

Used by the importer (to list the figures an editor should turn into claims) and
by the coverage report (figures no claim covers). Dates and years are not
figures; numbers glued to letters ("G20", "20th") are not either.
"""

from __future__ import annotations

import re

from ..model import Figure

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_NUMBER = re.compile(
    r"(?<![\w.,$€£-])"
    r"(?P<figure>[$€£]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
    r"(?:\s?%|\s(?:percent|per cent))?"
    r"(?:\s(?:million|billion|trillion|thousand|bn|m)\b)?)"
    r"(?![\w$€£]|[.,]\d)",
    re.IGNORECASE,
)
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s+$", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"^\s+(?:of\s+)?(?:{_MONTHS})\b", re.IGNORECASE)
_YEAR = re.compile(r"(?:1[89]|20)\d\d\Z")
_WORD = re.compile(r"\s+([A-Za-z][A-Za-z'’-]*)")
_TRAILING_SMALL_WORDS = {
    "a",
    "an",
    "and",
    "at",
    "by",
    "for",
    "from",
    "in",
    "of",
    "on",
    "or",
    "over",
    "the",
    "to",
    "with",
}


def find_figures(text: str) -> list[Figure]:
    figures = []
    for match in _NUMBER.finditer(text):
        start, end = match.span("figure")
        token = match.group("figure")
        before = text[max(0, start - 12) : start]
        after = text[end : end + 16]
        if _YEAR.match(token) or _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after):
            continue
        figures.append(Figure(start, end, token, _with_words(text, start, end)))
    return figures


def _with_words(text: str, start: int, end: int, most: int = 3) -> str:
    """The figure and up to three words after it, as a suggested quote."""
    words = []
    position = end
    while len(words) < most:
        match = _WORD.match(text, position)
        if not match:
            break
        words.append(match.group(1))
        position = match.end()
    while words and words[-1].lower() in _TRAILING_SMALL_WORDS:
        words.pop()
    return " ".join([text[start:end], *words])
