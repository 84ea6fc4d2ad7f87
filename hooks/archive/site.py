"""The archive as a site, without MkDocs: which pages exist, what the engine is told of each, the data files.

The build object (build.py) and the command line (hooks/cli.py) use it; another engine would too.
"""

from __future__ import annotations

import functools
import posixpath
from html import escape

from . import export, urls
from .export import claimreview, page_reviews
from .load.source import ARTICLES_DIR, REGISTRY, SIDECAR_SUFFIX
from .model import Archive
from .render import tables
from .render.article import article_html
from .render.html import attr, plural
from .render.lists import list_pages
from .render.page import Page
from .suggest import suggestions

STATUS_CSS = urls.STATUS_CSS
SHARED_LAYOUT_META = "archive_shared_layout"  # page.meta key: pages with the same value share a navigation
JSONLD_META = "archive_jsonld"  # page.meta key of an article's ClaimReview data (archive.js writes the JSON-LD)
# Every page the archive generates stays out of Material's search index (its plugin skips such a page
# without parsing it): articles and the searchable generated pages go into the archive's own sharded
# index instead (export/search_index.py), and Material's index keeps the hand-written pages only.
NO_MATERIAL_SEARCH = {"search": {"exclude": True}}


class ArchiveSite:
    def __init__(self, archive: Archive, site_url: str = "", downloads_url: str = ""):
        self.archive = archive
        self.site_url = site_url or ""
        # Where the downloads (urls.DOWNLOADS) are published when not beside the site: the Pages workflow's
        # release assets (DOWNLOADS_URL in mkdocs.yml); empty: beside the site's root.
        self.downloads_url = downloads_url or ""
        self.articles = {article.src: article for article in archive.articles}

    @functools.cached_property
    def pages(self) -> dict[str, Page]:
        """Every page the archive makes, by source path (made when first asked for: `check` never does)."""
        pages = {article.src: self.article_page(article) for article in self.archive.articles}
        for page in list_pages(self.archive, self.downloads_url):
            pages[page.src] = page
        return pages

    def article_page(self, article) -> Page:
        archive = self.archive
        return Page(
            article.src,
            article.title,
            lambda: article_html(archive, article, self.site_url, self.downloads_url),
            # Material hides its sidebars on articles: the margin is for side notes.
            meta={
                "hide": ["navigation", "toc"],
                "description": attr(f"Archived from {article.outlet}: {len(article.claims)} annotated claims."),
            },
        )

    def with_pages(self, pages: dict[str, Page]) -> ArchiveSite:
        """This site, its pages given (the preview's, when an edit changes no list: see preview/session.py)."""
        self.__dict__["pages"] = pages  # what the cached property would hold
        return self

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

    def page(self, src: str) -> Page | None:
        """A page by its source path. An article's is made on its own while the lists are not made
        yet: the preview serves an edited article before it makes the list pages (preview/session.py)."""
        if "pages" not in self.__dict__ and src in self.articles:
            return self.article_page(self.articles[src])  # what pages would hold: the same content
        return self.pages.get(src)

    def has_page(self, src: str) -> bool:
        return src in self.articles or src in self.pages

    def page_meta(self, src: str) -> dict | None:
        page = self.page(src)
        if page is None:
            return None
        # Themes print the title unescaped (Material's <title>), so it goes in escaped.
        meta = {"title": escape(page.title), **page.meta, **NO_MATERIAL_SEARCH}
        if not page.in_nav:
            # Such pages share their navigation with the others of their folder (overrides/partials/nav.html).
            meta[SHARED_LAYOUT_META] = "folder:" + posixpath.dirname(urls.page_url(src))
        if src in self.articles:
            # For the page's <head> (overrides/main.html): out of the body, whose text
            # annotation clients search for quotes.
            meta[JSONLD_META] = page_reviews.article_scripts(self.archive, self.articles[src], self.site_url)
        return meta

    def page_html(self, src: str) -> str | None:
        page = self.page(src)
        return page.html() if page else None

    def expand_markers(self, markdown: str) -> str:
        """A hand-written page's Markdown, with the generated tables it asks for."""
        return tables.expand_markers(self.archive, markdown)

    def status_css(self) -> str:
        return tables.status_css(self.archive)

    def work_out_shared(self) -> None:
        """What both the pages and the data files use, worked out before the data files' child is
        forked (publish/datafiles.py): once, not in each process."""
        claimreview.work_out_words(self.archive)

    def data_files(self):
        """(path in the site, text) of every data file the site offers."""
        searchable = [page for page in self.pages.values() if page.searchable]
        return export.data_files(self.archive, self.site_url, searchable, self.downloads_url)

    def suggestions(self) -> list[str]:
        """`check`'s lines for likely matches not yet linked (suggest.py): for editors, never problems."""
        return [s.line() for s in suggestions(self.archive)]

    def summary(self) -> list[str]:
        """Build-log lines: the archive's size and its coverage, for editors."""
        archive = self.archive
        claims = sum(len(a.claims) for a in archive.articles)
        counts = (
            plural(len(archive.articles), "article"),
            plural(claims, "claim"),
            plural(len(archive.claimants), "claimant"),
        )
        lines = ["Archive: " + ", ".join(counts)]
        if not self.site_url and claims:
            lines.append(
                "Open data: site_url is not set, so ClaimReview, annotation and feed addresses are relative; "
                "build a public site with SITE_URL set (see data.html)"
            )
        uncovered = [(a, len(a.uncovered)) for a in archive.articles if a.uncovered]
        if uncovered:
            total = sum(n for _, n in uncovered)
            lines.append(
                f"Coverage: {plural(total, 'figure')} in {plural(len(uncovered), 'article')} "
                f"{'is' if total == 1 else 'are'} not yet annotated (see coverage.html)"
            )
            for article, count in uncovered[:20]:
                lines.append(f"  docs/{article.src}: {plural(count, 'figure')} not annotated")
            if len(uncovered) > 20:
                lines.append(f"  ... and {len(uncovered) - 20} more articles")
        return lines
