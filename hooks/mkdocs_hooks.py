"""MkDocs hooks: wire MkDocs's events to the archive's plain code in hooks/archive/.

The only module that imports MkDocs. Nothing here knows about claims or HTML: it hands MkDocs's
files and pages to hooks.archive.build.ArchiveBuild, one per build, held by the one ArchiveHooks
object below (the state a plugin object holds in Material's own plugins).
"""

from __future__ import annotations

import functools
import logging
import os
import sys
import time
from pathlib import Path

# MkDocs imports this file by its path; the archive is imported as the package `hooks`, from the
# folder that holds it, exactly as the command line and the tests import it: one copy of each module.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.commands.build import _build_theme_template, _populate_page, get_context  # noqa: E402
from mkdocs.exceptions import Abort  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File, Files, InclusionLevel  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402
from mkdocs.structure.toc import get_toc  # noqa: E402

from hooks.archive import urls  # noqa: E402
from hooks.archive.build import ArchiveBuild, load_site  # noqa: E402
from hooks.archive.messages import build as built  # noqa: E402
from hooks.archive.messages import preview as said  # noqa: E402
from hooks.archive.preview import publish  # noqa: E402
from hooks.archive.preview.changes import classify  # noqa: E402
from hooks.archive.preview.session import NeedsWholeLoad, Session  # noqa: E402
from hooks.archive.problems import ContentError  # noqa: E402
from hooks.archive.site import STATUS_CSS  # noqa: E402
from hooks.jinja_shared import ArchiveShared  # noqa: E402

log = logging.getLogger("mkdocs.hooks.archive")
# Two shortcuts (jinja_shared.ArchiveShared, _render_nothing) that must not change a byte: a test builds
# with them and without them (this variable set) and compares every page.
_NO_SHORTCUTS = bool(os.environ.get("ARCHIVE_NO_SHORTCUTS"))


