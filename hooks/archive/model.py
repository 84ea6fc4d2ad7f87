"""The archive as plain data: articles, their claims, claimants and statuses.

The many small objects (claims, figures) have slots: at 10,000 articles they are hundreds of
thousands, and slots make them smaller and quicker to read. Once loaded, the archive is not
changed (an article's uncovered figures are worked out once).
"""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass, field


@dataclass(slots=True)
class Status:
    id: str
    label: str
    colour: str
    symbol: str
    rating: int
    description: str


DEFAULT_PUBLISHER = "Annotated News Archive"


@dataclass(frozen=True)
class Publisher:
    """Who publishes the reviews (mkdocs.yml: extra.archive.publisher): the ClaimReview and annotation author."""

    name: str = DEFAULT_PUBLISHER
    url: str | None = None  # its address (ClaimReview falls back to site_url)


@dataclass(slots=True)
class Claimant:
    id: str
    name: str
    kind: str
    role: str | None = None
    affiliation: str | None = None
    url: str | None = None
    defined_in: str = ""
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Hop:
    """One hand a claim passed through (Archive.relay): the claimant, each relay, then the outlet."""

    name: str
    claimant: str | None = None  # the claimant's id; None for the outlet
    description: str = ""  # the first hand's role, or failing that its affiliation's name


@dataclass(slots=True)
class Link:
    title: str
    url: str | None = None


@dataclass(slots=True)
class Claim:
    id: str
    quote: str
    claimant: str
    status: str
    note: str
    line: int | None
    occurrence: int | None = None
    via: list[str] = field(default_factory=list)
    said: datetime.date | None = None
    source: Link | None = None
    figure: dict | None = None
    evidence: list[Link] = field(default_factory=list)
    checked: datetime.date | None = None
    # Where the quote stands in the article body: [start, end) in characters.
    start: int = 0
    end: int = 0
    number: int = 0  # 1-based, in reading order
    note_html: str = ""  # the note rendered inert (see safe_markdown)
    article: Article | None = field(default=None, repr=False)
    same_as: str | None = None  # YEAR/SLUG#ID: the claim this one is the same as (its verdict is that one's)
    distinct_from: list[str] = field(default_factory=list)  # suggested matches an editor dismissed
    link_line: int | None = None  # the line of `same-as:` (or of the claim)
    shared: SharedClaim | None = field(default=None, repr=False)  # set when the claim is in more than one article

    @property
    def ref(self) -> str:
        """YEAR/SLUG#ID, how other claims files name this claim."""
        return f"{self.article.stem[len('articles/') :]}#{self.id}"


@dataclass
class SharedClaim:
    """One claim carried by several articles (`same-as:`): the claim holding the verdict and every appearance."""

    key: str  # the verdict holder's YEAR/SLUG/ID: the shared page is shared/KEY.html
    verdict: Claim  # the claim without same-as: its status, evidence and checked are everyone's
    appearances: list[Claim]  # in date order (said, else the article's published or archived date), ties by path

    @property
    def first(self) -> Claim:
        return self.appearances[0]


def appearance_date(claim: Claim) -> datetime.date:
    """When a claim appeared: the date it was said, else its article's publication, else its archiving."""
    return claim.said or claim.article.published or claim.article.archived


@dataclass(slots=True)
class Figure:
    """A figure or date found in the text (anchor/figures.py), with the words that follow it."""

    start: int
    end: int
    text: str
    suggestion: str
    kind: str = "number"  # number, amount, percentage, range, fraction, count or date


@dataclass(slots=True)
class Dismissal:
    """Words of the text holding figures that are no claim (`dismissed:` in the claims file), and why."""

    quote: str
    reason: str
    line: int | None
    start: int = 0
    end: int = 0


