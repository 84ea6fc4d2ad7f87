"""The archive kept between builds of `mkdocs serve`, and the plan of what an edit changes.

A whole build loads every file (seconds at 10,000 articles) and renders every page. An edit of
one article changes that article's page and the list pages it stands on: the session loads the
edited articles again alone (assemble.reload_article: the same checks as a whole load), makes the
next archive from the others as they were, and tells which pages to render again:

- the edited article's own page (added pages too; removed pages are deleted);
- if what the lists show of the article changed (its title, dates, claims' figures, statuses,
  claimants...), every page of each list it stands on, before or after the edit (its
  status, year, outlet and claimant pages, the articles list, the coverage report);
- if the archive-wide counts changed (claims by status, year or outlet, claims made and relayed
  by each claimant, figures not annotated), every page that shows them (the filter bars, the
  claims hub...);
- the home page, always (its latest articles).

Of those, only the pages whose content differs from what was last published are handed back:
the theme, the costly part, is rendered for them only. A note edit changes its article's page
alone; a status edit changes the counts on every filtered list. Nothing here knows about MkDocs.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..assemble import NeedsWholeLoad, article_order, reload_article
from ..load.source import RAW_SUFFIX, SIDECAR_SUFFIX, shown_path
from ..model import Archive, Article
from ..render.listing import claim_date, dated_key
from ..site import ArchiveSite
from .changes import Changes

__all__ = ["NeedsWholeLoad", "Plan", "Session"]

COVERAGE, ARTICLES = "Coverage", "Articles"  # the Coverage pages' list and the articles list (render/lists.py)


@dataclass
class Plan:
    """An update: the next site, the pages to render again (source path: their new content),
    the pages that are no more, the new ones among those to render, the raw texts to copy."""

    site: ArchiveSite
    contents: dict[str, str] = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    raw: list[str] = field(default_factory=list)
    # Pages whose rows stay as they were: only their head changes, (old head, new head).
    heads: dict[str, tuple[str, str]] = field(default_factory=dict)
    made_heads: dict[str, str] = field(default_factory=dict)  # every head made, changed or not
    candidates: int = 0  # pages whose content (or head) was made to be compared
    families: set = field(default_factory=set)  # the lists that may change (a paginated list's title)
    counts: bool = False  # whether the archive-wide counts do


class Session:
    """The last site published by `mkdocs serve`, and a hash of each generated page's content."""

    def __init__(self, site: ArchiveSite, docs_dir, config_path):
        self.site = site
        self.docs_dir, self.config_path = Path(docs_dir), Path(config_path)
        self.contents: dict[str, int] = {}
        # The head each list page was last published with, where known: the next edit compares its
        # new head with it instead of making the old one again (a status edit: 1,000 heads).
        self.heads: dict[str, str] = {}

    def remember(self, src: str, html: str) -> None:
        """A generated page was published with this content."""
        self.contents[src] = hash(html)

    def plan(self, changes: Changes) -> Plan:
        """What the edit changes; raises NeedsWholeLoad when only a whole build can tell."""
        before_site = self.site
        archive = before_site.archive
        before, after = {}, {}
        for path in sorted(changes.articles):
            src = path.relative_to(self.docs_dir).as_posix()
            old = before_site.articles.get(src)
            if old is not None and old.sidecar_src and self._defines_claimants(old):
                raise NeedsWholeLoad(path)
            stem = str(path)[: -len(".md")]
            if path.is_file():
                new = reload_article(archive, self.docs_dir, self.config_path, path)
            elif Path(stem + SIDECAR_SUFFIX).exists() or Path(stem + RAW_SUFFIX).exists():
                raise NeedsWholeLoad(path)  # a claims file or text without its article: reported by a build
            else:
                new = None
            # A raw text added or removed changes the files MkDocs copies: a whole build.
            if bool(old and old.raw_src) != bool(new and new.raw_src):
                raise NeedsWholeLoad(path)
            # A claim shared with other articles (or a link to one) changes their pages and the
            # shared claim's, which chains.link works out over the whole archive: a whole build.
            if _links(old) or _links(new):
                raise NeedsWholeLoad(path)
            before[src], after[src] = old, new
        articles = [a for a in archive.articles if a.src not in after] + [a for a in after.values() if a]
        articles.sort(key=article_order, reverse=True)
        # Claimants and statuses are the same (an edit that could change them is a whole build), and
        # so are the links to them that the archive keeps.
        # The shared claims too: none of them is in an edited article (see _links).
        # And what suggest.py worked out of the claims (by claim object: the edited articles' are new).
        keys = archive.carried.get("claim_keys", {})
        for old in before.values():
            for claim in old.claims if old else ():
                keys.pop(id(claim), None)
        next_archive = Archive(
            articles,
            archive.claimants,
            archive.statuses,
            archive.publisher,
            links=archive.links,
            shared=archive.shared,
            carried=archive.carried,
        )
        if "dated" in archive.memo:
            next_archive.memo["dated"] = _dated(archive.memo["dated"], before, after)
        site = ArchiveSite(next_archive, before_site.site_url, before_site.downloads_url)

        families, counts = set(), False
        for src, new in after.items():
            old = before[src]
            if old is None or new is None or _shown(old) != _shown(new):
                families |= _families(archive, old) | _families(next_archive, new)
            if old is None or new is None or _covered(old) != _covered(new):
                families.add(COVERAGE)
            if old is None or new is None or _listed(old) != _listed(new):
                families.add(ARTICLES)
            counts = counts or _counted(old) != _counted(new)
        plan = Plan(site, families=families, counts=counts)
        # The edited articles' own pages first: they are served before the lists are made (lists()).
        for src, new in after.items():
            if new is None:
                plan.removed.append(src)
                continue
            if before[src] is None:
                plan.added.append(src)
            html = site.page_html(src)
            if hash(html) != self.contents.get(src):
                plan.contents[src] = html
        plan.candidates = len(plan.contents)
        if not families and not counts:
            # No list shows anything new (a note, an evidence link...): its pages are kept as they are
            # (made from the same rows: a second at 10,000 articles to make again), with the edited
            # articles' own pages. A later edit that changes a list makes them again from this archive.
            pages = dict(before_site.pages)
            pages.update({src: site.article_page(new) for src, new in after.items()})
            site.with_pages(pages)
        plan.raw = sorted(path.relative_to(self.docs_dir).as_posix() for path in changes.raw)
        return plan

    def lists(self, plan: Plan) -> None:
        """The rest of the plan, once the edited articles' pages are served: the list pages that
        change (plan.contents), those whose head alone does (plan.heads), those added or removed."""
        site, before_site, families, counts = plan.site, self.site, plan.families, plan.counts
        if not families and not counts:
            return
        wanted = []
        lengths, lengths_before = _lengths(site), _lengths(before_site)
        for src, page in site.pages.items():
            if src in site.articles:
                continue
            old = before_site.pages.get(src)
            # The Coverage pages' counts are of figures, which _covered holds: they follow their family alone.
            shows_counts = counts and page.counts and page.family != COVERAGE
            if not (src == "index.md" or page.family in families or shows_counts or old is None):
                continue
            if (
                old is not None
                and page.head is not None
                and old.head is not None
                and lengths[page.family] == lengths_before[page.family]  # the same pager
                and _same_rows(page.rows, old.rows)
            ):
                head = plan.made_heads[src] = page.head()
                old_head = self.heads.get(src)
                if old_head is None:
                    old_head = old.head()
                if head != old_head:
                    plan.heads[src] = (old_head, head)
                plan.candidates += 1
                continue
            wanted.append(src)
        plan.candidates += len(wanted)
        for src in wanted:
            html = site.page_html(src)
            if hash(html) != self.contents.get(src):
                plan.contents[src] = html
        plan.removed += [src for src in before_site.pages if src not in site.pages and src not in site.articles]
        plan.removed = list(dict.fromkeys(plan.removed))
        plan.added += [src for src in site.pages if src not in before_site.pages and src not in site.articles]

    def published(self, plan: Plan) -> None:
        """The plan's pages are written: it is the site now."""
        self.site = plan.site
        self.heads.update(plan.made_heads)
        for src, html in plan.contents.items():
            self.remember(src, html)
            self.heads.pop(src, None)
        for src in plan.removed:
            self.heads.pop(src, None)
        for src in [*plan.removed, *plan.heads]:
            self.contents.pop(src, None)  # a page changed in its head only is made whole when next asked for

    def _defines_claimants(self, article: Article) -> bool:
        shown = shown_path(self.docs_dir / article.sidecar_src, self.config_path.parent)
        return any(claimant.defined_in == shown for claimant in self.site.archive.claimants.values())