class ArchiveHooks:
    def __init__(self) -> None:
        self.serving = False
        self.dirty = False  # `--dirty`: MkDocs keeps site_dir's files, and so does the archive
        self.last_good = None  # the last archive that loaded, served again while `mkdocs serve` sees problems
        self.stale: list[str] = []  # while it is: the problems that keep the archive from being rebuilt
        self.build: ArchiveBuild | None = None
        # `mkdocs serve` only: the site as last published and what MkDocs made of it (its files,
        # navigation and theme), kept for the next edit (see hooks/archive/preview/).
        self.session: Session | None = None
        self.engine: dict = {}
        self.prepared: dict[str, str] = {}  # during an update: the pages' contents, made by its plan
        self.recorder = None  # `mkdocs serve` only: the changes its watcher saw (preview/watch.py)
        self.data: publish.DataRefresh | None = None
        self.server = None  # MkDocs's server, under `mkdocs serve`

    def on_startup(self, command, dirty) -> None:
        self.serving = command == "serve"
        self.dirty = dirty

    def on_pre_build(self, config) -> None:
        # Everything is validated here, before MkDocs cleans site_dir: a broken
        # archive leaves the last good site untouched.
        try:
            site = load_site(
                config.docs_dir, config.config_file_path, config.site_url or "", config.extra.get("downloads_url") or ""
            )
        except ContentError as error:
            for line in error.lines():
                log.error(line)
            if not (self.serving and self.last_good):
                raise Abort(
                    f"Aborted: {len(error.problems)} problem(s) in the archive content (listed above); "
                    "the previous site was left as it was."
                ) from None
            # MkDocs's server would hang every request after a failed rebuild; the archive's
            # pages come from the last good model, so rebuild that instead.
            log.error("Still serving the last good build of the archive until these are fixed.")
            site = self.last_good
            self.stale = error.lines()
        else:
            self.stale = []
            for line in site.summary():
                log.info(line)
        self.last_good = site
        self.build = ArchiveBuild(site, serving=self.serving, docs_dir=config.docs_dir)
        if not self.dirty:
            self.build.set_aside_previous(config.site_dir)
        self.session = None
        if self.serving and not self.stale:
            self.session = Session(site, config.docs_dir, config.config_file_path)

    def on_files(self, files: Files, config) -> Files:
        site = self.build.site
        kept = [file for file in files if not (site.is_source_only(file.src_uri) or file.src_uri in site.pages)]
        for src, page in site.pages.items():
            inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
            # The page's content is rendered by the archive, not read from disk again.
            kept.append(File.generated(config, src, content="", inclusion=inclusion))
        kept.append(File.generated(config, STATUS_CSS, content=site.status_css()))
        kept += [File.generated(config, path, content=text) for path, text in self.build.preview_files()]
        self.build.start_writing(config.site_dir)  # site_dir has just been cleaned
        files = Files(kept)
        self.engine = {"config": config, "files": files}
        return files

    def on_nav(self, nav, config, files):
        self.engine["nav"] = nav
        return nav

    def on_env(self, env, config, files):
        env.add_extension(ArchiveShared)
        env.archive_shared = {}  # one per build: MkDocs makes a new environment each time
        env.archive_shared_off = _NO_SHORTCUTS
        # Jinja checks each template's file on disk every time it is used (each page's, each
        # partial's include). Templates do not change during a build, and MkDocs makes a new
        # environment for every build.
        env.auto_reload = False
        self.engine["env"] = env
        return env

    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        site = self.build.site
        meta = site.page_meta(page.file.src_uri)
        if meta is None:
            return site.expand_markers(markdown)
        page.meta = meta
        if not _NO_SHORTCUTS:
            # The archive makes this page's HTML itself (on_page_context): MkDocs's Markdown pass
            # would set up a Markdown converter for each page only to turn "" into "".
            page.render = functools.partial(_render_nothing, page)
        return ""

    def on_page_content(self, html: str, page, config, files) -> str:
        # MkDocs runs this for every page before rendering any, and keeps what it returns: a
        # generated page keeps nothing (its meta keeps it out of Material's search), and its
        # HTML is made just in time in on_page_context, so the HTML of thousands of pages is
        # never held at once.
        return "" if self.build.site.has_page(page.file.src_uri) else html

    @event_priority(-100)  # after every plugin's on_page_context, including Material's search
    def on_page_context(self, context, page, config, nav):
        src = page.file.src_uri
        generated = self.prepared[src] if src in self.prepared else self.build.site.page_html(src)
        if generated is not None:
            page.content = generated
            if self.session is not None:
                self.session.remember(src, generated)
        return context

    @event_priority(-100)  # after other plugins: the policy and the zip must see the final page
    def on_post_page(self, output: str, page, config) -> str:
        # Under `mkdocs serve` no policy: its live-reload script is injected inline after this hook.
        output = self.build.page_output(output, page.content or "")
        if self.serving:
            output = self.build.preview_page(output, page.file.src_uri, self.stale)
        # MkDocs keeps every page until the build ends; the HTML of a generated page is in
        # `output` by now and is not needed again (thousands of pages: gigabytes).
        if self.build.site.has_page(page.file.src_uri):
            page.content = None
        return output

    # After every plugin (Material's offline plugin writes search_index.js at -100): the offline zip
    # holds it all, the data files and the archive's search index (search/archive/) included.
    @event_priority(-110)
    def on_post_build(self, config) -> None:
        build, self.build = self.build, None
        build.finish()
        for path in build.left_behind:
            log.warning(built.left_behind(path))
        if self.session is not None:
            self.data = publish.DataRefresh(config.site_dir, self.session.site, lambda line: log.info(said.data(line)))

    def on_build_error(self, error) -> None:
        build, self.build = self.build, None
        self.session = None
        if build is not None:
            build.abandon()

    def on_serve(self, server, config, builder):
        """An edit of an article updates the pages it changes; anything else rebuilds everything."""
        # Imported here, as MkDocs imports its server: `mkdocs build` never needs the file watcher.
        from hooks.archive.preview import watch

        self.recorder = watch.Recorder()
        watched = list(getattr(server, "_watched_paths", ()))  # what MkDocs watches so far (docs, mkdocs.yml)
        watch_path = server.watch

        def watch_too(path, func=None, *, recursive=True):
            watch_path(path, func, recursive=recursive)
            server.observer.schedule(self.recorder, os.path.abspath(path), recursive=recursive)

        for path in watched:
            server.unwatch(path)
        server.observer = watch.ChangesObserver()
        server.watch = watch_too
        for path in watched:
            server.watch(path)
        server.builder = functools.partial(self._rebuild, server.builder)
        self.server = server
        return server

    def _rebuild(self, rebuild_all) -> None:
        changed = self.recorder.take()
        if self.session is not None and changed:
            changes = classify(self.engine["config"].docs_dir, changed, self.session.site.articles)
            if changes is None:
                log.info(said.not_articles(", ".join(sorted(changed)[:3])))
            else:
                try:
                    self._update(changes)
                    return
                except NeedsWholeLoad as why:
                    log.info(said.whole(str(why)))
                except Exception:  # a bug of the update must not leave a half-updated preview
                    log.exception(said.failed())
        if self.data is not None:
            self.data.stop()
            self.data = None
        _hold_requests(self.server)  # an update may have let them through before it gave up
        rebuild_all()

    def _update(self, changes) -> None:
        """Render again the pages the plan names, with MkDocs's own page events and the theme.

        The edited articles' pages first: they are written and served (the server answers again)
        while the list pages are made, which at 10,000 articles takes seconds (every page of a list
        from the added claim's place on). Requests wait again only while those are written."""
        started = time.perf_counter()
        plan = self.session.plan(changes)
        engine = self.engine
        config, files, nav, env = engine["config"], engine["files"], engine["nav"], engine["env"]
        if any(self.session.site.pages[src].in_nav for src in plan.removed):
            raise NeedsWholeLoad("the navigation changes")
        for src in plan.removed:  # the edited articles': removed lists pages follow
            self._remove(src)
        self._add(plan.added)
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        outputs = self._render(plan, list(plan.contents), doc_files)
        written = sum(publish.write_bytes(config.site_dir, dest, output) for dest, output in outputs)
        for src in plan.raw:
            with open(os.path.join(config.docs_dir, src), "rb") as raw:
                written += publish.write_bytes(config.site_dir, src, raw.read())
        first = time.perf_counter() - started
        _answer_requests(self.server)  # the edited pages are served from here on

        articles = (len(plan.contents), len(plan.removed), len(plan.added))
        self.session.lists(plan)
        planned = time.perf_counter() - started
        if any(plan.site.pages[src].in_nav for src in plan.added[articles[2] :]) or any(
            self.session.site.pages[src].in_nav for src in plan.removed[articles[1] :]
        ):
            raise NeedsWholeLoad("the navigation changes")
        self._add(plan.added[articles[2] :])
        if plan.added or plan.removed:  # in the order on_files gives them (the sitemap lists them so)
            files = engine["files"] = _in_order(files, plan.site.pages)
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        outputs = self._render(plan, list(plan.contents)[articles[0] :], doc_files)
        if outputs or plan.heads or len(plan.added) > articles[2] or len(plan.removed) > articles[1]:
            _hold_requests(self.server)  # MkDocs answers again (and reloads the browsers) once this returns
        for src in plan.removed[articles[1] :]:
            self._remove(src)
        for src, (old, new) in list(plan.heads.items()):
            done = publish.replace_head(config.site_dir, urls.page_url(src), old, new)
            if done is None:  # not as expected: the whole page is made again
                del plan.heads[src]
                plan.contents[src] = plan.site.page_html(src)
                outputs += self._render(plan, [src], doc_files)
            written += bool(done)
        written += sum(publish.write_bytes(config.site_dir, dest, output) for dest, output in outputs)
        if plan.added or plan.removed:  # the sitemap lists every page
            _build_theme_template("sitemap.xml", env, files, config, nav)
        self.session.published(plan)
        self.last_good = plan.site
        log.info(said.updated(plan, written, time.perf_counter() - started, planned, first))
        self.data.start(plan.site)

    def _remove(self, src: str) -> None:
        config, files = self.engine["config"], self.engine["files"]
        file = files.get_file_from_path(src)
        if file is not None:
            files.remove(file)
        publish.remove(config.site_dir, urls.page_url(src))

    def _add(self, srcs) -> None:
        config, files = self.engine["config"], self.engine["files"]
        for src in srcs:
            file = File.generated(config, src, content="", inclusion=InclusionLevel.NOT_IN_NAV)
            files.append(file)
            Page(None, file, config)

    def _render(self, plan, srcs, doc_files) -> list[tuple[str, bytes]]:
        """(site path, output) of each page, rendered by MkDocs's page events and the theme."""
        engine = self.engine
        config, files, nav, env = engine["config"], engine["files"], engine["nav"], engine["env"]
        self.build, self.prepared = ArchiveBuild(plan.site, serving=True), plan.contents
        try:
            outputs = []
            for src in srcs:
                page = files.get_file_from_path(src).page
                _populate_page(page, config, files)
                outputs.append((page.file.dest_uri, _render(page, config, doc_files, nav, env)))
            return outputs
        finally:
            self.build, self.prepared = None, {}


