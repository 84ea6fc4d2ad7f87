"""Finding a claim's quote in the archived text: exact, never fuzzy.

A quote matches the body as is, except that runs of white space (line breaks
included), typographic quotes and apostrophes, and dashes match their plain
forms. A match must also start and end on word boundaries, so "25" never
anchors inside "525", and between whole characters, so "cafe" never anchors in a "café" whose
accent is a combining mark. Nothing else is forgiven: a fuzzy matcher would let
"525" land on "252". Near misses are only ever offered as suggestions.
"""

from __future__ import annotations

import bisect
import difflib
import re
import unicodedata

_PLAIN = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})
_SPACE = re.compile(r"\s+")
# The white space runs that collapse to one space. Written \s\s+ rather than \s{2,}: a pattern
# that starts with a character class lets the regex engine skip ahead (see the Performance page).
_LONG_SPACE = re.compile(r"\s\s+")
# A blank line (with any white space around it): paragraphs of a text article end there.
PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")


class Normalized:
    """The body in matching form, with a map back to offsets in the original."""

    def __init__(self, body: str):
        self.body = body
        translated = body.translate(_PLAIN)  # one character for one: offsets unchanged
        self.text = _collapse_spaces(translated)
        # Only white space runs longer than one character move offsets: for each, where
        # its space stands in the text, and how far the original has moved after it.
        self._runs: list[int] = []
        self._shifts: list[int] = [0]
        removed = 0
        for match in _LONG_SPACE.finditer(translated):
            self._runs.append(match.start() - removed)
            removed += match.end() - match.start() - 1
            self._shifts.append(removed)

    def _origin(self, position: int) -> int:
        """The original offset of the normalized offset position (0 <= position <= len(text))."""
        return position + self._shifts[bisect.bisect_left(self._runs, position)]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) for a normalized [start, end).

        Quotes are stripped, so a match never starts or ends on a collapsed white
        space run: its first and last characters map one to one.
        """
        return self._origin(start), self._origin(end - 1) + 1


def _collapse_spaces(text: str) -> str:
    """_SPACE.sub(" ", text), written with split and join, which are quicker on a whole body.

    str.split() splits on the same characters as \\s (str.isspace) but drops white
    space at either end, where the regex leaves one space.
    """
    collapsed = " ".join(text.split())
    if not collapsed:
        return " " if text else ""
    head = " " if text[0].isspace() else ""
    tail = " " if text[-1].isspace() else ""
    return head + collapsed + tail


def normalize_quote(quote: str) -> str:
    return _SPACE.sub(" ", quote.translate(_PLAIN)).strip()


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _mark(char: str) -> bool:
    """A combining mark (the accent of a decomposed "é"): part of the character before it."""
    return unicodedata.category(char) in ("Mn", "Mc", "Me")


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
        # A quote starts and ends between whole characters: never inside a word, never before a mark.
        starts_clean = not _mark(needle[0]) and (at == 0 or not (_word_char(needle[0]) and _word_char(text[at - 1])))
        ends_clean = end == len(text) or not (_mark(text[end]) or _word_char(needle[-1]) and _word_char(text[end]))
        if starts_clean and ends_clean:
            found.append(normalized.span(at, end))
        at = text.find(needle, at + 1)
    return found


# The nearest passage is looked for only around where the quote's longest words stand in the text
# (this many words, this many places each): a bounded number of comparisons, however long the text.
_NEAR_WORDS = 6
_NEAR_PLACES = 40
_WORD = re.compile(r"\w+")


def nearest_passage(normalized: Normalized, quote: str) -> str | None:
    """The passage of the body most like a quote that was not found (a hint only).

    Candidates are windows of the quote's length placed where one of its longest words stands
    in the text (as the word stands in the quote), widened to whole words, and shown as they
    stand in the original text.
    """
    needle = normalize_quote(quote)
    text = normalized.text
    if not needle or not text:
        return None
    words = sorted({m.group(): m.start() for m in _WORD.finditer(needle)}.items(), key=lambda w: -len(w[0]))
    starts = set()
    for word, offset in words[:_NEAR_WORDS]:
        at = text.find(word)
        for _ in range(_NEAR_PLACES):
            if at == -1:
                break
            starts.add(max(0, at - offset))
            at = text.find(word, at + 1)
    best, best_score = None, 0.0
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(needle)
    for start in sorted(starts):
        while start > 0 and _word_char(text[start - 1]):  # back to the start of its word
            start -= 1
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


def lines_of(body: str, spans) -> list[int]:
    """The line of each span's start (spans in order), counting through the body once."""
    lines, line, at = [], 1, 0
    for start, _ in spans:
        line += body.count("\n", at, start)
        at = start
        lines.append(line)
    return lines


def paragraphs(body: str):
    """[start, end) of each paragraph of a text-format body."""
    start = 0
    for match in PARAGRAPH_BREAK.finditer(body):
        if body[start : match.start()].strip():
            yield start, match.start()
        start = match.end()
    if body[start:].strip():
        yield start, len(body)
