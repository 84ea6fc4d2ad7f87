"""MkDocs hooks: wire MkDocs events to the archive's plain functions in hooks/archive/.

Nothing here knows about claims or HTML; it only hands MkDocs's files and pages
to archive.site.ArchiveSite. MkDocs puts this file's folder on sys.path while
importing it, which is how `archive` is found.
"""

from __future__ import annotations

import functools
import logging
import os

from archive.csp import with_policy
from archive.datafiles import DataFiles
from archive.offline import OfflineCopy
from archive.problems import ContentError
from archive.site import STATUS_CSS, ArchiveSite
from jinja_shared import ArchiveShared
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import get_toc

log = logging.getLogger("mkdocs.hooks.archive")
_site: ArchiveSite | None = None
_serving = False
# Work done beside the pages, from on_files to on_post_build (see archive/datafiles.py, archive/offline.py).
_offline: OfflineCopy | None = None  # the offline zip, compressed by a helper process
_data: DataFiles | None = None  # the data files, written by a child process where possible
_written: str | None = None  # the last page: MkDocs writes it after on_post_page
# Two shortcuts (jinja_shared.ArchiveShared, _render_nothing) that must not change a byte: a test builds
# with them and without them (this variable set) and compares every page.
_NO_SHORTCUTS = bool(os.environ.get("ARCHIVE_NO_SHORTCUTS"))


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
    _start_work_beside_pages(config.site_dir)
    return Files(kept)


def _start_work_beside_pages(site_dir: str) -> None:
    # site_dir has just been cleaned (after on_pre_build), and nothing is written yet.
    global _offline, _data, _written
    os.makedirs(site_dir, exist_ok=True)
    _offline = OfflineCopy(site_dir)
    _data = DataFiles(_site.extra_files, site_dir, _offline.data_fd, background=not _serving)
    _written = None


def on_env(env, config, files):
    env.add_extension(ArchiveShared)
    env.archive_shared = {}  # one per build: MkDocs makes a new environment each time
    env.archive_shared_off = _NO_SHORTCUTS
    # Jinja checks each template's file on disk every time it is used (each page's, each
    # partial's include: hundreds of thousands of stat calls at 10,000 articles). Templates do
    # not change during a build, and MkDocs makes a new environment for every build.
    env.auto_reload = False
    return env


def on_page_markdown(markdown: str, page, config, files) -> str:
    meta = _site.page_meta(page.file.src_uri)
    if meta is None:
        return _site.expand_markers(markdown)
    page.meta = meta
    if not _NO_SHORTCUTS:
        # The archive makes this page's HTML itself (on_page_context): MkDocs's Markdown pass
        # would set up a Markdown converter for each page only to turn "" into "".
        page.render = functools.partial(_render_nothing, page)
    return ""


def _render_nothing(page, config, files) -> None:
    # What Page.render leaves on a page whose Markdown is "" (mkdocs/structure/pages.py).
    page.content = ""
    page.toc = get_toc([])
    page.present_anchor_ids = set()


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


@event_priority(-100)  # after other plugins: the policy and the zip must see the final page
def on_post_page(output: str, page, config) -> str:
    global _written
    # Not under `mkdocs serve`: its live-reload script is injected inline after this hook.
    if not _serving:
        output = with_policy(output, page.content or "")
    # MkDocs keeps every page until the build ends; the HTML of a generated page is in
    # `output` by now and is not needed again (thousands of pages: gigabytes).
    if page.file.src_uri in _site.pages:
        page.content = None
    if _written:  # the previous page is on disk by now
        _offline.page_written(_written)
    # What MkDocs writes, and when (mkdocs/commands/build.py: _build_page).
    _written = page.file.dest_uri if output.strip() else None
    return output


# After every plugin (Material's offline plugin writes search_index.js at -100): the offline zip holds it all,
# the data files and the archive's search index (search/archive/, written by extra_files()) included.
@event_priority(-110)
def on_post_build(config) -> None:
    global _data, _offline, _written
    try:
        if _written:
            _offline.page_written(_written)
        _data.finish()
        _offline.finish()
    except BaseException:
        on_build_error(None)
        raise
    _data = _offline = _written = None


def on_build_error(error) -> None:
    global _data, _offline
    if _data is not None:
        _data.abandon()
    if _offline is not None:
        _offline.abandon()
    _data = _offline = None