def _answer_requests(server) -> None:
    """MkDocs's server holds every request while its builder runs: answer them now (what MkDocs
    does when the builder returns; the browsers reload)."""
    condition = getattr(server, "_epoch_cond", None)
    if condition is None:
        return
    with condition:
        server._visible_epoch = server._wanted_epoch
        condition.notify_all()


def _hold_requests(server) -> None:
    """Hold requests again, as MkDocs does when a build starts: the browsers reload again once the
    builder returns (a list page open in another tab shows its new rows)."""
    from mkdocs.livereload import _timestamp  # the server's module: only ever loaded under `mkdocs serve`

    condition = getattr(server, "_epoch_cond", None)
    if condition is None:
        return
    with condition:
        server._wanted_epoch = max(server._wanted_epoch + 1, _timestamp())


def _in_order(files: Files, pages: dict) -> Files:
    """The files as on_files would have listed them: the engine's, the archive's pages, its stylesheet."""
    order = {src: number for number, src in enumerate(pages)}
    engine = [file for file in files if file.src_uri not in order and file.src_uri != STATUS_CSS]
    archive = sorted((file for file in files if file.src_uri in order), key=lambda file: order[file.src_uri])
    return Files(engine + archive + [file for file in files if file.src_uri == STATUS_CSS])


