"""`python -m hooks bench`: how the build scales, against plain Material in the same run.

Generates a synthetic archive in the real content format (seeded, so every run
builds the same archive), builds it with the hooks, builds the same article
texts with plain Material (articles out of the nav, no hooks) as the reference,
and prints one table. Everything happens in a temporary folder that is removed
afterwards. MkDocs is only ever run as a subprocess.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from .. import engine
from ..archive.publish.tree import Tree, survey
from .synthetic import ROOT, generate, hooked_project, plain_project


@dataclass
class Run:
    seconds: float
    peak_mb: float
    log: str


def run_measured(command: list[str], log: Path, cwd: Path = ROOT, *, sample_memory: bool = False) -> Run:
    """Run a command, with its wall time and peak memory.

    The build forks a child for the data files and starts a helper for the zip. With
    sample_memory, the peak is the highest total, sampled every 50 ms, of the proportional set
    sizes (PSS: pages shared after a fork count once) of the command and all its descendants,
    or the command's own maximum resident set size if that is higher (on systems without
    /proc, only the latter). Without it, only the latter: reading a 1.5 GB process's PSS costs
    the kernel ~10 ms, and sampled every 50 ms that took about a third of a core from the build
    it timed (see docs/performance.md), so timed runs are never sampled.
    """
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    # The previous command's writes (a site of hundreds of MB) go to disk now, not while this
    # command is timed: each build starts from the same quiet disk, whichever ran before it.
    os.sync()
    with open(log, "wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=env)
        sampler = _MemorySampler(process.pid) if sample_memory else None
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        if sampler:
            sampler.stop()
        process.returncode = os.waitstatus_to_exitcode(status)
    text = log.read_text(encoding="utf-8", errors="replace")
    if process.returncode != 0:
        raise SystemExit(f"bench: {' '.join(command)} failed ({process.returncode}):\n{text[-3000:]}")
    return Run(seconds, max(usage.ru_maxrss / 1024, sampler.peak_kb / 1024 if sampler else 0), text)


class _MemorySampler:
    def __init__(self, pid: int):
        self.pid, self.peak_kb, self.running = pid, 0, True
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.running = False
        self.thread.join()

    def _sample(self) -> None:
        while self.running:
            self.peak_kb = max(self.peak_kb, sum(_pss_kb(pid) for pid in _tree(self.pid)))
            time.sleep(0.05)


def _tree(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    todo.extend(int(child) for child in children.read().split())
        except OSError:
            pass  # gone already, or no /proc
    return found


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


@dataclass
class SiteSize:
    published: Tree  # what the Pages workflow publishes (publish/tree.py)
    downloads: Tree  # what it publishes beside the site (release assets)
    largest_page: tuple[str, int]
    article_page: float  # the mean size of an article page
    search_index: int  # every file of search: Material's search_index.json and the archive's search/archive/
    search_largest: int  # the largest of them: what one query may have to download at most, per file
    search_largest_name: str


def site_size(site: Path) -> SiteSize:
    published, downloads = survey(site)
    pages = {path: size for path, size in published.files.items() if path.endswith(".html")}
    largest_page = max(pages.items(), key=lambda item: item[1], default=("", 0))
    articles = [size for path, size in pages.items() if path.startswith("articles/") and path.count("/") > 1]
    index, biggest, biggest_name = 0, 0, ""
    # search_index.js is the same index for the offline copy (file://): not counted twice.
    for path in [site / "search" / "search_index.json", *sorted((site / "search" / "archive").glob("*.js"))]:
        if path.is_file():
            size = path.stat().st_size
            index += size
            if size > biggest:
                biggest, biggest_name = size, path.name
    mean = sum(articles) / len(articles) if articles else 0
    return SiteSize(published, downloads, largest_page, mean, index, biggest, biggest_name)


def _mb(size: int) -> str:
    return f"{size / 1e6:,.1f} MB" if size >= 1e6 else f"{size / 1e3:,.1f} KB"


def _fastest(runs: list[Run], sampled_peak_mb: float) -> Run:
    """The fastest of repeated runs (the least disturbed by other work on a shared machine), with the highest
    peak: of theirs (each process's own maximum) and of the run whose memory was sampled."""
    best = min(runs, key=lambda run: run.seconds)
    return Run(best.seconds, max(sampled_peak_mb, *(run.peak_mb for run in runs)), best.log)


def bench(
    sizes: list[int],
    seed: int = 4,
    search: str | None = None,
    keep: Path | None = None,
    repeat: int = 1,
    preview: int = 0,
) -> list[dict]:
    """A row per size and build; preview: that many edits of each kind under `mkdocs serve` (preview.py)."""
    rows = []
    python = sys.executable
    for articles in sizes:
        work = Path(tempfile.mkdtemp(prefix=f"archive-bench-{articles}-", dir=keep))
        try:
            started = time.perf_counter()
            generated = generate(work / "hooked", articles, seed)
            hooked = hooked_project(generated)
            plain = plain_project(generated, work / "plain")
            print(
                f"bench: {articles} articles, {generated.claims} claims, {generated.claimants} claimants "
                f"generated in {time.perf_counter() - started:.1f} s ({work})",
                file=sys.stderr,
            )
            build = engine.command("build", "-q")
            commands = {
                "plain": [*build, "-f", str(plain)],
                "hooks": [*build, "--strict", "-f", str(hooked)],
                "check": [python, "-m", "hooks", "--config", str(hooked), "check"],
            }
            runs: dict[str, list[Run]] = {name: [] for name in commands}
            for _ in range(repeat):  # alternated, so that a busy spell does not hit one side only
                for name, command in commands.items():
                    runs[name].append(run_measured(command, work / f"{name}.log"))
                    print(f"bench: {name} {runs[name][-1].seconds:.1f} s", file=sys.stderr)
            peaks = {}
            for name, command in commands.items():  # one more run each, not timed, for the memory
                peaks[name] = run_measured(command, work / f"{name}.log", sample_memory=True).peak_mb
                print(f"bench: {name} peak memory {peaks[name]:,.0f} MB", file=sys.stderr)
            reference, ours, check = (_fastest(runs[name], peaks[name]) for name in commands)
            for name, run, site, checked in (
                ("plain Material", reference, work / "plain" / "site", None),
                ("with hooks", ours, work / "hooked" / "site", check),
            ):
                size = site_size(site)
                row = {
                    "articles": articles,
                    "build": name,
                    "seconds": run.seconds,
                    "ms_per_article": 1000 * run.seconds / articles,
                    "ratio": run.seconds / reference.seconds,
                    "peak_mb": run.peak_mb,
                    "size": size,
                    "check_seconds": checked.seconds if checked else None,
                    "check_peak_mb": checked.peak_mb if checked else None,
                }
                if search and checked:
                    from .search import measure  # playwright is only needed for this

                    row["search"] = min((measure(site, search) for _ in range(repeat)), key=lambda m: m["seconds"])
                if preview and checked:
                    from . import preview as served

                    row["preview"] = served.summary(served.measure(hooked, preview))
                    print(f"bench: preview {row['preview']}", file=sys.stderr)
                rows.append(row)
        finally:
            if keep is None:
                shutil.rmtree(work, ignore_errors=True)
    return rows


def table(rows: list[dict]) -> str:
    with_search = any("search" in r for r in rows)
    head = [
        "articles",
        "build",
        "seconds",
        "ms/article",
        "× plain",
        "peak memory",
        "published (files)",
        "downloads",
        "largest file",
        "largest page",
        "article page",
        "search index (largest file)",
        "`check`",
    ]
    if with_search:
        head += ["search: bytes to first result", "search: time to first result"]
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        size = r["size"]
        cells = [
            f"{r['articles']:,}",
            r["build"],
            f"{r['seconds']:.1f}",
            f"{r['ms_per_article']:.1f}",
            f"{r['ratio']:.2f}",
            f"{r['peak_mb']:,.0f} MB",
            f"{_mb(size.published.total)} ({len(size.published.files):,})",
            _mb(size.downloads.total) if size.downloads.files else "—",
            f"{_mb(size.published.largest[1])} ({size.published.largest[0]})",
            f"{_mb(size.largest_page[1])} ({size.largest_page[0]})",
            _mb(size.article_page),
            f"{_mb(size.search_index)} ({_mb(size.search_largest)} {size.search_largest_name})",
            f"{r['check_seconds']:.1f} s" if r["check_seconds"] is not None else "—",
        ]
        if with_search:
            found = r.get("search")
            cells += [_mb(found["bytes"]), f"{found['seconds']:.2f} s"] if found else ["—", "—"]
        out.append("| " + " | ".join(cells) + " |")
    hooked = {r["articles"]: r["seconds"] for r in rows if r["check_seconds"] is not None}
    sizes = sorted(hooked)
    if len(sizes) > 1:
        small, large = sizes[0], sizes[-1]
        out.append("")
        out.append(
            f"Growth with the hooks: {large:,} articles cost {hooked[large] / hooked[small]:.1f}× "
            f"what {small:,} cost ({large / small:.0f}× the articles)."
        )
    out += ["", *kinds_table(rows)]
    return "\n".join(out)


def kinds_table(rows: list[dict]) -> list[str]:
    """The published site per kind of file (bytes, files), each build beside the others, then the downloads."""
    builds = [(f"{r['articles']:,} {r['build']}", r["size"]) for r in rows]
    by_kind = [size.published.by_kind() for _, size in builds]  # 50,000 files each at 10,000 articles: once
    kinds: dict[str, int] = {}
    for found in by_kind:
        for name, (total, _) in found.items():
            kinds[name] = max(kinds.get(name, 0), total)
    head = ["kind of file", *(name for name, _ in builds)]
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name in sorted(kinds, key=lambda k: -kinds[k]):
        cells = [f"`{name}`"]
        for each in by_kind:
            found = each.get(name)
            cells.append(f"{_mb(found[0])} ({found[1]:,})" if found else "—")
        out.append("| " + " | ".join(cells) + " |")
    for label, pick in (("published", lambda s: s.published), ("downloads (beside the site)", lambda s: s.downloads)):
        cells = [f"**{label}**"]
        for _, size in builds:
            tree = pick(size)
            cells.append(f"{_mb(tree.total)} ({len(tree.files):,})" if tree.files else "—")
        out.append("| " + " | ".join(cells) + " |")
    return out
