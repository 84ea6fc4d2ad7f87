"""`bench --preview`: how long an editor waits under `mkdocs serve`, from a save to the new page.

The project is served on 127.0.0.1; each edit is a file written as an editor's save writes it,
and its latency runs from just before the write to the first HTTP answer of the edited page with
the new bytes (polled every 10 ms; the live-reload script MkDocs injects, which differs on every
answer, is left out of the comparison). Edits of each kind, on different articles, one at a time,
each after the previous update and its data files are done (the server's log says so):

- note: one word of one claim's note (the article's page alone changes);
- status: one claim's status (its article, its status pages, every filter bar's counts...);
- add: a new article and claims file (a copy of another's under a new name);
- remove: that article and claims file deleted.
"""

from __future__ import annotations

import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from .. import engine

_LIVERELOAD = re.compile(rb"<script>\s*var livereload = .*?</script>", re.S)
EDITS = ("note", "status", "add", "remove")


def _fetch(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return _LIVERELOAD.sub(b"", response.read())
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return None
        raise


class Served:
    """`mkdocs serve` of a project, and the lines it logged."""

    def __init__(self, config: Path):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        self.process = subprocess.Popen(
            engine.command("serve", "-f", str(config), "-a", f"127.0.0.1:{self.port}"),
            cwd=config.parent,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.log: list[str] = []
        threading.Thread(target=lambda: self.log.extend(self.process.stdout), daemon=True).start()

    def wait_for(self, condition, what: str, seconds: float = 600, step: float = 0.01) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                if condition():
                    return
            except OSError:
                pass
            time.sleep(step)
        raise RuntimeError(f"timed out waiting for {what}:\n" + "".join(self.log[-30:]))

    def settled(self, lines_before: int) -> None:
        """Wait until the update after lines_before has brought the data files up to date, and say
        how long the whole update took (the edited page is served before the list pages are made)."""

        def done() -> bool:
            lines = self.log[lines_before:]
            if any("data files up to date" in line for line in lines):
                return True
            # A whole build instead (MkDocs may drop its "Documentation built" line: a repeated message).
            return not any("Preview updated" in line for line in lines) and any("Reloading" in line for line in lines)

        self.wait_for(done, "the data files", step=0.1)
        said = [line.strip() for line in self.log[lines_before:] if "Preview updated" in line]
        if said:
            print(f"bench: preview: {said[-1]}", file=sys.stderr, flush=True)

    def stop(self) -> None:
        self.process.send_signal(signal.SIGINT)  # MkDocs then removes its temporary site
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _articles(docs: Path) -> list[Path]:
    return sorted((docs / "articles").rglob("*.claims.yml"))


def measure(config: Path, edits: int = 5) -> dict[str, list[float]]:
    """Seconds from save to new page, for each kind of edit."""
    docs = config.parent / "docs"
    sidecars = _articles(docs)
    served = Served(config)
    latencies: dict[str, list[float]] = {kind: [] for kind in EDITS}
    try:
        served.wait_for(lambda: _fetch(served.url + "index.html") is not None, "the first build", step=0.5)
        served.wait_for(lambda: any("Serving on" in line for line in served.log), "the watcher", step=0.1)
        print(f"bench: preview: {config} served", file=sys.stderr, flush=True)
        for number in range(edits):
            sidecar = sidecars[(number * 37) % len(sidecars)]
            page = served.url + sidecar.relative_to(docs).as_posix()[: -len(".claims.yml")] + ".html"
            text = sidecar.read_text(encoding="utf-8")
            edited = {
                "note": re.sub(r"(?m)^(    note: (?:>-\n {6})?)", rf"\g<1>Edited{number} ", text, count=1),
                "status": _other_status(text),
            }
            for kind, new_text in edited.items():
                before = _fetch(page)
                lines = len(served.log)
                started = time.perf_counter()
                sidecar.write_text(new_text, encoding="utf-8")
                served.wait_for(lambda page=page, before=before: _fetch(page) != before, f"the {kind} edit")
                latencies[kind].append(time.perf_counter() - started)
                _progress(kind, latencies[kind][-1], served.log[lines:])
                served.settled(lines)
            article = Path(str(sidecar)[: -len(".claims.yml")] + ".md")
            copy = article.with_name(f"zz-preview-{number}.md")
            copy_page = served.url + copy.relative_to(docs).as_posix()[: -len(".md")] + ".html"
            lines = len(served.log)
            started = time.perf_counter()
            shutil.copy(sidecar, copy.with_suffix(".claims.yml"))
            shutil.copy(article, copy)
            served.wait_for(lambda url=copy_page: _fetch(url) is not None, "the added article")
            latencies["add"].append(time.perf_counter() - started)
            _progress("add", latencies["add"][-1], served.log[lines:])
            served.settled(lines)
            lines = len(served.log)
            started = time.perf_counter()
            copy.unlink()
            copy.with_suffix(".claims.yml").unlink()
            served.wait_for(lambda url=copy_page: _fetch(url) is None, "the removed article")
            latencies["remove"].append(time.perf_counter() - started)
            _progress("remove", latencies["remove"][-1], served.log[lines:])
            served.settled(lines)
    finally:
        served.stop()
    return latencies


def _progress(kind: str, seconds: float, lines: list[str]) -> None:
    said = [line.strip() for line in lines if "whole site" in line]
    print(f"bench: preview {kind} edit {seconds:.2f} s: {' '.join(said)}", file=sys.stderr, flush=True)


def _other_status(text: str) -> str:
    statuses = ["unverified", "disputed", "confirmed", "false", "partly-confirmed"]
    match = re.search(r'(?m)^    status: "?([a-z-]+)', text)
    current = match[1]
    other = statuses[(statuses.index(current) + 1) % len(statuses)] if current in statuses else "unverified"
    return text[: match.start(1)] + other + text[match.end(1) :]


def summary(latencies: dict[str, list[float]]) -> dict[str, tuple[float, float]]:
    return {kind: (statistics.median(values), max(values)) for kind, values in latencies.items() if values}


def table(rows: list[dict]) -> str:
    """Median and worst latency of each kind of edit, a row per size."""
    head = ["articles", *(f"{kind} edit: median (worst)" for kind in EDITS)]
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        if "preview" not in row:
            continue
        cells = [f"{row['articles']:,}"]
        for kind in EDITS:
            median, worst = row["preview"][kind]
            cells.append(f"{median:.2f} s ({worst:.2f} s)")
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out)
