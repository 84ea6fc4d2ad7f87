"""A figure's structured value, `figure: {value, unit}` of the content format, read from its words.

For the claim an editor makes from a selection under `mkdocs serve` (render/selection.py): the
figures are those figures.py finds, and only those with one exact value get one ("525", "$1.5
million", "40%", "four", "a dozen"); a range, a fraction, "hundreds of" or a date gets none, since
the format's value is a single number. The unit is what the figure's own words say it counts
("oil tanker trucks", "dollars"), offered for the editor to make precise.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..model import Figure
from .figures import DATE, NEXT_WORD, TRAILING_SMALL_WORDS

_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_SUFFIXES = {"k": 1000, "m": 10**6, "mn": 10**6, "bn": 10**9, "tn": 10**12}
_SCALE_AFTER = re.compile(r"[ \u00a0]?(hundred|thousand|million|billion|trillion|mn|bn|tn|m|k)\b")
_CURRENCY_WORD = re.compile(
    r"(?:US[ \u00a0])?(?:dollars?|euros?|pounds[ \u00a0]sterling|rubles?|roubles?|yuan|yen|USD|EUR|GBP)\b"
)
_CURRENCY_NAMES = {
    "US$": "US dollars",
    "U.S.$": "US dollars",
    "A$": "Australian dollars",
    "C$": "Canadian dollars",
    "CA$": "Canadian dollars",
    "HK$": "Hong Kong dollars",
    "NZ$": "New Zealand dollars",
    "$": "dollars",
    "€": "euros",
    "£": "pounds",
    "¥": "yen",
    "₽": "rubles",
    "USD": "US dollars",
    "EUR": "euros",
    "GBP": "pounds sterling",
    "CAD": "Canadian dollars",
    "AUD": "Australian dollars",
    "CHF": "Swiss francs",
    "RUB": "rubles",
}
_CURRENCY_SIGN = re.compile(r"[A-Z]{1,2}\$|U\.S\.\$|\$|€|£|¥|₽|(?:USD|EUR|GBP|CAD|AUD|CHF|RUB)")
_PERCENT = re.compile(r"%|[Pp]er[ \u00a0]?cent|percentage[ \u00a0]points?")
_WORD_VALUES = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen"
        " seventeen eighteen nineteen".split()
    )
}
_WORD_VALUES.update(
    {w: 10 * n for n, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
)


def _number(words: str) -> Decimal | None:
    """The value of a written number: "four", "twenty-five thousand", "a dozen", "half a million"."""
    tokens = [t for t in re.split(r"[-\s]+", words.lower()) if t]
    factor = Decimal(1)
    if tokens[:2] == ["half", "a"]:
        factor, tokens = Decimal("0.5"), ["one", *tokens[2:]]
    elif tokens[:1] in (["a"], ["an"]):
        tokens = ["one", *tokens[1:]]
    total, current = Decimal(0), Decimal(0)
    for token in tokens:
        if token in _WORD_VALUES:
            current += _WORD_VALUES[token]
        elif token == "dozen":
            current = (current or 1) * 12
        elif token == "hundred":
            current = (current or 1) * 100
        elif token in _SCALES:
            total += (current or 1) * _SCALES[token]
            current = Decimal(0)
        else:
            return None
    return (total + current) * factor


def _plain(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def value_and_prefix(figure: Figure) -> tuple[int | float, str] | None:
    """(value, the unit's first words when the figure's own text names it: a currency, "percent")."""
    if figure.kind in (DATE, "range", "fraction"):
        return None
    words = figure.text
    if not any(c.isdigit() for c in words):  # written: "four", "a dozen", "twenty percent"
        value = _number(_PERCENT.sub("", words))
        return None if value is None else (_plain(value), "percent" if _PERCENT.search(words) else "")
    number = _NUMBER.search(words)
    if number is None:
        return None
    value = Decimal(number.group().replace(",", ""))
    scale = _SCALE_AFTER.match(words, number.end())
    if scale:
        value *= _SCALES.get(scale.group(1)) or _SUFFIXES[scale.group(1)]
    prefix = ""
    if _PERCENT.search(words):
        prefix = "percent" if "point" not in words else "percentage points"
    elif figure.kind == "amount":
        written = _CURRENCY_WORD.search(words, number.end())
        sign = _CURRENCY_SIGN.match(words)
        if written:
            prefix = written.group().replace("\u00a0", " ")
        elif sign:
            prefix = _CURRENCY_NAMES.get(sign.group().strip(), "")
    return _plain(value), prefix


def unit_ends(text: str, figure: Figure, most: int = 3) -> list[tuple[int, str]]:
    """Where a quote holding the figure may end after it, with the unit its words then give:
    (end offset in text, unit), nearest first. The same words as the figure's suggested quote
    (figures._with_words): up to three, never ending on a small word ("of", "the")."""
    ends, position = [], figure.end
    for _ in range(most):
        match = NEXT_WORD.match(text, position)
        if not match:
            break
        position = match.end()
        if match.group(1).lower() not in TRAILING_SMALL_WORDS:
            ends.append((position, " ".join(text[figure.end : position].split()).lstrip("-")))
    return ends
