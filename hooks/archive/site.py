"""The archive as a site, without MkDocs: which pages exist, their HTML, extra files.

hooks/mkdocs_hooks.py calls these functions from MkDocs events; another engine
would call the same ones.
"""

from __future__ import annotations

import functools
import gc
import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path

from . import annotations, claimreview, exports, feed, search_index, urls
from .load import ARTICLES_DIR, REGISTRY, SIDECAR_SUFFIX, load_archive
from .model import Archive
from .pages import build_pages, description
from .render import article_html, status_badge

STATUS_TABLE_MARKER = "<!-- archive:status-table -->"
RATING_TABLE_MARKER = "<!-- archive:rating-table -->"
STATUS_CSS = "assets/archive-statuses.css"
SHARED_LAYOUT_META = "archive_shared_layout"  # page.meta key: pages with the same value share a navigation
JSONLD_META = "archive_jsonld"  # page.meta key of an article's ClaimReview <script> blocks
# Every page the archive generates stays out of Material's search index (its plugin skips such a page
# without parsing it): articles and the searchable generated pages go into the archive's own sharded
# index instead (search_index.py), and Material's index keeps the hand-written pages only.
NO_MATERIAL_SEARCH = {"search": {"exclude": True}}


@dataclass
class PageInfo:
    title: str
    html: Callable[[], str]
    in_nav: bool
    meta: dict
    searchable: bool = False  # a generated page the archive's search index reads (articles are, always)


