"""`mkdocs serve` updates only what an edit changes, and serves what a whole build would.

After a series of edits (a note, a status, an article added, one removed, a raw text changed),
each taken by an update of the pages it changes, every page and data file served must be byte for
byte what the same server serves after rebuilding everything. A change to the claimants registry
or mkdocs.yml rebuilds everything; an edit with a problem shows the banner over the last good pages.
"""

from __future__ import annotations

import contextlib
import re
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request

from conftest import SEED_BODY, SEED_CLAIMS

from hooks import engine
from hooks.archive import urls
from hooks.archive.build import load_site

_LIVERELOAD = re.compile(rb"<script>\s*var livereload = .*?</script>", re.S)
OTHER_BODY = "The ministry said 40 bridges were repaired in 2024 and 3 more would open.\n"
OTHER_CLAIMS = """\
claims:
  - id: bridges
    quote: 40 bridges
    claimant: russian-mod
    status: unverified
    note: The ministry's own count.
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fetch(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return _LIVERELOAD.sub(b"", response.read())
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return None
        raise


class _Server:
    def __init__(self, project):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.process = subprocess.Popen(
            engine.command("serve", "-f", str(project.config), "-a", f"127.0.0.1:{self.port}"),
            cwd=project.root,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.log: list[str] = []
        threading.Thread(target=lambda: self.log.extend(self.process.stdout), daemon=True).start()

    def log_lines(self, words: str) -> list[str]:
        return [line for line in self.log if words in line]

    def count(self, words: str) -> int:
        return sum(words in line for line in self.log)

    def wait(self, words: str, at_least: int, seconds: float = 90) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.count(words) >= at_least:
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        raise AssertionError(f"timed out waiting for {words!r}:\n" + "".join(self.log))

    def after(self, edit, *, updates: int | None = None, builds: int | None = None) -> None:
        """Make the edit and wait for the update (and its data files) or the whole build it causes."""
        # Whole builds are counted by MkDocs's "Building documentation...": its "Documentation built in
        # N seconds" is dropped when N was logged before (the build logger's DuplicateFilter).
        counted = ("Preview updated", "data files up to date", "Building documentation", "Reloading")
        updated, data, whole, built = (self.count(w) for w in counted)
        edit()
        if updates:
            self.wait("Preview updated", updated + updates)
            self.wait("data files up to date", data + updates)
        if builds:
            self.wait("Building documentation", whole + builds)
        self.wait("Reloading", built + (updates or builds or 1))


@contextlib.contextmanager
def _serving(project):
    server = _Server(project)
    try:
        server.wait("Serving on", 1, seconds=120)  # the watcher has started
        yield server
    finally:
        server.process.send_signal(signal.SIGINT)  # MkDocs then removes its temporary site
        server.process.wait(timeout=30)


def _everything(project, server, extra=()) -> dict[str, bytes | None]:
    """Every page and data file of the archive as it is on disk, as served (None: not found)."""
    site = load_site(project.docs, project.config)
    paths = {urls.page_url(src) for src in site.pages} | {path for path, _ in site.data_files()} | set(extra)
    paths |= {"sitemap.xml", "sitemap.xml.gz", "404.html"}
    paths |= {a.raw_src for a in site.archive.articles if a.raw_src}
    return {path: _fetch(server.url + path) for path in sorted(paths)}


def test_edits_update_only_their_pages_and_serve_what_a_whole_build_serves(project):
    project.article("a", SEED_BODY, SEED_CLAIMS, published="2015-11-20")
    project.article("c", OTHER_BODY, OTHER_CLAIMS, outlet="Other Outlet", published="2024-05-01")
    project.article("d", OTHER_BODY, OTHER_CLAIMS.replace("id: bridges", "id: bridges-d"), published="2023-01-02")
    (project.docs / "articles" / "d.txt").write_text(OTHER_BODY, encoding="utf-8")
    sidecar = project.docs / "articles" / "a.claims.yml"
    with _serving(project) as server:
        first = _everything(project, server)
        page = server.url + "articles/a.html"

        server.after(
            lambda: sidecar.write_text(SEED_CLAIMS.replace("no independent", "no outside"), "utf-8"), updates=1
        )
        assert b"no outside check" in _fetch(page)
        # ... and in its year's Web Annotations, once the data files are up to date
        assert b"no outside check" in _fetch(server.url + "annotations-2015.jsonld")
        server.after(
            lambda: sidecar.write_text(SEED_CLAIMS.replace("status: disputed", "status: false"), "utf-8"), updates=1
        )
        assert b"no outside check" not in _fetch(page)
        # The other statuses' pages show the new counts in their filter bar; their rows are as they were.
        assert re.search(r"and [1-9]\d* changed in their counts only", server.log_lines("Preview updated")[-1])
        server.after(lambda: project.article("b", OTHER_BODY, OTHER_CLAIMS, published="2025-02-03"), updates=1)
        assert b"40 bridges" in _fetch(server.url + "articles/b.html")

        def remove_c():
            (project.docs / "articles" / "c.md").unlink()
            (project.docs / "articles" / "c.claims.yml").unlink()

        server.after(remove_c, updates=1)
        assert _fetch(server.url + "articles/c.html") is None
        server.after(lambda: (project.docs / "articles" / "d.txt").write_text(OTHER_BODY + " ", "utf-8"), updates=1)
        assert "whole site is rebuilt" not in "".join(server.log)
        assert server.count("Building documentation") == 1

        updated = _everything(project, server, extra=first)
        assert updated != first
        # Everything again, from scratch: mkdocs.yml saved.
        server.after(lambda: project.config.write_text(project.config.read_text("utf-8") + "\n", "utf-8"), builds=1)
        assert server.count("Building documentation") == 2
        rebuilt = _everything(project, server, extra=first)
        different = [path for path in rebuilt if rebuilt[path] != updated[path]]
        assert not different, different
        assert rebuilt["articles/c.html"] is None
        # c was 2024's only article: its year's files went with it, in the update as in the rebuild
        assert first["annotations-2024.jsonld"] is not None and first["articles-2024.json"] is not None
        assert rebuilt["annotations-2024.jsonld"] is None and rebuilt["articles-2024.json"] is None


def test_registry_changes_rebuild_everything_and_problems_show_the_banner(project):
    project.article("a", SEED_BODY, SEED_CLAIMS)
    sidecar = project.docs / "articles" / "a.claims.yml"
    with _serving(project) as server:
        registry = project.docs / "claimants.yml"
        renamed = registry.read_text("utf-8").replace("name: Sergei Shoigu", "name: S. Shoigu")
        server.after(lambda: registry.write_text(renamed, "utf-8"), builds=1)
        assert server.count("Building documentation") == 2
        assert "whole site is rebuilt" in "".join(server.log)
        assert b"S. Shoigu" in _fetch(server.url + "articles/a.html")

        server.after(lambda: sidecar.write_text(SEED_CLAIMS.replace("525 oil", "526 oil"), "utf-8"), builds=1)
        for path in ("articles/a.html", "index.html"):
            served = _fetch(server.url + path)
            assert b"Preview out of date" in served
        assert b"525 oil tanker trucks" in _fetch(server.url + "articles/a.html")


SHARED_CLAIMS = """\
claims:
  - id: bridges
    quote: 40 bridges
    claimant: russian-mod
    same-as: a#militants-killed
    note: Relayed from the article a.
"""


def test_an_edit_of_a_claim_other_articles_carry_rebuilds_everything(project):
    project.article("a", SEED_BODY, SEED_CLAIMS, published="2015-11-20")
    project.article("b", OTHER_BODY, SHARED_CLAIMS, outlet="Other Outlet", published="2015-11-21")
    sidecar = project.docs / "articles" / "a.claims.yml"
    with _serving(project) as server:
        assert b"Disputed" in _fetch(server.url + "articles/b.html")
        # The verdict is held by a's claim: b's page and the shared claim's page change with it.
        server.after(
            lambda: sidecar.write_text(SEED_CLAIMS.replace("status: disputed", "status: false"), "utf-8"), builds=1
        )
        assert server.count("Building documentation") == 2
        assert "whole site is rebuilt" in "".join(server.log)
        assert b"Disputed" not in _fetch(server.url + "articles/b.html")
        assert server.count("Preview updated") == 0
        served = _everything(project, server)
        server.after(lambda: project.config.write_text(project.config.read_text("utf-8") + "\n", "utf-8"), builds=1)
        assert server.count("Building documentation") == 3
        assert _everything(project, server) == served