def _dated(claims: list, before: dict, after: dict) -> list:
    """The claims in list order (listing.dated), the edited articles' old claims out and new ones
    in: what sorting the next archive's would give (no two claims have the same key), without
    sorting 120,000 claims again."""
    gone = {id(article) for article in before.values() if article is not None}
    claims = [claim for claim in claims if id(claim.article) not in gone]
    for article in after.values():
        for claim in article.claims if article is not None else ():
            bisect.insort(claims, claim, key=dated_key)
    return claims


def _lengths(site: ArchiveSite) -> Counter:
    """How many pages each list has."""
    return Counter(page.family for page in site.pages.values() if page.family)


def _same_rows(rows: list, before: list) -> bool:
    """The same rows, the same objects (a claimant page's rows are pairs made again for each site)."""
    if len(rows) != len(before):
        return False
    for row, old in zip(rows, before, strict=True):
        if row is old:
            continue
        if isinstance(row, tuple) and isinstance(old, tuple):
            if len(row) == len(old) and all(
                a is b or (isinstance(a, str) and a == b) for a, b in zip(row, old, strict=True)
            ):
                continue
        elif isinstance(row, str) and row == old:
            continue
        return False
    return True


def _links(article: Article | None) -> bool:
    """The article carries a claim that other articles carry too, or links one of its claims to another."""
    return article is not None and any(c.shared or c.same_as or c.distinct_from for c in article.claims)


