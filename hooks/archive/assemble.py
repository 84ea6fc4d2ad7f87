"""The whole archive, loaded (load/) and anchored (anchor/), every problem reported at once.

Runs before anything is written, so a broken archive never replaces a good site. Reads each
file once; the rest of the build works from the result.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import chains, urls
from .anchor import claims as anchoring
from .anchor.figures import find_figures
from .config import read_config
from .load import registry, sidecar
from .load.article import load_article
from .load.safe_markdown import InertMarkdown
from .load.source import REGISTRY, SIDECAR_SUFFIX, Source
from .load.tree import walk
from .model import Archive, Article, Claim
from .outputs import check_outputs
from .problems import Problems, did_you_mean, shown_cycle, valid_choices

PARALLEL_FROM = 200  # articles: below this, starting worker processes costs more than it saves


def load_archive(docs_dir: Path, config_path: Path | None = None, workers: int | None = 1) -> Archive:
    """Load, validate and anchor everything; raises ContentError listing all problems.

    config_path: the project's mkdocs.yml (default: beside docs_dir), whose extra.archive is read
    (config.py); paths in problems are relative to its folder (the project root).
    workers: how many processes read the article files (None: as many as are worth it,
    see _load_pairs); the archive and its problems are the same whatever the number.
    """
    problems = Problems()
    docs_dir = Path(docs_dir)
    config_path = Path(config_path) if config_path else docs_dir.parent / "mkdocs.yml"
    root = config_path.parent
    config = read_config(config_path, problems, root)

    def new_source(path):
        return Source(path, problems, root)

    claimants: dict = {}
    registry_ok = registry.load_registry_file(new_source(docs_dir / REGISTRY), claimants)

    tree = walk(docs_dir, problems, root)
    check_outputs(tree, docs_dir, problems, root)
    article_paths, sidecar_paths = tree.articles, tree.sidecars
    article_stems = {str(p)[: -len(".md")] for p in article_paths}
    for path in sidecar_paths:
        if str(path)[: -len(SIDECAR_SUFFIX)] not in article_stems:
            article_name = path.name[: -len(SIDECAR_SUFFIX)] + ".md"
            new_source(path).problem(None, "orphan-sidecar", article=article_name)

    articles, pending = [], []
    sidecars = set(sidecar_paths)
    jobs = []
    for path in article_paths:
        beside = Path(str(path)[: -len(".md")] + SIDECAR_SUFFIX)
        jobs.append((path, docs_dir, root, beside if beside in sidecars else None))
    for loaded in _load_pairs(jobs, workers):
        # Each file's problems in the order a one-process run finds them: the report is the same.
        problems.items.extend(loaded.problems)
        if loaded.article is not None:
            articles.append(loaded.article)
        if loaded.sidecar is not None:
            # Claimants are merged here, in file order: a conflict names the file that defined them first.
            source = new_source(loaded.sidecar)
            problems.items.extend(loaded.sidecar_problems)
            if loaded.claimants is not None:
                registry.merge_claimants(source, loaded.claimants, claimants)
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
    _check_outlet_spellings(articles, new_source, docs_dir)
    for claimant in claimants.values():
        chain, at = [claimant.id], claimant.affiliation
        while at in claimants and at not in chain:
            chain.append(at)
            at = claimants[at].affiliation
        if at == claimant.id and claimant.id == min(chain):  # once a cycle, at its first id
            problems.add(claimant.defined_in, claimant.line, "affiliation-cycle", chain=shown_cycle([*chain, at]))
    if not registry_ok:
        # Every claimant reference would look unknown: report the registry's own problem only.
        claimants = registry.AnyClaimant(claimants)
    markdown = InertMarkdown()
    for article, source, checked in pending:
        claims = _claims(source, article, checked, claimants, config.statuses, markdown)
        if article is not None:
            article.claims = claims

    for article in articles:
        if article.format == "markdown" and not article.claims:  # no claims file, or no claim in it
            anchoring.render_markdown(article, markdown)
    shared = chains.link(articles, problems)
    problems.raise_if_any()
    articles.sort(key=article_order, reverse=True)
    return Archive(
        articles=articles, claimants=claimants, statuses=config.statuses, publisher=config.publisher, shared=shared
    )


def article_order(article: Article):
    """The archive's order of articles (newest archived first, reversed): the order of every list."""
    return (article.archived, article.src)