@dataclass
class Article:
    src: str  # path inside docs/, with '/' separators: articles/2015/x.md
    title: str
    outlet: str
    archived: datetime.date
    sha256: str
    body: str
    published: datetime.date | None = None
    url: str | None = None
    format: str = "text"
    licence: dict | None = None  # {title, url}: the licence an openly licensed text is reproduced under
    attribution: str | None = None  # who to credit and where the text was retrieved from
    body_line: int = 1  # the line of the .md file the body starts on
    outlet_line: int | None = None  # the line of its front matter's `outlet:`
    claims: list[Claim] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    dismissals: list[Dismissal] = field(default_factory=list)
    raw_src: str | None = None  # the raw archived text beside the article, if kept
    raw_exact: bool = False  # that file's bytes are the body's (character offsets of the body hold in it)
    sidecar_src: str | None = None
    sidecar_shown: str | None = None  # the claims file's path as problems name it (from the project root)
    markdown_html: str = ""  # format: markdown only, with claim markers (anchor/markers.py)

    @property
    def stem(self) -> str:
        return self.src[: -len(".md")]

    def quoted(self, claim: Claim) -> str:
        """The claim's words exactly as they stand in the archived text."""
        return self.body[claim.start : claim.end]

    @functools.cached_property
    def uncovered(self) -> list[Figure]:
        """The figures no claim's quote covers (asked for by several pages and files).

        Dates are listed for the editor but are not figures to cover, and a dismissed figure is no claim.
        """
        spans = [(c.start, c.end) for c in self.claims] + [(d.start, d.end) for d in self.dismissals]
        return [f for f in self.figures if f.kind != "date" and not any(s <= f.start and f.end <= e for s, e in spans)]

    @functools.cached_property
    def dismissed(self) -> list[tuple[Figure, Dismissal]]:
        """The figures dismissed as no claim, each with its dismissal."""
        pairs = []
        for dismissal in self.dismissals:
            pairs += [
                (f, dismissal)
                for f in self.figures
                if f.kind != "date" and dismissal.start <= f.start and f.end <= dismissal.end
            ]
        return sorted(pairs, key=lambda pair: pair[0].start)


@dataclass
class Archive:
    articles: list[Article]
    claimants: dict[str, Claimant]
    statuses: dict[str, Status]
    publisher: Publisher = field(default_factory=Publisher)
    # Rendered links, by what they link to and the folder of the page they are on: thousands
    # of pages name the same few hundred claimants and statuses (see render/html.py).
    links: dict = field(default_factory=dict, repr=False, compare=False)
    # Hops by (claimant or outlet, first hand or not): the same few hundred stand in every relay.
    hops: dict = field(default_factory=dict, repr=False, compare=False)
    shared: dict[str, SharedClaim] = field(default_factory=dict)  # by key, in the order of their first appearance
    # What suggest.py works out of claims that stay the same objects (each claim's keys, each group of
    # claims sharing a key): the preview hands it on to the next archive, whose claims are the same
    # objects but for the edited article's (suggest.py checks that they are).
    carried: dict = field(default_factory=dict, repr=False, compare=False)
    # What every list page's head would otherwise work out again from the whole archive (the years
    # of its articles' downloads): once per archive, never handed on.
    memo: dict = field(default_factory=dict, repr=False, compare=False)

    def claims(self):
        for article in self.articles:
            yield from article.claims

    def description(self, claimant_id: str) -> str:
        """A claimant's role, or failing that its affiliation's name ("" when it has neither)."""
        claimant = self.claimants[claimant_id]
        if claimant.role:
            return claimant.role
        return self.claimants[claimant.affiliation].name if claimant.affiliation else ""

    def relay(self, claim: Claim) -> list[Hop]:
        """Who a claim passed through, in order: the claimant (described), each relay, the outlet."""
        return [
            self._hop(claim.claimant, True),
            *(self._hop(who) for who in claim.via),
            self._outlet(claim.article.outlet),
        ]

    def _hop(self, claimant_id: str, first: bool = False) -> Hop:
        hop = self.hops.get((claimant_id, first))
        if hop is None:
            description = self.description(claimant_id) if first else ""
            hop = self.hops[claimant_id, first] = Hop(self.claimants[claimant_id].name, claimant_id, description)
        return hop

    def _outlet(self, outlet: str) -> Hop:
        hop = self.hops.get((outlet, None))
        if hop is None:
            hop = self.hops[outlet, None] = Hop(outlet)
        return hop
