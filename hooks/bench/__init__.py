"""`python -m hooks bench`: how the build scales, against plain Material in the same run.

Generates a synthetic archive in the real content format (seeded, so every run
builds the same archive), builds it with the hooks, builds the same article
texts with plain Material (articles out of the nav, no hooks) as the reference,
and prints one table. Everything happens in a temporary folder that is removed
afterwards. MkDocs is only ever run as a subprocess.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from ..archive.anchor.quotes import Normalized, occurrences

ROOT = Path(__file__).resolve().parents[2]  # the project: mkdocs.yml, docs/, hooks/, overrides/
STATUSES = ("confirmed", "partly-confirmed", "unverified", "disputed", "false")

_WORDS = (
    "the government said officials report that during week ministry forces region border talks agreement "
    "analysts expect markets prices supply energy pipeline exports imports council committee vote budget "
    "plan program campaign strikes operation troops city province capital workers union industry sector "
    "company firm shares investors bank central inflation growth economy trade deal sanctions embassy "
    "spokesman statement briefing press conference interview told reporters according sources familiar "
    "matter however meanwhile earlier later while although because despite after before since among "
    "residents families hospitals schools roads bridges ports airports farmers harvest drought floods "
    "storm season weather climate emissions coal gas oil wind solar grid outage repairs contractors "
    "inspection audit report review inquiry court judge ruling appeal lawyers charges police arrests "
    "protest march crowd square leaders summit partners allies rivals opposition party coalition election "
    "candidates polls turnout results count observers monitors mission aid convoy shelter refugees camps"
).split()
_UNITS = (
    "oil tanker trucks",
    "tons of grain",
    "barrels a day",
    "new jobs",
    "homes without power",
    "schools closed",
    "kilometres of road",
    "cases reported",
    "people displaced",
    "tonnes of coal",
    "flights cancelled",
    "hospital beds",
    "soldiers deployed",
    "votes counted",
    "megawatts of capacity",
    "litres of fuel",
)
_FIRST = (
    "Anna Boris Carla David Elena Farid Greta Hassan Irina Jonas Karim Lena Marco Nadia Omar Petra Quentin "
    "Rosa Sergei Tamara Umar Vera Walter Xenia Yusuf Zofia"
).split()
_LAST = (
    "Abbott Bauer Castro Dimitrov Eriksen Fischer Garcia Horvat Ivanova Jensen Kowalski Lindqvist Moreau "
    "Novak Okafor Petrov Quinn Rossi Silva Tanaka Urban Varga Weber Yilmaz Zhang"
).split()
_ORG_KINDS = ("Ministry of", "Agency for", "Institute of", "Council on", "Office of", "Bureau of")
_ORG_TOPICS = (
    "Energy",
    "Defence",
    "Transport",
    "Health",
    "Agriculture",
    "Finance",
    "Trade",
    "Labour",
    "Statistics",
    "Water",
    "Housing",
    "Mining",
    "Fisheries",
    "Aviation",
    "Customs",
)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _figure(rng: random.Random, used: set) -> tuple[str, float]:
    """A figure token ("1,250", "$3.5 million", "42%") not used yet in this article, and its value."""
    while True:
        kind = rng.randrange(4)
        if kind == 0:
            value = rng.randrange(2100, 99999)
            token = f"{value:,}"
        elif kind == 1:  # two digits: "518" would also stand, on word boundaries, inside "1,518"
            value = rng.randrange(21, 99)
            token = str(value)
        elif kind == 2:
            whole, tenth = rng.randrange(1, 99), rng.randrange(1, 10)
            value = (whole + tenth / 10) * 1e6
            token = f"${whole}.{tenth} million"
        else:
            value = rng.randrange(2, 99)
            token = f"{value}%"
        if token not in used:
            used.add(token)
            return token, value


def _sentence(rng: random.Random, length: int) -> str:
    words = [rng.choice(_WORDS) for _ in range(length)]
    return " ".join(words).capitalize() + "."


@dataclass
class Generated:
    root: Path
    articles: int
    claims: int
    claimants: int


def _claimants(rng: random.Random, count: int) -> tuple[dict[str, dict], list[str], list[str]]:
    """count claimants: organisations, outlets, and people affiliated to an organisation."""
    registry: dict[str, dict] = {}
    orgs, outlets = [], []
    for kind in _ORG_KINDS:
        for topic in _ORG_TOPICS:
            name = f"{kind} {topic}"
            registry[_slug(name)] = {"name": name, "kind": "organisation"}
            orgs.append(_slug(name))
            if len(orgs) >= count // 8:
                break
        if len(orgs) >= count // 8:
            break
    for number in range(max(2, count // 15)):
        name = f"The {rng.choice(_LAST)} {rng.choice(('Herald', 'Times', 'Wire', 'Post', 'Courier'))} {number + 1}"
        registry[_slug(name)] = {"name": name, "kind": "outlet", "url": f"https://outlet{number + 1}.example.org/"}
        outlets.append(_slug(name))
    while len(registry) < count:
        name = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
        claimant_id = _slug(name)
        if claimant_id in registry:
            claimant_id = f"{claimant_id}-{len(registry)}"
        org = rng.choice(orgs)
        registry[claimant_id] = {
            "name": name,
            "kind": "person",
            "role": f"spokesperson of the {registry[org]['name']}" if rng.random() < 0.5 else None,
            "affiliation": org,
        }
    return registry, orgs, outlets


def _yaml_text(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _claimants_yaml(registry: dict[str, dict]) -> str:
    out = ["# Synthetic claimant registry (python -m hooks bench)."]
    for claimant_id, fields in registry.items():
        out.append(f"{claimant_id}:")
        out += [f"  {key}: {_yaml_text(value)}" for key, value in fields.items() if value is not None]
    return "\n".join(out) + "\n"


def _article(rng: random.Random, number: int, people: list[str], orgs: list[str], outlets: list[str]):
    """(front matter fields, body, claims YAML) of one article of ~600 words with ~12 claims."""
    used: set = set()
    claims, paragraphs = [], []
    fmt = "markdown" if number % 10 == 9 else "text"
    for paragraph in range(8):
        sentences = []
        for _ in range(rng.randrange(4, 7)):
            sentence = _sentence(rng, rng.randrange(9, 16))
            if len(claims) < 12 and rng.random() < 0.4:
                token, value = _figure(rng, used)
                unit = rng.choice(_UNITS)
                quote = f"{token} {unit}"
                sentence = sentence[:-1] + f" with {quote} in the {rng.choice(_WORDS)}."
                claims.append((quote, value, unit))
            elif rng.random() < 0.05:
                token, _ = _figure(rng, used)  # a figure nobody has annotated yet
                sentence = sentence[:-1] + f" and {token} more {rng.choice(_WORDS)}."
            sentences.append(sentence)
        text = " ".join(sentences)
        if fmt == "markdown" and paragraph == 3:
            text = "## " + " ".join(rng.choice(_WORDS) for _ in range(4)).capitalize() + "\n\n" + text
        paragraphs.append(text)
    body = "\n\n".join(paragraphs) + "\n"
    normalized = Normalized(body)  # a quote that stands twice would need `occurrence:`: not generated
    claims = [claim for claim in claims if len(occurrences(normalized, claim[0])) == 1]
    year = 2015 + number % 10
    archived = datetime.date(2026, 1, 1) + datetime.timedelta(days=number % 300)
    title = f"{' '.join(rng.choice(_WORDS) for _ in range(6)).capitalize()} ({number + 1})"
    front = {
        "title": _yaml_text(title),
        "outlet": _yaml_text(f"Outlet {number % 20 + 1}"),
        "published": f"{year}-{number % 12 + 1:02d}-{number % 28 + 1:02d}",
        "url": f"https://news{number % 20 + 1}.example.org/{year}/{number + 1}",
        "archived": archived.isoformat(),
        "sha256": hashlib.sha256(body.encode("utf-8")).hexdigest(),
        "format": fmt,
    }
    lines = ["claims:"]
    for index, (quote, value, unit) in enumerate(claims):
        status = STATUSES[(number + index) % len(STATUSES)]
        claimant = rng.choice(people) if rng.random() < 0.7 else rng.choice(orgs)
        lines += [f"  - id: claim-{index + 1}", f"    quote: {_yaml_text(quote)}", f"    claimant: {claimant}"]
        if rng.random() < 0.3:
            hops = rng.sample(orgs, rng.randrange(1, 3)) + ([rng.choice(outlets)] if rng.random() < 0.5 else [])
            lines.append(f"    via: [{', '.join(h for h in hops if h != claimant)}]")
        lines += [
            f"    said: {year}-{number % 12 + 1:02d}-{number % 28 + 1:02d}",
            f"    figure: {{value: {value:g}, unit: {_yaml_text(unit)}}}",
            f"    status: {_yaml_text(status)}",
            "    note: >-",
            f"      {_sentence(rng, 14)} The *{rng.choice(_WORDS)}* figure was {status.replace('-', ' ')}"
            f" by the [{rng.choice(_WORDS)} report](https://example.org/evidence/{number}/{index}).",
        ]
        if rng.random() < 0.3:
            lines.append(f"    evidence: [{{title: Evidence {index + 1}, url: 'https://example.org/e/{number}'}}]")
        lines.append("    checked: 2026-11-24")
    return front, body, "\n".join(lines) + "\n"


def generate(root: Path, articles: int, seed: int = 4, claimants: int = 300) -> Generated:
    """The docs/ of a synthetic archive under root (root/docs/articles/YEAR/SLUG.md + sidecars)."""
    rng = random.Random(seed)
    docs = root / "docs"
    (docs / "articles").mkdir(parents=True)
    registry, orgs, outlets = _claimants(rng, claimants)
    people = [k for k, v in registry.items() if v["kind"] == "person"]
    (docs / "claimants.yml").write_text(_claimants_yaml(registry), encoding="utf-8")
    claim_count = 0
    for number in range(articles):
        front, body, claims = _article(rng, number, people, orgs, outlets)
        folder = docs / "articles" / front["published"][:4]
        folder.mkdir(exist_ok=True)
        stem = f"{number + 1:06d}-{_slug(front['title'])[:40].strip('-')}"
        head = "---\n" + "".join(f"{k}: {v}\n" for k, v in front.items()) + "---\n"
        (folder / f"{stem}.md").write_bytes((head + body).encode("utf-8"))
        (folder / f"{stem}.claims.yml").write_text(claims, encoding="utf-8")
        claim_count += claims.count("\n  - id:")
    return Generated(root, articles, claim_count, len(registry))


def hooked_project(generated: Generated) -> Path:
    """The project's own mkdocs.yml, theme overrides, hooks and hand-written pages around the archive."""
    root, docs = generated.root, generated.root / "docs"
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    for page in (ROOT / "docs").glob("*.md"):
        shutil.copy(page, docs / page.name)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^docs_dir: .*$", f"docs_dir: {docs}\nsite_dir: {root / 'site'}", config)
    config = config.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    config = config.replace("- hooks/mkdocs_hooks.py", f"- {ROOT / 'hooks' / 'mkdocs_hooks.py'}")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root / "mkdocs.yml"