class ArchiveSite:
    def __init__(self, archive: Archive, site_url: str = "", publisher: dict | None = None):
        self.archive = archive
        self.site_url = site_url or ""
        self.publisher = dict(publisher or {})
        self.articles = {article.src: article for article in archive.articles}

    @functools.cached_property
    def pages(self) -> dict[str, PageInfo]:
        """Every page the archive makes, by source path (made when first asked for: `check` never does)."""
        archive = self.archive
        pages: dict[str, PageInfo] = {}
        for article in archive.articles:
            pages[article.src] = PageInfo(
                title=article.title,
                html=lambda a=article: article_html(archive, a),
                in_nav=False,
                # Material hides its sidebars on articles: the margin is for side notes.
                meta={
                    "hide": ["navigation", "toc"],
                    "description": description(archive, article),
                    **NO_MATERIAL_SEARCH,
                },
            )
        for generated in build_pages(archive):
            pages[generated.src] = PageInfo(
                generated.title, generated.html, generated.in_nav, dict(NO_MATERIAL_SEARCH), generated.searchable
            )
        return pages

    @classmethod
    def load(cls, docs_dir, archive_config: dict | None, config_path, site_url: str = "") -> ArchiveSite:
        """Raises problems.ContentError listing every problem of the archive content.

        config_path is the project's mkdocs.yml: problems name files relative to its folder.
        """
        statuses = (archive_config or {}).get("statuses")
        # A large archive is millions of long-lived objects: Python's cycle collector
        # would scan them again and again while they are made (most of `check`'s time at
        # 10,000 articles) and during the whole build. It is paused while loading, and
        # what exists afterwards is frozen (gc.freeze: never scanned); the next load (under
        # `mkdocs serve`) unfreezes the previous archive so that it can be collected.
        publisher = (archive_config or {}).get("publisher")
        gc.unfreeze()
        enabled = gc.isenabled()
        gc.disable()
        try:
            # workers=None: the article files are read in worker processes when it is safe and
            # worth it (see load._map; never from `mkdocs serve`'s rebuild thread).
            site = cls(load_archive(Path(docs_dir), statuses, config_path, workers=None), site_url, publisher)
        finally:
            if enabled:
                gc.enable()
        gc.freeze()
        return site

    @staticmethod
    def is_source_only(src: str) -> bool:
        """Files that feed the build but are not published as they are.

        Article files are never rendered by the engine itself: only through the archive
        (so one that failed to load is left out, not shown raw).
        """
        return (
            src.endswith(SIDECAR_SUFFIX)
            or src == REGISTRY
            or (src.startswith(ARTICLES_DIR + "/") and src.endswith(".md"))
        )

    def page_meta(self, src: str) -> dict | None:
        info = self.pages.get(src)
        if info is None:
            return None
        # Themes print the title unescaped (Material's <title>), so it goes in escaped.
        meta = {"title": escape(info.title), **info.meta}
        if not info.in_nav:
            # Such pages share their navigation with the others of their folder (overrides/partials/nav.html).
            meta[SHARED_LAYOUT_META] = "folder:" + posixpath.dirname(urls.page_url(src))
        if src in self.articles:
            # For the page's <head> (overrides/main.html): out of the body, whose text
            # annotation clients search for quotes.
            meta[JSONLD_META] = self.claim_reviews(self.articles[src])
        return meta

    def page_html(self, src: str) -> str | None:
        info = self.pages.get(src)
        return info.html() if info else None

    def search_documents(self):
        """What the archive's search index holds: every article, then the searchable generated pages."""
        yield from search_index.article_documents(self.archive)
        for src, info in self.pages.items():
            if info.searchable:
                yield search_index.page_document(info.title, src, info.html())

    def expand_markers(self, markdown: str) -> str:
        """Hand-written pages may ask for generated parts (the status table)."""
        if STATUS_TABLE_MARKER in markdown:
            markdown = markdown.replace(STATUS_TABLE_MARKER, self.status_table())
        if RATING_TABLE_MARKER in markdown:
            markdown = markdown.replace(RATING_TABLE_MARKER, self.rating_table())
        return markdown

    def rating_table(self) -> str:
        """Each status's ClaimReview rating (docs/data.md), as configured."""
        rows = "".join(
            f"<tr><td>{status_badge(self.archive, s.id)}</td><td><code>{escape(s.id)}</code></td>"
            f"<td>{s.rating}</td></tr>"
            for s in sorted(self.archive.statuses.values(), key=lambda s: -s.rating)
        )
        return (
            '<table class="na-table"><thead><tr><th>Status (<code>alternateName</code>)</th><th>In YAML</th>'
            f"<th><code>ratingValue</code></th></tr></thead><tbody>{rows}</tbody></table>"
        )

    def status_table(self) -> str:
        rows = "".join(
            f"<tr><td>{status_badge(self.archive, s.id)}</td><td><code>{escape(s.id)}</code></td>"
            f"<td>{escape(s.description)}</td></tr>"
            for s in self.archive.statuses.values()
        )
        return (
            '<table class="na-table"><thead><tr><th>Status</th><th>In YAML</th><th>Meaning</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>"
        )

    def claim_reviews(self, article) -> str:
        """The article's schema.org ClaimReview JSON-LD blocks."""
        return claimreview.article_scripts(self.archive, article, self.site_url, self.publisher)

    def status_css(self) -> str:
        return "".join(f'[data-status="{s.id}"]{{--na-status:{s.colour}}}\n' for s in self.archive.statuses.values())

    def extra_files(self):
        """(path in the site, text) of every data file the site offers."""
        records = exports.claim_records(self.archive, self.site_url)  # once for all the files below
        yield "claims.json", exports.claims_json(self.archive, self.site_url, records)
        yield "claims.csv", exports.claims_csv(self.archive, self.site_url, records)
        yield "claimants.json", exports.claimants_json(self.archive)
        for article in self.archive.articles:
            yield (
                urls.page_url(article.src)[: -len(".html")] + ".json",
                exports.article_json(self.archive, article, self.site_url, records),
            )
        yield (
            annotations.COLLECTION_PATH,
            annotations.dumps(annotations.collection(self.archive, self.site_url, self.publisher)),
        )
        for path, page in annotations.pages(self.archive, self.site_url, self.publisher):
            yield path, annotations.dumps(page)
        yield feed.FEED_PATH, feed.atom(self.archive, self.site_url, self.publisher)
        yield from search_index.build(self.search_documents())

    def summary(self) -> list[str]:
        """Build-log lines: the archive's size and its coverage, for editors."""
        archive = self.archive
        claims = sum(len(a.claims) for a in archive.articles)
        lines = [f"Archive: {len(archive.articles)} articles, {claims} claims, {len(archive.claimants)} claimants"]
        if not self.site_url and claims:
            lines.append(
                "Open data: site_url is not set, so ClaimReview, annotation and feed addresses are relative; "
                "build a public site with SITE_URL set (see data.html)"
            )
        uncovered = [(a, len(a.uncovered)) for a in archive.articles if a.uncovered]
        if uncovered:
            total = sum(n for _, n in uncovered)
            lines.append(
                f"Coverage: {total} figures in {len(uncovered)} articles are not yet annotated (see coverage.html)"
            )
            for article, count in uncovered[:20]:
                lines.append(f"  docs/{article.src}: {count} figures not annotated")
            if len(uncovered) > 20:
                lines.append(f"  ... and {len(uncovered) - 20} more articles")
        return lines
