"""Loading in worker processes gives the same archive, and the same report, as loading in one."""

from __future__ import annotations

import dataclasses

import pytest
from catalogue import CASES
from test_catalogue import _project, load_project_config_statuses

from hooks.archive import bench, load
from hooks.archive.load import load_archive
from hooks.archive.problems import ContentError

pytestmark = pytest.mark.skipif(
    "fork" not in load.multiprocessing.get_all_start_methods() or load.sys.platform == "darwin",
    reason="workers are only forked where fork is safe; elsewhere loading is always serial",
)


def _report(docs, statuses=None, config=None, workers=1) -> list[str]:
    try:
        load_archive(docs, statuses, config, workers=workers)
    except ContentError as error:
        return error.lines()
    return []


def _plain(archive) -> list:
    """Everything loaded, as comparable data (a claim's article is named by its path)."""

    def fields(obj):
        return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj) if f.name != "article"}

    articles = [
        {**fields(a), "claims": [fields(c) for c in a.claims], "figures": [fields(f) for f in a.figures]}
        for a in archive.articles
    ]
    claim_articles = [c.article.src for a in archive.articles for c in a.claims]
    return [articles, claim_articles, archive.claimants, archive.statuses]


def test_a_generated_archive_loads_the_same_in_workers(tmp_path, monkeypatch):
    generated = bench.generate(tmp_path, 60, seed=5)
    docs = generated.root / "docs"
    serial = load_archive(docs, workers=1)
    pools = []

    class Pool(load.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            pools.append(args)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(load, "ProcessPoolExecutor", Pool)
    parallel = load_archive(docs, workers=2)
    assert pools == [(2,)]  # it did run in two worker processes
    assert len(serial.articles) == 60 and any(a.format == "markdown" for a in serial.articles)
    assert _plain(parallel) == _plain(serial)
    assert all(c.article is a for a in parallel.articles for c in a.claims)


def test_every_error_case_reports_the_same_lines_in_workers(tmp_path):
    for number, case in enumerate(CASES):
        project = _project(case, tmp_path / str(number))
        # A second article and claims file, so that two workers each get work.
        project.article("b-" + case.name, "The ministry counted 525 tanker trucks.")
        statuses = load_project_config_statuses((project.root / "mkdocs.yml").read_text(encoding="utf-8"))
        serial = _report(project.docs, statuses, project.config)
        assert serial, case.name
        assert _report(project.docs, statuses, project.config, workers=2) == serial, case.name


def test_references_are_checked_after_every_file_is_read(tmp_path):
    """A claimant defined in one claims file and cited in another; an unknown one drops its claim
    before the overlap check, as in one process."""
    from conftest import Project

    project = Project(tmp_path / "p")
    body = "Officials said 525 oil tanker trucks crossed, and 300 more were seen."
    project.article(
        "a",
        body,
        "claimants:\n  new-source: {name: New Source, kind: outlet}\nclaims:\n"
        "  - {id: one, quote: 525 oil tanker trucks, claimant: new-source, status: unverified, note: n}\n",
    )
    project.article(
        "b",
        body,
        "claims:\n"
        "  - {id: one, quote: 525 oil tanker trucks, claimant: new-source, status: unverified, note: n}\n"
        "  - {id: two, quote: 525 oil, claimant: nobody-known, status: unverified, note: n}\n"
        "  - {id: three, quote: oil tanker, claimant: new-source, status: nonsense, note: n}\n",
    )
    serial = _report(project.docs)
    assert _report(project.docs, workers=2) == serial
    assert [line.split(":")[:3] for line in serial] == [
        ["docs/articles/b.claims.yml", "3", " two"],  # unknown claimant: the claim is dropped...
        ["docs/articles/b.claims.yml", "4", " three"],  # unknown status
    ]  # ...so "525 oil" is not reported as overlapping "525 oil tanker trucks"
