"""Loading in worker processes gives the same archive, and the same report, as loading in one."""

from __future__ import annotations

import dataclasses
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from catalogue import CASES
from test_catalogue import _project

from hooks.archive import assemble
from hooks.archive.assemble import load_archive
from hooks.archive.problems import ContentError
from hooks.bench import synthetic as bench

pytestmark = pytest.mark.skipif(
    "fork" not in assemble.multiprocessing.get_all_start_methods() or assemble.sys.platform == "darwin",
    reason="workers are only forked where fork is safe; elsewhere loading is always serial",
)


def _report(docs, config=None, workers=1) -> list[str]:
    try:
        load_archive(docs, config, workers=workers)
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


def _in_a_fresh_process(*args):
    """Runs this file's __main__ in a new process, and returns what it pickled.

    load only forks workers from a process without other threads, and the test process may
    have some (the browser tests'): a fresh process has none.
    """
    run = [sys.executable, __file__, *map(str, args)]
    # The script's folder (tests/) is on its path; the project root, where `hooks` is, is not.
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    result = subprocess.run(run, capture_output=True, timeout=600, env=env)
    assert result.returncode == 0, result.stderr.decode()
    return pickle.loads(result.stdout)


def test_a_generated_archive_loads_the_same_in_workers(tmp_path):
    generated = bench.generate(tmp_path, 60, seed=5)
    docs = generated.root / "docs"
    serial = load_archive(docs, workers=1)
    assert len(serial.articles) == 60 and any(a.format == "markdown" for a in serial.articles)
    pools, parallel = _in_a_fresh_process("archive", docs)
    assert pools == [(2,)]  # it did run in two worker processes
    assert parallel == _plain(serial)


def test_every_error_case_reports_the_same_lines_in_workers(tmp_path):
    folders = []
    for number, case in enumerate(CASES):
        project = _project(case, tmp_path / str(number))
        # A second article and claims file, so that two workers each get work.
        project.article("b-" + case.name, "The ministry counted 525 tanker trucks.")
        folders.append(project.root)
    reports = _in_a_fresh_process("reports", *folders)
    for case, folder, report in zip(CASES, folders, reports, strict=True):
        serial = _reports([folder], workers=1)[0]
        assert serial, case.name
        assert report == serial, case.name


def _reports(folders, workers) -> list[list[str]]:
    reports = []
    for folder in folders:
        config = Path(folder) / "mkdocs.yml"
        reports.append(_report(Path(folder) / "docs", config, workers=workers))
    return reports


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
    serial = _reports([project.root], workers=1)[0]
    assert _in_a_fresh_process("reports", project.root) == [serial]
    assert [line.split(":")[:3] for line in serial] == [
        ["docs/articles/b.claims.yml", "3", " two"],  # unknown claimant: the claim is dropped...
        ["docs/articles/b.claims.yml", "4", " three"],  # unknown status
    ]  # ...so "525 oil" is not reported as overlapping "525 oil tanker trucks"


if __name__ == "__main__":  # the fresh process of _in_a_fresh_process
    mode, *paths = sys.argv[1:]
    if mode == "archive":
        pools = []

        class _Pool(assemble.ProcessPoolExecutor):
            def __init__(self, *args, **kwargs):
                pools.append(args)
                super().__init__(*args, **kwargs)

        assemble.ProcessPoolExecutor = _Pool
        answer = (pools, _plain(load_archive(Path(paths[0]), workers=2)))
    else:
        answer = _reports(paths, workers=2)
    sys.stdout.buffer.write(pickle.dumps(answer))
