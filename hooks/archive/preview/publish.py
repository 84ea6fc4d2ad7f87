"""Writing an update into the served site: only files whose bytes change, each replaced whole.

The server may send a file while it is being written: each is written beside it and renamed over
it (a reader gets the old file or the new one, never half of one). The data files (claims.json,
the annotations, the feed, the search index...) are made from the whole archive, seconds of work at
10,000 articles: they are brought up to date by a thread after the pages are served, so that
they are right a few seconds after the pages; the offline zip stays as the last whole build made
it (the log says so after each update).
"""

from __future__ import annotations

import os
import tempfile
import threading
import time
from collections.abc import Callable


def write_bytes(site_dir: str, path: str, data: bytes) -> bool:
    """Write data at path (in the site) unless the file holds it already; True if written."""
    target = os.path.join(site_dir, path)
    try:
        with open(target, "rb") as existing:
            if existing.read() == data:
                return False
    except FileNotFoundError:
        os.makedirs(os.path.dirname(target), exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=os.path.dirname(target), prefix=".preview-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        os.unlink(temporary)
        raise
    return True


def replace_head(site_dir: str, path: str, old: str, new: str) -> bool | None:
    """The page at path with its head old replaced by new; None if old is not in it exactly once.

    A count that changes keeps its length most of the time: then only the head is written, in
    place (MkDocs's server answers no request while the update runs). A status edit at 10,000
    articles changes the counts of about 1,000 pages of 300 KB each.
    """
    target = os.path.join(site_dir, path)
    try:
        with open(target, "r+b") as page:
            data = page.read()
            before, after = (text.encode("utf-8", errors="xmlcharrefreplace") for text in (old, new))
            at = data.find(before)
            if at < 0 or data.find(before, at + 1) >= 0:
                return None
            if len(before) == len(after):
                page.seek(at)
                page.write(after)
                return True
    except FileNotFoundError:
        return None
    return write_bytes(site_dir, path, data[:at] + after + data[at + len(before) :])


def remove(site_dir: str, path: str) -> None:
    try:
        os.unlink(os.path.join(site_dir, path))
    except FileNotFoundError:
        pass


class DataRefresh:
    """Brings the data files of site_dir up to date with a site, in a thread; one at a time.

    known: every data file path in site_dir, so that those an edit no longer makes (a removed
    article's JSON, a search shard) are deleted. Made from the first site it is given (what
    the whole build wrote), then kept up to date.
    """

    def __init__(self, site_dir: str, site, log: Callable[[str], None]):
        self.site_dir, self.log = site_dir, log
        self.known: set[str] | None = None
        self.first = site
        self.hashes: dict[str, int] = {}
        self.threads: list[threading.Thread] = []  # the running one last; the others stop
        self.stopping = threading.Event()
        self.lock = threading.Lock()  # held while the first site's paths are listed

    def start(self, site) -> None:
        # The previous thread stops before it writes another file (it may finish making one).
        self.stopping.set()
        self.stopping = threading.Event()
        self.threads = [thread for thread in self.threads if thread.is_alive()]
        self.threads.append(threading.Thread(target=self._run, args=(site, self.stopping), daemon=True))
        self.threads[-1].start()

    def stop(self) -> None:
        """Stop the thread and wait for it (before a whole build cleans the site)."""
        self.stopping.set()
        for thread in self.threads:
            thread.join()
        self.threads = []

    def _run(self, site, stopping: threading.Event) -> None:
        started = time.perf_counter()
        with self.lock:
            if self.known is None:
                self.known = {path for path, _ in self.first.data_files()}
                self.first = None  # not kept: it is an archive of the size of the site
        written, made = 0, set()
        for path, text in site.data_files():
            if stopping.is_set():
                return
            made.add(path)
            self.known.add(path)
            digest = hash(text)
            if self.hashes.get(path) == digest:
                continue
            written += write_bytes(self.site_dir, path, text.encode("utf-8"))
            self.hashes[path] = digest
        if stopping.is_set():
            return
        for path in self.known - made:
            remove(self.site_dir, path)
            self.hashes.pop(path, None)
        gone = len(self.known - made)
        self.known = made
        self.log(f"{written} written, {gone} removed, in {time.perf_counter() - started:.1f} s")