def _shown(article: Article) -> tuple:
    """What the list pages show of an article: their rows, headlines and order (and each claim's
    figure, which the Coverage page's suggestions compare)."""
    claims = tuple(
        (c.id, article.quoted(c), c.claimant, tuple(c.via), c.said, c.status, c.number, c.figure)
        for c in article.claims
    )
    uncovered = tuple((f.start, f.suggestion) for f in article.uncovered)
    dismissed = tuple((f.text, d.reason, d.line) for f, d in article.dismissed)
    head = (article.title, article.outlet, article.published, article.archived, article.sidecar_src)
    return head, claims, uncovered, dismissed


def _listed(article: Article) -> tuple:
    """What the articles list shows of an article (not its claims' statuses)."""
    head = (article.title, article.outlet, article.published, article.archived, article.src)
    return head, len(article.claims), len(article.uncovered)


def _covered(article: Article) -> tuple:
    """What the Coverage pages show of an article, or compare in their suggestions (suggest.py): not
    its claims' statuses, so that a status edit does not make the suggestions again (seconds at
    10,000 articles)."""
    claims = tuple(
        (c.id, c.quote, article.quoted(c), c.claimant, tuple(c.via), c.said, c.number, c.line, c.figure)
        + (tuple(c.distinct_from),)
        for c in article.claims
    )
    figures = sum(1 for f in article.figures if f.kind != "date")
    uncovered = tuple((f.start, f.text, f.suggestion) for f in article.uncovered)
    dismissed = tuple((f.text, d.reason, d.line) for f, d in article.dismissed)
    head = (article.title, article.outlet, article.published, article.archived, article.sidecar_src)
    return head, article.sidecar_shown, claims, figures, uncovered, dismissed


def _counted(article: Article | None) -> tuple:
    """What an article adds to the archive-wide counts."""
    if article is None:
        return ()
    claims = article.claims
    figures = sum(1 for f in article.figures if f.kind != "date")
    relayed = Counter(who for c in claims for who in dict.fromkeys(c.via))
    return (
        article.outlet,
        len(claims),
        sorted(Counter(c.status for c in claims).items()),
        sorted(Counter(claim_date(c).year for c in claims).items()),
        sorted(Counter(c.claimant for c in claims).items()),
        sorted(relayed.items()),
        figures,
        len(article.uncovered),
        len(article.dismissed),
    )


def _families(archive: Archive, article: Article | None) -> set[str]:
    """The lists (a paginated list's title) an article stands on."""
    if article is None:
        return set()
    names = {f"Outlet: {article.outlet}"}
    for claim in article.claims:
        names.add(f"Status: {archive.statuses[claim.status].label}")
        names.add(f"Claims of {claim_date(claim).year}")
        for who in (claim.claimant, *claim.via):
            names.add(archive.claimants[who].name)
    return names
