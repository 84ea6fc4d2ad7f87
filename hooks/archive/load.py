"""Loading and validating the whole archive, reporting every problem at once.

Runs before anything is written, so a broken archive never replaces a good
site. Reads each file once; the rest of the build works from the result.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import fields, render, safe_markdown, yamlsafe
from .anchor import Normalized, line_of, nearest_passage, occurrences
from .figures import find_figures
from .model import Archive, Article, Claim, Claimant, Link
from .problems import Problem, Problems, did_you_mean
from .statuses import build_statuses

ARTICLES_DIR = "articles"
REGISTRY = "claimants.yml"
SIDECAR_SUFFIX = ".claims.yml"
RAW_SUFFIX = ".txt"
MAX_FILE_BYTES = 1024 * 1024
BOM = b"\xef\xbb\xbf"
PARALLEL_FROM = 200  # articles: below this, starting worker processes costs more than it saves


class _Source:
    """A file being read: its path as shown to the editor, and its problems."""

    def __init__(self, path: Path, problems: Problems, root: Path):
        self.path = path
        self.shown = _shown(path, root)
        self.problems = problems

    def problem(self, line, code, claim=None, **values):
        self.problems.add(self.shown, line, code, claim, **values)

    def read_text(self, may_be_empty: bool = False) -> tuple[bytes, str] | None:
        try:
            data = self.path.read_bytes()
        except OSError as error:
            self.problem(None, "unreadable", reason=error.strerror)
            return None
        if len(data) > MAX_FILE_BYTES:
            self.problem(None, "too-large", size=len(data), limit=MAX_FILE_BYTES)
            return None
        if not data.strip() and not may_be_empty:
            self.problem(1, "empty-file")
            return None
        if data.startswith(BOM):  # a byte-order mark is harmless: skip it
            data = data[len(BOM) :]
        try:
            return data, data.decode("utf-8")
        except UnicodeDecodeError as error:
            line = data.count(b"\n", 0, error.start) + 1
            self.problem(line, "not-utf8", byte=data[error.start], offset=error.start)
            return None

    def yaml(self, text: str):
        try:
            return yamlsafe.load(text)
        except yamlsafe.YamlError as error:
            self.problem(error.line, error.code, **error.values)
            return None


def _shown(path: Path, root: Path) -> str:
    """The path as the editor knows it: relative to the project root (where mkdocs.yml is)."""
    try:
        relative = os.path.relpath(path, root)
    except ValueError:
        return str(path)
    return str(path) if relative.startswith("..") else relative


def check_block(source: _Source, block, table: dict, what: str, claim_id=None, line=None) -> dict | None:
    """Check a YAML mapping against a field table; returns the clean fields or None."""
    if not isinstance(block, dict):
        source.problem(getattr(block, "line", line), "not-a-block", claim_id, what=what)
        return None
    clean, ok = {}, True
    lines = getattr(block, "key_lines", {})
    for key in block:
        if key not in table:
            source.problem(
                lines.get(key), "unknown-key", claim_id, key=key, what=what, hint=did_you_mean(key, table, "keys")
            )
            ok = False
    for key, (check, required) in table.items():
        value = block.get(key)
        if value is None:
            if required:
                source.problem(block.line or None, "missing-key", claim_id, what=what, key=key)
                ok = False
            continue
        try:
            clean[key] = check(value, key)
        except fields.FieldError as error:
            source.problem(lines.get(key), error.code, claim_id, **error.values)
            ok = False
    return clean if ok else None


def load_archive(
    docs_dir: Path, statuses_override=None, config_path: Path | None = None, workers: int | None = 1
) -> Archive:
    """Load, validate and anchor everything; raises ContentError listing all problems.

    Paths in problems are relative to the folder of config_path (the project root).
    workers: how many processes read the article files (None: as many as are worth it,
    see _map); the archive and its problems are the same whatever the number.
    """
    problems = Problems()
    docs_dir = Path(docs_dir)
    config_path = Path(config_path) if config_path else docs_dir.parent / "mkdocs.yml"
    root = config_path.parent

    def new_source(path):
        return _Source(path, problems, root)

    config_text = config_path.read_text(encoding="utf-8", errors="replace") if statuses_override else ""
    statuses = build_statuses(statuses_override, problems, _shown(config_path, root), config_text)
    claimants: dict[str, Claimant] = {}
    registry_ok = _load_claimants_file(new_source(docs_dir / REGISTRY), claimants)

    articles_dir = docs_dir / ARTICLES_DIR
    article_paths = sorted(articles_dir.rglob("*.md")) if articles_dir.is_dir() else []
    sidecar_paths = sorted(articles_dir.rglob("*" + SIDECAR_SUFFIX)) if articles_dir.is_dir() else []
    article_stems = {str(p)[: -len(".md")] for p in article_paths}
    for sidecar in sidecar_paths:
        if str(sidecar)[: -len(SIDECAR_SUFFIX)] not in article_stems:
            article_name = sidecar.name[: -len(SIDECAR_SUFFIX)] + ".md"
            new_source(sidecar).problem(None, "orphan-sidecar", article=article_name)

    articles, pending = [], []
    jobs = [(path, docs_dir, root) for path in article_paths]
    for loaded in _map(_load_pair, jobs, workers):
        # Each file's problems in the order a one-process run finds them: the report is the same.
        problems.items.extend(loaded.problems)
        if loaded.article is not None:
            articles.append(loaded.article)
        if loaded.sidecar is not None:
            # Claimants are merged here, in file order: a conflict names the file that defined them first.
            source = new_source(loaded.sidecar)
            problems.items.extend(loaded.sidecar_problems)
            if loaded.claimants is not None:
                _merge_claimants(source, loaded.claimants, claimants)
            problems.items.extend(loaded.claims_problems)
            pending.append((loaded.article, source, loaded.checked))

    for claimant in claimants.values():
        if claimant.affiliation and claimant.affiliation not in claimants:
            problems.add(
                claimant.defined_in,
                claimant.line,
                "unknown-affiliation",
                claimant=claimant.id,
                value=claimant.affiliation,
                hint=did_you_mean(claimant.affiliation, claimants, "claimant ids"),
            )
    if not registry_ok:
        # Every claimant reference would look unknown: report the registry's own problem only.
        claimants = _AnyClaimant(claimants)
    for article, source, checked in pending:
        claims = _claims(source, article, checked, claimants, statuses)
        if article is not None:
            article.claims = claims

    problems.raise_if_any()
    articles.sort(key=lambda a: (a.archived, a.src), reverse=True)
    return Archive(articles=articles, claimants=claimants, statuses=statuses)


def _load_claimants_file(source: _Source, claimants: dict) -> bool:
    """False if the registry exists but cannot be read (its problem is already reported)."""
    if not source.path.exists():
        return True  # no registry: every claimant is defined in the claims files
    read = source.read_text(may_be_empty=True)
    if read is None:
        return False
    reported = len(source.problems.items)
    data = source.yaml(read[1])
    if len(source.problems.items) > reported:
        return False
    return data is None or _merge_claimants(source, data, claimants)


def _merge_claimants(source: _Source, data, claimants: dict) -> bool:
    """Adds the claimants of a file to the registry; False if the file's shape is wrong."""
    if not isinstance(data, dict):
        source.problem(getattr(data, "line", 1), "claimants-not-a-block")
        return False
    for claimant_id, block in data.items():
        line = data.key_lines.get(claimant_id)
        try:
            fields.identifier(claimant_id, "claimant id")
        except fields.FieldError as error:
            source.problem(line, error.code, **error.values)
            continue
        clean = check_block(source, block, fields.CLAIMANT, f"claimant {claimant_id}", claimant_id)
        if clean is None:
            continue
        claimant = Claimant(id=claimant_id, defined_in=source.shown, line=line, **clean)
        existing = claimants.get(claimant_id)
        if existing is not None and _claimant_fields(existing) != _claimant_fields(claimant):
            where = f"{existing.defined_in}:{existing.line}"
            source.problem(line, "claimant-conflict", claimant_id, value=claimant_id, where=where)
            continue
        claimants.setdefault(claimant_id, claimant)
    return True


