"""One build of the site: the archive loaded, and the files written beside the pages.

The engine's hooks (hooks/mkdocs_hooks.py) make an ArchiveBuild when a build starts and drop it
when the build ends; everything a build needs is held here, not in module globals. Nothing here
knows about MkDocs.
"""

from __future__ import annotations

import contextlib
import gc
import os
from pathlib import Path

from .assemble import load_archive
from .publish.compact import split, squeeze
from .publish.csp import policy, with_policy
from .publish.datafiles import DataFiles
from .publish.offline import OfflineCopy
from .publish.previous import PreviousBuild
from .render import selection
from .render.banner import with_stale_banner
from .site import ArchiveSite


@contextlib.contextmanager
def long_lived_objects():
    """For the process that loads a large archive: millions of objects that live until it ends.

    Python's cycle collector would scan them again and again while they are made (most of
    `check`'s time at 10,000 articles) and during the whole build: it is paused while loading,
    and what exists afterwards is frozen (never scanned). The next load (under `mkdocs serve`)
    unfreezes the previous archive so that it can be collected.
    """
    gc.unfreeze()
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
    gc.freeze()


def load_site(docs_dir, config_path, site_url: str = "", downloads_url: str = "") -> ArchiveSite:
    """The archive of docs_dir as a site; raises problems.ContentError listing every problem.

    config_path is the project's mkdocs.yml: its extra.archive is read (config.py), and problems
    name files relative to its folder.
    """
    with long_lived_objects():
        # workers=None: the article files are read in worker processes when it is safe and
        # worth it (see assemble._load_pairs; never from `mkdocs serve`'s rebuild thread).
        archive = load_archive(Path(docs_dir), config_path, workers=None)
    return ArchiveSite(archive, site_url, downloads_url)


def published(output: str, content: str, *, policy_too: bool) -> str:
    """A page as it is published: `content` (the part made from the archive's content) exactly as
    it is, the theme's white space squeezed around it and, if policy_too, the policy of the theme's
    scripts (not under the preview, whose live-reload script is injected inline afterwards)."""
    parts = split(output, content)
    if parts is None:  # the theme changed the content: nothing is touched, the policy from the whole page
        return with_policy(output, policy(output)) if policy_too else output
    before, after = squeeze(parts[0]), squeeze(parts[1])
    if policy_too:
        before = with_policy(before, policy(before, after))
    return f"{before}{content}{after}"


class ArchiveBuild:
    """A build's site, and the data files and offline copy written while its pages are rendered.

    serving: under a live-reloading preview, whose injected script no security policy can allow,
    and where the data files are written by the build itself (it runs in a thread).
    """

    def __init__(self, site: ArchiveSite, *, serving: bool, docs_dir: str | None = None):
        self.site = site
        self.serving = serving
        self.docs_dir = docs_dir  # the preview's claim tool reads the claims files' ids there
        self.offline: OfflineCopy | None = None  # the zip, compressed by a helper process
        self.data: DataFiles | None = None  # the data files, written by a child process where possible
        self.previous: PreviousBuild | None = None  # the previous build's files, being removed
        self.left_behind: list[str] = []  # what of them could not be removed (the engine warns of it)

    def set_aside_previous(self, site_dir: str) -> None:
        """The archive has loaded, and site_dir is about to be cleaned: its files are moved aside now
        and removed while the build runs (publish/previous.py)."""
        self.previous = PreviousBuild(site_dir)

    def start_writing(self, site_dir: str) -> None:
        """site_dir has just been cleaned, and nothing is written yet."""
        os.makedirs(site_dir, exist_ok=True)
        self.offline = OfflineCopy(site_dir, self.site.downloads_url)
        if not self.serving:  # the data files are written by a forked child (publish/datafiles.py)
            self.site.work_out_shared()
        self.data = DataFiles(self.site.data_files, site_dir, self.offline.data_fd, background=not self.serving)

    def page_output(self, output: str, content: str) -> str:
        """A page's final HTML (content: the part of it made from the archive's content)."""
        return published(output, content, policy_too=not self.serving)

    def preview_files(self) -> list[tuple[str, str]]:
        """(site path, text) of the files only the preview has: the claim tool's script and style."""
        return selection.preview_files() if self.serving else []

    def preview_page(self, output: str, src: str, stale: list[str]) -> str:
        """A served page as the preview shows it: the problems that keep the archive from being
        rebuilt (banner.py) and, on an article, the claim-from-a-selection tool (selection.py)."""
        if stale:
            output = with_stale_banner(output, stale)
        article = self.site.articles.get(src)
        if article is not None:
            output = selection.with_selection_tool(output, self.site.archive, article, self._sidecar_text(article))
        return output

    def _sidecar_text(self, article) -> str | None:
        # Read again for each page: the editor may have added claims since the last good build.
        if not self.docs_dir or not article.sidecar_src:
            return None
        try:
            return (Path(self.docs_dir) / article.sidecar_src).read_text("utf-8", errors="replace")
        except OSError:
            return None

    def finish(self) -> None:
        try:
            self.data.finish()
            self._forget_previous()  # before the offline copy lists the site's files
            self.offline.finish()
        except BaseException:
            self.abandon()
            raise

    def abandon(self) -> None:
        """The build failed: stop the helpers and leave no temporary file."""
        if self.data is not None:
            self.data.abandon()
        if self.offline is not None:
            self.offline.abandon()
        self._forget_previous()
        self.data = self.offline = None

    def _forget_previous(self) -> None:
        if self.previous is not None:
            self.left_behind = self.previous.wait()
            self.previous = None
