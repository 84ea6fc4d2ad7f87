"""Likely matches not yet linked: claims of two articles that may be one claim relayed (for `check` and Coverage).

Two claims are suggested as one when they appeared within WINDOW_DAYS of each other and give the same
figure (value, what it counts and per what period) or the same words once normalised, by hands that
relay each other: the same claimant, a relay in common, claimants of one body, or one outlet among
the other's relays. A
text with no date of its own, such as a reference work, is compared whatever its archiving date, and
on its figure or words alone (it seldom names who it has them from). Claims
are indexed by those two keys, so the work grows with the claims that share a key, never with all
pairs: at 10,000 articles `check` compares a claim with the few that share its figure, in date order.
An editor accepts a suggestion with `same-as:` or dismisses it with `distinct-from:`.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass

from .messages.links import SUGGESTIONS
from .model import Archive, Claim, appearance_date
from .problems import printable

WINDOW_DAYS = 31  # a relay travels in days or weeks; a figure repeated a year later is more likely a new claim
PER_CLAIM = 3  # suggestions per claim at most: the nearest in time
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_CURRENCY = frozenset({"$", "us$", "usd", "dollar", "dollars", "€", "eur", "euro", "euros", "£", "gbp", "pounds"})
_PERIOD = {"day": "day", "daily": "day", "24": "day", "week": "week", "weekly": "week", "month": "month"}
_PERIOD |= {"monthly": "month", "year": "year", "annually": "year", "yearly": "year"}
_STOP = frozenset(
    {"a", "an", "the", "of", "in", "on", "per", "every", "and", "to", "for", "by", "at", "us", "some", "about"}
    | {"over", "more", "than", "nearly", "around", "almost", "up"}
)


@dataclass(frozen=True)
class Suggestion:
    claim: Claim  # the later appearance: where `same-as:` would go
    other: Claim  # the earlier one
    why: str

    def line(self) -> str:
        """`check`'s line: path:line: id: may be the same claim as … — how to accept or dismiss it."""
        message = SUGGESTIONS["maybe-same-claim"]
        values = {"other": self.other.ref, "quote": self.other.article.quoted(self.other), "why": self.why}
        where = f"{self.claim.article.sidecar_shown}:{self.claim.line}"
        return printable(f"{where}: {self.claim.id}: {message.what.format(**values)} — {message.fix.format(**values)}")


_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[$€£]|[^\W\d_]+")


def _tokens(text: str) -> list[str]:
    """Numbers (their thousands' commas dropped), currency signs and words, lowercased."""
    return [t.replace(",", "") for t in _TOKEN.findall(text.lower())]


def _number(tokens: list[str]) -> tuple[float, int] | None:
    """The first number of the words, with its scale word applied, and where it stands."""
    for at, token in enumerate(tokens):
        if token[0].isdigit():
            try:
                value = float(token)
            except ValueError:
                return None
            scale = _SCALE.get(tokens[at + 1], 1) if at + 1 < len(tokens) else 1
            return value * scale, at
    return None


def figure_key(claim: Claim, quote: list[str]) -> tuple | None:
    """(value, what it counts, per what) of the claim's figure, or of the first number of its words
    (quote: their _tokens)."""
    unit = _tokens(str(claim.figure.get("unit") or "")) if claim.figure else []
    found = _number(quote)
    if claim.figure:
        value = float(claim.figure["value"])
    elif found:
        value = found[0]
    else:
        return None
    words = unit + quote
    period = next((_PERIOD[w] for w in words if w in _PERIOD), "")
    if any(w in _CURRENCY for w in words):
        counts = "money"
    else:
        after = quote[found[1] + 1 :] if found else []
        content = [w for w in (unit or after) if not w[0].isdigit() and w not in _STOP and w not in _SCALE]
        counts = content[0] if content else ""
    return (value, counts, period)


def words_key(quote: list[str]) -> str | None:
    """The claim's words (their _tokens), without punctuation or small words: "near-identical" is equal here."""
    tokens = [t for t in quote if t not in _STOP]
    tokens = ["$" if t in _CURRENCY else t for t in tokens]
    return " ".join(dict.fromkeys(tokens)) if len(tokens) >= 3 else None


def _dated(claim: Claim) -> bool:
    return claim.said is not None or claim.article.published is not None


