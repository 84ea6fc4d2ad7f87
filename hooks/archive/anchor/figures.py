"""Finding the figures of a text as a fact-checker would: what was counted, measured or paid.

Used by the importer (the skeleton lists what an editor should turn into claims) and by the
coverage report (figures no claim covers). A figure is a number with what follows it: an
amount ($, US$, USD, €, "dollars"), a percentage, a range ("34,000-40,000 bpd", "between 20
and 45"), a fraction ("2/3rds", "two-thirds", "half of"), a written count ("nine months", "a
dozen") or a plain number. Dates are found too, as their own kind: the skeleton lists them,
coverage does not count them. Never a figure: citation markers ([4], [a], [citation needed]),
names with numbers (A-10, Su-30, G20, Flight 9268), ordinals (20th), times, page furniture
(share counts, "Image 1 of 5", reference lines). The labelled texts in tests/figures/ measure it.
"""

from __future__ import annotations

import re

from ..model import Figure

DATE = "date"  # the one kind coverage does not count

_SP = r"[ \u00a0]"  # a space inside a figure: never a line break (a quote stays on one line)
_MONTH_NAME = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
)
_MONTH = _MONTH_NAME + r"\.?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[6-9]|20)\d\d"
# Each pattern opens with a look-ahead for the characters a match can start with: without it the
# regular expression engine tries the whole pattern at every character of the text.
_DATES = re.compile(
    rf"(?=[0-9JFMASONDmel])(?<![\w/.-])(?:"
    rf"\d{{4}}-[01]\d-[0-3]\d"  # 2015-10-21
    rf"|\d{{1,2}}/\d{{1,2}}/(?:\d{{4}}|\d\d)"  # 10/21/2015
    rf"|{_DAY}(?:{_SP}of)?{_SP}{_MONTH}(?:,?{_SP}{_YEAR})?"  # 20th November 2015, 3 of May
    rf"|{_MONTH}{_SP}{_DAY}(?:,?{_SP}{_YEAR})?"  # September 30, 2015
    rf"|{_MONTH}{_SP}{_YEAR}"  # October 2015
    rf"|{_YEAR}s"  # the 1990s
    rf"|{_YEAR}(?:{_SP}?[-–]{_SP}?(?:{_YEAR}|\d\d))?"  # 2015, 2014-15
    rf"|(?:mid|early|late)-{_YEAR}"  # mid-2014
    rf")(?![\w/]|[.,:]\d)"
)
# A month alone is a date only after a word that makes it one ("in January", not "May I").
_BARE_MONTH = re.compile(rf"(?=[JFMASOND])\b{_MONTH_NAME}(?![\w-]|{_SP}\d)")
_BEFORE_BARE_MONTH = re.compile(r"\b(?:in|by|of|on|since|until|from|last|next|early|late|mid|this)[ \u00a0]\Z")
_NUM = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = rf"(?:{_SP}(?:million|billion|trillion|thousand|hundred)\b|(?:mn|bn|tn|m|k)\b)"  # as written: lowercase
_CURRENCY = r"(?:[A-Z]{1,2}\$|U\.S\.\$|\$|€|£|¥|₽|(?:USD|EUR|GBP|CAD|AUD|CHF|RUB)" + _SP + r"?)"
_CURRENCY_WORD = (
    rf"(?:{_SP}(?:US{_SP})?(?:dollars?|euros?|pounds{_SP}sterling|rubles?|roubles?|yuan|yen"
    r"|USD|EUR|GBP)\b)"
)
_PERCENT = rf"(?:{_SP}?%|{_SP}(?:[Pp]ercent|[Pp]er{_SP}cent)\b|{_SP}percentage{_SP}points?\b)"
_AMOUNT = rf"{_CURRENCY}?{_NUM}{_SCALE}?"
_TO = rf"(?:{_SP}?[-–—]{_SP}?|{_SP}to{_SP})"
_NUMBERS = re.compile(
    rf"(?=[0-9BbA-Z$€£¥₽])(?<![\w.,/:#$€£¥-])(?:"
    rf"(?P<between>[Bb]etween{_SP}{_AMOUNT}{_SP}and{_SP}{_AMOUNT}(?:{_PERCENT}|{_CURRENCY_WORD})?)"
    rf"|(?P<fraction>\d+/\d+(?:rds?|ths?|nds?|st)?)"
    rf"|(?P<plain>{_AMOUNT}(?P<range>{_TO}{_AMOUNT})?(?:{_PERCENT}|{_CURRENCY_WORD})?)"
    rf")(?![\w$€£%]|[.,:/]\d)"
)


