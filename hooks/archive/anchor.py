"""Finding a claim's quote in the archived text: exact, never fuzzy.

A quote matches the body as is, except that runs of white space (line breaks
included), typographic quotes and apostrophes, and dashes match their plain
forms. A match must also start and end on word boundaries, so "25" never
anchors inside "525". Nothing else is forgiven: a fuzzy matcher would let
"525" land on "252". Near misses are only ever offered as suggestions.
"""

from __future__ import annotations

import difflib
import re

_PLAIN = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})
_SPACE = re.compile(r"\s+")
_WORD_START = re.compile(r"(?<!\w)\w")


class Normalized:
    """The body in matching form, with a map back to offsets in the original."""

    def __init__(self, body: str):
        self.body = body
        chars: list[str] = []
        origin: list[int] = []
        translated = body.translate(_PLAIN)
        position = 0
        for match in _SPACE.finditer(translated):
            chunk = translated[position : match.start()]
            chars.append(chunk)
            origin.extend(range(position, match.start()))
            chars.append(" ")
            origin.append(match.start())
            position = match.end()
        chars.append(translated[position:])
        origin.extend(range(position, len(translated)))
        origin.append(len(translated))
        self.text = "".join(chars)
        self.origin = origin

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) for a normalized [start, end).

        Quotes are stripped, so a match never starts or ends on a collapsed white
        space run: its first and last characters map one to one.
        """
        return self.origin[start], self.origin[end - 1] + 1


def normalize_quote(quote: str) -> str:
    return _SPACE.sub(" ", quote.translate(_PLAIN)).strip()


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def occurrences(normalized: Normalized, quote: str) -> list[tuple[int, int]]:
    """Every place the quote stands in the body, as original [start, end) spans."""
    needle = normalize_quote(quote)
    if not needle:
        return []
    text = normalized.text
    found = []
    at = text.find(needle)
    while at != -1:
        end = at + len(needle)
        starts_clean = at == 0 or not (_word_char(needle[0]) and _word_char(text[at - 1]))
        ends_clean = end == len(text) or not (_word_char(needle[-1]) and _word_char(text[end]))
        if starts_clean and ends_clean:
            found.append(normalized.span(at, end))
        at = text.find(needle, at + 1)
    return found


def nearest_passage(normalized: Normalized, quote: str) -> str | None:
    """The passage of the body most like a quote that was not found (a hint only).

    Candidates are windows of the quote's length starting at each word, widened
    to whole words, and shown as they stand in the original text.
    """
    needle = normalize_quote(quote)
    text = normalized.text
    if not needle or not text:
        return None
    best, best_score = None, 0.0
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(needle)
    for word in _WORD_START.finditer(text):
        start = word.start()
        end = min(len(text), start + len(needle))
        while end < len(text) and _word_char(text[end]):
            end += 1
        matcher.set_seq1(text[start:end])
        if matcher.real_quick_ratio() <= best_score or matcher.quick_ratio() <= best_score:
            continue
        score = matcher.ratio()
        if score > best_score:
            best, best_score = (start, end), score
    if best is None or best_score < 0.5:
        return None
    start, end = normalized.span(*best)
    return normalized.body[start:end].strip()


def line_of(body: str, offset: int) -> int:
    return body.count("\n", 0, offset) + 1