class NeedsWholeLoad(Exception):
    """An article file cannot be loaded again on its own: only a whole load checks or reports it."""


def _check_outlet_spellings(articles, new_source, docs_dir: Path) -> None:
    """Two spellings of one outlet ("Fast Outlet", "FAST OUTLET") would share its page (urls.outlet_words):
    the first in file order stands, each other is reported where its article names it."""
    first: dict[str, Article] = {}
    for article in sorted(articles, key=lambda a: a.src):
        words = urls.outlet_words(article.outlet)
        held = first.setdefault(words, article) if words else article
        if held.outlet != article.outlet:
            new_source(docs_dir / article.src).problem(
                article.outlet_line, "outlet-spelling", value=article.outlet, other=held.outlet, where=held.src
            )


def _spelt_apart(archive: Archive, article: Article) -> bool:
    """The article's outlet is another's spelt differently (which a whole load reports)."""
    words = urls.outlet_words(article.outlet)
    return bool(words) and any(
        name != article.outlet and urls.outlet_words(name) == words for name in {a.outlet for a in archive.articles}
    )


def reload_article(archive: Archive, docs_dir: Path, config_path: Path, path: Path) -> Article:
    """The article of path (an X.md under docs_dir) and its claims file, loaded again alone and
    checked against the archive's claimants and statuses: what load_archive would make of them.

    Raises NeedsWholeLoad if anything is wrong with them (a whole load reports it, every problem
    in its order) or if the claims file defines claimants (they may change other files' claims).
    """
    root = Path(config_path).parent
    beside = Path(str(path)[: -len(".md")] + SIDECAR_SUFFIX)
    markdown = InertMarkdown()
    loaded = _load_pair((path, docs_dir, root, beside if beside.is_file() else None), markdown)
    article = loaded.article
    if article is None or loaded.claimants is not None or loaded.problems or loaded.sidecar_problems:
        raise NeedsWholeLoad(path)
    if _spelt_apart(archive, article):
        raise NeedsWholeLoad(path)
    if loaded.sidecar is not None:
        source = Source(loaded.sidecar, Problems(), root)
        source.problems.items.extend(loaded.claims_problems)
        article.claims = _claims(source, article, loaded.checked, archive.claimants, archive.statuses, markdown)
        if source.problems.items:
            raise NeedsWholeLoad(path)
    if article.format == "markdown" and not article.claims:
        anchoring.render_markdown(article, markdown)
    return article


