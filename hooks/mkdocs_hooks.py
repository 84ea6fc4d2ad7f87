"""MkDocs hooks: wire MkDocs events to the archive's plain functions in hooks/archive/.

Nothing here knows about claims or HTML; it only hands MkDocs's files and pages
to archive.site.ArchiveSite. MkDocs puts this file's folder on sys.path while
importing it, which is how `archive` is found.
"""

from __future__ import annotations

import logging
import os

from archive.csp import with_policy
from archive.offline import write_offline_copy
from archive.problems import ContentError
from archive.site import STATUS_CSS, ArchiveSite
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

log = logging.getLogger("mkdocs.hooks.archive")
_site: ArchiveSite | None = None
_serving = False


def on_startup(command, dirty) -> None:
    global _serving
    _serving = command == "serve"


def on_pre_build(config) -> None:
    # Everything is validated here, before MkDocs cleans site_dir: a broken
    # archive leaves the last good site untouched.
    global _site
    try:
        _site = ArchiveSite.load(
            config.docs_dir, config.extra.get("archive"), config.config_file_path, config.site_url or ""
        )
    except ContentError as error:
        for line in error.lines():
            log.error(line)
        if _serving and _site is not None:
            # MkDocs's server would hang every request after a failed rebuild; the archive's
            # pages come from the last good model, so rebuild that instead.
            log.error("Still serving the last good build of the archive until these are fixed.")
            return
        raise Abort(
            f"Aborted: {len(error.problems)} problem(s) in the archive content (listed above); "
            "the previous site was left as it was."
        ) from None
    for line in _site.summary():
        log.info(line)


def on_files(files: Files, config) -> Files:
    kept = []
    for file in files:
        if _site.is_source_only(file.src_uri) or file.src_uri in _site.pages:
            continue  # sources, and pages the archive renders itself
        kept.append(file)
    for src, info in _site.pages.items():
        inclusion = InclusionLevel.INCLUDED if info.in_nav else InclusionLevel.NOT_IN_NAV
        # The page's content is rendered by the archive, not read from disk again.
        kept.append(File.generated(config, src, content="", inclusion=inclusion))
    kept.append(File.generated(config, STATUS_CSS, content=_site.status_css()))
    return Files(kept)


def on_page_markdown(markdown: str, page, config, files) -> str:
    meta = _site.page_meta(page.file.src_uri)
    if meta is None:
        return _site.expand_markers(markdown)
    page.meta = meta
    return ""


def on_page_content(html: str, page, config, files) -> str:
    # MkDocs runs this for every page before rendering any, and keeps what it returns: a
    # generated page keeps nothing (its meta keeps it out of Material's search, see
    # ArchiveSite), and its HTML is made just in time in on_page_context, so the HTML of
    # thousands of pages is never held at once.
    return "" if page.file.src_uri in _site.pages else html


@event_priority(-100)  # after every plugin's on_page_context, including Material's search
def on_page_context(context, page, config, nav):
    generated = _site.page_html(page.file.src_uri)
    if generated is not None:
        page.content = generated
    return context


def on_post_page(output: str, page, config) -> str:
    # Not under `mkdocs serve`: its live-reload script is injected inline after this hook.
    if not _serving:
        output = with_policy(output, page.content or "")
    # MkDocs keeps every page until the build ends; the HTML of a generated page is
    # written by now and is not needed again (thousands of pages: gigabytes).
    if page.file.src_uri in _site.pages:
        page.content = None
    return output


# After every plugin (Material's offline plugin writes search_index.js at -100): the offline zip holds it all,
# the data files and the archive's search index (search/archive/, written by extra_files()) included.
@event_priority(-110)
def on_post_build(config) -> None:
    for path, content in _site.extra_files():
        target = os.path.join(config.site_dir, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8", newline="\n") as out:
            out.write(content)
    write_offline_copy(config.site_dir)