def _capitalisable(words: str) -> str:
    """ "one|two" as "[Oo]ne|[Tt]wo": case-sensitive patterns are several times quicker to search."""
    return "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in words.split("|"))


_UNIT_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    "|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
)
_UNITS = _capitalisable(_UNIT_WORDS)
_WRITTEN = rf"(?:(?:{_UNITS})(?:-(?:{_UNIT_WORDS}))?(?:{_SP}(?:hundred|thousand|million|billion))*)"
_WORD_FRACTION = (
    r"(?:[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Aa])[- \u00a0](?:half|halves|thirds?|quarters?|fifths?|tenths?)"
    r"|[Hh]alf(?=[ \u00a0](?:of|the|a|an|its|their|his|her)\b)"
)
_WORDS = re.compile(
    rf"(?:"
    rf"(?P<wfraction>{_WORD_FRACTION})"
    rf"|(?P<many>(?:{_capitalisable('dozens|hundreds|thousands|millions|billions|tens')})(?:{_SP}of{_SP}thousands)?"
    rf"(?={_SP}of\b))"
    rf"|(?P<dozen>(?:[Aa]|[Hh]alf{_SP}a){_SP}(?:dozen|hundred|thousand|million|billion))"
    rf"|(?P<written>{_WRITTEN}(?:{_PERCENT})?)"
    rf")(?![\w])"
)
_MODEL_AFTER = re.compile(r"[ \u00a0][A-Z][A-Za-z]*-?\d")
NEXT_WORD = re.compile(r"(?:[ \u00a0]|-)([^\W\d_][\w'’]*)")
# After a written number, these words say it is no count ("one of", "one another", "two and").
_NOT_A_NOUN = set(
    "a an and another anyway are as at be been but by can could did do does for from had has have he her him his"
    " i if in into is it its may me might more must my no nor not of off on once one or our out she should so than"
    " that the their them then there these they this those to too up us was we were what when where which while"
    " who whom whose why will with would you your".split()
)
# Before "one", these make it a pronoun, not a count ("no one", "any one of them").
_ONE_AFTER = re.compile(r"(?:\b(?:no|any|every|each|which|some|someone|anyone|another)[ \u00a0]+)\Z", re.I)
# A capitalised word, then a number, then no noun: a name ("Flight 9268", "Resolution 2249", "Boeing 747").
_NAMES = re.compile(
    r"\b(?:Flight|Resolution|Boeing|Airbus|Route|Highway|Article|Section|Chapter|Page|Vol|No|Number|Type|Model"
    r"|Mark|Mk|Block|Apollo|Soyuz|Channel|Room|Gate|Terminal|Platform|Phase|Stage|Class|Unit|Brigade|Division"
    r"|Squadron|Regiment|Battalion|Corps|Army|Fleet|Air|War|Super|Windows|iPhone|Title|Rule|Act|Paragraph)"
    r"[ \u00a0]+\Z"
)
_CITATION = re.compile(r"\[(?:\d+|[a-z]|[ivx]+|note[ \u00a0]\d+|[a-z ]*needed|[a-z ]+\d*)\]", re.IGNORECASE)
# Lines that are page furniture, not text: share buttons, captions' counters, reference lists.
_FURNITURE = re.compile(
    r"^[ \t]*(?:\^|↑|(?:share|shares|tweet|tweets|like|likes|comments?|replies|views|print|email|image|photo"
    r"|picture|slide|page)\b|\d+[ \t]+(?:comments?|shares|likes|views)\b|no[ \t]+comments\b).*$",
    re.IGNORECASE | re.MULTILINE,
)
# "Image 1 of 5": a counter of the page, before and after the number.
_COUNTER_BEFORE = re.compile(r"\b(?:image|photo|picture|slide|page|item|step)[ \u00a0]+\Z", re.I)
_COUNTER_TOTAL_BEFORE = re.compile(
    r"\b(?:image|photo|picture|slide|page|item|step)[ \u00a0]+\d+[ \u00a0]+of[ \u00a0]+\Z", re.I
)
_COUNTER_AFTER = re.compile(r"[ \u00a0]+of[ \u00a0]+\d")
TRAILING_SMALL_WORDS = {"a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "over", "the", "to"}
TRAILING_SMALL_WORDS |= {"with", "per", "than", "as", "was", "were", "is", "are", "had", "has", "have"}


def find_figures(text: str) -> list[Figure]:
    """Every figure and date of the text, in reading order, none overlapping."""
    blocked = [m.span() for m in _CITATION.finditer(text)]
    blocked += [m.span() for m in _FURNITURE.finditer(text) if len(m.group()) <= 80 or m.group().lstrip()[:1] in "^↑"]
    candidates = [
        (m.start(), m.end(), DATE)
        for m in _BARE_MONTH.finditer(text)
        if _BEFORE_BARE_MONTH.search(text, max(0, m.start() - 7), m.start())
    ]
    candidates += [(m.start(), m.end(), DATE) for m in _DATES.finditer(text)]
    candidates += [(m.start(), m.end(), _number_kind(m)) for m in _NUMBERS.finditer(text)]
    # Written figures are matched only where a number word starts: trying the pattern at every
    # word of the text is several times slower.
    for start in _number_word_starts(text):
        match = _WORDS.match(text, start)
        kind = _word_kind(text, match) if match else None
        if kind:
            candidates.append((match.start(), match.end(), kind))
    candidates.sort(key=lambda c: (c[0], -c[1]))
    figures, reached = [], 0
    for start, end, kind in candidates:
        if start < reached or any(b <= start < e for b, e in blocked):
            continue
        if kind != DATE and _is_a_name(text, start, end):
            continue
        reached = end
        figures.append(Figure(start, end, text[start:end], _with_words(text, start, end, kind), kind))
    return figures


_NUMBER_WORDS = (
    _UNIT_WORDS
    + "|half|dozen|dozens|third|thirds|quarter|quarters|hundred|hundreds|thousand|thousands|million|millions"
    + "|billion|billions|tens"
)
_HINTS = [w for word in _NUMBER_WORDS.split("|") for w in (word, word.capitalize())]


def _prefix_tree(words: list[str]) -> str:
    """A pattern that matches where any of the words starts, as a tree of their letters ("t(?:en|hree…)").

    Only where a match starts is used, so a word that begins with another ("tens", "ten") is left
    out; the regular expression engine then reads each letter of the text once instead of trying
    every word in turn, which took more than a third of find_figures.
    """
    kept = sorted(w for w in set(words) if not any(o != w and w.startswith(o) for o in words))
    tree: dict = {}
    for word in kept:
        node = tree
        for letter in word:
            node = node.setdefault(letter, {})

    def branch(node: dict) -> str:
        parts = [re.escape(letter) + branch(below) for letter, below in sorted(node.items())]
        return "" if not parts else parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return branch(tree)


# A number word that begins a word: not after a letter, a digit, "-", "_" or an apostrophe.
_HINT = re.compile(r"(?<![\w'’-])" + _prefix_tree(_HINTS))
_ARTICLES = ("half a ", "Half a ", "a ", "A ")


def _number_word_starts(text: str) -> list[int]:
    """Where a written figure may start: each number word that begins a word, or the "a" before it."""
    starts = set()
    for match in _HINT.finditer(text):
        position = match.start()
        starts.add(position)
        for article in _ARTICLES:
            before = position - len(article)
            if text.startswith(article, before) and (before == 0 or not text[before - 1].isalnum()):
                starts.add(before)
    return sorted(starts)


def _number_kind(match: re.Match) -> str:
    token = match.group()
    if match.group("fraction"):
        return "fraction"
    if "%" in token or re.search(r"per[ \u00a0]?cent|percentage", token, re.I):
        return "percentage"
    if re.search(rf"^{_CURRENCY}|{_CURRENCY_WORD}$", token):
        return "amount"
    if match.group("between") or match.group("range"):
        return "range"
    return "number"


def _word_kind(text: str, match: re.Match) -> str | None:
    if match.group("wfraction"):
        return "fraction"
    if match.group("many"):
        return "count"
    token = match.group()
    if token.lower().endswith(("percent", "cent", "%", "points", "point")):
        return "percentage"
    after = NEXT_WORD.match(text, match.end())
    if _MODEL_AFTER.match(text, match.end()):
        return "count"  # "four A-10s": what is counted is named
    if not after or after.group(1).lower() in _NOT_A_NOUN or after.group(1)[0].isupper():
        return None  # "one of", "two and", "One Direction": no noun counted
    if token.lower() == "one" and _ONE_AFTER.search(text[max(0, match.start() - 12) : match.start()]):
        return None
    return "count"


def _is_a_name(text: str, start: int, end: int) -> bool:
    """A number that names a thing (Flight 9268, Resolution 2249) or counts pages (Image 1 of 5)."""
    if not text[start].isdigit():
        return False
    if _NAMES.search(text, max(0, start - 12), start):
        return True
    if _COUNTER_TOTAL_BEFORE.search(text, max(0, start - 24), start):
        return True
    return bool(_COUNTER_BEFORE.search(text, max(0, start - 12), start) and _COUNTER_AFTER.match(text, end))


# Words that make a figure what it is when they stand before it ("more than 800", "over 600").
_QUALIFIER = re.compile(
    r"(?<![\w'’-])(?:(?:[Mm]ore|[Ll]ess|[Ff]ewer)[ \u00a0]than|[Oo]ver|[Nn]early|[Aa]lmost|[Aa]bout|[Aa]round"
    r"|[Rr]oughly|[Aa]pproximately|[Ss]ome|[Aa]n[ \u00a0]estimated|[Uu]p[ \u00a0]to|[Aa]t[ \u00a0](?:least|most)"
    r"|[Aa]s[ \u00a0](?:many|much)[ \u00a0]as)[ \u00a0]\Z"
)
# What the words after a figure never run into: a verb or a word that starts a clause ("24 hours
# were prevented", "four days as well"), a day or a month ("18 fired Friday").
_CLAUSE = set(
    "was were is are had has have will would said says told as which that who whom when while after before"
    " because but since according"
    " monday tuesday wednesday thursday friday saturday sunday january february march april june july august"
    " september october november december".split()
)
_PLACE_AFTER = {"in", "at", "from", "near", "of", "on", "to", "into", "across", "outside", "inside"}
# A rate after what is counted ("per day", "every 24 hours", "a year"): part of the figure.
_RATE = re.compile(
    r"[ \u00a0](?:(?:a|per|each|every)[ \u00a0](?:\d+[ \u00a0])?(?:seconds?|minutes?|hours?|days?|weeks?|months?"
    r"|years?|barrels?|person|head|capita)|daily|weekly|monthly|yearly|annually)\b"
)


def _with_words(text: str, start: int, end: int, kind: str, most: int = 3) -> str:
    """The figure with what it counts, as a suggested quote: a qualifier before it ("more than"),
    up to three words after it (five when the third is "and": "refining and storage facilities"),
    never running into a clause, a date or a place ("in Deir el-Zour"), and the rate after them."""
    if kind == DATE:
        return text[start:end]
    qualifier = _QUALIFIER.search(text, max(0, start - 24), start)
    begin = qualifier.start() if qualifier else start
    position, ends = end, []
    while len(ends) < most:
        match = NEXT_WORD.match(text, position)
        if not match:
            break
        word = match.group(1)
        if word.lower() in _CLAUSE or (word[0].isupper() and ends and ends[-1][0] in _PLACE_AFTER):
            break
        position = match.end()
        ends.append((word.lower(), position))
        if len(ends) == most == 3 and word.lower() in ("and", "or"):
            most = 5
    while ends and ends[-1][0] in TRAILING_SMALL_WORDS:
        ends.pop()
    finish = ends[-1][1] if ends else end
    rate = _RATE.match(text, finish)
    return text[begin : rate.end() if rate else finish]