class _AnyClaimant(dict):
    """The registry when docs/claimants.yml is broken: any id passes the reference check."""

    def __contains__(self, key) -> bool:
        return True


def _claimant_fields(claimant: Claimant):
    return (claimant.name, claimant.kind, claimant.role, claimant.affiliation, claimant.url)


def _split_front_matter(source: _Source, data: bytes):
    """The front matter's text, and the body as bytes (what sha256 covers) and as text."""
    first_newline = data.find(b"\n")
    if first_newline == -1 or data[:first_newline].rstrip(b"\r") != b"---":
        source.problem(1, "no-front-matter")
        return None
    position = first_newline + 1
    while position < len(data):
        end = data.find(b"\n", position)
        line_end = len(data) if end == -1 else end
        if data[position:line_end].rstrip(b"\r") in (b"---", b"..."):
            body_start = line_end + 1 if end != -1 else len(data)
            front = data[first_newline + 1 : position].decode("utf-8")
            body_bytes = data[body_start:]
            return front, body_bytes, body_bytes.decode("utf-8")
        if end == -1:
            break
        position = end + 1
    source.problem(1, "front-matter-unclosed")
    return None


def _load_article(source: _Source, docs_dir: Path) -> Article | None:
    read = source.read_text()
    if read is None:
        return None
    data, _ = read
    split = _split_front_matter(source, data)
    if split is None:
        return None
    front_text, body_bytes, body = split
    meta = source.yaml("\n" + front_text)  # the blank line stands for '---': lines match the file
    if meta is None:
        if not front_text.strip():
            source.problem(2, "front-matter-empty")
        return None
    clean = check_block(source, meta, fields.FRONT_MATTER, "the front matter")
    if clean is None:
        return None
    actual = hashlib.sha256(body_bytes).hexdigest()
    if clean["sha256"] != actual:
        source.problem(meta.key_lines.get("sha256"), "hash-mismatch", actual=actual)
        return None
    src = source.path.relative_to(docs_dir).as_posix()
    raw = source.path.with_suffix(RAW_SUFFIX)
    article = Article(
        src=src,
        body=body,
        raw_src=raw.relative_to(docs_dir).as_posix() if raw.exists() else None,
        **clean,
    )
    if clean.get("format") == "markdown" and render.MARKERS.search(body):
        source.problem(None, "noncharacters")
        return None
    article.figures = find_figures(body)
    return article


