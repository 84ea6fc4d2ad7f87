"""Browser tests: the real site, built once, driven in Debian's Chromium by Playwright.

* The site is built once per session with the real mkdocs.yml, exactly as the Pages workflow
  builds it (SITE_URL set to a GitHub Pages address under /some-repo/).
* `offline` is the offline copy a reader downloads: the build's zip, unpacked into a folder.
* `server` serves that build on 127.0.0.1 (an OS-assigned port) under /some-repo/, answering
  a missing path with 404.html and status 404, as GitHub Pages does.
* `browse` opens pages in a fresh browser context and records every request the page makes:
  at the end of the test, a request to any other host than the test server (or, under
  file://, any request that is not a file of the offline copy) fails the test, as does an
  uncaught script error or a request that failed or got an error status (4xx, 5xx).
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import expect

from hooks.archive.export import search_index
from hooks.bench.chromium import ARGS as CHROMIUM_ARGS
from hooks.bench.chromium import PATH as CHROMIUM

ROOT = Path(__file__).resolve().parents[2]
SUB_PATH = "/some-repo/"
PAGES_URL = "https://example.github.io" + SUB_PATH
# Schemes that are not requests to anywhere (inline data, objects made by the page itself).
LOCAL_SCHEMES = ("data:", "blob:", "about:")


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real archive, built once with `mkdocs build --strict -d DIR`."""
    out = tmp_path_factory.mktemp("browser") / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": PAGES_URL}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def offline(site, tmp_path_factory) -> Path:
    """The offline copy (the zip linked from the home page), unpacked: file:// tests open it."""
    sys.path.insert(0, str(ROOT))
    from hooks.archive.publish.offline import FOLDER, ZIP_NAME

    into = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(site / ZIP_NAME) as archive:
        archive.extractall(into)
    return into / FOLDER


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under SUB_PATH only; anything missing gets 404.html with status 404."""

    # Text files as GitHub Pages serves them: UTF-8 said (else a browser guesses the encoding).
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".txt": "text/plain; charset=utf-8"}

    def __init__(self, *args, site: Path, **kwargs):
        self.site = site
        super().__init__(*args, directory=str(site), **kwargs)

    def log_message(self, format, *args):  # noqa: A002 - quiet test output
        pass

    def _target(self) -> Path | None:
        path = unquote(urlsplit(self.path).path)
        if not path.startswith(SUB_PATH):
            return None
        target = (self.site / path[len(SUB_PATH) :]).resolve()
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file() or self.site.resolve() not in target.parents:
            return None
        return target

    def do_GET(self):  # noqa: N802 - http.server's name
        target = self._target()
        if target is None:
            body = (self.site / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        self.path = "/" + target.relative_to(self.site.resolve()).as_posix()
        super().do_GET()

    def do_HEAD(self):  # noqa: N802
        self.do_GET()


@pytest.fixture(scope="session")
def server(site):
    """Base URL (ending in /some-repo/) of the built site served on 127.0.0.1."""
    handler = functools.partial(_SubPathHandler, site=site)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    host, port = httpd.server_address[:2]
    yield f"http://{host}:{port}{SUB_PATH}"
    httpd.shutdown()
    httpd.server_close()


# Package scope: Playwright is stopped once these tests are done, so that another test file can
# start its own (two sync Playwrights cannot run at once).
@pytest.fixture(scope="package")
def browser():
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: `apt-get install chromium` (.ci/run does it)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Browse:
    """Opens pages in fresh contexts and keeps the log of every request they make."""

    def __init__(self, browser, offline: Path, server: str):
        self.browser = browser
        self.offline = offline.resolve()
        self.server = server
        self.contexts = []
        self.log: list[tuple[str, str]] = []  # (URL of the page that made the request, URL requested)
        self.errors: list[str] = []
        self.failed: list[str] = []  # requests that failed or were answered with status >= 400
        self.servers = [server]  # test servers whose pages may ask them for files (see dense_server)

    def context(self, **options):
        context = self.browser.new_context(**options)
        context.set_default_timeout(10_000)
        context.on("request", lambda request: self.log.append((self._from(request), request.url)))
        context.on("requestfailed", self._request_failed)
        context.on("response", lambda response: response.status >= 400 and self.failed.append(response.url))
        self.contexts.append(context)
        return context

    @staticmethod
    def _from(request) -> str:
        try:
            return request.frame.page.url
        except Exception:  # a request of no page (a worker's): judged by its own URL alone
            return ""

    @property
    def requests(self) -> list[str]:
        return [url for _, url in self.log]

    def _request_failed(self, request):
        # Leaving a page aborts what it was still loading: not a failure of the site.
        if request.failure != "net::ERR_ABORTED":
            self.failed.append(f"{request.url} ({request.failure})")

    def open(self, url: str, *, wait_until: str = "load", **options):
        """A new page of a new context (viewport, java_script_enabled...) at url."""
        page = self.context(**options).new_page()
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.goto(url, wait_until=wait_until)
        return page

    def http(self, path: str = "") -> str:
        return self.server + path

    def file(self, path: str = "index.html") -> str:
        """The offline copy's page at path."""
        return (self.offline / path).as_uri()

    def _in_offline_copy(self, url: str) -> bool:
        return url.startswith("file://") and self.offline in Path(unquote(urlsplit(url).path)).parents

    def forbidden(self) -> list[str]:
        """Every recorded request that left the site: a page from disk may only read files of the
        offline copy, a served page only ask the test server (under /some-repo/)."""
        bad = []
        for page_url, url in self.log:
            if url.startswith(LOCAL_SCHEMES):
                continue
            if page_url.startswith("file://"):
                allowed = self._in_offline_copy(url)
            elif page_url.startswith("http"):
                allowed = any(page_url.startswith(s) and url.startswith(s) for s in self.servers)
            else:  # a page's first navigation, from about:blank
                allowed = self._in_offline_copy(url) or url.startswith(tuple(self.servers))
            if not allowed:
                bad.append(url)
        return bad

    def close(self):
        for context in self.contexts:
            context.close()


