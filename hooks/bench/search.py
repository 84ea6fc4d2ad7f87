"""Search at scale, as a reader meets it: a built site served over HTTP, in headless Chromium.

Measures the bytes the server sends from opening the home page until the first
search result is shown, and the time from the first keystroke to that result
(which includes downloading what search reads: Material's small index of the
hand-written pages, the archive's shards and chunks). Needs Playwright and a
Chromium (Debian's /usr/bin/chromium); used by `python -m hooks bench --search`.
"""

from __future__ import annotations

import functools
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .chromium import ARGS as CHROMIUM_ARGS

QUERY = "tanker trucks"


class _Handler(SimpleHTTPRequestHandler):
    sent = 0  # body bytes sent, across all requests (reset per measurement)
    lock = threading.Lock()

    def copyfile(self, source, outputfile):
        before = source.tell()
        super().copyfile(source, outputfile)
        with _Handler.lock:
            _Handler.sent += source.tell() - before

    def log_message(self, *args):
        pass


def measure(site: Path, chromium: str, query: str = QUERY, page: str = "index.html") -> dict:
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            try:
                tab = browser.new_context().new_page()
                _Handler.sent = 0
                tab.goto(f"http://127.0.0.1:{server.server_address[1]}/{page}", wait_until="domcontentloaded")
                start = time.perf_counter()
                box = tab.locator("input.md-search__input")
                box.click()
                box.press_sequentially(query)
                tab.locator(".md-search-result__item").first.wait_for(timeout=120_000)
                seconds = time.perf_counter() - start
                results = tab.locator(".md-search-result__item").count()
                return {"bytes": _Handler.sent, "seconds": seconds, "results": results}
            finally:
                browser.close()
    finally:
        server.shutdown()
        server.server_close()