PLAIN_CONFIG = """\
site_name: Plain Material reference
docs_dir: {docs}
site_dir: {site}
use_directory_urls: false
theme:
  name: material
  font: false
plugins:
  - search
not_in_nav: |
  /articles/
nav:
  - Home: index.md
"""


def plain_project(generated: Generated, root: Path) -> Path:
    """The same article files (hard links), built by plain Material: no hooks, articles out of the nav."""
    docs = root / "docs"
    for article in (generated.root / "docs" / "articles").rglob("*.md"):
        target = docs / article.relative_to(generated.root / "docs")
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(article, target)
    (docs / "index.md").write_text("# Plain Material reference\n", encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(PLAIN_CONFIG.format(docs=docs, site=root / "site"), encoding="utf-8")
    return config


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
    total: int
    largest: int
    largest_page: str
    search_index: int  # every file of search: Material's search_index.json and the archive's search/archive/
    search_largest: int  # the largest of them: what one query may have to download at most, per file
    search_largest_name: str


def site_size(site: Path) -> SiteSize:
    total, largest, largest_page = 0, 0, ""
    for folder, _, names in os.walk(site):
        for name in names:
            path = os.path.join(folder, name)
            size = os.path.getsize(path)
            total += size
            if name.endswith(".html") and size > largest:
                largest, largest_page = size, os.path.relpath(path, site)
    index, biggest, biggest_name = 0, 0, ""
    # search_index.js is the same index for the offline copy (file://): not counted twice.
    for path in [site / "search" / "search_index.json", *sorted((site / "search" / "archive").glob("*.js"))]:
        if path.is_file():
            size = path.stat().st_size
            index += size
            if size > biggest:
                biggest, biggest_name = size, path.name
    return SiteSize(total, largest, largest_page, index, biggest, biggest_name)


def _mb(size: int) -> str:
    return f"{size / 1e6:,.1f} MB" if size >= 1e6 else f"{size / 1e3:,.1f} KB"


def _fastest(runs: list[Run], sampled_peak_mb: float) -> Run:
    """The fastest of repeated runs (the least disturbed by other work on a shared machine), with the highest
    peak: of theirs (each process's own maximum) and of the run whose memory was sampled."""
    best = min(runs, key=lambda run: run.seconds)
    return Run(best.seconds, max(sampled_peak_mb, *(run.peak_mb for run in runs)), best.log)


def bench(
    sizes: list[int], seed: int = 4, search: str | None = None, keep: Path | None = None, repeat: int = 1
) -> list[dict]:
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
            build = [python, "-m", "mkdocs", "build", "-q"]
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
        "site size",
        "largest page",
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
            _mb(size.total),
            f"{_mb(size.largest)} ({size.largest_page})",
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
    return "\n".join(out)