def _related(archive: Archive, a: Claim, b: Claim) -> str:
    """How the two claims' hands relate: the same claimant, a relay in common, claimants of one body, or
    one outlet among the other's relays ("" when none: two outlets repeating a figure do not relay each other)."""
    if a.claimant == b.claimant:
        return "same claimant"
    if a.claimant in b.via or b.claimant in a.via or set(a.via) & set(b.via):
        return "relayed by the same hands"
    claimants = archive.claimants
    first, second = claimants.get(a.claimant), claimants.get(b.claimant)
    if first and second:
        bodies = ({a.claimant, first.affiliation} & {b.claimant, second.affiliation}) - {None}
        if bodies:  # Shoigu and his ministry, or two of the ministry's spokesmen
            return "claimants of one body"
    for one, other in ((a, b), (b, a)):  # an outlet that names the other's outlet among its relays
        if any(claimants[who].name == other.article.outlet for who in one.via if who in claimants):
            return "one outlet relays the other"
    return ""


def suggestions(archive: Archive) -> list[Suggestion]:
    """Every likely match not yet linked or dismissed, the later claim first in each, in file order."""
    # What depends on claims alone is kept in archive.carried, for the preview's next archive (the
    # same claim objects but the edited article's): each claim's keys, and each group's candidate
    # pairs while the group holds the same claims. At 10,000 articles that was 9 s of an added
    # article's 27 under the profiler, the Coverage page's part of it.
    known = archive.carried.setdefault("claim_keys", {})
    buckets: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in archive.claims():
        keys = known.get(id(claim))
        if keys is None or keys[0] is not claim:
            quote = _tokens(claim.article.quoted(claim))
            keys = known[id(claim)] = (claim, figure_key(claim, quote), words_key(quote))
        _, key, words = keys
        if key is not None:
            buckets[("figure", *key)].append(claim)
        if words is not None:
            buckets[("words", words)].append(claim)
    window = datetime.timedelta(days=WINDOW_DAYS)
    # A group's entry holds its claims: while it does, their ids are theirs alone.
    groups, kept = archive.carried.get("groups", {}), {}
    found: dict[tuple[int, int], Suggestion] = {}
    count: dict[int, int] = defaultdict(int)
    for key, claims in buckets.items():
        if len(claims) < 2:
            continue
        ids = tuple(map(id, claims))
        group = groups.get(key)
        if group is None or group[0] != ids:
            group = (ids, claims, _candidates(archive, key, claims, window))
        kept[key] = group
        for later, earlier, why in group[2]:
            if (id(later), id(earlier)) in found or (id(earlier), id(later)) in found:
                continue
            if count[id(later)] >= PER_CLAIM:
                continue
            found[(id(later), id(earlier))] = Suggestion(later, earlier, why)
            count[id(later)] += 1
    archive.carried["groups"] = kept
    return sorted(found.values(), key=lambda s: (s.claim.article.src, s.claim.line or 0, s.other.ref))


def _candidates(archive: Archive, key: tuple, claims: list[Claim], window) -> list[tuple[Claim, Claim, str]]:
    """The pairs of a group of claims sharing a key that may be one claim, nearest in time first,
    with why: what depends on the group alone (which of them are shown depends on the others)."""
    # On the same day the article archived first is taken as the earlier appearance: a copy imported
    # today is told to link to the claim already holding its verdict, never the other way round.
    claims = sorted(claims, key=lambda c: (appearance_date(c), c.article.archived, c.article.src, c.number))
    dated = [c for c in claims if _dated(c)]
    undated = [c for c in claims if not _dated(c)]
    pairs = []
    for i, later in enumerate(dated):  # each claim against the earlier ones within the window, nearest first
        j = i - 1
        while j >= 0 and appearance_date(later) - appearance_date(dated[j]) <= window:
            pairs.append((later, dated[j]))
            j -= 1
    for claim in undated:  # no date of its own: compared with every claim sharing its key
        pairs += [(claim, other) for other in claims if other is not claim]
    candidates = []
    for later, earlier in pairs:
        if later.article is earlier.article or _linked(later, earlier):
            continue
        why = _why(key, earlier)
        related = _related(archive, later, earlier)
        if not related and _dated(later) and _dated(earlier):
            continue  # a figure or a phrase alone is common; with no hand in common it is noise
        candidates.append((later, earlier, f"{why}; {related}" if related else why))
    return candidates


def _linked(a: Claim, b: Claim) -> bool:
    if a.shared is not None and a.shared is b.shared:
        return True
    return b.ref in a.distinct_from or a.ref in b.distinct_from


def _why(key: tuple, other: Claim) -> str:
    if key[0] == "words":
        return "the same words"
    value, counts, period = key[1:]
    shown = f"{value:,.0f}" if value == int(value) else f"{value:,g}"
    what = {"money": "in money"}.get(counts, counts)
    return "same figure: " + " ".join(part for part in (shown, what, f"a {period}" if period else "") if part)