def _render(page, config, doc_files, nav, env) -> bytes:
    """A page's output as mkdocs.commands.build._build_page makes it, without writing it."""
    config._current_page = page
    page.active = True
    try:
        context = get_context(nav, doc_files, config, page)
        template = env.get_template(page.meta.get("template", "main.html"))
        context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
        output = template.render(context)
        output = config.plugins.on_post_page(output, page=page, config=config)
        return output.encode("utf-8", errors="xmlcharrefreplace")
    finally:
        page.active = False
        config._current_page = None


def _render_nothing(page, config, files) -> None:
    # What Page.render leaves on a page whose Markdown is "" (mkdocs/structure/pages.py).
    page.content = ""
    page.toc = get_toc([])
    page.present_anchor_ids = set()


_hooks = ArchiveHooks()
on_startup = _hooks.on_startup
on_pre_build = _hooks.on_pre_build
on_files = _hooks.on_files
on_env = _hooks.on_env
on_nav = _hooks.on_nav
on_serve = _hooks.on_serve
on_page_markdown = _hooks.on_page_markdown
on_page_content = _hooks.on_page_content
on_page_context = _hooks.on_page_context
on_post_page = _hooks.on_post_page
on_post_build = _hooks.on_post_build
on_build_error = _hooks.on_build_error