def _serve(site: Path):
    handler = functools.partial(_SubPathHandler, site=site)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    host, port = httpd.server_address[:2]
    return httpd, f"http://{host}:{port}{SUB_PATH}"


# A dense article: 20 figures in 5 short paragraphs, each a claim with a note of a few lines.
DENSE_PARAGRAPHS = [
    "Officials said {} were hit on Monday, {} burned overnight, {} closed and {} were cut before dawn.",
    "By Tuesday {} had stopped, {} were reported missing, {} were moved and {} lay idle at the border.",
    "The ministry counted {} in one strike, {} over two days, {} on the coast and {} further inland.",
    "Aid groups said {} were displaced, {} crossed the river, {} reached the camps and {} went home.",
    "Analysts put the losses at {} a day, {} a week, {} a month and {} over the whole campaign.",
]
DENSE_FIGURES = [
    ["12 tanker trucks", "40 barges", "7 depots", "3 pipelines"],
    ["9 refineries", "16 drivers", "22 convoys", "5 ferries"],
    ["31 vehicles", "58 targets", "14 warehouses", "27 wells"],
    ["4,000 people", "1,200 families", "800 children", "350 elders"],
    ["$1.5 million", "$10 million", "$40 million", "$300 million"],
]
DENSE_STATUSES = ["unverified", "confirmed", "disputed", "false", "partly-confirmed"]


def dense_article() -> tuple[str, str]:
    """(body, claims file) of the dense article."""
    body = "\n\n".join(p.format(*figures) for p, figures in zip(DENSE_PARAGRAPHS, DENSE_FIGURES, strict=True)) + "\n"
    claims = ["claims:"]
    for n, quote in enumerate(q for figures in DENSE_FIGURES for q in figures):
        claims += [
            f"  - id: figure-{n + 1}",
            f'    quote: "{quote}"',
            "    claimant: sergei-shoigu" if n % 3 else "    claimant: russian-mod",
            f"    status: {DENSE_STATUSES[n % len(DENSE_STATUSES)]}",
            "    said: 2015-11-20",
            "    checked: 2026-11-24",
            f"    note: The figure {quote} is given without a source; no other report of the week repeats it, "
            "and the ministry did not say how it was counted.",
        ]
    return body, "\n".join(claims) + "\n"


@pytest.fixture(scope="session")
def dense_site(tmp_path_factory) -> Path:
    """A site whose one article is the dense one, built like the real site (SITE_URL set)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import Project  # tests/conftest.py

    project = Project(tmp_path_factory.mktemp("dense") / "project")
    body, claims = dense_article()
    project.article("2015/dense", body, claims, title="Twenty figures in five paragraphs")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": PAGES_URL}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project.config)],
        cwd=project.root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return project.site


@pytest.fixture(scope="session")
def dense_server(dense_site):
    httpd, url = _serve(dense_site)
    yield url
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def browse(browser, offline, server):
    browse = Browse(browser, offline, server)
    yield browse
    browse.close()
    forbidden = browse.forbidden()
    assert not forbidden, f"requests outside the site: {forbidden}"
    assert not browse.errors, f"script errors: {browse.errors}"
    assert not browse.failed, f"failed requests: {browse.failed}"


def site_pages(folder: Path) -> list[str]:
    """The site's pages (not 404.html, not the HTML files among the assets), relative to folder."""
    return sorted(
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*.html")
        if path.name != "404.html" and path.relative_to(folder).parts[0] != "assets"
    )


@pytest.fixture(scope="session")
def article_path(site) -> str:
    """The seed article's page, relative to the site root."""
    pages = sorted(p.relative_to(site).as_posix() for p in (site / "articles").rglob("*.html"))
    assert pages, "the build has no article page"
    return pages[0]


def search(page, query: str, found: list[str] | None = None):
    """Type query into Material's search box as a reader does (it listens for keyup: fill() finds
    nothing), and wait for the worker's answer to all of it, not to the part typed so far: Material
    shows the results of every keystroke, and a result's link carries the words it matched (?h=).
    found: those words, when not all of the query's are found. Returns the result items."""
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=30)
    found = search_index.tokens(query) if found is None else found
    answer = page.locator(f".md-search-result__item a[href*='?h={'+'.join(found)}']")
    expect(answer.first).to_be_attached(timeout=15_000)
    return page.locator(".md-search-result__item")