def _load_sidecar(source: _Source, loaded: _Loaded):
    """Reads a claims file into loaded; returns its claims (a list), or None."""
    read = source.read_text(may_be_empty=True)
    if read is None:
        return None
    data = source.yaml(read[1])
    if data is None:
        return None  # an empty sidecar (or only comments): no claims yet
    if not isinstance(data, dict):
        source.problem(getattr(data, "line", 1), "sidecar-not-a-block")
        return None
    for key in data:
        if key not in fields.SIDECAR:
            hint = did_you_mean(key, fields.SIDECAR, "keys")
            source.problem(data.key_lines.get(key), "unknown-key", key=key, what="the claims file", hint=hint)
    loaded.claimants = data.get("claimants")
    claims = data.get("claims")
    if claims is not None and not isinstance(claims, list):
        # Reported after the file's claimants are merged, as it always was.
        loaded.claims_problems.append(Problem(source.shown, data.key_lines.get("claims"), "claims-not-a-list"))
        return None
    return claims


@dataclass
class _Checked:
    """A claims file's claims, checked but for their claimants and status (which need every file).

    steps are the file's problems in the order found, with, where each claim's claimants and
    status are checked, the index of that claim in refs. candidates are the claims that passed
    every other check, as (index in refs, claim); claims and final are what _finish made of
    them, which stands if every reference is known.
    """

    steps: list = field(default_factory=list)
    refs: list = field(default_factory=list)
    candidates: list = field(default_factory=list)
    claims: list = field(default_factory=list)
    final: list = field(default_factory=list)


@dataclass
class _Loaded:
    """An article file and its claims file, read and checked: all that needs no other file.

    Made by _load_pair, in a worker process or not. The problems are in separate lists so that
    load_archive reports them in the order a one-process run finds them.
    """

    article: Article | None
    problems: list  # the article file's
    sidecar: Path | None = None
    sidecar_problems: list = field(default_factory=list)  # before its claimants are merged
    claimants: object = None  # its `claimants:` block, merged by load_archive
    claims_problems: list = field(default_factory=list)  # after the merge
    checked: _Checked = field(default_factory=_Checked)