@dataclass
class _Checked:
    """A claims file's claims, checked but for their claimants and status (which need every file).

    steps are the file's problems in the order found, with, where each claim's claimants and
    status are checked, the index of that claim in refs. candidates are the claims that passed
    every other check, as (index in refs, claim); claims and final are what anchoring.finish made
    of them, which stands if every reference is known.
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


def _load_chunk(jobs: list) -> list[_Loaded]:
    markdown = InertMarkdown()
    return [_load_pair(job, markdown) for job in jobs]


def _load_pair(job, markdown: InertMarkdown) -> _Loaded:
    path, docs_dir, root, sidecar_path = job  # sidecar_path: the claims file beside it, if any
    source = Source(path, Problems(), root)
    article = load_article(source, docs_dir)
    if article is not None:
        article.figures = find_figures(article.body)
    loaded = _Loaded(article, source.problems.items)
    if sidecar_path is not None:
        # Checked even when its article is broken, so one run reports both.
        source = Source(sidecar_path, Problems(), root)
        loaded.sidecar = sidecar_path
        if article is not None:
            article.sidecar_src = sidecar_path.relative_to(docs_dir).as_posix()
            article.sidecar_shown = source.shown
        loaded.claimants, claims_data, dismissed, loaded.claims_problems = sidecar.read_sidecar(source)
        loaded.sidecar_problems = source.problems.items
        source.problems = Problems()
        loaded.checked = _check_claims(source, article, claims_data, markdown, dismissed)
    return loaded


def _load_pairs(jobs: list, workers: int | None) -> list[_Loaded]:
    """_load_pair of each job, in order, in chunks: in worker processes when that is safe and worth it.

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
        return _load_chunk(jobs)
    # Chunks of up to 64 pairs: few round trips, yet the last chunks still share out evenly.
    size = max(1, min(64, len(jobs) // (workers * 4)))
    chunks = [jobs[i : i + size] for i in range(0, len(jobs), size)]
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        return [loaded for chunk in pool.map(_load_chunk, chunks) for loaded in chunk]


def _check_claims(
    source: Source, article: Article | None, claims_data, markdown: InertMarkdown, dismissed=None
) -> _Checked:
    """The claims and dismissals of one article, all but the claims' references checked; with article
    None (it failed to load), only their fields are checked."""
    checked = _Checked()
    if not claims_data and not dismissed:
        return checked
    anchors = anchoring.Anchoring(article) if article else None
    if dismissed:
        dismissals = anchoring.dismissals(source, anchors, dismissed)
        if article is not None:
            article.dismissals = dismissals
    claims_data = claims_data or []
    seen_ids: dict[str, int] = {}
    for index, block in enumerate(claims_data):
        clean, ok = sidecar.claim_fields(source, block, claims_data.item_lines[index], seen_ids)
        line, claim_id = getattr(block, "line", None), clean.get("id")

        def problem(key, code, block=block, line=line, claim_id=claim_id, **values):
            """Report at the line of the claim's key (or of the claim)."""
            source.problem(block.key_lines.get(key, line), code, claim_id, **values)

        # The claimants and status are checked once every file is read (a step in the problems' order),
        # those of a claim with other problems too: every problem of a claim is told in one run.
        ref = len(checked.refs)
        source.problems.items.append(ref)
        references = {"status": clean.get("status"), "claimant": clean.get("claimant"), "via": clean.get("via", [])}
        keys = getattr(block, "key_lines", {})  # not a mapping: told as such by claim_fields
        checked.refs.append((claim_id, {k: keys.get(k, line) for k in references}, references))
        if not ok:
            if anchors is not None and "quote" in clean:
                anchors.span(clean, problem)  # told in the same run as the claim's other problems
            continue
        note_html = sidecar.note_html(source, block, clean, markdown)
        if anchors is None:
            continue
        span = anchors.span(clean, problem)
        if span is None or note_html is None:
            continue
        anchored = anchors.claim(clean, line, span, note_html)
        anchored.link_line = block.key_lines.get("same-as", line)
        checked.candidates.append((ref, anchored))
    checked.steps, source.problems.items = source.problems.items, []
    checked.claims = anchoring.finish(source, article, [claim for _, claim in checked.candidates], markdown)
    checked.final = source.problems.items
    return checked


def _claims(
    source: Source, article: Article | None, checked: _Checked, claimants, statuses, markdown: InertMarkdown
) -> list[Claim]:
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
    kept = [claim for ref, claim in checked.candidates if ref not in refused]
    return anchoring.finish(source, article, kept, markdown)


def _references_known(clean: dict, claimants, statuses, problem) -> bool:
    ok = True
    if clean["status"] is not None and clean["status"] not in statuses:  # None: linked (same-as), checked by chains
        problem(
            "status", "unknown-status", value=clean["status"], hint=valid_choices(clean["status"], statuses, "statuses")
        )
        ok = False
    for key, ids in (("claimant", [clean["claimant"]] if clean["claimant"] else []), ("via", clean.get("via", []))):
        for who in ids:
            if who not in claimants:
                problem(key, "unknown-claimant", value=who, hint=did_you_mean(who, claimants, "claimant ids"))
                ok = False
    hands = [who for who in (clean["claimant"], *clean.get("via", [])) if who]
    for who in sorted({who for who in hands if hands.count(who) > 1}):
        problem("via", "relay-repeated", value=who)
        ok = False
    return ok
