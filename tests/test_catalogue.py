"""The bad-input catalogue (tests/catalogue.py) run through `python -m hooks check` and `mkdocs build`.

Every error case: both commands exit non-zero, print exactly the expected lines (one per
problem, no traceback), and the previously built site is left byte for byte as it was.
Every build case: the archive builds with --strict and the page shows the content inertly.
"""

from __future__ import annotations

import shutil

import pytest
from bs4 import BeautifulSoup
from catalogue import BUILD_CASES, CASES
from conftest import SEED_BODY, SEED_CLAIMS, Project

from hooks.archive.assemble import load_archive
from hooks.archive.messages import MESSAGES
from hooks.archive.problems import ContentError


def _project(case, root) -> Project:
    project = Project(root)
    project.article("a", SEED_BODY, SEED_CLAIMS)
    for relative, content in case.files.items():
        path = project.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if callable(content):  # an edit of a file the project already has
            content = content(path.read_text(encoding="utf-8"))
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    if case.setup:
        case.setup(project.root)
    return project


def _snapshot(folder) -> dict:
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def good_site(tmp_path_factory):
    project = Project(tmp_path_factory.mktemp("good") / "project")
    project.article("a", SEED_BODY, SEED_CLAIMS)
    result = project.build()
    assert result.returncode == 0, result.stderr
    return project.site


def test_the_catalogue_covers_at_least_forty_cases():
    names = [case.name for case in CASES + BUILD_CASES]
    assert len(names) >= 40 and len(set(names)) == len(names)


def _assert_lines(case, lines):
    if case.total is None:
        assert lines == case.problems
    else:
        assert (len(lines), lines[0], lines[-1]) == (case.total, case.problems[0], case.problems[-1])


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_bad_input_gets_a_clear_error_and_nothing_is_lost(case, tmp_path, good_site):
    project = _project(case, tmp_path / "project")
    shutil.copytree(good_site, project.site)
    before = _snapshot(project.site)

    check = project.cli("check")
    assert check.returncode == 1
    assert "Traceback" not in check.stderr
    printed = check.stderr.splitlines()
    assert printed[-1].endswith("problem(s) found.")
    _assert_lines(case, printed[:-1])

    build = project.build()
    assert build.returncode == 1
    assert "Traceback" not in build.stderr
    logged = [line.split("-  ", 1)[1] for line in build.stderr.splitlines() if line.startswith("ERROR")]
    _assert_lines(case, logged)
    assert "the previous site was left as it was" in build.stdout + build.stderr
    assert _snapshot(project.site) == before


def test_every_message_the_build_can_print_is_in_the_catalogue(tmp_path):
    """The errors page lists messages.py; this keeps every entry there reachable and tested."""
    seen = set()
    for number, case in enumerate(CASES):
        project = _project(case, tmp_path / str(number))
        try:
            load_archive(project.docs, project.config)
        except ContentError as error:
            seen.update(problem.code for problem in error.problems)
            if case.total:
                seen.add("too-many-problems")
    assert set(MESSAGES) - seen == set()


@pytest.mark.parametrize("case", BUILD_CASES, ids=lambda case: case.name)
def test_odd_but_valid_input_builds_and_renders_inertly(case, tmp_path):
    project = _project(case, tmp_path / "project")
    build = project.build()
    assert build.returncode == 0, build.stderr
    page = BeautifulSoup(project.page("articles/a.html"), "html.parser")
    assert case.page(page) is not False