def _load_pair(job) -> _Loaded:
    path, docs_dir, root = job
    source = _Source(path, Problems(), root)
    loaded = _Loaded(_load_article(source, docs_dir), source.problems.items)
    sidecar = Path(str(path)[: -len(".md")] + SIDECAR_SUFFIX)
    if sidecar.exists():
        # Checked even when its article is broken, so one run reports both.
        source = _Source(sidecar, Problems(), root)
        loaded.sidecar = sidecar
        if loaded.article is not None:
            loaded.article.sidecar_src = sidecar.relative_to(docs_dir).as_posix()
        claims_data = _load_sidecar(source, loaded)
        loaded.sidecar_problems = source.problems.items
        source.problems = Problems()
        loaded.checked = _check_claims(source, loaded.article, claims_data)
    return loaded


def _map(function, jobs: list, workers: int | None):
    """function over jobs, in order: in worker processes when that is safe and worth it.

    Reading the article files is most of loading (YAML, field checks, anchoring) and each pair
    of files is independent, so two cores nearly halve it. Workers are forked: they start at
    once, with the code already imported. Forking is only done where it is safe: not on macOS
    (its system libraries are not fork-safe; spawn would re-import everything) and not from a
    process with other threads (`mkdocs serve` rebuilds in one: a lock held by another thread
    at the fork would stay locked in the child). Small archives are not worth the processes.
    """
    if workers is None:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
        workers = min(cores, 8) if len(jobs) >= PARALLEL_FROM else 1
    can_fork = (
        "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin" and threading.active_count() == 1
    )
    if workers <= 1 or len(jobs) < 2 or not can_fork:
        return list(map(function, jobs))
    # Chunks of up to 64 pairs: few round trips, yet the last chunks still share out evenly.
    chunk = max(1, min(64, len(jobs) // (workers * 4)))
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(function, jobs, chunksize=chunk))


def _check_claims(source: _Source, article: Article | None, claims_data) -> _Checked:
    """The claims of one article, all but their references checked; with article None (it failed
    to load), only their fields are checked."""
    checked = _Checked()
    if not claims_data:
        return checked
    normalized = Normalized(article.body) if article else None
    paragraph_breaks = _paragraph_breaks(article.body) if article and article.format == "text" else []
    seen_ids: dict[str, int] = {}
    for index, block in enumerate(claims_data):
        claim_id = block.get("id") if isinstance(block, dict) and isinstance(block.get("id"), str) else None
        clean = check_block(source, block, fields.CLAIM, "the claim", claim_id, claims_data.item_lines[index])
        if clean is None:
            continue
        line = block.line
        claim_id = clean["id"]

        def problem(key, code, block=block, line=line, claim_id=claim_id, **values):
            """Report at the line of the claim's key (or of the claim)."""
            source.problem(block.key_lines.get(key, line), code, claim_id, **values)

        if claim_id in seen_ids:
            problem("id", "duplicate-id", first=seen_ids[claim_id])
            continue
        seen_ids[claim_id] = line
        ref = len(checked.refs)
        source.problems.items.append(ref)  # the claimants and status are checked here, once every file is read
        references = {"status": clean["status"], "claimant": clean["claimant"], "via": clean.get("via", [])}
        checked.refs.append((claim_id, {k: block.key_lines.get(k, line) for k in references}, references))
        ok = True
        note_html, unsafe = safe_markdown.note_html(clean["note"])
        if unsafe:
            problem("note", "forbidden-link", value=unsafe[0])
            ok = False
        if article is None:
            continue
        span = _anchor(article, normalized, paragraph_breaks, clean, problem)
        if span is None or not ok:
            continue
        claim = _claim(clean, line, span, article)
        claim.note_html = note_html
        checked.candidates.append((ref, claim))
    checked.steps, source.problems.items = source.problems.items, []
    checked.claims = _finish(source, article, [claim for _, claim in checked.candidates])
    checked.final = source.problems.items
    return checked


def _claims(source: _Source, article: Article | None, checked: _Checked, claimants, statuses) -> list[Claim]:
    """The claims of one article, once every file is read: their claimants and status checked."""
    refused = set()
    for step in checked.steps:
        if not isinstance(step, int):
            source.problems.items.append(step)
            continue
        claim_id, lines, references = checked.refs[step]

        def problem(key, code, lines=lines, claim_id=claim_id, **values):
            source.problem(lines[key], code, claim_id, **values)

        if not _references_known(references, claimants, statuses, problem):
            refused.add(step)
    if not refused:
        source.problems.items.extend(checked.final)
        return checked.claims
    return _finish(source, article, [claim for ref, claim in checked.candidates if ref not in refused])


def _finish(source: _Source, article: Article | None, claims: list[Claim]) -> list[Claim]:
    """The claims that anchored, checked together: in reading order, numbered, not overlapping."""
    if article is None:
        return []
    claims.sort(key=lambda c: c.start)
    for before, after in zip(claims, claims[1:], strict=False):
        if after.start < before.end:
            source.problem(after.line, "quote-overlap", after.id, other=before.id, other_line=before.line)
    for number, claim in enumerate(claims, 1):
        claim.number = number
    if article.format == "markdown":
        claims = _check_markdown(source, article, claims)
    return claims


def _check_markdown(source: _Source, article: Article, claims: list[Claim]) -> list[Claim]:
    """Render an archived Markdown text once, and refuse quotes its markup would split."""
    article.claims = claims
    article.markdown_html = safe_markdown.block_html(render.marked_markdown(article))
    for index, code in render.markdown_claims_problem(article.markdown_html, len(claims)).items():
        claim = claims[index]
        source.problem(claim.line, code, claim.id)
    return claims


def _references_known(clean: dict, claimants, statuses, problem) -> bool:
    ok = True
    if clean["status"] not in statuses:
        problem(
            "status", "unknown-status", value=clean["status"], hint=did_you_mean(clean["status"], statuses, "statuses")
        )
        ok = False
    for key, ids in (("claimant", [clean["claimant"]]), ("via", clean.get("via", []))):
        for who in ids:
            if who not in claimants:
                problem(key, "unknown-claimant", value=who, hint=did_you_mean(who, claimants, "claimant ids"))
                ok = False
    return ok


def _anchor(article: Article, normalized: Normalized, paragraph_breaks, clean: dict, problem):
    """The claim's [start, end) in the body, or None after reporting why not."""
    quote = clean["quote"]
    found = occurrences(normalized, quote)
    occurrence = clean.get("occurrence")
    if not found:
        guess = nearest_passage(normalized, quote)
        hint = f'nearest passage: "{guess}"; ' if guess else ""
        problem("quote", "quote-not-found", quote=quote, hint=hint)
        return None
    if occurrence is not None and occurrence > len(found):
        problem("occurrence", "occurrence-out-of-range", value=occurrence, count=len(found))
        return None
    if occurrence is None and len(found) > 1:
        places = ", ".join(f"line {line_of(article.body, start)}" for start, _ in found)
        problem("quote", "quote-ambiguous", quote=quote, count=len(found), places=places)
        return None
    span = found[(occurrence or 1) - 1]
    if any(span[0] < b < span[1] for b in paragraph_breaks):
        problem("quote", "quote-crosses-paragraphs")
        return None
    return span


def _claim(clean: dict, line: int, span: tuple[int, int], article: Article) -> Claim:
    source = clean.get("source")
    return Claim(
        id=clean["id"],
        quote=clean["quote"],
        claimant=clean["claimant"],
        status=clean["status"],
        note=clean["note"],
        line=line,
        occurrence=clean.get("occurrence"),
        via=clean.get("via", []),
        said=clean.get("said"),
        source=Link(**source) if source else None,
        figure=clean.get("figure"),
        evidence=[Link(**e) for e in clean.get("evidence", [])],
        checked=clean.get("checked"),
        start=span[0],
        end=span[1],
        article=article,
    )


def _paragraph_breaks(body: str) -> list[int]:
    return [m.start() + 1 for m in render.PARAGRAPH_BREAK.finditer(body)]
